// codes/...: the codebook's own actions on the selected code. Each is one
// core call, so each is one undoable step.
#include <algorithm>

#include <wx/colordlg.h>
#include <wx/msgdlg.h>
#include <wx/textdlg.h>

#include "code_picker.h"
#include "codebook_pane.h"
#include "colours.h"
#include "commands.h"
#include "core/codebook.h"
#include "core/error.h"
#include "main_frame.h"
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
    wxMessageDialog ask(
        &f, what + "?\n\nNo other code or coding is touched, and Edit > Undo brings them back.",
        "Delete Code", wxYES_NO | wxNO_DEFAULT | wxICON_WARNING);
    ask.SetYesNoLabels("Delete", "Keep");
    if (ask.ShowModal() != wxID_YES) {
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

void add_codebook_commands(MainFrame& f) {
  auto& r = f.commands();
  auto& s = f.session();
  auto is_open = [&s] { return s.is_open(); };
  auto has_code = [&s] { return s.is_open() && s.selected_code().has_value(); };
  r.add({"codes/new",
         L"&New Code…",
         "Add a code to the codebook",
         "Ctrl+Shift+N",
         {},
         wxART_NEW_DIR,
         [&f] { new_code(f, false); },
         is_open});
  r.add({"codes/new-child",
         L"New C&hild Code…",
         "Add a code under the selected code",
         "",
         {},
         {},
         [&f] { new_code(f, true); },
         has_code});
  r.add({"codes/rename",
         "Re&name Code",
         "Rename the selected code in place",
         "",
         "Codebook: F2",
         {},
         [&f] { f.codebook().edit_label(selected(f.session()).id); },
         has_code});
  r.add({"codes/recolour",
         L"&Colour…",
         "Choose the selected code's colour",
         "",
         {},
         {},
         [&f] { recolour(f); },
         has_code});
  r.add({"codes/describe",
         L"&Describe…",
         "Write what the selected code means",
         "",
         {},
         {},
         [&f] { describe(f); },
         has_code});
  r.add({"codes/merge",
         L"&Merge Into…",
         "Merge the selected code into another code",
         "",
         {},
         {},
         [&f] { merge(f); },
         has_code});
  r.add({"codes/delete",
         L"De&lete Code…",
         "Delete the selected code (undoable)",
         "",
         "Codebook: Delete",
         {},
         [&f] { remove(f); },
         has_code});
}

} // namespace quire::gui
