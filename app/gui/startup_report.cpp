// The first-window report for the start-up bench (startup_report.h).
#include "startup_report.h"

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string_view>

#include <wx/app.h>
#include <wx/frame.h>

namespace quire::gui {

void report_when_shown(wxFrame* frame) {
  const char* how = std::getenv("QUIRE_GUI_REPORT_SHOWN");
  if (!how || !*how) {
    return;
  }
  const bool quit = std::string_view(how) == "exit";
  auto reported = std::make_shared<bool>(false);
  frame->Bind(wxEVT_IDLE, [frame, quit, reported](wxIdleEvent& e) {
    e.Skip();
    if (*reported || !frame->IsShownOnScreen()) {
      return;
    }
    *reported = true;
    std::fputs("quire-gui: window shown\n", stdout);
    std::fflush(stdout);
    if (quit) {
      frame->Close(true);
    }
  });
}

} // namespace quire::gui
