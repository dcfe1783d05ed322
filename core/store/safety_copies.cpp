// Safety copies (see safety_copies.h and docs/reliability.md). A copy is
// made with SQLite's online backup from the project's own open connection:
// it is consistent (one read transaction) and other programs may go on
// writing meanwhile. No file descriptor is ever opened on the project file
// outside SQLite (closing one would drop SQLite's POSIX locks on it).
#include "quire/store/safety_copies.h"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <ctime>
#include <fstream>
#include <map>
#include <thread>

#include "quire/base/platform.h"
#include "quire_version.h"
#include "store/project_p.h"

namespace fs = std::filesystem;

namespace quire {

namespace {

const char* const copy_ext = ".quire";
const char* const info_ext = ".info";

std::string utc(std::chrono::system_clock::time_point t, const char* format) {
  std::time_t tt = std::chrono::system_clock::to_time_t(t);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  char buf[40];
  std::strftime(buf, sizeof buf, format, &tm);
  return buf;
}

/// The action's name as part of a file name: no path separators, quotes or
/// characters other systems refuse; at most about 60 bytes, cut between
/// UTF-8 characters.
std::string file_part(const std::string& action) {
  std::string out;
  for (unsigned char c : action) {
    if (c == '/' || c == '\\') {
      out += '-';
    } else if (c < 0x20 || c == '\'' || c == '"' || c == ':' || c == '*' || c == '?' || c == '<' ||
               c == '>' || c == '|') {
      if (c < 0x20 && !out.empty() && out.back() != ' ') {
        out += ' ';
      }
    } else if (c == ' ' && !out.empty() && out.back() == ' ') {
      continue;
    } else {
      out += static_cast<char>(c);
    }
  }
  if (out.size() > 60) {
    std::size_t cut = 60;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) {
      --cut;
    }
    out.resize(cut);
  }
  while (!out.empty() && (out.back() == ' ' || out.back() == '.')) {
    out.pop_back();
  }
  while (!out.empty() && (out.front() == '.' || out.front() == ' ')) {
    out.erase(out.begin());
  }
  return out.empty() ? std::string("copy") : out;
}

fs::path info_path(const fs::path& copy) {
  auto info = copy;
  info.replace_extension(info_ext);
  return info;
}

/// Backs up the main database of src into dest (whole, one step). Retries a
/// moment while the other side is busy. Returns the SQLite result code.
int backup(sqlite3* dest, sqlite3* src) {
  sqlite3_backup* b = sqlite3_backup_init(dest, "main", src, "main");
  if (!b) {
    return sqlite3_extended_errcode(dest);
  }
  // The connections' busy handlers wait too; this bounds the whole wait.
  const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  int rc = SQLITE_OK;
  for (;;) {
    rc = sqlite3_backup_step(b, -1);
    if ((rc != SQLITE_BUSY && rc != SQLITE_LOCKED) || std::chrono::steady_clock::now() > give_up) {
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
  }
  int fin = sqlite3_backup_finish(b);
  if (rc == SQLITE_DONE) {
    rc = fin;
  }
  return rc;
}

std::string sqlite_message(sqlite3* db, int rc) {
  if ((rc & 0xff) == SQLITE_FULL) {
    return "the disk is full";
  }
  if ((rc & 0xff) == SQLITE_IOERR) {
    int e = db ? sqlite3_system_errno(db) : 0;
    return std::string("it could not be written (") + (e ? std::strerror(e) : "disk I/O error") +
           (e == ENOSPC || e == EFBIG || e == EDQUOT ? ")" : "; is the disk full?)");
  }
  std::string msg = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  if (msg.empty() || msg == "not an error") {
    msg = sqlite3_errstr(rc);
  }
  return msg;
}

/// A plain SQLite connection owned here (the copy and staging files).
struct Conn {
  sqlite3* db = nullptr;
  Conn(const fs::path& file, int flags, std::string& error) {
    int rc = sqlite3_open_v2(file.c_str(), &db, flags, nullptr);
    if (rc != SQLITE_OK) {
      error = sqlite_message(db, rc);
      sqlite3_close_v2(db);
      db = nullptr;
      return;
    }
    sqlite3_busy_timeout(db, 5000);
  }
  Conn(const Conn&) = delete;
  ~Conn() { sqlite3_close_v2(db); }
  explicit operator bool() const { return db != nullptr; }
  /// Runs sql; "" when it worked, else the message.
  std::string exec(const std::string& sql) {
    char* err = nullptr;
    int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err);
    std::string msg;
    if (rc != SQLITE_OK) {
      msg = err ? err : sqlite_message(db, rc);
    }
    sqlite3_free(err);
    return msg;
  }
  std::string text(const std::string& sql) {
    sqlite3_stmt* s = nullptr;
    std::string out;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &s, nullptr) == SQLITE_OK &&
        sqlite3_step(s) == SQLITE_ROW && sqlite3_column_text(s, 0)) {
      out = reinterpret_cast<const char*>(sqlite3_column_text(s, 0));
    }
    sqlite3_finalize(s);
    return out;
  }
  std::int64_t number(const std::string& sql) {
    sqlite3_stmt* s = nullptr;
    std::int64_t out = 0;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &s, nullptr) == SQLITE_OK &&
        sqlite3_step(s) == SQLITE_ROW) {
      out = sqlite3_column_int64(s, 0);
    }
    sqlite3_finalize(s);
    return out;
  }
};

