// Creating and opening project files. Every look at the file goes through
// SQLite: a descriptor of ours opened and closed on the file would drop every
// POSIX lock SQLite holds on it in this process, and another program closing
// the project could then delete the live -wal and -shm files under us.
#include <cstring>

#include "quire/base/error.h"
#include "quire/base/text.h"
#include "quire/store/project.h"
#include "quire_version.h"
#include "store/check_p.h"
#include "store/project_p.h"

namespace fs = std::filesystem;

namespace quire {

namespace {

using Kind = StorageError::Kind;

void configure(detail::Db& db, bool read_only) {
  db.exec("PRAGMA foreign_keys = ON");
  if (!read_only) {
    db.exec("PRAGMA journal_mode = WAL");
    // FULL with WAL: a commit the user was told about survives power loss.
    db.exec("PRAGMA synchronous = FULL");
  }
  db.exec("PRAGMA cache_size = -65536"); // 64 MiB
  db.exec("PRAGMA temp_store = MEMORY");
}

/// "file:PATH?immutable=1" with PATH escaped as a URI wants it.
std::string immutable_uri(const fs::path& file) {
  std::string out = "file:";
  for (unsigned char c : fs::absolute(file).string()) {
    if (c == '%' || c == '?' || c == '#' || c < 0x20 || c == 0x7f) {
      static const char* hex = "0123456789ABCDEF";
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "?immutable=1";
}

bool has_wal_content(const fs::path& file) {
  std::error_code ec;
  auto size = fs::file_size(file.string() + "-wal", ec); // stat only: no descriptor
  return !ec && size > 32;                               // more than a WAL header
}

/// Reads what identifies a Quire project (the first read of the file: SQLite
/// checks its header here). Damage SQLite reports is told apart from a file
/// cut short.
std::pair<std::int64_t, std::int64_t> identify(detail::Db& db, const fs::path& file) {
  try {
    return {db.scalar("PRAGMA application_id"), db.scalar("PRAGMA user_version")};
  } catch (const StorageError& e) {
    if (e.kind() == Kind::Damaged) {
      if (auto why = detail::truncation(db, file)) {
        throw StorageError(Kind::Truncated, *why);
      }
    }
    throw;
  }
}

/// The connection for access: a read-only one falls back to an immutable
/// view of the file when SQLite cannot keep its shared-memory file next to
/// it (a read-only folder), but only when no -wal file holds work that view
/// would miss.
std::unique_ptr<detail::Db> connect(const fs::path& file, Project::Access access) {
  if (access == Project::Access::ReadWrite) {
    auto db = std::make_unique<detail::Db>(file.string(), SQLITE_OPEN_READWRITE);
    if (sqlite3_db_readonly(db->raw(), "main") == 1) {
      throw StorageError(Kind::ReadOnly,
                         file.string() +
                             " is read-only: it can be read but not changed. Make it writable, or "
                             "copy it to a folder you can write to, to work on it");
    }
    return db;
  }
  auto db = std::make_unique<detail::Db>(file.string(), SQLITE_OPEN_READONLY);
  try {
    db->scalar("PRAGMA application_id");
    return db;
  } catch (const StorageError& e) {
    if (e.kind() != Kind::ReadOnly && e.kind() != Kind::OpenedReadOnly &&
        e.kind() != Kind::NoAccess && e.kind() != Kind::Other) {
      throw;
    }
    // (SQLite could not open or make -shm next to the file.)
    if (has_wal_content(file)) {
      throw StorageError(Kind::Other,
                         file.string() + " has recent work in " + file.filename().string() +
                             "-wal that can only be read where its folder can be written: copy " +
                             file.filename().string() + " together with " +
                             file.filename().string() + "-wal to a folder you can write to");
    }
  }
  db.reset();
  return std::make_unique<detail::Db>(file.string(), SQLITE_OPEN_READONLY, immutable_uri(file));
}

} // namespace

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
    configure(db, false);
    db.exec("BEGIN");
    detail::create_schema(db);
    auto s = db.prepare("INSERT INTO project_info(id, guid, created_at, created_by, written_by) "
                        "VALUES (1, ?, ?, ?, ?)");
    s.bind(1, new_guid())
        .bind(2, now_iso())
        .bind(3, QUIRE_VERSION_STRING)
        .bind(4, QUIRE_VERSION_STRING)
        .run();
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

Project Project::open(const fs::path& file, Access access) {
  std::error_code ec;
  auto status = fs::status(file, ec); // stat only: no descriptor
  if (!fs::exists(status)) {
    throw StorageError(StorageError::Kind::Other, "no such project: " + file.string(),
                       Hint::CreateProject);
  }
  if (fs::is_directory(status)) {
    throw StorageError(Kind::NotAProject, file.string() + " is a folder, not a Quire project");
  }
  const bool read_only = access == Access::ReadOnly;
  auto impl = std::make_unique<Impl>();
  impl->path = file;
  impl->read_only = read_only;
  impl->db = connect(file, access);
  auto& db = *impl->db;
  auto [app, version] = identify(db, file);
  if (app == 0 && version == 0 && db.scalar("PRAGMA page_count") == 0) {
    throw StorageError(Kind::NotAProject, file.string() + " is empty: it is not a Quire project");
  }
  if (app != detail::application_id) {
    throw StorageError(Kind::NotAProject,
                       file.string() +
                           " is not a Quire project (it is a database of another program)");
  }
  if (version > schema_version) {
    throw StorageError(Kind::NewerVersion,
                       file.string() + " was written by a newer Quire (project format " +
                           std::to_string(version) + "; this Quire reads up to " +
                           std::to_string(schema_version) + "). Update Quire to open it");
  }
  if (version < 1) {
    throw StorageError(Kind::Damaged,
                       file.string() + " is not a complete Quire project (it has no tables)");
  }
  configure(db, read_only);
  // Format 5 differs from 6 only by an index that makes reading faster: a
  // read-only project of format 5 is read as it is.
  const bool read_as_is = read_only && version >= 5;
  if (version < schema_version && !read_as_is) {
    if (read_only) {
      throw StorageError(Kind::ReadOnly,
                         file.string() + " was written by an older Quire (project format " +
                             std::to_string(version) +
                             ") and must be updated before it can be read, which a read-only "
                             "project cannot be. Open a writable copy of it");
    }
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
      db.prepare("UPDATE project_info SET written_by = ? WHERE id = 1")
          .bind(1, QUIRE_VERSION_STRING)
          .run();
      db.exec("PRAGMA user_version = " + std::to_string(schema_version));
      db.exec("COMMIT");
    } catch (...) {
      db.exec("ROLLBACK");
      throw;
    }
  }
  detail::quick_check(db, file);
  impl->seen_generation = db.scalar("SELECT generation FROM project_info WHERE id = 1");
  return Project(std::move(impl));
}

} // namespace quire
