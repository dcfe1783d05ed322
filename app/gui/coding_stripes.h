#pragma once
// Coding stripes beside a CodedText: one column per layer, a bar in the
// code's colour along the lines each coding spans, and the code's name next
// to the line where it starts.
// Click a bar to select its coding; hover shows code, coder, date and memo.
// When the codings shown come from several coders, each coder has a lane of
// columns (with its own names), side by side, headed by the coder's name in
// a CoderLaneHeadings above the stripes.
// While the Suggestions pane is shown, each open suggestion in the text is a
// dashed bar in its code's colour, in columns right of the codings'; hover
// shows its score and reasons, a click picks it in the pane.
#include <optional>

#include <wx/window.h>

#include "coded_text.h"
#include "suggestion_marks.h"

namespace quire::gui {

class CoderLaneHeadings;

class CodingStripes : public wxWindow {
public:
  /// A lane as drawn: a coder's (or, with one coder, the only one), or the
  /// open suggestions' when there are several coders.
  struct Lane {
    std::string title; ///< the coder; "" for the single lane; "Suggested"
    int x = 0, width = 0;
    int columns = 1;                  ///< columns drawn (the overlaps beyond share the last)
    int label_x = 0, label_width = 0; ///< where the codes' names go (width 0: none)
  };

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
  /// The lanes drawn now, left to right.
  std::vector<Lane> lanes() const;
  /// The lane a stripe is in (index into lanes()).
  int lane_of(const Stripe& s) const;
  /// Sets the headings that follow these stripes' lanes (nullptr: none).
  void set_headings(CoderLaneHeadings* headings) { m_headings = headings; }

private:
  /// The open suggestions in the shown text with their columns (from 0 in
  /// their own columns), by start.
  std::vector<std::pair<const SuggestionMark*, int>> laid_suggestions() const;
  /// The lanes for these suggestions.
  std::vector<Lane>
  lanes(const std::vector<std::pair<const SuggestionMark*, int>>& suggested) const;
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
  CoderLaneHeadings* m_headings = nullptr;
};

/// The coders' names above their lanes of the stripes (the name, or the
/// initials when the lane is too narrow for it). Shown only while the
/// stripes are in several coders' lanes; placed above the stripes, right
/// aligned with them.
class CoderLaneHeadings : public wxWindow {
public:
  CoderLaneHeadings(wxWindow* parent, CodingStripes& stripes);
  /// Follows the stripes' lanes: shown or hidden, as wide as they are.
  void sync();
  /// The text each lane's heading shows now, left to right.
  std::vector<std::string> texts() const;

private:
  void on_paint(wxPaintEvent& e);
  CodingStripes& m_stripes;
};

} // namespace quire::gui