void remove_quietly(const fs::path& file) {
  std::error_code ec;
  fs::remove(file, ec);
  fs::remove(file.string() + "-journal", ec);
  fs::remove(file.string() + "-wal", ec);
  fs::remove(file.string() + "-shm", ec);
}

/// A name no other file in the folder has, and no other program on this
/// machine picks at the same moment.
fs::path scratch_name(const fs::path& folder, const char* what) {
  static std::atomic<int> counter{0};
  return folder / ("." + std::string(what) + "-" + std::to_string(platform::process_id()) + "-" +
                   std::to_string(counter++) + ".tmp");
}

/// fsync of the folder (never of the project file: see the top).
void sync_folder(const fs::path& folder) {
  platform::sync_folder(folder);
}

std::map<std::string, std::string> read_info(const fs::path& file) {
  std::map<std::string, std::string> out;
  std::ifstream in(info_path(file));
  std::string line;
  while (std::getline(in, line)) {
    auto eq = line.find('=');
    if (eq != std::string::npos) {
      out[line.substr(0, eq)] = line.substr(eq + 1);
    }
  }
  return out;
}

/// Whether the project holds anything a user could lose.
bool has_content(detail::Db& d) {
  return d.scalar("SELECT EXISTS(SELECT 1 FROM document) OR EXISTS(SELECT 1 FROM code) OR "
                  "EXISTS(SELECT 1 FROM case_) OR EXISTS(SELECT 1 FROM memo)") != 0;
}

SafetyCopy describe(const fs::path& file, std::int64_t* order) {
  SafetyCopy c;
  c.file = file;
  c.name = file.filename().string();
  std::error_code ec;
  c.size = fs::file_size(file, ec);
  auto info = read_info(file);
  c.time = info["time"];
  c.action = info["action"];
  c.quire_version = info["quire_version"];
  try {
    c.schema = std::stoi(info["schema"]);
    c.generation = std::stoll(info["generation"]);
    *order = std::stoll(info["made_ns"]);
  } catch (...) {
    // A copy without its note (made by hand, or the note was lost): what the
    // file itself says.
    std::string err;
    Conn conn(file, SQLITE_OPEN_READONLY, err);
    if (conn) {
      c.schema = static_cast<int>(conn.number("PRAGMA user_version"));
      c.generation = conn.number("SELECT generation FROM project_info WHERE id = 1");
    }
    auto mtime = fs::last_write_time(file, ec);
    *order =
        ec ? 0
           : std::chrono::duration_cast<std::chrono::nanoseconds>(mtime.time_since_epoch()).count();
    if (c.time.empty() && c.name.size() >= 19) {
      // "2026-12-07T13-05-22 ..." -> "2026-12-07T13:05:22Z"
      auto t = c.name.substr(0, 19);
      if (t[10] == 'T') {
        t[13] = ':';
        t[16] = ':';
        c.time = t + "Z";
      }
    }
    if (c.action.empty() && c.name.size() > 20) {
      c.action = file.stem().string().substr(20);
    }
  }
  return c;
}

