// view/...: show or hide the panes, bring the Analysis page to the front,
// choose whose codings are shown (View > Coders), reset the layout.
#include <wx/aui/aui.h>

#include "commands.h"
#include "import_notes.h"
#include "main_frame.h"
#include "quire/model/coders.h"
#include "wx_text.h"

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

/// Shows only these coders' codings (empty: everyone's) through core's one
/// setting, the one Codes > Coders… sets (an undoable step), unless it is so
/// already.
void show_coders(Session& s, const std::vector<std::string>& names) {
  if (s.shown_coders() != names) {
    set_shown_coders(s.project(), names);
  }
}

void add_coder_filters(MainFrame& f) {
  auto& r = f.commands();
  auto& s = f.session();
  auto open = [&s] { return s.is_open(); };
  r.add({.name = "view/coders-everyone",
         .label = "&Everyone",
         .help = "Show every coder's codings (the stripes in a lane per coder)",
         .run = [&s] { show_coders(s, {}); },
         .enabled = open,
         .checked = [&s] { return s.is_open() && s.shown_coders().empty(); }});
  r.add({.name = "view/coders-mine",
         .label = "Only &Mine",
         .help = "Show only the codings you made (as the coder this window codes as)",
         .run = [&s] { show_coders(s, {s.project().coder()}); },
         .enabled = open,
         .dynamic_label =
             [&s] {
               return s.is_open() && !s.busy() ? "Only &Mine (" + wx(s.project().coder()) + ")"
                                               : wxString();
             },
         .checked =
             [&s] { return s.is_open() && s.shown_coders() == std::vector{s.project().coder()}; }});
  for (std::size_t i = 0; i < coder_filter_slots; ++i) {
    // The project's coders by name, one item each (Codes > Coders… for more).
    auto coder = [&s, i]() -> const std::string* {
      const auto& all = s.coders();
      return i < all.size() ? &all[i] : nullptr;
    };
    r.add({.name = "view/coders-" + std::to_string(i + 1),
           .label = "(no coder)",
           .help = "Show only this coder's codings",
           .run =
               [&s, coder] {
                 if (const auto* name = coder()) {
                   show_coders(s, {*name});
                 }
               },
           .enabled = [&s, coder] { return s.is_open() && coder() != nullptr; },
           .dynamic_label =
               [coder] {
                 const auto* name = coder();
                 return name ? "Only " + wx(*name) : wxString();
               },
           .checked =
               [&s, coder] {
                 const auto* name = coder();
                 return name && s.shown_coders() == std::vector{*name};
               }});
  }
}

} // namespace

std::vector<std::string> coder_filter_names() {
  std::vector<std::string> names{"view/coders-everyone", "view/coders-mine", "-"};
  for (std::size_t i = 1; i <= coder_filter_slots; ++i) {
    names.push_back("view/coders-" + std::to_string(i));
  }
  return names;
}

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
  add_coder_filters(f);
  r.add({.name = "view/reset-layout",
         .label = "Reset &Layout",
         .help = "Put every pane back where it started",
         .run = [&f] { f.reset_layout(); }});
}

} // namespace quire::gui
