#include "pages.h"

#include <stdexcept>

#include <wx/notebook.h>

#include "agreement_page.h"
#include "main_frame.h"
#include "query_page.h"
#include "quire/base/error.h"
#include "start_pages.h"
#include "words_page.h"
#include "wx_text.h"

namespace quire::gui {

namespace {

template <class Page> Page& find_page(MainFrame& f, const char* name) {
  auto* w = wxWindow::FindWindowByName(name, &f);
  auto* page = dynamic_cast<Page*>(w);
  if (!page) {
    throw std::logic_error(std::string("no page ") + name);
  }
  return *page;
}

} // namespace

void show_page(MainFrame& f, const std::string& name) {
  show_start_page(f, name);
}

void add_analysis_pages(MainFrame& f, wxNotebook& center) {
  auto* query = new QueryPage(&center, f);
  auto* words = new WordsPage(&center, f);
  auto* agreement = new AgreementPage(&center, f);
  center.AddPage(query, "Coding Query");
  center.AddPage(words, "Words");
  center.AddPage(agreement, "Agreement");
  center.Bind(wxEVT_NOTEBOOK_PAGE_CHANGED, [&center, words, agreement](wxBookCtrlEvent& e) {
    auto* page = center.GetCurrentPage();
    if (page == words) {
      words->CallAfter([words] { words->refresh_if_stale(); });
    } else if (page == agreement) {
      agreement->CallAfter([agreement] { agreement->refresh_if_stale(); });
    }
    e.Skip();
  });
}

QueryPage& query_page(MainFrame& f) {
  return find_page<QueryPage>(f, "query-page");
}
WordsPage& words_page(MainFrame& f) {
  return find_page<WordsPage>(f, "words-page");
}
AgreementPage& agreement_page(MainFrame& f) {
  return find_page<AgreementPage>(f, "agreement-page");
}

} // namespace quire::gui
