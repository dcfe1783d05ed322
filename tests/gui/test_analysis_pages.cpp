// The pages of issue 16 driven through their widgets on a real project:
// File > Merge Project, Coding Query, Words, Agreement, --show PAGE. What
// each shows is checked against the core operation the CLI runs; bad input
// gets a message in the app's words and changes nothing.
#include <set>
#include <tuple>

#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/listctrl.h>
#include <wx/notebook.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "agreement_page.h"
#include "analysis_fixture.h"
#include "gui_test_support.h"
#include "importers/importer.h"
#include "merge_runner.h"
#include "pages.h"
#include "query_page.h"
#include "quire/base/error.h"
#include "quire/model/cases.h"
#include "quire/model/codebook.h"
#include "quire/model/coding.h"
#include "quire/model/documents.h"
#include "quire/model/memos.h"
#include "quire/store/history.h"
#include "word_cloud.h"
#include "words_page.h"
#include "wx_text.h"

using namespace quire;
using namespace quire::test;

namespace {

/// Two cases with a Role; codings by two coders, ana and ben, who agree on
/// some and not on others.
struct PagesFixture : RoleCasesFixture {
  PagesFixture() : RoleCasesFixture("Zoe B.") {
    p().set_session_coder("ana");
    code_barriers_and_purpose();
    p().set_session_coder("ben");
    code_text(cafe, "Time. Always time. And the cover costs", "Barriers/Time");
    code_text(cafe, "Teachers from Škofja Loka", "Purpose/Peer support");
    p().set_session_coder("ana");
    pump();
  }
  /// Types text into a field and presses Enter, as a user does.
  void enter(wxTextCtrl& t, const std::string& text) {
    t.ChangeValue(gui::wx(text));
    press_enter(t);
  }
  static bool same_hits(const std::vector<Hit>& a, const std::vector<Hit>& b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (std::size_t i = 0; i < a.size(); ++i) {
      if (a[i].document_id != b[i].document_id || a[i].start != b[i].start ||
          a[i].end != b[i].end) {
        return false;
      }
    }
    return true;
  }
};

std::string label(wxStaticText& t) {
  return gui::utf8(t.GetLabel());
}

} // namespace

BOOST_AUTO_TEST_SUITE(analysis_pages)

// ---- File > Merge Project ---------------------------------------------------

BOOST_FIXTURE_TEST_CASE(merge_adds_the_other_project_and_keeps_the_report_as_a_memo, PagesFixture) {
  auto other_path = dir / "colleague.quire";
  {
    auto other = Project::create(other_path);
    store_import(other, quire::read_file(fixture("gui/interview-cafe.txt")));
    other.set_session_coder("cleo");
    auto doc = find_document(other, "interview-cafe").id;
    auto [s, e] = find_in_document(other, doc, "swapped reading plans");
    code_range_creating(other, doc, s, e, "Outcomes/Reading");
  }
  auto codings_before = count_codings(p());
  auto preview = gui::run_merge(*frame, other_path, true);
  BOOST_CHECK(!try_find_code(p(), "Outcomes/Reading")); // a dry run changes nothing
  BOOST_CHECK_EQUAL(count_codings(p()), codings_before);
  auto rep = gui::run_merge(*frame, other_path);
  pump();
  BOOST_CHECK_EQUAL(rep.items.codings_added, preview.items.codings_added);
  BOOST_REQUIRE(try_find_code(p(), "Outcomes/Reading"));
  BOOST_CHECK_EQUAL(count_codings(p()), codings_before + 1);
  auto coders = list_coders(p());
  BOOST_CHECK(std::find(coders.begin(), coders.end(), "cleo") != coders.end());
  auto memos = list_memos(p(), MemoTarget::Project);
  BOOST_REQUIRE_EQUAL(memos.size(), 1U);
  BOOST_CHECK_EQUAL(memos[0].title, "Merge report: colleague.quire");
  BOOST_CHECK_EQUAL(memos[0].text, gui::merge_report_text(rep, "colleague.quire"));
  BOOST_CHECK(memos[0].text.find("Outcomes/Reading") != std::string::npos);
  // Undo drops the memo, then the merge.
  undo(p());
  undo(p());
  BOOST_CHECK(!try_find_code(p(), "Outcomes/Reading"));
  BOOST_CHECK_EQUAL(count_codings(p()), codings_before);
}

