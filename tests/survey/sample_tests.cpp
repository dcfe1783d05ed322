// The shared sample survey (../shared/samples): 60 respondents as CSV and XLSX.
#include <boost/test/unit_test.hpp>

#include "quire/base/text.h"
#include "quire/model/codebook.h"
#include "survey_helpers.h"

using namespace quire;
using namespace quire::test;

namespace {

const std::string q1 = "Q1. In your own words, what is the purpose of the learning network?";
const std::string q2 = "Q2. How have you used the network this term?";
const std::string q3 = "Q3. What would make the network more valuable to you?";

ImportData sample(const std::string& name) {
  return read_survey(*shared_sample(name));
}

/// What every reading of the sample survey must give, whatever the format.
void check_sample(const ImportData& d) {
  BOOST_CHECK_EQUAL(d.rows, 60);
  BOOST_CHECK_EQUAL(d.cases.size(), 60u);
  BOOST_CHECK_EQUAL(column_of(d, "Respondent ID").role, "id");
  for (const auto& q : {q1, q2, q3}) {
    BOOST_CHECK_EQUAL(column_of(d, q).role, "text");
  }
  for (const auto& a : {"First name", "Role", "Network"}) {
    BOOST_CHECK_EQUAL(column_of(d, a).role, "attribute");
    BOOST_CHECK(column_of(d, a).type == AttrType::Text);
  }
  BOOST_CHECK(column_of(d, "Years in role").type == AttrType::Number);
  BOOST_CHECK(column_of(d, "Satisfaction (1-5)").type == AttrType::Number);
  BOOST_CHECK(column_of(d, "Submitted").type == AttrType::Date);

  const auto& r001 = case_of(d, "R001");
  BOOST_CHECK_EQUAL(value_of(r001, "First name").text, "Ravi");
  BOOST_CHECK_EQUAL(value_of(r001, "Years in role").number, 15);
  BOOST_CHECK_EQUAL(value_of(r001, "Submitted").text, "2026-03-02");
  BOOST_CHECK_EQUAL(value_of(r001, "Satisfaction (1-5)").number, 5);
  BOOST_CHECK_EQUAL(value_of(case_of(d, "R060"), "Submitted").text, "2026-03-19");
  // The stray "about 10": no number, kept as written, and the user is told.
  const auto& r022 = case_of(d, "R022");
  BOOST_CHECK(value_of(r022, "Years in role").missing);
  BOOST_CHECK_EQUAL(value_of(r022, "Years in role (as written)").text, "about 10");
  bool told = false;
  for (auto& w : d.warnings)
    told = told || (w.find("about 10") != std::string::npos && w.find("R022") != std::string::npos);
  BOOST_CHECK(told);

  // Empty and N/A answers give no passage; the rest one passage each, coded by question.
  BOOST_CHECK(answer_of(d, "R005", q1).empty());
  BOOST_CHECK(answer_of(d, "R010", q2).empty());
  BOOST_CHECK_EQUAL(document_of(d, "R005")->passages.size(), 2u);
  BOOST_CHECK_EQUAL(document_of(d, "R001")->passages.size(), 3u);
  // Formula-looking answers are plain text.
  BOOST_CHECK_EQUAL(answer_of(d, "R014", q3), "=HYPERLINK(\"http://example.invalid\",\"click\")");
  BOOST_CHECK_EQUAL(answer_of(d, "R015", q1), "-not sure what it is for, to be honest");
  BOOST_CHECK_EQUAL(answer_of(d, "R016", q2), "+1 to what others said about time");
  BOOST_CHECK_EQUAL(answer_of(d, "R017", q3), "@everyone: please read the memo");
  // Line breaks and emoji intact; the very long answer whole.
  BOOST_CHECK_EQUAL(answer_of(d, "R003", q3),
                    "I suppose let us choose our own groups instead of predetermined ones.\n👍");
  BOOST_CHECK(count_code_points(answer_of(d, "R031", q2)) > 3000);
  for (const auto& doc : d.documents) {
    BOOST_CHECK_EQUAL(to_string(doc.kind), "survey");
    BOOST_CHECK_EQUAL(doc.folder, "coordinator-survey");
    BOOST_CHECK_EQUAL(doc.name, "coordinator-survey " + doc.case_name);
    BOOST_REQUIRE_EQUAL(doc.codings.size(), doc.passages.size());
    for (std::size_t i = 0; i < doc.passages.size(); ++i) {
      BOOST_CHECK_EQUAL(doc.passages[i].case_name, doc.case_name);
      BOOST_CHECK_EQUAL(doc.codings[i].code_path,
                        join_code_path({"Questions", doc.passages[i].question}));
      BOOST_CHECK_EQUAL(doc.codings[i].start, doc.passages[i].start);
      BOOST_CHECK_EQUAL(doc.codings[i].end, doc.passages[i].end);
    }
  }
}

} // namespace

BOOST_AUTO_TEST_SUITE(sample_survey, *boost::unit_test::precondition(needs_shared))

BOOST_AUTO_TEST_CASE(csv_reads_with_the_right_structure) {
  auto d = sample("coordinator-survey.csv");
  BOOST_CHECK_EQUAL(d.kind, "csv");
  check_sample(d);
  // Every answer is in the file as written (after line-ending normalisation).
  auto raw =
      normalize_text(quire::test::read_file(*shared_sample("coordinator-survey.csv")).substr(3));
  for (const auto& doc : d.documents) {
    CodePointIndex idx(doc.text);
    for (const auto& p : doc.passages) {
      std::string a(idx.slice(p.start, p.end));
      std::string quoted;
      for (char c : a)
        quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
      BOOST_CHECK_MESSAGE(raw.find(quoted) != std::string::npos,
                          doc.name << ": " << a.substr(0, 40));
    }
  }
}

BOOST_AUTO_TEST_CASE(xlsx_reads_the_same_as_csv) {
  auto x = sample("coordinator-survey.xlsx");
  BOOST_CHECK_EQUAL(x.kind, "xlsx");
  check_sample(x);
  auto c = sample("coordinator-survey.csv");
  BOOST_REQUIRE_EQUAL(x.attributes.size(), c.attributes.size());
  for (std::size_t i = 0; i < c.attributes.size(); ++i) {
    BOOST_CHECK_EQUAL(x.attributes[i].name, c.attributes[i].name);
    BOOST_CHECK(x.attributes[i].type == c.attributes[i].type);
  }
  BOOST_REQUIRE_EQUAL(x.cases.size(), c.cases.size());
  for (std::size_t i = 0; i < c.cases.size(); ++i) {
    BOOST_CHECK_EQUAL(x.cases[i].name, c.cases[i].name);
    BOOST_REQUIRE_EQUAL(x.cases[i].attributes.size(), c.cases[i].attributes.size());
    for (std::size_t a = 0; a < c.cases[i].attributes.size(); ++a) {
      BOOST_CHECK_EQUAL(x.cases[i].attributes[a].first, c.cases[i].attributes[a].first);
      BOOST_CHECK_EQUAL(x.cases[i].attributes[a].second.display(),
                        c.cases[i].attributes[a].second.display());
    }
  }
  BOOST_REQUIRE_EQUAL(x.documents.size(), c.documents.size());
  for (std::size_t i = 0; i < c.documents.size(); ++i) {
    BOOST_CHECK_EQUAL(x.documents[i].name, c.documents[i].name);
    BOOST_CHECK_EQUAL(x.documents[i].text, c.documents[i].text);
    BOOST_CHECK_EQUAL(x.documents[i].passages.size(), c.documents[i].passages.size());
  }
}

BOOST_AUTO_TEST_SUITE_END()
