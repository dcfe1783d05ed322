// view/... (panes), docs/... (the document selected in Sources),
// analysis/... and help/....
#include <wx/aboutdlg.h>
#include <wx/msgdlg.h>
#include <wx/textdlg.h>

#include "commands.h"
#include "core/codebook.h"
#include "core/documents.h"
#include "core/error.h"
#include "list_dialog.h"
#include "main_frame.h"
#include "safety_dialog.h"
#include "segments_pane.h"
#include "sources_pane.h"
#include "wx_text.h"

namespace quire::gui {

namespace {

Id selected_document(MainFrame& f) {
  auto id = f.sources().selected_document();
  if (!id) {
    throw InputError("select a document in Sources first");
  }
  return *id;
}

void show_pane(MainFrame& f, const char* name, bool show) {
  f.aui().GetPane(name).Show(show);
  f.aui().Update();
}

void add_pane_toggle(MainFrame& f, const char* name, const wxString& label, const wxString& key) {
  f.commands().add({std::string("view/") + name,
                    label,
                    "Show or hide this pane",
                    key,
                    {},
                    {},
                    [&f, name] { show_pane(f, name, !f.aui().GetPane(name).IsShown()); },
                    {},
                    {},
                    [&f, name] { return f.aui().GetPane(name).IsShown(); }});
}

void rename_doc(MainFrame& f) {
  auto& p = f.session().project();
  auto d = get_document(p, selected_document(f));
  wxTextEntryDialog dlg(&f, "New name of the document:", "Rename Document", wx(d.name));
  if (dlg.ShowModal() == wxID_OK && utf8(dlg.GetValue()) != d.name) {
    rename_document(p, d.id, utf8(dlg.GetValue()));
  }
}

void delete_doc(MainFrame& f) {
  auto& p = f.session().project();
  auto d = get_document(p, selected_document(f));
  wxMessageDialog ask(&f,
                      wx("Delete the document " + d.name +
                         " with its codings and memos?\n\nEdit > Undo brings it back."),
                      "Delete Document", wxYES_NO | wxNO_DEFAULT | wxICON_WARNING);
  ask.SetYesNoLabels("Delete", "Keep");
  if (ask.ShowModal() == wxID_YES) {
    unless_copy_refused(&f, p, [&] { delete_document(p, d.id); });
  }
}

void show_frequencies(MainFrame& f) {
  auto& s = f.session();
  std::map<Id, CodeCounts> counts;
  for (const auto& c : code_counts(s.project())) {
    counts[c.code_id] = c;
  }
  std::vector<std::vector<wxString>> rows;
  for (const auto& c : s.codes().list) {
    auto n = counts[c.id];
    rows.push_back({wxString(' ', 3 * static_cast<std::size_t>(c.level)) + wx(c.name),
                    wxString::Format("%lld", static_cast<long long>(n.codings)),
                    wxString::Format("%lld", static_cast<long long>(n.documents)),
                    wxString::Format("%lld", static_cast<long long>(n.cases))});
  }
  ListDialog dlg(&f, "Code Frequencies",
                 {{"Code", 300}, {"Codings", 80}, {"Documents", 90}, {"Cases", 80}}, rows,
                 "How often each code was applied (its own codings, not its subcodes').");
  dlg.ShowModal();
}

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

void add_view_commands(MainFrame& f) {
  auto& r = f.commands();
  auto& s = f.session();
  auto is_open = [&s] { return s.is_open(); };
  add_pane_toggle(f, "sources", "&Sources", "Ctrl+1");
  add_pane_toggle(f, "codebook", "&Codebook", "Ctrl+2");
  add_pane_toggle(f, "segments", "&Retrieved Segments", "Ctrl+3");
  add_pane_toggle(f, "memos", "&Memos", "Ctrl+4");
  r.add({"view/reset-layout",
         "Reset &Layout",
         "Put every pane back where it started",
         "",
         {},
         {},
         [&f] { f.reset_layout(); }});

  r.add({"docs/open",
         "&Open",
         "Read and code the selected document",
         "",
         {},
         {},
         [&f] { f.session().show_document(selected_document(f)); },
         is_open});
  r.add({"docs/rename",
         L"&Rename…",
         "Rename the selected document",
         "",
         {},
         {},
         [&f] { rename_doc(f); },
         is_open});
  r.add({"docs/delete",
         L"&Delete…",
         "Delete the selected document (undoable)",
         "",
         {},
         {},
         [&f] { delete_doc(f); },
         is_open});

  r.add({"analysis/segments",
         "&Retrieved Segments",
         "Show the codings of the selected code",
         "",
         {},
         {},
         [&f] { show_pane(f, "segments", true); },
         is_open});
  r.add({"analysis/subcodes",
         "Include &Subcodes",
         "Retrieve the codings of subcodes too",
         "",
         {},
         {},
         [&f] { f.segments().set_with_subcodes(!f.segments().with_subcodes()); },
         is_open,
         {},
         [&f] { return f.segments().with_subcodes(); }});
  r.add({"analysis/frequencies",
         L"Code &Frequencies…",
         "How often each code was applied",
         "",
         {},
         {},
         [&f] { show_frequencies(f); },
         is_open});

  r.add({"help/shortcuts", "&Keyboard Shortcuts", "Every shortcut of Quire", "F1", {}, {}, [&f] {
           show_shortcuts(f);
         }});
  r.add({"help/about", "&About Quire", "Version and licence", "", {}, {}, [] {
           wxAboutDialogInfo info;
           info.SetName("Quire");
           info.SetVersion("0.1.0");
           info.SetDescription("Qualitative data analysis: code interviews and survey answers,\n"
                               "retrieve and compare what people said.\n"
                               "Every action is saved as it happens and can be undone.");
           wxAboutBox(info);
         }});
}

} // namespace quire::gui
