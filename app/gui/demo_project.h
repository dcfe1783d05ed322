#pragma once
// "Open the Demo Project" (the start page, File menu): three coded interviews
// made from the demo material (docs/demo, installed as share/quire/demo) by
// the same steps as docs/demo/make-project.sh, done with the core's
// operations in this process.
#include <filesystem>
#include <optional>

namespace quire::gui {

class MainFrame;

/// The demo material: share/quire/demo next to the installed program, else
/// docs/demo of the source tree this program was built from.
std::optional<std::filesystem::path> demo_material();

/// Makes the demo project at project from the material: the interviews
/// imported with a case per speaker, the codebook, the codings, the cases'
/// roles. Made under a temporary name and renamed when whole: a failure
/// leaves no project behind. Throws quire::Error.
void make_demo_project(const std::filesystem::path& material, const std::filesystem::path& project);

/// Where the demo project goes: "Quire Demo/demo.quire" in the user's documents folder.
std::filesystem::path demo_project_path();

/// Opens the demo project, making it first when it is not there.
void open_demo_project(MainFrame& f);

} // namespace quire::gui
