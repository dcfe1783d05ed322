// OUT.part, locked with flock(2): a lock dies with its process, so OUT.part
// whose lock can be taken was left by an export that was killed (or is the
// one this export creates), and can be written over.
#include "part_file.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
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
  for (int attempt = 0; attempt < 5 && m_fd < 0; ++attempt) {
    int fd = ::open(m_part.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0666);
    if (fd < 0) {
      throw StorageError(m_out.string() + ": cannot create a file in its folder (" +
                         std::strerror(errno) +
                         "). Choose a folder you can write to, or free some space");
    }
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
      const int e = errno;
      ::close(fd);
      if (e == EWOULDBLOCK) {
        throw InputError(m_out.string() +
                         ": another export to this file is being written now. Wait for it to "
                         "finish, or export to another name");
      }
      throw StorageError(m_out.string() + ": cannot lock " + m_part.filename().string() + " (" +
                         std::strerror(e) + ")");
    }
    struct stat held {
    }, named{};
    if (::fstat(fd, &held) == 0 && ::stat(m_part.c_str(), &named) == 0 &&
        held.st_dev == named.st_dev && held.st_ino == named.st_ino) {
      m_fd = fd;
    } else {
      ::close(fd);
    }
  }
  if (m_fd < 0) {
    throw InputError(m_out.string() + ": other exports to this file keep starting and ending; "
                                      "try again when they are done");
  }
  if (::ftruncate(m_fd, 0) != 0) {
    const int e = errno;
    ::unlink(m_part.c_str());
    ::close(m_fd);
    throw StorageError(m_out.string() + ": cannot write beside it (" + std::strerror(e) + ")");
  }
  remove_leftovers(m_out);
  // A file with no name in the same folder, where the file system can make
  // one and /proc can name it for writers that open by name: nothing is
  // left when the export is killed. Locked like OUT.part, so an export that
  // is between naming it and putting it in place is recognised.
  const auto folder = m_out.has_parent_path() ? m_out.parent_path() : std::filesystem::path(".");
  // QUIRE_EXPORT_NAMED_PART=1 keeps to OUT.part (tests of that path).
  const char* named = std::getenv("QUIRE_EXPORT_NAMED_PART");
  if (!(named && *named == '1') && ::access("/proc/self/fd", X_OK) == 0) {
    int anon = ::open(folder.c_str(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0666);
    if (anon >= 0 && ::flock(anon, LOCK_EX | LOCK_NB) == 0) {
      m_anon_fd = anon;
      m_write = "/proc/self/fd/" + std::to_string(anon);
      ::unlink(m_part.c_str()); // while its lock is held: ours
      ::close(m_fd);
      m_fd = -1;
      return;
    }
    if (anon >= 0) {
      ::close(anon);
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
  if (m_anon_fd >= 0) {
    ::close(m_anon_fd); // a file with no name: gone with it
  }
  if (m_fd >= 0) {
    // Ours while the lock is held, unless the exporter removed it already
    // and another export has made a new one since.
    struct stat held {
    }, named{};
    if (::fstat(m_fd, &held) == 0 && ::stat(m_part.c_str(), &named) == 0 &&
        held.st_dev == named.st_dev && held.st_ino == named.st_ino) {
      ::unlink(m_part.c_str());
    }
    ::close(m_fd);
  }
}

void PartFile::commit() {
  if (m_anon_fd >= 0) {
    // Named OUT.part only for the moment between these two calls; a kill
    // there leaves an OUT.part the next export clears.
    ::unlink(m_part.c_str());
    if (::linkat(AT_FDCWD, m_write.c_str(), AT_FDCWD, m_part.c_str(), AT_SYMLINK_FOLLOW) != 0) {
      throw StorageError(m_out.string() + ": could not put the export in place (" +
                         std::strerror(errno) + "). Free some space or choose another folder");
    }
  }
  std::error_code ec;
  std::filesystem::rename(m_part, m_out, ec);
  if (ec) {
    throw StorageError(m_out.string() + ": could not put the export in place (" + ec.message() +
                       "). Is the file open in another program?");
  }
  if (m_fd >= 0) {
    ::close(m_fd); // the lock goes with it
    m_fd = -1;
  }
  if (m_anon_fd >= 0) {
    ::close(m_anon_fd);
    m_anon_fd = -1;
  }
}

} // namespace quire
