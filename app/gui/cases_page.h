#pragma once
// The Cases page: every case as a row and its attributes as columns, in an
// editable grid over a virtual table (100,000 cases open at once). Typing in
// a cell sets the value through core (typed_value: bad input is refused in
// place with the reason, and nothing changes); a missing value shows as a
// grey "—"; type to filter, click a column's title to sort; drop documents
// from Sources on a row to link them to that case. Every edit is a core
// action, so one undo step, and the page reloads on the session's change
// signal like every other view. The commands are in commands_cases.cpp.
#include <optional>
#include <string>
#include <vector>

#include <wx/grid.h>
#include <wx/panel.h>

#include "cases_model.h"
#include "deferred.h"

class wxStaticText;
class wxTextCtrl;

namespace quire::gui {

class MainFrame;

class CasesPage : public wxPanel {
public:
  CasesPage(wxWindow* parent, MainFrame& frame);

  const CasesModel& model() const { return m_model; }
  wxGrid& grid() { return *m_grid; }
  wxTextCtrl& filter_box() { return *m_filter; }
  /// The last refusal or note shown under the grid ("" when none).
  wxString message() const;

  /// Re-reads the cases from the project, keeping the cursor on its case.
  void reload();
  /// Sets a cell from typed text as the grid's editor does: renames the case
  /// (first column) or sets the value (typed_value). Returns false, showing
  /// the reason under the grid, when refused (the project is unchanged).
  bool edit_cell(int row, int column, const wxString& text);
  /// Shows only cases whose name or a value contains text.
  void set_filter(const wxString& text);
  /// Sorts by a column (the same column again reverses the order).
  void sort_by(int column);
  /// Links documents to the case of a row (one undo step).
  bool link_documents(int row, const std::vector<Id>& documents);
  /// Moves the grid's cursor to a cell.
  void select_cell(int row, int column);

  /// The case at the cursor, if any.
  std::optional<Case> current_case() const;
  /// The cases of the selected rows, or the cursor's when no row is selected.
  std::vector<Case> selected_cases() const;
  /// The attribute of the cursor's column, if it is an attribute column.
  std::optional<Attribute> current_attribute() const;
  /// Puts the cursor on a case (and attribute) after a reload.
  void focus_case(Id case_id, std::optional<Id> attribute = {});

  /// Shows a refusal (red) or a note under the grid.
  void tell(const wxString& text, bool refusal);

private:
  class Table;
  void reset_table();
  void update_count();
  wxString cell_text(int row, int column) const;

  MainFrame& m_frame;
  CasesModel m_model;
  wxGrid* m_grid = nullptr;
  wxTextCtrl* m_filter = nullptr;
  wxStaticText* m_count = nullptr;
  wxStaticText* m_message = nullptr;
  std::optional<std::pair<int, int>> m_editing; ///< the cell whose editor is open
  std::optional<Id>
      m_edited_case; ///< the case edit_cell is changing (its change re-reads it alone)
  Deferred m_reload;
};

} // namespace quire::gui
