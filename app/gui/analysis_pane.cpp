#include "analysis_pane.h"

#include <algorithm>

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/dcclient.h>
#include <wx/filedlg.h>
#include <wx/grid.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "column_chart.h"
#include "documents_filter.h"
#include "export_runner.h"
#include "exporters/exporter.h"
#include "heat_colours.h"
#include "main_frame.h"
#include "page_parts.h"
#include "quire/base/error.h"
#include "quire/model/cases.h"
#include "quire/model/codebook.h"
#include "quire/model/coding.h"
#include "wx_text.h"

namespace quire::gui {

namespace {

wxString number(std::int64_t n) {
  return wxString::Format("%lld", static_cast<long long>(n));
}

const char* const cell_words[] = {"cases", "codings", "words"};

} // namespace

wxString percent_text(double pct) {
  auto shown = wxString::Format("%.0f%%", pct);
  if (pct > 0 && shown == "0%") {
    return "<1%";
  }
  if (pct < 100 && shown == "100%") {
    return ">99%";
  }
  return shown;
}

AnalysisPane::AnalysisPane(wxWindow* parent, MainFrame& frame)
    : wxPanel(parent), m_frame(frame), m_rerun(this, [this] { refresh_if_stale(); }) {
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  auto* bar = new wxFlexGridSizer(0, 6, 4, 6); // three pairs of label and choice a row
  auto label = [this, bar](const char* text) {
    bar->Add(new wxStaticText(this, wxID_ANY, text), 0, wxALIGN_CENTER_VERTICAL);
  };
  wxString kinds[] = {"Theme table", "Matrix", "Co-occurrence", "Code frequencies"};
  m_kind = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, 4, kinds);
  m_kind->SetSelection(0);
  m_rows = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxSize(200, -1));
  m_cols = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxSize(160, -1));
  wxString cells[] = {"Cases", "Codings", "Words coded"};
  m_cell = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, 3, cells);
  m_cell->SetSelection(0);
  m_where =
      new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxSize(200, -1), wxTE_PROCESS_ENTER);
  m_where->SetHint("e.g. Role = Teacher AND Years >= 5");
  m_where->SetToolTip("Only codings of cases whose attributes meet these conditions");
  m_coder = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxSize(120, -1));
  m_docs = new DocumentsFilter(this, frame.session());
  m_docs->SetName("quire-analysis-documents");
  m_docs->SetToolTip("Only codings in the documents chosen (click to choose them)");
  label("Table");
  bar->Add(m_kind);
  label("Rows");
  bar->Add(m_rows);
  label("Columns");
  bar->Add(m_cols);
  label("Cases where");
  bar->Add(m_where, 0, wxEXPAND);
  label("Coder");
  bar->Add(m_coder);
  label("In");
  bar->Add(m_docs);
  label("Cell");
  bar->Add(m_cell);
  auto* top = new wxBoxSizer(wxHORIZONTAL);
  top->Add(bar, 0, wxALL, 6);
  top->AddStretchSpacer();
  auto* refresh = command_button(this, frame.commands(), "analysis/refresh", "Refresh");
  auto* excel =
      command_button(this, frame.commands(), "analysis/export-excel", L"Export to Excel…");
  auto* buttons = new wxBoxSizer(wxVERTICAL);
  buttons->Add(refresh, 0, wxEXPAND | wxBOTTOM, 4);
  buttons->Add(excel, 0, wxEXPAND);
  top->Add(buttons, 0, wxALL, 6);
  sizer->Add(top, 0, wxEXPAND);
  m_status = new wxStaticText(this, wxID_ANY, "");
  sizer->Add(m_status, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 6);

  m_grid = new wxGrid(this, wxID_ANY);
  m_grid->CreateGrid(0, 0);
  m_grid->EnableEditing(false);
  m_grid->SetRowLabelSize(240);
  m_grid->SetRowLabelAlignment(wxALIGN_LEFT, wxALIGN_CENTER);
  m_grid->SetDefaultCellAlignment(wxALIGN_RIGHT, wxALIGN_CENTER);
  m_grid->SetColLabelSize(28);
  m_list = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                          wxLC_REPORT | wxLC_SINGLE_SEL);
  m_list->AppendColumn("Document", wxLIST_FORMAT_LEFT, 140);
  m_list->AppendColumn("Case", wxLIST_FORMAT_LEFT, 90);
  m_list->AppendColumn("Passage behind the cell (double-click to read it)", wxLIST_FORMAT_LEFT,
                       640);
  m_grid->SetName("quire-analysis-grid");
  m_list->SetName("quire-analysis-passages");
  m_cols->SetName("quire-analysis-columns");
  m_kind->SetName("quire-analysis-kind");
  m_status->SetName("quire-analysis-status");
  m_grid->SetMinSize(wxSize(-1, 100)); // else the sizer gives the list its (tall) best size
  m_list->SetMinSize(wxSize(-1, 60));
  m_chart = new ColumnChart(this);
  auto* table = new wxBoxSizer(wxHORIZONTAL);
  table->Add(m_grid, 3, wxEXPAND);
  table->Add(m_chart, 1, wxEXPAND | wxLEFT, 4);
  sizer->Add(table, 2, wxEXPAND);
  sizer->Add(m_list, 1, wxEXPAND | wxTOP, 4);
  SetSizer(sizer);

  auto report = [this](const wxString& m) { m_frame.show_error(m); };
  auto rerun = [this, report](wxCommandEvent&) {
    auto col = static_cast<std::size_t>(std::max(0, m_cols->GetSelection()));
    if (col < m_col_values.size()) {
      m_columns = m_col_values[col];
    }
    update_enabled();
    save_settings();
    guarded([this] { run(); }, report);
  };
  for (auto* c : {m_kind, m_rows, m_cols, m_cell, m_coder}) {
    c->Bind(wxEVT_CHOICE, rerun);
  }
  m_where->Bind(wxEVT_TEXT_ENTER, rerun);
  m_docs->on_change = [this, report] { guarded([this] { run(); }, report); };
  m_grid->Bind(wxEVT_GRID_SELECT_CELL, [this, report](wxGridEvent& e) {
    guarded([&] { show_cell(e.GetRow(), e.GetCol()); }, report);
    chart_column(e.GetCol());
    e.Skip();
  });
  m_list->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent& e) { open_passage(e.GetIndex()); });

  auto& s = frame.session();
  s.opened.connect([this] {
    // This project's own choices, applied when its choices are filled.
    m_saved = load_analysis_settings(m_frame.session().path());
    m_where->SetValue(wx(m_saved->where));
    m_docs->reset();
    m_choices_stale = true;
    m_stale = true;
    m_rerun.request();
  });
  s.changed.connect([this](const ChangeSet& c) {
    if (c.everything || c.tables.count("code") || c.tables.count("attribute") ||
        c.tables.count("coder") || c.tables.count("case_value")) {
      m_choices_stale = true;
    }
    if (c.everything || c.tables.count("document")) {
      m_docs->prune(); // a deleted document counts no more
    }
    m_stale = true;
    m_rerun.request();
  });
  s.closed.connect([this] {
    m_hits.clear();
    m_list->DeleteAllItems();
    fill_grid({}, {}, {});
    m_status->SetLabel("");
    m_where->SetValue(""); // the next project's own, or none
    m_saved.reset();
    m_columns.clear();
    m_docs->reset();
  });
  fill_choices();
  update_enabled();
}

