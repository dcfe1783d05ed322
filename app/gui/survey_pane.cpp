#include "survey_pane.h"

#include <wx/choice.h>
#include <wx/menu.h>
#include <wx/sizer.h>
#include <wx/splitter.h>
#include <wx/stattext.h>

#include "coded_text.h"
#include "coding_stripes.h"
#include "main_frame.h"
#include "menus.h"
#include "quire/model/coding.h"
#include "wx_text.h"

namespace quire::gui {

/// The grid's virtual table: asks the model for the cells in view only.
class SurveyPane::Table : public wxGridTableBase {
public:
  explicit Table(SurveyPane& pane) : m_pane(pane) {}
  int GetNumberRows() override { return static_cast<int>(m_pane.m_model.row_count()); }
  int GetNumberCols() override { return static_cast<int>(m_pane.m_visible.size()); }
  wxString GetValue(int row, int col) override { return m_pane.cell_text(row, col); }
  void SetValue(int, int, const wxString&) override {} // read-only
  bool IsEmptyCell(int row, int col) override { return GetValue(row, col).empty(); }
  wxString GetColLabelValue(int col) override {
    const auto& c = m_pane.m_model.columns().at(m_pane.model_column(col));
    wxString label = wx(c.name);
    if (col == m_pane.m_sort_column) {
      label += m_pane.m_sort_ascending ? L" ▲" : L" ▼";
    }
    return label;
  }

private:
  SurveyPane& m_pane;
};

SurveyPane::SurveyPane(wxWindow* parent, MainFrame& frame) : wxPanel(parent), m_frame(frame) {
  auto& session = frame.session();
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  auto* bar = new wxBoxSizer(wxHORIZONTAL);
  auto label = [&](const char* text) {
    bar->Add(new wxStaticText(this, wxID_ANY, text), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 4);
  };
  label("Survey:");
  m_survey = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxSize(180, -1));
  bar->Add(m_survey, 0, wxRIGHT, 12);
  label("Read:");
  m_read = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxSize(200, -1));
  bar->Add(m_read, 0, wxRIGHT, 12);
  label("Only:");
  m_filter_attr = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxSize(130, -1));
  m_filter_value = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxSize(130, -1));
  bar->Add(m_filter_attr, 0, wxRIGHT, 4);
  bar->Add(m_filter_value, 0, wxRIGHT, 12);
  m_count = new wxStaticText(this, wxID_ANY, "");
  m_count->SetForegroundColour(wxColour(100, 100, 110));
  bar->Add(m_count, 1, wxALIGN_CENTER_VERTICAL);
  sizer->Add(bar, 0, wxEXPAND | wxALL, 6);

  auto* split = new wxSplitterWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                     wxSP_LIVE_UPDATE | wxSP_3DSASH);
  m_grid = new wxGrid(split, wxID_ANY);
  m_grid->CreateGrid(0, 0);
  m_grid->EnableEditing(false);
  m_grid->SetRowLabelSize(0);
  m_grid->SetColLabelSize(24);
  m_grid->DisableDragRowSize();
  m_grid->SetDefaultCellOverflow(false);
  auto* below = new wxPanel(split);
  below->SetBackgroundColour(*wxWHITE);
  auto* bs = new wxBoxSizer(wxVERTICAL);
  m_answer_title = new wxStaticText(below, wxID_ANY, "Select an answer to read and code it");
  m_answer_title->SetFont(m_answer_title->GetFont().Bold());
  bs->Add(m_answer_title, 0, wxALL, 6);
  auto* body = new wxBoxSizer(wxHORIZONTAL);
  m_answer = new CodedText(below, frame);
  m_stripes = new CodingStripes(below, *m_answer, session);
  body->Add(m_answer, 1, wxEXPAND);
  body->Add(m_stripes, 0, wxEXPAND);
  bs->Add(body, 1, wxEXPAND);
  below->SetSizer(bs);
  split->SplitHorizontally(m_grid, below, -170);
  split->SetSashGravity(1.0);
  split->SetMinimumPaneSize(80);
  sizer->Add(split, 1, wxEXPAND);
  SetSizer(sizer);

  m_survey->Bind(wxEVT_CHOICE,
                 [this](wxCommandEvent&) { show(utf8(m_survey->GetStringSelection())); });
  m_read->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
    int sel = m_read->GetSelection();
    read_question(sel > 0
                      ? std::optional<Id>(m_model.questions()[static_cast<std::size_t>(sel - 1)].id)
                      : std::nullopt);
  });
  m_filter_attr->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
    m_filter_value->Clear();
    if (m_filter_attr->GetSelection() <= 0) {
      filter({}, {});
      return;
    }
    for (const auto& v : m_model.attribute_values(utf8(m_filter_attr->GetStringSelection()))) {
      m_filter_value->Append(wx(v));
    }
  });
  m_filter_value->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
    filter(utf8(m_filter_attr->GetStringSelection()), utf8(m_filter_value->GetStringSelection()));
  });
  m_grid->Bind(wxEVT_GRID_LABEL_LEFT_CLICK, [this](wxGridEvent& e) {
    if (e.GetCol() >= 0) {
      sort_by(e.GetCol());
    }
  });
  m_grid->Bind(wxEVT_GRID_SELECT_CELL, [this](wxGridEvent& e) {
    show_answer(e.GetRow(), e.GetCol());
    e.Skip();
  });
  m_answer->Bind(wxEVT_CONTEXT_MENU, [this](wxContextMenuEvent&) {
    std::unique_ptr<wxMenu> menu(text_context_menu(m_frame));
    m_answer->PopupMenu(menu.get());
  });
  m_answer->Bind(wxEVT_CHAR, [this](wxKeyEvent& e) {
    int key = e.GetKeyCode();
    if (!e.HasAnyModifiers() && key >= '1' && key <= '9') {
      m_frame.commands().invoke("code/recent-" + std::string(1, static_cast<char>(key)));
      return;
    }
    e.Skip();
  });
  m_answer->on_code_dropped = [this](Id code) {
    m_frame.session().select_code(code);
    m_frame.commands().invoke("code/with-selected");
  };

  session.opened.connect([this] {
    fill_survey_choice();
    auto surveys = SurveyModel::surveys(m_frame.session().project());
    if (!surveys.empty()) {
      show(surveys.front());
    } else {
      m_model.clear();
      reset_table();
    }
  });
  session.closed.connect([this] {
    m_model.clear();
    m_survey->Clear();
    m_answer->clear_text();
    reset_table();
  });
  session.changed.connect([this](const ChangeSet& c) { on_change(c); });
  session.survey_requested.connect(
      [this](const std::string& folder, std::optional<Id> q) { show(folder, q); });
  session.coding_selected.connect([this](std::optional<Id>) { m_stripes->Refresh(false); });
  reset_table();
}

