#pragma once
// Private: the one writer of each table's rows.
//
// Every path that adds rows (coding in the GUI or CLI, autocoding, importing
// a file, storing REFI-QDA data or another project in a merge) writes them
// through the writer of that table here, so a table's columns, defaults and
// GUIDs are decided in one place. A writer writes a row now (write: its id),
// or gathers rows and writes them by one statement (gather, flush; see
// bulk_insert_p.h) where an import brings thousands. Either way the rows go
// into the project table, where the undo triggers record each one for undo
// and the change journal: no writer bypasses them. All run inside the
// caller's Action.
//
// Writers of other tables: code rows insert_code (codebook.cpp), attribute
// rows AttributeMaker (cases.cpp), both in store_p.h; import_log rows
// store_import (documents.cpp). docs/design.md, "Writing rows: one writer per
// table", lists every writer and its callers.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "quire/base/types.h"
#include "store/bulk_insert_p.h"
#include "store/db_p.h"

namespace quire::detail {

/// The statements that write one table's rows: the column list lives here.
class TableWriter {
public:
  /// `tail` follows the INSERT (an ON CONFLICT clause, or empty).
  TableWriter(Db& db, std::string table, std::vector<std::string> columns, std::string tail = {});
  TableWriter(const TableWriter&) = delete;

  /// The statement that writes one row now: bind columns 1..n, run(), then
  /// the row's id is db.last_insert_id().
  Stmt now();
  /// The statement that gathers one row for flush(): bind columns 1..n, run().
  Stmt later();
  /// Writes the gathered rows, in the order gathered.
  void flush();
  std::size_t pending() const { return m_bulk ? m_bulk->pending() : 0; }

private:
  Db& m_db;
  std::string m_table;
  std::vector<std::string> m_columns;
  std::string m_tail;
  std::string m_insert;
  std::optional<BulkInsert> m_bulk; ///< made on the first gathered row
};

/// A row of `coding`. An empty guid gets a new GUID.
struct CodingRow {
  Id document_id = 0;
  Id code_id = 0;
  std::int64_t start = 0, end = 0;
  Id coder_id = 0;
  std::string created_at;
  std::string guid;
};

class CodingWriter {
public:
  explicit CodingWriter(Db& db);
  Id write(const CodingRow& r);
  void gather(const CodingRow& r);
  void flush() { m_rows.flush(); }
  std::size_t pending() const { return m_rows.pending(); }

private:
  Db& m_db;
  TableWriter m_rows;
};

/// A row of `memo`. An empty guid gets a new GUID.
struct MemoRow {
  MemoTarget target = MemoTarget::Project;
  std::optional<Id> target_id;
  std::string title;
  std::string text; ///< normalised by the caller
  std::string author;
  std::string created_at, updated_at;
  std::string guid;
};

class MemoWriter {
public:
  explicit MemoWriter(Db& db);
  Id write(const MemoRow& r);

private:
  Db& m_db;
  TableWriter m_rows;
};

/// A row of `passage`. An empty guid gets a new GUID.
struct PassageRow {
  Id document_id = 0;
  std::int64_t start = 0, end = 0;
  std::string speaker;
  std::optional<std::int64_t> start_ms, end_ms;
  std::optional<Id> case_id;
  std::optional<Id> question_id;
  std::string guid;
};

class PassageWriter {
public:
  explicit PassageWriter(Db& db);
  Id write(const PassageRow& r);
  void gather(const PassageRow& r);
  void flush() { m_rows.flush(); }
  std::size_t pending() const { return m_rows.pending(); }

private:
  Db& m_db;
  TableWriter m_rows;
};

/// A row of `document` and its text (`document_text`), written together. An
/// empty guid gets a new GUID; an empty kind is "text".
struct DocumentRow {
  std::optional<Id> id; ///< given: gathered rows need theirs before they are written
  std::string name;     ///< unique among the project's documents (unique_document_name)
  std::string kind;
  std::string folder;
  std::string original_name;
  std::string imported_at;
  std::string sha256;
  std::int64_t length = 0; ///< code points of text
  std::optional<Id> case_id;
  std::string guid;
  std::string_view text; ///< normalised
};

class DocumentWriter {
public:
  explicit DocumentWriter(Db& db);
  Id write(const DocumentRow& r);
  /// r.id must be given.
  void gather(const DocumentRow& r);
  void flush();

private:
  void bind(Stmt& s, const DocumentRow& r);
  Db& m_db;
  TableWriter m_documents;
  TableWriter m_texts;
};

/// A row of `case_`. An empty guid gets a new GUID.
struct CaseRow {
  std::optional<Id> id; ///< given: gathered rows need theirs before they are written
  std::string name;
  std::string description;
  std::string guid;
};

class CaseWriter {
public:
  explicit CaseWriter(Db& db);
  Id write(const CaseRow& r);
  /// r.id must be given.
  void gather(const CaseRow& r);
  void flush() { m_rows.flush(); }

private:
  Db& m_db;
  TableWriter m_rows;
};

/// `case_value` rows: one attribute value of a case, set (replacing the
/// value there) or, for a missing value, cleared.
class CaseValueWriter {
public:
  explicit CaseValueWriter(Db& db);
  void write(Id case_id, Id attribute_id, const Value& v);
  /// Sets a value (not missing) by flush().
  void gather(Id case_id, Id attribute_id, const Value& v);
  void flush() { m_rows.flush(); }

private:
  Db& m_db;
  TableWriter m_rows;
};

/// The `question` of that name in a survey (folder), added when new.
Id ensure_question(Db& db, const std::string& folder, const std::string& name);

/// Adds a `coder` row (a new GUID when guid is empty); its id.
Id insert_coder(Db& db, const std::string& name, const std::string& guid = {});

} // namespace quire::detail
