#pragma once
// Team projects: a local project that syncs with a team database on
// PostgreSQL (docs/teams.md). The local file stays an ordinary project: every
// action is a local transaction and is also queued for the team; sync sends
// the queue and applies what colleagues did, in the server's order.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "quire/base/error.h"

namespace quire {
class Project;

/// The team database cannot be reached, refused a login, or is not a Quire
/// team database. Nothing local was lost: changes wait in the queue.
class TeamError : public Error {
public:
  enum class Kind {
    Offline,        ///< the server cannot be reached (or refused the connection)
    NotMember,      ///< the login is not a member of the team project
    Refused,        ///< the server refused the change (the role does not allow it)
    NotATeam,       ///< the database holds no Quire team project (or another one)
    NotEmpty,       ///< create: the database already holds a team project
    Password,       ///< a password was written in the URL (it would be stored)
    NotTeamProject, ///< the local project is not part of a team
  };
  TeamError(Kind kind, const std::string& what) : Error(what), m_kind(kind) {}
  Kind kind() const { return m_kind; }

private:
  Kind m_kind;
};

struct TeamMember {
  std::string login; ///< the PostgreSQL login (and the member's coder name)
  std::string role;  ///< owner, coder or reader
};

struct TeamStatus {
  bool team = false;               ///< this project is part of a team
  std::string server;              ///< the connection string (never a password)
  std::string client;              ///< this copy's id on the server
  std::int64_t pending = 0;        ///< local changes not yet sent
  std::int64_t cursor = 0;         ///< the last server change applied here
  std::string last_sync;           ///< ISO 8601 UTC, "" when never
  bool online = false;             ///< the server answered (when asked)
  std::string offline_reason;      ///< why not, when asked and not online
  std::string role;                ///< this login's role on the server (when online)
  std::int64_t server_changes = 0; ///< the server's last change number (when online)
  std::vector<TeamMember> members; ///< (when online)
};

struct TeamConflict {
  std::int64_t id = 0;
  std::string time; ///< ISO 8601 UTC
  std::string who;  ///< the login whose change met the conflict
  std::string what; ///< what happened and how it was resolved, in words
};

struct TeamSyncReport {
  std::int64_t sent = 0;     ///< local changes the server took
  std::int64_t refused = 0;  ///< local changes the server refused (listed as conflicts)
  std::int64_t received = 0; ///< colleagues' changes applied here
  std::int64_t cursor = 0;   ///< the last server change applied here
};

/// Publishes p to an empty team database at url (a PostgreSQL connection
/// string; the password comes from PGPASSWORD or ~/.pgpass), creating its
/// schema; the login becomes the project's owner and p becomes its first
/// working copy. Throws TeamError (nothing changed locally on failure).
void team_create(Project& p, const std::string& url);

/// Makes a new working copy of the team project at url in the file local
/// (which must not exist), with everything the server holds.
void team_join(const std::string& url, const std::filesystem::path& local);

/// Sends this copy's queued changes, then applies colleagues' changes since
/// the last sync, in the server's order. Throws TeamError Offline when the
/// server cannot be reached (nothing lost: the queue waits).
TeamSyncReport team_sync(Project& p);

/// Whether p is a working copy of a team project.
bool is_team_project(const Project& p);

/// The copy's state; with ask_server, also whether the server answers, this
/// login's role and the members.
TeamStatus team_status(Project& p, bool ask_server);

/// Owners only: adds a member (an existing PostgreSQL login) or changes a
/// member's role (owner, coder, reader).
void team_set_member(Project& p, const std::string& login, const std::string& role);
/// Owners only: removes a member (their codings stay).
void team_remove_member(Project& p, const std::string& login);

/// The conflicts met and how each was resolved (server's list, merged with
/// this copy's own notes), oldest first.
std::vector<TeamConflict> team_conflicts(Project& p);

} // namespace quire
