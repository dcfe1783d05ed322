// Many rows written to a project table by one statement (see bulk_insert_p.h).
#include "store/bulk_insert_p.h"

namespace quire::detail {

BulkInsert::BulkInsert(Db& db, const std::string& table, const std::vector<std::string>& columns,
                       const std::string& tail)
    : m_db(db), m_stage("temp.quire_bulk_" + table) {
  std::string cols, marks;
  for (const auto& c : columns) {
    cols += (cols.empty() ? "" : ", ") + c;
    marks += marks.empty() ? "?" : ", ?";
  }
  // Untyped columns keep each value as bound. Made once per connection: a
  // temporary table's creation changes the schema, which makes SQLite
  // prepare every cached statement again.
  m_db.exec("CREATE TABLE IF NOT EXISTS " + m_stage + "(" + cols + ")");
  m_db.exec("DELETE FROM " + m_stage);
  m_insert = "INSERT INTO " + m_stage + "(" + cols + ") VALUES (" + marks + ")";
  // WHERE true: SQLite reads "ON CONFLICT" after a bare FROM as a join's ON.
  m_copy = "INSERT INTO main." + table + "(" + cols + ") SELECT " + cols + " FROM " + m_stage +
           " WHERE true ORDER BY rowid " + tail;
}

Stmt BulkInsert::row() {
  ++m_pending;
  return m_db.prepare(m_insert);
}

void BulkInsert::flush() {
  if (m_pending == 0) {
    return;
  }
  m_db.prepare(m_copy).run();
  m_db.prepare("DELETE FROM " + m_stage).run();
  m_pending = 0;
}

} // namespace quire::detail
