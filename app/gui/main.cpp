// quire-gui: the desktop app. Everything lives in quire_gui_lib.
#include "app.h"

wxIMPLEMENT_APP(quire::gui::App);
