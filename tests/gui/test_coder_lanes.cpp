// Issue 19.2 and 16.6: in the document view, a coder's stripes in their own
// lane, side by side with the other coders'; View > Coders (everyone, only
// mine, one coder) sets core's one setting of whose codings are shown; a
// click on a disagreement of the Agreement page reads it with the two
// coders compared side by side. Driven through the real window: commands by
// name, the mouse through the X server.
#include <algorithm>

#include <wx/choice.h>
#include <wx/listctrl.h>
#include <wx/stattext.h>
#include <wx/statusbr.h>
#include <wx/uiaction.h>

#include "agreement_page.h"
#include "analysis_fixture.h"
#include "coding_stripes.h"
#include "document_view.h"
#include "gui_test_support.h"
#include "pages.h"
#include "quire/model/coders.h"
#include "quire/model/coding.h"
#include "quire/model/documents.h"
#include "quire/store/history.h"
#include "wx_text.h"

using namespace quire;
using namespace quire::test;

namespace {

using Names = std::vector<std::string>;

/// ana and bea code the same passage of interview-cafe differently; bea
/// also codes a passage ana left alone.
struct TwoCoders : RoleCasesFixture {
  TwoCoders() {
    frame->session().set_coder("ana");
    code_text(cafe, "Teachers from Škofja Loka", "Purpose/Peer support");
    frame->session().set_coder("bea");
    code_text(cafe, "Teachers from Škofja Loka", "Barriers/Time");
    code_text(cafe, "cover costs", "Barriers/Funding");
    frame->session().set_coder("ana");
    frame->session().show_document(cafe);
    pump(100);
  }
  gui::DocumentView& view() { return frame->document_view(); }
  gui::CodingStripes& stripes() { return view().stripes(); }
  gui::CoderLaneHeadings& headings() {
    auto* w = wxWindow::FindWindowByName("quire-coder-lanes", &view());
    BOOST_REQUIRE(w);
    return *dynamic_cast<gui::CoderLaneHeadings*>(w);
  }
  /// The coders' lanes drawn now, by title.
  Names lanes() {
    Names out;
    for (const auto& l : stripes().lanes()) {
      out.push_back(l.title);
    }
    return out;
  }
  /// The coder of every coding stripe drawn, by lane: "lane:coder/code".
  Names drawn() {
    Names out;
    for (const auto& s : stripes().stripes()) {
      if (s.coding) {
        out.push_back(std::to_string(stripes().lane_of(s)) + ":" + s.coding->coding.coder + "/" +
                      s.coding->path);
      }
    }
    std::sort(out.begin(), out.end());
    return out;
  }
  bool invoke(const std::string& name) {
    bool ok = frame->commands().invoke(name);
    pump(60);
    return ok;
  }
};

} // namespace

BOOST_AUTO_TEST_SUITE(coder_lanes)

BOOST_FIXTURE_TEST_CASE(two_coders_on_one_passage_stand_side_by_side_in_their_lanes, TwoCoders) {
  BOOST_TEST(lanes() == (Names{"ana", "bea"}));
  BOOST_TEST(drawn() == (Names{"0:ana/Purpose/Peer support", "1:bea/Barriers/Funding",
                               "1:bea/Barriers/Time"}));
  // The two codings of one passage: the same lines, bea's lane right of ana's.
  auto all = stripes().stripes();
  auto lane = stripes().lanes();
  const gui::CodingStripes::Stripe* a = nullptr;
  const gui::CodingStripes::Stripe* b = nullptr;
  for (const auto& s : all) {
    if (s.coding && s.coding->path == "Purpose/Peer support") {
      a = &s;
    }
    if (s.coding && s.coding->path == "Barriers/Time") {
      b = &s;
    }
  }
  BOOST_REQUIRE(a && b);
  BOOST_CHECK_EQUAL(a->rect.y, b->rect.y);
  BOOST_CHECK_EQUAL(a->rect.height, b->rect.height);
  BOOST_CHECK_LT(a->rect.GetRight(), lane[1].x);
  BOOST_CHECK_GE(b->rect.x, lane[1].x);
  // Each lane names its codes beside its own stripes.
  BOOST_CHECK(!a->label.IsEmpty() && a->label.GetRight() <= lane[1].x);
  BOOST_CHECK(!b->label.IsEmpty() && b->label.x >= lane[1].x);
  // Headed by the coders' names, over the stripes and as wide.
  auto& h = headings();
  BOOST_CHECK(h.IsShown());
  BOOST_TEST(h.texts() == (Names{"ana", "bea"}));
  BOOST_CHECK_EQUAL(h.GetScreenRect().GetRight(), stripes().GetScreenRect().GetRight());
  BOOST_CHECK_EQUAL(h.GetScreenRect().GetBottom() + 1, stripes().GetScreenRect().y);
  // The tooltip still names the coder.
  BOOST_CHECK(stripes().describe(*b->coding).find("coded by bea") != std::string::npos);
}

