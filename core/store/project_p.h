#pragma once
// Private: the open project's state and the Action that makes one user
// action one transaction and one undo step.
#include <map>
#include <string>
#include <vector>

#include "quire/store/project.h"
#include "store/db_p.h"

namespace quire {

struct Project::Impl {
  std::filesystem::path path;
  std::unique_ptr<detail::Db> db;
  bool read_only = false;
  std::string session_coder;
  int action_depth = 0;
  std::map<int, Listener> listeners;
  int next_token = 1;
  /// The last generation this connection has told its listeners about.
  std::int64_t seen_generation = 0;
  /// Whether an action whose safety copy fails is refused (safety_copies.h).
  bool safety_copy_required = true;
};

namespace detail {

/// The application_id of a Quire project file ('QUIR').
constexpr int application_id = 0x51554952;

/// Creates the schema in an empty database (current version).
void create_schema(Db& db);
/// Writes the schema of an older version (tests of migrations use it).
void create_legacy_schema(Db& db, int version);
/// Migrates from user_version `from` to the current version.
void migrate_schema(Db& db, int from);
/// (Re)creates the undo triggers for every tracked table.
void create_undo_triggers(Db& db);

inline Db& db(const Project& p) {
  return *p.impl().db;
}

/// One user action: a transaction and an undo step named for the user.
/// Nested Actions join the outermost one. Destroyed uncommitted, it rolls
/// back: the project is exactly as before.
class Action {
public:
  Action(Project& p, const std::string& name);
  Action(const Action&) = delete;
  ~Action();
  /// Commits, then tells listeners what changed.
  void commit();
  /// Renames the undo step (when the name is only known later).
  void rename(const std::string& name);
  Db& db() { return *m_p.impl().db; }

private:
  Project& m_p;
  bool m_outer = false;
  bool m_done = false;
  std::int64_t m_step = 0;
};

/// What the undo log says a step's phase touched.
ChangeSet changes_of_step(Db& db, std::int64_t step, const char* phase);
/// Inside a write transaction, before it commits: bumps the generation for a
/// non-empty change c (of undo step `step`), journals it, and gathers what
/// other programs committed since this connection last looked. Returns the
/// change sets to tell listeners after COMMIT, oldest first (c last).
std::vector<ChangeSet> record_change(Project& p, ChangeSet c, std::int64_t step);
/// After COMMIT: notes the generation seen and tells listeners each change.
void tell_changes(Project& p, const std::vector<ChangeSet>& changes);
/// What was committed after generation `after`, one ChangeSet a generation,
/// oldest first; one ChangeSet with `everything` when the journal no longer
/// reaches back that far.
std::vector<ChangeSet> changes_since(Db& db, std::int64_t after);
void notify(Project& p, const ChangeSet& c);
/// Id of the coder named name, created if needed (inside an action).
Id coder_id(Db& db, const std::string& name);

} // namespace detail
} // namespace quire
