#pragma once
// Search: a query box (syntax hint, history), filters by code, case and
// attribute (choose the attribute, then tick any of its values in a list that
// typing narrows), and the passages found with their hits highlighted. Double-click
// a passage to read it in its document; "Code all hits…" codes what the query
// finds, "Find similar" lists passages like a result, a coding or a code.
#include <map>
#include <set>
#include <string>
#include <vector>

#include <wx/htmllbox.h>
#include <wx/panel.h>

#include "deferred.h"
#include "quire/search/search_index.h"

class wxButton;
class wxCheckListBox;
class wxChoice;
class wxSearchCtrl;
class wxComboBox;
class wxStaticText;

namespace quire::gui {

class MainFrame;

/// The passages found, as HTML rows (hits highlighted); virtual.
class HitList : public wxHtmlListBox {
public:
  HitList(wxWindow* parent, const std::vector<SearchHit>& hits);

protected:
  wxString OnGetItem(size_t n) const override;

private:
  const std::vector<SearchHit>& m_hits;
};

/// A snippet with hits between « and » as HTML with the hits highlighted.
wxString snippet_html(const std::string& snippet);

class SearchPane : public wxPanel {
public:
  SearchPane(wxWindow* parent, MainFrame& frame);

  /// Puts query in the box and runs it (what typing it and Enter do).
  void search(const wxString& query);
  /// Runs the query in the box with the filters; opens the index on first use.
  void run();
  /// The query the core gets: the box's text and the filters' terms.
  std::string full_query() const;
  /// Lists passages like the selected result; without one, like the selected
  /// coding, else like the selected code's codings (leaving out those coded).
  void find_similar();
  /// Asks for a code and a unit, showing how many ranges first, then codes
  /// every hit of the query as one undoable action.
  void code_all_hits();
  /// Shows result i in its document, its first hit selected.
  void open_hit(long i);

  const std::vector<SearchHit>& hits() const { return m_hits; }
  /// True when the list holds similar passages rather than a query's hits.
  bool showing_similar() const { return m_similar; }
  wxComboBox& query_box() { return *m_query; }
  wxChoice& code_filter() { return *m_code; }
  wxChoice& case_filter() { return *m_case; }
  /// The attribute to filter by ("Any attribute" first), then its values.
  wxChoice& attribute_filter() { return *m_attr; }
  /// Typing here narrows the list of the chosen attribute's values.
  wxSearchCtrl& value_filter() { return *m_value_find; }
  /// The chosen attribute's values (those matching what is typed): a passage
  /// is kept when its case has any value ticked.
  wxCheckListBox& value_list() { return *m_values; }
  /// The values ticked (also those the typed text hides).
  const std::set<std::string>& values_ticked() const { return m_ticked; }
  HitList& list() { return *m_list; }
  /// The line above the results ("12 passages", "Did you mean…").
  wxString status() const;

private:
  /// Fills the filter drop-downs if stale and the pane is shown (or even_hidden).
  void fill_filters(bool even_hidden = false);
  void remember(const wxString& query);
  void show(std::vector<SearchHit> hits, const wxString& status);
  /// Fills the value list for the chosen attribute and what is typed.
  void fill_values();
  /// Runs the query again after a filter changed (when there is one).
  void filter_changed();

  MainFrame& m_frame;
  std::vector<SearchHit> m_hits;
  bool m_similar = false;      ///< the list holds similar passages, not a query's hits
  bool m_filters_stale = true; ///< the filter drop-downs need filling (when shown)
  wxComboBox* m_query = nullptr;
  wxChoice* m_code = nullptr;
  wxChoice* m_case = nullptr;
  wxChoice* m_attr = nullptr;
  wxSearchCtrl* m_value_find = nullptr;
  wxCheckListBox* m_values = nullptr;
  std::map<std::string, std::vector<std::string>> m_attr_values; ///< attribute -> values
  std::vector<std::string> m_values_shown;                       ///< per item of m_values
  std::set<std::string> m_ticked; ///< values of the chosen attribute ticked
  wxStaticText* m_status = nullptr;
  HitList* m_list = nullptr;
  wxButton* m_code_all = nullptr;
  wxButton* m_similar_button = nullptr;
  std::vector<std::string> m_code_terms, m_case_terms; ///< per choice item
  Deferred m_rerun, m_refill;
  bool m_results_stale = false; ///< the project changed while the pane was hidden
};

} // namespace quire::gui
