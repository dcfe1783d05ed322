// quire-gui: the desktop app. Everything lives in quire_gui_lib. --help and
// --version are answered here, before wx starts, so they work without a
// display (packaging makes the man page from --help at build time).
#include <iostream>
#include <string_view>

#include "app.h"
#include "quire_version.h"

wxIMPLEMENT_APP_NO_MAIN(quire::gui::App);

int main(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg == "--") {
      break;
    }
    if (arg == "-h" || arg == "--help") {
      std::cout << quire::gui::help_text();
      return 0;
    }
    if (arg == "--version") {
      std::cout << "quire-gui " QUIRE_VERSION_STRING "\n";
      return 0;
    }
  }
  return wxEntry(argc, argv);
}
