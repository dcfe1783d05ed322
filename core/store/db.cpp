#include "store/db_p.h"

#include <algorithm>
#include <cstdlib>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "quire/base/error.h"
#include "quire/base/platform.h"
#include "store/shm_locks_p.h"

namespace quire::detail {

namespace {

std::string file_of(sqlite3* db) {
  const char* f = db ? sqlite3_db_filename(db, "main") : nullptr;
  return f && *f ? std::string(f) : std::string("the project file");
}

/// Little room left where file lives (an I/O error there is most likely a
/// full disk: SQLite reports ENOSPC while growing -shm as an I/O error).
bool nearly_full(const std::string& folder) {
  auto free = platform::free_bytes(folder);
  return free && *free < std::uint64_t{16} * 1024 * 1024;
}

/// A limit on file size for this process (ulimit -f): writes past it fail.
bool size_limited() {
  return platform::file_size_limited();
}

std::string errno_text(int e) {
  return e ? std::string(std::strerror(e)) : std::string();
}

} // namespace

StorageError storage_error(sqlite3* db, int rc, const std::string& file, std::string_view context) {
  using Kind = StorageError::Kind;
  const std::string msg = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  const int primary = rc & 0xff;
  const int sys = db ? sqlite3_system_errno(db) : 0;
  const bool opened_read_only = db && sqlite3_db_readonly(db, "main") == 1;
  std::string folder = std::filesystem::path(file).parent_path().string();
  if (folder.empty()) {
    folder = ".";
  }
  if (sys == ENOSPC || sys == EDQUOT || primary == SQLITE_FULL) {
    return {Kind::DiskFull, "the disk holding " + file +
                                " is full; nothing was changed. Free some space on it and try "
                                "again (the work done so far is safe)"};
  }
  if (primary == SQLITE_IOERR && sys != EACCES && sys != EPERM && sys != EROFS &&
      nearly_full(folder)) {
    return {Kind::DiskFull, "the disk holding " + file + " is full or nearly full (" + msg +
                                "); nothing was changed. Free some space on it and try again "
                                "(the work done so far is safe)"};
  }
  if (sys == EFBIG || (primary == SQLITE_IOERR && size_limited())) {
    return {Kind::DiskFull, file + " has reached the largest file size this system allows "
                                   "(a file size limit); nothing was changed"};
  }
  if (primary == SQLITE_NOTADB) {
    return {Kind::NotAProject, file + " is not a Quire project (it is not a database file)"};
  }
  if (primary == SQLITE_CORRUPT) {
    return {Kind::Damaged, file + " is damaged (SQLite: " + msg +
                               "). Keep the file as it is: copy it aside, then restore the "
                               "project from a backup"};
  }
  if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED || primary == SQLITE_PROTOCOL) {
    return {Kind::Busy, "the project is busy: another program has been writing to " + file +
                            " for a long time (" + msg +
                            "); nothing was changed. Try again in a moment"};
  }
  if (primary == SQLITE_READONLY || sys == EROFS) {
    if (rc == SQLITE_READONLY_DBMOVED) {
      return {Kind::Other, file + " was moved or deleted while it was open; nothing was changed. "
                                  "Open it again where it is now"};
    }
    if (rc == SQLITE_READONLY_DIRECTORY || rc == SQLITE_READONLY_CANTINIT ||
        rc == SQLITE_READONLY_CANTLOCK) {
      return {Kind::ReadOnly, "the folder " + folder + " cannot be written to, and Quire needs " +
                                  "to keep two working files (-wal, -shm) next to " + file +
                                  ". Copy the project to a folder you can write to, to work on it"};
    }
    if (opened_read_only) {
      return {Kind::OpenedReadOnly, file + " is open read-only; nothing was changed"};
    }
    return {Kind::ReadOnly,
            file + " is read-only (" + msg +
                "): nothing was changed. Make it writable, or copy it to a folder you can "
                "write to, to work on it"};
  }
  if (sys == EACCES || sys == EPERM) {
    return {Kind::NoAccess, "you are not allowed to open " + file +
                                " or a working file next to it (-wal, -shm) in " + folder + " (" +
                                errno_text(sys) +
                                "). Ask the owner for access, or copy the project to a folder of "
                                "your own"};
  }
  if (primary == SQLITE_CANTOPEN) {
    return {Kind::Other, "cannot open " + file + " (" + msg +
                             (sys ? ": " + errno_text(sys) : std::string()) + ")"};
  }
  if (primary == SQLITE_IOERR) {
    return {Kind::Other, "cannot read or write " + file + ": " + msg +
                             (sys ? " (" + errno_text(sys) + ")" : std::string()) +
                             "; nothing was changed. Check the disk, then try again"};
  }
  return {Kind::Other,
          "database error: " + msg + (context.empty() ? "" : " (" + std::string(context) + ")")};
}

