// The project file's schema, its migrations, and the undo triggers.
#include <algorithm>
#include <vector>

#include "quire/base/error.h"
#include "store/project_p.h"

namespace quire::detail {

namespace {

// The journal of committed changes (schema 3): a row per generation, what it
// touched (see journal.cpp). Other programs on the project read it to catch up.
const char* const change_journal_sql = R"SQL(
CREATE TABLE change_journal(
  generation INTEGER PRIMARY KEY, tables TEXT NOT NULL, documents TEXT NOT NULL,
  codings TEXT NOT NULL, undo_or_redo INTEGER NOT NULL DEFAULT 0, step INTEGER);
)SQL";

// Suggestions (schema 5): the versions of the models learnt from the
// project's codings, the suggestions shown (open) and decided (accepted or
// rejected), and which codings came from an accepted suggestion.
const char* const suggestions_sql = R"SQL(
CREATE TABLE IF NOT EXISTS suggest_model(
  id INTEGER PRIMARY KEY, fingerprint TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL,
  method TEXT NOT NULL, examples INTEGER NOT NULL, codes TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS suggestion(
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
  start INTEGER NOT NULL, end INTEGER NOT NULL, code_guid TEXT NOT NULL,
  score REAL NOT NULL, model_version INTEGER NOT NULL, reasons TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','accepted','rejected')),
  decided_by TEXT NOT NULL DEFAULT '', decided_at TEXT NOT NULL DEFAULT '',
  UNIQUE (document_id, start, end, code_guid));
CREATE INDEX IF NOT EXISTS suggestion_status ON suggestion(status, document_id);
CREATE TABLE IF NOT EXISTS coding_suggestion(
  coding_id INTEGER PRIMARY KEY REFERENCES coding(id) ON DELETE CASCADE,
  suggestion_id INTEGER NOT NULL, model_version INTEGER NOT NULL);
)SQL";

// The codings by place, holding every column an analysis or the search
// index reads (schema 6): a theme table over a million codings scans this
// index, a quarter of the table's size (no GUIDs, no dates), and a
// document's codings are read from it without visiting the table. In
// (document, start, id) order, the order analyses and views want.
const char* const coding_place_sql = R"SQL(
CREATE INDEX IF NOT EXISTS coding_place ON coding(document_id, start, id, end, code_id, coder_id);
)SQL";

// The current schema (version 6: this, suggestions_sql and
// coding_place_sql), for new files.
const char* const schema_current = R"SQL(
CREATE TABLE project_info(
  id INTEGER PRIMARY KEY CHECK (id = 1),
  guid TEXT NOT NULL,
  created_at TEXT NOT NULL,
  generation INTEGER NOT NULL DEFAULT 0,
  created_by TEXT NOT NULL DEFAULT '',
  written_by TEXT NOT NULL DEFAULT '');
