// The working copy's side: which tables and columns are shared with the team
// (foreign keys travel as the GUIDs of the rows they name), the triggers that
// queue every local change, and applying a colleague's change by GUID.
#include <exception>
#include <map>
#include <string>
#include <vector>

#include "team/local_p.h"

namespace quire::team {

namespace {

/// A shared column: its name, and for a foreign key the table whose GUID it
/// carries ("*" for the memo's target, whose table its 'target' names).
struct Col {
  const char* name;
  const char* fk = nullptr;
  bool required = false;   ///< the row cannot exist without it
  const char* by = "guid"; ///< the column of fk that names the row
};

struct Table {
  const char* name;
  std::vector<Col> cols;
  /// How the key is made from a row X ("" : X.guid).
  const char* key = "";
  /// The conflict target for an upsert.
  const char* target = "guid";
};

// Parents before children: publishing and joining apply them in this order.
const std::vector<Table>& tables() {
  static const std::vector<Table> t = {
      // A coder is a person: known by name (their login), so a coder row
      // made again here (after an undo) is the same coder everywhere.
      {"coder", {{"guid"}, {"name"}}, "X.name", "name"},
      {"case_", {{"guid"}, {"name"}, {"description"}}},
      {"attribute", {{"guid"}, {"name"}, {"type"}, {"ord"}}},
      {"case_value",
       {{"case_id", "case_", true}, {"attribute_id", "attribute", true}, {"value"}},
       "(SELECT guid FROM case_ WHERE id = X.case_id) || '/' || "
       "(SELECT guid FROM attribute WHERE id = X.attribute_id)",
       "case_id, attribute_id"},
      {"document",
       {{"guid"},
        {"name"},
        {"kind"},
        {"folder"},
        {"original_name"},
        {"imported_at"},
        {"sha256"},
        {"length"},
        {"case_id", "case_"}}},
      {"document_text",
       {{"document_id", "document", true}, {"text"}},
       "(SELECT guid FROM document WHERE id = X.document_id)",
       "document_id"},
      {"question", {{"guid"}, {"name"}, {"folder"}}},
      {"passage",
       {{"guid"},
        {"document_id", "document", true},
        {"start"},
        {"end"},
        {"speaker"},
        {"start_ms"},
        {"end_ms"},
        {"case_id", "case_"},
        {"question_id", "question"}}},
      {"code", {{"guid"}, {"parent_id", "code"}, {"name"}, {"color"}, {"description"}, {"ord"}}},
      {"coding",
       {{"guid"},
        {"document_id", "document", true},
        {"code_id", "code", true},
        {"start"},
        {"end"},
        {"coder_id", "coder", true, "name"},
        {"created_at"}}},
      {"memo",
       {{"guid"},
        {"target"},
        {"target_id", "*"},
        {"title"},
        {"text"},
        {"author"},
        {"created_at"},
        {"updated_at"}}},
  };
  return t;
}

const Table* find_table(const std::string& name) {
  for (const auto& t : tables()) {
    if (name == t.name) {
      return &t;
    }
  }
  return nullptr;
}

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (auto at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) {
    s.replace(at, from.size(), to);
  }
  return s;
}

/// The tables a memo's target names.
const char* memo_target_table(const std::string& target) {
  if (target == "document") {
    return "document";
  }
  if (target == "code") {
    return "code";
  }
  if (target == "coding") {
    return "coding";
  }
  return "case_";
}

/// The SQL value of column c of row alias X, foreign keys as GUIDs.
std::string out_value(const Col& c) {
  if (!c.fk) {
    return std::string("X.\"") + c.name + "\"";
  }
  if (std::string(c.fk) == "*") {
    std::string s = "CASE X.target";
    for (const char* t : {"document", "code", "coding", "case"}) {
      s += std::string(" WHEN '") + t + "' THEN (SELECT guid FROM " + memo_target_table(t) +
           " WHERE id = X.target_id)";
    }
    return s + " END";
  }
  return std::string("(SELECT ") + c.by + " FROM " + c.fk + " WHERE id = X.\"" + c.name + "\")";
}

std::string key_of(const Table& t, const char* alias) {
  std::string k = *t.key ? t.key : "X.guid";
  return replace_all(k, "X.", std::string(alias) + ".");
}

std::string trigger_sql(const Table& t, const char* when, const char* alias, const char* op) {
  std::string name = std::string("team_q_") + t.name + "_" + when;
  std::string row = "NULL";
  if (std::string(op) == "put") {
    row = "json_object(";
    bool first = true;
    for (const auto& c : t.cols) {
      row += (first ? "'" : ", '") + std::string(c.name) + "', " +
             replace_all(out_value(c), "X.", std::string(alias) + ".");
      first = false;
    }
    row += ")";
  }
  return "CREATE TRIGGER " + name + " AFTER " + when + " ON " + t.name +
         " WHEN (SELECT applying FROM team_state) = 0 BEGIN "
         "INSERT INTO team_outbox(tbl, key, op, row) SELECT '" +
         t.name + "', k, '" + op + "', " + row + " FROM (SELECT " + key_of(t, alias) +
         " AS k) WHERE k IS NOT NULL; END;";
}

/// The local id of the row a JSON field's GUID names (SQL, ?1 the JSON).
std::string in_value(const Col& c) {
  std::string field = std::string("json_extract(?1, '$.") + c.name + "')";
  if (!c.fk) {
    return field;
  }
  if (std::string(c.fk) == "*") {
    std::string s = "CASE json_extract(?1, '$.target')";
    for (const char* t : {"document", "code", "coding", "case"}) {
      s += std::string(" WHEN '") + t + "' THEN (SELECT id FROM " + memo_target_table(t) +
           " WHERE guid = " + field + ")";
    }
    return s + " END";
  }
  return std::string("(SELECT id FROM ") + c.fk + " WHERE " + c.by + " = " + field + ")";
}

/// SQL that is 1 when every row this JSON names is here.
std::string ready_sql(const Table& t) {
  std::string s = "SELECT 1";
  for (const auto& c : t.cols) {
    if (c.fk) {
      s += " AND (json_extract(?1, '$." + std::string(c.name) + "') IS NULL OR " + in_value(c) +
           " IS NOT NULL)";
    }
  }
  return s;
}

std::string upsert_sql(const Table& t) {
  std::string cols, vals, sets;
  for (const auto& c : t.cols) {
    std::string q = std::string("\"") + c.name + "\"";
    cols += (cols.empty() ? "" : ", ") + q;
    vals += (vals.empty() ? "" : ", ") + in_value(c);
    sets += (sets.empty() ? "" : ", ") + q + " = excluded." + q;
  }
  return std::string("INSERT INTO ") + t.name + "(" + cols + ") SELECT " + vals +
         " WHERE true ON CONFLICT(" + t.target + ") DO UPDATE SET " + sets;
}

std::string delete_sql(const Table& t) {
  if (!*t.key) {
    return std::string("DELETE FROM ") + t.name + " WHERE guid = ?1";
  }
  return std::string("DELETE FROM ") + t.name + " WHERE " +
         replace_all(t.key, "X.", std::string(t.name) + ".") + " = ?1";
}

/// Runs fn in a savepoint: kept when it runs; rolled back when it throws
/// InputError (the row breaks a constraint of this copy), which is returned
/// (null when kept).
template <class F> std::exception_ptr in_savepoint(detail::Db& db, F fn) {
  db.exec("SAVEPOINT team_row");
  try {
    fn();
  } catch (const InputError&) {
    db.exec("ROLLBACK TO team_row");
    db.exec("RELEASE team_row");
    return std::current_exception();
  }
  db.exec("RELEASE team_row");
  return nullptr;
}

} // namespace

