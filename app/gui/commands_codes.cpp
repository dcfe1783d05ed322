// codes/...: the codebook's own actions on the selected code (each is one
// core call, so each is one undoable step), and the coders shown.
#include <algorithm>

#include <wx/colordlg.h>
#include <wx/msgdlg.h>
#include <wx/textdlg.h>

#include "code_picker.h"
#include "codebook_pane.h"
#include "coders_dialog.h"
#include "colours.h"
#include "command.h"
#include "commands.h"
#include "main_frame.h"
#include "quire/base/error.h"
#include "quire/model/codebook.h"
#include "safety_dialog.h"
#include "wx_text.h"

namespace quire::gui {

namespace {

const Code& selected(Session& s) {
  auto id = s.selected_code();
  const auto* c = id ? s.codes().find(*id) : nullptr;
  if (!c) {
    throw InputError("select a code in the codebook first");
  }
  return *c;
}

void new_code(MainFrame& f, bool child) {
  auto& s = f.session();
  std::vector<std::string> parent;
  wxString prompt = "Name of the new code (a path such as Barriers/Time makes a subcode):";
  if (child) {
    const auto& c = selected(s);
    parent = split_code_path(c.path);
    prompt = wx("Name of the new code under " + c.path + ":");
  }
  wxTextEntryDialog dlg(&f, prompt, child ? "New Child Code" : "New Code");
  if (dlg.ShowModal() != wxID_OK || dlg.GetValue().Strip(wxString::both).empty()) {
    return;
  }
  auto path = utf8(dlg.GetValue().Strip(wxString::both));
  if (child) {
    auto names = parent;
    auto sub = split_code_path(path);
    names.insert(names.end(), sub.begin(), sub.end());
    path = join_code_path(names);
  }
  Id id = add_code(s.project(), path);
  s.select_code(id);
}

void recolour(MainFrame& f) {
  auto& s = f.session();
  const auto& c = selected(s);
  Id id = c.id;
  wxColourData data;
  data.SetColour(code_colour(c.color));
  wxColourDialog dlg(&f, &data);
  dlg.SetTitle(wx("Colour of " + c.path));
  if (dlg.ShowModal() == wxID_OK) {
    set_code_color(s.project(), id, colour_hex(dlg.GetColourData().GetColour()));
  }
}

void describe(MainFrame& f) {
  auto& s = f.session();
  const auto& c = selected(s);
  Id id = c.id;
  wxTextEntryDialog dlg(&f, wx("What " + c.path + " means (when to apply it):"), "Describe Code",
                        wx(c.description), wxOK | wxCANCEL | wxTE_MULTILINE);
  dlg.SetSize(wxSize(520, 300));
  if (dlg.ShowModal() == wxID_OK) {
    set_code_description(s.project(), id, utf8(dlg.GetValue()));
  }
}

void merge(MainFrame& f) {
  auto& s = f.session();
  const auto& c = selected(s);
  Id source = c.id;
  auto subtree = code_subtree(s.project(), source);
  std::vector<Code> targets;
  for (const auto& other : s.codes().list) {
    if (std::find(subtree.begin(), subtree.end(), other.id) == subtree.end()) {
      targets.push_back(other);
    }
  }
  CodePicker dlg(&f, targets, "Merge Into",
                 wx("Merge " + c.path + " into (its codings and subcodes move there):"), false);
  if (dlg.ShowModal() != wxID_OK || !dlg.chosen_code()) {
    return;
  }
  Id target = *dlg.chosen_code();
  merge_codes(s.project(), source, target);
  s.select_code(target);
}

/// Moves the selected code under another (or to the top level), picked by
/// typing: what dragging it in the Codebook does, for the keyboard.
void move(MainFrame& f) {
  auto& s = f.session();
  const auto& c = selected(s);
  Id id = c.id;
  auto parent = c.parent_id;
  auto subtree = code_subtree(s.project(), id);
  std::vector<Code> targets;
  if (parent) {
    Code top;
    top.id = 0; // no code has id 0: the top level
    top.path = "(top level)";
    targets.push_back(top);
  }
  for (const auto& other : s.codes().list) {
    if (other.id != parent &&
        std::find(subtree.begin(), subtree.end(), other.id) == subtree.end()) {
      targets.push_back(other);
    }
  }
  if (targets.empty()) {
    throw InputError("there is no other code to move " + c.path + " under");
  }
  CodePicker dlg(&f, targets, "Move To",
                 wx("Move " + c.path + " under (its codings and subcodes go with it):"), false);
  if (dlg.ShowModal() != wxID_OK || !dlg.chosen_code()) {
    return;
  }
  Id target = *dlg.chosen_code();
  move_code(s.project(), id, target == 0 ? std::nullopt : std::optional<Id>(target));
  s.select_code(id);
}

void remove(MainFrame& f) {
  auto& s = f.session();
  const auto& c = selected(s);
  Id id = c.id;
  auto subtree = code_subtree(s.project(), id);
  std::int64_t codings = 0;
  for (const auto& cc : code_counts(s.project())) {
    if (std::find(subtree.begin(), subtree.end(), cc.code_id) != subtree.end()) {
      codings += cc.codings;
    }
  }
  bool force = false;
  if (subtree.size() > 1 || codings > 0) {
    wxString what = wx("Delete the code " + c.path);
    if (subtree.size() > 1) {
      what += wxString::Format(", its %zu subcode%s", subtree.size() - 1,
                               subtree.size() == 2 ? "" : "s");
    }
    if (codings > 0) {
      what += wxString::Format(" and %lld coding%s", static_cast<long long>(codings),
                               codings == 1 ? "" : "s");
    }
    if (!ask_delete(
            &f, what + "?\n\nNo other code or coding is touched, and Edit > Undo brings them back.",
            "Delete Code")) {
      return;
    }
    force = true;
  }
  DeleteCodeReport report;
  if (!unless_copy_refused(&f, s.project(),
                           [&] { report = delete_code(s.project(), id, force); })) {
    return;
  }
  s.select_code(std::nullopt);
  f.SetStatusText(wxString::Format("Deleted %d code%s and %d coding%s", report.codes,
                                   report.codes == 1 ? "" : "s", report.codings,
                                   report.codings == 1 ? "" : "s"));
}

} // namespace

void add_codes_commands(MainFrame& f) {
  auto& r = f.commands();
  auto& s = f.session();
  auto is_open = [&s] { return s.is_open(); };
  auto has_code = [&s] { return s.is_open() && s.selected_code().has_value(); };
  r.add({.name = "codes/new",
         .label = L"&New Code…",
         .help = "Add a code to the codebook",
         .shortcut = "Ctrl+Shift+N",
         .art = wxART_NEW_DIR,
         .run = [&f] { new_code(f, false); },
         .enabled = is_open});
  r.add({.name = "codes/new-child",
         .label = L"New C&hild Code…",
         .help = "Add a code under the selected code",
         .run = [&f] { new_code(f, true); },
         .enabled = has_code});
  r.add({.name = "codes/rename",
         .label = "Re&name Code",
         .help = "Rename the selected code in place",
         .scope = "Codebook: F2",
         .run = [&f] { f.codebook().edit_label(selected(f.session()).id); },
         .enabled = has_code});
  r.add({.name = "codes/recolour",
         .label = L"&Colour…",
         .help = "Choose the selected code's colour",
         .run = [&f] { recolour(f); },
         .enabled = has_code});
  r.add({.name = "codes/describe",
         .label = L"&Describe…",
         .help = "Write what the selected code means",
         .run = [&f] { describe(f); },
         .enabled = has_code});
  r.add({.name = "codes/move",
         .label = L"Mo&ve To…",
         .help = "Move the selected code under another code, or to the top level",
         .run = [&f] { move(f); },
         .enabled = has_code});
  r.add({.name = "codes/merge",
         .label = L"&Merge Into…",
         .help = "Merge the selected code into another code",
         .run = [&f] { merge(f); },
         .enabled = has_code});
  r.add({.name = "codes/delete",
         .label = L"De&lete Code…",
         .help = "Delete the selected code (undoable)",
         .scope = "Codebook: Delete",
         .run = [&f] { remove(f); },
         .enabled = has_code});
  r.add({.name = "codes/coders",
         .label = L"C&oders…",
         .help = "Whose codings to show, and the name you code as",
         .run = [&f] { edit_coders(f); },
         .enabled = is_open});
}

} // namespace quire::gui
