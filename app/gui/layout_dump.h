#pragma once
// For tests that drive the real window from outside with X input
// (tests/journeys): with QUIRE_GUI_DUMP_LAYOUT=FILE in the environment the
// app writes what it shows to FILE as JSON whenever that changes: each
// top-level window's title, the status bar, the menus' items, the window with
// the keyboard focus, and every named window ("quire-..." names, command
// buttons by command) with its screen rectangle, whether it is shown, and
// what it shows (a label, a tree's items, a text's selection). Without the
// variable nothing runs.
class wxFrame;
class wxWindow;

namespace quire::gui {

/// Starts the dump when QUIRE_GUI_DUMP_LAYOUT is set.
void start_layout_dump(wxFrame* frame);

} // namespace quire::gui
