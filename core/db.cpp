#include "db_p.h"

#include "error.h"

namespace quire::detail {

void throw_sqlite(sqlite3* db, int rc, std::string_view context) {
  std::string msg = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  int primary = rc & 0xff;
  std::string where(context);
  if (primary == SQLITE_CONSTRAINT) {
    throw InputError("that would break a rule of the project (" + msg + ")");
  }
  if (primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB) {
    throw StorageError("the project file is damaged (" + msg +
                       "); restore it from a backup or the .bak copy next to it");
  }
  if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) {
    throw StorageError("the project is busy: another program is writing to it (" + msg +
                       "); try again in a moment");
  }
  if (primary == SQLITE_FULL) {
    throw StorageError("the disk is full; nothing was changed. Free some space and try again");
  }
  if (primary == SQLITE_READONLY) {
    throw StorageError("the project file is read-only (" + msg + ")");
  }
  throw StorageError("database error: " + msg + (where.empty() ? "" : " (" + where + ")"));
}

Stmt::Stmt(Db& db, sqlite3_stmt* s, bool* in_use) : m_db(&db), m_stmt(s), m_in_use(in_use) {}

Stmt::Stmt(Stmt&& o) noexcept : m_db(o.m_db), m_stmt(o.m_stmt), m_in_use(o.m_in_use) {
  o.m_stmt = nullptr;
  o.m_in_use = nullptr;
}

Stmt::~Stmt() {
  if (!m_stmt) {
    return;
  }
  if (m_in_use) {
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
    *m_in_use = false;
  } else {
    sqlite3_finalize(m_stmt);
  }
}

static void check_bind(sqlite3_stmt* s, int rc) {
  if (rc != SQLITE_OK) {
    throw_sqlite(sqlite3_db_handle(s), rc, "bind");
  }
}

Stmt& Stmt::bind(int i, std::int64_t v) {
  check_bind(m_stmt, sqlite3_bind_int64(m_stmt, i, v));
  return *this;
}
Stmt& Stmt::bind(int i, double v) {
  check_bind(m_stmt, sqlite3_bind_double(m_stmt, i, v));
  return *this;
}
Stmt& Stmt::bind(int i, std::string_view v) {
  check_bind(m_stmt,
             sqlite3_bind_text64(m_stmt, i, v.data(), v.size(), SQLITE_TRANSIENT, SQLITE_UTF8));
  return *this;
}
Stmt& Stmt::bind(int i, std::optional<std::int64_t> v) {
  return v ? bind(i, *v) : bind_null(i);
}
Stmt& Stmt::bind_null(int i) {
  check_bind(m_stmt, sqlite3_bind_null(m_stmt, i));
  return *this;
}

bool Stmt::step() {
  int rc = sqlite3_step(m_stmt);
  if (rc == SQLITE_ROW) {
    return true;
  }
  if (rc == SQLITE_DONE) {
    return false;
  }
  std::string sql = sqlite3_sql(m_stmt) ? sqlite3_sql(m_stmt) : "";
  sqlite3_reset(m_stmt);
  throw_sqlite(m_db->raw(), rc, sql.substr(0, 60));
}

void Stmt::run() {
  while (step()) {
  }
}

void Stmt::reset() {
  sqlite3_reset(m_stmt);
  sqlite3_clear_bindings(m_stmt);
}

std::int64_t Stmt::i64(int col) const {
  return sqlite3_column_int64(m_stmt, col);
}
double Stmt::f64(int col) const {
  return sqlite3_column_double(m_stmt, col);
}
std::string Stmt::str(int col) const {
  return std::string(view(col));
}
std::string_view Stmt::view(int col) const {
  auto p = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, col));
  if (!p) {
    return {};
  }
  return {p, static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, col))};
}
bool Stmt::is_null(int col) const {
  return sqlite3_column_type(m_stmt, col) == SQLITE_NULL;
}
std::optional<std::int64_t> Stmt::opt_i64(int col) const {
  if (is_null(col)) {
    return std::nullopt;
  }
  return i64(col);
}

Db::Db(const std::string& path, int flags) {
  int rc = sqlite3_open_v2(path.c_str(), &m_db, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = m_db ? sqlite3_errmsg(m_db) : sqlite3_errstr(rc);
    sqlite3_close_v2(m_db);
    m_db = nullptr;
    throw StorageError("cannot open " + path + ": " + msg);
  }
  sqlite3_extended_result_codes(m_db, 1);
  sqlite3_busy_timeout(m_db, 5000);
}

Db::~Db() {
  for (auto& [sql, c] : m_cache) {
    sqlite3_finalize(c.stmt);
  }
  sqlite3_close_v2(m_db);
}

Stmt Db::prepare(const std::string& sql) {
  auto it = m_cache.find(sql);
  if (it != m_cache.end() && !*it->second.in_use) {
    *it->second.in_use = true;
    return Stmt(*this, it->second.stmt, it->second.in_use.get());
  }
  sqlite3_stmt* s = nullptr;
  int rc = sqlite3_prepare_v3(m_db, sql.c_str(), static_cast<int>(sql.size()),
                              SQLITE_PREPARE_PERSISTENT, &s, nullptr);
  if (rc != SQLITE_OK) {
    throw_sqlite(m_db, rc, sql.substr(0, 80));
  }
  if (it == m_cache.end()) {
    Cached c{s, std::make_unique<bool>(true)};
    bool* flag = c.in_use.get();
    m_cache.emplace(sql, std::move(c));
    return Stmt(*this, s, flag);
  }
  return Stmt(*this, s, nullptr); // the cached one is busy (nested use): a one-off
}

void Db::exec(const std::string& sql) {
  char* err = nullptr;
  int rc = sqlite3_exec(m_db, sql.c_str(), nullptr, nullptr, &err);
  if (rc != SQLITE_OK) {
    std::string msg = err ? err : "";
    sqlite3_free(err);
    throw_sqlite(m_db, rc, sql.substr(0, 80));
  }
}

std::int64_t Db::last_insert_id() const {
  return sqlite3_last_insert_rowid(m_db);
}
int Db::changes() const {
  return sqlite3_changes(m_db);
}

std::int64_t Db::scalar(const std::string& sql) {
  auto s = prepare(sql);
  return s.step() ? s.i64(0) : 0;
}

} // namespace quire::detail
