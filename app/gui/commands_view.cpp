// view/...: show or hide the panes, bring the Analysis page to the front,
// reset the layout.
#include <wx/aui/aui.h>

#include "commands.h"
#include "import_notes.h"
#include "main_frame.h"

namespace quire::gui {

namespace {

void add_pane_toggle(MainFrame& f, const char* name, const wxString& label, const wxString& key) {
  f.commands().add({.name = std::string("view/") + name,
                    .label = label,
                    .help = "Show or hide this pane",
                    .shortcut = key,
                    .run =
                        [&f, name] {
                          auto& pane = f.aui().GetPane(name);
                          pane.Show(!pane.IsShown());
                          f.aui().Update();
                        },
                    .checked = [&f, name] { return f.aui().GetPane(name).IsShown(); }});
}

} // namespace

void add_view_commands(MainFrame& f) {
  auto& r = f.commands();
  auto& s = f.session();
  add_pane_toggle(f, "sources", "&Sources", "Ctrl+1");
  add_pane_toggle(f, "codebook", "&Codebook", "Ctrl+2");
  add_pane_toggle(f, "segments", "&Retrieved Segments", "Ctrl+3");
  add_pane_toggle(f, "memos", "&Memos", "Ctrl+4");
  add_pane_toggle(f, "search", "S&earch", "Ctrl+5");
  add_pane_toggle(f, "suggestions", "Su&ggestions", "Ctrl+7");
  r.add({.name = "view/analysis",
         .label = "&Analysis",
         .help = "Show the Analysis page (theme table, matrix, co-occurrence)",
         .shortcut = "Ctrl+6",
         .run = [&f] { f.show_analysis(); },
         .enabled = [&s] { return s.is_open(); }});
  r.add({.name = "view/import-notes",
         .label = L"Import &Notes…",
         .help = "Read in full what was noted while importing files (how they were read)",
         .run = [&f] {
           ImportNotesDialog dlg(&f, f.import_notes().all());
           dlg.ShowModal();
         }});
  r.add({.name = "view/question-codes",
         .label = "Show &Question Codes",
         .help = "Colour the codes made from a survey's questions in the text (off: they are the "
                 "survey grid's columns)",
         .run = [&s] { s.set_show_question_codes(!s.show_question_codes()); },
         .checked = [&s] { return s.show_question_codes(); }});
  r.add({.name = "view/reset-layout",
         .label = "Reset &Layout",
         .help = "Put every pane back where it started",
         .run = [&f] { f.reset_layout(); }});
}

} // namespace quire::gui
