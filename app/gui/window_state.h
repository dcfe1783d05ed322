#pragma once
// What the window was like when Quire last closed, kept in the user's
// settings (wxConfig: ~/.quire, or what HOME names) and brought back when it
// starts: the window's size and position, the last project, and per project
// the document, survey or Analysis page that was showing. (The undo history
// is in the project file itself.)
#include <filesystem>
#include <optional>

class wxTopLevelWindow;

namespace quire::gui {

class MainFrame;

/// Writes the window's size, position and maximised state.
void save_window_geometry(const wxTopLevelWindow& w);
/// Puts the window where it was when it last closed (when that is still on
/// a screen); returns false when nothing was kept.
bool restore_window_geometry(wxTopLevelWindow& w);

/// Remembers project as the one to open at the next start (empty: none, the
/// start page shows).
void save_last_project(const std::filesystem::path& project);
/// The project open when Quire last closed, if there was one and it is still there.
std::optional<std::filesystem::path> last_project();

/// Writes what the frame shows of its open project: the document, the
/// survey, the page in front, the Analysis page's table.
void save_project_view(MainFrame& f);
/// Shows what was showing when this project was last closed here. Returns
/// false when nothing was kept (or what was kept is gone from the project).
bool restore_project_view(MainFrame& f);

} // namespace quire::gui