void create_local_team(detail::Db& db, const std::string& url, const std::string& client) {
  db.exec("CREATE TABLE team_state(id INTEGER PRIMARY KEY CHECK (id = 1), url TEXT NOT NULL, "
          "client TEXT NOT NULL, cursor INTEGER NOT NULL DEFAULT 0, "
          "applying INTEGER NOT NULL DEFAULT 0, last_sync TEXT NOT NULL DEFAULT '');"
          "CREATE TABLE team_outbox(seq INTEGER PRIMARY KEY AUTOINCREMENT, tbl TEXT NOT NULL, "
          "key TEXT NOT NULL, op TEXT NOT NULL, row TEXT);"
          "CREATE TABLE team_note(id INTEGER PRIMARY KEY, time TEXT NOT NULL, who TEXT NOT NULL, "
          "what TEXT NOT NULL);");
  db.prepare("INSERT INTO team_state(id, url, client) VALUES (1, ?, ?)")
      .bind(1, url)
      .bind(2, client)
      .run();
  for (const auto& t : tables()) {
    db.exec(trigger_sql(t, "INSERT", "NEW", "put"));
    db.exec(trigger_sql(t, "UPDATE", "NEW", "put"));
    if (std::string(t.name) != "coder") { // coders are never deleted in a team
      db.exec(trigger_sql(t, "DELETE", "OLD", "del"));
    }
  }
}