CREATE TABLE setting(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE coder(
  id INTEGER PRIMARY KEY, guid TEXT NOT NULL UNIQUE, name TEXT NOT NULL UNIQUE);
CREATE TABLE case_(
  id INTEGER PRIMARY KEY, guid TEXT NOT NULL UNIQUE, name TEXT NOT NULL UNIQUE,
  description TEXT NOT NULL DEFAULT '');
CREATE TABLE attribute(
  id INTEGER PRIMARY KEY, guid TEXT NOT NULL UNIQUE, name TEXT NOT NULL UNIQUE,
  type TEXT NOT NULL CHECK (type IN ('text','number','date')), ord INTEGER NOT NULL DEFAULT 0);
CREATE TABLE case_value(
  case_id INTEGER NOT NULL REFERENCES case_(id) ON DELETE CASCADE,
  attribute_id INTEGER NOT NULL REFERENCES attribute(id) ON DELETE CASCADE,
  value ANY,
  PRIMARY KEY (case_id, attribute_id)) WITHOUT ROWID;
CREATE TABLE document(
  id INTEGER PRIMARY KEY, guid TEXT NOT NULL UNIQUE, name TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL, folder TEXT NOT NULL DEFAULT '', original_name TEXT NOT NULL DEFAULT '',
  imported_at TEXT NOT NULL, sha256 TEXT NOT NULL DEFAULT '', length INTEGER NOT NULL,
  case_id INTEGER REFERENCES case_(id) ON DELETE SET NULL);
-- The text apart, so reading a document's facts never reads its text.
CREATE TABLE document_text(
  document_id INTEGER PRIMARY KEY REFERENCES document(id) ON DELETE CASCADE,
  text TEXT NOT NULL);
CREATE TABLE import_log(
  id INTEGER PRIMARY KEY, sha256 TEXT NOT NULL, original_name TEXT NOT NULL,
  kind TEXT NOT NULL, imported_at TEXT NOT NULL);
CREATE INDEX import_log_sha ON import_log(sha256);
CREATE INDEX document_sha ON document(sha256);
CREATE TABLE question(
  id INTEGER PRIMARY KEY, guid TEXT NOT NULL UNIQUE, name TEXT NOT NULL, folder TEXT NOT NULL DEFAULT '',
  UNIQUE (folder, name));
CREATE TABLE passage(
  id INTEGER PRIMARY KEY, guid TEXT NOT NULL UNIQUE,
  document_id INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
  start INTEGER NOT NULL, end INTEGER NOT NULL, speaker TEXT NOT NULL DEFAULT '',
  start_ms INTEGER, end_ms INTEGER,
  case_id INTEGER REFERENCES case_(id) ON DELETE SET NULL,
  question_id INTEGER REFERENCES question(id) ON DELETE SET NULL,
  CHECK (0 <= start AND start < end));
CREATE INDEX passage_doc ON passage(document_id, start);
CREATE INDEX passage_case ON passage(case_id);
CREATE TABLE code(
  id INTEGER PRIMARY KEY, guid TEXT NOT NULL UNIQUE,
  parent_id INTEGER REFERENCES code(id),
  name TEXT NOT NULL, color TEXT NOT NULL DEFAULT '', description TEXT NOT NULL DEFAULT '',
  ord INTEGER NOT NULL DEFAULT 0);
CREATE UNIQUE INDEX code_sibling ON code(coalesce(parent_id, 0), name);
CREATE TABLE coding(
  id INTEGER PRIMARY KEY, guid TEXT NOT NULL UNIQUE,
  document_id INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
  code_id INTEGER NOT NULL REFERENCES code(id),
  start INTEGER NOT NULL, end INTEGER NOT NULL,
  coder_id INTEGER NOT NULL REFERENCES coder(id),
  created_at TEXT NOT NULL,
  CHECK (0 <= start AND start < end));
CREATE INDEX coding_code ON coding(code_id, document_id, start);
CREATE TABLE memo(
  id INTEGER PRIMARY KEY, guid TEXT NOT NULL UNIQUE,
  target TEXT NOT NULL CHECK (target IN ('project','document','code','coding','case')),
  target_id INTEGER, title TEXT NOT NULL DEFAULT '', text TEXT NOT NULL,
  author TEXT NOT NULL DEFAULT '', created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
CREATE INDEX memo_target ON memo(target, target_id);
CREATE TABLE undo_step(
  id INTEGER PRIMARY KEY, name TEXT NOT NULL, time TEXT NOT NULL,
  undone INTEGER NOT NULL DEFAULT 0, coder TEXT, done_at INTEGER NOT NULL DEFAULT 0);
CREATE TABLE undo_log(
  seq INTEGER PRIMARY KEY, step INTEGER NOT NULL, phase TEXT NOT NULL,
  tbl TEXT NOT NULL, rid INTEGER, doc INTEGER, sql TEXT NOT NULL);
CREATE INDEX undo_log_step ON undo_log(step, phase);
CREATE INDEX undo_step_undone ON undo_step(id) WHERE undone;
CREATE TABLE undo_state(
  id INTEGER PRIMARY KEY CHECK (id = 1), recording INTEGER NOT NULL DEFAULT 0,
  step INTEGER NOT NULL DEFAULT 0, phase TEXT NOT NULL DEFAULT 'u');
INSERT INTO undo_state(id) VALUES (1);
)SQL";

// Version 1: the first schema (kept to test migrations from it).
const char* const schema_v1 = R"SQL(
CREATE TABLE project_info(
  id INTEGER PRIMARY KEY CHECK (id = 1),
  guid TEXT NOT NULL,
  created_at TEXT NOT NULL,
  generation INTEGER NOT NULL DEFAULT 0);
CREATE TABLE setting(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE coder(
  id INTEGER PRIMARY KEY, guid TEXT NOT NULL UNIQUE, name TEXT NOT NULL UNIQUE);
CREATE TABLE case_(
  id INTEGER PRIMARY KEY, guid TEXT NOT NULL UNIQUE, name TEXT NOT NULL UNIQUE,
  description TEXT NOT NULL DEFAULT '');
CREATE TABLE attribute(
  id INTEGER PRIMARY KEY, guid TEXT NOT NULL UNIQUE, name TEXT NOT NULL UNIQUE,
  type TEXT NOT NULL CHECK (type IN ('text','number','date')), ord INTEGER NOT NULL DEFAULT 0);
CREATE TABLE case_value(
  case_id INTEGER NOT NULL REFERENCES case_(id) ON DELETE CASCADE,
  attribute_id INTEGER NOT NULL REFERENCES attribute(id) ON DELETE CASCADE,
  value ANY,
  PRIMARY KEY (case_id, attribute_id)) WITHOUT ROWID;
CREATE TABLE document(
  id INTEGER PRIMARY KEY, guid TEXT NOT NULL UNIQUE, name TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL, original_name TEXT NOT NULL DEFAULT '', imported_at TEXT NOT NULL,
  sha256 TEXT NOT NULL DEFAULT '', text TEXT NOT NULL, length INTEGER NOT NULL,
  case_id INTEGER REFERENCES case_(id) ON DELETE SET NULL);
CREATE TABLE question(
  id INTEGER PRIMARY KEY, guid TEXT NOT NULL UNIQUE, name TEXT NOT NULL, folder TEXT NOT NULL DEFAULT '',
  UNIQUE (folder, name));
CREATE TABLE passage(
  id INTEGER PRIMARY KEY, guid TEXT NOT NULL UNIQUE,
  document_id INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
  start INTEGER NOT NULL, end INTEGER NOT NULL, speaker TEXT NOT NULL DEFAULT '',
  start_ms INTEGER, end_ms INTEGER,
  case_id INTEGER REFERENCES case_(id) ON DELETE SET NULL,
  question_id INTEGER REFERENCES question(id) ON DELETE SET NULL,
  CHECK (0 <= start AND start < end));
CREATE INDEX passage_doc ON passage(document_id, start);
CREATE INDEX passage_case ON passage(case_id);
CREATE TABLE code(
  id INTEGER PRIMARY KEY, guid TEXT NOT NULL UNIQUE,
  parent_id INTEGER REFERENCES code(id),
  name TEXT NOT NULL, color TEXT NOT NULL DEFAULT '', description TEXT NOT NULL DEFAULT '',
  ord INTEGER NOT NULL DEFAULT 0);
CREATE UNIQUE INDEX code_sibling ON code(coalesce(parent_id, 0), name);
CREATE TABLE coding(
  id INTEGER PRIMARY KEY, guid TEXT NOT NULL UNIQUE,
  document_id INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
  code_id INTEGER NOT NULL REFERENCES code(id),
  start INTEGER NOT NULL, end INTEGER NOT NULL,
  coder_id INTEGER NOT NULL REFERENCES coder(id),
  created_at TEXT NOT NULL,
  CHECK (0 <= start AND start < end));
CREATE INDEX coding_code ON coding(code_id, document_id, start);
CREATE INDEX coding_doc ON coding(document_id, start);
CREATE TABLE memo(
  id INTEGER PRIMARY KEY, guid TEXT NOT NULL UNIQUE,
  target TEXT NOT NULL CHECK (target IN ('project','document','code','coding','case')),
  target_id INTEGER, title TEXT NOT NULL DEFAULT '', text TEXT NOT NULL,
  author TEXT NOT NULL DEFAULT '', created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
CREATE INDEX memo_target ON memo(target, target_id);
CREATE TABLE undo_step(
  id INTEGER PRIMARY KEY, name TEXT NOT NULL, time TEXT NOT NULL,
  undone INTEGER NOT NULL DEFAULT 0);
CREATE TABLE undo_log(
  seq INTEGER PRIMARY KEY, step INTEGER NOT NULL, phase TEXT NOT NULL,
  tbl TEXT NOT NULL, rid INTEGER, doc INTEGER, sql TEXT NOT NULL);
CREATE INDEX undo_log_step ON undo_log(step, phase);
CREATE TABLE undo_state(
  id INTEGER PRIMARY KEY CHECK (id = 1), recording INTEGER NOT NULL DEFAULT 0,
  step INTEGER NOT NULL DEFAULT 0, phase TEXT NOT NULL DEFAULT 'u');
INSERT INTO undo_state(id) VALUES (1);
)SQL";

// Version 1 -> 2: documents get a folder (a survey's respondents share one);
// their text moves to its own table (reading a document's facts no longer
// reads its text); every import is logged with the SHA-256 of its file.
const char* const migrate_1_to_2 = R"SQL(
ALTER TABLE document ADD COLUMN folder TEXT NOT NULL DEFAULT '';
CREATE TABLE document_text(
  document_id INTEGER PRIMARY KEY REFERENCES document(id) ON DELETE CASCADE,
  text TEXT NOT NULL);
INSERT INTO document_text(document_id, text) SELECT id, text FROM document;
ALTER TABLE document DROP COLUMN text;
CREATE TABLE import_log(
  id INTEGER PRIMARY KEY, sha256 TEXT NOT NULL, original_name TEXT NOT NULL,
  kind TEXT NOT NULL, imported_at TEXT NOT NULL);
CREATE INDEX import_log_sha ON import_log(sha256);
CREATE INDEX document_sha ON document(sha256);
CREATE INDEX undo_step_undone ON undo_step(id) WHERE undone;
)SQL";

// Version 2 -> 3: undo steps know their coder (undo is per coder) and when
// they were last done, undone or redone (a generation); every committed
// change is journalled, so other programs on the project catch up.
const char* const migrate_2_to_3 = R"SQL(
ALTER TABLE undo_step ADD COLUMN coder TEXT;
ALTER TABLE undo_step ADD COLUMN done_at INTEGER NOT NULL DEFAULT 0;
)SQL";

