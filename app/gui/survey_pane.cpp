#include "survey_pane.h"

#include <wx/choice.h>
#include <wx/config.h>
#include <wx/dc.h>
#include <wx/menu.h>
#include <wx/sizer.h>
#include <wx/splitter.h>
#include <wx/stattext.h>
#include <wx/wrapsizer.h>

#include "coded_text.h"
#include "coding_stripes.h"
#include "colours.h"
#include "main_frame.h"
#include "menus.h"
#include "quire/model/coding.h"
#include "quire/model/documents.h"
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

namespace {

const int marker_width = 24; ///< the coded marker at the right of an answer cell
const double default_reader_share = 0.4;

} // namespace

/// Draws a cell's text (wrapped while one question is read) and, for an
/// answer coded with codes other than its question's, a marker in the first
/// code's colour with the number of codes.
class SurveyPane::Renderer : public wxGridCellAutoWrapStringRenderer {
public:
  Renderer(SurveyPane& pane, bool wrap) : m_pane(pane), m_wrap(wrap) {}
  void Draw(wxGrid& grid, wxGridCellAttr& attr, wxDC& dc, const wxRect& rect, int row, int col,
            bool selected) override {
    const auto codes = m_pane.cell_codes(row, col); // a copy: drawing reads the model again
    wxRect text = rect;
    if (!codes.empty() && rect.width > 2 * marker_width) {
      text.width -= marker_width;
    }
    if (m_wrap) {
      wxGridCellAutoWrapStringRenderer::Draw(grid, attr, dc, text, row, col, selected);
    } else {
      wxGridCellStringRenderer::Draw(grid, attr, dc, text, row, col, selected);
    }
    if (text.width == rect.width) {
      return;
    }
    wxRect mark(text.GetRight() + 1, rect.y, rect.width - text.width, rect.height);
    dc.SetPen(*wxTRANSPARENT_PEN);
    dc.SetBrush(wxBrush(selected ? grid.GetSelectionBackground() : attr.GetBackgroundColour()));
    dc.DrawRectangle(mark);
    const auto* code = m_pane.m_frame.session().codes().find(codes.front());
    auto colour = code_colour(code ? code->color : std::string());
    int h = std::min(mark.height - 4, grid.GetCharHeight() + 4);
    wxRect badge(mark.x + 2, mark.y + 2, mark.width - 4, h);
    dc.SetBrush(wxBrush(colour));
    dc.DrawRoundedRectangle(badge, 4);
    auto label = wxString::Format("%zu", codes.size());
    bool dark = colour.Red() * 299 + colour.Green() * 587 + colour.Blue() * 114 < 140000;
    dc.SetTextForeground(dark ? *wxWHITE : *wxBLACK);
    dc.SetFont(attr.GetFont().Bold());
    auto size = dc.GetTextExtent(label);
    dc.DrawText(label, badge.x + (badge.width - size.x) / 2, badge.y + (badge.height - size.y) / 2);
  }
  wxGridCellRenderer* Clone() const override { return new Renderer(m_pane, m_wrap); }

private:
  SurveyPane& m_pane;
  bool m_wrap;
};

