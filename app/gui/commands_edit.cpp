// edit/...: undo, redo (named after the action), cut, copy, find (and the
// find bar's buttons), history, preferences.
#include <wx/accel.h>
#include <wx/stc/stc.h>
#include <wx/textentry.h>

#include "commands.h"
#include "document_view.h"
#include "history_dialog.h"
#include "main_frame.h"
#include "preferences_dialog.h"
#include "quire/store/history.h"
#include "wx_text.h"

namespace quire::gui {

namespace {

/// A step's name as a menu item shows it: whole up to 100 characters (a
/// quote of 40 and a code path fit), '&' kept as itself, not a mnemonic.
wxString short_name(const std::string& name) {
  auto w = wx(name);
  if (w.length() > 100) {
    w = w.Left(99) + L"…";
  }
  w.Replace("&", "&&");
  return w;
}

void show_history(MainFrame& f) {
  HistoryDialog dlg(f);
  dlg.ShowModal();
}

} // namespace

void add_edit_commands(MainFrame& f) {
  auto& r = f.commands();
  auto& s = f.session();
  auto is_open = [&s] { return s.is_open(); };
  r.add({.name = "edit/undo",
         .label = "&Undo",
         .help = "Undo your last action (as the coder set in Preferences)",
         .shortcut = "Ctrl+Z",
         .art = wxART_UNDO,
         .run =
             [&s, &f] {
               if (auto name = undo(s.project())) {
                 f.SetStatusText("Undone: " + wx(*name));
               }
             },
         .enabled = [&s] { return s.is_open() && undo_name(s.project()).has_value(); },
         .dynamic_label =
             [&s] {
               auto name = s.is_open() ? undo_name(s.project()) : std::nullopt;
               return name ? "&Undo " + short_name(*name) : wxString("&Undo");
             }});
  const int redo_id =
      r.add({.name = "edit/redo",
             .label = "&Redo",
             .help = "Redo your last undone action (Ctrl+Y too)",
             .shortcut = "Ctrl+Shift+Z",
             .art = wxART_REDO,
             .run =
                 [&s, &f] {
                   if (auto name = redo(s.project())) {
                     f.SetStatusText("Redone: " + wx(*name));
                   }
                 },
             .enabled = [&s] { return s.is_open() && redo_name(s.project()).has_value(); },
             .dynamic_label =
                 [&s] {
                   auto name = s.is_open() ? redo_name(s.project()) : std::nullopt;
                   return name ? "&Redo " + short_name(*name) : wxString("&Redo");
                 }})
          .id;
  // Ctrl+Y redoes too, as in most word processors: a key of the window (the
  // document view passes the window's keys on), not a second menu shortcut.
  wxAcceleratorEntry ctrl_y(wxACCEL_CTRL, 'Y', redo_id);
  f.SetAcceleratorTable(wxAcceleratorTable(1, &ctrl_y));
  r.add({.name = "edit/cut",
         .label = "Cu&t",
         .help = "Cut the selected text (in memos and boxes)",
         .shortcut = "Ctrl+X",
         .art = wxART_CUT,
         .run = [] {
           if (auto* entry = dynamic_cast<wxTextEntry*>(wxWindow::FindFocus());
               entry && entry->IsEditable()) {
             entry->Cut();
           }
         }});
  r.add({.name = "edit/copy",
         .label = "&Copy",
         .help = "Copy the selected text",
         .shortcut = "Ctrl+C",
         .art = wxART_COPY,
         .run = [] {
           auto* focus = wxWindow::FindFocus();
           if (auto* stc = dynamic_cast<wxStyledTextCtrl*>(focus)) {
             stc->Copy();
           } else if (auto* entry = dynamic_cast<wxTextEntry*>(focus)) {
             entry->Copy();
           }
         }});
  r.add({.name = "edit/find",
         .label = L"&Find in Document…",
         .help = "Find text in the open document",
         .shortcut = "Ctrl+F",
         .art = wxART_FIND,
         .run = [&f] { f.document_view().show_find(); },
         .enabled = is_open});
  r.add({.name = "edit/find-next",
         .label = "Find &Next",
         .help = "Select the next place of the text in the find bar",
         .run = [&f] { f.document_view().find_again(true); },
         .enabled = is_open});
  r.add({.name = "edit/find-previous",
         .label = "Find &Previous",
         .help = "Select the previous place of the text in the find bar",
         .run = [&f] { f.document_view().find_again(false); },
         .enabled = is_open});
  r.add({.name = "edit/find-done", .label = "&Done", .help = "Hide the find bar", .run = [&f] {
           f.document_view().hide_find();
         }});
  r.add({.name = "edit/history",
         .label = L"&History…",
         .help = "Every action recorded in the project, newest first; undo yours back to one",
         .run = [&f] { show_history(f); },
         .enabled = is_open});
  r.add({.name = "edit/preferences",
         .label = L"&Preferences…",
         .help = "Coder name, search language, font size",
         .shortcut = "Ctrl+,",
         .run = [&f] { edit_preferences(f); }});
}

} // namespace quire::gui
