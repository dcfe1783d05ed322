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
}

BOOST_AUTO_TEST_CASE(an_ordinary_survey_keeps_its_first_row) {
  // A first respondent whose answers happen to be words is not a header row.
  auto d = read_survey(survey_fixture("cases.csv"));
  BOOST_CHECK(!noted(d, "Qualtrics"));
  BOOST_CHECK(!noted(d, "SurveyMonkey"));
}

BOOST_AUTO_TEST_SUITE_END()
