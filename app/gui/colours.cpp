#include "colours.h"

#include <wx/dcmemory.h>
#include <wx/stc/stc.h>

namespace quire::gui {

wxColour code_colour(const std::string& hex) {
  wxColour c;
  if (hex.size() == 7 && hex[0] == '#' && c.Set(hex)) {
    return c;
  }
  return wxColour(0x99, 0x99, 0x99);
}

std::string colour_hex(const wxColour& c) {
  return c.GetAsString(wxC2S_HTML_SYNTAX).Lower().ToStdString();
}

wxBitmap swatch(const wxColour& c, int size) {
  wxBitmap bmp(size, size, 24);
  wxMemoryDC dc(bmp);
  dc.SetBackground(*wxWHITE_BRUSH);
  dc.Clear();
  dc.SetBrush(wxBrush(c));
  dc.SetPen(wxPen(c.ChangeLightness(70)));
  dc.DrawRectangle(1, 1, size - 2, size - 2);
  dc.SelectObject(wxNullBitmap);
  return bmp;
}

int indicator_value(const wxColour& c) {
  return wxSTC_INDICVALUEBIT | (c.Red() | (c.Green() << 8) | (c.Blue() << 16));
}

} // namespace quire::gui
