// Survey tools' own export layouts: Qualtrics' three header rows and
// SurveyMonkey's option row are headers, not respondents.
#include <boost/test/unit_test.hpp>

#include "survey_helpers.h"

using namespace quire;
using namespace quire::test;

BOOST_AUTO_TEST_SUITE(tool_exports)

namespace {
bool noted(const ImportData& d, const std::string& what) {
  for (auto& w : d.warnings) {
    if (w.find(what) != std::string::npos) {
      return true;
    }
  }
  return false;
}
} // namespace

BOOST_AUTO_TEST_CASE(qualtrics_question_and_import_id_rows_are_skipped) {
  auto d = read_survey(survey_fixture("qualtrics.csv"));
  BOOST_CHECK_EQUAL(d.rows, 3);
  BOOST_CHECK_EQUAL(d.cases.size(), 3u);
  BOOST_CHECK_EQUAL(column_of(d, "ResponseId").role, "id");
  BOOST_CHECK_EQUAL(column_of(d, "Q2").role, "text");
  // Without the text rows, numbers and dates are typed again.
  BOOST_CHECK(column_of(d, "Progress").type == AttrType::Number);
  BOOST_CHECK(column_of(d, "StartDate").type == AttrType::Date);
  BOOST_CHECK_EQUAL(value_of(case_of(d, "R_2ghiJKL"), "Q1").text, "Teacher");
  BOOST_CHECK_EQUAL(answer_of(d, "R_1abcDEF", "Q2"),
                    "Sharing practice between schools, mostly. But time is short.");
  BOOST_CHECK(document_of(d, "Response ID") == nullptr);
  BOOST_CHECK(noted(d, "Qualtrics"));
  // The question texts row is kept on its columns, unless it only repeats the header.
  BOOST_CHECK_EQUAL(column_of(d, "Q2").question_text, "What is the network for?");
  BOOST_CHECK_EQUAL(column_of(d, "Q3_1").question_text, "How useful (1-5)");
  BOOST_CHECK_EQUAL(column_of(d, "ResponseId").question_text, "");
  BOOST_CHECK_EQUAL(column_of(d, "Progress").question_text, "");
}

BOOST_AUTO_TEST_CASE(surveymonkey_option_row_joins_the_headers) {
  auto d = read_survey(survey_fixture("surveymonkey.csv"));
  BOOST_CHECK_EQUAL(d.rows, 3);
  BOOST_CHECK_EQUAL(column_of(d, "Respondent ID").role, "id");
  BOOST_CHECK_EQUAL(column_of(d, "What is the network for?").role, "text");
  BOOST_CHECK_EQUAL(column_of(d, "Which activities do you join? / Visits").role, "attribute");
  BOOST_CHECK_EQUAL(
      value_of(case_of(d, "11873002"), "What is your role? / Other (please specify)").text,
      "Deputy head");
  BOOST_CHECK_EQUAL(answer_of(d, "11873003", "What is the network for?"),
                    "Peer support for new coordinators, and a place to ask questions without "
                    "being judged.");
  BOOST_CHECK(noted(d, "SurveyMonkey"));
  // Its header row is the questions already: no question text besides.
  BOOST_CHECK_EQUAL(column_of(d, "What is the network for?").question_text, "");
}

BOOST_AUTO_TEST_CASE(an_ordinary_survey_keeps_its_first_row) {
  // A first respondent whose answers happen to be words is not a header row.
  auto d = read_survey(survey_fixture("cases.csv"));
  BOOST_CHECK(!noted(d, "Qualtrics"));
  BOOST_CHECK(!noted(d, "SurveyMonkey"));
}

BOOST_AUTO_TEST_CASE(a_title_above_the_table_is_not_the_header) {
  auto d = read_survey(survey_fixture("titled.xlsx"));
  BOOST_CHECK_EQUAL(d.rows, 3);
  BOOST_CHECK_EQUAL(d.cases.size(), 3u);
  BOOST_CHECK_EQUAL(column_of(d, "Respondent").role, "id");
  BOOST_CHECK_EQUAL(column_of(d, "Department").role, "attribute");
  BOOST_CHECK(column_of(d, "Years").type == AttrType::Number);
  BOOST_CHECK_EQUAL(column_of(d, "What should change?").role, "text");
  BOOST_CHECK_EQUAL(answer_of(d, "R02", "What should change?"),
                    "The ordering system. Nobody understands it.");
  BOOST_CHECK(document_of(d, "Respondent") == nullptr);
  BOOST_CHECK(noted(d, "row 3 was taken as the header row"));
}

BOOST_AUTO_TEST_CASE(a_lone_column_name_is_not_a_title) {
  // "ID" over unnamed columns is a header, not a title: its row is kept.
  TempDir dir;
  write_file(dir / "ids.csv",
             "ID,,\nR1,yes,It was fine most days.\nR2,no,Too loud in the mornings.\n");
  auto d = read_survey(dir / "ids.csv");
  BOOST_CHECK(!noted(d, "taken as the header row"));
  BOOST_CHECK_EQUAL(d.rows, 2);
  BOOST_CHECK(!noted(read_survey(survey_fixture("garden.xlsx")), "taken as the header row"));
}

BOOST_AUTO_TEST_CASE(microsoft_forms_download) {
  auto d = read_survey(survey_fixture("msforms.xlsx"));
  BOOST_CHECK_EQUAL(d.rows, 3);
  BOOST_CHECK_EQUAL(column_of(d, "ID").role, "id");
  BOOST_CHECK(column_of(d, "Start time").type == AttrType::Date);
  BOOST_CHECK_EQUAL(column_of(d, "Name").role, "skip"); // anonymous forms leave it empty
  BOOST_CHECK_EQUAL(column_of(d, "How many years have you worked in this team?").role, "attribute");
  BOOST_CHECK_EQUAL(column_of(d, "What would make your work easier?").role, "text");
  BOOST_CHECK_EQUAL(answer_of(d, "2", "Anything else you want to tell us?"),
                    "The new starters' induction was very good.");
  BOOST_CHECK_EQUAL(answer_of(d, "1", "Anything else you want to tell us?"), "");
}

BOOST_AUTO_TEST_SUITE_END()
