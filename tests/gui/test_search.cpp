// The Search pane: a query typed and run with Enter, hits highlighted,
// history, filters by code and case, double-click to the passage, a bad query
// as a dialog, "Code all hits…" (counted first, one undoable action) and
// "Find similar".
#include <wx/checklst.h>
#include <wx/choice.h>
#include <wx/combobox.h>
#include <wx/msgdlg.h>
#include <wx/radiobox.h>
#include <wx/srchctrl.h>

#include "autocode_dialog.h"
#include "coded_text.h"
#include "document_view.h"
#include "gui_test_support.h"
#include "quire/model/cases.h"
#include "quire/model/codebook.h"
#include "quire/model/coding.h"
#include "quire/model/documents.h"
#include "search_pane.h"
#include "survey_pane.h"
#include "wx_text.h"

using namespace quire;
using namespace quire::test;

namespace {

/// Types a query into the box and presses Enter, as a user does.
void type_query(gui::SearchPane& pane, const std::string& q) {
  auto& box = pane.query_box();
  box.SetValue(gui::wx(q));
  press_enter(box);
}

std::int64_t codings_on_disk(const std::filesystem::path& file, const std::string& code) {
  auto p = Project::open(file);
  CodingFilter f;
  f.code_id = find_code(p, code).id;
  return static_cast<std::int64_t>(list_codings(p, f).size());
}

/// Answers "Code All Hits" with a unit (0 words, 1 sentence, 2 passage, 3
/// paragraph) and
/// checks the count it shows before coding.
class CodeAllHits : public wxExpectModalBase<gui::AutocodeDialog, CodeAllHits> {
public:
  CodeAllHits(int unit, AutocodeResult* seen) : m_unit(unit), m_seen(seen) {}

protected:
  int OnInvoked(gui::AutocodeDialog* dlg) const override {
    dlg->unit_box().SetSelection(m_unit);
    wxCommandEvent changed(wxEVT_RADIOBOX, dlg->unit_box().GetId());
    changed.SetInt(m_unit);
    changed.SetEventObject(&dlg->unit_box());
    dlg->unit_box().GetEventHandler()->ProcessEvent(changed);
    *m_seen = dlg->counted();
    BOOST_CHECK(gui::utf8(dlg->count_text()).find("Will code " + std::to_string(m_seen->ranges)) !=
                std::string::npos);
    return wxID_OK;
  }

private:
  int m_unit;
  AutocodeResult* m_seen;
};

} // namespace

BOOST_AUTO_TEST_SUITE(search)

BOOST_FIXTURE_TEST_CASE(a_query_lists_passages_with_hits_highlighted_and_opens_them, FrameFixture) {
  BOOST_REQUIRE(frame->commands().invoke("search/find"));
  pump();
  BOOST_CHECK(frame->aui().GetPane("search").IsShown());
  auto& pane = frame->search();
  type_query(pane, "time");
  BOOST_REQUIRE_EQUAL(pane.hits().size(), 1u); // "Time. Always time." (stemmed: not "times")
  const auto& hit = pane.hits()[0];
  BOOST_CHECK_EQUAL(hit.document_name, "interview-cafe");
  BOOST_CHECK(hit.snippet.find("«Time»") != std::string::npos);
  BOOST_CHECK_EQUAL(gui::utf8(pane.status()), "1 passage");
  auto html = gui::utf8(gui::snippet_html(hit.snippet));
  BOOST_CHECK(html.find("background-color") != std::string::npos);
  BOOST_CHECK(html.find("«") == std::string::npos);
  BOOST_CHECK_EQUAL(pane.list().GetItemCount(), 1u);

  // Double-click: the document is shown with the first hit selected.
  pane.list().SetSelection(0);
  wxCommandEvent dclick(wxEVT_LISTBOX_DCLICK, pane.list().GetId());
  dclick.SetInt(0);
  dclick.SetEventObject(&pane.list());
  pane.list().GetEventHandler()->ProcessEvent(dclick);
  pump();
  auto doc = find_document(p(), "interview-cafe");
  BOOST_CHECK_EQUAL(frame->document_view().document(), doc.id);
  auto& stc = frame->document_view().text();
  BOOST_CHECK_EQUAL(gui::utf8(stc.GetSelectedText()), "Time");

  // History: the newest query first, no duplicates.
  type_query(pane, "folder");
  type_query(pane, "time");
  BOOST_CHECK_EQUAL(pane.query_box().GetCount(), 2u);
  BOOST_CHECK_EQUAL(gui::utf8(pane.query_box().GetString(0)), "time");
  BOOST_CHECK_EQUAL(gui::utf8(pane.query_box().GetString(1)), "folder");
}

