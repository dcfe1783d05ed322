#pragma once
// Tells whether a project is already open in another Quire window: an
// exclusive advisory lock (platform::LockFile) on NAME.quire.lock, which holds the pid and
// host of the window that has it. The kernel drops the lock when that process
// ends, so a crash never leaves a stale lock behind.
#include <filesystem>
#include <string>

#include "quire/base/platform.h"

namespace quire::gui {

class ProjectLock {
public:
  ProjectLock() = default;
  /// Tries to lock the project at path (never blocks).
  explicit ProjectLock(const std::filesystem::path& project);
  ProjectLock(ProjectLock&& o) noexcept;
  ProjectLock& operator=(ProjectLock&& o) noexcept;
  ProjectLock(const ProjectLock&) = delete;
  ~ProjectLock();

  /// True when this window holds the lock.
  bool held() const { return m_file.is_open(); }
  /// Who holds it when held() is false: "process 1234 on host" (or empty when
  /// the lock file could not be created at all, e.g. a read-only folder).
  const std::string& holder() const { return m_holder; }
  /// The lock file's path.
  static std::filesystem::path lock_path(const std::filesystem::path& project);

private:
  void release();
  platform::LockFile m_file; ///< open (and locked) while held
  std::filesystem::path m_path;
  std::string m_holder;
};

} // namespace quire::gui
