// Checking a project: the quick check on every open, and the whole check
// (`quire check`). Everything is read through SQLite.
#include "quire/store/check.h"

#include <cstring>
#include <map>

#include "quire/base/error.h"
#include "quire/search/search_index.h"
#include "store/check_p.h"
#include "store/project_p.h"

namespace fs = std::filesystem;

namespace quire {

namespace detail {

namespace {

std::uint32_t be32(const unsigned char* p) {
  return (std::uint32_t(p[0]) << 24) | (std::uint32_t(p[1]) << 16) | (std::uint32_t(p[2]) << 8) |
         std::uint32_t(p[3]);
}

std::string quoted_name(const std::string& name) {
  std::string out = "\"";
  for (char c : name) {
    out += c == '"' ? std::string("\"\"") : std::string(1, c);
  }
  return out + "\"";
}

const char* const what_to_do_when_damaged =
    "Keep the file as it is (copy it aside) and restore the project from a backup";

} // namespace

std::optional<std::string> truncation(Db& db, const fs::path& file) {
  sqlite3_file* f = nullptr;
  if (sqlite3_file_control(db.raw(), "main", SQLITE_FCNTL_FILE_POINTER, &f) != SQLITE_OK || !f ||
      !f->pMethods) {
    return std::nullopt;
  }
  sqlite3_int64 size = 0;
  if (f->pMethods->xFileSize(f, &size) != SQLITE_OK) {
    return std::nullopt;
  }
  unsigned char h[100] = {};
  int rc = f->pMethods->xRead(f, h, sizeof h, 0);
  if (rc != SQLITE_OK && rc != SQLITE_IOERR_SHORT_READ) {
    return std::nullopt;
  }
  if (std::memcmp(h, "SQLite format 3", 16) != 0) {
    return std::nullopt;
  }
  std::uint32_t page_size = (h[16] << 8) | h[17];
  if (page_size == 1) {
    page_size = 65536;
  }
  const std::uint32_t change_counter = be32(h + 24), pages = be32(h + 28), valid_for = be32(h + 92);
  const auto whole = std::uint64_t(pages) * page_size;
  std::error_code ec;
  auto wal = fs::file_size(file.string() + "-wal", ec); // stat only
  const bool wal_has_frames = !ec && wal > 32;
  if (size < 100 || (pages != 0 && change_counter == valid_for && std::uint64_t(size) < whole &&
                     !wal_has_frames)) {
    return file.string() + " is truncated: it is " + std::to_string(size) + " bytes, and SQLite " +
           "needs " + (size < 100 ? std::string("at least 100") : std::to_string(whole)) +
           " (SQLite: database disk image is malformed). It was cut short, e.g. by an "
           "interrupted copy. Keep it as it is and restore the project from a backup";
  }
  return std::nullopt;
}

void quick_check(Db& db, const fs::path& file) {
  std::string step = "reading the list of tables";
  try {
    std::vector<std::pair<std::string, bool>> tables; // name, has rowid
    {
      auto s = db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND "
                          "name NOT LIKE 'sqlite_%'");
      while (s.step()) {
        auto sql = s.str(1);
        bool rowid = sql.find("WITHOUT ROWID") == std::string::npos;
        tables.emplace_back(s.str(0), rowid);
      }
    }
    for (const auto& [name, rowid] : tables) {
      step = "reading the last row of " + name;
      // The right edge of the table's b-tree: the pages a truncated or
      // half-written file loses first.
      db.prepare(rowid ? "SELECT * FROM " + quoted_name(name) + " ORDER BY rowid DESC LIMIT 1"
                       : "SELECT * FROM " + quoted_name(name) + " LIMIT 1")
          .run();
    }
    step = "reading the project's identity";
    if (db.scalar("SELECT count(*) FROM project_info WHERE id = 1") != 1) {
      throw StorageError(StorageError::Kind::Damaged,
                         file.string() + " is damaged: its project_info row is missing. " +
                             what_to_do_when_damaged);
    }
    step = "reading the undo state";
    if (db.scalar("SELECT count(*) FROM undo_state WHERE id = 1") != 1) {
      throw StorageError(StorageError::Kind::Damaged,
                         file.string() + " is damaged: its undo state is missing. " +
                             what_to_do_when_damaged);
    }
  } catch (const StorageError& e) {
    if (e.kind() == StorageError::Kind::Damaged &&
        std::string_view(e.what()).find(" is damaged (SQLite") != std::string_view::npos) {
      throw StorageError(StorageError::Kind::Damaged,
                         std::string(e.what()) + " (found on opening, while " + step + ")");
    }
    throw;
  }
}

} // namespace detail

