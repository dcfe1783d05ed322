// The lock the writers of one project's search index take in turn, and the
// boundary that turns Xapian's errors into Quire's.
//
// Writers hold the lock only for one update (or one rebuild), so several
// programs can use one index: a second writer waits its turn, telling the
// user after a few seconds, and gives up (leaving the index stale, to be
// caught up later) only after a long bound. The lock is an flock() on its
// own file, NAME.quire.index.lock: never a descriptor on the project file,
// whose closing would drop SQLite's POSIX locks in this process.
#include <system_error>
#include <thread>

#include "search/search_p.h"

namespace fs = std::filesystem;

namespace quire {

namespace {

bool contains(const std::string& s, const char* part) {
  return s.find(part) != std::string::npos;
}

/// Why a write failed, in words for a person, from the error's text.
std::string why(const std::string& detail) {
  if (contains(detail, "No space left") || contains(detail, "File too large") ||
      contains(detail, "Disk quota") || contains(detail, "ENOSPC") || contains(detail, "EFBIG")) {
    return "the disk is full (free some space; the index is brought up to date on a later "
           "action or search)";
  }
  if (contains(detail, "Permission denied") || contains(detail, "Read-only file system")) {
    return "its folder cannot be written (" + detail + ")";
  }
  return detail;
}

} // namespace

std::string describe_index_error(const char* doing, const Xapian::Error& e) {
  std::string detail = e.get_msg();
  if (const char* err = e.get_error_string(); err && *err)
    detail += (detail.empty() ? "" : ": ") + std::string(err);
  if (detail.empty())
    detail = e.get_type();
  const std::string type = e.get_type();
  if (type == "DatabaseCorruptError" || type == "DatabaseVersionError")
    detail = "it is damaged (" + detail + "); it is rebuilt on the next search";
  else
    detail = why(detail);
  return std::string("the search index could not be ") + doing + ": " + detail;
}

std::string describe_index_error(const char* doing, const std::exception& e) {
  return std::string("the search index could not be ") + doing + ": " + why(e.what());
}

IndexLock::~IndexLock() {
  release();
}

bool IndexLock::acquire(Progress& progress, std::chrono::milliseconds bound) {
  using clock = std::chrono::steady_clock;
  if (m_held)
    return true;
  if (!m_lock.is_open()) {
    try {
      m_lock = platform::LockFile::open(m_file);
    } catch (const std::system_error& e) {
      throw StorageError("the search index could not be updated: its lock file " + m_file.string() +
                         " cannot be made (" + e.code().message() + ")");
    }
  }
  const auto start = clock::now();
  bool told = false;
  auto pause = std::chrono::milliseconds(2);
  for (;;) {
    try {
      if (m_lock.try_lock()) {
        m_held = true;
        return true;
      }
    } catch (const std::system_error& e) {
      if (e.code() != std::errc::interrupted) {
        throw StorageError("the search index could not be updated: its lock file " +
                           m_file.string() + " cannot be locked (" + e.code().message() + ")");
      }
    }
    const auto waited = clock::now() - start;
    if (waited >= bound)
      return false;
    if (!told && waited >= std::chrono::seconds(3)) {
      progress.message("Waiting for another Quire program to finish updating the search index");
      told = true;
    }
    std::this_thread::sleep_for(pause);
    pause = std::min(pause * 2, std::chrono::milliseconds(50));
  }
}

void IndexLock::release() {
  if (m_held) {
    m_lock.unlock();
    m_held = false;
  }
}

} // namespace quire
