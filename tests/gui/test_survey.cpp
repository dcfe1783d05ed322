// The survey grid: respondents by attributes and questions, sorting,
// filtering, reading one question, and coding text inside an answer.
#include <wx/config.h>
#include <wx/notebook.h>
#include <wx/splitter.h>

#include "coded_text.h"
#include "document_view.h"
#include "gui_test_support.h"
#include "quire/model/cases.h"
#include "quire/model/codebook.h"
#include "quire/model/coding.h"
#include "quire/model/documents.h"
#include "sources_pane.h"
#include "survey_data.h"
#include "survey_pane.h"
#include "wx_text.h"

using namespace quire;
using namespace quire::test;

namespace {

struct SurveyFixture : FrameFixture {
  SurveyFixture() {
    store_survey(p(), "staff-survey", 60);
    pump(100);
  }
  gui::SurveyPane& pane() { return frame->survey(); }
  int column(const std::string& name) {
    for (int c = 0; c < pane().grid().GetNumberCols(); ++c) {
      if (pane().model().columns()[pane().model_column(c)].name == name) {
        return c;
      }
    }
    BOOST_FAIL("no column " << name);
    return -1;
  }
  std::string text(int row, int col) { return gui::utf8(pane().cell_text(row, col)); }
  void click_label(int col) {
    wxGridEvent e(pane().grid().GetId(), wxEVT_GRID_LABEL_LEFT_CLICK, &pane().grid(), -1, col);
    pane().grid().GetEventHandler()->ProcessEvent(e);
  }
};

} // namespace

BOOST_AUTO_TEST_SUITE(survey)

BOOST_FIXTURE_TEST_CASE(respondents_are_rows_with_attributes_and_questions_as_columns,
                        SurveyFixture) {
  // The survey arrived after the window opened: the grid shows it.
  auto& grid = pane().grid();
  BOOST_CHECK_EQUAL(grid.GetNumberRows(), 60);
  BOOST_CHECK_EQUAL(grid.GetNumberCols(), 7); // respondent, 3 attributes, 3 questions
  BOOST_CHECK_EQUAL(text(0, 0), "R0001");
  BOOST_CHECK_EQUAL(text(0, column("Role")), "Head teacher");
  BOOST_CHECK_EQUAL(text(1, column("Why did you join the network?")), survey_answer(2, 0));
  BOOST_CHECK_EQUAL(text(2, column("What got in the way?")), ""); // R0003 left it empty
  BOOST_CHECK_EQUAL(gui::utf8(grid.GetColLabelValue(0)).substr(0, 10), "Respondent");
}

BOOST_FIXTURE_TEST_CASE(sort_by_a_column_title_and_filter_by_an_attribute, SurveyFixture) {
  int years = column("Years");
  click_label(years);
  pump();
  double last = -1;
  for (int r = 0; r < 60; ++r) {
    double v = std::stod(text(r, years));
    BOOST_CHECK_GE(v, last);
    last = v;
  }
  click_label(years); // again: descending
  pump();
  BOOST_CHECK_GE(std::stod(text(0, years)), std::stod(text(59, years)));
  BOOST_CHECK_GT(std::stod(text(0, years)), std::stod(text(59, years)));

  pane().filter("Region", "Wales");
  pump();
  BOOST_CHECK_EQUAL(pane().grid().GetNumberRows(), 12);
  for (int r = 0; r < 12; ++r) {
    BOOST_CHECK_EQUAL(text(r, column("Region")), "Wales");
  }
  pane().filter({}, {});
  BOOST_CHECK_EQUAL(pane().grid().GetNumberRows(), 60);
}