// Version 3 -> 4: the file says which Quire made it and which last wrote
// to it (a version number; '' for the Quire that made an older file, which
// did not say).
const char* const migrate_3_to_4 = R"SQL(
ALTER TABLE project_info ADD COLUMN created_by TEXT NOT NULL DEFAULT '';
ALTER TABLE project_info ADD COLUMN written_by TEXT NOT NULL DEFAULT '';
)SQL";

// Version 5 -> 6: the codings' index by place becomes coding_place, which
// covers what analyses and the search index read (the old one held only
// the document and start).
const char* const migrate_5_to_6 = R"SQL(
DROP INDEX IF EXISTS coding_doc;
)SQL";

struct Tracked {
  const char* table;
  const char* key;      ///< how a row is addressed: "rowid" or a key expression
  const char* doc_expr; ///< which document a row belongs to, or "NULL"
};

// Tables whose changes are undoable. case_value has no rowid: addressed by key.
const Tracked tracked[] = {
    {"setting", "rowid", "NULL"},
    {"coder", "rowid", "NULL"},
    {"case_", "rowid", "NULL"},
    {"attribute", "rowid", "NULL"},
    {"case_value", "", "NULL"},
    {"document", "rowid", "%.id"},
    {"document_text", "rowid", "%.document_id"},
    {"question", "rowid", "NULL"},
    {"passage", "rowid", "%.document_id"},
    {"code", "rowid", "NULL"},
    {"coding", "rowid", "%.document_id"},
    {"memo", "rowid", "NULL"},
    {"import_log", "rowid", "NULL"},
    {"suggestion", "rowid", "%.document_id"},
    {"coding_suggestion", "rowid", "NULL"},
};