namespace {

void add(CheckReport& r, std::string check, std::string message) {
  r.problems.push_back({std::move(check), std::move(message)});
}

const char* const restore =
    "Keep the file as it is (copy it aside) and restore the project from a backup";

/// The lines of an integrity or quick check ("ok" when all is well); a row
/// may hold several ("*** in database main ***\n...").
std::vector<std::string> check_lines(detail::Stmt& s) {
  std::vector<std::string> lines;
  while (s.step()) {
    auto row = s.str(0);
    for (std::size_t at = 0; at <= row.size();) {
      auto nl = row.find('\n', at);
      auto line = row.substr(at, nl == std::string::npos ? std::string::npos : nl - at);
      if (!line.empty() && line.rfind("*** in database", 0) != 0) {
        lines.push_back(line);
      }
      at = nl == std::string::npos ? row.size() + 1 : nl + 1;
    }
  }
  return lines;
}

/// SQLite's integrity check of the whole file; false when it found damage.
bool integrity(detail::Db& db, const std::string& file, CheckReport& r) {
  r.checks.push_back("file");
  bool ok = true;
  try {
    auto s = db.prepare("PRAGMA integrity_check(50)");
    auto lines = check_lines(s);
    if (!(lines.size() == 1 && lines[0] == "ok")) {
      std::string detail;
      for (std::size_t i = 0; i < lines.size() && i < 5; ++i) {
        detail += (i ? "; " : "") + lines[i];
      }
      ok = false;
      add(r, "file",
          file + " is damaged: SQLite's integrity check found " + std::to_string(lines.size()) +
              (lines.size() >= 50 ? " or more" : "") + " problem" + (lines.size() == 1 ? "" : "s") +
              " (" + detail + "). " + restore);
    }
  } catch (const StorageError& e) {
    add(r, "file", std::string(e.what()));
    return false;
  }
  return ok;
}

} // namespace

void verify_pages(const Project& p) {
  auto& db = detail::db(p);
  auto s = db.prepare("PRAGMA quick_check(3)");
  std::string found;
  for (const auto& line : check_lines(s)) {
    if (line != "ok") {
      found += (found.empty() ? "" : "; ") + line;
    }
  }
  if (!found.empty()) {
    throw StorageError(StorageError::Kind::Damaged,
                       p.path().string() + " is damaged: SQLite's check of its pages found: " +
                           found + ". " + restore);
  }
}

/// Foreign keys, undo history, change journal (after the file is whole).
static void other_checks(detail::Db& db, CheckReport& r, Progress& progress);

CheckReport check_unopened(const fs::path& file, const StorageError& why) {
  CheckReport r;
  r.checks.push_back("open");
  add(r, "open", why.what());
  if (why.kind() == StorageError::Kind::Damaged) {
    try {
      detail::Db db(file.string(), SQLITE_OPEN_READONLY);
      integrity(db, file.string(), r);
    } catch (const StorageError&) {
      // the reason to not open it says it all
    }
  }
  return r;
}