void SurveyPane::fill_survey_choice() {
  m_survey->Clear();
  for (const auto& s : SurveyModel::surveys(m_frame.session().project())) {
    m_survey->Append(wx(s));
  }
}

wxString SurveyPane::cell_text(int row, int column) {
  auto& s = m_frame.session();
  if (s.busy() || !s.is_open() || column < 0 ||
      static_cast<std::size_t>(column) >= m_visible.size()) {
    return {};
  }
  auto text = wx(m_model.cell(s.project(), static_cast<std::size_t>(row), model_column(column)));
  if (!m_reading) {
    text.Replace("\n", " ");
  }
  return text;
}

void SurveyPane::show(const std::string& folder, std::optional<Id> question) {
  auto& p = m_frame.session().project();
  if (folder != m_model.folder() || m_model.columns().empty()) {
    m_model.load(p, folder);
    m_sort_column = 0;
    m_sort_ascending = true;
    m_survey->SetStringSelection(wx(folder));
    m_read->Clear();
    m_read->Append("Every column");
    for (const auto& q : m_model.questions()) {
      m_read->Append(wx(q.name));
    }
    m_filter_attr->Clear();
    m_filter_value->Clear();
    m_filter_attr->Append("All respondents");
    for (const auto& c : m_model.columns()) {
      if (c.kind == SurveyModel::Column::Attribute) {
        m_filter_attr->Append(wx(c.name));
      }
    }
    m_filter_attr->SetSelection(0);
    m_reading.reset();
  }
  read_question(question);
}

void SurveyPane::read_question(std::optional<Id> question) {
  m_reading = question;
  m_visible.clear();
  for (std::size_t i = 0; i < m_model.columns().size(); ++i) {
    const auto& c = m_model.columns()[i];
    if (!question || c.kind == SurveyModel::Column::Respondent || c.question == *question) {
      m_visible.push_back(i);
    }
  }
  int pos = 0;
  for (std::size_t i = 0; i < m_model.questions().size(); ++i) {
    if (question && m_model.questions()[i].id == *question) {
      pos = static_cast<int>(i) + 1;
    }
  }
  m_read->SetSelection(pos);
  m_sort_column = 0;
  reset_table();
  if (m_model.row_count() > 0 && m_visible.size() > 1) {
    select_cell(0, question ? 1
                            : static_cast<int>(m_visible.size()) -
                                  static_cast<int>(m_model.questions().size()));
  }
}

