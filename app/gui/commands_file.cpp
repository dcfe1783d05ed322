// file/...: new, open, import, close, quit.
#include <wx/filedlg.h>

#include "commands.h"
#include "main_frame.h"
#include "wx_text.h"

namespace quire::gui {

namespace {

const char* const project_wildcard = "Quire projects (*.quire)|*.quire|All files|*";

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

} // namespace

void add_file_commands(MainFrame& f) {
  auto& r = f.commands();
  auto& s = f.session();
  auto is_open = [&s] { return s.is_open(); };
  r.add({"file/new",
         L"&New Project…",
         "Make a new, empty project file",
         "Ctrl+N",
         {},
         wxART_NEW,
         [&f] {
           wxFileDialog dlg(&f, "New project", "", "study.quire", project_wildcard, wxFD_SAVE);
           if (dlg.ShowModal() != wxID_OK) {
             return;
           }
           std::filesystem::path path(utf8(dlg.GetPath()));
           if (path.extension() != ".quire") {
             path += ".quire";
           }
           f.open_project(path, true);
         }});
  r.add(
      {"file/open", L"&Open Project…", "Open a project file", "Ctrl+O", {}, wxART_FILE_OPEN, [&f] {
         wxFileDialog dlg(&f, "Open project", "", "", project_wildcard,
                          wxFD_OPEN | wxFD_FILE_MUST_EXIST);
         if (dlg.ShowModal() == wxID_OK) {
           f.open_project(std::filesystem::path(utf8(dlg.GetPath())));
         }
       }});
  r.add({"file/import",
         L"&Import Files…",
         "Import interviews, documents and surveys",
         "Ctrl+I",
         {},
         wxART_ADD_BOOKMARK,
         [&f] {
           wxFileDialog dlg(&f, "Import files", "", "",
                            "Supported "
                            "files|*.txt;*.docx;*.odt;*.pdf;*.html;*.htm;*.vtt;*.srt;*.csv;*.xlsx;*"
                            ".qdpx|All files|*",
                            wxFD_OPEN | wxFD_FILE_MUST_EXIST | wxFD_MULTIPLE);
           if (dlg.ShowModal() == wxID_OK) {
             f.import_files(chosen_paths(dlg));
           }
         },
         is_open});
  r.add({"file/close",
         "&Close Project",
         "Close the project (everything is already saved)",
         "Ctrl+W",
         {},
         {},
         [&s, &f] {
           s.close();
           f.refresh_title();
         },
         is_open});
  r.add({"file/quit", "&Quit", "Quit Quire (everything is already saved)", "Ctrl+Q", {}, {}, [&f] {
           f.Close();
         }});
}

} // namespace quire::gui