void AnalysisPane::fill_choices() {
  auto& s = m_frame.session();
  auto keep = [](wxChoice* c) {
    return c->GetSelection() > 0 ? c->GetStringSelection() : wxString();
  };
  auto old_rows = keep(m_rows), old_coder = keep(m_coder);
  m_rows->Clear();
  m_coder->Clear();
  m_row_ids = {0};
  m_attributes.clear();
  m_rows->Append("Every code");
  m_coder->Append("Every coder");
  if (s.is_open() && !s.busy()) {
    auto& p = s.project();
    for (const auto& c : s.codes().list) {
      m_rows->Append(wx(c.path));
      m_row_ids.push_back(c.id);
    }
    auto theme = default_theme_attribute(p);
    if (!theme.empty()) {
      m_attributes.push_back(theme);
    }
    for (const auto& a : list_attributes(p)) {
      if (a.name != theme) {
        m_attributes.push_back(a.name);
      }
    }
    for (const auto& c : list_coders(p)) {
      m_coder->Append(wx(c));
    }
  }
  auto restore = [](wxChoice* c, const wxString& old) {
    int at = old.empty() ? wxNOT_FOUND : c->FindString(old, true);
    c->SetSelection(at == wxNOT_FOUND ? 0 : at);
  };
  restore(m_rows, old_rows);
  restore(m_coder, old_coder);
  fill_columns();
}

