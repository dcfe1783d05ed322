#pragma once
// quire-gui --screenshot: lay out the window and write a PNG of it.
#include <filesystem>

class wxWindow;

namespace quire::gui {

/// Renders a shown top-level window into a PNG file. Throws StorageError when
/// it cannot be written, and quire::Error when the picture came out blank.
void write_screenshot(wxWindow* window, const std::filesystem::path& png);

} // namespace quire::gui
