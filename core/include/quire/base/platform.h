#pragma once
// What differs between operating systems, behind one interface: this
// process and machine, syncing to disk, free space, locks that die with
// their process, loading a module, holding back what a library prints.
// core/base/platform_posix.cpp implements it for Linux (most of it for any
// POSIX system); a port adds core/base/platform_windows.cpp and CMake picks
// the file (docs/porting.md). No other file of Quire includes an operating
// system's own headers (<unistd.h>, <fcntl.h>, <sys/...>, <dlfcn.h>, ...):
// the house check keeps it so.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace quire::platform {

/// This process's id (for names no other process picks).
long process_id();
/// This computer's name ("this computer" when it cannot be told).
std::string host_name();
/// Whether standard error is a terminal (progress is then shown in place).
bool stderr_is_terminal();
/// An id of this boot of the machine, which changes when it restarts; ""
/// when the system does not tell (then nothing may rely on the page cache
/// reaching the disk without a sync).
const std::string& boot_id();
/// Makes the C library (and wx) read narrow strings as UTF-8, as they are
/// everywhere in Quire: when the locale's character set is not UTF-8, the
/// character classes become C.UTF-8's.
void use_utf8_text();
/// The running program's file ("" when the system does not tell).
std::filesystem::path executable_path();

/// Flushes a file's content to disk (best effort: errors are ignored).
void sync_file(const std::filesystem::path& file);
/// Flushes a folder's entries (names made, renamed, removed) to disk, where
/// the system has such a thing (best effort).
void sync_folder(const std::filesystem::path& folder);
/// Bytes this user may still write on the file system holding path; nullopt
/// when unknown.
std::optional<std::uint64_t> free_bytes(const std::filesystem::path& path);
/// Whether this process may not write files past some size (ulimit -f).
bool file_size_limited();
/// Whether this process may make files in folder.
bool can_write_in(const std::filesystem::path& folder);
/// What tells the folder at path from another put there in its place later
/// (its inode); 0 when there is no folder there.
std::uint64_t folder_identity(const std::filesystem::path& folder);
/// Swaps two existing paths in one step. False when the system cannot (the
/// caller then renames in two steps); throws nothing.
bool exchange_paths(const std::filesystem::path& a, const std::filesystem::path& b);

/// A file held open by this process, which can carry the system's exclusive
/// advisory lock: one holder at a time, dropped by the system when the
/// holding process ends, so a crash never leaves a stale lock (flock on
/// POSIX; LockFileEx on Windows). Closing the file drops the lock.
class LockFile {
public:
  LockFile() = default;
  LockFile(LockFile&& o) noexcept;
  LockFile& operator=(LockFile&& o) noexcept;
  LockFile(const LockFile&) = delete;
  LockFile& operator=(const LockFile&) = delete;
  ~LockFile();

  /// Opens file for reading and writing, made when missing; with no_follow,
  /// a symbolic link there is refused. Throws std::system_error.
  static LockFile open(const std::filesystem::path& file, bool no_follow = false);
  /// A new file with no name in folder (gone when closed), or a closed
  /// LockFile when the file system cannot make one.
  static LockFile open_unnamed(const std::filesystem::path& folder);

  bool is_open() const { return m_handle >= 0; }
  /// Takes the lock without waiting: true when taken, false when another
  /// holder has it. Throws std::system_error when the system cannot lock.
  bool try_lock();
  void unlock();
  /// Whether the file held here is (still) the one named path.
  bool is_named(const std::filesystem::path& path) const;
  /// Empties the file. Throws std::system_error.
  void truncate();
  /// The whole content ("" when it cannot be read).
  std::string read_all() const;
  /// Replaces the content with text (best effort).
  void replace_with(std::string_view text);
  /// A name by which this process can open this very file (for a file with
  /// no name: /proc/self/fd/N); "" when there is none.
  std::filesystem::path name_in_process() const;
  /// Gives a file with no name the name path. Throws std::system_error.
  void link_as(const std::filesystem::path& path) const;
  void close();

private:
  explicit LockFile(std::intptr_t handle) : m_handle(handle) {}
  std::intptr_t m_handle = -1; ///< a descriptor (POSIX) or a HANDLE (Windows); -1: none
};

/// The file name of the module (shared library) called name on this system:
/// "name.so" ("name.dll", "name.dylib" elsewhere).
std::string module_file_name(std::string_view name);
/// Loads the module file (for the rest of the process) and returns the
/// address of symbol in it; nullptr with why set (the system's words) when
/// the module or the symbol cannot be loaded.
void* module_symbol(const std::filesystem::path& file, const char* symbol, std::string& why);

/// While it is held, what is written to standard error (descriptor 2, so C
/// libraries' own messages too) goes to an anonymous file instead; end()
/// puts standard error back and returns what was held. When standard error
/// cannot be redirected nothing is held and end() returns "".
class StderrCapture {
public:
  StderrCapture();
  ~StderrCapture();
  StderrCapture(const StderrCapture&) = delete;
  StderrCapture& operator=(const StderrCapture&) = delete;
  std::string end();

private:
  int m_saved = -1, m_held = -1;
};

/// A system call as SQLite's Unix layer holds it (sqlite3_syscall_ptr).
using SystemCall = void (*)();
/// For SQLite's Unix layer (core/store/shm_locks.cpp): given its fcntl,
/// an fcntl that takes the locks on a -shm file's lock bytes as locks of the
/// open file (Linux F_OFD_*), which only SQLite's own descriptor can drop,
/// and passes every other call through. nullptr where the system has no
/// such locks (SQLite's own fcntl is then kept).
SystemCall fcntl_with_shm_locks_per_descriptor(SystemCall sqlite_fcntl);

} // namespace quire::platform