void AnalysisPane::fill_columns() {
  m_cols->Clear();
  m_col_values.clear();
  for (const auto& a : m_attributes) {
    m_cols->Append(wx(a));
    m_col_values.push_back("attr:" + a);
  }
  if (kind() == AnalysisKind::Matrix || m_attributes.empty()) {
    for (const char* c : {"Cases", "Documents", "Codes"}) {
      m_cols->Append(c);
      m_col_values.push_back(wxString(c).Lower().ToStdString());
      if (kind() != AnalysisKind::Matrix) {
        break; // a theme table without attributes: a column per case
      }
    }
  }
  auto at = std::find(m_col_values.begin(), m_col_values.end(), m_columns);
  m_cols->SetSelection(at == m_col_values.end() ? 0 : static_cast<int>(at - m_col_values.begin()));
}

void AnalysisPane::apply_saved() {
  if (!m_saved) {
    return;
  }
  auto saved = *m_saved;
  m_saved.reset();
  auto pick = [](wxChoice* c, const std::string& item) {
    int at = item.empty() ? wxNOT_FOUND : c->FindString(wx(item), true);
    c->SetSelection(at == wxNOT_FOUND ? 0 : at);
  };
  if (saved.kind >= 0 && saved.kind < static_cast<int>(m_kind->GetCount())) {
    m_kind->SetSelection(saved.kind);
  }
  pick(m_rows, saved.rows);
  pick(m_coder, saved.coder);
  if (saved.cell >= 0 && saved.cell < static_cast<int>(m_cell->GetCount())) {
    m_cell->SetSelection(saved.cell);
  }
  m_columns = saved.columns;
  fill_columns();
  // A condition on attributes this project lacks is dropped, not reported.
  if (!saved.where.empty()) {
    try {
      parse_conditions(m_frame.session().project(), saved.where);
    } catch (const Error&) {
      m_where->SetValue("");
    }
  }
}

std::string AnalysisPane::theme_attribute() const {
  const auto& chosen = m_saved ? m_saved->columns : m_columns; // kept, if not yet applied
  auto& s = m_frame.session();
  if (chosen.rfind("attr:", 0) != 0 || !s.is_open() || s.busy()) {
    return "";
  }
  auto name = chosen.substr(5);
  for (const auto& a : list_attributes(s.project())) {
    if (a.name == name) {
      return name;
    }
  }
  return ""; // not in this project: the default
}

AnalysisSettings AnalysisPane::settings() const {
  AnalysisSettings out;
  out.kind = static_cast<int>(kind());
  auto row = static_cast<std::size_t>(std::max(0, m_rows->GetSelection()));
  out.rows = row > 0 ? utf8(m_rows->GetString(static_cast<unsigned>(row))) : "";
  out.columns = m_columns;
  out.cell = std::max(0, m_cell->GetSelection());
  out.coder = m_coder->GetSelection() > 0 ? utf8(m_coder->GetStringSelection()) : "";
  out.where = utf8(m_where->GetValue().Strip(wxString::both));
  return out;
}

