#include "fonts.h"

#include <fontconfig/fontconfig.h>

namespace quire::gui {

void disable_ligatures() {
  static bool done = false;
  if (done) {
    return;
  }
  done = true;
  static const char rule[] = R"(<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <match target="font">
    <edit name="fontfeatures" mode="append">
      <string>liga off</string>
      <string>clig off</string>
      <string>dlig off</string>
    </edit>
  </match>
</fontconfig>
)";
  FcInit();
  FcConfigParseAndLoadFromMemory(FcConfigGetCurrent(), reinterpret_cast<const FcChar8*>(rule),
                                 FcTrue);
}

} // namespace quire::gui
