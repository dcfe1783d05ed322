#pragma once
// Private: the locks SQLite takes on a project's -shm file, kept whatever
// other code in this process does with the file (see shm_locks.cpp).

namespace quire::detail {

/// Makes SQLite's locks on -shm files belong to SQLite's own descriptor
/// rather than to the process; once per process, before the first connection.
void hold_shm_locks_by_descriptor();

} // namespace quire::detail