bool has_local_team(detail::Db& db) {
  return db.scalar("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND "
                   "name = 'team_state'") > 0;
}

std::vector<RowChange> queued(detail::Db& db, std::size_t limit) {
  std::vector<RowChange> out;
  auto s = db.prepare("SELECT seq, tbl, key, op, coalesce(row, '') FROM team_outbox "
                      "ORDER BY seq LIMIT ?");
  s.bind(1, static_cast<std::int64_t>(limit));
  while (s.step()) {
    RowChange c;
    c.seq = s.i64(0);
    c.tbl = s.str(1);
    c.key = s.str(2);
    c.op = s.str(3);
    c.row = s.str(4);
    out.push_back(std::move(c));
  }
  return out;
}

std::vector<RowChange> all_rows(detail::Db& db) {
  std::vector<RowChange> out;
  for (const auto& t : tables()) {
    std::string row = "json_object(";
    bool first = true;
    for (const auto& c : t.cols) {
      row += (first ? "'" : ", '") + std::string(c.name) + "', " + out_value(c);
      first = false;
    }
    row += ")";
    // In the order the rows were made; a copy applying them retries a row
    // whose parent comes later (a code moved under a newer one).
    const std::string order = *t.key ? "" : " ORDER BY X.rowid"; // case_value has no rowid
    auto s =
        db.prepare("SELECT " + key_of(t, "X") + ", " + row + " FROM " + t.name + " AS X" + order);
    while (s.step()) {
      if (s.is_null(0)) {
        continue;
      }
      RowChange c;
      c.tbl = t.name;
      c.key = s.str(0);
      c.op = "put";
      c.row = s.str(1);
      out.push_back(std::move(c));
    }
  }
  return out;
}

/// A table's statements, made once (apply_change runs for every row a
/// copy joins with).
struct Statements {
  std::string ready, upsert, remove;
};
const Statements& statements(const Table& t) {
  static const std::map<std::string, Statements> all = [] {
    std::map<std::string, Statements> m;
    for (const auto& table : tables()) {
      m[table.name] = {ready_sql(table), upsert_sql(table), delete_sql(table)};
    }
    return m;
  }();
  return all.at(t.name);
}

Applied apply_change(detail::Db& db, const RowChange& c, bool may_rename) {
  const Table* t = find_table(c.tbl);
  if (!t) {
    return Applied::Done; // a table this build does not share: nothing to do here
  }
  if (c.op == "del") {
    // A row still named by a row here (a code with a coding not yet sent) is
    // kept: sending that row makes the server keep it too.
    return in_savepoint(db, [&] { db.prepare(statements(*t).remove).bind(1, c.key).run(); })
               ? Applied::Kept
               : Applied::Done;
  }
  if (const auto& check = statements(*t).ready; check.find("?1") != std::string::npos) {
    auto ready = db.prepare(check);
    ready.bind(1, c.row);
    if (!ready.step() || ready.i64(0) != 1) {
      return Applied::Waiting;
    }
  }
  if (auto refused =
          in_savepoint(db, [&] { db.prepare(statements(*t).upsert).bind(1, c.row).run(); })) {
    bool named = false;
    for (const auto& col : t->cols) {
      named = named || std::string(col.name) == "name";
    }
    if (!named) {
      std::rethrow_exception(refused);
    }
    if (!may_rename) {
      return Applied::Clash; // a later change in the batch may free the name
    }
  } else {
    return Applied::Done;
  }
  // Another row here has the name (made by someone else meanwhile): keep
  // both, this one named for its author.
  auto renamed = db.prepare("SELECT json_set(?1, '$.name', json_extract(?1, '$.name') || ' (' || "
                            "?2 || ')')");
  renamed.bind(1, c.row).bind(2, c.author.empty() ? std::string("team") : c.author);
  renamed.step();
  const std::string row = renamed.str(0);
  renamed.reset();
  db.prepare(statements(*t).upsert).bind(1, row).run();
  return Applied::Renamed;
}

void set_applying(detail::Db& db, bool on) {
  db.prepare("UPDATE team_state SET applying = ?").bind(1, on ? 1 : 0).run();
}

} // namespace quire::team
