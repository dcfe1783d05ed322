#include "team_dialogs.h"

#include <wx/busyinfo.h>
#include <wx/button.h>
#include <wx/choice.h>
#include <wx/filedlg.h>
#include <wx/listctrl.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/utils.h>

#include "commands.h"
#include "job.h"
#include "main_frame.h"
#include "quire/base/error.h"
#include "quire/model/codebook.h"
#include "quire/model/documents.h"
#include "team_sync.h"
#include "wx_text.h"

namespace quire::gui {

namespace {

const char* const roles[] = {"owner", "coder", "reader"};

/// The core's Offline words end with what the background sync does ("Work
/// goes on here…"): true of a sync, not of a join or a publish.
std::string without_sync_advice(std::string m) {
  if (auto at = m.find(" Work goes on here"); at != std::string::npos) {
    m.erase(at);
  }
  return m;
}

bool contains(const std::string& s, const char* what) {
  return s.find(what) != std::string::npos;
}

/// The names a conflict's words quote ("The code "Place" was kept: …").
std::vector<std::string> quoted_names(const std::string& s) {
  std::vector<std::string> out;
  std::size_t at = 0;
  while ((at = s.find('"', at)) != std::string::npos) {
    auto end = s.find('"', at + 1);
    if (end == std::string::npos) {
      break;
    }
    out.push_back(s.substr(at + 1, end - at - 1));
    at = end + 1;
  }
  return out;
}

} // namespace

std::string team_error_words(const TeamError& e) {
  const std::string m = e.what();
  switch (e.kind()) {
  case TeamError::Kind::Offline:
    if (contains(m, "password authentication failed") || contains(m, "no password supplied")) {
      return without_sync_advice(m) +
             ".\n\nThe server asks for your password. Quire never stores it: put it in the file "
             "~/.pgpass (one line host:port:database:login:password, readable only by you), "
             "or in the PGPASSWORD environment variable before starting Quire, and try again.";
    }
    return without_sync_advice(m) +
           "\n\nCheck the address (host, database, user), that the server is running, and "
           "that this computer can reach it.";
  case TeamError::Kind::NotMember:
    return m + " An owner adds members with Team > Members… (or the quire command).";
  case TeamError::Kind::NotATeam:
    // The core files the server's other refusals (a login that does not
    // exist, the last owner) under this kind too: advice only for the address.
    if (contains(m, "holds no Quire team project")) {
      return m + " Check the database's name with the project's owner.";
    }
    return m;
  case TeamError::Kind::NotEmpty:
  case TeamError::Kind::Password:
  case TeamError::Kind::Refused:
  case TeamError::Kind::NotTeamProject: return m;
  }
  return m;
}

// ---------------------------------------------------------------------------
// Join and publish

TeamAddressDialog::TeamAddressDialog(wxWindow* parent, Purpose purpose, const wxString& folder)
    : wxDialog(parent, wxID_ANY,
               purpose == Purpose::Join ? L"Join Team Project" : L"Publish as Team Project",
               wxDefaultPosition, wxDefaultSize, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      m_purpose(purpose) {
  SetName("quire-team-address-dialog");
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  const bool join = purpose == Purpose::Join;
  auto* intro = new wxStaticText(
      this, wxID_ANY,
      join ? "Make a working copy of a team project on this computer. It holds everything the "
             "team database holds, works offline, and syncs every second while open."
           : "Publish this project to an empty team database. You become its owner; add your "
             "colleagues with Team > Members… once it is published.");
  intro->Wrap(560);
  sizer->Add(intro, 0, wxALL, 10);

  auto* grid = new wxFlexGridSizer(2, 6, 8);
  grid->AddGrowableCol(1);
  grid->Add(new wxStaticText(this, wxID_ANY, "Team &database:"), 0, wxALIGN_CENTER_VERTICAL);
  m_address = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxSize(420, -1));
  m_address->SetName("team-address");
  m_address->SetHint("host=db.example.org dbname=evaluation user=alice");
  grid->Add(m_address, 1, wxEXPAND);
  if (join) {
    grid->Add(new wxStaticText(this, wxID_ANY, "&Save the copy as:"), 0, wxALIGN_CENTER_VERTICAL);
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    wxString start = folder.empty() ? wxGetHomeDir() : folder;
    m_file = new wxTextCtrl(this, wxID_ANY, start + "/team.quire");
    m_file->SetName("team-file");
    row->Add(m_file, 1, wxEXPAND | wxRIGHT, 4);
    auto* browse = new wxButton(this, wxID_ANY, L"&Browse…");
    browse->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { on_browse(); });
    row->Add(browse, 0);
    grid->Add(row, 1, wxEXPAND);
  }
  sizer->Add(grid, 0, wxEXPAND | wxLEFT | wxRIGHT, 10);