void throw_sqlite(sqlite3* db, int rc, std::string_view context) {
  if ((rc & 0xff) == SQLITE_CONSTRAINT) {
    std::string msg = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    throw InputError("that would break a rule of the project (" + msg + ")");
  }
  throw storage_error(db, rc, file_of(db), context);
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

Db::Db(const std::string& path, int flags, const std::string& uri) {
  hold_shm_locks_by_descriptor();
  int rc = sqlite3_open_v2(uri.empty() ? path.c_str() : uri.c_str(), &m_db,
                           flags | (uri.empty() ? 0 : SQLITE_OPEN_URI), nullptr);
  if (rc != SQLITE_OK) {
    sqlite3_extended_result_codes(m_db, 1);
    auto e = storage_error(m_db, m_db ? sqlite3_extended_errcode(m_db) : rc, path, "open");
    sqlite3_close_v2(m_db);
    m_db = nullptr;
    throw e;
  }
  sqlite3_extended_result_codes(m_db, 1);
  sqlite3_busy_handler(m_db, &Db::busy_wait, this);
  keep_working_files();
}

void Db::keep_working_files() {
  // SQLite decides whether it is the last connection to a file by taking an
  // exclusive POSIX lock on it. Such locks belong to a process and are all
  // dropped when the process closes ANY descriptor of the file: a file
  // dialog sniffing the project in the desktop app's process does it. A
  // `quire` command closing beside it then "won" that lock, checkpointed
  // while ignoring the app's readers and deleted the -wal and -shm the app
  // was still writing to; all later work went to deleted files. So: never
  // delete the working files (they stay, the WAL empty, after the last
  // close) and no checkpoint on close under that lock; closing checkpoints
  // instead under the locks in -shm (kept by shm_locks.cpp).
  int one = 1;
  sqlite3_file_control(m_db, "main", SQLITE_FCNTL_PERSIST_WAL, &one);
  sqlite3_db_config(m_db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
}

void Db::checkpoint_before_close() {
  if (sqlite3_db_readonly(m_db, "main") != 0 || sqlite3_get_autocommit(m_db) == 0) {
    return; // cannot write, or in a transaction (rolled back on close)
  }
  // Without waiting: when another program is reading or writing, this copies
  // what it can and leaves the rest to whoever closes last. When this is the
  // last connection, everything goes into the project file and the -wal is
  // cut to nothing, so that a copy of the project file alone is whole.
  sqlite3_busy_handler(m_db, nullptr, nullptr);
  sqlite3_wal_checkpoint_v2(m_db, "main", SQLITE_CHECKPOINT_TRUNCATE, nullptr, nullptr);
}

namespace {

/// How long a write waits for another program's before giving up: long, as
/// another program's import of a large survey is one transaction of several
/// seconds (QUIRE_WRITE_WAIT_MS sets another, for tests).
std::chrono::milliseconds write_wait_limit() {
  const char* v = std::getenv("QUIRE_WRITE_WAIT_MS"); // read only while waiting
  long ms = v ? std::atol(v) : 0;
  return std::chrono::milliseconds(ms > 0 ? ms : 120'000);
}

constexpr std::chrono::seconds tell_after{3};

} // namespace

int Db::busy_wait(void* self, int count) {
  auto& db = *static_cast<Db*>(self);
  const auto now = std::chrono::steady_clock::now();
  if (count == 0) {
    db.m_wait_start = now;
    db.m_told_wait = false;
  }
  const auto waited = now - db.m_wait_start;
  if (waited >= write_wait_limit()) {
    return 0; // SQLITE_BUSY: "the project is busy ..."
  }
  if (waited >= tell_after && !db.m_told_wait) {
    db.m_told_wait = true;
    if (db.m_on_long_wait) {
      try {
        db.m_on_long_wait();
      } catch (...) {
        // Telling is a courtesy; the wait goes on.
      }
    }
  }
  sqlite3_sleep(std::min(1 + count, 50)); // milliseconds: quick at first, then gently
  return 1;
}

Db::~Db() {
  for (auto& [sql, c] : m_cache) {
    sqlite3_finalize(c.stmt);
  }
  checkpoint_before_close();
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