BOOST_FIXTURE_TEST_CASE(view_coders_filters_the_stripes_through_the_one_setting, TwoCoders) {
  auto gen = p().generation();
  // View > Coders lists everyone, only mine, then each coder by name.
  BOOST_CHECK(frame->commands().get("view/coders-everyone").checked());
  BOOST_CHECK_EQUAL(gui::utf8(frame->commands().label("view/coders-mine")), "Only &Mine (ana)");
  auto coders = list_coders(p());
  auto slot = [&](const std::string& name) {
    auto at = std::find(coders.begin(), coders.end(), name);
    BOOST_REQUIRE(at != coders.end());
    return "view/coders-" + std::to_string(at - coders.begin() + 1);
  };
  BOOST_CHECK_EQUAL(gui::utf8(frame->commands().label(slot("bea"))), "Only bea");
  BOOST_CHECK(!frame->commands().enabled("view/coders-9"));

  // One coder: bea's stripes only, in the one lane of old, no headings.
  BOOST_REQUIRE(invoke(slot("bea")));
  BOOST_TEST(shown_coders(Project::open(project)) == (Names{"bea"}));
  BOOST_TEST(drawn() == (Names{"0:bea/Barriers/Funding", "0:bea/Barriers/Time"}));
  BOOST_CHECK_EQUAL(lanes().size(), 1u);
  BOOST_CHECK(!headings().IsShown());
  BOOST_CHECK(frame->commands().get(slot("bea")).checked());
  BOOST_CHECK(!frame->commands().get("view/coders-everyone").checked());
  auto info = gui::utf8(
      dynamic_cast<wxStaticText*>(wxWindow::FindWindowByName("quire-document-info", &view()))
          ->GetLabel());
  BOOST_CHECK_MESSAGE(info.find("of bea only") != std::string::npos, info);

  // Only mine: ana's (the coder this window codes as).
  BOOST_REQUIRE(invoke("view/coders-mine"));
  BOOST_TEST(shown_coders(p()) == (Names{"ana"}));
  BOOST_TEST(drawn() == (Names{"0:ana/Purpose/Peer support"}));
  BOOST_CHECK(frame->commands().get("view/coders-mine").checked());

  // Everyone: the two lanes again; choosing it again adds no step.
  BOOST_REQUIRE(invoke("view/coders-everyone"));
  BOOST_CHECK(shown_coders(p()).empty());
  BOOST_TEST(lanes() == (Names{"ana", "bea"}));
  BOOST_CHECK(headings().IsShown());
  auto steps = p().generation();
  BOOST_REQUIRE(invoke("view/coders-everyone"));
  BOOST_CHECK_EQUAL(p().generation(), steps);
  BOOST_CHECK_EQUAL(p().generation(), gen + 3);

  // Each choice is an undo step named for what was chosen.
  BOOST_CHECK_EQUAL(undo_name(p()).value_or(""), "Show everyone's codings");
  BOOST_REQUIRE(invoke("edit/undo"));
  BOOST_TEST(shown_coders(p()) == (Names{"ana"}));
  BOOST_TEST(drawn() == (Names{"0:ana/Purpose/Peer support"}));
}

BOOST_FIXTURE_TEST_CASE(a_click_on_a_disagreement_reads_it_with_the_two_coders, TwoCoders) {
  // A third coder, whose codings the lanes leave out.
  frame->session().set_coder("carl");
  code_text(cafe, "Always time", "Barriers/Time");
  frame->session().set_coder("ana");
  gui::show_page(*frame, "agreement");
  pump(100);
  auto& a = gui::agreement_page(*frame);
  a.refresh_if_stale();
  choose(a.coder_a(), "ana");
  choose(a.coder_b(), "bea");
  pump(50);
  const auto& report = a.report();
  BOOST_REQUIRE(!report.disagreements.empty());
  // The disagreement in interview-cafe listed last (scrolled to, below the
  // document's start), clicked with the mouse.
  long row = -1;
  for (std::size_t i = 0; i < report.disagreements.size(); ++i) {
    if (report.disagreements[i].document_id == cafe) {
      row = static_cast<long>(i);
    }
  }
  BOOST_REQUIRE_GE(row, 0);
  auto d = report.disagreements[static_cast<std::size_t>(row)];
  auto& list = a.disagreements();
  list.EnsureVisible(row);
  pump(50);
  // What a click on the row does: the list takes the focus and the row is
  // selected (wx's event, as GTK's click gives it).
  list.SetFocus();
  pump(50);
  list.SetItemState(row, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                    wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
  pump(300);

  BOOST_CHECK_EQUAL(frame->session().current_document().value_or(0), cafe);
  BOOST_TEST(shown_coders(p()) == (Names{"ana", "bea"}));
  BOOST_TEST(lanes() == (Names{"ana", "bea"}));
  for (const auto& s : drawn()) {
    BOOST_CHECK_MESSAGE(s.find("carl") == std::string::npos, s);
  }
  auto sel = view().text().selection();
  BOOST_CHECK_EQUAL(sel.start, d.start);
  BOOST_CHECK_EQUAL(sel.end, d.end);
  // The passage is on screen, and its stripe in the lane of who coded it.
  auto& text = view().text();
  int line = text.LineFromPosition(text.pos_of(d.start));
  BOOST_CHECK_GE(line, text.GetFirstVisibleLine());
  BOOST_CHECK_LT(line, text.GetFirstVisibleLine() + text.LinesOnScreen());
  auto status = gui::utf8(frame->GetStatusBar()->GetStatusText(0));
  BOOST_CHECK_MESSAGE(status.find("ana") != std::string::npos &&
                          status.find("bea") != std::string::npos &&
                          status.find("View > Coders > Everyone") != std::string::npos,
                      status);

  // Choosing another disagreement opens it too (no second step: the same two).
  auto gen = p().generation();
  auto first = report.disagreements[0].document_id;
  gui::show_page(*frame, "agreement");
  pump(50);
  list.SetFocus();
  list.SetItemState(0, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                    wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
  pump(300);
  BOOST_CHECK_EQUAL(frame->session().current_document().value_or(0), first);
  BOOST_CHECK_EQUAL(p().generation(), gen);
  // View > Coders > Everyone: every coder again, carl's lane too.
  BOOST_REQUIRE(invoke("view/coders-everyone"));
  frame->session().show_document(cafe);
  pump(50);
  BOOST_TEST(lanes() == (Names{"ana", "bea", "carl"}));
}

BOOST_AUTO_TEST_SUITE_END()
