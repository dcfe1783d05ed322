// Opening, creating and checking project files; the Action transaction.
#include "project.h"

#include <cstdlib>
#include <cstring>
#include <fstream>

#include "error.h"
#include "project_p.h"
#include "text.h"

namespace fs = std::filesystem;

namespace quire {

namespace {

/// Reads the 100-byte SQLite header and refuses files that are not SQLite,
/// or are shorter than the header says (a truncated copy).
void check_file_header(const fs::path& file) {
  std::error_code ec;
  auto size = fs::file_size(file, ec);
  if (ec) {
    throw StorageError("cannot read " + file.string() + ": " + ec.message());
  }
  if (size == 0) {
    throw StorageError(file.string() + " is empty: it is not a Quire project");
  }
  std::ifstream in(file, std::ios::binary);
  unsigned char h[100] = {};
  in.read(reinterpret_cast<char*>(h), sizeof h);
  auto got = in.gcount();
  if (got < 16 || std::memcmp(h, "SQLite format 3", 16) != 0) {
    throw StorageError(file.string() + " is not a Quire project (it is not a project file)");
  }
  if (got < 100) {
    throw StorageError(file.string() + " is truncated: it is not a whole Quire project. "
                                       "Restore it from a backup");
  }
  std::uint32_t page_size = (h[16] << 8) | h[17];
  if (page_size == 1) {
    page_size = 65536;
  }
  auto be32 = [&](int o) {
    return (std::uint32_t(h[o]) << 24) | (std::uint32_t(h[o + 1]) << 16) |
           (std::uint32_t(h[o + 2]) << 8) | std::uint32_t(h[o + 3]);
  };
  std::uint32_t change_counter = be32(24), pages = be32(28), valid_for = be32(92);
  if (pages != 0 && change_counter == valid_for &&
      size < std::uint64_t(pages) * std::uint64_t(page_size)) {
    throw StorageError(file.string() + " is truncated (" + std::to_string(size) + " of " +
                       std::to_string(std::uint64_t(pages) * page_size) +
                       " bytes): restore it from a backup");
  }
}

void configure(detail::Db& db) {
  db.exec("PRAGMA foreign_keys = ON");
  db.exec("PRAGMA journal_mode = WAL");
  // FULL with WAL: a commit the user was told about survives power loss.
  db.exec("PRAGMA synchronous = FULL");
  db.exec("PRAGMA cache_size = -65536"); // 64 MiB
  db.exec("PRAGMA temp_store = MEMORY");
}

} // namespace

Project::Project(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
Project::Project(Project&&) noexcept = default;
Project& Project::operator=(Project&&) noexcept = default;
Project::~Project() = default;

Project Project::create(const fs::path& file) {
  if (fs::exists(file)) {
    throw StorageError(file.string() + " already exists; open it, or choose another name");
  }
  auto impl = std::make_unique<Impl>();
  impl->path = file;
  impl->db =
      std::make_unique<detail::Db>(file.string(), SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  auto& db = *impl->db;
  try {
    db.exec("PRAGMA application_id = " + std::to_string(detail::application_id));
    configure(db);
    db.exec("BEGIN");
    detail::create_schema(db);
    auto s = db.prepare("INSERT INTO project_info(id, guid, created_at) VALUES (1, ?, ?)");
    s.bind(1, new_guid()).bind(2, now_iso()).run();
    db.exec("PRAGMA user_version = " + std::to_string(schema_version));
    db.exec("COMMIT");
  } catch (...) {
    impl.reset();
    std::error_code ec;
    fs::remove(file, ec);
    fs::remove(file.string() + "-wal", ec);
    fs::remove(file.string() + "-shm", ec);
    throw;
  }
  return Project(std::move(impl));
}

Project Project::open(const fs::path& file) {
  if (!fs::exists(file)) {
    throw StorageError("no such project: " + file.string() + " (create one with 'quire init')");
  }
  if (fs::is_directory(file)) {
    throw StorageError(file.string() + " is a folder, not a Quire project");
  }
  check_file_header(file);
  auto impl = std::make_unique<Impl>();
  impl->path = file;
  impl->db = std::make_unique<detail::Db>(file.string(), SQLITE_OPEN_READWRITE);
  auto& db = *impl->db;
  std::int64_t app = 0, version = 0;
  try {
    app = db.scalar("PRAGMA application_id");
    version = db.scalar("PRAGMA user_version");
  } catch (const StorageError& e) {
    throw StorageError(file.string() + " cannot be read as a Quire project: " + e.what());
  }
  if (app != detail::application_id) {
    throw StorageError(file.string() +
                       " is not a Quire project (it is a database of another program)");
  }
  if (version > schema_version) {
    throw StorageError(file.string() + " was written by a newer Quire (project format " +
                       std::to_string(version) + "; this Quire reads up to " +
                       std::to_string(schema_version) + "). Update Quire to open it");
  }
  if (version < 1) {
    throw StorageError(file.string() + " is not a complete Quire project (no schema)");
  }
  configure(db);
  if (version < schema_version) {
    // Keep a copy of the file as it was before changing its format.
    auto backup = file.string() + ".v" + std::to_string(version) + ".bak";
    for (int n = 2; fs::exists(backup); ++n) {
      backup = file.string() + ".v" + std::to_string(version) + "-" + std::to_string(n) + ".bak";
    }
    std::string quoted;
    for (char c : backup) {
      quoted += c == '\'' ? std::string("''") : std::string(1, c);
    }
    db.exec("VACUUM INTO '" + quoted + "'");
    db.exec("BEGIN IMMEDIATE");
    try {
      detail::migrate_schema(db, static_cast<int>(version));
      db.exec("PRAGMA user_version = " + std::to_string(schema_version));
      db.exec("COMMIT");
    } catch (...) {
      db.exec("ROLLBACK");
      throw;
    }
  }
  try {
    db.scalar("SELECT count(*) FROM project_info");
    db.scalar("SELECT max(id) FROM document");
    impl->seen_generation = db.scalar("SELECT generation FROM project_info WHERE id = 1");
  } catch (const StorageError& e) {
    throw StorageError(file.string() + ": " + e.what());
  }
  return Project(std::move(impl));
}

const fs::path& Project::path() const {
  return m_impl->path;
}

std::string Project::guid() const {
  auto s = m_impl->db->prepare("SELECT guid FROM project_info WHERE id = 1");
  return s.step() ? s.str(0) : std::string();
}

std::string Project::setting(const std::string& key, const std::string& fallback) const {
  auto s = m_impl->db->prepare("SELECT value FROM setting WHERE key = ?");
  s.bind(1, key);
  return s.step() ? s.str(0) : fallback;
}

void Project::set_setting(const std::string& key, const std::string& value) {
  detail::Action act(*this, "Set " + key + " to '" + value + "'");
  act.db()
      .prepare("INSERT INTO setting(key, value) VALUES (?, ?) "
               "ON CONFLICT(key) DO UPDATE SET value = excluded.value")
      .bind(1, key)
      .bind(2, value)
      .run();
  act.commit();
}

std::string Project::coder() const {
  if (!m_impl->session_coder.empty()) {
    return m_impl->session_coder;
  }
  if (const char* env = std::getenv("QUIRE_CODER"); env && *env) {
    return env;
  }
  if (auto s = setting("coder"); !s.empty()) {
    return s;
  }
  if (const char* user = std::getenv("USER"); user && *user) {
    return user;
  }
  return "default";
}

void Project::set_session_coder(const std::string& name) {
  m_impl->session_coder = name;
}

int Project::subscribe(Listener l) {
  int token = m_impl->next_token++;
  m_impl->listeners.emplace(token, std::move(l));
  return token;
}

void Project::unsubscribe(int token) {
  m_impl->listeners.erase(token);
}

std::int64_t Project::generation() const {
  return m_impl->db->scalar("SELECT generation FROM project_info WHERE id = 1");
}

namespace detail {

Action::Action(Project& p, std::string name) : m_p(p) {
  auto& impl = p.impl();
  if (impl.action_depth++ > 0) {
    return; // joins the outer action
  }
  m_outer = true;
  auto& d = *impl.db;
  try {
    d.exec("BEGIN IMMEDIATE");
  } catch (...) {
    impl.action_depth--;
    throw;
  }
  try {
    // A new action makes the acting coder's undone actions unreachable (and
    // those without a coder, from older files, which are everyone's): drop
    // them. Other coders keep theirs to redo.
    const auto coder = p.coder();
    d.prepare("DELETE FROM undo_log WHERE step IN (SELECT id FROM undo_step WHERE undone "
              "AND (coder IS NULL OR coder = ?))")
        .bind(1, coder)
        .run();
    d.prepare("DELETE FROM undo_step WHERE undone AND (coder IS NULL OR coder = ?)")
        .bind(1, coder)
        .run();
    d.prepare("INSERT INTO undo_step(name, time, coder) VALUES (?, ?, ?)")
        .bind(1, name)
        .bind(2, now_iso())
        .bind(3, coder)
        .run();
    m_step = d.last_insert_id();
    d.prepare("UPDATE undo_state SET recording = 1, step = ?, phase = 'u'").bind(1, m_step).run();
  } catch (...) {
    d.exec("ROLLBACK");
    impl.action_depth--;
    throw;
  }
}

Action::~Action() {
  auto& impl = m_p.impl();
  impl.action_depth--;
  if (!m_outer || m_done) {
    return;
  }
  try {
    impl.db->exec("ROLLBACK");
  } catch (...) {
    // Nothing more can be done; SQLite rolls back on close too.
  }
}

void Action::rename(const std::string& name) {
  if (m_outer) {
    db().prepare("UPDATE undo_step SET name = ? WHERE id = ?").bind(1, name).bind(2, m_step).run();
  }
}

void Action::commit() {
  if (!m_outer || m_done) {
    return;
  }
  auto& d = db();
  d.exec("UPDATE undo_state SET recording = 0");
  ChangeSet c = changes_of_step(d, m_step, "u");
  if (c.empty()) {
    d.prepare("DELETE FROM undo_step WHERE id = ?").bind(1, m_step).run();
  }
  auto changes = record_change(m_p, std::move(c), m_step);
  d.exec("COMMIT");
  m_done = true;
  tell_changes(m_p, changes);
}

ChangeSet changes_of_step(Db& d, std::int64_t step, const char* phase) {
  ChangeSet c;
  // One pass over the step's rows, telling repeats apart here: a survey's
  // import logs hundreds of thousands of rows, and SELECT DISTINCT sorted
  // them all.
  auto s = d.prepare("SELECT tbl, doc, rid FROM undo_log WHERE step = ? AND phase = ?");
  s.bind(1, step).bind(2, phase);
  std::string last_tbl;
  while (s.step()) {
    auto tbl = s.view(0);
    if (tbl != last_tbl) {
      last_tbl = tbl;
      c.tables.insert(last_tbl);
    }
    if (!s.is_null(1)) {
      c.documents.insert(s.i64(1));
    }
    if (tbl == "coding" && !s.is_null(2)) {
      c.codings.insert(s.i64(2));
    }
  }
  return c;
}

void notify(Project& p, const ChangeSet& c) {
  auto listeners = p.impl().listeners; // a listener may unsubscribe
  for (auto& [token, l] : listeners) {
    l(c);
  }
}

Id coder_id(Db& d, const std::string& name) {
  auto s = d.prepare("SELECT id FROM coder WHERE name = ?");
  s.bind(1, name);
  if (s.step()) {
    return s.i64(0);
  }
  d.prepare("INSERT INTO coder(guid, name) VALUES (?, ?)").bind(1, new_guid()).bind(2, name).run();
  return d.last_insert_id();
}

} // namespace detail
} // namespace quire