void AnalysisPane::save_settings() const {
  const auto& s = m_frame.session();
  if (s.is_open()) {
    // Before the project's kept choices are applied, the boxes still show
    // defaults: keep those choices (with a kind asked for since).
    save_analysis_settings(s.path(), m_saved ? *m_saved : settings());
  }
}

AnalysisKind AnalysisPane::kind() const {
  return static_cast<AnalysisKind>(m_kind->GetSelection());
}

void AnalysisPane::set_kind(AnalysisKind k) {
  m_kind->SetSelection(static_cast<int>(k));
  if (m_saved) {
    m_saved->kind = static_cast<int>(k); // asked for now: it wins over the kept one
  }
  update_enabled();
  save_settings();
  m_stale = true;
  refresh_if_stale(); // now if the page is on screen, else when it is shown
}

void AnalysisPane::update_enabled() {
  auto k = kind();
  m_cols->Enable(k == AnalysisKind::Matrix || k == AnalysisKind::ThemeTable);
  m_cell->Enable(k == AnalysisKind::Matrix);
  m_rows->Enable(k != AnalysisKind::Frequencies);
  if (k == AnalysisKind::ThemeTable) {
    m_cell->SetSelection(0); // a theme table counts cases
  }
  if (k == AnalysisKind::ThemeTable || k == AnalysisKind::Matrix) {
    fill_columns(); // a theme table's columns are attributes only
  }
}

AnalysisFilter AnalysisPane::filter() const {
  auto f = filter_of(*m_where, m_coder);
  f.documents = m_docs->chosen();
  return f;
}

MatrixSpec AnalysisPane::matrix_spec() const {
  auto& p = m_frame.session().project();
  auto row_sel = static_cast<std::size_t>(std::max(0, m_rows->GetSelection()));
  std::vector<std::string> rows = {"codes"};
  if (row_sel > 0 && row_sel < m_row_ids.size()) {
    rows = {get_code(p, m_row_ids[row_sel]).path};
  }
  auto col_sel = static_cast<std::size_t>(std::max(0, m_cols->GetSelection()));
  auto spec = parse_matrix_spec(p, rows, m_col_values.at(col_sel),
                                cell_words[std::max(0, m_cell->GetSelection())]);
  spec.filter = filter();
  return spec;
}

std::string AnalysisPane::matrix_title() const {
  auto& p = m_frame.session().project();
  auto row_sel = static_cast<std::size_t>(std::max(0, m_rows->GetSelection()));
  std::string rows = row_sel > 0 ? get_code(p, m_row_ids[row_sel]).path : "Codes";
  auto col_sel = static_cast<unsigned>(std::max(0, m_cols->GetSelection()));
  return rows + " by " + utf8(m_cols->GetString(col_sel)) + ", counting " +
         cell_words[std::max(0, m_cell->GetSelection())];
}

void AnalysisPane::fill_grid(const std::vector<wxString>& row_labels,
                             const std::vector<wxString>& col_labels,
                             const std::function<wxString(std::size_t, std::size_t)>& cell,
                             const std::function<double(std::size_t, std::size_t)>& shade) {
  m_grid->BeginBatch();
  if (m_grid->GetNumberRows() > 0) {
    m_grid->DeleteRows(0, m_grid->GetNumberRows());
  }
  if (m_grid->GetNumberCols() > 0) {
    m_grid->DeleteCols(0, m_grid->GetNumberCols());
  }
  m_grid->AppendCols(static_cast<int>(col_labels.size()));
  m_grid->AppendRows(static_cast<int>(row_labels.size()));
  for (std::size_t c = 0; c < col_labels.size(); ++c) {
    m_grid->SetColLabelValue(static_cast<int>(c), col_labels[c]);
  }
  for (std::size_t r = 0; r < row_labels.size(); ++r) {
    m_grid->SetRowLabelValue(static_cast<int>(r), row_labels[r]);
    for (std::size_t c = 0; c < col_labels.size(); ++c) {
      auto row = static_cast<int>(r), col = static_cast<int>(c);
      m_grid->SetCellValue(row, col, cell(r, c));
      // A heat map: the deeper the blue, the larger the value (the number stays).
      auto colours = heat_colours(shade ? shade(r, c) : 0);
      m_grid->SetCellBackgroundColour(row, col, colours.background);
      m_grid->SetCellTextColour(row, col, colours.text);
    }
  }
  // Row labels as wide as the longest code name (within reason): the
  // columns and the chart beside them get the rest.
  int label_width = 120;
  {
    wxClientDC dc(m_grid);
    dc.SetFont(m_grid->GetLabelFont());
    for (const auto& l : row_labels) {
      label_width = std::max(label_width, dc.GetTextExtent(l).x + 24);
    }
  }
  m_grid->SetRowLabelSize(std::min(label_width, 280));
  m_grid->AutoSizeColumns(false);
  for (int c = 0; c < m_grid->GetNumberCols(); ++c) {
    m_grid->SetColSize(c, std::max(m_grid->GetColSize(c), 80));
  }
  m_grid->EndBatch();
  m_hits.clear();
  m_list->DeleteAllItems();
  chart_column(col_labels.empty() ? -1 : 0);
}

