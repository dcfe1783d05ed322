// code/...: code the selected text (Code as…, with the selected code, with a
// recent code on keys 1-9), uncode, and memos on codings.
#include <wx/choicdlg.h>
#include <wx/textdlg.h>

#include "code_picker.h"
#include "commands.h"
#include "main_frame.h"
#include "quire/base/error.h"
#include "quire/model/codebook.h"
#include "quire/model/coding.h"
#include "quire/model/memos.h"
#include "wx_text.h"

namespace quire::gui {

namespace {

TextSelection require_selection(Session& s) {
  auto sel = s.text_selection();
  if (sel.empty()) {
    throw InputError("select some text first (drag over it in the document), then code it");
  }
  return sel;
}

/// Codes the selected text with a code, or with a new code at new_path (made
/// in the same step), as one undoable action.
void code_selection(MainFrame& f, std::optional<Id> code, const std::string& new_path = {}) {
  auto& s = f.session();
  auto sel = require_selection(s);
  auto res = code ? code_range(s.project(), sel.document, sel.start, sel.end, *code)
                  : code_range_creating(s.project(), sel.document, sel.start, sel.end, new_path);
  code = get_coding(s.project(), res.coding_id).code_id;
  s.note_code_used(*code);
  const auto* c = s.codes().find(*code);
  f.SetStatusText(wxString::Format(
      "Coded %lld characters as %s%s", static_cast<long long>(sel.end - sel.start),
      wx(c ? c->path : "?"), res.merged ? wxString::Format(" (merged with %d)", res.merged) : ""));
}

void code_as(MainFrame& f) {
  auto& s = f.session();
  require_selection(s);
  CodePicker dlg(&f, s.codes().list, "Code as",
                 "Code the selected text as (type to filter):", true);
  if (dlg.ShowModal() != wxID_OK) {
    return;
  }
  code_selection(f, dlg.chosen_code(), dlg.new_path());
}

/// Lets the user pick one coding when several apply.
std::optional<PointedCoding> pick_coding(MainFrame& f, const std::vector<PointedCoding>& list,
                                         const wxString& what) {
  if (list.empty()) {
    throw InputError("there is no coding here: click a coding stripe or select coded text first");
  }
  if (list.size() == 1) {
    return list[0];
  }
  wxArrayString names;
  for (const auto& l : list) {
    names.Add(wxString::Format("%s (%s)", wx(l.path), wx(l.coding.coder)));
  }
  wxSingleChoiceDialog dlg(&f, what, "Which coding?", names);
  if (dlg.ShowModal() != wxID_OK) {
    return std::nullopt;
  }
  return list[static_cast<std::size_t>(dlg.GetSelection())];
}

void uncode(MainFrame& f) {
  auto& s = f.session();
  auto sel = s.text_selection();
  auto list = s.codings_at_selection();
  if (s.selected_coding() && list.size() == 1 && list[0].coding.id == *s.selected_coding()) {
    delete_coding(s.project(), list[0].coding.id); // the clicked coding, whole
    s.select_coding(std::nullopt);
    return;
  }
  if (auto code = s.selected_code(); code && !sel.empty()) {
    for (const auto& l : list) {
      if (l.coding.code_id == *code) {
        uncode_range(s.project(), sel.document, sel.start, sel.end, *code);
        return;
      }
    }
  }
  auto l = pick_coding(f, list, "Remove which code from the selection?");
  if (!l) {
    return;
  }
  if (sel.empty()) {
    delete_coding(s.project(), l->coding.id);
  } else {
    uncode_range(s.project(), sel.document, sel.start, sel.end, l->coding.code_id, true);
  }
}

void memo_on_coding(MainFrame& f) {
  auto& s = f.session();
  auto l = pick_coding(f, s.codings_at_selection(), "Write a memo on which coding?");
  if (!l) {
    return;
  }
  Id coding = l->coding.id;
  auto memos = list_memos(s.project(), MemoTarget::Coding, coding);
  wxTextEntryDialog dlg(&f, wx("Memo on the coding " + l->path + ":"), "Memo on a coding",
                        memos.empty() ? wxString() : wx(memos[0].text),
                        wxOK | wxCANCEL | wxTE_MULTILINE);
  dlg.SetSize(wxSize(520, 320));
  if (dlg.ShowModal() != wxID_OK) {
    return;
  }
  auto text = utf8(dlg.GetValue());
  if (memos.empty()) {
    if (!text.empty()) {
      add_memo(s.project(), MemoTarget::Coding, coding, text);
    }
  } else if (text.empty()) {
    delete_memo(s.project(), memos[0].id);
  } else if (text != memos[0].text) {
    edit_memo(s.project(), memos[0].id, text);
  }
}

} // namespace

void add_code_commands(MainFrame& f) {
  auto& r = f.commands();
  auto& s = f.session();
  auto is_open = [&s] { return s.is_open(); };
  r.add({.name = "code/code-as",
         .label = L"Code &As…",
         .help = "Code the selected text: type to find a code, or a new path",
         .shortcut = "Ctrl+K",
         .art = wxART_TICK_MARK,
         .run = [&f] { code_as(f); },
         .enabled = is_open});
  r.add({.name = "code/with-selected",
         .label = "Code with &Selected Code",
         .help = "Code the selected text with the code selected in the codebook",
         .shortcut = "Ctrl+Return",
         .run =
             [&f, &s] {
               if (!s.selected_code()) {
                 throw InputError("select a code in the codebook first");
               }
               code_selection(f, *s.selected_code());
             },
         .enabled = [&s] { return s.is_open() && s.selected_code().has_value(); }});
  r.add({.name = "code/uncode",
         .label = "&Uncode",
         .help = "Remove a code from the selected text (or delete the clicked coding)",
         .shortcut = "Ctrl+Shift+K",
         .run = [&f] { uncode(f); },
         .enabled = is_open});
  r.add({.name = "code/memo-coding",
         .label = L"&Memo on Coding…",
         .help = "Write a memo on the selected coding",
         .shortcut = "Ctrl+M",
         .run = [&f] { memo_on_coding(f); },
         .enabled = is_open});
  for (int i = 1; i <= 9; ++i) {
    auto slot = static_cast<std::size_t>(i - 1);
    r.add({.name = "code/recent-" + std::to_string(i),
           .label = wxString::Format("&%d (no code yet)", i),
           .help = "Code the selection with this recently used code",
           .scope = wxString::Format("Document view: %d", i),
           .run =
               [&f, &s, slot] {
                 if (auto code = s.recent_codes()[slot]) {
                   code_selection(f, *code);
                 }
               },
           .enabled = [&s, slot] { return s.is_open() && s.recent_codes()[slot].has_value(); },
           .dynamic_label =
               [&s, i, slot] {
                 auto code = s.recent_codes()[slot];
                 const auto* c = code ? s.codes().find(*code) : nullptr;
                 return c ? wxString::Format("&%d  %s", i, wx(c->path)) : wxString();
               }});
  }
}

} // namespace quire::gui
