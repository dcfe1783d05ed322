// The Suggestions pane: suggestions learnt from the codings listed best
// first; Enter accepts (a coding on record as from the suggestion), Delete
// rejects, Skip moves on, "accept all at or above" accepts the rest down to
// a score as one undo step.
#include <cstdio>
#include <optional>

#include <wx/window.h>

#include "coding_stripes.h"
#include "document_view.h"
#include "gui_test_support.h"
#include "main_frame.h"
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

/// The stripes the document view draws for a suggestion (dashed) and for
/// the codings of its code over its range (solid).
struct StripesOf {
  int dashed = 0;
  int solid = 0;
  std::string tip; ///< the dashed stripe's tooltip
};

StripesOf stripes_of(gui::MainFrame& f, const Suggestion& g) {
  // The document view shows its passage (the pane moves on after a decision).
  f.session().show_document(g.document_id, std::make_pair(g.start, g.end));
  pump();
  StripesOf out;
  auto& stripes = f.document_view().stripes();
  for (const auto& s : stripes.stripes()) {
    if (s.dashed) {
      BOOST_TEST_REQUIRE(s.suggestion != nullptr);
      BOOST_TEST(s.coding == nullptr);
      if (s.suggestion->id == g.id) {
        ++out.dashed;
        out.tip = gui::CodingStripes::describe(*s.suggestion);
      }
    } else {
      BOOST_TEST_REQUIRE(s.coding != nullptr);
      if (s.coding->coding.code_id == g.code_id && s.coding->coding.start == g.start &&
          s.coding->coding.end == g.end) {
        ++out.solid;
      }
    }
  }
  return out;
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

BOOST_FIXTURE_TEST_CASE(open_suggestions_are_dashed_stripes_until_decided, FrameFixture) {
  store_import(p(), bench::suggest_import(bench::make_suggest_corpus(120, 120), 80));
  pump();
  frame->aui().GetPane("suggestions").Show(true);
  frame->aui().Update();
  pump();
  auto& pane = frame->suggestions();
  pane.reload();
  pump();
  BOOST_TEST_REQUIRE(pane.suggestions().size() > 5u);
  const auto first = pane.suggestions()[0];
  BOOST_TEST(frame->document_view().stripes().IsShown());
  // The passage shown is marked as a suggestion, not (yet) as a coding.
  auto before = stripes_of(*frame, first);
  BOOST_TEST(before.dashed == 1);
  BOOST_TEST(before.solid == 0);
  std::string because;
  for (const auto& w : first.words) {
    because += (because.empty() ? "" : ", ") + w.word;
  }
  char score[16];
  std::snprintf(score, sizeof score, "%.2f", first.score);
  BOOST_TEST(before.tip.find("Suggested: " + first.code_path + " (score " + score +
                             ") \u2014 because of: " + because) == 0,
             before.tip);
  // Accepting turns the dashed stripe into a coding's stripe at once.
  press(pane, WXK_RETURN);
  auto after = stripes_of(*frame, first);
  BOOST_TEST(after.dashed == 0);
  BOOST_TEST(after.solid == 1);
  // Rejecting drops it too, with no coding.
  const auto second = pane.suggestions()[1];
  BOOST_TEST_REQUIRE(pane.current() == 1u);
  BOOST_TEST(stripes_of(*frame, second).dashed == 1);
  press(pane, WXK_DELETE);
  after = stripes_of(*frame, second);
  BOOST_TEST(after.dashed == 0);
  BOOST_TEST(after.solid == 0);
}

BOOST_FIXTURE_TEST_CASE(clicking_a_dashed_stripe_picks_its_suggestion, FrameFixture) {
  store_import(p(), bench::suggest_import(bench::make_suggest_corpus(120, 120), 80));
  pump();
  frame->aui().GetPane("suggestions").Show(true);
  frame->aui().Update();
  pump();
  auto& pane = frame->suggestions();
  pane.reload();
  pump();
  BOOST_TEST_REQUIRE(pane.suggestions().size() > 5u);
  // A later suggestion in the same document as the first one shown.
  const auto first = pane.suggestions()[0];
  std::size_t other = 0;
  for (std::size_t i = 1; i < pane.suggestions().size() && other == 0; ++i) {
    if (pane.suggestions()[i].document_id == first.document_id) {
      other = i;
    }
  }
  BOOST_TEST_REQUIRE(other > 0u);
  const auto target = pane.suggestions()[other];
  auto& stripes = frame->document_view().stripes();
  std::optional<wxRect> where;
  for (const auto& s : stripes.stripes()) {
    if (s.dashed && s.suggestion->id == target.id) {
      where = s.rect;
    }
  }
  BOOST_TEST_REQUIRE(where.has_value());
  wxMouseEvent click(wxEVT_LEFT_DOWN);
  click.SetPosition(wxPoint(where->x + where->width / 2, where->y + where->height / 2));
  click.SetEventObject(&stripes);
  stripes.GetEventHandler()->ProcessEvent(click);
  pump();
  BOOST_TEST(pane.current() == other);
  press(pane, WXK_RETURN);
  BOOST_TEST(get_suggestion(p(), target.id).status == "accepted");
  BOOST_TEST(get_suggestion(p(), first.id).status == "open");
}

BOOST_AUTO_TEST_SUITE_END()
