#include "import_notes.h"

#include <wx/button.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "wx_text.h"

namespace quire::gui {

void ImportNotes::add(const std::string& file, const std::vector<std::string>& notes) {
  for (const auto& n : notes) {
    // Most notes name their file already ("a.txt: decoded as Windows-1252").
    m_notes.push_back(n.rfind(file + ":", 0) == 0 ? n : file + ": " + n);
  }
}

ImportNotesDialog::ImportNotesDialog(wxWindow* parent, const std::vector<std::string>& notes)
    : wxDialog(parent, wxID_ANY, "Import Notes", wxDefaultPosition, wxSize(620, 360),
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER) {
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  auto* intro = new wxStaticText(
      this, wxID_ANY,
      notes.empty() ? wxString("Nothing was noted about the files imported in this window.")
                    : wxString("What was noted while reading the files imported in this window "
                               "(the documents are imported; these say how they were read):"));
  intro->Wrap(580);
  sizer->Add(intro, 0, wxALL, 10);
  wxString all;
  for (const auto& n : notes) {
    all += wx(n) + "\n\n";
  }
  m_text = new wxTextCtrl(this, wxID_ANY, all, wxDefaultPosition, wxDefaultSize,
                          wxTE_MULTILINE | wxTE_READONLY | wxTE_WORDWRAP);
  m_text->SetName("quire-import-notes");
  sizer->Add(m_text, 1, wxEXPAND | wxLEFT | wxRIGHT, 10);
  auto* close = new wxButton(this, wxID_OK, "Close");
  close->SetDefault();
  sizer->Add(close, 0, wxALIGN_RIGHT | wxALL, 10);
  SetSizer(sizer);
  SetEscapeId(wxID_OK);
}

} // namespace quire::gui