BOOST_FIXTURE_TEST_CASE(read_one_question_in_sequence, SurveyFixture) {
  auto questions = pane().model().questions();
  BOOST_REQUIRE_EQUAL(questions.size(), 3u);
  // From Sources: the question's node opens the survey reading it.
  auto& tree = frame->sources().tree();
  wxTreeItemId question_item;
  std::vector<wxTreeItemId> stack{tree.GetRootItem()};
  while (!stack.empty() && !question_item.IsOk()) {
    auto item = stack.back();
    stack.pop_back();
    if (gui::utf8(tree.GetItemText(item)) == "What got in the way?") {
      question_item = item;
    }
    wxTreeItemIdValue cookie;
    for (auto c = tree.GetFirstChild(item, cookie); c.IsOk(); c = tree.GetNextChild(item, cookie)) {
      stack.push_back(c);
    }
  }
  BOOST_REQUIRE(question_item.IsOk());
  frame->sources().activate(question_item);
  pump();
  BOOST_CHECK_EQUAL(pane().grid().GetNumberCols(), 2);
  for (int r = 0; r < 10; ++r) {
    BOOST_CHECK_EQUAL(text(r, 1), survey_answer(r + 1, 1));
  }
  // The first answer is open below; Down goes to the next respondent's.
  BOOST_CHECK_EQUAL(pane().answer_view().shown_text(), survey_answer(1, 1));
  pane().select_cell(1, 1);
  pump();
  BOOST_CHECK_EQUAL(pane().answer_view().shown_text(), survey_answer(2, 1));
  pane().read_question(std::nullopt);
  BOOST_CHECK_EQUAL(pane().grid().GetNumberCols(), 7);
}

BOOST_FIXTURE_TEST_CASE(code_text_selected_inside_an_answer, SurveyFixture) {
  frame->session().show_survey("staff-survey");
  pump();
  int q = column("What would you change?");
  pane().select_cell(4, q); // R0005
  pump();
  auto& view = pane().answer_view();
  auto answer = survey_answer(5, 2);
  BOOST_REQUIRE_EQUAL(view.shown_text(), answer);
  // Select the theme inside the answer (after a multi-byte character in some answers).
  auto theme_at = answer.find(' ') + 1;
  auto theme = answer.substr(theme_at, answer.find('.') - theme_at);
  view.SetSelection(static_cast<int>(theme_at), static_cast<int>(theme_at + theme.size()));
  wxTEST_DIALOG(frame->commands().invoke("code/code-as"), TypeInCodePicker("Themes/Change"));
  pump();
  auto doc = find_document(p(), "staff-survey R0005");
  CodingFilter f;
  f.code_id = code("Themes/Change");
  auto segs = list_codings(p(), f);
  BOOST_REQUIRE_EQUAL(segs.size(), 1u);
  BOOST_CHECK_EQUAL(segs[0].coding.document_id, doc.id);
  BOOST_CHECK_EQUAL(segs[0].text, theme);
  BOOST_CHECK_EQUAL(segs[0].coding.start, find_in_document(p(), doc.id, theme).first);
  BOOST_CHECK_EQUAL(segs[0].question, "What would you change?");
  BOOST_CHECK_EQUAL(segs[0].case_name, "R0005");
  // The answer view shows the new coding.
  BOOST_CHECK_EQUAL(view.laid().size(), 1u);
}

BOOST_FIXTURE_TEST_CASE(sources_counts_follow_a_new_coding, SurveyFixture) {
  // Sources labels a document and a survey with their numbers of codings;
  // coding (no document added) relabels them in place.
  auto& tree = frame->sources().tree();
  auto label_starting = [&](const std::string& prefix) {
    std::vector<wxTreeItemId> stack{tree.GetRootItem()};
    while (!stack.empty()) {
      auto item = stack.back();
      stack.pop_back();
      auto text = gui::utf8(tree.GetItemText(item));
      if (text.rfind(prefix, 0) == 0) {
        return text;
      }
      wxTreeItemIdValue cookie;
      for (auto c = tree.GetFirstChild(item, cookie); c.IsOk();
           c = tree.GetNextChild(item, cookie)) {
        stack.push_back(c);
      }
    }
    return std::string();
  };
  auto survey_codings = [&] {
    std::int64_t n = 0;
    for (const auto& [doc, count] : coding_counts_by_document(p())) {
      n += get_document(p(), doc).folder == "staff-survey" ? count : 0;
    }
    return n;
  };
  BOOST_CHECK_EQUAL(label_starting("interview-cafe"), "interview-cafe");
  select_text("interview-cafe", "the café next to the station");
  wxTEST_DIALOG(frame->commands().invoke("code/code-as"),
                TypeInCodePicker("Setting/Informal venues"));
  pump(200);
  BOOST_CHECK_EQUAL(label_starting("interview-cafe"), "interview-cafe  (1 coding)");

  auto before = survey_codings();
  frame->session().show_survey("staff-survey");
  pump();
  pane().select_cell(4, column("What would you change?"));
  pump();
  auto& view = pane().answer_view();
  view.SetSelection(0, 4);
  wxTEST_DIALOG(frame->commands().invoke("code/code-as"), TypeInCodePicker("Themes/Change"));
  pump(200);
  BOOST_REQUIRE_EQUAL(survey_codings(), before + 1);
  BOOST_CHECK_EQUAL(label_starting("staff-survey"),
                    "staff-survey  (60 respondents, " + std::to_string(before + 1) + " codings)");
}

