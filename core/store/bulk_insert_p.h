#pragma once
// Private: many rows written to a project table by one statement.
//
// Each INSERT into a table with undo triggers opens a statement journal and
// runs the trigger program as a statement of its own; for a survey of
// 100,000 answers that was most of storing it. Rows are gathered in a
// temporary table (no triggers, no constraints, in memory) and copied by one
// INSERT ... SELECT: the triggers still record every row for undo, once per
// row inside that one statement. Runs inside the caller's Action: a rollback
// drops the gathered rows with everything else. Used through the table
// writers of rows_p.h (gather, flush), not on its own.
#include <string>
#include <vector>

#include "store/db_p.h"

namespace quire::detail {

class BulkInsert {
public:
  /// Rows for `table`'s `columns`; `tail` follows the INSERT ... SELECT
  /// (an ON CONFLICT clause, or empty).
  BulkInsert(Db& db, const std::string& table, const std::vector<std::string>& columns,
             const std::string& tail = {});
  BulkInsert(const BulkInsert&) = delete;

  /// The statement that gathers one row: bind columns 1..n, then run().
  Stmt row();
  /// Writes the gathered rows to the table, in the order gathered.
  void flush();
  /// Rows gathered and not yet written.
  std::size_t pending() const { return m_pending; }

private:
  Db& m_db;
  std::string m_stage;  ///< the temporary table
  std::string m_insert; ///< gathers a row
  std::string m_copy;   ///< copies the rows to the table
  std::size_t m_pending = 0;
};

} // namespace quire::detail
