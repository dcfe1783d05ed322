// OUT.part, locked (platform::LockFile): a lock dies with its process, so OUT.part
// whose lock can be taken was left by an export that was killed (or is the
// one this export creates), and can be written over.
#include "part_file.h"

#include <cstdlib>
#include <string>
#include <string_view>
#include <system_error>

#include "quire/base/error.h"

namespace quire {

namespace {

/// Whether name is a temporary file an earlier export to OUT left, other
/// than OUT.part itself (`part` is "OUT.part"): Quire's older zip writer's
/// "OUT.part-1a2b3c4d" and, through the registry, "OUT.part.part-1a2b3c4d",
/// each maybe with libzip's own ".Xy12Ab" after it; the older .qdc writer's
/// "OUT.part.part". Nothing else: "OUT.part.backup" is the user's.
bool leftover_of(const std::string& name, const std::string& part) {
  if (name.compare(0, part.size(), part) != 0) {
    return false;
  }
  std::string_view rest(name);
  rest.remove_prefix(part.size());
  if (rest == ".part") {
    return true;
  }
  if (rest.substr(0, 6) == ".part-") {
    rest.remove_prefix(6);
  } else if (rest.substr(0, 1) == "-") {
    rest.remove_prefix(1);
  } else {
    return false;
  }
  if (rest.size() < 8 ||
      rest.substr(0, 8).find_first_not_of("0123456789abcdef") != std::string_view::npos) {
    return false;
  }
  rest.remove_prefix(8);
  return rest.empty() || (rest.size() == 7 && rest[0] == '.');
}

/// Removes what earlier exports to out left beside it (see leftover_of).
void remove_leftovers(const std::filesystem::path& out) {
  const auto folder = out.has_parent_path() ? out.parent_path() : std::filesystem::path(".");
  const auto part = out.filename().string() + ".part";
  std::error_code ec;
  for (std::filesystem::directory_iterator it(folder, ec), end; !ec && it != end;
       it.increment(ec)) {
    if (leftover_of(it->path().filename().string(), part)) {
      std::error_code ignored;
      std::filesystem::remove(it->path(), ignored);
    }
  }
}

} // namespace

PartFile::PartFile(std::filesystem::path out) : m_out(std::move(out)) {
  m_part = m_out;
  m_part += ".part";
  // The lock is on the file, so make sure the file locked is the one named
  // OUT.part still: an export that just finished may have renamed it to OUT.
  for (int attempt = 0; attempt < 5 && !m_file.is_open(); ++attempt) {
    platform::LockFile file;
    try {
      file = platform::LockFile::open(m_part, true);
    } catch (const std::system_error& e) {
      throw StorageError(m_out.string() + ": cannot create a file in its folder (" +
                         e.code().message() +
                         "). Choose a folder you can write to, or free some space");
    }
    try {
      if (!file.try_lock()) {
        throw InputError(m_out.string() +
                         ": another export to this file is being written now. Wait for it to "
                         "finish, or export to another name");
      }
    } catch (const std::system_error& e) {
      throw StorageError(m_out.string() + ": cannot lock " + m_part.filename().string() + " (" +
                         e.code().message() + ")");
    }
    if (file.is_named(m_part)) {
      m_file = std::move(file);
    }
  }
  if (!m_file.is_open()) {
    throw InputError(m_out.string() + ": other exports to this file keep starting and ending; "
                                      "try again when they are done");
  }
  try {
    m_file.truncate();
  } catch (const std::system_error& e) {
    std::error_code ec;
    std::filesystem::remove(m_part, ec);
    m_file.close();
    throw StorageError(m_out.string() + ": cannot write beside it (" + e.code().message() + ")");
  }
  remove_leftovers(m_out);
  // A file with no name in the same folder, where the file system can make
  // one and the system can name it for writers that open by name: nothing
  // is left when the export is killed. Locked like OUT.part, so an export
  // that is between naming it and putting it in place is recognised.
  const auto folder = m_out.has_parent_path() ? m_out.parent_path() : std::filesystem::path(".");
  // QUIRE_EXPORT_NAMED_PART=1 keeps to OUT.part (tests of that path).
  const char* named = std::getenv("QUIRE_EXPORT_NAMED_PART");
  if (!(named && *named == '1')) {
    auto anon = platform::LockFile::open_unnamed(folder);
    bool locked = false;
    try {
      locked = anon.is_open() && anon.try_lock();
    } catch (const std::system_error&) {
      locked = false;
    }
    if (locked) {
      m_anon = std::move(anon);
      m_write = m_anon.name_in_process();
      std::error_code ec;
      std::filesystem::remove(m_part, ec); // while its lock is held: ours
      m_file.close();
      return;
    }
  }
  m_write = m_part;
}

std::string PartFile::as_out(std::string msg) const {
  const auto written = m_write.string();
  for (auto at = msg.find(written); at != std::string::npos; at = msg.find(written, at)) {
    msg.replace(at, written.size(), m_out.string());
    at += m_out.string().size();
  }
  return msg;
}

PartFile::~PartFile() {
  m_anon.close(); // a file with no name: gone with it
  // Ours while the lock is held, unless the exporter removed it already and
  // another export has made a new one since.
  if (m_file.is_named(m_part)) {
    std::error_code ec;
    std::filesystem::remove(m_part, ec);
  }
}

void PartFile::commit() {
  if (m_anon.is_open()) {
    // Named OUT.part only for the moment between these two calls; a kill
    // there leaves an OUT.part the next export clears.
    std::error_code ec;
    std::filesystem::remove(m_part, ec);
    try {
      m_anon.link_as(m_part);
    } catch (const std::system_error& e) {
      throw StorageError(m_out.string() + ": could not put the export in place (" +
                         e.code().message() + "). Free some space or choose another folder");
    }
  }
  std::error_code ec;
  std::filesystem::rename(m_part, m_out, ec);
  if (ec) {
    throw StorageError(m_out.string() + ": could not put the export in place (" + ec.message() +
                       "). Is the file open in another program?");
  }
  m_file.close(); // the lock goes with it
  m_anon.close();
}

} // namespace quire
