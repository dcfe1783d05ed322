// help/...: the keyboard shortcuts (read from the registry) and About.
#include <wx/aboutdlg.h>

#include "commands.h"
#include "list_dialog.h"
#include "main_frame.h"
#include "quire_version.h"

namespace quire::gui {

namespace {

void show_shortcuts(MainFrame& f) {
  std::vector<std::vector<wxString>> rows;
  for (const auto* c : f.commands().all()) {
    if (c->shortcut.empty() && c->scope.empty()) {
      continue;
    }
    wxString label = c->label;
    label.Replace("&", "");
    rows.push_back({c->shortcut.empty() ? c->scope : c->shortcut, label, c->help});
  }
  rows.push_back({"Drag a code onto selected text", "Code the selection with it", ""});
  rows.push_back({"Drag a code onto another code", "Move it under that code", ""});
  rows.push_back({"Drop files on Sources", "Import them", ""});
  ListDialog dlg(&f, "Keyboard Shortcuts", {{"Keys", 170}, {"Command", 200}, {"What it does", 400}},
                 rows);
  dlg.ShowModal();
}

} // namespace

void add_help_commands(MainFrame& f) {
  auto& r = f.commands();
  r.add({.name = "help/shortcuts",
         .label = "&Keyboard Shortcuts",
         .help = "Every shortcut of Quire",
         .shortcut = "F1",
         .run = [&f] { show_shortcuts(f); }});
  r.add({.name = "help/about", .label = "&About Quire", .help = "Version and licence", .run = [] {
           wxAboutDialogInfo info;
           info.SetName("Quire");
           info.SetVersion(QUIRE_VERSION_STRING);
           info.SetDescription("Qualitative data analysis: code interviews and survey answers,\n"
                               "retrieve and compare what people said.\n"
                               "Every action is saved as it happens and can be undone.");
           wxAboutBox(info);
         }});
}

} // namespace quire::gui
