// Team projects (docs/teams.md): team create, join, sync, status, members,
// conflicts. Every command calls the core operations of quire/team/team.h.
#include <iostream>

#include "commands.h"
#include "common.h"
#include "quire/store/project.h"
#include "quire/team/team.h"

namespace quire::cli {

namespace {

nlohmann::json status_json(const TeamStatus& s) {
  auto members = nlohmann::json::array();
  for (const auto& m : s.members) {
    members.push_back({{"login", m.login}, {"role", m.role}});
  }
  return {{"team", s.team},     {"server", s.server},
          {"client", s.client}, {"pending", s.pending},
          {"cursor", s.cursor}, {"last_sync", s.last_sync},
          {"online", s.online}, {"offline_reason", s.offline_reason},
          {"role", s.role},     {"server_changes", s.server_changes},
          {"members", members}};
}

void print_status(const TeamStatus& s) {
  if (!s.team) {
    std::cout << "Not a team project.\n";
    return;
  }
  std::cout << "Server:      " << s.server << "\n"
            << "Connection:  " << (s.online ? "online" : "offline (" + s.offline_reason + ")")
            << "\n"
            << "Pending:     " << s.pending << " change" << (s.pending == 1 ? "" : "s")
            << " to send\n"
            << "Last sync:   " << (s.last_sync.empty() ? "never" : s.last_sync) << "\n"
            << "Applied:     up to change " << s.cursor;
  if (s.online) {
    std::cout << " of " << s.server_changes;
  }
  std::cout << "\n";
  if (s.online) {
    std::cout << "Your role:   " << s.role << "\nMembers:\n";
    for (const auto& m : s.members) {
      std::cout << "  " << m.login << " (" << m.role << ")\n";
    }
  }
}

void add_members_commands(CLI::App* team) {
  auto* members = team->add_subcommand("members", "List the members; owners add, remove and "
                                                  "change their roles");
  members->require_subcommand(1);
  {
    project_command(
        members, "list", "List the members and their roles",
        [](Project& p, bool json) {
          auto s = team_status(p, true);
          if (!s.online) {
            throw TeamError(TeamError::Kind::Offline, s.offline_reason);
          }
          if (json) {
            print_json(status_json(s)["members"]);
            return;
          }
          std::vector<std::vector<std::string>> rows;
          for (const auto& m : s.members) {
            rows.push_back({m.login, m.role});
          }
          print_table({"Login", "Role"}, rows);
        },
        true);
  }
  for (const char* verb : {"add", "role"}) {
    auto login = std::make_shared<std::string>();
    auto role = std::make_shared<std::string>("coder");
    auto* cmd = project_command(members, verb,
                                std::string(verb) == std::string("add")
                                    ? "Add a member (an existing login on the server) with a role"
                                    : "Change a member's role",
                                [login, role](Project& p, bool) {
                                  team_set_member(p, *login, *role);
                                  std::cout << *login << " is now "
                                            << (*role == "owner" ? "an " : "a ") << *role
                                            << " of the team project.\n";
                                });
    cmd->add_option("login", *login, "The member's database login")->required();
    cmd->add_option("role", *role, "owner, coder or reader (default: coder)");
  }
  {
    auto login = std::make_shared<std::string>();
    auto* cmd = project_command(members, "remove", "Remove a member (their codings stay)",
                                [login](Project& p, bool) {
                                  team_remove_member(p, *login);
                                  std::cout << *login << " is no longer a member.\n";
                                });
    cmd->add_option("login", *login, "The member's database login")->required();
  }
}

} // namespace

void add_team_commands(CLI::App& app) {
  auto* team = app.add_subcommand(
      "team", "Team projects on PostgreSQL: publish, join, sync, members, conflicts");
  team->require_subcommand(1);
  {
    auto url = std::make_shared<std::string>();
    auto* cmd = project_command(
        team, "create", "Publish a project to an empty team database (you become its owner)",
        [url](Project& p, bool) {
          team_create(p, *url);
          std::cout << "Published " << p.path().string() << " as a team project. Add members "
                    << "with 'quire team members add'.\n";
        });
    cmd->add_option("url", *url,
                    "The team database: a PostgreSQL connection string (no password: use "
                    "PGPASSWORD or ~/.pgpass)")
        ->required();
  }
  {
    auto url = std::make_shared<std::string>();
    auto local = std::make_shared<std::string>();
    auto* cmd = team->add_subcommand("join", "Make a working copy of a team project");
    cmd->add_option("url", *url, "The team database (a PostgreSQL connection string)")->required();
    cmd->add_option("local", *local, "The new project file of your working copy")->required();
    cmd->callback([url, local] {
      team_join(*url, *local);
      auto p = Project::open(*local);
      auto s = team_status(p, false);
      std::cout << "Joined: " << *local << " holds the team project (up to change " << s.cursor
                << ").\n";
    });
  }
  project_command(
      team, "sync", "Send your changes and take your colleagues'",
      [](Project& p, bool json) {
        auto r = team_sync(p);
        if (json) {
          print_json({{"sent", r.sent},
                      {"refused", r.refused},
                      {"received", r.received},
                      {"cursor", r.cursor}});
          return;
        }
        std::cout << "Sent " << r.sent << ", received " << r.received << " (up to change "
                  << r.cursor << ").\n";
        if (r.refused > 0) {
          std::cout << r.refused << " of your changes were refused by the server and undone "
                    << "here: see 'quire team conflicts'.\n";
        }
      },
      true);
  project_command(
      team, "status", "Online or not, changes waiting to be sent, last sync, members",
      [](Project& p, bool json) {
        auto s = team_status(p, true);
        json ? print_json(status_json(s)) : print_status(s);
      },
      true);
  project_command(
      team, "conflicts", "What met a conflict and how it was resolved",
      [](Project& p, bool json) {
        auto list = team_conflicts(p);
        if (json) {
          auto j = nlohmann::json::array();
          for (const auto& c : list) {
            j.push_back({{"time", c.time}, {"who", c.who}, {"what", c.what}});
          }
          print_json(j);
          return;
        }
        if (list.empty()) {
          std::cout << "No conflicts.\n";
        }
        for (const auto& c : list) {
          std::cout << c.time << "  " << c.who << ": " << c.what << "\n";
        }
      },
      true);
  add_members_commands(team);
}

} // namespace quire::cli