void SurveyPane::reset_table() {
  m_grid->Freeze();
  // The cursor may point past the new shape: put it where every shape has a cell.
  if (m_grid->GetNumberRows() > 0 && m_grid->GetNumberCols() > 0) {
    m_grid->SetGridCursor(0, 0);
  }
  m_grid->SetTable(new Table(*this), true, wxGrid::wxGridSelectCells);
  int width = m_grid->GetClientSize().x;
  if (m_reading) {
    m_grid->SetDefaultRenderer(new wxGridCellAutoWrapStringRenderer);
    m_grid->SetDefaultRowSize(m_grid->GetCharHeight() * 4 + 6, true);
    m_grid->SetColSize(0, 110);
    if (m_visible.size() > 1) {
      m_grid->SetColSize(1, std::max(300, width - 130));
    }
  } else {
    m_grid->SetDefaultRenderer(new wxGridCellStringRenderer);
    m_grid->SetDefaultRowSize(m_grid->GetCharHeight() + 8, true);
    for (int c = 0; c < static_cast<int>(m_visible.size()); ++c) {
      bool question = m_model.columns()[model_column(c)].kind == SurveyModel::Column::Question;
      m_grid->SetColSize(c, c == 0 ? 110 : question ? 260 : 110);
    }
  }
  m_grid->Thaw();
  m_grid->ForceRefresh();
  if (m_model.folder().empty()) {
    m_count->SetLabel(
        "No survey in this project: import a CSV or Excel questionnaire (File > Import)");
  } else {
    m_count->SetLabel(wxString::Format(L"%zu of %zu respondents · click a column's title to sort",
                                       m_model.row_count(), m_model.respondent_count()));
  }
}

void SurveyPane::sort_by(int column) {
  if (column < 0 || static_cast<std::size_t>(column) >= m_visible.size()) {
    return;
  }
  m_sort_ascending = column == m_sort_column ? !m_sort_ascending : true;
  m_sort_column = column;
  m_model.sort(m_frame.session().project(), model_column(column), m_sort_ascending);
  m_grid->ForceRefresh();
}

void SurveyPane::filter(const std::string& attribute, const std::string& value) {
  m_model.filter(attribute, value);
  reset_table();
}

void SurveyPane::select_cell(int row, int column) {
  if (row < 0 || column < 0 || static_cast<std::size_t>(row) >= m_model.row_count() ||
      static_cast<std::size_t>(column) >= m_visible.size()) {
    return;
  }
  if (m_grid->GetGridCursorRow() != row || m_grid->GetGridCursorCol() != column) {
    m_grid->SetGridCursor(row, column); // the grid's select event shows the answer
  } else {
    show_answer(row, column);
  }
  m_grid->MakeCellVisible(row, column);
}

void SurveyPane::show_answer(int row, int column) {
  if (row < 0 || column < 0 || static_cast<std::size_t>(row) >= m_model.row_count() ||
      static_cast<std::size_t>(column) >= m_visible.size()) {
    return;
  }
  auto& s = m_frame.session();
  const auto& r = m_model.respondent(static_cast<std::size_t>(row));
  const auto& col = m_model.columns()[model_column(column)];
  auto answer = m_model.answer(s.project(), static_cast<std::size_t>(row), model_column(column));
  if (!answer) {
    m_answer->clear_text();
    m_stripes->update_width();
    m_answer_title->SetLabel(
        wx(r.name + " · " + col.name + ": " +
           m_model.cell(s.project(), static_cast<std::size_t>(row), model_column(column))));
    return;
  }
  m_answer->set_text(r.document, answer->text, answer->start);
  m_answer_title->SetLabel(wx(r.name + " · " + col.name));
  reload_answer_codings();
  m_frame.use_text(*m_answer);
}

void SurveyPane::reload_answer_codings() {
  if (m_answer->document() == 0) {
    return;
  }
  m_answer->reload_codings();
  m_stripes->update_width();
}

void SurveyPane::on_change(const ChangeSet& c) {
  if (m_model.folder().empty() && !c.everything && !c.tables.count("document")) {
    return;
  }
  // Values of known cases edited, nothing else: those rows' values only
  // (editing one respondent of 100,000 must not reload the survey).
  const bool values_only = !c.everything && !c.cases_unknown && !c.cases.empty() &&
                           c.tables.count("case_value") && !c.tables.count("case_") &&
                           !c.tables.count("attribute") && !c.tables.count("document") &&
                           !c.tables.count("question");
  if (values_only && m_model.reread_values(m_frame.session().project(), c.cases)) {
    m_grid->ForceRefresh();
    return;
  }
  if (c.everything || c.tables.count("document") || c.tables.count("question") ||
      c.tables.count("case_value") || c.tables.count("attribute") || c.tables.count("case_")) {
    auto folder = m_model.folder();
    auto reading = m_reading;
    fill_survey_choice();
    auto surveys = SurveyModel::surveys(m_frame.session().project());
    m_model.clear();
    m_answer->clear_text();
    if (std::find(surveys.begin(), surveys.end(), folder) == surveys.end()) {
      folder = surveys.empty() ? std::string() : surveys.front();
      reading.reset();
    }
    if (folder.empty()) {
      reset_table();
    } else {
      show(folder, reading);
    }
    return;
  }
  m_model.forget(c.documents);
  if (c.documents.count(m_answer->document()) || c.tables.count("code") ||
      c.tables.count("setting")) { // setting: coders shown
    m_answer->apply_change(c);
    m_stripes->update_width();
  }
  m_grid->ForceRefresh();
}

} // namespace quire::gui
