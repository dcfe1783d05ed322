#include "project_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <string>

namespace quire::gui {

namespace {

std::string host_name() {
  char buf[256] = {};
  if (gethostname(buf, sizeof buf - 1) != 0) {
    return "this computer";
  }
  return buf;
}

std::string read_all(int fd) {
  std::string out;
  char buf[256];
  lseek(fd, 0, SEEK_SET);
  for (ssize_t n; (n = read(fd, buf, sizeof buf)) > 0;) {
    out.append(buf, static_cast<std::size_t>(n));
  }
  while (!out.empty() && (out.back() == '\n' || out.back() == '\0')) {
    out.pop_back();
  }
  return out;
}

} // namespace

std::filesystem::path ProjectLock::lock_path(const std::filesystem::path& project) {
  auto p = project;
  p += ".lock";
  return p;
}

ProjectLock::ProjectLock(const std::filesystem::path& project) : m_path(lock_path(project)) {
  int fd = ::open(m_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) {
    return; // cannot tell; not held, holder empty
  }
  if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
    m_holder = read_all(fd);
    if (m_holder.empty()) {
      m_holder = "another Quire window";
    }
    ::close(fd);
    return;
  }
  std::string me = "process " + std::to_string(getpid()) + " on " + host_name() + "\n";
  if (ftruncate(fd, 0) == 0) {
    lseek(fd, 0, SEEK_SET);
    [[maybe_unused]] auto n = write(fd, me.data(), me.size());
  }
  m_fd = fd;
}

ProjectLock::ProjectLock(ProjectLock&& o) noexcept
    : m_fd(o.m_fd), m_path(std::move(o.m_path)), m_holder(std::move(o.m_holder)) {
  o.m_fd = -1;
}

ProjectLock& ProjectLock::operator=(ProjectLock&& o) noexcept {
  if (this != &o) {
    release();
    m_fd = o.m_fd;
    m_path = std::move(o.m_path);
    m_holder = std::move(o.m_holder);
    o.m_fd = -1;
  }
  return *this;
}

ProjectLock::~ProjectLock() {
  release();
}

void ProjectLock::release() {
  if (m_fd < 0) {
    return;
  }
  // Remove the file while still holding the lock, so nobody reads our pid
  // after we are gone; a window that opened the old file just finds it free.
  std::error_code ec;
  std::filesystem::remove(m_path, ec);
  flock(m_fd, LOCK_UN);
  ::close(m_fd);
  m_fd = -1;
}

} // namespace quire::gui
