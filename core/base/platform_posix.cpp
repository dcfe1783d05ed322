// platform.h on Linux: the one file of Quire that calls the system directly
// (POSIX, and Linux where it says so). Windows would have platform_windows.cpp
// beside it; CMake picks one (core/CMakeLists.txt).
#include <dlfcn.h>
#include <fcntl.h>
#include <langinfo.h>
#include <sys/file.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <cerrno>
#include <clocale>
#include <cstdarg>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <system_error>

#include "quire/base/platform.h"

namespace fs = std::filesystem;

namespace quire::platform {

namespace {

[[noreturn]] void throw_errno(const std::string& what) {
  throw std::system_error(errno, std::generic_category(), what);
}

int fd_of(std::intptr_t handle) {
  return static_cast<int>(handle);
}

void write_all(int fd, std::string_view s) {
  while (!s.empty()) {
    auto n = ::write(fd, s.data(), s.size());
    if (n <= 0) {
      return;
    }
    s.remove_prefix(static_cast<std::size_t>(n));
  }
}

void sync_path(const fs::path& p, int flags) {
  int fd = ::open(p.c_str(), flags | O_CLOEXEC);
  if (fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
}

} // namespace

long process_id() {
  return static_cast<long>(::getpid());
}

std::string host_name() {
  char buf[256] = {};
  if (::gethostname(buf, sizeof buf - 1) != 0 || !*buf) {
    return "this computer";
  }
  return buf;
}

bool stderr_is_terminal() {
  return ::isatty(2) == 1;
}

const std::string& boot_id() {
  // Read once: the machine does not restart under a running program.
  static const std::string id = [] {
    std::ifstream in("/proc/sys/kernel/random/boot_id"); // Linux
    std::string line;
    std::getline(in, line);
    return line;
  }();
  return id;
}

void use_utf8_text() {
  if (std::string_view(::nl_langinfo(CODESET)) != "UTF-8") {
    std::setlocale(LC_CTYPE, "C.UTF-8");
  }
}

fs::path executable_path() {
  std::error_code ec;
  auto p = fs::read_symlink("/proc/self/exe", ec); // Linux
  return ec ? fs::path() : p;
}

void sync_file(const fs::path& file) {
  sync_path(file, O_RDONLY);
}

void sync_folder(const fs::path& folder) {
  sync_path(folder, O_RDONLY | O_DIRECTORY);
}

std::optional<std::uint64_t> free_bytes(const fs::path& path) {
  struct statvfs st {};
  if (::statvfs(path.c_str(), &st) != 0) {
    return std::nullopt;
  }
  return std::uint64_t(st.f_bavail) * st.f_frsize;
}

bool file_size_limited() {
  struct rlimit r {};
  return ::getrlimit(RLIMIT_FSIZE, &r) == 0 && r.rlim_cur != RLIM_INFINITY;
}

bool can_write_in(const fs::path& folder) {
  return ::access(folder.empty() ? "." : folder.c_str(), W_OK) == 0;
}

std::uint64_t folder_identity(const fs::path& folder) {
  struct stat st {};
  if (::stat(folder.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) {
    return 0;
  }
  return static_cast<std::uint64_t>(st.st_ino);
}

bool exchange_paths(const fs::path& a, const fs::path& b) {
  return ::renameat2(AT_FDCWD, a.c_str(), AT_FDCWD, b.c_str(), RENAME_EXCHANGE) == 0; // Linux
}

// --- LockFile

LockFile::LockFile(LockFile&& o) noexcept : m_handle(o.m_handle) {
  o.m_handle = -1;
}

LockFile& LockFile::operator=(LockFile&& o) noexcept {
  if (this != &o) {
    close();
    m_handle = o.m_handle;
    o.m_handle = -1;
  }
  return *this;
}

LockFile::~LockFile() {
  close();
}

LockFile LockFile::open(const fs::path& file, bool no_follow) {
  int fd = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | (no_follow ? O_NOFOLLOW : 0), 0666);
  if (fd < 0) {
    throw_errno("cannot open " + file.string());
  }
  return LockFile(fd);
}

LockFile LockFile::open_unnamed(const fs::path& folder) {
  // A file with no name (Linux), which others can open by its /proc name.
  if (::access("/proc/self/fd", X_OK) != 0) {
    return {};
  }
  int fd = ::open(folder.empty() ? "." : folder.c_str(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0666);
  return fd < 0 ? LockFile() : LockFile(fd);
}

bool LockFile::try_lock() {
  if (::flock(fd_of(m_handle), LOCK_EX | LOCK_NB) == 0) {
    return true;
  }
  if (errno == EWOULDBLOCK) {
    return false;
  }
  throw_errno("cannot lock");
}

void LockFile::unlock() {
  if (is_open()) {
    ::flock(fd_of(m_handle), LOCK_UN);
  }
}

bool LockFile::is_named(const fs::path& path) const {
  struct stat held {
  }, named{};
  return is_open() && ::fstat(fd_of(m_handle), &held) == 0 && ::stat(path.c_str(), &named) == 0 &&
         held.st_dev == named.st_dev && held.st_ino == named.st_ino;
}

void LockFile::truncate() {
  if (::ftruncate(fd_of(m_handle), 0) != 0) {
    throw_errno("cannot empty the file");
  }
}

std::string LockFile::read_all() const {
  std::string out;
  char buf[4096];
  ::lseek(fd_of(m_handle), 0, SEEK_SET);
  for (ssize_t n; (n = ::read(fd_of(m_handle), buf, sizeof buf)) > 0;) {
    out.append(buf, static_cast<std::size_t>(n));
  }
  return out;
}

void LockFile::replace_with(std::string_view text) {
  if (::ftruncate(fd_of(m_handle), 0) == 0) {
    ::lseek(fd_of(m_handle), 0, SEEK_SET);
    write_all(fd_of(m_handle), text);
  }
}

fs::path LockFile::name_in_process() const {
  return is_open() ? fs::path("/proc/self/fd/" + std::to_string(m_handle)) : fs::path();
}

void LockFile::link_as(const fs::path& path) const {
  if (::linkat(AT_FDCWD, name_in_process().c_str(), AT_FDCWD, path.c_str(), AT_SYMLINK_FOLLOW) !=
      0) {
    throw_errno("cannot name " + path.string());
  }
}

void LockFile::close() {
  if (is_open()) {
    ::close(fd_of(m_handle)); // the lock goes with it
    m_handle = -1;
  }
}

// --- Modules

std::string module_file_name(std::string_view name) {
  return std::string(name) + ".so";
}

void* module_symbol(const fs::path& file, const char* symbol, std::string& why) {
  // Kept loaded for the rest of the process (never dlclose'd).
  void* lib = ::dlopen(file.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (!lib) {
    const char* e = ::dlerror();
    why = e ? e : "it cannot be loaded";
    return nullptr;
  }
  void* sym = ::dlsym(lib, symbol);
  if (!sym) {
    const char* e = ::dlerror();
    why = e ? e : std::string(symbol) + " is not in it";
  }
  return sym;
}

// --- StderrCapture

StderrCapture::StderrCapture() {
  std::cerr.flush();
  std::fflush(stderr);
  m_held = ::memfd_create("quire-held-stderr", MFD_CLOEXEC); // Linux
  m_saved = m_held < 0 ? -1 : ::dup(2);
  if (m_saved < 0 || ::dup2(m_held, 2) < 0) {
    if (m_saved >= 0) {
      ::close(m_saved);
    }
    if (m_held >= 0) {
      ::close(m_held);
    }
    m_saved = m_held = -1;
  }
}

StderrCapture::~StderrCapture() {
  end();
}

std::string StderrCapture::end() {
  std::string held;
  if (m_held < 0) {
    return held;
  }
  std::cerr.flush();
  std::fflush(stderr);
  ::dup2(m_saved, 2);
  ::close(m_saved);
  char buf[4096];
  ::lseek(m_held, 0, SEEK_SET);
  for (ssize_t n; (n = ::read(m_held, buf, sizeof buf)) > 0;) {
    held.append(buf, static_cast<std::size_t>(n));
  }
  ::close(m_held);
  m_saved = m_held = -1;
  return held;
}

// --- SQLite's locks on a -shm file, per open file (core/store/shm_locks.cpp)

namespace {

using Fcntl = int (*)(int, int, ...);
Fcntl sqlite_fcntl = nullptr;

#ifdef F_OFD_SETLK
/// The byte range SQLite's Unix layer locks in a -shm file: eight WAL locks
/// from byte 120, and the "who is in" byte 128. Locks on the project file
/// are at 1 GiB and above.
constexpr off_t shm_first = 120;
constexpr off_t shm_end = 129;

bool is_shm_lock(const struct flock* l) {
  return l && l->l_whence == SEEK_SET && l->l_start >= shm_first && l->l_len > 0 &&
         l->l_start + l->l_len <= shm_end;
}

int ofd_command(int cmd) {
  switch (cmd) {
  case F_SETLK: return F_OFD_SETLK;
  case F_SETLKW: return F_OFD_SETLKW;
  case F_GETLK: return F_OFD_GETLK;
  default: return 0;
  }
}

// NOLINTNEXTLINE(cert-dcl50-cpp): SQLite's system call table wants fcntl's own signature.
int fcntl_per_descriptor(int fd, int cmd, ...) {
  va_list ap;
  va_start(ap, cmd);
  void* arg = va_arg(ap, void*); // as glibc's fcntl reads its third argument
  va_end(ap);
  const int ofd = ofd_command(cmd);
  auto* lock = static_cast<struct flock*>(arg);
  if (ofd == 0 || !is_shm_lock(lock)) {
    return sqlite_fcntl(fd, cmd, arg);
  }
  struct flock l = *lock;
  l.l_pid = 0; // required by the F_OFD_* commands (SQLite leaves it unset)
  int rc = sqlite_fcntl(fd, ofd, &l);
  if (rc == 0 && cmd == F_GETLK) {
    *lock = l;
  }
  return rc;
}
#endif

} // namespace

SystemCall fcntl_with_shm_locks_per_descriptor(SystemCall original) {
#ifdef F_OFD_SETLK
  sqlite_fcntl = reinterpret_cast<Fcntl>(original);
  return reinterpret_cast<SystemCall>(&fcntl_per_descriptor);
#else
  (void)original;
  return nullptr;
#endif
}

} // namespace quire::platform
