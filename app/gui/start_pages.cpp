#include "start_pages.h"

#include "agreement_page.h"
#include "cases_page.h"
#include "document_view.h"
#include "main_frame.h"
#include "pages.h"
#include "query_page.h"
#include "quire/base/error.h"
#include "quire/model/surveys.h"
#include "suggestions_pane.h"
#include "survey_pane.h"
#include "words_page.h"

namespace quire::gui {

const std::vector<StartPage>& start_pages() {
  static const std::vector<StartPage> pages = {
      {"document", [](MainFrame& f) { f.show_page(&f.document_view()); }},
      {"survey",
       [](MainFrame& f) {
         auto surveys = list_surveys(f.session().project());
         if (!surveys.empty()) {
           f.session().show_survey(surveys.front().name);
         }
         f.show_page(&f.survey());
       }},
      {"analysis", [](MainFrame& f) { f.show_analysis(); }},
      {"cases", [](MainFrame& f) { f.show_cases(); }},
      {"query", [](MainFrame& f) { f.show_page(&query_page(f)); }},
      {"words", [](MainFrame& f) { f.show_page(&words_page(f)); }},
      {"agreement", [](MainFrame& f) { f.show_page(&agreement_page(f)); }},
      {"suggestions",
       [](MainFrame& f) {
         f.aui().GetPane("suggestions").Show(true);
         f.aui().Update();
         f.suggestions().reload();
       }},
  };
  return pages;
}

std::string start_page_names() {
  std::string out;
  const auto& pages = start_pages();
  for (std::size_t i = 0; i < pages.size(); ++i) {
    out += (i == 0 ? "" : i + 1 == pages.size() ? " or " : ", ") + std::string(pages[i].name);
  }
  return out;
}

void show_start_page(MainFrame& frame, const std::string& name) {
  for (const auto& page : start_pages()) {
    if (name == page.name) {
      page.show(frame);
      return;
    }
  }
  throw InputError("there is no page '" + name + "': the pages are " + start_page_names());
}

} // namespace quire::gui