void AnalysisPane::run() {
  auto& s = m_frame.session();
  if (!s.is_open() || s.busy()) {
    return;
  }
  if (m_choices_stale) {
    // Filled when the page is first used, not when a project opens.
    m_choices_stale = false;
    fill_choices();
    apply_saved();
    update_enabled();
  }
  m_stale = false;
  auto& p = s.project();
  auto k = kind();
  m_shown = k;
  // The chart of a column beside a theme table or matrix; a co-occurrence
  // table or the frequencies take the width.
  bool chart = k == AnalysisKind::ThemeTable || k == AnalysisKind::Matrix;
  if (m_chart->IsShown() != chart) {
    m_chart->Show(chart);
    Layout();
  }
  auto name_of = [](const Code& c) {
    return wxString(' ', 3 * static_cast<std::size_t>(c.level)) + wx(c.name);
  };
  if (k == AnalysisKind::ThemeTable || k == AnalysisKind::Matrix) {
    m_spec = matrix_spec();
    m_matrix = matrix(p, m_spec);
    std::vector<wxString> rows, cols;
    for (const auto& c : m_matrix.rows) {
      rows.push_back(name_of(c));
    }
    for (const auto& c : m_matrix.cols) {
      cols.push_back(wx(c));
    }
    bool pct = k == AnalysisKind::ThemeTable && !m_matrix.col_bases.empty();
    std::int64_t most = 0;
    for (const auto& row : m_matrix.counts) {
      for (auto n : row) {
        most = std::max(most, n);
      }
    }
    fill_grid(
        rows, cols,
        [&](std::size_t r, std::size_t c) {
          auto n = m_matrix.counts[r][c];
          if (n == 0) {
            return wxString(L"·");
          }
          return pct ? wxString::Format("%lld  (%s)", static_cast<long long>(n),
                                        percent_text(m_matrix.col_pct(r, c)))
                     : number(n);
        },
        [&](std::size_t r, std::size_t c) {
          // A theme table by its column %, a matrix by its counts.
          return pct        ? m_matrix.col_pct(r, c) / 100.0
                 : most > 0 ? static_cast<double>(m_matrix.counts[r][c]) / most
                            : 0.0;
        });
    static const char* const units[] = {"cases", "codings", "words coded"};
    m_status->SetLabel(
        wxString::Format("%s by %s: %s in each cell%s. Click a cell to see the passages behind it.",
                         k == AnalysisKind::ThemeTable ? "Theme table: codes" : "Codes",
                         m_cols->GetStringSelection(), units[static_cast<int>(m_matrix.cell)],
                         pct ? " (column % of the cases in the column)" : ""));
  } else if (k == AnalysisKind::Cooccurrence) {
    CooccurrenceSpec spec;
    auto row_sel = static_cast<std::size_t>(std::max(0, m_rows->GetSelection()));
    if (row_sel > 0) {
      spec.codes = code_subtree(p, m_row_ids[row_sel]);
    }
    // A parent code stands for its subcodes, as a theme table's row does:
    // else a parent without codings of its own showed a blank row.
    spec.with_subcodes = true;
    spec.filter = filter();
    m_cooc = cooccurrence(p, spec);
    std::vector<wxString> rows, cols;
    for (const auto& c : m_cooc.codes) {
      rows.push_back(name_of(c));
      cols.push_back(wx(c.name));
    }
    fill_grid(rows, cols, [&](std::size_t r, std::size_t c) {
      auto n = m_cooc.counts[r][c];
      return n ? number(n) : wxString(L"·");
    });
    m_status->SetLabel("Co-occurrence: overlaps of two codes' codings, a code with its subcodes "
                       "(the diagonal: its own stretches). Click a cell for the passages.");
  } else {
    m_freq = code_frequencies(p, filter());
    std::vector<wxString> rows;
    for (const auto& f : m_freq) {
      rows.push_back(name_of(f.code));
    }
    fill_grid(rows, {"Codings", "Documents", "Cases", "% cases", "Words"},
              [&](std::size_t r, std::size_t c) {
                const auto& n = m_freq[r].with_subcodes;
                switch (c) {
                case 0: return number(n.codings);
                case 1: return number(n.documents);
                case 2: return number(n.cases);
                case 3: return percent_text(n.pct_cases);
                default: return number(n.words);
                }
              });
    m_status->SetLabel("Code frequencies, each code with its subcodes. Click a row for its "
                       "codings.");
  }
}

