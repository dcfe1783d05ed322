#pragma once
// The team project's dialogs (docs/teams.md): File > Join Team Project… and
// File > Publish as Team Project… (the team database's address, and the file
// of the new working copy), Team > Members… and Team > Conflicts…. Each
// calls the core's team_* operations; the core's refusals are shown in the
// app's words.
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include <wx/dialog.h>

#include "quire/team/team.h"

class wxButton;
class wxChoice;
class wxListCtrl;
class wxStaticText;
class wxTextCtrl;

namespace quire {
class Project;
}

namespace quire::gui {

class MainFrame;

/// What the app tells the user of a TeamError met while doing (joining,
/// publishing, changing members): the core's reason, with what to do.
std::string team_error_words(const TeamError& e);

/// Asks for the team database's address (and, to join, the file to make).
/// Passwords are never typed here: the address may not hold one (the core
/// refuses it, it would be stored in the project), and the help text says
/// where libpq takes it from (~/.pgpass, PGPASSWORD).
class TeamAddressDialog : public wxDialog {
public:
  enum class Purpose { Join, Publish };
  TeamAddressDialog(wxWindow* parent, Purpose purpose, const wxString& folder = {});

  std::string address() const;
  std::filesystem::path file() const; ///< Join: the new working copy (".quire" added)

private:
  void on_ok();
  void on_browse();

  Purpose m_purpose;
  wxTextCtrl* m_address = nullptr;
  wxTextCtrl* m_file = nullptr;
  wxStaticText* m_problem = nullptr;
};

/// File > Join Team Project…: asks, makes the working copy with team_join on
/// a worker thread (progress, Cancel), then opens it. On failure, an error
/// in words and no file left behind.
void ask_and_join_team(MainFrame& f);
/// Joins url into file as File > Join does after its dialog (the tests call
/// it with their own values). True when the copy was made and opened.
bool join_team(MainFrame& f, const std::string& url, const std::filesystem::path& file);

/// File > Publish as Team Project…: the open project published with
/// team_create (worker thread), then synced like any team project.
void ask_and_publish_team(MainFrame& f);
bool publish_team(MainFrame& f, const std::string& url);

/// Team > Members…: the members and their roles. An owner adds a member,
/// changes a role, removes a member; anyone else sees the list, told why it
/// is read-only. The server's refusals show in the dialog, in words.
class TeamMembersDialog : public wxDialog {
public:
  TeamMembersDialog(wxWindow* parent, Project& p);

  /// What the dialog tells the user now (why read-only, a refusal, a result).
  wxString message() const;
  bool can_change() const { return m_owner; }

private:
  void reload();
  void on_set();
  void on_remove();
  /// Makes a change of members on the server; a refusal is told in the
  /// dialog (false). Reloads the list after a change taken.
  bool server_takes(const std::function<void()>& change);
  void on_selected();
  void tell(const wxString& words, bool problem);

  Project& m_project;
  bool m_owner = false;
  std::vector<TeamMember> m_members;
  wxListCtrl* m_list = nullptr;
  wxTextCtrl* m_login = nullptr;
  wxChoice* m_role = nullptr;
  wxButton* m_set = nullptr;
  wxButton* m_remove = nullptr;
  wxStaticText* m_message = nullptr;
  wxString m_said; ///< m_message's words, unwrapped
};

/// Team > Conflicts…: what the team met and how each was resolved. A double
/// click (Enter) on one naming a code or a document of the project shows it.
class TeamConflictsDialog : public wxDialog {
public:
  TeamConflictsDialog(MainFrame& f, std::vector<TeamConflict> conflicts);

  /// Shows what conflict i concerns (selects the code in the codebook, or
  /// opens the document) and closes the dialog; false when it names neither.
  bool open(long i);

private:
  MainFrame& m_frame;
  std::vector<TeamConflict> m_conflicts;
  wxListCtrl* m_list = nullptr;
};

} // namespace quire::gui