BOOST_FIXTURE_TEST_CASE(filters_by_code_and_case_narrow_the_results, FrameFixture) {
  auto cafe = find_document(p(), "interview-cafe");
  auto notes = find_document(p(), "notes-short");
  auto [s, e] = find_in_document(p(), cafe.id, "Teachers from");
  code_range(p(), cafe.id, s, e, code("Purpose/Peer support"));
  auto team = add_case(p(), "Field team");
  link_document(p(), notes.id, team);
  pump();
  auto& pane = frame->search();
  type_query(pane, "meeting OR teachers OR plans");
  auto all = pane.hits().size();
  BOOST_REQUIRE_GT(all, 2u);

  // Code filter: only passages coded Purpose (with subcodes).
  auto& codes = pane.code_filter();
  int purpose = codes.FindString("Purpose");
  BOOST_REQUIRE_NE(purpose, wxNOT_FOUND);
  codes.SetSelection(purpose);
  wxCommandEvent chose(wxEVT_CHOICE, codes.GetId());
  chose.SetEventObject(&codes);
  codes.GetEventHandler()->ProcessEvent(chose);
  pump(20);
  BOOST_CHECK_EQUAL(pane.full_query(), "(meeting OR teachers OR plans) code:\"Purpose\"");
  BOOST_REQUIRE_EQUAL(pane.hits().size(), 1u);
  BOOST_CHECK_EQUAL(pane.hits()[0].document_id, cafe.id);
  BOOST_CHECK(pane.hits()[0].snippet.find("from Škofja Loka") != std::string::npos);
  codes.SetSelection(0);

  // Case filter: only the notes, linked to the case Zoë.
  auto& cases = pane.case_filter();
  cases.SetSelection(cases.FindString("Field team"));
  type_query(pane, "meeting OR teachers OR plans");
  BOOST_REQUIRE(!pane.hits().empty());
  for (const auto& h : pane.hits()) {
    BOOST_CHECK_EQUAL(h.document_id, notes.id);
  }
  BOOST_CHECK_LT(pane.hits().size(), all);
}

BOOST_FIXTURE_TEST_CASE(a_bad_query_is_refused_with_the_cores_message, FrameFixture) {
  auto& pane = frame->search();
  wxTEST_DIALOG(type_query(pane, "code:Nowhere time"), wxExpectModal<wxMessageDialog>(wxOK));
  BOOST_CHECK(pane.hits().empty());
}

BOOST_FIXTURE_TEST_CASE(code_all_hits_counts_first_then_codes_as_one_undoable_action,
                        FrameFixture) {
  auto& pane = frame->search();
  type_query(pane, "time OR meeting");
  BOOST_REQUIRE_GE(pane.hits().size(), 2u);
  frame->session().select_code(code("Barriers/Time"));
  AutocodeResult seen;
  wxTEST_DIALOG(frame->commands().invoke("search/code-all"), CodeAllHits(0, &seen));
  pump();
  // Words: "Time", "time" and "meetings"/"meeting" where they occur.
  BOOST_CHECK_GE(seen.ranges, 3);
  BOOST_CHECK_EQUAL(codings_on_disk(project, "Barriers/Time"), seen.ranges);
  auto doc = find_document(p(), "interview-cafe");
  auto [s, e] = find_in_document(p(), doc.id, "Always time");
  bool coded_word = false;
  for (const auto& c : document_codings(p(), doc.id)) {
    coded_word = coded_word || (c.start == e - 4 && c.end == e);
  }
  BOOST_CHECK(coded_word);
  (void)s;
  // The index follows: the coded passages are found by their code.
  pane.search("(time OR meeting) code:\"Barriers/Time\"");
  BOOST_CHECK_EQUAL(static_cast<std::int64_t>(pane.hits().size()), seen.passages);
  // One action: one Undo takes every coding back.
  BOOST_REQUIRE(frame->commands().invoke("edit/undo"));
  pump();
  BOOST_CHECK_EQUAL(codings_on_disk(project, "Barriers/Time"), 0);
  pane.search("(time OR meeting) code:\"Barriers/Time\"");
  BOOST_CHECK(pane.hits().empty());
  type_query(pane, "time OR meeting");

  // Sentences: the sentence around each hit.
  wxTEST_DIALOG(frame->commands().invoke("search/code-all"), CodeAllHits(1, &seen));
  pump();
  CodingFilter f;
  f.code_id = code("Barriers/Time");
  auto segs = list_codings(p(), f);
  BOOST_REQUIRE_EQUAL(static_cast<std::int64_t>(segs.size()), seen.ranges);
  bool sentence = false;
  for (const auto& seg : segs) {
    sentence = sentence || seg.text == "Always time.";
  }
  BOOST_CHECK(sentence);
}

