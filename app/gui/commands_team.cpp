// team/...: a team project (docs/teams.md): joining one and publishing
// this project as one (File menu), its sync and status, its members and its
// conflicts (Team menu). The sync itself runs in TeamSync; the dialogs live
// in team_dialogs.
#include <wx/utils.h>

#include "commands.h"
#include "list_dialog.h"
#include "main_frame.h"
#include "quire/team/team.h"
#include "team_dialogs.h"
#include "team_sync.h"
#include "wx_text.h"

namespace quire::gui {

namespace {

void show_status(MainFrame& f) {
  auto& p = f.session().project();
  if (!is_team_project(p)) {
    f.show_error(L"This project is not part of a team project. Publish it to a team database "
                 L"with File > Publish as Team Project…, or join one with File > Join Team "
                 L"Project….");
    return;
  }
  auto st = team_status(p, true);
  std::vector<std::vector<wxString>> rows;
  rows.push_back({"Server", wx(st.server)});
  rows.push_back(
      {"Connection", st.online ? wxString("online") : wx("offline: " + st.offline_reason)});
  rows.push_back({"To send", wxString::Format("%lld", static_cast<long long>(st.pending))});
  rows.push_back({"Last sync", wx(st.last_sync.empty() ? "never" : st.last_sync)});
  if (st.online) {
    rows.push_back({"Your role", wx(st.role)});
    for (const auto& m : st.members) {
      rows.push_back({"Member", wx(m.login + " (" + m.role + ")")});
    }
  }
  for (const auto& c : team_conflicts(p)) {
    rows.push_back({wx("Conflict, " + c.time), wx(c.who + ": " + c.what)});
  }
  ListDialog dlg(&f, "Team Project", {{"", 160}, {"", 620}}, rows);
  dlg.ShowModal();
}

bool is_team(MainFrame& f) {
  return f.session().is_open() && is_team_project(f.session().project());
}

/// Team > Members… and Team > Conflicts… need a team project: say so.
bool require_team(MainFrame& f) {
  if (is_team(f)) {
    return true;
  }
  f.show_error(L"This project is not part of a team project: publish it with File > Publish as "
               L"Team Project…, or join one with File > Join Team Project….");
  return false;
}

} // namespace

void add_team_commands(MainFrame& f) {
  auto& r = f.commands();
  r.add({.name = "team/sync-now",
         .label = "&Sync Now",
         .help = "Send your changes to the team and take your colleagues' now",
         .run = [&f] { f.team_sync().sync_now(); },
         .enabled = [&f] { return f.team_sync().running(); }});
  r.add({.name = "team/status",
         .label = L"Team S&tatus…",
         .help = "The team server, what waits to be sent, the members and the conflicts",
         .run = [&f] { show_status(f); },
         .enabled = [&f] { return f.session().is_open(); }});
  r.add({.name = "team/join",
         .label = L"&Join Team Project…",
         .help = "Make a working copy of a team project from its team database, and open it",
         .run = [&f] { ask_and_join_team(f); }});
  r.add({.name = "team/publish",
         .label = L"&Publish as Team Project…",
         .help = "Publish this project to an empty team database; you become its owner",
         .run = [&f] { ask_and_publish_team(f); },
         .enabled = [&f] { return f.session().is_open(); }});
  r.add({.name = "team/members",
         .label = L"&Members…",
         .help = "The team's members and roles; owners add, change and remove members",
         .run =
             [&f] {
               if (require_team(f)) {
                 TeamMembersDialog dlg(&f, f.session().project());
                 dlg.ShowModal();
               }
             },
         .enabled = [&f] { return f.session().is_open(); }});
  r.add({.name = "team/conflicts",
         .label = L"&Conflicts…",
         .help = "What the team's changes met and how each was resolved",
         .run =
             [&f] {
               if (require_team(f)) {
                 wxBusyCursor busy;
                 TeamConflictsDialog dlg(f, team_conflicts(f.session().project()));
                 dlg.ShowModal();
               }
             },
         .enabled = [&f] { return f.session().is_open(); }});
}

} // namespace quire::gui
