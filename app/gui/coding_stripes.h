#pragma once
// Coding stripes beside a CodedText: one column per layer, a bar in the
// code's colour along the lines each coding spans, and the code's name next
// to the line where it starts.
// Click a bar to select its coding; hover shows code, coder, date and memo.
#include <optional>

#include <wx/window.h>

#include "coded_text.h"

namespace quire::gui {

class CodingStripes : public wxWindow {
public:
  CodingStripes(wxWindow* parent, CodedText& text, Session& session);
  /// Resizes to the number of layers after the codings changed.
  void update_width();
  /// The coding whose bar is at p, if any.
  const LaidCoding* coding_at(wxPoint p) const;
  /// Text for the tooltip of a coding (code, coder, date, memo).
  std::string describe(const LaidCoding& l) const;

private:
  struct Bar {
    const LaidCoding* coding;
    wxRect rect;  ///< the stripe
    wxRect label; ///< where its name goes (empty when there is no room)
  };
  /// The stripes and labels of the codings in view.
  std::vector<Bar> layout() const;
  void on_paint(wxPaintEvent& e);
  void on_motion(wxMouseEvent& e);
  void on_click(wxMouseEvent& e);
  /// Shows the tooltip of the hovered coding, read again (after a change).
  void update_tooltip();

  CodedText& m_text;
  Session& m_session;
  Id m_hover = 0;
  std::string m_tip; ///< the tooltip shown for m_hover
};

} // namespace quire::gui