void AnalysisPane::chart_column(int col) {
  if (col < 0) {
    m_chart->clear();
    return;
  }
  auto c = static_cast<std::size_t>(col);
  std::vector<ColumnChart::Bar> bars;
  wxString title;
  double max = 0;
  auto name_of = [](const Code& code) { return wx(code.name); };
  if ((m_shown == AnalysisKind::ThemeTable || m_shown == AnalysisKind::Matrix) &&
      c < m_matrix.cols.size()) {
    bool pct = m_shown == AnalysisKind::ThemeTable && !m_matrix.col_bases.empty();
    for (std::size_t r = 0; r < m_matrix.rows.size(); ++r) {
      auto n = m_matrix.counts[r][c];
      bars.push_back({name_of(m_matrix.rows[r]), pct ? m_matrix.col_pct(r, c) : double(n),
                      pct ? wxString::Format("%lld (%s)", static_cast<long long>(n),
                                             percent_text(m_matrix.col_pct(r, c)))
                          : number(n)});
    }
    title = wx(m_matrix.cols[c]) +
            (pct ? wxString::Format(" (n=%lld): %% of cases", // as the workbook heads it
                                    static_cast<long long>(m_matrix.col_bases[c]))
                 : wxString(": per code"));
    max = pct ? 100 : 0;
  } else if (m_shown == AnalysisKind::Cooccurrence && c < m_cooc.codes.size()) {
    for (std::size_t r = 0; r < m_cooc.codes.size(); ++r) {
      bars.push_back(
          {name_of(m_cooc.codes[r]), double(m_cooc.counts[r][c]), number(m_cooc.counts[r][c])});
    }
    title = wx(m_cooc.codes[c].name) + ": overlaps per code";
  } else if (m_shown == AnalysisKind::Frequencies && c < 5) {
    static const char* const heads[] = {"Codings", "Documents", "Cases", "% cases", "Words"};
    for (std::size_t r = 0; r < m_freq.size(); ++r) {
      const auto& n = m_freq[r].with_subcodes;
      double v = c == 0   ? double(n.codings)
                 : c == 1 ? double(n.documents)
                 : c == 2 ? double(n.cases)
                 : c == 3 ? n.pct_cases
                          : double(n.words);
      bars.push_back({name_of(m_freq[r].code), v, m_grid->GetCellValue(int(r), col)});
    }
    title = wxString(heads[c]) + " per code";
  }
  m_chart->set(title, std::move(bars), max);
}