  auto* help = new wxStaticText(
      this, wxID_ANY,
      "The address is a PostgreSQL connection string your team's administrator gives you: "
      "host, database (dbname), your login (user), and port when not 5432. Never write your "
      "password into it: the address is kept in the project file, so Quire refuses one that "
      "holds a password. PostgreSQL takes the password from the file ~/.pgpass (one line "
      "host:port:database:login:password, readable only by you: chmod 600 ~/.pgpass) or from "
      "the PGPASSWORD environment variable; it is needed at every sync, so Quire does not ask "
      "for it here.");
  help->SetName("team-help");
  help->Wrap(560);
  sizer->Add(help, 0, wxALL, 10);
  m_problem = new wxStaticText(this, wxID_ANY, "");
  m_problem->SetName("team-problem");
  m_problem->SetForegroundColour(*wxRED);
  sizer->Add(m_problem, 0, wxLEFT | wxRIGHT | wxEXPAND, 10);

  auto* buttons = new wxStdDialogButtonSizer;
  auto* ok = new wxButton(this, wxID_OK, join ? "&Join" : "&Publish");
  ok->SetDefault();
  buttons->AddButton(ok);
  buttons->AddButton(new wxButton(this, wxID_CANCEL));
  buttons->Realize();
  sizer->Add(buttons, 0, wxEXPAND | wxALL, 10);
  Bind(
      wxEVT_BUTTON, [this](wxCommandEvent&) { on_ok(); }, wxID_OK);
  SetSizerAndFit(sizer);
  m_address->SetFocus();
}

std::string TeamAddressDialog::address() const {
  auto a = utf8(m_address->GetValue());
  while (!a.empty() && (a.back() == ' ' || a.back() == '\n')) {
    a.pop_back();
  }
  while (!a.empty() && a.front() == ' ') {
    a.erase(0, 1);
  }
  return a;
}

std::filesystem::path TeamAddressDialog::file() const {
  if (!m_file || m_file->GetValue().empty()) {
    return {};
  }
  return project_path_typed(utf8(m_file->GetValue()));
}

void TeamAddressDialog::on_browse() {
  wxFileDialog dlg(this, "Save the working copy as", "", "team.quire",
                   "Quire projects (*.quire)|*.quire|All files|*", wxFD_SAVE);
  if (dlg.ShowModal() == wxID_OK) {
    m_file->SetValue(dlg.GetPath());
  }
}

void TeamAddressDialog::on_ok() {
  std::string problem;
  if (address().empty()) {
    problem = "Give the team database's address.";
  } else if (m_purpose == Purpose::Join) {
    auto f = file();
    std::error_code ec;
    if (f.empty()) {
      problem = "Give the file to save the working copy in.";
    } else if (std::filesystem::exists(f, ec)) {
      problem = "There is already a file " + f.string() + ": choose a new name.";
    } else if (!f.parent_path().empty() && !std::filesystem::is_directory(f.parent_path(), ec)) {
      problem = "There is no folder " + f.parent_path().string() + ".";
    }
  }
  if (!problem.empty()) {
    m_problem->SetLabel(wx(problem));
    m_problem->Wrap(560);
    Layout();
    Fit();
    return;
  }
  if (IsModal()) {
    EndModal(wxID_OK);
  } else {
    SetReturnCode(wxID_OK); // driven without a modal loop (tests' dialog hook)
  }
}