BOOST_FIXTURE_TEST_CASE(merging_what_is_no_project_says_so_and_changes_nothing, PagesFixture) {
  auto text = dir / "notes.txt";
  quire::test::write_file(text, "just some notes\n");
  auto gen = p().generation();
  try {
    gui::run_merge(*frame, text);
    BOOST_FAIL("a text file was merged");
  } catch (const InputError& e) {
    BOOST_CHECK_EQUAL(std::string(e.what()),
                      "notes.txt is not a Quire project (.quire) or a REFI-QDA project (.qdpx)");
  }
  BOOST_CHECK_THROW(gui::run_merge(*frame, project), MergeRefused); // itself
  BOOST_CHECK_THROW(gui::run_merge(*frame, dir / "missing.quire"), InputError);
  BOOST_CHECK_EQUAL(p().generation(), gen);
  BOOST_CHECK(list_memos(p()).empty());
}

BOOST_FIXTURE_TEST_CASE(merge_is_in_the_file_menu, PagesFixture) {
  BOOST_CHECK(frame->commands().has("file/merge"));
  auto* menu = frame->GetMenuBar()->GetMenu(0);
  BOOST_CHECK(menu->FindItem(frame->commands().get("file/merge").id) != nullptr);
}

// ---- Coding Query -------------------------------------------------------------

BOOST_FIXTURE_TEST_CASE(query_page_lists_what_coding_query_finds, PagesFixture) {
  gui::show_page(*frame, "query");
  pump();
  auto& q = gui::query_page(*frame);
  const std::string query = "\"Barriers/Time\" AND \"Barriers/Funding\"";
  enter(q.query(), query);
  auto core = coding_query(p(), query);
  BOOST_REQUIRE(!core.empty());
  BOOST_CHECK(same_hits(q.hits(), core));
  BOOST_CHECK_EQUAL(q.results().GetItemCount(), static_cast<int>(core.size()));
  BOOST_CHECK_EQUAL(gui::utf8(q.results().GetItemText(0, 3)), core[0].text);
  BOOST_CHECK(label(q.status()).find("1 result in 1 document") != std::string::npos);
  // Time OR Funding, only for cases where Role = Head.
  enter(q.query(), "\"Barriers/Time\" OR \"Barriers/Funding\"");
  enter(q.where(), "Role = Head");
  AnalysisFilter f;
  f.where = {"Role = Head"};
  auto heads = coding_query(p(), "\"Barriers/Time\" OR \"Barriers/Funding\"", f);
  BOOST_CHECK(same_hits(q.hits(), heads));
  BOOST_REQUIRE_EQUAL(q.hits().size(), 1U);
  BOOST_CHECK_EQUAL(q.hits()[0].document_id, notes);
  // Only ben's codings.
  enter(q.where(), "");
  choose(q.coder_choice(), "ben");
  AnalysisFilter by_ben;
  by_ben.coder = "ben";
  BOOST_CHECK(
      same_hits(q.hits(), coding_query(p(), "\"Barriers/Time\" OR \"Barriers/Funding\"", by_ben)));
}

BOOST_FIXTURE_TEST_CASE(query_is_built_from_codes_and_operators, PagesFixture) {
  gui::show_page(*frame, "query");
  pump();
  auto& q = gui::query_page(*frame);
  choose(q.code_choice(), "Barriers/Time");
  q.add_chosen_code();
  choose(q.operator_choice(), "NEAR");
  q.near_spin().SetValue(2);
  choose(q.code_choice(), "Purpose/Peer support");
  q.add_chosen_code();
  BOOST_CHECK_EQUAL(gui::utf8(q.query().GetValue()),
                    "\"Barriers/Time\" NEAR/2 \"Purpose/Peer support\"");
  choose(q.operator_choice(), "NOT");
  choose(q.code_choice(), "Barriers/Funding");
  q.add_chosen_code();
  auto typed = gui::utf8(q.query().GetValue());
  BOOST_CHECK_EQUAL(typed,
                    "\"Barriers/Time\" NEAR/2 \"Purpose/Peer support\" NOT \"Barriers/Funding\"");
  BOOST_REQUIRE(frame->commands().invoke("analysis/query-run"));
  BOOST_CHECK(same_hits(q.hits(), coding_query(p(), typed)));
}

