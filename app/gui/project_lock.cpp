#include "project_lock.h"

#include <string>
#include <system_error>

namespace quire::gui {

std::filesystem::path ProjectLock::lock_path(const std::filesystem::path& project) {
  auto p = project;
  p += ".lock";
  return p;
}

ProjectLock::ProjectLock(const std::filesystem::path& project) : m_path(lock_path(project)) {
  platform::LockFile file;
  try {
    file = platform::LockFile::open(m_path);
    if (!file.try_lock()) {
      m_holder = file.read_all();
      while (!m_holder.empty() && (m_holder.back() == '\n' || m_holder.back() == '\0')) {
        m_holder.pop_back();
      }
      if (m_holder.empty()) {
        m_holder = "another Quire window";
      }
      return;
    }
  } catch (const std::system_error&) {
    return; // cannot tell; not held, holder empty
  }
  file.replace_with("process " + std::to_string(platform::process_id()) + " on " +
                    platform::host_name() + "\n");
  m_file = std::move(file);
}

ProjectLock::ProjectLock(ProjectLock&& o) noexcept
    : m_file(std::move(o.m_file)), m_path(std::move(o.m_path)), m_holder(std::move(o.m_holder)) {}

ProjectLock& ProjectLock::operator=(ProjectLock&& o) noexcept {
  if (this != &o) {
    release();
    m_file = std::move(o.m_file);
    m_path = std::move(o.m_path);
    m_holder = std::move(o.m_holder);
  }
  return *this;
}

ProjectLock::~ProjectLock() {
  release();
}

void ProjectLock::release() {
  if (!m_file.is_open()) {
    return;
  }
  // Remove the file while still holding the lock, so nobody reads our pid
  // after we are gone; a window that opened the old file just finds it free.
  std::error_code ec;
  std::filesystem::remove(m_path, ec);
  m_file.unlock();
  m_file.close();
}

} // namespace quire::gui
