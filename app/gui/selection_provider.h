#pragma once
// What the coding commands act on, as the session asks for it: the text
// selected in the coding view in use and the codings there. The main frame
// provides it (it knows which view is in use); the session holds no view.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "quire/base/types.h"

namespace quire::gui {

/// A range of a document's text, in code points.
struct TextSelection {
  Id document = 0;
  std::int64_t start = 0, end = 0;
  bool empty() const { return document == 0 || end <= start; }
};

/// A coding the user points at in a coding view, with its code's path.
struct PointedCoding {
  Coding coding;
  std::string path;
};

class SelectionProvider {
public:
  virtual ~SelectionProvider() = default;
  /// The text selection of the coding view in use (empty when none).
  virtual TextSelection text_selection() const = 0;
  /// The codings an action on the selection applies to: the clicked coding
  /// when the view in use shows it, else the codings overlapping the
  /// selection (or at the caret when nothing is selected).
  virtual std::vector<PointedCoding> codings_at_selection(std::optional<Id> clicked) const = 0;
};

} // namespace quire::gui