BOOST_FIXTURE_TEST_CASE(a_bad_query_is_told_in_the_page_and_changes_nothing, PagesFixture) {
  gui::show_page(*frame, "query");
  pump();
  auto& q = gui::query_page(*frame);
  auto gen = p().generation();
  enter(q.query(), "\"Barriers/Time\" AND Nonsense");
  BOOST_CHECK(q.hits().empty());
  BOOST_CHECK_EQUAL(q.results().GetItemCount(), 0);
  auto said = label(q.status());
  BOOST_CHECK_MESSAGE(said.find("Nonsense") != std::string::npos, said);
  BOOST_CHECK(said.find("--") == std::string::npos);
  enter(q.query(), "\"Barriers/Time\" AND (");
  BOOST_CHECK(!label(q.status()).empty());
  BOOST_CHECK(label(q.status()) != said);
  enter(q.query(), "\"Barriers/Time\"");
  enter(q.where(), "Shoe size = 9");
  said = label(q.status());
  BOOST_CHECK_MESSAGE(said.find("Shoe size") != std::string::npos, said);
  BOOST_CHECK(q.hits().empty());
  // Nothing to code: refused in words, nothing made.
  BOOST_CHECK_THROW(q.code_results_as("From nothing"), InputError);
  BOOST_CHECK(!try_find_code(p(), "From nothing"));
  BOOST_CHECK_EQUAL(p().generation(), gen);
}

BOOST_FIXTURE_TEST_CASE(query_results_are_coded_as_a_new_code_in_one_step, PagesFixture) {
  gui::show_page(*frame, "query");
  pump();
  auto& q = gui::query_page(*frame);
  enter(q.query(), "\"Barriers/Time\" OR \"Purpose/Peer support\"");
  auto hits = q.hits();
  BOOST_REQUIRE(hits.size() >= 2);
  auto before = count_codings(p());
  wxTEST_DIALOG(frame->commands().invoke("analysis/query-code-results"),
                AnswerText("Query results/Time or peers"));
  pump();
  auto made = try_find_code(p(), "Query results/Time or peers");
  BOOST_REQUIRE(made);
  CodingFilter cf;
  cf.code_id = made->id;
  auto segs = list_codings(p(), cf);
  std::set<std::tuple<Id, std::int64_t, std::int64_t>> coded, found;
  for (const auto& sg : segs) {
    coded.insert({sg.coding.document_id, sg.coding.start, sg.coding.end});
  }
  for (const auto& h : hits) {
    found.insert({h.document_id, h.start, h.end});
  }
  BOOST_CHECK(coded == found);
  BOOST_CHECK_EQUAL(count_codings(p()), before + static_cast<std::int64_t>(hits.size()));
  // One undo step takes the code and its codings away.
  auto name = undo_name(p());
  BOOST_REQUIRE(name);
  BOOST_CHECK(name->find("(new code)") != std::string::npos);
  undo(p());
  BOOST_CHECK(!try_find_code(p(), "Query results/Time or peers"));
  BOOST_CHECK(!try_find_code(p(), "Query results"));
  BOOST_CHECK_EQUAL(count_codings(p()), before);
  // A code that exists is refused (the results go to a new code).
  BOOST_CHECK_THROW(q.code_results_as("Barriers/Time"), InputError);
  BOOST_CHECK_EQUAL(count_codings(p()), before);
}

// ---- Words --------------------------------------------------------------------

BOOST_FIXTURE_TEST_CASE(words_page_counts_as_word_frequencies_does, PagesFixture) {
  gui::show_page(*frame, "words");
  pump(100);
  auto& w = gui::words_page(*frame);
  w.refresh_if_stale();
  WordFrequencySpec all;
  auto core = word_frequencies(p(), all);
  BOOST_REQUIRE(!core.empty());
  BOOST_REQUIRE_EQUAL(w.words().size(), core.size());
  for (std::size_t i = 0; i < core.size(); ++i) {
    BOOST_CHECK_EQUAL(w.words()[i].word, core[i].word);
    BOOST_CHECK_EQUAL(w.words()[i].count, core[i].count);
  }
  BOOST_CHECK_EQUAL(gui::utf8(w.table().GetItemText(0, 0)), core[0].word);
  BOOST_CHECK(w.cloud().word_rect(0).width > 0); // drawn
  // Of a code.
  choose(w.code_choice(), "   Time");
  WordFrequencySpec of_time;
  of_time.code = code("Barriers/Time");
  auto time_words = word_frequencies(p(), of_time);
  BOOST_REQUIRE_EQUAL(w.words().size(), time_words.size());
  BOOST_CHECK_EQUAL(w.words()[0].word, time_words[0].word);
  // Of the passages of an attribute value.
  choose(w.code_choice(), "All the text");
  enter(w.where(), "Role = Head");
  WordFrequencySpec heads;
  heads.filter.where = {"Role = Head"};
  auto head_words = word_frequencies(p(), heads);
  BOOST_REQUIRE_EQUAL(w.words().size(), head_words.size());
  // With stop words.
  enter(w.where(), "");
  w.stop_words_box().SetValue(false);
  w.run();
  WordFrequencySpec every;
  every.stop_words = false;
  BOOST_CHECK_EQUAL(w.words().size(), word_frequencies(p(), every).size());
}