SurveyPane::SurveyPane(wxWindow* parent, MainFrame& frame) : wxPanel(parent), m_frame(frame) {
  auto& session = frame.session();
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  // Wraps onto a second line in a narrow window: the filters stay reachable.
  auto* bar = new wxWrapSizer(wxHORIZONTAL);
  // Each label with its control, so that a wrap never parts them.
  auto group = [&](const char* text, std::initializer_list<wxWindow*> controls) {
    auto* g = new wxBoxSizer(wxHORIZONTAL);
    g->Add(new wxStaticText(this, wxID_ANY, text), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 4);
    for (auto* c : controls) {
      g->Add(c, 0, wxRIGHT, 4);
    }
    bar->Add(g, 0, wxRIGHT | wxBOTTOM, 8);
  };
  m_survey = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxSize(180, -1));
  m_read = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxSize(200, -1));
  m_filter_attr = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxSize(130, -1));
  m_filter_value = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxSize(130, -1));
  group("Survey:", {m_survey});
  group("Read:", {m_read});
  group("Only:", {m_filter_attr, m_filter_value});
  m_count = new wxStaticText(this, wxID_ANY, "");
  m_count->SetForegroundColour(wxColour(100, 100, 110));
  bar->Add(m_count, 0, wxALIGN_CENTER_VERTICAL | wxBOTTOM, 8);
  sizer->Add(bar, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 6);

  m_filter_attr->SetName("quire-survey-filter-attribute");
  m_filter_value->SetName("quire-survey-filter-value");
  m_count->SetName("quire-survey-count");
  auto* split = m_split = new wxSplitterWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                               wxSP_LIVE_UPDATE | wxSP_3DSASH);
  m_grid = new wxGrid(split, wxID_ANY);
  m_grid->SetName("quire-survey-grid");
  m_grid->CreateGrid(0, 0);
  m_grid->EnableEditing(false);
  m_grid->SetRowLabelSize(0);
  m_grid->SetColLabelSize(24);
  // A question is long: its start says which it is, so a narrow column shows the start.
  m_grid->SetColLabelAlignment(wxALIGN_LEFT, wxALIGN_CENTRE);
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
  auto* lanes_row = new wxBoxSizer(wxHORIZONTAL);
  lanes_row->AddStretchSpacer();
  lanes_row->Add(new CoderLaneHeadings(below, *m_stripes), 0);
  bs->Add(lanes_row, 0, wxEXPAND);
  body->Add(m_answer, 1, wxEXPAND);
  body->Add(m_stripes, 0, wxEXPAND);
  bs->Add(body, 1, wxEXPAND);
  below->SetSizer(bs);
  m_answer->SetName("quire-survey-answer");
  m_answer_title->SetName("quire-survey-answer-title");
  split->SplitHorizontally(m_grid, below);
  split->SetMinimumPaneSize(80);
  sizer->Add(split, 1, wxEXPAND);
  SetSizer(sizer);
  // The reader's share of the height: 40% at first, then what the user gave
  // it (remembered); it keeps that share as the window grows.
  split->Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
    e.Skip();
    if (!m_sash_placed && m_split->GetClientSize().y > 200) {
      m_sash_placed = true;
      CallAfter([this] { place_sash(); });
    }
  });
  split->Bind(wxEVT_SPLITTER_SASH_POS_CHANGED, [this](wxSplitterEvent& e) {
    e.Skip();
    int h = m_split->GetClientSize().y;
    if (h > 200) {
      wxConfigBase::Get()->Write("/Survey/ReaderShare",
                                 1.0 - static_cast<double>(e.GetSashPosition()) / h);
    }
  });
  m_grid->Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
    e.Skip();
    CallAfter([this] { freeze_id(); });
  });
  m_grid->GetGridWindow()->Bind(wxEVT_MOTION, [this](wxMouseEvent& e) {
    e.Skip();
    auto at = m_grid->CalcUnscrolledPosition(e.GetPosition());
    int row = m_grid->YToRow(at.y), col = m_grid->XToCol(at.x);
    auto tip = row >= 0 && col >= 0 ? cell_tooltip(row, col) : wxString();
    if (tip != m_grid->GetGridWindow()->GetToolTipText()) {
      m_grid->GetGridWindow()->SetToolTip(tip);
    }
  });

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
    select_cell(0, 1); // the first answer: the questions come right after the ID
  }
  m_grid->Scroll(0, 0); // opens at the left: the ID and the answers in view
}