std::vector<std::pair<std::int64_t, SafetyCopy>> ordered_copies(const fs::path& project_file) {
  std::vector<std::pair<std::int64_t, SafetyCopy>> out;
  std::error_code ec;
  auto folder = safety_folder(project_file);
  for (const auto& e : fs::directory_iterator(folder, ec)) {
    auto name = e.path().filename().string();
    if (!e.is_regular_file(ec) || e.path().extension() != copy_ext || name.empty() ||
        name[0] == '.') {
      continue;
    }
    std::int64_t order = 0;
    auto c = describe(e.path(), &order);
    out.emplace_back(order, std::move(c));
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first < b.first : a.second.name < b.second.name;
  });
  return out;
}

[[noreturn]] void copy_failed(Project& p, const std::string& action, const fs::path& folder,
                              const std::string& why) {
  throw SafetyCopyError("Quire could not keep a safety copy of " + p.path().filename().string() +
                        " before '" + action + "' (in " + folder.string() + "): " + why +
                        ". Nothing was changed. Free some disk space (or make the folder "
                        "writable) and try again");
}

} // namespace

fs::path safety_folder(const fs::path& project_file) {
  return fs::path(project_file.string() + ".safety");
}

void set_safety_copy_required(Project& p, bool required) {
  p.impl().safety_copy_required = required;
}

std::optional<SafetyCopy> keep_safety_copy(Project& p, const std::string& action) {
  auto& impl = p.impl();
  if (impl.action_depth > 0 || !has_content(*impl.db)) {
    return std::nullopt;
  }
  const auto folder = safety_folder(p.path());
  const auto now = std::chrono::system_clock::now();
  fs::path tmp;
  try {
    std::error_code ec;
    fs::create_directories(folder, ec);
    if (ec || !fs::is_directory(folder)) {
      copy_failed(p, action, folder,
                  ec ? "the folder cannot be made (" + ec.message() + ")"
                     : std::string("a file of that name is in the way"));
    }
    tmp = scratch_name(folder, "copy");
    std::int64_t generation = 0;
    {
      std::string err;
      Conn dest(tmp, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, err);
      if (!dest) {
        copy_failed(p, action, folder, err);
      }
      // The copy is a file of its own: no journal while it is written (a
      // failed copy is thrown away), and no WAL when it is opened later.
      dest.exec("PRAGMA journal_mode = OFF");
      int rc = backup(dest.db, impl.db->raw());
      if (rc != SQLITE_OK) {
        auto why = sqlite_message(dest.db, rc);
        copy_failed(p, action, folder, why);
      }
      if (auto e = dest.exec("PRAGMA journal_mode = DELETE"); !e.empty()) {
        copy_failed(p, action, folder, e);
      }
      generation = dest.number("SELECT generation FROM project_info WHERE id = 1");
    }
    auto base = utc(now, "%Y-%m-%dT%H-%M-%S") + " " + file_part(action);
    auto final_path = folder / (base + copy_ext);
    for (int n = 2; fs::exists(final_path) || fs::exists(info_path(final_path)); ++n) {
      final_path = folder / (base + " (" + std::to_string(n) + ")" + copy_ext);
    }
    {
      auto info_tmp = scratch_name(folder, "info");
      std::ofstream out(info_tmp, std::ios::trunc);
      out << "time=" << utc(now, "%Y-%m-%dT%H:%M:%SZ") << "\naction=" << action
          << "\nquire_version=" << QUIRE_VERSION_STRING << "\nschema=" << Project::schema_version
          << "\ngeneration=" << generation << "\nmade_ns="
          << std::chrono::duration_cast<std::chrono::nanoseconds>(now.time_since_epoch()).count()
          << "\nproject=" << p.path().filename().string() << '\n';
      out.close();
      if (!out) {
        fs::remove(info_tmp, ec);
        copy_failed(p, action, folder, "its description cannot be written (is the disk full?)");
      }
      fs::rename(info_tmp, info_path(final_path), ec);
      if (ec) {
        fs::remove(info_tmp, ec);
        copy_failed(p, action, folder, "its description cannot be written");
      }
    }
    fs::rename(tmp, final_path, ec);
    if (ec) {
      fs::remove(info_path(final_path), ec);
      copy_failed(p, action, folder, "it cannot be renamed (" + ec.message() + ")");
    }
    tmp.clear();
    sync_folder(folder); // the renames survive a power cut
    std::uintmax_t project_size = fs::file_size(p.path(), ec);
    roll_safety_copies(
        p.path(), safety_copies_kept,
        std::max<std::uintmax_t>(safety_copies_size_factor * project_size, safety_copies_min_cap));
    std::int64_t order = 0;
    return describe(final_path, &order);
  } catch (const SafetyCopyError&) {
    if (!tmp.empty()) {
      remove_quietly(tmp);
    }
    if (impl.safety_copy_required) {
      throw;
    }
    return std::nullopt;
  }
}

