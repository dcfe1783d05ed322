#pragma once
// The documents filter of the Coding Query and Word Frequencies pages (the
// CLI's --doc): a button that says which documents count ("All documents",
// "interview-cafe", "2 of 5 documents") and opens a checklist of the
// project's documents. What it holds goes to AnalysisFilter::documents.
#include <functional>
#include <vector>

#include <wx/button.h>

#include "quire/base/types.h"

namespace quire::gui {

class Session;

class DocumentsFilter : public wxButton {
public:
  DocumentsFilter(wxWindow* parent, Session& s);

  /// The documents chosen, in the project's order (empty: every document).
  const std::vector<Id>& chosen() const { return m_chosen; }
  /// Chooses these documents (empty: every one); ids the project does not
  /// have are dropped, and choosing all of them is every document. Calls no
  /// on_change.
  void set_chosen(std::vector<Id> ids);
  /// Drops documents deleted since they were chosen (after a change).
  void prune() { set_chosen(m_chosen); }
  /// The checklist of the project's documents (what a click does); on OK
  /// stores the choice and calls on_change. Returns whether it changed.
  bool ask();
  /// Back to every document (a project opened or closed).
  void reset();

  /// Called after the user changed the choice.
  std::function<void()> on_change;

private:
  void show_label(std::size_t documents);

  Session& m_session;
  std::vector<Id> m_chosen;
};

} // namespace quire::gui
