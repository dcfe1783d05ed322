#pragma once
// Where the named commands appear: the menu bar, the toolbar and the context
// menus, as lists of names.
class wxMenu;
class wxMenuBar;
class wxToolBar;

namespace quire::gui {

class MainFrame;

/// The menu bar (File, Edit, View, Codes, Analysis, Cases, Help).
wxMenuBar* make_menu_bar(MainFrame& frame);
/// Fills the main toolbar.
void fill_main_toolbar(MainFrame& frame, wxToolBar* bar);
/// The context menu of a coding text view (document view, survey answers).
wxMenu* text_context_menu(MainFrame& frame);
/// The Cases menu (the Cases page, cases of sources, attributes).
wxMenu* cases_menu(MainFrame& frame);
/// The context menu of the codebook.
wxMenu* codebook_context_menu(MainFrame& frame);

} // namespace quire::gui