std::vector<SafetyCopy> list_safety_copies(const fs::path& project_file) {
  std::vector<SafetyCopy> out;
  for (auto& [order, c] : ordered_copies(project_file)) {
    out.push_back(std::move(c));
  }
  return out;
}

SafetyCopy find_safety_copy(const fs::path& project_file, const std::string& which) {
  auto copies = list_safety_copies(project_file);
  if (!which.empty() &&
      std::all_of(which.begin(), which.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    auto n = std::stoul(which);
    if (n >= 1 && n <= copies.size()) {
      return copies[copies.size() - n];
    }
  }
  for (const auto& c : copies) {
    if (c.name == which || c.file == fs::path(which) || c.file.stem() == which) {
      return c;
    }
  }
  std::error_code ec;
  if (fs::is_regular_file(which, ec)) {
    std::int64_t order = 0;
    return describe(fs::path(which), &order);
  }
  throw NotFoundError("no safety copy '" + which + "' of " + project_file.filename().string() +
                          " (there are " + std::to_string(copies.size()) +
                          ", newest first: number 1 is the newest)",
                      Hint::ListSafetyCopies);
}

int roll_safety_copies(const fs::path& project_file, int keep, std::uintmax_t max_bytes) {
  // Scratch files of a copy or restore that was killed: gone after an hour
  // (one being written now is younger).
  std::error_code ec;
  const auto stale = fs::file_time_type::clock::now() - std::chrono::hours(1);
  for (const auto& e : fs::directory_iterator(safety_folder(project_file), ec)) {
    auto name = e.path().filename().string();
    if (name.size() > 4 && name[0] == '.' && name.ends_with(".tmp") &&
        fs::last_write_time(e.path(), ec) < stale && !ec) {
      remove_quietly(e.path());
    }
  }
  auto copies = ordered_copies(project_file);
  std::uintmax_t total = 0;
  for (const auto& [order, c] : copies) {
    total += c.size;
  }
  int removed = 0;
  std::size_t left = copies.size();
  for (auto& [order, c] : copies) {
    bool too_many = left > static_cast<std::size_t>(std::max(keep, 1));
    bool too_big = total > max_bytes && left > static_cast<std::size_t>(safety_copies_always_kept);
    if (!too_many && !too_big) {
      break;
    }
    fs::remove(c.file, ec);
    if (ec) {
      break; // cannot remove the oldest: keep the rest in order too
    }
    fs::remove(info_path(c.file), ec);
    total -= std::min(total, c.size);
    --left;
    ++removed;
  }
  return removed;
}

std::optional<SafetyCopy> restore_safety_copy(Project& p, const fs::path& copy) {
  auto& impl = p.impl();
  if (impl.action_depth > 0) {
    throw Error("cannot restore a safety copy in the middle of an action");
  }
  std::error_code ec;
  if (!fs::is_regular_file(copy, ec)) {
    throw NotFoundError("no such safety copy: " + copy.string());
  }
  const auto name = copy.filename().string();
  const auto folder = safety_folder(p.path());
  fs::create_directories(folder, ec);
  auto staging = fs::is_directory(folder) ? scratch_name(folder, "restore")
                                          : fs::path(p.path().string() + ".restoring.tmp");
  struct Cleanup {
    fs::path f;
    ~Cleanup() { remove_quietly(f); }
  } cleanup{staging};

  // 1. The copy into a staging file, checked, brought to this Quire's
  //    format, and given a generation after everything the project had.
  std::string err;
  Conn stage(staging, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, err);
  if (!stage) {
    throw StorageError("cannot restore " + name + ": " + err);
  }
  {
    Conn src(copy, SQLITE_OPEN_READONLY, err);
    if (!src) {
      throw InputError(name + " cannot be read: " + err);
    }
    if (src.number("PRAGMA application_id") != detail::application_id) {
      throw InputError(name + " is not a Quire project: it cannot be restored");
    }
    int rc = backup(stage.db, src.db);
    if (rc != SQLITE_OK) {
      throw StorageError("cannot restore " + name + ": " + sqlite_message(stage.db, rc));
    }
  }
  if (auto ok = stage.text("PRAGMA quick_check"); ok != "ok") {
    throw InputError(name + " is damaged (" + ok + "): it cannot be restored; choose another copy");
  }
  auto version = stage.number("PRAGMA user_version");
  if (version > Project::schema_version) {
    throw InputError(name + " was written by a newer Quire (project format " +
                     std::to_string(version) + "): update Quire to restore it");
  }
  if (version < 1) {
    throw InputError(name + " is not a complete Quire project: it cannot be restored");
  }
  if (version < Project::schema_version) {
    detail::Db sd(staging.string(), SQLITE_OPEN_READWRITE);
    sd.exec("BEGIN IMMEDIATE");
    try {
      detail::migrate_schema(sd, static_cast<int>(version));
      sd.exec("PRAGMA user_version = " + std::to_string(Project::schema_version));
      sd.exec("COMMIT");
    } catch (...) {
      sd.exec("ROLLBACK");
      throw;
    }
  }
  // The page size must match the project's (WAL): make the staging file's so.
  auto page_size = impl.db->scalar("PRAGMA page_size");
  if (stage.number("PRAGMA page_size") != page_size) {
    stage.exec("PRAGMA journal_mode = DELETE");
    stage.exec("PRAGMA page_size = " + std::to_string(page_size));
    if (auto e = stage.exec("VACUUM"); !e.empty()) {
      throw StorageError("cannot restore " + name + ": " + e);
    }
  }
  const auto before_gen = impl.db->scalar("SELECT generation FROM project_info WHERE id = 1");
  if (auto e = stage.exec("BEGIN; DELETE FROM change_journal; UPDATE undo_state SET recording = 0; "
                          "UPDATE project_info SET generation = " +
                          std::to_string(before_gen + 1) + " WHERE id = 1; COMMIT");
      !e.empty()) {
    throw StorageError("cannot restore " + name + ": " + e);
  }

  // 2. The state now, kept first (restoring is itself reversible).
  std::int64_t order = 0;
  auto restored = describe(copy, &order);
  auto before = keep_safety_copy(
      p, "Restore the copy kept before " + (restored.action.empty() ? name : restored.action) +
             (restored.time.empty() ? std::string() : " (" + restored.time + ")"));

  // 3. Into the project, through its own connection: one write transaction.
  int rc = backup(impl.db->raw(), stage.db);
  if (rc != SQLITE_OK) {
    detail::throw_sqlite(impl.db->raw(), rc, "restore");
  }
  // 4. A generation after anything any program saw, and an empty journal:
  //    whoever looks next (views, the search index) sees that everything changed.
  impl.db->exec("BEGIN IMMEDIATE");
  try {
    impl.db->exec("DELETE FROM change_journal");
    impl.db->exec("UPDATE project_info SET generation = generation + 1 WHERE id = 1");
    impl.db->exec("COMMIT");
  } catch (...) {
    impl.db->exec("ROLLBACK");
    throw;
  }
  ChangeSet all;
  all.everything = true;
  all.generation = impl.db->scalar("SELECT generation FROM project_info WHERE id = 1");
  auto t = impl.db->prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT "
                            "LIKE 'sqlite_%'");
  while (t.step()) {
    all.tables.insert(t.str(0));
  }
  auto d = impl.db->prepare("SELECT id FROM document");
  while (d.step()) {
    all.documents.insert(d.i64(0));
  }
  detail::tell_changes(p, {all});
  return before;
}

} // namespace quire
