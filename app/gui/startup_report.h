#pragma once
// For the start-up bench (tests/bench/bench_startup): with
// QUIRE_GUI_REPORT_SHOWN=1 in the environment the app prints
// "quire-gui: window shown" on standard output once its window is shown with
// the project open and every event of that first showing handled (the first
// idle time); with QUIRE_GUI_REPORT_SHOWN=exit it then quits. Without the
// variable nothing runs.
class wxFrame;

namespace quire::gui {

/// Arms the report when QUIRE_GUI_REPORT_SHOWN is set.
void report_when_shown(wxFrame* frame);

} // namespace quire::gui
