// The commands of the Coding Query, Words and Agreement pages and of File >
// Merge Project (their menu items and the pages' buttons run these).
#include "agreement_page.h"
#include "commands.h"
#include "main_frame.h"
#include "merge_runner.h"
#include "pages.h"
#include "query_page.h"
#include "words_page.h"

namespace quire::gui {

namespace {

/// A page by its window name, or nullptr (before the pages are made, while
/// the frame goes away).
template <class Page> Page* page_if(MainFrame& f, const char* name) {
  return dynamic_cast<Page*>(wxWindow::FindWindowByName(name, &f));
}

} // namespace

void add_page_commands(MainFrame& f) {
  auto& r = f.commands();
  auto& s = f.session();
  auto is_open = [&s] { return s.is_open(); };
  r.add({.name = "file/merge",
         .label = L"&Merge Project…",
         .help = "Merge a colleague's project (.quire or REFI-QDA .qdpx) into this one",
         .run = [&f] { ask_and_merge(f); },
         .enabled = is_open});
  r.add({.name = "analysis/query",
         .label = L"Coding &Query",
         .help = "Find where codes combine: AND, OR, NOT, WITHIN, NEAR",
         .run = [&f] { show_page(f, "query"); },
         .enabled = is_open});
  r.add({.name = "analysis/query-run",
         .label = "Run Query",
         .help = "Run the coding query as typed",
         .run = [&f] { query_page(f).run_or_throw(); },
         .enabled = is_open});
  r.add({.name = "analysis/query-code-results",
         .label = L"Code Results As New Code…",
         .help = "Code every result of the query with a new code (one undoable step)",
         .run = [&f] { query_page(f).ask_and_code_results(); },
         .enabled =
             [&f, &s] {
               auto* p = page_if<QueryPage>(f, "query-page");
               return s.is_open() && p && !p->hits().empty();
             }});
  r.add({.name = "analysis/words",
         .label = "&Word Frequencies",
         .help = "The most frequent words of the project, a code or some cases",
         .run = [&f] { show_page(f, "words"); },
         .enabled = is_open});
  r.add({.name = "analysis/words-refresh",
         .label = "Count Words",
         .help = "Count the words again with the choices made",
         .run = [&f] { words_page(f).run(); },
         .enabled = is_open});
  r.add({.name = "analysis/stop-words",
         .label = L"Stop Words…",
         .help = "The words word frequencies leave out, for this project",
         .run = [&f] { words_page(f).edit_stop_words(); },
         .enabled = is_open});
  r.add({.name = "analysis/words-code",
         .label = L"Code These Places…",
         .help = "Code every place of the chosen word with a code (one undoable step)",
         .run = [&f] { words_page(f).ask_and_code_places(); },
         .enabled =
             [&f, &s] {
               auto* p = page_if<WordsPage>(f, "words-page");
               return s.is_open() && p && !p->places().empty();
             }});
  r.add({.name = "analysis/agreement",
         .label = L"Coder &Agreement",
         .help = "Compare two coders' codings: percent agreement, kappa, alpha",
         .run = [&f] { show_page(f, "agreement"); },
         .enabled = is_open});
  r.add({.name = "analysis/agreement-run",
         .label = "Compare",
         .help = "Compare the two coders chosen",
         .run = [&f] { agreement_page(f).run_or_throw(); },
         .enabled = is_open});
}

} // namespace quire::gui