// Issue 17: the grid opened scrolled sideways (the first answer column came
// after every attribute), so the ID and the answers were out of view.
BOOST_FIXTURE_TEST_CASE(the_grid_opens_at_the_left_with_the_answers_beside_the_frozen_id,
                        SurveyFixture) {
  frame->session().show_survey("staff-survey");
  pump(100);
  auto& grid = pane().grid();
  BOOST_CHECK_EQUAL(pane().model().columns()[pane().model_column(0)].kind,
                    gui::SurveyModel::Column::Respondent);
  for (int c = 1; c <= 3; ++c) {
    BOOST_CHECK_EQUAL(pane().model().columns()[pane().model_column(c)].kind,
                      gui::SurveyModel::Column::Question);
  }
  BOOST_CHECK_EQUAL(grid.GetNumberFrozenCols(), 1);
  BOOST_CHECK_EQUAL(grid.GetViewStart().x, 0);
  BOOST_CHECK_EQUAL(grid.GetGridCursorCol(), 1);
  BOOST_CHECK(grid.IsVisible(0, 0, false));
  BOOST_CHECK(grid.IsVisible(0, 1, false));
  BOOST_CHECK_EQUAL(pane().answer_view().shown_text(), survey_answer(1, 0));
}

// Issue 17: a click on an attribute (or ID) cell opened an empty reader.
BOOST_FIXTURE_TEST_CASE(any_cell_of_a_row_shows_that_respondents_answers, SurveyFixture) {
  frame->session().show_survey("staff-survey");
  pump();
  auto& view = pane().answer_view();
  pane().select_cell(4, column("Role")); // R0005
  pump();
  auto doc = find_document(p(), "staff-survey R0005");
  BOOST_CHECK_EQUAL(view.shown_text(), document_text(p(), doc.id));
  for (int q = 0; q < 3; ++q) {
    BOOST_CHECK(view.shown_text().find(survey_answer(5, q)) != std::string::npos);
  }
  BOOST_CHECK_EQUAL(view.document(), doc.id);
  auto title = gui::utf8(pane().FindWindow("quire-survey-answer-title")->GetLabel());
  BOOST_CHECK_EQUAL(title, "R0005 · Role: " + text(4, column("Role")) + " · 3 answers");
  // Each answer is labelled with its question in the margin.
  BOOST_CHECK_GT(view.GetMarginWidth(0), 0);
  pane().select_cell(4, 0); // the ID
  pump();
  BOOST_CHECK_EQUAL(view.shown_text(), document_text(p(), doc.id));
  // R0003 left the second question empty: its cell shows the other answers.
  pane().select_cell(2, column("What got in the way?"));
  pump();
  BOOST_CHECK(!view.shown_text().empty());
  BOOST_CHECK(view.shown_text().find(survey_answer(3, 0)) != std::string::npos);
  // An answer cell still shows that answer alone.
  pane().select_cell(4, column("What would you change?"));
  pump();
  BOOST_CHECK_EQUAL(view.shown_text(), survey_answer(5, 2));
  BOOST_CHECK_EQUAL(view.GetMarginWidth(0), 0);
}

// Issue 17: the reader below the grid was about 130 pixels tall.
BOOST_FIXTURE_TEST_CASE(the_reader_takes_two_fifths_of_the_height_and_keeps_the_users_share,
                        SurveyFixture) {
  // 40% of the page below the grid (the reader stayed at 170 pixels, whatever
  // the page's height).
  frame->session().show_survey("staff-survey");
  pump(300);
  BOOST_CHECK_CLOSE(pane().reader_share(), 0.4, 5.0);
  BOOST_CHECK_GT(pane().answer_view().GetSize().y, pane().GetSize().y / 5);
  // The user drags the sash: the share is remembered for the next window.
  auto* split = dynamic_cast<wxSplitterWindow*>(pane().grid().GetParent());
  BOOST_REQUIRE(split);
  int h = split->GetClientSize().y;
  wxSplitterEvent moved(wxEVT_SPLITTER_SASH_POS_CHANGED, split);
  moved.SetSashPosition(h / 4);
  split->SetSashPosition(h / 4);
  split->GetEventHandler()->ProcessEvent(moved);
  double kept = 0;
  BOOST_CHECK(wxConfigBase::Get()->Read("/Survey/ReaderShare", &kept));
  BOOST_CHECK_CLOSE(kept, 0.75, 2.0);
  wxConfigBase::Get()->DeleteEntry("/Survey/ReaderShare");
}

