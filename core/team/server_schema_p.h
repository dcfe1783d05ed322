#pragma once
// Private: the team database's schema and its migrations (docs/teams.md).
#include "team/pg_p.h"

namespace quire::team {

/// The schema version this build writes in quire.meta.
constexpr int server_schema_version = 1;

/// Creates the schema in a database that has none, or migrates an older one
/// to server_schema_version (one transaction). Throws TeamError NotEmpty when
/// the database already holds a project with another GUID.
void create_server_schema(Pg& pg, const std::string& project_guid);

/// Checks the database holds a Quire team project this build can use; returns
/// its project GUID. Throws TeamError NotATeam (or for a newer schema).
std::string check_server_schema(Pg& pg);

} // namespace quire::team
