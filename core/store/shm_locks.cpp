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

#include <sqlite3.h>

#include "quire/base/platform.h"

namespace quire::detail {

void hold_shm_locks_by_descriptor() {
  static const bool done = [] {
    sqlite3_vfs* unix_vfs = sqlite3_vfs_find("unix");
    if (!unix_vfs || unix_vfs->iVersion < 3 || !unix_vfs->xGetSystemCall ||
        !unix_vfs->xSetSystemCall) {
      return false;
    }
    auto* original = unix_vfs->xGetSystemCall(unix_vfs, "fcntl");
    if (!original) {
      return false;
    }
    // The system's part (Linux's per-open-file locks) is in the platform file.
    auto* wrapper = platform::fcntl_with_shm_locks_per_descriptor(original);
    return wrapper && unix_vfs->xSetSystemCall(unix_vfs, "fcntl", wrapper) == SQLITE_OK;
  }();
  (void)done;
}

} // namespace quire::detail