namespace {

/// Codes R0005's answer to "What would you change?" whole with its question
/// code (as the importer does) and its first word with a theme.
std::pair<Id, Id> code_r5_change(Project& p) {
  auto doc = find_document(p, "staff-survey R0005");
  auto answer = survey_answer(5, 2);
  auto [s, e] = find_in_document(p, doc.id, answer);
  auto question = add_code(p, "Questions/What would you change?", "#e6194b");
  code_range(p, doc.id, s, e, question);
  auto theme = add_code(p, "Themes/Change", "#3cb44b");
  code_range(p, doc.id, s, s + 4, theme);
  return {question, theme};
}

} // namespace

// Issue 17: the grid did not show which answers are coded.
BOOST_FIXTURE_TEST_CASE(coded_answers_carry_a_marker_naming_their_codes, SurveyFixture) {
  auto [question, theme] = code_r5_change(p());
  pump(200);
  frame->session().show_survey("staff-survey");
  pump();
  int q = column("What would you change?");
  BOOST_REQUIRE_EQUAL(pane().cell_codes(4, q).size(), 1u); // the question code is no mark
  BOOST_CHECK_EQUAL(pane().cell_codes(4, q).front(), theme);
  BOOST_CHECK_EQUAL(gui::utf8(pane().cell_tooltip(4, q)), "Coded: Themes/Change");
  BOOST_CHECK(pane().cell_codes(3, q).empty());
  BOOST_CHECK(pane().cell_codes(4, column("Role")).empty());
  BOOST_CHECK(pane().cell_tooltip(3, q).empty());
  // A new coding marks its cell at once.
  auto doc = find_document(p(), "staff-survey R0004");
  auto [s, e] = find_in_document(p(), doc.id, survey_answer(4, 2));
  code_range(p(), doc.id, s, e, code("Barriers/Time"));
  pump(200);
  BOOST_CHECK_EQUAL(gui::utf8(pane().cell_tooltip(3, q)), "Coded: Barriers/Time");
}

// Issue 17: the codes made from a survey's questions coloured every answer.
BOOST_FIXTURE_TEST_CASE(question_codes_are_structure_not_coloured_unless_asked, SurveyFixture) {
  auto [question, theme] = code_r5_change(p());
  pump(200);
  frame->session().show_survey("staff-survey");
  pump();
  pane().select_cell(4, column("What would you change?"));
  pump();
  auto codes_laid = [](const gui::CodedText& view) {
    std::set<Id> out;
    for (const auto& l : view.laid()) {
      out.insert(l.coding.code_id);
    }
    return out;
  };
  auto& answer = pane().answer_view();
  BOOST_CHECK(codes_laid(answer) == std::set<Id>{theme});
  // The document view too.
  auto doc = find_document(p(), "staff-survey R0005");
  frame->session().show_document(doc.id);
  pump();
  auto& text = frame->document_view().text();
  BOOST_CHECK(codes_laid(text) == std::set<Id>{theme});
  // View > Show Question Codes draws them; again hides them.
  BOOST_CHECK(!frame->commands().get("view/question-codes").checked());
  frame->commands().invoke("view/question-codes");
  pump();
  BOOST_CHECK(frame->commands().get("view/question-codes").checked());
  BOOST_CHECK((codes_laid(text) == std::set<Id>{question, theme}));
  BOOST_CHECK((codes_laid(answer) == std::set<Id>{question, theme}));
  frame->commands().invoke("view/question-codes");
  pump();
  BOOST_CHECK(codes_laid(text) == std::set<Id>{theme});
  // Counts stay whole: the question's coding is in the project.
  CodingFilter f;
  f.code_id = question;
  BOOST_CHECK_EQUAL(list_codings(p(), f).size(), 1u);
}

BOOST_AUTO_TEST_SUITE_END()
