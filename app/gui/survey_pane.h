#pragma once
// The survey grid: rows are respondents, columns the respondent ID (frozen at
// the left), the questions' open-ended answers and then the attributes (a
// virtual wxGrid: only the rows in view are read). An answer coded with a
// code (question codes aside) carries a marker in the code's colour with the
// number of codes; its tooltip names them. Click a column's title to sort by
// it; filter by an attribute's value; "Read" one question to go through its
// answers in sequence. The selected answer shows below (an ID or attribute
// cell: all the row's answers, each labelled with its question), where text
// is selected and coded like in the document view; the reader takes 40% of
// the height at first, then the share the user gives it.
#include <optional>
#include <string>
#include <vector>

#include <wx/grid.h>
#include <wx/panel.h>

#include "survey_model.h"

class wxChoice;
class wxSplitterWindow;
class wxStaticText;

namespace quire::gui {

class MainFrame;
class CodedText;
class CodingStripes;

class SurveyPane : public wxPanel {
public:
  SurveyPane(wxWindow* parent, MainFrame& frame);

  /// Shows a survey; with a question, reads that question's answers in sequence.
  void show(const std::string& folder, std::optional<Id> question = {});
  /// Reads one question (its id), or every column (nullopt).
  void read_question(std::optional<Id> question);
  /// Sorts by a shown column (a second call on the same column reverses).
  void sort_by(int column);
  /// Shows only respondents whose attribute has value ("" attribute: all).
  void filter(const std::string& attribute, const std::string& value);
  /// Selects a cell and shows its answer below.
  void select_cell(int row, int column);

  wxGrid& grid() { return *m_grid; }
  SurveyModel& model() { return m_model; }
  CodedText& answer_view() { return *m_answer; }
  /// The model column shown at grid column c.
  std::size_t model_column(int c) const { return m_visible.at(static_cast<std::size_t>(c)); }
  /// Text of a shown cell (what the grid displays).
  wxString cell_text(int row, int column);
  /// The codes inside a shown answer cell (question codes aside): its marker.
  const std::vector<Id>& cell_codes(int row, int column);
  /// What a cell's tooltip says ("Coded: Themes/Change, Barriers/Time"; "" uncoded).
  wxString cell_tooltip(int row, int column);
  /// The share of the pane's height the reader below the grid takes.
  double reader_share() const;

private:
  class Table;
  class Renderer;
  void reset_table();
  /// Shows every answer of a row's respondent, each labelled with its question.
  void show_row_answers(int row, const std::string& why);
  void place_sash();
  /// Freezes the ID column when it can (the grid must be wide enough).
  void freeze_id();
  void on_change(const ChangeSet& c);
  void reload_answer_codings();
  void show_answer(int row, int column);
  void fill_survey_choice();

  MainFrame& m_frame;
  SurveyModel m_model;
  std::vector<std::size_t> m_visible; ///< model columns shown
  std::optional<Id> m_reading;        ///< question read in sequence
  int m_sort_column = 0;
  bool m_sort_ascending = true;
  wxChoice* m_survey = nullptr;
  wxChoice* m_read = nullptr;
  wxChoice* m_filter_attr = nullptr;
  wxChoice* m_filter_value = nullptr;
  wxStaticText* m_count = nullptr;
  wxGrid* m_grid = nullptr;
  wxSplitterWindow* m_split = nullptr;
  bool m_sash_placed = false;
  wxStaticText* m_answer_title = nullptr;
  CodedText* m_answer = nullptr;
  CodingStripes* m_stripes = nullptr;
};

} // namespace quire::gui