void SurveyPane::reset_table() {
  m_grid->Freeze();
  // The cursor may point past the new shape: put it where every shape has a cell.
  if (m_grid->GetNumberRows() > 0 && m_grid->GetNumberCols() > 0) {
    m_grid->SetGridCursor(0, 0);
  }
  if (m_grid->GetNumberFrozenCols() > 0) {
    m_grid->FreezeTo(0, 0);
  }
  m_grid->SetTable(new Table(*this), true, wxGrid::wxGridSelectCells);
  int width = m_grid->GetClientSize().x;
  m_grid->SetDefaultRenderer(new Renderer(*this, m_reading.has_value()));
  if (m_reading) {
    m_grid->SetDefaultRowSize(m_grid->GetCharHeight() * 4 + 6, true);
    m_grid->SetColSize(0, 110);
    if (m_visible.size() > 1) {
      m_grid->SetColSize(1, std::max(300, width - 130));
    }
  } else {
    m_grid->SetDefaultRowSize(m_grid->GetCharHeight() + 8, true);
    for (int c = 0; c < static_cast<int>(m_visible.size()); ++c) {
      bool question = m_model.columns()[model_column(c)].kind == SurveyModel::Column::Question;
      m_grid->SetColSize(c, c == 0 ? 110 : question ? 260 : 110);
    }
  }
  m_grid->Scroll(0, 0);
  freeze_id();
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

void SurveyPane::freeze_id() {
  // wx refuses while the grid is too small (hidden behind another page): the
  // grid's next size event tries again.
  if (m_grid->GetNumberFrozenCols() == 0 && m_visible.size() > 1 && m_grid->GetNumberRows() > 0) {
    m_grid->FreezeTo(0, 1); // the ID stays in view when scrolling sideways
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
    // An ID or attribute cell, or a question left empty: the row's answers.
    auto value = m_model.cell(s.project(), static_cast<std::size_t>(row), model_column(column));
    show_row_answers(row, col.kind == SurveyModel::Column::Question    ? col.name + ": no answer"
                          : col.kind == SurveyModel::Column::Attribute ? col.name + ": " + value
                                                                       : std::string());
    return;
  }
  m_answer->set_text(r.document, answer->text, answer->start);
  m_answer->set_margin_labels({});
  m_answer_title->SetLabel(wx(r.name + " · " + col.name));
  reload_answer_codings();
  m_frame.use_text(*m_answer);
}

void SurveyPane::show_row_answers(int row, const std::string& why) {
  auto& p = m_frame.session().project();
  const auto& r = m_model.respondent(static_cast<std::size_t>(row));
  const auto& answers = m_model.answers(p, static_cast<std::size_t>(row));
  std::vector<std::pair<std::int64_t, std::string>> labels;
  for (std::size_t q = 0; q < answers.size(); ++q) {
    if (answers[q].passage != 0) {
      labels.emplace_back(answers[q].start, utf8(one_line(m_model.questions()[q].name, 40)));
    }
  }
  m_answer->set_text(r.document, document_text(p, r.document), 0);
  m_answer->set_margin_labels(labels);
  auto n = labels.size();
  m_answer_title->SetLabel(wx(r.name + (why.empty() ? std::string() : " · " + why) + " · " +
                              std::to_string(n) + (n == 1 ? " answer" : " answers")));
  reload_answer_codings();
  m_frame.use_text(*m_answer);
}

void SurveyPane::place_sash() {
  int h = m_split->GetClientSize().y;
  double share = wxConfigBase::Get()->ReadDouble("/Survey/ReaderShare", default_reader_share);
  share = std::clamp(share, 0.15, 0.85);
  m_split->SetSashGravity(1.0 - share);
  m_split->SetSashPosition(static_cast<int>(h * (1.0 - share)));
}

double SurveyPane::reader_share() const {
  int h = m_split->GetClientSize().y;
  return h > 0 ? 1.0 - static_cast<double>(m_split->GetSashPosition()) / h : 0.0;
}

const std::vector<Id>& SurveyPane::cell_codes(int row, int column) {
  static const std::vector<Id> none;
  auto& s = m_frame.session();
  if (s.busy() || !s.is_open() || row < 0 || column < 0 ||
      static_cast<std::size_t>(column) >= m_visible.size() ||
      static_cast<std::size_t>(row) >= m_model.row_count()) {
    return none;
  }
  return m_model.answer_codes(s.project(), static_cast<std::size_t>(row), model_column(column));
}

wxString SurveyPane::cell_tooltip(int row, int column) {
  const auto& codes = cell_codes(row, column);
  if (codes.empty()) {
    return {};
  }
  const auto& index = m_frame.session().codes();
  wxString tip = "Coded: ";
  for (std::size_t i = 0; i < codes.size(); ++i) {
    const auto* c = index.find(codes[i]);
    tip += (i ? ", " : "") + (c ? wx(c->path) : wxString("?"));
  }
  return tip;
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
  if (c.tables.count("code")) {
    m_model.codes_changed(m_frame.session().project());
  }
  if (c.documents.count(m_answer->document()) || c.tables.count("code") ||
      c.tables.count("setting")) { // setting: coders shown
    m_answer->apply_change(c);
    m_stripes->update_width();
  }
  m_grid->ForceRefresh();
}

} // namespace quire::gui
