#pragma once
// Analysis: a theme table, a matrix, co-occurrence or code frequencies in a
// grid, with choices of rows, columns, cell and filters (core/include/quire/analysis/analysis.h).
// Click a cell to list the passages behind it (double-click one to read it in
// its document); "Export to Excel…" writes the workbook as a job.
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <wx/panel.h>

#include "analysis_settings.h"
#include "deferred.h"
#include "quire/analysis/analysis.h"

class wxChoice;
class wxGrid;
class wxListCtrl;
class wxStaticText;
class wxTextCtrl;

namespace quire::gui {

class DocumentsFilter;

class ColumnChart;
class MainFrame;

enum class AnalysisKind { ThemeTable, Matrix, Cooccurrence, Frequencies };

/// A percentage as a cell shows it: whole numbers, but never "0%" for a count
/// that is there ("<1%") nor "100%" for one short of all (">99%").
wxString percent_text(double pct);

class AnalysisPane : public wxPanel {
public:
  AnalysisPane(wxWindow* parent, MainFrame& frame);

  /// Computes the table for the current choices and fills the grid.
  void run();
  /// Runs again if the project changed since the table was made.
  void refresh_if_stale();
  /// Lists the passages behind a cell (what clicking it does).
  void show_cell(int row, int col);
  /// Puts the grid cursor on a code's row (its first non-empty cell), which
  /// lists that cell's passages.
  void select_code_row(Id code);
  /// Shows passage i of the cell in its document (what double-click does).
  void open_passage(long i);
  /// Writes the workbook (the tables, with this one as a matrix sheet) as a job.
  void export_excel(const std::filesystem::path& out);

  AnalysisKind kind() const;
  void set_kind(AnalysisKind k);
  wxChoice& rows_choice() { return *m_rows; }
  wxChoice& cols_choice() { return *m_cols; }
  wxChoice& cell_choice() { return *m_cell; }
  wxChoice& coder_choice() { return *m_coder; }
  DocumentsFilter& documents_filter() { return *m_docs; }
  wxTextCtrl& where() { return *m_where; }
  wxGrid& grid() { return *m_grid; }
  wxListCtrl& passages() { return *m_list; }
  const std::vector<Hit>& cell_hits() const { return m_hits; }
  /// The matrix shown (theme table and matrix).
  const Matrix& matrix_shown() const { return m_matrix; }
  /// The co-occurrence table shown.
  const Cooccurrence& cooccurrence_shown() const { return m_cooc; }
  /// The chart of the chosen column (the column of the cell last clicked).
  ColumnChart& chart() { return *m_chart; }
  /// The attribute chosen as the theme table's columns ("" for the default),
  /// which the workbook's Theme table sheet follows (File > Export… too).
  std::string theme_attribute() const;
  /// The choices shown, as they are kept for the project.
  AnalysisSettings settings() const;

private:
  void fill_choices();
  /// The Columns box for the kind of table: a theme table offers the cases'
  /// attributes (each value a column), a matrix also cases, documents, codes.
  void fill_columns();
  /// The settings kept for the project, applied once its choices are filled:
  /// a choice the project does not have (an attribute, a code, a coder, a
  /// condition) falls back to the default without a word.
  void apply_saved();
  void save_settings() const;
  void update_enabled();
  /// Charts column col of the table shown.
  void chart_column(int col);
  AnalysisFilter filter() const;
  MatrixSpec matrix_spec() const;
  /// The matrix in words, for the workbook: "Codes by Role, counting cases".
  std::string matrix_title() const;
  void fill_grid(const std::vector<wxString>& row_labels, const std::vector<wxString>& col_labels,
                 const std::function<wxString(std::size_t, std::size_t)>& cell,
                 const std::function<double(std::size_t, std::size_t)>& shade = {});

  MainFrame& m_frame;
  wxChoice* m_kind = nullptr;
  wxChoice* m_rows = nullptr;
  wxChoice* m_cols = nullptr;
  wxChoice* m_cell = nullptr;
  wxChoice* m_coder = nullptr;
  DocumentsFilter* m_docs = nullptr; ///< "In": the documents counted (the CLI's --doc)
  wxTextCtrl* m_where = nullptr;
  wxStaticText* m_status = nullptr;
  wxGrid* m_grid = nullptr;
  wxListCtrl* m_list = nullptr;
  ColumnChart* m_chart = nullptr;
  std::vector<Id> m_row_ids;               ///< per rows choice item (0: every code)
  std::vector<std::string> m_col_values;   ///< per columns choice item: "attr:X", "cases"...
  std::vector<std::string> m_attributes;   ///< the cases' attributes, the default theme one first
  std::string m_columns;                   ///< the Columns chosen ("attr:X", "cases"...)
  std::optional<AnalysisSettings> m_saved; ///< the project's, to apply with its choices
  MatrixSpec m_spec;                       ///< of the matrix shown
  Matrix m_matrix;
  Cooccurrence m_cooc;
  std::vector<CodeFrequency> m_freq;
  AnalysisKind m_shown = AnalysisKind::ThemeTable;
  std::vector<Hit> m_hits;
  bool m_stale = true;
  bool m_choices_stale = true; ///< rows, columns, coders to fill before the next run
  Deferred m_rerun;
};

} // namespace quire::gui
