#include "list_dialog.h"

#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace quire::gui {

ListDialog::ListDialog(wxWindow* parent, const wxString& title,
                       const std::vector<std::pair<wxString, int>>& columns,
                       const std::vector<std::vector<wxString>>& rows, const wxString& note)
    : wxDialog(parent, wxID_ANY, title, wxDefaultPosition, wxSize(640, 520),
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER) {
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  if (!note.empty()) {
    sizer->Add(new wxStaticText(this, wxID_ANY, note), 0, wxALL, 8);
  }
  m_list = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT);
  for (const auto& [header, width] : columns) {
    m_list->AppendColumn(header, wxLIST_FORMAT_LEFT, width);
  }
  long row = 0;
  for (const auto& cells : rows) {
    m_list->InsertItem(row, cells.empty() ? wxString() : cells[0]);
    for (std::size_t c = 1; c < cells.size(); ++c) {
      m_list->SetItem(row, static_cast<long>(c), cells[c]);
    }
    ++row;
  }
  sizer->Add(m_list, 1, wxEXPAND | wxLEFT | wxRIGHT, 8);
  sizer->Add(CreateButtonSizer(wxCLOSE), 0, wxEXPAND | wxALL, 8);
  SetSizer(sizer);
  SetEscapeId(wxID_CLOSE);
  SetAffirmativeId(wxID_CLOSE);
}

} // namespace quire::gui