CheckReport check_project(const Project& p, Progress& progress) {
  auto& db = detail::db(p);
  CheckReport r;
  const auto file = p.path().string();
  progress.message("Checking every page of the file");
  if (!integrity(db, file, r)) {
    return r; // the other checks would only run into the same damage
  }
  if (progress.cancelled()) {
    throw Cancelled();
  }
  try {
    other_checks(db, r, progress);
  } catch (const StorageError& e) {
    add(r, r.checks.back(), e.what());
  }
  return r;
}

static void other_checks(detail::Db& db, CheckReport& r, Progress& progress) {
  r.checks.push_back("foreign keys");
  progress.message("Checking the links between rows");
  {
    auto s = db.prepare("PRAGMA foreign_key_check");
    std::map<std::string, std::int64_t> broken;
    while (s.step()) {
      ++broken[s.str(0) + " → " + s.str(2)];
    }
    for (const auto& [link, n] : broken) {
      add(r, "foreign keys",
          std::to_string(n) + " row" + (n == 1 ? "" : "s") + " of " + link +
              " point to rows that do not exist. " + restore +
              ", or export what you need from this one");
    }
  }

  r.checks.push_back("undo");
  progress.message("Checking the undo history");
  if (db.scalar("SELECT count(*) FROM undo_state WHERE id = 1 AND recording = 0") != 1) {
    add(r, "undo",
        "the undo state says an action is still being recorded; changes made outside Quire "
        "would be mixed into the next undo step. Undo history may be wrong: check the last "
        "actions by hand after undoing them");
  }
  if (auto n = db.scalar("SELECT count(*) FROM undo_log WHERE step NOT IN "
                         "(SELECT id FROM undo_step)");
      n > 0) {
    add(r, "undo",
        std::to_string(n) + " undo record" + (n == 1 ? " belongs" : "s belong") +
            " to no undo step (harmless to your data; they take space and are never used)");
  }
  // Each coder undoes their own latest step and redoes their own earliest
  // undone one: a coder's undone steps come after all their done ones.
  if (auto n = db.scalar("SELECT count(*) FROM undo_step a WHERE undone AND a.coder IS NOT NULL "
                         "AND EXISTS (SELECT 1 FROM undo_step b WHERE b.id > a.id AND NOT "
                         "b.undone AND b.coder = a.coder)");
      n > 0) {
    add(r, "undo",
        std::to_string(n) + " undone step" + (n == 1 ? " lies" : "s lie") +
            " before steps of the same coder that are still done: redo would apply changes out "
            "of order. Do not use Redo on this project; do the undone actions again by hand");
  }

  r.checks.push_back("journal");
  progress.message("Checking the change journal");
  const auto generation = db.scalar("SELECT generation FROM project_info WHERE id = 1");
  if (auto n = db.scalar("SELECT count(*) FROM change_journal WHERE generation > " +
                         std::to_string(generation));
      n > 0) {
    add(r, "journal",
        "the change journal has " + std::to_string(n) + " entr" + (n == 1 ? "y" : "ies") +
            " newer than the project's generation (" + std::to_string(generation) +
            "); other open windows may miss changes. Close every window on the project and "
            "open it again (search indexes will be rebuilt)");
  }
  if (auto n =
          db.scalar("SELECT count(*) FROM undo_step WHERE done_at > " + std::to_string(generation));
      n > 0) {
    add(r, "journal",
        std::to_string(n) + " undo step" + (n == 1 ? " is" : "s are") +
            " stamped with a generation the project has not reached; other open windows may "
            "miss changes. Close every window on the project and open it again");
  }
}

void check_search_index(const Project& p, const SearchIndex& index, CheckReport& report) {
  report.checks.push_back("index");
  const auto passages = detail::db(p).scalar("SELECT count(*) FROM passage");
  const auto indexed = index.size();
  if (indexed != passages) {
    report.problems.push_back(
        {"index", "the search index holds " + std::to_string(indexed) +
                      " passages but the "
                      "project has " +
                      std::to_string(passages) +
                      ": searches miss or invent hits. Rebuild the search index (your project is "
                      "not affected; the index is made from it)"});
  }
}

} // namespace quire
