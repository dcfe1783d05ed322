// code/...: code the selected text (Code as…, with the selected code, with a
// recent code on keys 1-9), uncode, and memos on codings.
#include <wx/choicdlg.h>
#include <wx/textdlg.h>

#include "code_picker.h"
#include "coded_text.h"
#include "commands.h"
#include "core/codebook.h"
#include "core/coding.h"
#include "core/error.h"
#include "core/memos.h"
#include "main_frame.h"
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

/// The codings an action on the selection applies to: the selected coding,
/// else the codings overlapping the selection.
std::vector<const LaidCoding*> target_codings(MainFrame& f) {
  auto& s = f.session();
  auto* text = s.active_text();
  std::vector<const LaidCoding*> out;
  if (!text) {
    return out;
  }
  if (auto id = s.selected_coding()) {
    for (const auto& l : text->laid()) {
      if (l.coding.id == *id) {
        out.push_back(&l);
      }
    }
    if (!out.empty()) {
      return out;
    }
  }
  return text->codings_in_selection();
}

/// Lets the user pick one coding when several apply.
const LaidCoding* pick_coding(MainFrame& f, const std::vector<const LaidCoding*>& list,
                              const wxString& what) {
  if (list.empty()) {
    throw InputError("there is no coding here: click a coding stripe or select coded text first");
  }
  if (list.size() == 1) {
    return list[0];
  }
  wxArrayString names;
  for (const auto* l : list) {
    names.Add(wxString::Format("%s (%s)", wx(l->path), wx(l->coding.coder)));
  }
  wxSingleChoiceDialog dlg(&f, what, "Which coding?", names);
  if (dlg.ShowModal() != wxID_OK) {
    return nullptr;
  }
  return list[static_cast<std::size_t>(dlg.GetSelection())];
}

void uncode(MainFrame& f) {
  auto& s = f.session();
  auto sel = s.text_selection();
  auto list = target_codings(f);
  if (s.selected_coding() && list.size() == 1 && list[0]->coding.id == *s.selected_coding()) {
    delete_coding(s.project(), list[0]->coding.id); // the clicked coding, whole
    s.select_coding(std::nullopt);
    return;
  }
  if (auto code = s.selected_code(); code && !sel.empty()) {
    for (const auto* l : list) {
      if (l->coding.code_id == *code) {
        uncode_range(s.project(), sel.document, sel.start, sel.end, *code);
        return;
      }
    }
  }
  const auto* l = pick_coding(f, list, "Remove which code from the selection?");
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
  const auto* l = pick_coding(f, target_codings(f), "Write a memo on which coding?");
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

void add_coding_commands(MainFrame& f) {
  auto& r = f.commands();
  auto& s = f.session();
  auto is_open = [&s] { return s.is_open(); };
  r.add({"code/code-as",
         L"Code &As…",
         "Code the selected text: type to find a code, or a new path",
         "Ctrl+K",
         {},
         wxART_TICK_MARK,
         [&f] { code_as(f); },
         is_open});
  r.add({"code/with-selected",
         "Code with &Selected Code",
         "Code the selected text with the code selected in the codebook",
         "Ctrl+Return",
         {},
         {},
         [&f, &s] {
           if (!s.selected_code()) {
             throw InputError("select a code in the codebook first");
           }
           code_selection(f, *s.selected_code());
         },
         [&s] { return s.is_open() && s.selected_code().has_value(); }});
  r.add({"code/uncode",
         "&Uncode",
         "Remove a code from the selected text (or delete the clicked coding)",
         "Ctrl+Shift+K",
         {},
         {},
         [&f] { uncode(f); },
         is_open});
  r.add({"code/memo-coding",
         L"&Memo on Coding…",
         "Write a memo on the selected coding",
         "Ctrl+M",
         {},
         {},
         [&f] { memo_on_coding(f); },
         is_open});
  for (int i = 1; i <= 9; ++i) {
    auto slot = static_cast<std::size_t>(i - 1);
    r.add({"code/recent-" + std::to_string(i),
           wxString::Format("&%d (no code yet)", i),
           "Code the selection with this recently used code",
           "",
           wxString::Format("Document view: %d", i),
           {},
           [&f, &s, slot] {
             if (auto code = s.recent_codes()[slot]) {
               code_selection(f, *code);
             }
           },
           [&s, slot] { return s.is_open() && s.recent_codes()[slot].has_value(); },
           [&s, i, slot] {
             auto code = s.recent_codes()[slot];
             const auto* c = code ? s.codes().find(*code) : nullptr;
             return c ? wxString::Format("&%d  %s", i, wx(c->path)) : wxString();
           }});
  }
}

} // namespace quire::gui
