#include "memos_pane.h"

#include <wx/button.h>
#include <wx/choicdlg.h>
#include <wx/choice.h>
#include <wx/listctrl.h>
#include <wx/menu.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "main_frame.h"
#include "quire/base/error.h"
#include "quire/model/cases.h"
#include "quire/model/coding.h"
#include "quire/model/documents.h"
#include "quire/model/memos.h"
#include "wx_text.h"

namespace quire::gui {

namespace {

const MemoTarget filter_targets[] = {MemoTarget::Project, MemoTarget::Document, MemoTarget::Code,
                                     MemoTarget::Coding, MemoTarget::Case};

std::string first_line(const std::string& text) {
  auto nl = text.find('\n');
  auto line = text.substr(0, nl);
  if (line.size() > 80) {
    std::size_t cut = 80;
    while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80)
      --cut; // not inside a character
    line.resize(cut);
    line.append("…"); // (append, not operator+: GCC 12 warns falsely on the latter)
  }
  return line;
}

enum { ID_ON_PROJECT = wxID_HIGHEST + 1, ID_ON_DOCUMENT, ID_ON_CODE, ID_ON_CODING, ID_ON_CASE };

} // namespace

MemosPane::MemosPane(wxWindow* parent, MainFrame& frame)
    : wxPanel(parent), m_frame(frame), m_autosave(this), m_reload(this, [this] { reload(); }) {
  auto* sizer = new wxBoxSizer(wxHORIZONTAL);
  auto* left = new wxBoxSizer(wxVERTICAL);
  auto* bar = new wxBoxSizer(wxHORIZONTAL);
  m_filter = new wxChoice(this, wxID_ANY);
  m_filter->Append("All memos");
  for (const char* label :
       {"On the project", "On documents", "On codes", "On codings", "On cases"}) {
    m_filter->Append(label);
  }
  m_filter->SetSelection(0);
  auto* add_btn = command_button(this, frame.commands(), "memos/new", L"New memo…", wxBU_EXACTFIT);
  auto* del_btn = command_button(this, frame.commands(), "memos/delete", "Delete", wxBU_EXACTFIT);
  bar->Add(m_filter, 1, wxRIGHT, 4);
  bar->Add(add_btn, 0, wxRIGHT, 4);
  bar->Add(del_btn, 0);
  left->Add(bar, 0, wxEXPAND | wxALL, 4);
  m_list = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                          wxLC_REPORT | wxLC_SINGLE_SEL | wxBORDER_NONE);
  m_list->SetName("quire-memos-list"); // the journeys read its rows
  m_list->AppendColumn("On", wxLIST_FORMAT_LEFT, 150);
  m_list->AppendColumn("Memo", wxLIST_FORMAT_LEFT, 200);
  m_list->AppendColumn("Updated", wxLIST_FORMAT_LEFT, 90);
  left->Add(m_list, 1, wxEXPAND);
  sizer->Add(left, 1, wxEXPAND);

  auto* right = new wxBoxSizer(wxVERTICAL);
  m_about = new wxStaticText(this, wxID_ANY, "Select or add a memo");
  m_about->SetForegroundColour(wxColour(100, 100, 110));
  right->Add(m_about, 0, wxALL, 4);
  m_editor = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxDefaultSize,
                            wxTE_MULTILINE | wxTE_RICH2 | wxBORDER_THEME);
  m_editor->Disable();
  right->Add(m_editor, 1, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 4);
  sizer->Add(right, 1, wxEXPAND);
  SetSizer(sizer);

  m_filter->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { reload(); });
  m_list->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent& e) {
    auto i = static_cast<std::size_t>(e.GetIndex());
    if (!m_loading && i < m_memos.size()) {
      open(m_memos[i].id);
    }
  });
  m_editor->Bind(wxEVT_TEXT, [this](wxCommandEvent&) {
    if (!m_loading) {
      m_autosave.StartOnce(1500);
    }
  });
  m_editor->Bind(wxEVT_KILL_FOCUS, [this](wxFocusEvent& e) {
    store();
    e.Skip();
  });
  Bind(wxEVT_TIMER, [this](wxTimerEvent&) { store(); });
  Bind(
      wxEVT_MENU,
      [this](wxCommandEvent& e) {
        auto& s = m_frame.session();
        switch (e.GetId()) {
        case ID_ON_PROJECT: add(MemoTarget::Project, std::nullopt); break;
        case ID_ON_DOCUMENT: add(MemoTarget::Document, s.current_document()); break;
        case ID_ON_CODE: add(MemoTarget::Code, s.selected_code()); break;
        case ID_ON_CODING: add(MemoTarget::Coding, s.selected_coding()); break;
        case ID_ON_CASE: {
          auto cases = list_cases(s.project());
          wxArrayString names;
          for (const auto& c : cases) {
            names.Add(wx(c.name));
          }
          wxSingleChoiceDialog dlg(this, "Write a memo on which case?", "Memo on a case", names);
          if (!cases.empty() && dlg.ShowModal() == wxID_OK) {
            add(MemoTarget::Case, cases[static_cast<std::size_t>(dlg.GetSelection())].id);
          }
          break;
        }
        default: e.Skip();
        }
      },
      ID_ON_PROJECT, ID_ON_CASE);

  auto& s = frame.session();
  s.opened.connect([this] { reload(); });
  s.closed.connect([this] {
    m_autosave.Stop();
    m_open.reset();
    m_memos.clear();
    m_list->DeleteAllItems();
    m_loading = true;
    m_editor->Clear();
    m_editor->Disable();
    m_loading = false;
  });
  s.changed.connect([this](const ChangeSet& c) {
    if (c.everything || c.tables.count("memo") || c.tables.count("code") ||
        c.tables.count("coding") || c.tables.count("document") || c.tables.count("case_")) {
      m_reload.request();
    }
  });
}