std::vector<std::string> columns_of(Db& db, const std::string& table) {
  std::vector<std::string> cols;
  auto s = db.prepare("SELECT name FROM pragma_table_info(?)");
  s.bind(1, table);
  while (s.step()) {
    cols.push_back(s.str(0));
  }
  return cols;
}

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (std::size_t pos = 0; (pos = s.find(from, pos)) != std::string::npos; pos += to.size()) {
    s.replace(pos, from.size(), to);
  }
  return s;
}

} // namespace

void create_undo_triggers(Db& db) {
  for (const auto& t : tracked) {
    std::string table = t.table;
    auto cols = columns_of(db, table);
    bool rowid = std::string(t.key) == "rowid";
    for (const char* op : {"ins", "upd", "del"}) {
      db.exec("DROP TRIGGER IF EXISTS undo_" + table + "_" + op);
    }
    auto where = [&](const char* rec) {
      if (rowid) {
        return std::string(" WHERE rowid='||") + rec + ".rowid";
      }
      // case_value: (case_id, attribute_id)
      return std::string(" WHERE case_id='||") + rec + ".case_id||' AND attribute_id='||" + rec +
             ".attribute_id";
    };
    auto head = [&](const char* rec) {
      std::string doc = replace_all(t.doc_expr, "%", rec);
      std::string rid = rowid ? std::string(rec) + ".rowid" : std::string(rec) + ".case_id";
      return "INSERT INTO undo_log(step, phase, tbl, rid, doc, sql) SELECT step, phase, '" + table +
             "', " + rid + ", " + doc + ", ";
    };
    const std::string when = " WHEN (SELECT recording FROM undo_state) ";
    const std::string from = " FROM undo_state; END";

    // After an insert, undo deletes the row.
    db.exec("CREATE TRIGGER undo_" + table + "_ins AFTER INSERT ON " + table + when + "BEGIN " +
            head("NEW") + "'DELETE FROM " + table + where("NEW") + from);

    // After an update, undo puts the old values back (immutable text excluded).
    std::string sets;
    for (const auto& c : cols) {
      sets += (sets.empty() ? "'" : "||', ") + c + "='||quote(OLD." + c + ")";
    }
    db.exec("CREATE TRIGGER undo_" + table + "_upd AFTER UPDATE ON " + table + when + "BEGIN " +
            head("OLD") + "'UPDATE " + table + " SET " + sets.substr(1) + "||'" + where("OLD") +
            from);

    // After a delete, undo inserts the row again with the same id.
    std::string names = rowid ? "rowid" : "";
    std::string values = rowid ? "OLD.rowid" : "";
    for (const auto& c : cols) {
      names += (names.empty() ? "" : ",") + c;
      values += std::string(values.empty() ? "" : "||','||") + "quote(OLD." + c + ")";
    }
    db.exec("CREATE TRIGGER undo_" + table + "_del AFTER DELETE ON " + table + when + "BEGIN " +
            head("OLD") + "'INSERT INTO " + table + "(" + names + ") VALUES('||" + values +
            "||')'" + from);
  }
}

