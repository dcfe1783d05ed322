// The import preview of codebooks and classification sheets.
#include "sheet_import_dialog.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "wx_text.h"

namespace quire::gui {

SheetImportDialog::SheetImportDialog(wxWindow* parent, const wxString& title,
                                     const std::vector<std::string>& notes,
                                     std::function<PreviewContent(bool)> preview,
                                     const wxString& update_label)
    : wxDialog(parent, wxID_ANY, title, wxDefaultPosition, wxSize(640, 480),
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      m_preview(std::move(preview)) {
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  m_summary = new wxStaticText(this, wxID_ANY, "");
  sizer->Add(m_summary, 0, wxALL | wxEXPAND, 8);
  m_list = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                          wxLC_REPORT | wxLC_SINGLE_SEL);
  m_list->AppendColumn("Change", wxLIST_FORMAT_LEFT, 80);
  m_list->AppendColumn("Name", wxLIST_FORMAT_LEFT, 260);
  m_list->AppendColumn("What", wxLIST_FORMAT_LEFT, 260);
  sizer->Add(m_list, 1, wxLEFT | wxRIGHT | wxEXPAND, 8);
  m_refused = new wxStaticText(this, wxID_ANY, "");
  m_refused->SetForegroundColour(wxColour(160, 0, 0));
  sizer->Add(m_refused, 0, wxALL | wxEXPAND, 8);
  for (const auto& n : notes)
    sizer->Add(new wxStaticText(this, wxID_ANY, wx(n)), 0, wxLEFT | wxRIGHT | wxEXPAND, 8);
  if (!update_label.empty()) {
    m_update = new wxCheckBox(this, wxID_ANY, update_label);
    m_update->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) { show(m_update->GetValue()); });
    sizer->Add(m_update, 0, wxALL, 8);
  }
  auto* buttons = new wxStdDialogButtonSizer;
  auto* ok = new wxButton(this, wxID_OK, "&Import");
  buttons->AddButton(ok);
  buttons->AddButton(new wxButton(this, wxID_CANCEL));
  buttons->Realize();
  sizer->Add(buttons, 0, wxALL | wxEXPAND, 8);
  SetSizer(sizer);
  show(false);
}

void SheetImportDialog::show(bool update) {
  auto content = m_preview(update);
  m_summary->SetLabel(wx(content.summary));
  m_refused->SetLabel(wx(content.refused));
  m_refused->Wrap(600);
  m_list->DeleteAllItems();
  long i = 0;
  for (const auto& r : content.rows) {
    m_list->InsertItem(i, wx(r.change));
    m_list->SetItem(i, 1, wx(r.name));
    m_list->SetItem(i, 2, wx(r.detail));
    ++i;
  }
  if (auto* ok = FindWindow(wxID_OK))
    ok->Enable(content.refused.empty());
  Layout();
}

bool SheetImportDialog::update() const {
  return m_update && m_update->GetValue();
}

void SheetImportDialog::set_update(bool on) {
  if (!m_update)
    return;
  m_update->SetValue(on);
  show(on);
}

bool SheetImportDialog::can_import() const {
  auto* ok = FindWindow(wxID_OK);
  return ok && ok->IsEnabled();
}

} // namespace quire::gui
