// search/... (the Search pane), analysis/... (the Analysis page),
// file/export and codes/coders.
#include <wx/aui/aui.h>
#include <wx/combobox.h>

#include "analysis_pane.h"
#include "coders_dialog.h"
#include "commands.h"
#include "export_runner.h"
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
  r.add({"view/search",
         "S&earch",
         "Show or hide the Search pane",
         "Ctrl+5",
         {},
         {},
         [&f] {
           auto& pane = f.aui().GetPane("search");
           pane.Show(!pane.IsShown());
           f.aui().Update();
         },
         {},
         {},
         [&f] { return f.aui().GetPane("search").IsShown(); }});
  r.add({"search/find",
         L"&Search Passages…",
         "Search every passage of the project",
         "Ctrl+Shift+F",
         {},
         wxART_FIND_AND_REPLACE,
         [&f] { show_search(f); },
         is_open});
  r.add({"search/code-all",
         L"Code &All Hits…",
         "Code every hit of the search with a code (counted first)",
         "",
         {},
         {},
         [&f] { f.search().code_all_hits(); },
         [&f, is_open] {
           return is_open() && !f.search().hits().empty() && !f.search().showing_similar();
         }});
  r.add({"search/similar",
         "Find &Similar",
         "Passages like the selected result, coding or code",
         "",
         {},
         {},
         [&f] {
           show_search(f);
           f.search().find_similar();
         },
         is_open});
  r.add({"view/analysis",
         "&Analysis",
         "Show the Analysis page (theme table, matrix, co-occurrence)",
         "Ctrl+6",
         {},
         {},
         [&f] { f.show_analysis(); },
         is_open});
  auto table = [&f](const char* name, const wxString& label, AnalysisKind k) {
    f.commands().add({name,
                      label,
                      "Show it on the Analysis page",
                      "",
                      {},
                      {},
                      [&f, k] {
                        f.analysis().set_kind(k); // computed once, as the page shows
                        f.show_analysis();
                      },
                      [&f] { return f.session().is_open(); }});
  };
  table("analysis/theme-table", "&Theme Table", AnalysisKind::ThemeTable);
  table("analysis/matrix", "&Matrix", AnalysisKind::Matrix);
  table("analysis/cooccurrence", "&Co-occurrence", AnalysisKind::Cooccurrence);
  r.add({"codes/coders",
         L"C&oders…",
         "Whose codings to show, and the name you code as",
         "",
         {},
         {},
         [&f] { edit_coders(f); },
         is_open});
  r.add({"file/export",
         L"&Export…",
         "Write the project as Excel, CSV, an HTML report or REFI-QDA",
         "Ctrl+E",
         {},
         {},
         [&f] { ask_and_export(f); },
         is_open});
}

} // namespace quire::gui
