#include "code_picker.h"

#include <algorithm>

#include <wx/button.h>
#include <wx/listbox.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "quire/base/text.h"
#include "wx_text.h"

namespace quire::gui {

CodePicker::CodePicker(wxWindow* parent, std::vector<Code> codes, const wxString& title,
                       const wxString& prompt, bool allow_new)
    : wxDialog(parent, wxID_ANY, title, wxDefaultPosition, wxSize(460, 420),
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      m_codes(std::move(codes)), m_allow_new(allow_new) {
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  sizer->Add(new wxStaticText(this, wxID_ANY, prompt), 0, wxALL, 8);
  m_input =
      new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, wxTE_PROCESS_ENTER);
  sizer->Add(m_input, 0, wxEXPAND | wxLEFT | wxRIGHT, 8);
  m_list = new wxListBox(this, wxID_ANY);
  sizer->Add(m_list, 1, wxEXPAND | wxALL, 8);
  m_hint = new wxStaticText(this, wxID_ANY, "");
  m_hint->SetForegroundColour(wxColour(100, 100, 110));
  sizer->Add(m_hint, 0, wxLEFT | wxRIGHT, 8);
  sizer->Add(CreateButtonSizer(wxOK | wxCANCEL), 0, wxEXPAND | wxALL, 8);
  SetSizer(sizer);

  m_input->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { refilter(); });
  m_input->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { accept(); });
  m_input->Bind(wxEVT_KEY_DOWN, [this](wxKeyEvent& e) {
    int n = static_cast<int>(m_list->GetCount());
    int sel = m_list->GetSelection();
    if (e.GetKeyCode() == WXK_DOWN && n > 0) {
      m_list->SetSelection(std::min(sel + 1, n - 1));
    } else if (e.GetKeyCode() == WXK_UP && n > 0) {
      m_list->SetSelection(std::max(sel - 1, 0));
    } else {
      e.Skip();
    }
  });
  m_list->Bind(wxEVT_LISTBOX_DCLICK, [this](wxCommandEvent&) { accept(); });
  Bind(
      wxEVT_BUTTON, [this](wxCommandEvent&) { accept(); }, wxID_OK);
  refilter();
  m_input->SetFocus();
}

void CodePicker::refilter() {
  auto typed = utf8(m_input->GetValue());
  auto needle = fold_case(typed);
  m_list->Clear();
  m_shown.clear();
  // Paths whose segment starts with the text come first, then any that contain it.
  std::vector<std::pair<int, std::size_t>> hits;
  bool exact = false;
  for (std::size_t i = 0; i < m_codes.size(); ++i) {
    auto path = fold_case(m_codes[i].path);
    auto at = path.find(needle);
    if (needle.empty() || at != std::string::npos) {
      bool segment_start = at == 0 || (at != std::string::npos && path[at - 1] == '/');
      hits.emplace_back(needle.empty() || segment_start ? 0 : 1, i);
      exact = exact || path == needle;
    }
  }
  std::stable_sort(hits.begin(), hits.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  if (m_allow_new && !typed.empty() && !exact) {
    m_list->Append(wxString::Format("New code: %s", wx(typed)));
    m_shown.push_back(std::nullopt);
  }
  for (auto [rank, i] : hits) {
    m_list->Append(wx(m_codes[i].path));
    m_shown.push_back(i);
  }
  // Highlight the best existing match; "New code" only when nothing matches.
  int first = (!m_shown.empty() && !m_shown[0] && m_shown.size() > 1) ? 1 : 0;
  if (!m_shown.empty()) {
    m_list->SetSelection(first);
  }
  if (m_allow_new) {
    m_hint->SetLabel(typed.empty() ? L"Type part of a code's path; a new path makes a new code"
                                   : L"Enter: use the highlighted code (↑↓ to choose)");
  } else {
    m_hint->SetLabel(L"Enter: use the highlighted code (↑↓ to choose)");
  }
}

void CodePicker::accept() {
  if (m_list->GetSelection() == wxNOT_FOUND) {
    return; // nothing to choose: stay open
  }
  if (IsModal()) {
    EndModal(wxID_OK);
  } else {
    SetReturnCode(wxID_OK); // driven without a modal loop (tests' dialog hook)
  }
}

std::optional<Id> CodePicker::chosen_code() const {
  int sel = m_list->GetSelection();
  if (sel == wxNOT_FOUND || !m_shown[static_cast<std::size_t>(sel)]) {
    return std::nullopt;
  }
  return m_codes[*m_shown[static_cast<std::size_t>(sel)]].id;
}

std::string CodePicker::new_path() const {
  return utf8(m_input->GetValue());
}

} // namespace quire::gui