void drop_undo_triggers(Db& db) {
  std::vector<std::string> names;
  auto s = db.prepare(
      "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'undo\\_%' ESCAPE '\\'");
  while (s.step())
    names.push_back(s.str(0));
  for (auto& n : names)
    db.exec("DROP TRIGGER " + n);
}

void create_schema(Db& db) {
  db.exec(schema_current);
  db.exec(change_journal_sql);
  db.exec(suggestions_sql);
  db.exec(coding_place_sql);
  create_undo_triggers(db);
}

void create_legacy_schema(Db& db, int version) {
  if (version == 1) {
    db.exec(schema_v1);
  } else if (version == 5) {
    // Version 5: today's tables, the codings indexed by document and start only.
    create_schema(db);
    db.exec("DROP INDEX coding_place; CREATE INDEX coding_doc ON coding(document_id, start)");
  } else if (version == 3) {
    // Version 3: today's tables but the suggestions' (5, and their triggers)
    create_schema(db);
    for (const char* t : {"suggestion", "coding_suggestion"}) {
      for (const char* op : {"ins", "upd", "del"}) {
        db.exec(std::string("DROP TRIGGER undo_") + t + "_" + op);
      }
    }
    db.exec("DROP TABLE coding_suggestion; DROP TABLE suggestion; DROP TABLE suggest_model");
    // ... nor the columns saying which Quire made and wrote the file (4).
    db.exec("ALTER TABLE project_info DROP COLUMN created_by;"
            "ALTER TABLE project_info DROP COLUMN written_by;");
    // ... nor the codings' covering index (6).
    db.exec("DROP INDEX coding_place; CREATE INDEX coding_doc ON coding(document_id, start)");
  } else {
    throw Error("no legacy schema " + std::to_string(version));
  }
  db.exec("PRAGMA application_id = " + std::to_string(application_id));
  db.exec("PRAGMA user_version = " + std::to_string(version));
}

void migrate_schema(Db& db, int from) {
  // Triggers name columns; they are made again for the new tables below.
  drop_undo_triggers(db);
  if (from < 2) {
    db.exec(migrate_1_to_2);
  }
  if (from < 3) {
    db.exec(migrate_2_to_3);
    db.exec(change_journal_sql);
  }
  if (from < 4) {
    db.exec(migrate_3_to_4);
  }
  if (from < 5) {
    db.exec(suggestions_sql);
  }
  if (from < 6) {
    db.exec(migrate_5_to_6);
    db.exec(coding_place_sql);
  }
  create_undo_triggers(db);
}

} // namespace quire::detail
