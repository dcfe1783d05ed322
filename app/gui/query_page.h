#pragma once
// Analysis > Coding Query: a query of codes (AND, OR, NOT, WITHIN, NEAR n,
// parentheses) typed or built from a code list and an operator, with case
// conditions ("Role = Teacher"), a coder and the documents, run by core's coding_query()
// (what `quire query` runs). The results are listed with the text around
// them; double-click one to read it in its document; "Code Results As New
// Code…" codes them all with a new code in one undoable step.
#include <string>
#include <vector>

#include <wx/panel.h>

#include "deferred.h"
#include "quire/analysis/analysis.h"

class wxChoice;
class wxListCtrl;
class wxSpinCtrl;
class wxStaticText;
class wxTextCtrl;

namespace quire::gui {

class DocumentsFilter;
class MainFrame;

class QueryPage : public wxPanel {
public:
  QueryPage(wxWindow* parent, MainFrame& frame);

  /// Runs the query as typed; a bad query or condition is told in the
  /// status line (and the results emptied). Returns whether it ran.
  bool run();
  /// Runs the query, throwing what coding_query() throws.
  void run_or_throw();
  /// Appends the code chosen in the list to the query, joined by the chosen
  /// operator ("AND", "OR", "NOT", "WITHIN", "NEAR"), what "Add" does.
  void add_chosen_code();
  /// Codes every result with a new code at path (one undo step); throws
  /// InputError when there are no results or the code exists.
  void code_results_as(const std::string& path);
  /// Asks for the new code's name, then code_results_as().
  void ask_and_code_results();
  /// Shows result i in its document (what double-click does).
  void open_result(long i);

  wxTextCtrl& query() { return *m_query; }
  wxTextCtrl& where() { return *m_where; }
  wxChoice& code_choice() { return *m_code; }
  wxChoice& operator_choice() { return *m_op; }
  wxSpinCtrl& near_spin() { return *m_near; }
  wxChoice& coder_choice() { return *m_coder; }
  DocumentsFilter& documents() { return *m_docs; }
  wxListCtrl& results() { return *m_list; }
  wxStaticText& status() { return *m_status; }
  const std::vector<Hit>& hits() const { return m_hits; }
  /// The query the results come from ("" before any run).
  const std::string& query_run() const { return m_ran; }

private:
  void fill_choices();
  AnalysisFilter filter() const;
  void show_hits();

  MainFrame& m_frame;
  wxTextCtrl* m_query = nullptr;
  wxTextCtrl* m_where = nullptr;
  wxChoice* m_code = nullptr;
  wxChoice* m_op = nullptr;
  wxSpinCtrl* m_near = nullptr;
  wxChoice* m_coder = nullptr;
  DocumentsFilter* m_docs = nullptr;
  wxListCtrl* m_list = nullptr;
  wxStaticText* m_status = nullptr;
  std::vector<std::string> m_code_paths; ///< per item of m_code
  std::vector<Hit> m_hits;
  std::string m_ran;
  bool m_choices_stale = true;
  bool m_stale = false;
  Deferred m_refresh;
};

} // namespace quire::gui
