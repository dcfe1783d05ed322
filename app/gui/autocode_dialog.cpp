#include "autocode_dialog.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/radiobox.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "wx_text.h"

namespace quire::gui {

AutocodeDialog::AutocodeDialog(wxWindow* parent, Project& p, const SearchIndex& index,
                               std::string query, const std::vector<Code>& codes,
                               std::optional<Id> preselect)
    : wxDialog(parent, wxID_ANY, L"Code All Hits"), m_p(p), m_index(index),
      m_query(std::move(query)) {
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  sizer->Add(new wxStaticText(this, wxID_ANY, wx("Query: " + m_query)), 0, wxALL, 8);
  auto* row = new wxBoxSizer(wxHORIZONTAL);
  row->Add(new wxStaticText(this, wxID_ANY, "Code with:"), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
  m_code = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxSize(320, -1));
  for (const auto& c : codes) {
    m_code->Append(wx(c.path));
    m_ids.push_back(c.id);
    if (preselect == c.id) {
      m_code->SetSelection(static_cast<int>(m_ids.size() - 1));
    }
  }
  row->Add(m_code, 1);
  sizer->Add(row, 0, wxEXPAND | wxLEFT | wxRIGHT, 8);
  wxString units[] = {"The matching words", "Each sentence that matches the query",
                      "The whole passage (paragraph, turn or answer)",
                      "Each paragraph that matches the query (within answers and turns)"};
  m_unit = new wxRadioBox(this, wxID_ANY, "Code", wxDefaultPosition, wxDefaultSize, 4, units, 1);
  m_unit->SetSelection(1);
  sizer->Add(m_unit, 0, wxEXPAND | wxALL, 8);
  m_count = new wxStaticText(this, wxID_ANY, "");
  sizer->Add(m_count, 0, wxEXPAND | wxLEFT | wxRIGHT, 8);
  sizer->Add(CreateStdDialogButtonSizer(wxOK | wxCANCEL), 0, wxEXPAND | wxALL, 8);
  SetSizerAndFit(sizer);
  m_count->SetName("quire-autocode-count"); // names the journeys find them by
  if (auto* ok = FindWindow(wxID_OK)) {
    ok->SetName("quire-autocode-ok");
  }

  m_code->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { recount(); });
  m_unit->Bind(wxEVT_RADIOBOX, [this](wxCommandEvent&) { recount(); });
  recount();
}

std::optional<Id> AutocodeDialog::code() const {
  int sel = m_code->GetSelection();
  if (sel == wxNOT_FOUND) {
    return std::nullopt;
  }
  return m_ids[static_cast<std::size_t>(sel)];
}

AutocodeUnit AutocodeDialog::unit() const {
  switch (m_unit->GetSelection()) {
  case 0: return AutocodeUnit::Hit;
  case 2: return AutocodeUnit::Passage;
  case 3: return AutocodeUnit::Paragraph;
  default: return AutocodeUnit::Sentence;
  }
}

void AutocodeDialog::recount() {
  m_counted = {};
  auto id = code();
  if (id) {
    m_counted = autocode(m_p, m_index, m_query, *id, unit(), true);
  }
  m_count->SetLabel(count_text());
  if (auto* ok = FindWindow(wxID_OK)) {
    ok->Enable(id && m_counted.ranges > 0);
  }
  Layout();
}

wxString AutocodeDialog::count_text() const {
  if (!code()) {
    return "Choose the code to apply.";
  }
  return wxString::Format(
      "Will code %lld range%s in %lld passage%s (one action: Undo takes it all "
      "back).",
      static_cast<long long>(m_counted.ranges), m_counted.ranges == 1 ? "" : "s",
      static_cast<long long>(m_counted.passages), m_counted.passages == 1 ? "" : "s");
}

} // namespace quire::gui
