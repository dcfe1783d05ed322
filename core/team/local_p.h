#pragma once
// Private: the working copy's side of a team project, in the project file:
// its team tables, the queue of changes to send (filled by triggers, keyed by
// GUID), and applying colleagues' changes by GUID.
#include <string>
#include <vector>

#include "store/db_p.h"

namespace quire::team {

/// One change as the server and the queue hold it.
struct RowChange {
  std::int64_t seq = 0; ///< queue number (local) or change number (server)
  std::string author;   ///< server changes: who made it
  std::string client;   ///< server changes: which copy sent it
  std::string tbl, key, op;
  std::string row; ///< JSON ("" for a delete)
};

/// Creates the team tables and the queue's triggers in a project.
void create_local_team(detail::Db& db, const std::string& url, const std::string& client);
/// Whether the project file has the team tables.
bool has_local_team(detail::Db& db);

/// The queued changes, oldest first (at most limit).
std::vector<RowChange> queued(detail::Db& db, std::size_t limit);
/// Every synced row of the project as a put, parents before children (to
/// publish a project).
std::vector<RowChange> all_rows(detail::Db& db);

enum class Applied {
  Done,
  Waiting, ///< a row it names (its document, code, coder, parent) is not here yet
  Renamed, ///< another row here had its name: applied named for its author
  Kept,    ///< a delete of a row another row here still names: not applied
  Clash,   ///< another row here has its name (not applied: may_rename was false)
};
/// Applies one server change here without queueing it (the queue must be
/// switched off with set_applying).
/// A name clash is applied renamed when may_rename, else reported as Clash.
Applied apply_change(detail::Db& db, const RowChange& c, bool may_rename);

/// Queue and local apply switches, inside a transaction.
void set_applying(detail::Db& db, bool on);

} // namespace quire::team
