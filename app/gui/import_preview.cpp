#include "import_preview.h"

#include <filesystem>
#include <map>

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/grid.h>
#include <wx/sizer.h>
#include <wx/statbox.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "quire/base/error.h"
#include "quire/base/text.h"
#include "wx_text.h"

namespace quire::gui {

namespace {

// Roles as the core names them and as the drop-down shows them.
const std::vector<std::pair<std::string, wxString>>& roles() {
  static const std::vector<std::pair<std::string, wxString>> r = {
      {"id", "ID"}, {"text", "Open-ended"}, {"attribute", "Attribute"}, {"skip", "Skip"}};
  return r;
}

wxString role_label(const std::string& role) {
  for (const auto& [k, v] : roles()) {
    if (k == role) {
      return v;
    }
  }
  return wx(role);
}

const char* type_name(AttrType t) {
  switch (t) {
  case AttrType::Number: return "number";
  case AttrType::Date: return "date";
  default: return "text";
  }
}

} // namespace

bool ImportPreview::wanted(const ImportData& data) {
  if (!data.columns.empty()) {
    return true;
  }
  for (const auto& d : data.documents) {
    for (const auto& p : d.passages) {
      if (!p.speaker.empty()) {
        return true;
      }
    }
  }
  return false;
}

ImportPreview::ImportPreview(wxWindow* parent, const ImportData& data,
                             const ImportSettings& settings)
    : wxDialog(parent, wxID_ANY, "Import Preview", wxDefaultPosition, wxSize(860, 520),
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      m_data(data) {
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  auto file = std::filesystem::path(data.source_file).filename().string();
  wxString intro =
      data.columns.empty()
          ? wx(file + ": a transcript. These are the speakers and the first turns Quire found.")
          : wxString::Format(
                "%s: a survey of %lld respondents. Check what each column becomes: the "
                "respondent ID, open-ended answers (to code), an attribute of the respondent, "
                "or skipped.",
                wx(file), static_cast<long long>(data.rows));
  auto* text = new wxStaticText(this, wxID_ANY, intro);
  text->Wrap(820);
  sizer->Add(text, 0, wxALL, 8);
  m_grid = new wxGrid(this, wxID_ANY);
  m_grid->SetName("quire-import-preview-grid");
  m_grid->CreateGrid(0, 0);
  m_grid->SetRowLabelSize(0);
  data.columns.empty() ? transcript_grid(data) : survey_grid(data);
  sizer->Add(m_grid, 1, wxEXPAND | wxLEFT | wxRIGHT, 8);
  for (const auto& w : data.warnings) {
    sizer->Add(new wxStaticText(this, wxID_ANY, L"⚠ " + one_line(w, 140)), 0, wxLEFT | wxTOP, 8);
  }
  add_options(sizer, settings);
  auto* buttons = CreateStdDialogButtonSizer(wxOK | wxCANCEL);
  if (auto* ok = FindWindow(wxID_OK)) {
    ok->SetLabel("Import");
    ok->SetName("quire-import-preview-import");
  }
  sizer->Add(buttons, 0, wxEXPAND | wxALL, 8);
  SetSizer(sizer);
}

void ImportPreview::survey_grid(const ImportData& data) {
  // An example value per column: an answer, an attribute value or a case name.
  std::map<std::string, std::string> example;
  for (const auto& d : data.documents) {
    for (const auto& p : d.passages) {
      if (!p.question.empty() && !example.count(p.question)) {
        example[p.question] = std::string(CodePointIndex(d.text).slice(p.start, p.end));
      }
    }
  }
  for (const auto& c : data.cases) {
    for (const auto& [name, v] : c.attributes) {
      if (!example.count(name) && !v.missing) {
        example[name] = v.display();
      }
    }
  }
  m_grid->AppendCols(7);
  const char* heads[] = {"Column", "Role", "Type", "Values", "Distinct", "Example", "Why"};
  int widths[] = {150, 100, 65, 60, 60, 230, 200};
  for (int i = 0; i < 7; ++i) {
    m_grid->SetColLabelValue(i, heads[i]);
    m_grid->SetColSize(i, widths[i]);
  }
  m_grid->AppendRows(static_cast<int>(data.columns.size()));
  m_grid->SetToolTip("Role: double-click for the list, or select the cell and type its first "
                     "letter (I: ID, O: open-ended, A: attribute, S: skip)");
  // A role by keyboard: its first letter on a Role cell sets it.
  m_grid->Bind(wxEVT_KEY_DOWN, [this](wxKeyEvent& e) {
    int row = m_grid->GetGridCursorRow();
    auto key = static_cast<wxChar>(wxToupper(e.GetKeyCode()));
    if (m_grid->GetGridCursorCol() == 1 && row >= 0 && !e.HasAnyModifiers() &&
        !m_grid->IsCellEditControlShown()) {
      for (const auto& [k, label] : roles()) {
        if (label[0] == key) {
          set_role(static_cast<std::size_t>(row), k);
          return;
        }
      }
    }
    e.Skip();
  });
  wxArrayString choices;
  for (const auto& r : roles()) {
    choices.Add(r.second);
  }
  for (std::size_t i = 0; i < data.columns.size(); ++i) {
    const auto& c = data.columns[i];
    int row = static_cast<int>(i);
    m_grid->SetCellValue(row, 0, wx(c.name));
    m_grid->SetCellValue(row, 1, role_label(c.role));
    m_grid->SetCellEditor(row, 1, new wxGridCellChoiceEditor(choices));
    m_grid->SetCellBackgroundColour(row, 1, wxColour(255, 250, 220));
    m_grid->SetCellValue(row, 2, c.role == "attribute" ? type_name(c.type) : "");
    m_grid->SetCellValue(row, 3, wxString::Format("%lld", static_cast<long long>(c.values)));
    m_grid->SetCellValue(row, 4, wxString::Format("%lld", static_cast<long long>(c.distinct)));
    auto ex = example.find(c.name);
    m_grid->SetCellValue(row, 5, ex == example.end() ? wxString() : one_line(ex->second, 80));
    m_grid->SetCellValue(row, 6, wx(c.why));
    for (int col : {0, 2, 3, 4, 5, 6}) {
      m_grid->SetReadOnly(row, col);
    }
  }
}

void ImportPreview::transcript_grid(const ImportData& data) {
  std::map<std::string, int> turns;
  for (const auto& d : data.documents) {
    for (const auto& p : d.passages) {
      if (!p.speaker.empty()) {
        turns[p.speaker]++;
      }
    }
  }
  wxString speakers = "Speakers: ";
  for (const auto& [name, n] : turns) {
    speakers += wx(name) + wxString::Format(" (%d turn%s)   ", n, n == 1 ? "" : "s");
  }
  m_grid->AppendCols(3);
  m_grid->SetColLabelValue(0, "Time");
  m_grid->SetColLabelValue(1, "Speaker");
  m_grid->SetColLabelValue(2, "Turn");
  m_grid->SetColSize(0, 80);
  m_grid->SetColSize(1, 130);
  m_grid->SetColSize(2, 600);
  int row = 0;
  m_grid->AppendRows(1);
  m_grid->SetCellValue(0, 0, "");
  m_grid->SetCellValue(0, 1, "");
  m_grid->SetCellValue(0, 2, speakers);
  for (const auto& d : data.documents) {
    CodePointIndex idx(d.text);
    for (const auto& p : d.passages) {
      if (row >= 30) {
        break;
      }
      m_grid->AppendRows(1);
      ++row;
      m_grid->SetCellValue(row, 0, p.start_ms ? wx(clock_text(*p.start_ms)) : wxString());
      m_grid->SetCellValue(row, 1, wx(p.speaker));
      m_grid->SetCellValue(row, 2, one_line(std::string(idx.slice(p.start, p.end)), 120));
    }
  }
  m_grid->EnableEditing(false);
}

void ImportPreview::add_options(wxSizer* sizer, const ImportSettings& settings) {
  auto* box = new wxStaticBoxSizer(wxVERTICAL, this, "Options");
  auto* parent = box->GetStaticBox();
  auto check = [parent, box](const char* name, const wxString& label, bool on) {
    auto* c = new wxCheckBox(parent, wxID_ANY, label);
    c->SetName(name);
    c->SetValue(on);
    box->Add(c, 0, wxALL, 3);
    return c;
  };
  auto ext = std::filesystem::path(m_data.source_file).extension().string();
  for (auto& ch : ext) {
    ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  }
  if (m_data.columns.empty()) {
    m_speaker_cases =
        check("speaker-cases", "Make a case of each speaker and link their turns to it", false);
    m_code_speakers =
        check("code-speakers", "Code each turn with its speaker (codes Speakers/NAME)", false);
    if (ext == ".vtt" || ext == ".srt") {
      m_join_cues = check("join-cues", "Join one speaker's consecutive cues into one turn",
                          settings.join_cues);
    }
  } else {
    auto* row = new wxFlexGridSizer(2, 4, 6);
    if (ext == ".xlsx") {
      row->Add(new wxStaticText(parent, wxID_ANY, "Sheet"), 0, wxALIGN_CENTER_VERTICAL);
      m_sheet = new wxTextCtrl(parent, wxID_ANY, wx(settings.sheet), wxDefaultPosition,
                               wxSize(220, -1), 0, wxDefaultValidator, "sheet");
      m_sheet->SetHint("the first sheet");
      row->Add(m_sheet);
    }
    row->Add(new wxStaticText(parent, wxID_ANY, "Missing values"), 0, wxALIGN_CENTER_VERTICAL);
    wxString markers;
    for (const auto& m : settings.missing_values) {
      if (!m.empty()) {
        markers += (markers.empty() ? "" : " ") + wx(m);
      }
    }
    m_missing = new wxTextCtrl(parent, wxID_ANY, markers, wxDefaultPosition, wxSize(220, -1), 0,
                               wxDefaultValidator, "missing");
    m_missing->SetToolTip("Cell values read as missing, separated by spaces (an empty cell is "
                          "always missing)");
    row->Add(m_missing);
    box->Add(row, 0, wxALL, 3);
    m_cases_only =
        check("cases-only", "Cases only: set the respondents' attributes, import no answers",
              settings.cases_only);
  }
  m_replace =
      check("replace",
            "Replace what an earlier import of this file made (its documents and codings)", false);
  sizer->Add(box, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 8);
}

void ImportPreview::apply_options(ImportSettings& settings, ImportOptions& options) const {
  if (m_speaker_cases) {
    options.speaker_cases = m_speaker_cases->GetValue();
  }
  if (m_code_speakers) {
    options.code_speakers = m_code_speakers->GetValue();
  }
  if (m_join_cues) {
    settings.join_cues = m_join_cues->GetValue();
  }
  if (m_cases_only) {
    settings.cases_only = m_cases_only->GetValue();
  }
  if (m_replace) {
    options.replace = m_replace->GetValue();
  }
  if (m_sheet) {
    settings.sheet = utf8(m_sheet->GetValue().Strip(wxString::both));
  }
  if (m_missing) {
    std::vector<std::string> markers = {""};
    for (const auto& m : wxSplit(m_missing->GetValue(), ' ', '\0')) {
      if (!m.empty()) {
        markers.push_back(utf8(m));
      }
    }
    if (markers != settings.missing_values) {
      settings.missing_values = markers;
    }
  }
}

std::string ImportPreview::role(std::size_t column) const {
  auto label = m_grid->GetCellValue(static_cast<int>(column), 1);
  for (const auto& [k, v] : roles()) {
    if (v == label) {
      return k;
    }
  }
  return m_data.columns.at(column).role;
}

void ImportPreview::set_role(std::size_t column, const std::string& role) {
  m_grid->SetCellValue(static_cast<int>(column), 1, role_label(role));
}

void ImportPreview::apply(ImportSettings& settings) const {
  if (m_data.columns.empty()) {
    return;
  }
  int ids = 0;
  bool changed = false;
  for (std::size_t i = 0; i < m_data.columns.size(); ++i) {
    auto r = role(i);
    ids += r == "id" ? 1 : 0;
    changed = changed || r != m_data.columns[i].role;
  }
  if (ids != 1) {
    throw InputError("choose exactly one column as the respondent ID (" + std::to_string(ids) +
                     " are chosen)");
  }
  if (!changed) {
    return; // the importer's own guess: settings stay, and what was read holds
  }
  settings.id_column.clear();
  settings.text_columns.clear();
  settings.attribute_columns.clear();
  settings.skip_columns.clear();
  for (std::size_t i = 0; i < m_data.columns.size(); ++i) {
    const auto& name = m_data.columns[i].name;
    auto r = role(i);
    if (r == "id") {
      settings.id_column = name;
    } else if (r == "text") {
      settings.text_columns.push_back(name);
    } else if (r == "attribute") {
      settings.attribute_columns.push_back(name);
    } else {
      settings.skip_columns.push_back(name);
    }
  }
}

} // namespace quire::gui
