// The Suggestions pane: suggestions learnt from the codings listed best
// first; Enter accepts (a coding on record as from the suggestion), Delete
// rejects, Skip moves on, "accept all at or above" accepts the rest down to
// a score as one undo step.
#include <wx/window.h>

#include "gui_test_support.h"
#include "quire/model/coding.h"
#include "quire/model/documents.h"
#include "quire/store/history.h"
#include "quire/suggest/suggest.h"
#include "suggest_corpus.h"
#include "suggestions_pane.h"

using namespace quire;
using namespace quire::test;

namespace {

void press(wxWindow& w, int key) {
  wxKeyEvent e(wxEVT_CHAR_HOOK);
  e.m_keyCode = key;
  e.SetEventObject(&w);
  w.GetEventHandler()->ProcessEvent(e);
  pump(10);
}

} // namespace

BOOST_AUTO_TEST_SUITE(suggestions_pane)

BOOST_FIXTURE_TEST_CASE(works_through_suggestions_with_enter_delete_and_skip, FrameFixture) {
  store_import(p(), bench::suggest_import(bench::make_suggest_corpus(120, 120), 80));
  pump();
  auto& pane = frame->suggestions();
  pane.reload();
  BOOST_TEST_REQUIRE(pane.suggestions().size() > 5u);
  BOOST_TEST(pane.status_text().find("Suggestion 1 of") == 0, pane.status_text());
  const auto first = pane.suggestions()[0];
  const auto second = pane.suggestions()[1];
  const auto third = pane.suggestions()[2];
  const auto before = count_codings(p());
  press(pane, WXK_RETURN);
  BOOST_TEST(count_codings(p()) == before + 1);
  BOOST_TEST(get_suggestion(p(), first.id).status == "accepted");
  press(pane, WXK_DELETE);
  BOOST_TEST(get_suggestion(p(), second.id).status == "rejected");
  BOOST_TEST(count_codings(p()) == before + 1);
  pane.skip();
  BOOST_TEST(get_suggestion(p(), third.id).status == "open");
  BOOST_TEST(pane.current() == 3u);
  BOOST_TEST(pane.status_text().find("Suggestion 4 of") == 0, pane.status_text());
  // Accept all at or above 0.9: the rest down to that score, one undo step.
  std::size_t above = 0;
  for (std::size_t i = 3; i < pane.suggestions().size() && pane.suggestions()[i].score >= 0.9;
       ++i) {
    ++above;
  }
  BOOST_TEST_REQUIRE(above > 0u);
  pane.accept_above();
  BOOST_TEST(count_codings(p()) == before + 1 + static_cast<std::int64_t>(above));
  BOOST_TEST(undo(p()).has_value());
  BOOST_TEST(count_codings(p()) == before + 1);
}

BOOST_AUTO_TEST_SUITE_END()