void MemosPane::delete_open() {
  if (!m_open) {
    return;
  }
  Id id = *m_open;
  auto& p = m_frame.session().project();
  m_autosave.Stop();
  m_open.reset();
  delete_memo(p, id);
}

void MemosPane::choose_new() {
  auto& s = m_frame.session();
  wxMenu menu;
  menu.Append(ID_ON_PROJECT, "On the project");
  menu.Append(ID_ON_DOCUMENT, "On the open document")->Enable(s.current_document().has_value());
  menu.Append(ID_ON_CODE, "On the selected code")->Enable(s.selected_code().has_value());
  menu.Append(ID_ON_CODING, "On the selected coding")->Enable(s.selected_coding().has_value());
  menu.Append(ID_ON_CASE, L"On a case…");
  PopupMenu(&menu);
}

std::string MemosPane::target_label(const Memo& m) const {
  auto& s = m_frame.session();
  try {
    switch (m.target) {
    case MemoTarget::Project: return "Project";
    case MemoTarget::Document: return "Document " + get_document(s.project(), *m.target_id).name;
    case MemoTarget::Code: {
      const auto* c = s.codes().find(*m.target_id);
      return "Code " + (c ? c->path : std::string("?"));
    }
    case MemoTarget::Coding: {
      auto c = get_coding(s.project(), *m.target_id);
      const auto* code = s.codes().find(c.code_id);
      return "Coding " + (code ? code->path : std::string("?")) + " in " +
             get_document(s.project(), c.document_id).name;
    }
    case MemoTarget::Case: return "Case " + get_case(s.project(), *m.target_id).name;
    }
  } catch (const Error&) {
  }
  return to_string(m.target);
}

void MemosPane::reload() {
  auto& s = m_frame.session();
  std::optional<MemoTarget> target;
  if (int sel = m_filter->GetSelection(); sel > 0) {
    target = filter_targets[sel - 1];
  }
  m_memos = list_memos(s.project(), target);
  m_loading = true;
  m_list->Freeze();
  m_list->DeleteAllItems();
  bool open_listed = false;
  for (std::size_t i = 0; i < m_memos.size(); ++i) {
    const auto& m = m_memos[i];
    long row = m_list->InsertItem(static_cast<long>(i), wx(target_label(m)));
    m_list->SetItem(row, 1, wx(m.title.empty() ? first_line(m.text) : m.title));
    m_list->SetItem(row, 2, wx(m.updated_at.substr(0, 10)));
    if (m_open == m.id) {
      open_listed = true;
      m_list->SetItemState(row, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
      if (!m_autosave.IsRunning() && utf8(m_editor->GetValue()) != m.text) {
        m_editor->ChangeValue(wx(m.text)); // undo/redo changed it
      }
    }
  }
  m_list->Thaw();
  if (m_open && !open_listed) {
    m_open.reset();
    m_editor->ChangeValue("");
    m_editor->Disable();
    m_about->SetLabel("Select or add a memo");
  }
  m_loading = false;
}

void MemosPane::add(MemoTarget target, std::optional<Id> target_id, const std::string& text) {
  store();
  Id id = 0;
  if (!guarded([&] { id = add_memo(m_frame.session().project(), target, target_id, text); },
               [this](const wxString& m) { m_frame.show_error(m); })) {
    return;
  }
  if (m_filter->GetSelection() != 0) {
    m_filter->SetSelection(0);
    reload();
  }
  open(id);
  m_editor->SetFocus();
}

void MemosPane::open(Id memo) {
  if (m_open != memo) {
    store();
  }
  auto& s = m_frame.session();
  Memo m;
  if (!guarded([&] { m = get_memo(s.project(), memo); },
               [this](const wxString& e) { m_frame.show_error(e); })) {
    return;
  }
  m_open = memo;
  m_loading = true;
  m_editor->Enable();
  m_editor->ChangeValue(wx(m.text));
  m_about->SetLabel(wx(target_label(m) + " · by " + m.author + " · " + m.updated_at.substr(0, 16)));
  for (std::size_t i = 0; i < m_memos.size(); ++i) {
    if (m_memos[i].id == memo) {
      m_list->SetItemState(static_cast<long>(i), wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
    }
  }
  m_loading = false;
}

void MemosPane::store() {
  m_autosave.Stop();
  if (!m_open || !m_frame.session().is_open() || m_frame.session().busy()) {
    return;
  }
  auto text = utf8(m_editor->GetValue());
  Id id = *m_open;
  guarded(
      [&] {
        auto& p = m_frame.session().project();
        if (get_memo(p, id).text != text) {
          edit_memo(p, id, text);
        }
      },
      [this](const wxString& m) { m_frame.show_error(m); });
}

} // namespace quire::gui
