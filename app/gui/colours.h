#pragma once
// Code colours: "#rrggbb" from core to wx, and little swatches for lists.
#include <string>

#include <wx/bitmap.h>
#include <wx/colour.h>

namespace quire::gui {

/// The colour of a code ("#rrggbb"); grey when empty or malformed.
wxColour code_colour(const std::string& hex);
/// "#rrggbb" of a wx colour.
std::string colour_hex(const wxColour& c);
/// A size x size swatch filled with c, with a darker border.
wxBitmap swatch(const wxColour& c, int size = 12);
/// Scintilla's indicator value for c (SC_INDICVALUEBIT | 0xBBGGRR).
int indicator_value(const wxColour& c);

} // namespace quire::gui