// Issue 17: a phrase is marked, opened and coded where it stands as the
// phrase, never at a stray word of it ("My job ..." before it).
BOOST_FIXTURE_TEST_CASE(a_phrase_is_shown_and_coded_only_where_it_stands, FrameFixture) {
  auto doc = add_text_document(p(), "worries",
                               "My job is fine for now. I might lose my job next year. Nobody "
                               "knows what my manager thinks.");
  pump();
  auto& pane = frame->search();
  type_query(pane, "\"lose my job\"");
  BOOST_REQUIRE_EQUAL(pane.hits().size(), 1u);
  const auto& hit = pane.hits()[0];
  std::vector<std::string> marked;
  for (auto [s, e] : hit.hits)
    marked.push_back(document_text(p(), doc, s, e));
  BOOST_CHECK(marked == (std::vector<std::string>{"lose", "my", "job"}));
  BOOST_CHECK(hit.snippet.find("\xC2\xABMy\xC2\xBB job is fine") == std::string::npos);
  // Opened at the phrase.
  pane.list().SetSelection(0);
  wxCommandEvent dclick(wxEVT_LISTBOX_DCLICK, pane.list().GetId());
  dclick.SetInt(0);
  dclick.SetEventObject(&pane.list());
  pane.list().GetEventHandler()->ProcessEvent(dclick);
  pump();
  BOOST_CHECK_EQUAL(gui::utf8(frame->document_view().text().GetSelectedText()), "lose");
  // Code All Hits, sentences: the one sentence holding the phrase.
  frame->session().select_code(code("Barriers/Time"));
  AutocodeResult seen;
  wxTEST_DIALOG(frame->commands().invoke("search/code-all"), CodeAllHits(1, &seen));
  pump();
  BOOST_CHECK_EQUAL(seen.ranges, 1);
  CodingFilter f;
  f.code_id = code("Barriers/Time");
  auto segs = list_codings(p(), f);
  BOOST_REQUIRE_EQUAL(segs.size(), 1u);
  BOOST_CHECK_EQUAL(segs[0].text, "I might lose my job next year.");
  // Words: the phrase, as one coding.
  BOOST_REQUIRE(frame->commands().invoke("edit/undo"));
  pump();
  wxTEST_DIALOG(frame->commands().invoke("search/code-all"), CodeAllHits(0, &seen));
  pump();
  segs = list_codings(p(), f);
  BOOST_REQUIRE_EQUAL(segs.size(), 1u);
  BOOST_CHECK_EQUAL(segs[0].text, "lose my job");
}

BOOST_FIXTURE_TEST_CASE(the_index_follows_a_coding_trimmed_out_of_a_passage, FrameFixture) {
  auto& pane = frame->search();
  type_query(pane, "code:\"Barriers/Funding\" OR cover");
  auto doc = find_document(p(), "interview-cafe");
  // One coding over two turns, then uncoded from the second: it no longer
  // reaches that passage, and a code filter must not find it there.
  auto [s0, s1] = find_in_document(p(), doc.id, "Always time.");
  auto [e0, e1] = find_in_document(p(), doc.id, "Anything that gets in the way?");
  auto made = code_range(p(), doc.id, find_in_document(p(), doc.id, "Ideas I can use").first, e1,
                         code("Barriers/Funding"));
  pump();
  pane.search("code:\"Barriers/Funding\"");
  BOOST_CHECK_EQUAL(pane.hits().size(), 2u);
  uncode_range(p(), doc.id, e0, e1, code("Barriers/Funding"));
  pump();
  pane.search("code:\"Barriers/Funding\"");
  BOOST_REQUIRE_EQUAL(pane.hits().size(), 1u);
  BOOST_CHECK(pane.hits()[0].snippet.find("Ideas") != std::string::npos ||
              pane.hits()[0].start <= made.start);
  (void)s0;
  (void)s1;
}

