// SQLite's locks on a project's shared-memory file (-shm) tell its programs
// who else has the project open: the first one in resets the file, and every
// reader and writer marks its place there. SQLite takes them as POSIX locks,
// which belong to the process and are ALL dropped when the process closes
// ANY descriptor of the file. Code in our own process that opens and closes
// the -shm (the GTK file dialog sniffs every file of the folder it shows)
// would silently take them away: the next `quire` command would believe it
// is the only program, reset the shared memory under the desktop app and
// write beside it.
//
// Linux has locks that belong to one open file instead (F_OFD_*): a
// descriptor of our own is the only thing that drops them. SQLite keeps one
// descriptor per -shm file per process for every connection to it, so such
// locks behave exactly as SQLite expects; they conflict with other
// programs' POSIX locks as before. SQLite's Unix layer lets its system calls
// be replaced: its fcntl becomes one that turns the -shm locks into locks of
// the open file. Locks on the project file itself stay as they are (SQLite
// shares them between connections of a process, which needs POSIX locks);
// nothing relies on them any more (see Db::keep_working_files).
#include "store/shm_locks_p.h"

#include <fcntl.h>
#include <sqlite3.h>

#include <cstdarg>

namespace quire::detail {

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
int fcntl_with_shm_locks_per_descriptor(int fd, int cmd, ...) {
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

void hold_shm_locks_by_descriptor() {
#ifdef F_OFD_SETLK
  static const bool done = [] {
    sqlite3_vfs* unix_vfs = sqlite3_vfs_find("unix");
    if (!unix_vfs || unix_vfs->iVersion < 3 || !unix_vfs->xGetSystemCall ||
        !unix_vfs->xSetSystemCall) {
      return false;
    }
    sqlite_fcntl = reinterpret_cast<Fcntl>(unix_vfs->xGetSystemCall(unix_vfs, "fcntl"));
    if (!sqlite_fcntl) {
      return false;
    }
    return unix_vfs->xSetSystemCall(unix_vfs, "fcntl",
                                    reinterpret_cast<sqlite3_syscall_ptr>(
                                        &fcntl_with_shm_locks_per_descriptor)) == SQLITE_OK;
  }();
  (void)done;
#endif
}

} // namespace quire::detail