BOOST_FIXTURE_TEST_CASE(a_word_lists_its_places_in_context_and_they_can_be_coded, PagesFixture) {
  gui::show_page(*frame, "words");
  pump(100);
  auto& w = gui::words_page(*frame);
  w.refresh_if_stale();
  std::size_t at = w.words().size();
  for (std::size_t i = 0; i < w.words().size(); ++i) {
    if (w.words()[i].word == "time") {
      at = i;
    }
  }
  BOOST_REQUIRE(at < w.words().size());
  // A click on the word in the cloud.
  auto r = w.cloud().word_rect(at);
  BOOST_REQUIRE(r.width > 0);
  wxMouseEvent click(wxEVT_LEFT_DOWN);
  click.SetPosition(r.GetPosition() + wxPoint(2, 2));
  click.SetEventObject(&w.cloud());
  w.cloud().GetEventHandler()->ProcessEvent(click);
  pump(20);
  BOOST_CHECK_EQUAL(w.chosen_word(), "time");
  auto places = word_places(p(), WordFrequencySpec{}, w.words()[at].stem);
  BOOST_REQUIRE_EQUAL(w.places().size(), places.size());
  BOOST_CHECK_EQUAL(static_cast<std::int64_t>(places.size()), w.words()[at].count);
  BOOST_CHECK_EQUAL(w.places_list().GetItemCount(), static_cast<int>(places.size()));
  for (int i = 0; i < w.places_list().GetItemCount(); ++i) {
    BOOST_CHECK_EQUAL(gui::utf8(w.places_list().GetItemText(i, 3)).size(), 4U); // Time / time
    BOOST_CHECK(!w.places_list().GetItemText(i, 2).empty());
  }
  auto before = count_codings(p());
  wxTEST_DIALOG(frame->commands().invoke("analysis/words-code"), AnswerText("Words/Time"));
  pump();
  auto made = try_find_code(p(), "Words/Time");
  BOOST_REQUIRE(made);
  BOOST_CHECK_EQUAL(count_codings(p()), before + static_cast<std::int64_t>(places.size()));
  undo(p());
  BOOST_CHECK(!try_find_code(p(), "Words"));
}

BOOST_FIXTURE_TEST_CASE(stop_words_are_the_projects_own_when_edited, PagesFixture) {
  gui::show_page(*frame, "words");
  pump(100);
  auto& w = gui::words_page(*frame);
  w.refresh_if_stale();
  auto language = stop_words(p());
  BOOST_REQUIRE(!language.empty());
  BOOST_CHECK(!has_own_stop_words(p()));
  auto has = [&w](const std::string& word) {
    for (const auto& x : w.words()) {
      if (x.word == word) {
        return true;
      }
    }
    return false;
  };
  BOOST_REQUIRE(has("time"));
  auto own = language;
  own.push_back("Time");
  set_stop_words(p(), own);
  pump(100);
  w.refresh_if_stale();
  BOOST_CHECK(has_own_stop_words(p()));
  BOOST_CHECK(!has("time"));
  BOOST_CHECK_THROW(set_stop_words(p(), {"two words"}), InputError);
  undo(p());
  pump(100);
  w.refresh_if_stale();
  BOOST_CHECK(has("time"));
  BOOST_CHECK(!has_own_stop_words(p()));
}

BOOST_FIXTURE_TEST_CASE(a_bad_condition_on_the_words_page_changes_nothing, PagesFixture) {
  gui::show_page(*frame, "words");
  pump(100);
  auto& w = gui::words_page(*frame);
  w.refresh_if_stale();
  auto gen = p().generation();
  enter(w.where(), "Role >");
  auto said = label(w.status());
  BOOST_CHECK_MESSAGE(said.find("Role") != std::string::npos, said);
  BOOST_CHECK(said.find("--") == std::string::npos);
  BOOST_CHECK_THROW(w.code_places("Nothing"), InputError);
  BOOST_CHECK_EQUAL(p().generation(), gen);
}