// Shown, the results follow each action; hidden, the query runs again when
// the pane is next shown, not after every action meanwhile.
BOOST_FIXTURE_TEST_CASE(results_follow_the_project_and_wait_while_hidden, FrameFixture) {
  BOOST_REQUIRE(frame->commands().invoke("search/find")); // shows the pane
  pump();
  auto& pane = frame->search();
  type_query(pane, "code:\"Barriers/Funding\" OR cover");
  const auto before = pane.hits().size();
  BOOST_REQUIRE_GE(before, 1u); // an empty result is not run again
  auto doc = find_document(p(), "interview-cafe");
  auto [a0, a1] = find_in_document(p(), doc.id, "Ideas I can use");
  code_range(p(), doc.id, a0, a1, code("Barriers/Funding"));
  pump(20);
  BOOST_CHECK_EQUAL(pane.hits().size(), before + 1);

  BOOST_REQUIRE(frame->commands().invoke("view/search")); // hides it
  pump();
  BOOST_REQUIRE(!pane.IsShownOnScreen());
  auto [b0, b1] = find_in_document(p(), doc.id, "network meetings");
  code_range(p(), doc.id, b0, b1, code("Barriers/Funding"));
  pump(20);
  BOOST_CHECK_EQUAL(pane.hits().size(), before + 1);      // not run while hidden
  BOOST_REQUIRE(frame->commands().invoke("view/search")); // shown again
  pump(20);
  BOOST_CHECK_EQUAL(pane.hits().size(), before + 2);
}

BOOST_FIXTURE_TEST_CASE(find_similar_lists_other_passages_like_a_result, FrameFixture) {
  auto& pane = frame->search();
  type_query(pane, "meeting");
  BOOST_REQUIRE(!pane.hits().empty());
  auto first = pane.hits()[0].passage_id;
  pane.list().SetSelection(0);
  BOOST_REQUIRE(frame->commands().invoke("search/similar"));
  pump();
  BOOST_CHECK(gui::utf8(pane.status()).find("like the passage in") != std::string::npos);
  for (const auto& h : pane.hits()) {
    BOOST_CHECK_NE(h.passage_id, first);
  }
  // Code All Hits works on a query, not on a list of similar passages.
  BOOST_CHECK(!frame->commands().enabled("search/code-all"));
  // With nothing selected at all, Find Similar says what to select.
  pane.list().SetSelection(wxNOT_FOUND);
  frame->session().select_code(std::nullopt);
  frame->session().select_coding(std::nullopt);
  wxTEST_DIALOG(frame->commands().invoke("search/similar"), wxExpectModal<wxMessageDialog>(wxOK));
}

namespace {

/// Ticks a value in the list as a user does.
void tick(wxCheckListBox& list, const std::string& value) {
  int at = list.FindString(gui::wx(value), true);
  BOOST_REQUIRE_MESSAGE(at != wxNOT_FOUND, value << " is not listed");
  list.Check(static_cast<unsigned>(at));
  wxCommandEvent e(wxEVT_CHECKLISTBOX, list.GetId());
  e.SetEventObject(&list);
  e.SetInt(at);
  list.GetEventHandler()->ProcessEvent(e);
  pump(20);
}

std::vector<std::string> items_of(const wxCheckListBox& list) {
  std::vector<std::string> out;
  for (unsigned i = 0; i < list.GetCount(); ++i) {
    out.push_back(gui::utf8(list.GetString(i)));
  }
  return out;
}

} // namespace

