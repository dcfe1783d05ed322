// file/...: new, open, import, export, restore a safety copy, close, quit.
#include <wx/dirdlg.h>
#include <wx/filedlg.h>
#include <wx/msgdlg.h>
#include <wx/utils.h>

#include "commands.h"
#include "demo_project.h"
#include "export_runner.h"
#include "main_frame.h"
#include "quire/store/safety_copies.h"
#include "safety_dialog.h"
#include "wx_text.h"

namespace quire::gui {

namespace {

const char* const project_wildcard = "Quire projects (*.quire)|*.quire|All files|*";

} // namespace

std::filesystem::path project_path_typed(const std::string& typed) {
  // The GTK dialog selects the name without its extension ("study" of
  // "study.quire"), so typing "x.quire" over it gives "x.quire.quire".
  std::string path = typed;
  const std::string ext = ".quire";
  while (path.size() > 2 * ext.size() &&
         path.compare(path.size() - 2 * ext.size(), 2 * ext.size(), ext + ext) == 0) {
    path.resize(path.size() - ext.size());
  }
  if (std::filesystem::path(path).extension() != ext) {
    path += ext;
  }
  return path;
}

namespace {

std::vector<std::filesystem::path> chosen_paths(wxFileDialog& dlg) {
  wxArrayString paths;
  dlg.GetPaths(paths);
  // A path given with SetPath() (not picked in the GTK chooser) is only in
  // the base class: the dialog-driving GUI tests hand their file in that way.
  if (paths.empty()) {
    dlg.wxFileDialogBase::GetPaths(paths);
  }
  std::vector<std::filesystem::path> out;
  for (const auto& p : paths) {
    if (!p.empty()) {
      out.emplace_back(utf8(p));
    }
  }
  return out;
}

/// File > Restore a Safety Copy: choose a copy, confirm, restore; the views
/// reload from the change the core reports.
void restore_a_copy(MainFrame& f) {
  auto& p = f.session().project();
  SafetyCopiesDialog dlg(&f, list_safety_copies(p.path()), wx(safety_folder(p.path()).string()));
  if (dlg.ShowModal() != wxID_OK) {
    return;
  }
  auto c = dlg.chosen();
  if (!c) {
    return;
  }
  wxMessageDialog ask(&f,
                      "Restore the project as it was at " + wx(c->time) + ", before \"" +
                          wx(c->action) +
                          "\"?\n\nEverything done since is replaced by that state, and the "
                          "undo history becomes the copy's. The project as it is now is kept "
                          "as a safety copy first: restore that one to come back.",
                      "Restore a Safety Copy", wxYES_NO | wxNO_DEFAULT | wxICON_WARNING);
  ask.SetYesNoLabels("Restore", "Cancel");
  if (ask.ShowModal() != wxID_YES) {
    return;
  }
  wxBusyCursor busy;
  restore_safety_copy(p, c->file);
  f.SetStatusText("Restored the copy kept before " + wx(c->action));
}

} // namespace

void add_file_commands(MainFrame& f) {
  auto& r = f.commands();
  auto& s = f.session();
  auto is_open = [&s] { return s.is_open(); };
  r.add({.name = "file/new",
         .label = L"&New Project…",
         .help = "Make a new, empty project file",
         .shortcut = "Ctrl+N",
         .art = wxART_NEW,
         .run = [&f] {
           wxFileDialog dlg(&f, "New project", "", "study.quire", project_wildcard, wxFD_SAVE);
           if (dlg.ShowModal() != wxID_OK) {
             return;
           }
           f.open_project(project_path_typed(utf8(dlg.GetPath())), true);
         }});
  r.add({.name = "file/open",
         .label = L"&Open Project…",
         .help = "Open a project file",
         .shortcut = "Ctrl+O",
         .art = wxART_FILE_OPEN,
         .run = [&f] {
           wxFileDialog dlg(&f, "Open project", "", "", project_wildcard,
                            wxFD_OPEN | wxFD_FILE_MUST_EXIST);
           if (dlg.ShowModal() == wxID_OK) {
             f.open_project(std::filesystem::path(utf8(dlg.GetPath())));
           }
         }});
  r.add({.name = "file/open-demo",
         .label = "Open the &Demo Project",
         .help = "Open three coded interviews to try Quire on (made the first time)",
         .run = [&f] { open_demo_project(f); }});
  r.add({.name = "file/import",
         .label = L"&Import Files…",
         .help = "Import interviews, documents and surveys",
         .shortcut = "Ctrl+I",
         .art = wxART_ADD_BOOKMARK,
         .run =
             [&f] {
               wxFileDialog dlg(&f, "Import files", "", "",
                                "Supported "
                                "files|*.txt;*.docx;*.odt;*.pdf;*.html;*.htm;*.vtt;*.srt;*.csv;"
                                "*.xlsx;*.qdpx|All files|*",
                                wxFD_OPEN | wxFD_FILE_MUST_EXIST | wxFD_MULTIPLE);
               if (dlg.ShowModal() == wxID_OK) {
                 f.import_files(chosen_paths(dlg));
               }
             },
         .enabled = is_open});
  // A folder by keys as well as by a drop on Sources: its files and those
  // below it that Quire reads; again, only the new ones.
  r.add({.name = "file/import-folder",
         .label = L"Import &Folder…",
         .help = "Import the files of a folder and its subfolders (again: only new ones)",
         .shortcut = "Ctrl+Shift+I",
         .run =
             [&f] {
               // Opened in the project's folder: GTK's chooser opened on Recent,
               // where a typed path and Enter chose nothing (Open stayed grey).
               wxDirDialog dlg(&f, "Import a folder", wx(f.session().path().parent_path().string()),
                               wxDD_DEFAULT_STYLE | wxDD_DIR_MUST_EXIST);
               if (dlg.ShowModal() == wxID_OK && !dlg.GetPath().empty()) {
                 f.import_files({std::filesystem::path(utf8(dlg.GetPath()))});
               }
             },
         .enabled = is_open});
  r.add({.name = "file/export",
         .label = L"&Export…",
         .help = "Write the project as Excel, CSV, an HTML report or REFI-QDA",
         .shortcut = "Ctrl+E",
         .run = [&f] { ask_and_export(f); },
         .enabled = is_open});
  r.add({.name = "file/export-cases",
         .label = L"Export C&ases…",
         .help = "Write the cases and their attributes as a classification sheet (Excel or CSV)",
         .run = [&f] { ask_and_export_cases(f); },
         .enabled = is_open});
  r.add({.name = "file/show-export",
         .label = "Show &Last Export",
         .help = "Open the folder that holds the file last exported",
         .run =
             [&f] {
               if (!show_last_export_folder()) {
                 f.show_error(wx("Could not open the folder " +
                                 last_export().parent_path().string() +
                                 "; the file is there: " + last_export().filename().string()));
               }
             },
         .enabled = [] { return !last_export().empty(); }});
  r.add({.name = "file/restore",
         .label = L"Restore a &Safety Copy…",
         .help = "Bring back the project as it was before a deletion, a merge or a large import",
         .run = [&f] { restore_a_copy(f); },
         .enabled = is_open});
  r.add({.name = "file/close",
         .label = "&Close Project",
         .help = "Close the project (everything is already saved)",
         .shortcut = "Ctrl+W",
         .run =
             [&s, &f] {
               s.close();
               f.refresh_title();
             },
         .enabled = is_open});
  r.add({.name = "file/quit",
         .label = "&Quit",
         .help = "Quit Quire (everything is already saved)",
         .shortcut = "Ctrl+Q",
         .run = [&f] { f.Close(); }});
}

} // namespace quire::gui
