#pragma once
// The open suggestions the Suggestions pane lists, for the coding views to
// mark as dashed stripes (coding_stripes.h). The pane fills and trims it; a
// click on a dashed stripe picks the suggestion back in the pane.
#include <cstdint>
#include <string>
#include <vector>

#include "quire/base/types.h"
#include "signal.h"

namespace quire::gui {

/// An open suggestion as the views mark it.
struct SuggestionMark {
  Id id = 0; ///< the stored suggestion
  Id document = 0;
  std::int64_t start = 0, end = 0; ///< document code points
  Id code = 0;
  std::string code_path;
  std::string colour; ///< the code's colour ("#rrggbb", "" for the default)
  double score = 0;
  std::string because; ///< the words that weighed, ", "-separated
};

class SuggestionMarks {
public:
  /// Replaces the marks (the pane listed suggestions afresh).
  void set(std::vector<SuggestionMark> marks);
  /// Drops a decided suggestion's mark; returns whether it had one.
  bool remove(Id suggestion);
  void clear();
  /// Whether the views draw the marks (the pane is shown).
  bool shown() const { return m_shown; }
  void set_shown(bool on);
  /// The marks in a document, by start (none when not shown).
  std::vector<const SuggestionMark*> in_document(Id document) const;
  const std::vector<SuggestionMark>& all() const { return m_marks; }

  Signal<> changed;  ///< the marks, or whether they are shown, changed
  Signal<Id> picked; ///< a mark was clicked in a view: the suggestion's id

private:
  std::vector<SuggestionMark> m_marks;
  bool m_shown = false;
};

} // namespace quire::gui
