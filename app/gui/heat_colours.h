#pragma once
// The shading of a table's cells by value (a heat map on the Analysis page):
// white for nothing, a deeper blue for more, with text that stays readable.
#include <wx/colour.h>

namespace quire::gui {

struct HeatColours {
  wxColour background, text;
};

/// Colours for a cell holding fraction (0..1) of the table's largest value;
/// 0 (or less) is the plain background.
HeatColours heat_colours(double fraction);

} // namespace quire::gui