// ---- Agreement ----------------------------------------------------------------

BOOST_FIXTURE_TEST_CASE(agreement_page_shows_compute_agreement, PagesFixture) {
  gui::show_page(*frame, "agreement");
  pump(100);
  auto& a = gui::agreement_page(*frame);
  a.refresh_if_stale();
  choose(a.coder_a(), "ana");
  choose(a.coder_b(), "ben");
  AgreementOptions o;
  o.coder_a = "ana";
  o.coder_b = "ben";
  auto core = compute_agreement(p(), o);
  const auto& shown = a.report();
  BOOST_REQUIRE_EQUAL(shown.codes.size(), core.codes.size());
  BOOST_CHECK_EQUAL(a.table().GetItemCount(), static_cast<int>(core.codes.size() + 1));
  BOOST_CHECK_EQUAL(gui::utf8(a.table().GetItemText(a.table().GetItemCount() - 1, 0)), "All codes");
  BOOST_CHECK_EQUAL(shown.overall.both, core.overall.both);
  BOOST_CHECK_EQUAL(shown.overall.only_a, core.overall.only_a);
  BOOST_CHECK_EQUAL(shown.overall.only_b, core.overall.only_b);
  BOOST_REQUIRE_EQUAL(shown.disagreements.size(), core.disagreements.size());
  BOOST_REQUIRE(!core.disagreements.empty());
  BOOST_CHECK_EQUAL(a.disagreements().GetItemCount(), static_cast<int>(core.disagreements.size()));
  // By sentence, only Barriers/Time.
  choose(a.unit_choice(), "Sentences");
  choose(a.code_choice(), "Barriers/Time");
  o.unit = AgreementUnit::Sentence;
  o.codes = {code("Barriers/Time")};
  auto by_sentence = compute_agreement(p(), o);
  BOOST_REQUIRE_EQUAL(a.report().codes.size(), 1U);
  BOOST_CHECK_EQUAL(a.report().overall.units, by_sentence.overall.units);
  BOOST_CHECK_EQUAL(a.report().overall.only_a, by_sentence.overall.only_a);
  // A double-click opens the document at the disagreement.
  a.open_disagreement(0);
  pump(50);
  BOOST_CHECK(frame->session().current_document() == a.report().disagreements[0].document_id);
}

BOOST_FIXTURE_TEST_CASE(agreement_without_a_second_coder_says_so, FrameFixture) {
  auto doc = find_document(p(), "notes-short").id;
  auto [s, e] = find_in_document(p(), doc, "rail strike");
  p().set_session_coder("ana");
  code_range(p(), doc, s, e, code("Barriers/Time"));
  pump();
  gui::show_page(*frame, "agreement");
  pump(100);
  auto& a = gui::agreement_page(*frame);
  auto gen = p().generation();
  BOOST_CHECK(!a.run());
  auto said = gui::utf8(a.status().GetLabel());
  BOOST_CHECK_MESSAGE(said.find("second coder") != std::string::npos, said);
  BOOST_CHECK(said.find("--") == std::string::npos);
  BOOST_CHECK_EQUAL(a.table().GetItemCount(), 0);
  BOOST_CHECK_EQUAL(p().generation(), gen);
}

// ---- --show PAGE --------------------------------------------------------------

BOOST_FIXTURE_TEST_CASE(show_page_brings_each_page_to_the_front, PagesFixture) {
  auto& nb = frame->pages();
  for (const auto& [name, title] :
       std::vector<std::pair<std::string, std::string>>{{"query", "Coding Query"},
                                                        {"words", "Words"},
                                                        {"agreement", "Agreement"},
                                                        {"analysis", "Analysis"},
                                                        {"document", "Document"}}) {
    gui::show_page(*frame, name);
    pump(20);
    BOOST_CHECK_EQUAL(gui::utf8(nb.GetPageText(static_cast<std::size_t>(nb.GetSelection()))),
                      title);
  }
  try {
    gui::show_page(*frame, "nowhere");
    BOOST_FAIL("an unknown page was shown");
  } catch (const InputError& e) {
    BOOST_CHECK(std::string(e.what()).find("query, words, agreement") != std::string::npos);
  }
}

BOOST_AUTO_TEST_SUITE_END()
