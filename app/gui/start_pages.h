#pragma once
// The pages `quire-gui --show PAGE` opens on: one table (name, what it
// shows, how to bring it to the front) that the option's help and its
// parser both read. A new page adds a row here.
#include <string>
#include <vector>

namespace quire::gui {

class MainFrame;

struct StartPage {
  const char* name; ///< as typed after --show
  void (*show)(MainFrame& frame);
};

/// Every page --show knows, in the order the help lists them.
const std::vector<StartPage>& start_pages();
/// "document, survey, analysis or cases".
std::string start_page_names();
/// Brings the page named name to the front; InputError naming the pages for
/// an unknown name.
void show_start_page(MainFrame& frame, const std::string& name);

} // namespace quire::gui