bool join_team(MainFrame& f, const std::string& url, const std::filesystem::path& file) {
  auto remove_copy = [&file] {
    std::error_code ec;
    for (const char* end : {"", "-wal", "-shm", "-journal"}) {
      std::filesystem::remove(file.string() + end, ec);
    }
  };
  std::error_code ec;
  if (std::filesystem::exists(file, ec)) {
    f.show_error(wx("There is already a file " + file.string() + ": choose a new name."));
    return false;
  }
  try {
    run_with_progress(&f, "Joining the team project", [&](Progress& progress) {
      progress.message("Fetching the team project from its database…");
      team_join(url, file);
      if (progress.cancelled()) {
        throw Cancelled();
      }
    });
  } catch (const TeamError& e) {
    remove_copy();
    f.show_error(wx("Could not join the team project.\n\n" + team_error_words(e)));
    return false;
  } catch (const Cancelled&) {
    remove_copy();
    return false;
  } catch (const Error& e) {
    remove_copy();
    f.show_error(wx(std::string("Could not join the team project: ") + e.what()));
    return false;
  }
  if (!f.open_project(file)) {
    return false;
  }
  f.SetStatusText(wx("Joined the team project: the working copy is " + file.string()), 0);
  return true;
}

void ask_and_join_team(MainFrame& f) {
  wxString folder;
  if (f.session().is_open()) {
    folder = wx(f.session().path().parent_path().string());
  }
  TeamAddressDialog dlg(&f, TeamAddressDialog::Purpose::Join, folder);
  if (dlg.ShowModal() != wxID_OK) {
    return;
  }
  join_team(f, dlg.address(), dlg.file());
}

bool publish_team(MainFrame& f, const std::string& url) {
  auto& s = f.session();
  if (!s.is_open()) {
    f.show_error("Open the project to publish first.");
    return false;
  }
  if (is_team_project(s.project())) {
    f.show_error("This project is already part of a team project (Team > Team Status… says "
                 "where).");
    return false;
  }
  try {
    s.run_job(&f, "Publishing the team project", [&](Progress& progress) {
      progress.message("Publishing the project to the team database…");
      team_create(s.project(), url);
    });
  } catch (const TeamError& e) {
    f.show_error(wx("Could not publish the project.\n\n" + team_error_words(e)));
    return false;
  }
  f.team_sync().start(s.path());
  f.refresh_title();
  f.SetStatusText(L"Published: this project is now a team project; add members with Team > "
                  L"Members…",
                  0);
  return true;
}

void ask_and_publish_team(MainFrame& f) {
  TeamAddressDialog dlg(&f, TeamAddressDialog::Purpose::Publish);
  if (dlg.ShowModal() != wxID_OK) {
    return;
  }
  publish_team(f, dlg.address());
}

// ---------------------------------------------------------------------------
// Members

