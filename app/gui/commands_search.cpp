// search/...: the Search pane's actions (its buttons run these too).
#include <wx/aui/aui.h>
#include <wx/combobox.h>

#include "commands.h"
#include "main_frame.h"
#include "search_pane.h"

namespace quire::gui {

namespace {

void show_search(MainFrame& f) {
  f.aui().GetPane("search").Show(true);
  f.aui().Update();
  f.search().query_box().SetFocus();
}

} // namespace

void add_search_commands(MainFrame& f) {
  auto& r = f.commands();
  auto& s = f.session();
  auto is_open = [&s] { return s.is_open(); };
  r.add({.name = "search/find",
         .label = L"&Search Passages…",
         .help = "Search every passage of the project",
         .shortcut = "Ctrl+Shift+F",
         .art = wxART_FIND_AND_REPLACE,
         .run = [&f] { show_search(f); },
         .enabled = is_open});
  r.add({.name = "search/run",
         .label = "&Search",
         .help = "Search for the query in the Search pane's box",
         .run = [&f] { f.search().run(); },
         .enabled = is_open});
  r.add({.name = "search/code-all",
         .label = L"Code &All Hits…",
         .help = "Code every hit of the search with a code (counted first)",
         .run = [&f] { f.search().code_all_hits(); },
         .enabled =
             [&f, is_open] {
               return is_open() && !f.search().hits().empty() && !f.search().showing_similar();
             }});
  r.add({.name = "search/similar",
         .label = "Find &Similar",
         .help = "Passages like the selected result, coding or code",
         .run =
             [&f] {
               show_search(f);
               f.search().find_similar();
             },
         .enabled = is_open});
}

} // namespace quire::gui
