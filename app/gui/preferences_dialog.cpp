#include "preferences_dialog.h"

#include <algorithm>

#include <wx/choice.h>
#include <wx/config.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "coded_text.h"
#include "document_view.h"
#include "main_frame.h"
#include "survey_pane.h"
#include "wx_text.h"

namespace quire::gui {

const std::vector<std::string>& search_languages() {
  static const std::vector<std::string> langs = {
      "none",    "arabic",     "armenian", "basque",    "catalan",    "danish",     "dutch",
      "english", "finnish",    "french",   "german",    "hungarian",  "indonesian", "irish",
      "italian", "lithuanian", "nepali",   "norwegian", "portuguese", "romanian",   "russian",
      "spanish", "swedish",    "tamil",    "turkish"};
  return langs;
}

Preferences load_preferences() {
  Preferences p;
  auto* cfg = wxConfigBase::Get();
  p.coder = utf8(cfg->Read("/Preferences/Coder", ""));
  p.font_size = static_cast<int>(cfg->ReadLong("/Preferences/FontSize", 11));
  p.font_size = std::clamp(p.font_size, 7, 32);
  return p;
}

void save_preferences(const Preferences& p) {
  auto* cfg = wxConfigBase::Get();
  cfg->Write("/Preferences/Coder", wx(p.coder));
  cfg->Write("/Preferences/FontSize", static_cast<long>(p.font_size));
  cfg->Flush();
}

void apply_preferences(MainFrame& f, const Preferences& p) {
  f.session().set_coder(p.coder);
  f.document_view().set_font_size(p.font_size);
  f.survey().answer_view().set_font_size(p.font_size);
}

void edit_preferences(MainFrame& f) {
  auto& s = f.session();
  std::string language = s.is_open() ? s.project().setting("language", "english") : "english";
  PreferencesDialog dlg(&f, load_preferences(), language, s.is_open());
  if (dlg.ShowModal() != wxID_OK) {
    return;
  }
  auto p = dlg.preferences();
  save_preferences(p);
  apply_preferences(f, p);
  if (s.is_open() && dlg.language() != language) {
    s.project().set_setting("language", dlg.language());
  }
}

PreferencesDialog::PreferencesDialog(wxWindow* parent, const Preferences& p,
                                     const std::string& language, bool has_project)
    : wxDialog(parent, wxID_ANY, "Preferences") {
  auto* grid = new wxFlexGridSizer(2, 8, 12);
  grid->AddGrowableCol(1);
  grid->Add(new wxStaticText(this, wxID_ANY, "Coder name:"), 0, wxALIGN_CENTER_VERTICAL);
  m_coder = new wxTextCtrl(this, wxID_ANY, wx(p.coder), wxDefaultPosition, wxSize(240, -1));
  m_coder->SetHint("default: $QUIRE_CODER or your login");
  grid->Add(m_coder, 1, wxEXPAND);
  grid->Add(new wxStaticText(this, wxID_ANY, "Search language:"), 0, wxALIGN_CENTER_VERTICAL);
  m_language = new wxChoice(this, wxID_ANY);
  for (const auto& l : search_languages()) {
    m_language->Append(wx(l));
  }
  auto at = std::find(search_languages().begin(), search_languages().end(), language);
  m_language->SetSelection(
      at == search_languages().end() ? 0 : static_cast<int>(at - search_languages().begin()));
  m_language->Enable(has_project);
  m_language->SetToolTip("Stored in the project: words are matched by their stem in this language");
  grid->Add(m_language, 1, wxEXPAND);
  grid->Add(new wxStaticText(this, wxID_ANY, "Text size (points):"), 0, wxALIGN_CENTER_VERTICAL);
  m_font = new wxSpinCtrl(this, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, wxSP_ARROW_KEYS, 7,
                          32, p.font_size);
  grid->Add(m_font, 0);
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  sizer->Add(grid, 1, wxEXPAND | wxALL, 12);
  sizer->Add(CreateButtonSizer(wxOK | wxCANCEL), 0, wxEXPAND | wxALL, 8);
  SetSizerAndFit(sizer);
}

Preferences PreferencesDialog::preferences() const {
  Preferences p;
  p.coder = utf8(m_coder->GetValue().Strip(wxString::both));
  p.font_size = m_font->GetValue();
  return p;
}

std::string PreferencesDialog::language() const {
  int sel = m_language->GetSelection();
  return sel == wxNOT_FOUND ? "english" : search_languages()[static_cast<std::size_t>(sel)];
}

} // namespace quire::gui