TeamMembersDialog::TeamMembersDialog(wxWindow* parent, Project& p)
    : wxDialog(parent, wxID_ANY, "Team Members", wxDefaultPosition, wxSize(560, 460),
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      m_project(p) {
  SetName("quire-team-members-dialog");
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  m_list = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxSize(-1, 200),
                          wxLC_REPORT | wxLC_SINGLE_SEL);
  m_list->SetName("team-members");
  m_list->AppendColumn("Login", wxLIST_FORMAT_LEFT, 260);
  m_list->AppendColumn("Role", wxLIST_FORMAT_LEFT, 160);
  m_list->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent&) { on_selected(); });
  sizer->Add(m_list, 1, wxEXPAND | wxALL, 10);

  auto* row = new wxBoxSizer(wxHORIZONTAL);
  row->Add(new wxStaticText(this, wxID_ANY, "&Login:"), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 4);
  m_login = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxSize(180, -1));
  m_login->SetName("team-login");
  row->Add(m_login, 1, wxRIGHT, 8);
  row->Add(new wxStaticText(this, wxID_ANY, "&Role:"), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 4);
  m_role = new wxChoice(this, wxID_ANY);
  m_role->SetName("team-role");
  for (const char* r : roles) {
    m_role->Append(r);
  }
  m_role->SetSelection(1);
  row->Add(m_role, 0);
  sizer->Add(row, 0, wxEXPAND | wxLEFT | wxRIGHT, 10);

  auto* actions = new wxBoxSizer(wxHORIZONTAL);
  m_set = new wxButton(this, wxID_ANY, "&Add or Change Role");
  m_set->SetName("team-set-member");
  m_set->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { on_set(); });
  actions->Add(m_set, 0, wxRIGHT, 8);
  m_remove = new wxButton(this, wxID_ANY, "Re&move Member");
  m_remove->SetName("team-remove-member");
  m_remove->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { on_remove(); });
  actions->Add(m_remove, 0);
  sizer->Add(actions, 0, wxALL, 10);

  m_message = new wxStaticText(this, wxID_ANY, "");
  m_message->SetName("team-members-message");
  sizer->Add(m_message, 0, wxEXPAND | wxLEFT | wxRIGHT, 10);
  auto* help =
      new wxStaticText(this, wxID_ANY,
                       "Owners change the project and its members; coders code (their own "
                       "codings, codes and memos); readers only read. A member is a login the "
                       "team server's administrator has made; a removed member's codings stay.");
  help->Wrap(520);
  sizer->Add(help, 0, wxALL, 10);
  auto* buttons = new wxStdDialogButtonSizer;
  buttons->AddButton(new wxButton(this, wxID_OK, "&Close"));
  buttons->Realize();
  sizer->Add(buttons, 0, wxEXPAND | wxALL, 10);
  SetSizer(sizer);
  reload();
}

void TeamMembersDialog::tell(const wxString& words, bool problem) {
  m_said = words;
  m_message->SetForegroundColour(problem ? *wxRED : GetForegroundColour());
  m_message->SetLabel(words);
  m_message->Wrap(520);
  Layout();
}

wxString TeamMembersDialog::message() const {
  return m_said;
}

void TeamMembersDialog::reload() {
  wxBusyCursor busy;
  auto st = team_status(m_project, true);
  m_members = st.members;
  m_list->DeleteAllItems();
  for (std::size_t i = 0; i < m_members.size(); ++i) {
    auto at = m_list->InsertItem(static_cast<long>(i), wx(m_members[i].login));
    m_list->SetItem(at, 1, wx(m_members[i].role));
  }
  m_owner = st.online && st.role == "owner";
  for (wxWindow* w : std::initializer_list<wxWindow*>{m_login, m_role, m_set, m_remove}) {
    w->Enable(m_owner);
  }
  if (!st.online) {
    tell(wx("The team database cannot be reached, so the members cannot be listed or "
            "changed now: " +
            without_sync_advice(st.offline_reason)),
         true);
  } else if (!m_owner) {
    tell(wx("You are " + (st.role.empty() ? std::string("not a member") : "a " + st.role) +
            " of this team project: only an owner adds members, changes roles and removes "
            "members. Ask an owner."),
         false);
  }
}

void TeamMembersDialog::on_selected() {
  auto i = m_list->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
  if (i < 0 || static_cast<std::size_t>(i) >= m_members.size()) {
    return;
  }
  const auto& m = m_members[static_cast<std::size_t>(i)];
  m_login->SetValue(wx(m.login));
  m_role->SetStringSelection(wx(m.role));
}

bool TeamMembersDialog::server_takes(const std::function<void()>& change) {
  try {
    wxBusyCursor busy;
    change();
  } catch (const TeamError& e) {
    tell(wx("The team server refused: " + team_error_words(e)), true);
    return false;
  } catch (const Error& e) {
    tell(wx(std::string("The team server refused: ") + e.what()), true);
    return false;
  }
  reload(); // the server's members, as they are now
  return true;
}

void TeamMembersDialog::on_set() {
  auto login = utf8(m_login->GetValue());
  while (!login.empty() && login.back() == ' ') {
    login.pop_back();
  }
  while (!login.empty() && login.front() == ' ') {
    login.erase(0, 1);
  }
  if (login.empty()) {
    tell("Type the member's login (their PostgreSQL login), or choose a member in the list.", true);
    return;
  }
  auto role = utf8(m_role->GetStringSelection());
  bool known = false;
  for (const auto& m : m_members) {
    known = known || m.login == login;
  }
  if (!server_takes([&] { team_set_member(m_project, login, role); })) {
    return;
  }
  tell(wx(known ? login + " is now a " + role + "." : login + " is now a member, a " + role + "."),
       false);
}

