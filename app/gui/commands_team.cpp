// team/...: a team project's sync and status (docs/teams.md). The sync
// itself runs in TeamSync; these commands ask it to sync now and show the
// status, the members and the conflicts.
#include "commands.h"
#include "list_dialog.h"
#include "main_frame.h"
#include "quire/team/team.h"
#include "team_sync.h"
#include "wx_text.h"

namespace quire::gui {

namespace {

void show_status(MainFrame& f) {
  auto& p = f.session().project();
  if (!is_team_project(p)) {
    f.show_error("This project is not part of a team project. Publish it to a team database "
                 "with the quire command: quire team create (see the Team projects help).");
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

} // namespace

void add_team_commands(MainFrame& f) {
  auto& r = f.commands();
  r.add({.name = "team/sync-now",
         .label = "&Sync Now",
         .help = "Send your changes to the team and take your colleagues' now",
         .run = [&f] { f.team_sync().sync_now(); },
         .enabled = [&f] { return f.team_sync().running(); }});
  r.add({.name = "team/status",
         .label = "Team &Status…",
         .help = "The team server, what waits to be sent, the members and the conflicts",
         .run = [&f] { show_status(f); }});
}

} // namespace quire::gui
