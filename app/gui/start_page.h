#pragma once
// The start page: what the main area shows when no project is open. It
// offers New Project, Open Project, the recent projects and the demo
// project, in the window (not a dialog in front of it).
#include <wx/panel.h>

class wxBoxSizer;

namespace quire::gui {

class MainFrame;

class StartPage : public wxPanel {
public:
  StartPage(wxWindow* parent, MainFrame& frame);
  /// Lists the recent projects again (File > Open Recent's list).
  void refresh();

private:
  MainFrame& m_frame;
  wxBoxSizer* m_recent = nullptr;
};

} // namespace quire::gui
