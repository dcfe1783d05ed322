#include "coders_dialog.h"

#include <wx/checklst.h>
#include <wx/combobox.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "main_frame.h"
#include "preferences_dialog.h"
#include "wx_text.h"

namespace quire::gui {

CodersDialog::CodersDialog(wxWindow* parent, std::vector<CoderSummary> coders,
                           const std::string& current)
    : wxDialog(parent, wxID_ANY, "Coders"), m_coders(std::move(coders)) {
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  sizer->Add(new wxStaticText(this, wxID_ANY,
                              "Show the codings of the coders ticked (in the document view, "
                              "the survey grid and the lists):"),
             0, wxALL, 8);
  m_list = new wxCheckListBox(this, wxID_ANY, wxDefaultPosition, wxSize(460, 160));
  wxArrayString names;
  for (const auto& c : m_coders) {
    auto label =
        wxString::Format(L"%s — %lld codings in %lld documents", wx(c.name),
                         static_cast<long long>(c.codings), static_cast<long long>(c.documents));
    if (c.current) {
      label += "  (you)";
    }
    int at = m_list->Append(label);
    m_list->Check(static_cast<unsigned>(at), c.shown);
    names.Add(wx(c.name));
  }
  sizer->Add(m_list, 1, wxEXPAND | wxLEFT | wxRIGHT, 8);
  auto* row = new wxBoxSizer(wxHORIZONTAL);
  row->Add(new wxStaticText(this, wxID_ANY, "Code as:"), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
  m_current =
      new wxComboBox(this, wxID_ANY, wx(current), wxDefaultPosition, wxSize(220, -1), names);
  m_current->SetToolTip("New codings carry this name; type a new one to start coding as "
                        "another coder");
  row->Add(m_current, 1);
  sizer->Add(row, 0, wxEXPAND | wxALL, 8);
  sizer->Add(CreateStdDialogButtonSizer(wxOK | wxCANCEL), 0, wxEXPAND | wxALL, 8);
  SetSizerAndFit(sizer);
}

std::vector<std::string> CodersDialog::shown() const {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < m_coders.size(); ++i) {
    if (m_list->IsChecked(static_cast<unsigned>(i))) {
      out.push_back(m_coders[i].name);
    }
  }
  return out.size() == m_coders.size() ? std::vector<std::string>{} : out;
}

std::string CodersDialog::current() const {
  return utf8(m_current->GetValue().Strip(wxString::both));
}

void edit_coders(MainFrame& f) {
  auto& s = f.session();
  auto& p = s.project();
  CodersDialog dlg(&f, coder_summaries(p), p.coder());
  if (dlg.ShowModal() != wxID_OK) {
    return;
  }
  if (dlg.shown() != shown_coders(p)) {
    set_shown_coders(p, dlg.shown());
  }
  if (!dlg.current().empty() && dlg.current() != p.coder()) {
    auto prefs = load_preferences();
    prefs.coder = dlg.current();
    save_preferences(prefs);
    apply_preferences(f, prefs);
  }
  f.refresh_title();
}

} // namespace quire::gui
