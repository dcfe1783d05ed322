#pragma once
// Coding stripes beside a CodedText: one column per layer, a bar in the
// code's colour along the lines each coding spans, and the code's name next
// to the line where it starts.
// Click a bar to select its coding; hover shows code, coder, date and memo.
// While the Suggestions pane is shown, each open suggestion in the text is a
// dashed bar in its code's colour, in columns right of the codings'; hover
// shows its score and reasons, a click picks it in the pane.
#include <optional>

#include <wx/window.h>

#include "coded_text.h"
#include "suggestion_marks.h"

namespace quire::gui {

class CodingStripes : public wxWindow {
public:
  /// A bar as drawn: a coding's (solid) or an open suggestion's (dashed).
  struct Stripe {
    const LaidCoding* coding = nullptr;         ///< set for a coding's stripe
    const SuggestionMark* suggestion = nullptr; ///< set for a suggestion's
    bool dashed = false;                        ///< a suggestion, not a coding
    wxRect rect;                                ///< the stripe
    wxRect label; ///< where its name goes (empty when there is no room)
  };

  CodingStripes(wxWindow* parent, CodedText& text, Session& session);
  /// Resizes to the number of layers after the codings changed.
  void update_width();
  /// The coding whose bar is at p, if any.
  const LaidCoding* coding_at(wxPoint p) const;
  /// The stripe at p (a coding's or a suggestion's), if any.
  std::optional<Stripe> stripe_at(wxPoint p) const;
  /// Text for the tooltip of a coding (code, coder, date, memo).
  std::string describe(const LaidCoding& l) const;
  /// Text for the tooltip of a suggestion (code, score, the words behind it).
  static std::string describe(const SuggestionMark& m);
  /// The stripes and labels drawn now: the codings, then the open
  /// suggestions, in view.
  std::vector<Stripe> stripes() const;

private:
  /// The open suggestions in the shown text with their columns (after the
  /// codings' columns), by start.
  std::vector<std::pair<const SuggestionMark*, int>> laid_suggestions() const;
  /// Columns in use: the codings' layers and the suggestions'.
  int columns() const;
  void on_paint(wxPaintEvent& e);
  void on_motion(wxMouseEvent& e);
  void on_click(wxMouseEvent& e);
  /// Shows the tooltip of the hovered coding, read again (after a change).
  void update_tooltip();

  CodedText& m_text;
  Session& m_session;
  Id m_hover = 0;            ///< the coding under the pointer
  Id m_hover_suggestion = 0; ///< or the suggestion
  std::string m_tip;         ///< the tooltip shown for m_hover
};

} // namespace quire::gui