void AnalysisPane::refresh_if_stale() {
  if (m_stale && IsShownOnScreen()) {
    guarded([this] { run(); }, [this](const wxString& m) { m_frame.show_error(m); });
  }
}

void AnalysisPane::show_cell(int row, int col) {
  auto& s = m_frame.session();
  if (!s.is_open() || s.busy() || row < 0 || col < 0) {
    return;
  }
  auto r = static_cast<std::size_t>(row), c = static_cast<std::size_t>(col);
  m_hits.clear();
  if (m_shown == AnalysisKind::ThemeTable || m_shown == AnalysisKind::Matrix) {
    if (r < m_matrix.rows.size() && c < m_matrix.cols.size()) {
      m_hits = matrix_cell_hits(s.project(), m_spec, r, c);
    }
  } else if (m_shown == AnalysisKind::Cooccurrence) {
    if (r < m_cooc.hits.size() && c < m_cooc.hits[r].size()) {
      m_hits = m_cooc.hits[r][c];
    }
  } else if (r < m_freq.size()) {
    // The codings the row counts: under the same filter ("Cases where",
    // coder, documents) as the table.
    m_hits = code_frequency_hits(s.project(), m_freq[r].code.id, filter());
  }
  m_list->Freeze();
  m_list->DeleteAllItems();
  for (std::size_t i = 0; i < m_hits.size() && i < 5000; ++i) {
    const auto& h = m_hits[i];
    long at = m_list->InsertItem(static_cast<long>(i), wx(h.document_name));
    m_list->SetItem(at, 1, wx(h.case_name));
    m_list->SetItem(at, 2, one_line(h.text, 300));
  }
  m_list->Thaw();
}

void AnalysisPane::select_code_row(Id code) {
  const std::vector<Code>* rows = nullptr;
  if (m_shown == AnalysisKind::ThemeTable || m_shown == AnalysisKind::Matrix) {
    rows = &m_matrix.rows;
  } else if (m_shown == AnalysisKind::Cooccurrence) {
    rows = &m_cooc.codes;
  }
  for (std::size_t r = 0; rows && r < rows->size(); ++r) {
    if ((*rows)[r].id == code) {
      int col = 0;
      for (int c = 0; c < m_grid->GetNumberCols(); ++c) {
        if (m_grid->GetCellValue(static_cast<int>(r), c) != L"·") {
          col = c;
          break;
        }
      }
      m_grid->SetGridCursor(static_cast<int>(r), col);
      m_grid->SelectBlock(static_cast<int>(r), col, static_cast<int>(r), col);
      m_grid->MakeCellVisible(static_cast<int>(r), col);
      return;
    }
  }
}

void AnalysisPane::open_passage(long i) {
  if (i < 0 || static_cast<std::size_t>(i) >= m_hits.size()) {
    return;
  }
  const auto& h = m_hits[static_cast<std::size_t>(i)];
  guarded(
      [&] {
        m_frame.session().show_document(h.document_id, std::pair{h.start, h.end});
      },
      [this](const wxString& m) { m_frame.show_error(m); });
}

void AnalysisPane::export_excel(const std::filesystem::path& out) {
  auto& s = m_frame.session();
  auto& p = s.project();
  ExportOptions o;
  o.filter = filter();
  auto col_sel = static_cast<std::size_t>(std::max(0, m_cols->GetSelection()));
  const auto& cols = m_col_values.at(col_sel);
  if (cols.rfind("attr:", 0) == 0) {
    o.theme_attribute = cols.substr(5);
  }
  if (kind() == AnalysisKind::Matrix) {
    o.matrices.push_back({matrix_spec(), matrix_title()}); // "Codes by Role, counting cases"
  }
  ExportReport done;
  try {
    s.run_job(&m_frame, "Export to Excel",
              [&](Progress& progress) { done = export_file(p, out, o, "xlsx", progress); });
  } catch (const Cancelled&) {
    m_frame.SetStatusText(
        wx("Export to " + out.filename().string() + " cancelled; no file written"), 0);
    throw;
  }
  tell_exported(m_frame, out, done);
}

} // namespace quire::gui