void TeamMembersDialog::on_remove() {
  auto i = m_list->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
  if (i < 0 || static_cast<std::size_t>(i) >= m_members.size()) {
    tell("Choose the member to remove in the list.", true);
    return;
  }
  auto login = m_members[static_cast<std::size_t>(i)].login;
  if (!server_takes([&] { team_remove_member(m_project, login); })) {
    return;
  }
  tell(wx(login + " is no longer a member (their codings stay)."), false);
}

// ---------------------------------------------------------------------------
// Conflicts

TeamConflictsDialog::TeamConflictsDialog(MainFrame& f, std::vector<TeamConflict> conflicts)
    : wxDialog(&f, wxID_ANY, "Team Conflicts", wxDefaultPosition, wxSize(820, 420),
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      m_frame(f), m_conflicts(std::move(conflicts)) {
  SetName("quire-team-conflicts-dialog");
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  auto* intro = new wxStaticText(
      this, wxID_ANY,
      m_conflicts.empty()
          ? wxString("No conflicts: every change of the team applied as it was made.")
          : wxString("What the team's changes met and how each was resolved, oldest first. "
                     "Double-click one that names a code or a document to show it."));
  intro->SetName("team-conflicts-intro");
  intro->Wrap(780);
  sizer->Add(intro, 0, wxALL, 10);
  m_list = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                          wxLC_REPORT | wxLC_SINGLE_SEL);
  m_list->SetName("team-conflicts");
  m_list->AppendColumn("When (UTC)", wxLIST_FORMAT_LEFT, 160);
  m_list->AppendColumn("Who", wxLIST_FORMAT_LEFT, 90);
  m_list->AppendColumn("What happened, and how it was resolved", wxLIST_FORMAT_LEFT, 540);
  for (std::size_t i = 0; i < m_conflicts.size(); ++i) {
    const auto& c = m_conflicts[i];
    auto at = m_list->InsertItem(static_cast<long>(i), wx(c.time));
    m_list->SetItem(at, 1, wx(c.who));
    m_list->SetItem(at, 2, wx(c.what));
  }
  m_list->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent& e) {
    if (!open(e.GetIndex())) {
      wxBell();
    }
  });
  sizer->Add(m_list, 1, wxEXPAND | wxLEFT | wxRIGHT, 10);
  auto* buttons = new wxStdDialogButtonSizer;
  buttons->AddButton(new wxButton(this, wxID_OK, "&Close"));
  buttons->Realize();
  sizer->Add(buttons, 0, wxEXPAND | wxALL, 10);
  SetSizer(sizer);
}

bool TeamConflictsDialog::open(long i) {
  if (i < 0 || static_cast<std::size_t>(i) >= m_conflicts.size()) {
    return false;
  }
  auto& s = m_frame.session();
  if (!s.is_open()) {
    return false;
  }
  auto& p = s.project();
  const auto names = quoted_names(m_conflicts[static_cast<std::size_t>(i)].what);
  // The last name quoted is the one the project has now ("… named "X (bob)"",
  // "… renamed "Y" by bob"): the code's, else a document's.
  for (auto n = names.rbegin(); n != names.rend(); ++n) {
    for (const auto& c : list_codes(p)) {
      if (c.name == *n || c.path == *n) {
        s.select_code(c.id);
        if (IsModal()) {
          EndModal(wxID_OK);
        }
        return true;
      }
    }
  }
  for (auto n = names.rbegin(); n != names.rend(); ++n) {
    for (const auto& d : list_documents(p)) {
      if (d.name == *n) {
        s.show_document(d.id);
        if (IsModal()) {
          EndModal(wxID_OK);
        }
        return true;
      }
    }
  }
  return false;
}

} // namespace quire::gui
