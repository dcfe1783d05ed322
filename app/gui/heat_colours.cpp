#include "heat_colours.h"

#include <algorithm>

namespace quire::gui {

HeatColours heat_colours(double fraction) {
  if (!(fraction > 0)) {
    return {*wxWHITE, *wxBLACK};
  }
  // From a pale blue (a count that is there shows) to a deep one.
  const double f = 0.12 + 0.88 * std::min(1.0, fraction);
  auto mix = [f](int from, int to) {
    return static_cast<unsigned char>(from + (to - from) * f + 0.5);
  };
  wxColour bg(mix(255, 33), mix(255, 102), mix(255, 172)); // to #2166ac
  // Relative luminance (sRGB weights, good enough for a contrast choice).
  double lum = (0.2126 * bg.Red() + 0.7152 * bg.Green() + 0.0722 * bg.Blue()) / 255.0;
  return {bg, lum < 0.55 ? *wxWHITE : *wxBLACK};
}

} // namespace quire::gui
