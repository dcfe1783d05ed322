// cases/...: the Cases page (its buttons and menus run these), and making
// cases of the documents selected in Sources, of speakers, of selected text.
// Every command is one core operation (core/include/quire/model/case_edits.h,
// cases.h), so one undo step.
#include <algorithm>

#include <wx/choicdlg.h>
#include <wx/msgdlg.h>
#include <wx/textdlg.h>

#include "cases_page.h"
#include "command.h"
#include "commands.h"
#include "main_frame.h"
#include "quire/base/error.h"
#include "quire/base/natural_order.h"
#include "quire/model/case_edits.h"
#include "quire/model/cases.h"
#include "quire/model/documents.h"
#include "quire/store/history.h"
#include "sources_pane.h"
#include "wx_text.h"

namespace quire::gui {

namespace {

Case current_case(MainFrame& f) {
  auto c = f.cases().current_case();
  if (!c) {
    throw InputError("select a case on the Cases page first");
  }
  return *c;
}

Attribute current_attribute(MainFrame& f) {
  auto a = f.cases().current_attribute();
  if (!a) {
    throw InputError("select a cell of an attribute's column on the Cases page first");
  }
  return *a;
}

const wxArrayString& type_names() {
  static const wxArrayString names = [] {
    wxArrayString n;
    n.Add("Text");
    n.Add("Number");
    n.Add("Date");
    return n;
  }();
  return names;
}

AttrType type_at(int i) {
  return i == 1 ? AttrType::Number : i == 2 ? AttrType::Date : AttrType::Text;
}

/// Other cases' names, in natural order, for a choice.
wxArrayString other_cases(Project& p, Id except, std::vector<Case>& out) {
  out.clear();
  for (auto& c : list_cases(p)) {
    if (c.id != except) {
      out.push_back(c);
    }
  }
  std::sort(out.begin(), out.end(),
            [](const Case& a, const Case& b) { return natural_less(a.name, b.name); });
  wxArrayString names;
  for (auto& c : out) {
    names.Add(wx(c.name));
  }
  return names;
}

/// Shows the Cases page, reloaded, with case id current (made or chosen).
void show_case(MainFrame& f, Id id) {
  f.show_cases();
  f.cases().reload();
  f.cases().focus_case(id);
}

void add_case_cmd(MainFrame& f) {
  wxTextEntryDialog dlg(&f, "Name of the new case (a person, a site):", "New Case");
  if (dlg.ShowModal() != wxID_OK) {
    return;
  }
  auto& p = f.session().project();
  show_case(f, add_case(p, utf8(dlg.GetValue())));
}

void rename_case_cmd(MainFrame& f) {
  auto c = current_case(f);
  wxTextEntryDialog dlg(&f, "New name of the case:", "Rename Case", wx(c.name));
  if (dlg.ShowModal() == wxID_OK && utf8(dlg.GetValue()) != c.name) {
    rename_case(f.session().project(), c.id, utf8(dlg.GetValue()));
  }
}

void merge_case_cmd(MainFrame& f) {
  auto c = current_case(f);
  auto& p = f.session().project();
  std::vector<Case> others;
  auto names = other_cases(p, c.id, others);
  if (others.empty()) {
    throw InputError("there is no other case to merge '" + c.name + "' into");
  }
  wxSingleChoiceDialog dlg(&f,
                           wx("Merge the case " + c.name +
                              " into the case (its documents, passages, memos and the values "
                              "that case lacks move there):"),
                           "Merge Case", names);
  if (dlg.ShowModal() == wxID_OK && dlg.GetSelection() >= 0) {
    auto into = others[static_cast<std::size_t>(dlg.GetSelection())];
    merge_cases(p, c.id, into.id);
    f.cases().reload();
    f.cases().focus_case(into.id);
  }
}

void delete_cases_cmd(MainFrame& f) {
  auto cases = f.cases().selected_cases();
  if (cases.empty()) {
    throw InputError("select a case on the Cases page first");
  }
  wxString what = cases.size() == 1 ? wx("the case " + cases[0].name)
                                    : wxString::Format("%zu cases", cases.size());
  if (!ask_delete(&f,
                  "Delete " + what +
                      " with their values? Their documents and passages stay, unlinked.\n\n"
                      "Edit > Undo brings them back.",
                  "Delete Cases")) {
    return;
  }
  auto& p = f.session().project();
  UserAction act(p, cases.size() == 1 ? "Delete case '" + cases[0].name + "'"
                                      : "Delete " + std::to_string(cases.size()) + " cases");
  for (const auto& c : cases) {
    delete_case(p, c.id);
  }
  act.commit();
}

void add_attribute_cmd(MainFrame& f) {
  wxTextEntryDialog name(
      &f, "Name of the new attribute (a column of the Cases page):", "New Attribute");
  if (name.ShowModal() != wxID_OK) {
    return;
  }
  wxSingleChoiceDialog type(
      &f, "What the attribute " + name.GetValue() + " holds:", "New Attribute: Type", type_names());
  type.SetSelection(0);
  if (type.ShowModal() != wxID_OK) {
    return;
  }
  auto& p = f.session().project();
  auto n = utf8(name.GetValue());
  for (const auto& a : list_attributes(p)) {
    if (a.name == n) {
      throw InputError("attribute '" + n + "' already exists");
    }
  }
  Id id = add_attribute(p, n, type_at(type.GetSelection()));
  f.show_cases();
  f.cases().reload();
  if (auto c = f.cases().current_case()) {
    f.cases().focus_case(c->id, id);
  } else if (f.cases().model().row_count() > 0) {
    f.cases().focus_case(f.cases().model().row(0).c.id, id);
  }
}

void rename_attribute_cmd(MainFrame& f) {
  auto a = current_attribute(f);
  wxTextEntryDialog dlg(&f, "New name of the attribute:", "Rename Attribute", wx(a.name));
  if (dlg.ShowModal() == wxID_OK) {
    rename_attribute(f.session().project(), a.id, utf8(dlg.GetValue()));
  }
}

void retype_attribute_cmd(MainFrame& f) {
  auto a = current_attribute(f);
  wxSingleChoiceDialog dlg(&f,
                           wx("What the attribute " + a.name +
                              " holds (every value is converted; if one does not convert, "
                              "nothing changes and you are told which case has it):"),
                           "Change Attribute Type", type_names());
  dlg.SetSelection(a.type == AttrType::Number ? 1 : a.type == AttrType::Date ? 2 : 0);
  if (dlg.ShowModal() == wxID_OK) {
    retype_attribute(f.session().project(), a.id, type_at(dlg.GetSelection()));
  }
}

void delete_attribute_cmd(MainFrame& f) {
  auto a = current_attribute(f);
  if (ask_delete(&f,
                 wx("Delete the attribute " + a.name +
                    " with every case's value of it?\n\nEdit > Undo brings it back."),
                 "Delete Attribute")) {
    delete_attribute(f.session().project(), a.id);
  }
}

void clear_values_cmd(MainFrame& f) {
  auto& page = f.cases();
  auto& grid = page.grid();
  // The selected cells of attribute columns, else the cursor's cell.
  std::vector<std::pair<Id, Attribute>> cells;
  const auto& m = page.model();
  for (int row = 0; grid.IsSelection() && row < grid.GetNumberRows(); ++row) {
    for (int col = 0; col < grid.GetNumberCols(); ++col) {
      const auto* a = m.attribute(static_cast<std::size_t>(col));
      if (a && grid.IsInSelection(row, col) &&
          !m.missing(static_cast<std::size_t>(row), static_cast<std::size_t>(col))) {
        cells.emplace_back(m.row(static_cast<std::size_t>(row)).c.id, *a);
      }
    }
  }
  if (cells.empty()) {
    auto c = current_case(f);
    auto a = current_attribute(f);
    cells.emplace_back(c.id, a);
  }
  auto& p = f.session().project();
  UserAction act(p, cells.size() == 1 ? "Clear " + cells[0].second.name + " of case '" +
                                            get_case(p, cells[0].first).name + "'"
                                      : "Clear " + std::to_string(cells.size()) + " values");
  for (const auto& [c, a] : cells) {
    set_attribute(p, c, a.name, Value::none());
  }
  act.commit();
}

void from_documents_cmd(MainFrame& f) {
  auto docs = f.sources().selected_documents();
  if (docs.empty()) {
    throw InputError("select documents in Sources first (Ctrl+click or Shift+click to select "
                     "several)");
  }
  show_case(f, make_document_cases(f.session().project(), docs).front());
}

void from_speakers_cmd(MainFrame& f) {
  auto made = make_speaker_cases(f.session().project(), f.sources().selected_documents());
  show_case(f, made.begin()->second);
}

void link_selection_cmd(MainFrame& f) {
  auto sel = f.session().text_selection();
  if (sel.document == 0) {
    throw InputError("select text in a document first: its passages are linked to the case");
  }
  auto& p = f.session().project();
  std::vector<Case> cases;
  auto names = other_cases(p, 0, cases);
  if (cases.empty()) {
    throw InputError("there is no case yet: make one on the Cases page first");
  }
  wxSingleChoiceDialog dlg(
      &f, "Link the passages at the selected text to the case:", "Link to Case", names);
  if (dlg.ShowModal() == wxID_OK && dlg.GetSelection() >= 0) {
    link_passages(p, sel.document, sel.start, sel.end,
                  cases[static_cast<std::size_t>(dlg.GetSelection())].id);
  }
}

} // namespace

void add_cases_commands(MainFrame& f) {
  auto& r = f.commands();
  auto& s = f.session();
  auto is_open = [&s] { return s.is_open(); };
  auto run = [&f](void (*cmd)(MainFrame&)) { return [&f, cmd] { cmd(f); }; };
  r.add({.name = "cases/show",
         .label = "Cases &Page",
         .help = "Show the Cases page: cases and their attributes",
         .run = [&f] { f.show_cases(); },
         .enabled = is_open});
  r.add({.name = "cases/add",
         .label = L"&New Case…",
         .help = "Add a case (a person, a site)",
         .run = run(add_case_cmd),
         .enabled = is_open});
  r.add({.name = "cases/rename",
         .label = L"&Rename Case…",
         .help = "Rename the selected case",
         .run = run(rename_case_cmd),
         .enabled = is_open});
  r.add({.name = "cases/merge",
         .label = L"&Merge Case Into…",
         .help = "Merge the selected case into another case",
         .run = run(merge_case_cmd),
         .enabled = is_open});
  r.add({.name = "cases/delete",
         .label = L"Delete Cas&es…",
         .help = "Delete the selected cases (their documents stay, unlinked)",
         .run = run(delete_cases_cmd),
         .enabled = is_open});
  r.add({.name = "cases/add-attribute",
         .label = L"New &Attribute…",
         .help = "Add an attribute (a column of text, numbers or dates)",
         .run = run(add_attribute_cmd),
         .enabled = is_open});
  r.add({.name = "cases/rename-attribute",
         .label = L"Rename Attri&bute…",
         .help = "Rename the attribute of the selected column",
         .run = run(rename_attribute_cmd),
         .enabled = is_open});
  r.add({.name = "cases/retype-attribute",
         .label = L"Change Attribute &Type…",
         .help = "Make the selected column's attribute hold text, numbers or dates",
         .run = run(retype_attribute_cmd),
         .enabled = is_open});
  r.add({.name = "cases/delete-attribute",
         .label = L"Delete Attr&ibute…",
         .help = "Delete the attribute of the selected column with its values",
         .run = run(delete_attribute_cmd),
         .enabled = is_open});
  r.add({.name = "cases/clear-value",
         .label = "Clear &Value (Missing)",
         .help = "Clear the selected values: they become missing (not empty text)",
         .scope = "Cases page (Delete)",
         .run = run(clear_values_cmd),
         .enabled = is_open});
  r.add({.name = "cases/from-documents",
         .label = "Make a Case of Each Selected &Document",
         .help = "Make a case of each document selected in Sources, named as it, and link them",
         .run = run(from_documents_cmd),
         .enabled = is_open});
  r.add({.name = "cases/from-speakers",
         .label = "Make a Case of Each &Speaker",
         .help = "Make a case of each speaker of the selected transcripts (or of all) and link "
                 "their turns to it",
         .run = run(from_speakers_cmd),
         .enabled = is_open});
  r.add({.name = "cases/link-selection",
         .label = L"&Link Selected Text to Case…",
         .help = "Link the passages at the selected text to a case",
         .run = run(link_selection_cmd),
         .enabled = is_open});
}

} // namespace quire::gui