// Issue 17: the attribute filter was one flat list of every attribute=value,
// cut off at 300 (a survey had 442 values for one attribute).
BOOST_FIXTURE_TEST_CASE(the_attribute_filter_is_an_attribute_then_values_typing_narrows,
                        FrameFixture) {
  auto cafe = find_document(p(), "interview-cafe");
  auto notes = find_document(p(), "notes-short");
  auto ana = add_case(p(), "Ana"), bo = add_case(p(), "Bo");
  link_document(p(), cafe.id, ana);
  link_document(p(), notes.id, bo);
  set_attribute(p(), ana, "Region", Value::of_text("Wales"));
  set_attribute(p(), bo, "Region", Value::of_text("Scotland"));
  for (int i = 1; i <= 442; ++i) {
    auto c = add_case(p(), "S" + std::to_string(i));
    set_attribute(p(), c, "Postcode", Value::of_text("PC " + std::to_string(i)));
  }
  pump(100);
  auto& pane = frame->search();
  frame->commands().invoke("view/search");
  pump(100);
  auto& attr = pane.attribute_filter();
  BOOST_CHECK_EQUAL(gui::utf8(attr.GetString(0)), "Any attribute");
  BOOST_CHECK(!pane.value_list().IsShown()); // no values until an attribute is chosen
  // Every value of an attribute is there, in natural order, after choosing it.
  choose(attr, "Postcode");
  BOOST_CHECK(pane.value_list().IsShown());
  auto values = items_of(pane.value_list());
  BOOST_REQUIRE_EQUAL(values.size(), 442u);
  BOOST_CHECK_EQUAL(values[1], "PC 2");
  BOOST_CHECK_EQUAL(values.back(), "PC 442");
  // Typing narrows the list.
  pane.value_filter().SetValue("44"); // fires wxEVT_TEXT, as typing does
  pump(20);
  BOOST_CHECK((items_of(pane.value_list()) == std::vector<std::string>{"PC 44", "PC 144", "PC 244",
                                                                       "PC 344", "PC 440", "PC 441",
                                                                       "PC 442"}));

  // Region: both values ticked keep the passages of either case.
  choose(attr, "Region");
  BOOST_CHECK((items_of(pane.value_list()) == std::vector<std::string>{"Scotland", "Wales"}));
  BOOST_CHECK(pane.value_filter().GetValue().empty()); // a new attribute starts untyped
  type_query(pane, "meeting OR teachers OR plans");
  auto all = pane.hits().size();
  BOOST_REQUIRE_GT(all, 1u);
  tick(pane.value_list(), "Wales");
  BOOST_CHECK_EQUAL(pane.full_query(), "(meeting OR teachers OR plans) attr:\"Region\"=\"Wales\"");
  BOOST_REQUIRE(!pane.hits().empty());
  for (const auto& h : pane.hits()) {
    BOOST_CHECK_EQUAL(h.document_id, cafe.id);
  }
  auto wales = pane.hits().size();
  BOOST_CHECK_LT(wales, all);
  // The typed text hides a value but keeps its tick.
  pane.value_filter().SetValue("sco");
  pump(20);
  BOOST_CHECK((items_of(pane.value_list()) == std::vector<std::string>{"Scotland"}));
  tick(pane.value_list(), "Scotland");
  BOOST_CHECK((pane.values_ticked() == std::set<std::string>{"Scotland", "Wales"}));
  BOOST_CHECK_EQUAL(pane.hits().size(), all); // either region: every passage again
  choose(attr, "Any attribute");
  BOOST_CHECK(pane.values_ticked().empty());
  BOOST_CHECK_EQUAL(pane.full_query(), "meeting OR teachers OR plans");
}

namespace {

bool inside(const wxRect& outer, const wxRect& r) {
  return outer.Contains(r.GetTopLeft()) && outer.Contains(r.GetBottomRight());
}

} // namespace

// Issue 17: with the Search pane open the survey filters (and the Analysis
// buttons) were pushed off-screen. At 1280x800 and 1024x700, with an
// attribute chosen, everything of both is in the window.
BOOST_FIXTURE_TEST_CASE(with_the_search_pane_open_everything_is_reachable, FrameFixture) {
  auto cafe = find_document(p(), "interview-cafe");
  auto ana = add_case(p(), "Ana");
  link_document(p(), cafe.id, ana);
  set_attribute(p(), ana, "Region", Value::of_text("Wales"));
  frame->commands().invoke("view/search");
  for (auto size : {wxSize(1280, 800), wxSize(1024, 700)}) {
    frame->SetSize(size);
    frame->session().show_survey("");
    frame->Layout();
    pump(150);
    auto& pane = frame->search();
    choose(pane.attribute_filter(), "Region");
    pump(100);
    auto window = frame->GetScreenRect();
    auto pane_rect = pane.GetScreenRect();
    BOOST_TEST_CONTEXT("window " << size.x << "x" << size.y) {
      BOOST_CHECK(inside(window, pane_rect));
      for (const char* name : {"search/code-all", "search/similar", "quire-search-values"}) {
        auto* w = pane.FindWindow(name);
        BOOST_REQUIRE(w);
        BOOST_CHECK_MESSAGE(w->IsShownOnScreen() && inside(pane_rect, w->GetScreenRect()),
                            name << " is in the pane");
      }
      BOOST_CHECK_GT(pane.list().GetSize().y, 60); // room for results still
      auto& survey = frame->survey();
      for (const char* name : {"quire-survey-filter-attribute", "quire-survey-filter-value"}) {
        auto* w = survey.FindWindow(name);
        BOOST_REQUIRE(w);
        BOOST_CHECK_MESSAGE(inside(survey.GetScreenRect(), w->GetScreenRect()),
                            name << " is in the survey page");
      }
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()
