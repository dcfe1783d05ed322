#pragma once
// Private: a thin RAII layer over SQLite. Only core's .cpp files include this.
#include <sqlite3.h>

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "quire/base/error.h"

namespace quire::detail {

/// Throws StorageError (or InputError for constraint violations) for rc.
[[noreturn]] void throw_sqlite(sqlite3* db, int rc, std::string_view context);
/// The StorageError for a failed SQLite call on file (its kind from rc, the
/// extended code, and the errno SQLite saw).
StorageError storage_error(sqlite3* db, int rc, const std::string& file, std::string_view context);

class Db;

/// A prepared statement, borrowed from Db's cache; reset when destroyed.
class Stmt {
public:
  Stmt(Db& db, sqlite3_stmt* s, bool* in_use);
  Stmt(Stmt&& o) noexcept;
  Stmt(const Stmt&) = delete;
  ~Stmt();

  Stmt& bind(int i, std::int64_t v);
  Stmt& bind(int i, int v) { return bind(i, static_cast<std::int64_t>(v)); }
  Stmt& bind(int i, double v);
  Stmt& bind(int i, std::string_view v);
  Stmt& bind(int i, const char* v) { return bind(i, std::string_view(v)); }
  Stmt& bind(int i, const std::string& v) { return bind(i, std::string_view(v)); }
  Stmt& bind(int i, std::optional<std::int64_t> v);
  Stmt& bind_null(int i);

  /// Steps once: true when a row is ready.
  bool step();
  /// Steps to the end (for statements that return no rows).
  void run();
  /// Resets for another round of binds and steps.
  void reset();

  std::int64_t i64(int col) const;
  double f64(int col) const;
  std::string str(int col) const;
  std::string_view view(int col) const;
  bool is_null(int col) const;
  std::optional<std::int64_t> opt_i64(int col) const;

private:
  Db* m_db;
  sqlite3_stmt* m_stmt;
  bool* m_in_use;
};

class Db {
public:
  /// Opens path (or uri instead, with SQLITE_OPEN_URI, when not empty;
  /// messages name path).
  Db(const std::string& path, int flags, const std::string& uri = {});
  ~Db();
  Db(const Db&) = delete;

  sqlite3* raw() const { return m_db; }
  /// Who is told once a write has waited a few seconds for another
  /// program's (nullptr: nobody). Writes wait up to QUIRE_WRITE_WAIT_MS
  /// (default two minutes) before giving up as busy.
  void on_long_wait(std::function<void()> tell) { m_on_long_wait = std::move(tell); }
  /// A cached prepared statement for sql.
  Stmt prepare(const std::string& sql);
  /// Runs one or more statements with no results.
  void exec(const std::string& sql);
  std::int64_t last_insert_id() const;
  int changes() const;
  /// First column of the first row as an integer (0 when no row).
  std::int64_t scalar(const std::string& sql);

private:
  static int busy_wait(void* self, int count);
  /// Never delete the -wal and -shm files, nor checkpoint on close trusting
  /// a lock any descriptor of the file may drop (see db.cpp).
  void keep_working_files();
  /// A checkpoint that waits for nobody; the -wal emptied when it can.
  void checkpoint_before_close();
  sqlite3* m_db = nullptr;
  std::function<void()> m_on_long_wait;
  std::chrono::steady_clock::time_point m_wait_start;
  bool m_told_wait = false;
  struct Cached {
    sqlite3_stmt* stmt = nullptr;
    std::unique_ptr<bool> in_use;
  };
  std::unordered_map<std::string, Cached> m_cache;
};

} // namespace quire::detail
