// Core's survey read-model (core/include/quire/model/surveys.h), which the survey grid, the
// sources pane and the desktop app's --survey use: the surveys of a project,
// their respondents, attribute and question columns, and answers, read from
// real CSV surveys imported into a real project.
#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include "quire/base/error.h"
#include "quire/model/cases.h"
#include "quire/model/codebook.h"
#include "quire/model/coding.h"
#include "quire/model/documents.h"
#include "quire/model/surveys.h"
#include "quire/store/project.h"
#include "survey_helpers.h"

using namespace quire;
using namespace quire::test;

namespace {

struct TwoSurveys {
  TempDir dir;
  Project p = Project::create(dir / "study.quire");
  TwoSurveys() {
    store_import(p, read_survey(survey_fixture("semicolon.csv")));
    store_import(p, read_survey(survey_fixture("wave1.csv")));
    add_text_document(p, "field notes", "Not a survey; listed under Documents.");
  }
};

std::vector<std::string> names(const std::vector<Respondent>& rs) {
  std::vector<std::string> out;
  for (const auto& r : rs) {
    out.push_back(r.name);
  }
  return out;
}

} // namespace

BOOST_AUTO_TEST_SUITE(read_model)

BOOST_FIXTURE_TEST_CASE(list_surveys_gives_each_survey_with_its_respondents_and_questions,
                        TwoSurveys) {
  auto surveys = list_surveys(p);
  BOOST_REQUIRE_EQUAL(surveys.size(), 2u);
  BOOST_CHECK_EQUAL(surveys[0].name, "semicolon");
  BOOST_CHECK_EQUAL(surveys[0].respondents, 5);
  BOOST_CHECK_EQUAL(surveys[0].questions, 2);
  BOOST_CHECK_EQUAL(surveys[1].name, "wave1");
  BOOST_CHECK_EQUAL(surveys[1].respondents, 3);
  BOOST_CHECK_EQUAL(surveys[1].questions, 1);
  BOOST_CHECK_EQUAL(find_survey(p, "wave1").respondents, 3);
  try {
    find_survey(p, "wave2");
    BOOST_FAIL("an unknown survey was found");
  } catch (const NotFoundError& e) {
    BOOST_CHECK_EQUAL(std::string(e.what()), "no survey named 'wave2' in this project");
  }
  BOOST_CHECK(survey_respondents(p, "wave2").empty());
  BOOST_CHECK(survey_respondents(p, "").empty()); // the text document's (empty) folder is no survey
}

BOOST_FIXTURE_TEST_CASE(survey_respondents_are_its_documents_named_by_their_case, TwoSurveys) {
  auto rs = survey_respondents(p, "semicolon");
  BOOST_CHECK((names(rs) == std::vector<std::string>{"V01", "V02", "V03", "V04", "V05"}));
  for (const auto& r : rs) {
    auto d = find_document(p, "semicolon " + r.name);
    BOOST_CHECK_EQUAL(r.document, d.id);
    BOOST_CHECK(r.case_id == find_case(p, r.name).id);
    BOOST_CHECK(document_kind(d) == DocumentKind::Survey);
  }
  BOOST_CHECK(
      (names(survey_respondents(p, "wave1")) == std::vector<std::string>{"W01", "W02", "W03"}));
  // A respondent whose document lost its case is named by the document.
  link_document(p, rs[2].document, std::nullopt);
  auto after = survey_respondents(p, "semicolon");
  BOOST_CHECK_EQUAL(after[2].name, "semicolon V03");
  BOOST_CHECK(!after[2].case_id);
  BOOST_CHECK(respondent_values(p, after).count(*rs[2].case_id) == 0);
}

BOOST_FIXTURE_TEST_CASE(columns_are_the_surveys_own_attributes_and_questions_in_order, TwoSurveys) {
  auto rs = survey_respondents(p, "semicolon");
  auto values = respondent_values(p, rs);
  BOOST_CHECK_EQUAL(values.size(), 5u);
  std::vector<std::string> attrs;
  for (const auto& a : survey_attributes(p, values)) {
    attrs.push_back(a.name);
  }
  // wave1's Team and Hours per month are not columns of this survey.
  BOOST_CHECK((attrs == std::vector<std::string>{"Age", "Plot size (m²)", "Joined"}));
  BOOST_CHECK_EQUAL(values.at(*rs[0].case_id).at("Plot size (m²)").number, 12.5);
  const auto& v03 = values.at(*rs[2].case_id); // V03 left the plot size empty
  BOOST_CHECK(!v03.count("Plot size (m²)") || v03.at("Plot size (m²)").missing);
  auto qs = survey_questions(p, "semicolon");
  BOOST_REQUIRE_EQUAL(qs.size(), 2u);
  BOOST_CHECK_EQUAL(qs[0].name, "Why did you start volunteering at the garden?");
  BOOST_CHECK_EQUAL(qs[1].name, "What would you change?");
  BOOST_CHECK_EQUAL(survey_questions(p, "wave1").at(0).name,
                    "What do you enjoy most about volunteering here?");
}

BOOST_FIXTURE_TEST_CASE(respondent_answers_follow_the_questions_and_leave_gaps_for_none,
                        TwoSurveys) {
  auto rs = survey_respondents(p, "semicolon");
  auto qs = survey_questions(p, "semicolon");
  auto v01 = respondent_answers(p, rs[0].document, qs);
  BOOST_REQUIRE_EQUAL(v01.size(), 2u);
  BOOST_CHECK_EQUAL(v01[0].text,
                    "I wanted my kids to see where food comes from; the allotment waiting "
                    "list was three years long.");
  BOOST_CHECK_EQUAL(v01[1].text, "More shade near the compost bays, please.");
  auto passage = get_passage(p, v01[1].passage);
  BOOST_CHECK(passage.question_id == qs[1].id);
  BOOST_CHECK_EQUAL(document_text(p, rs[0].document, v01[1].start, v01[1].end), v01[1].text);
  // V02 answered "N/A" and V04 nothing to the second question: no passage.
  BOOST_CHECK_EQUAL(respondent_answers(p, rs[1].document, qs)[1].passage, 0);
  BOOST_CHECK_EQUAL(respondent_answers(p, rs[3].document, qs)[1].passage, 0);
  // Asked in the other order, the answers come in that order.
  auto reversed = respondent_answers(p, rs[0].document, {qs[1], qs[0]});
  BOOST_CHECK_EQUAL(reversed[0].text, v01[1].text);
  // Another survey's questions are not answered in this one's documents.
  auto other = respondent_answers(p, rs[0].document, survey_questions(p, "wave1"));
  BOOST_CHECK_EQUAL(other.at(0).passage, 0);
}

// The codes the importer makes from questions are the grid's structure: the
// views leave them uncoloured and the grid's coded marker leaves them out.
BOOST_FIXTURE_TEST_CASE(question_codes_are_the_importers_and_answer_codes_leave_them_out,
                        TwoSurveys) {
  auto question_of = [&](const std::string& path) { return find_code(p, path).id; };
  auto qs = survey_questions(p, "semicolon");
  auto codes = question_codes(p);
  BOOST_CHECK(codes.count(question_of("Questions")));
  for (const auto& q : qs) {
    BOOST_CHECK_MESSAGE(codes.count(question_of("Questions/" + q.name)), q.name);
  }
  // A theme, and a code named like a question but elsewhere, are no question codes.
  auto theme = add_code(p, "Themes/Food");
  auto lookalike = add_code(p, "Themes/" + qs[0].name);
  codes = question_codes(p);
  BOOST_CHECK(!codes.count(theme));
  BOOST_CHECK(!codes.count(lookalike));

  auto rs = survey_respondents(p, "semicolon");
  auto answers = respondent_answers(p, rs[0].document, qs);
  code_range(p, rs[0].document, answers[0].start + 2, answers[0].start + 6, theme);
  auto in = answer_codes(p, rs[0].document, answers, codes);
  BOOST_REQUIRE_EQUAL(in.size(), 2u);
  BOOST_CHECK(in[0] == std::vector<Id>{theme});
  BOOST_CHECK(in[1].empty());
  // Without leaving them out, each answer has its question's code.
  auto all = answer_codes(p, rs[0].document, answers, {});
  BOOST_CHECK(all[1] == std::vector<Id>{question_of("Questions/" + qs[1].name)});
  BOOST_CHECK_EQUAL(all[0].size(), 2u);
}

BOOST_FIXTURE_TEST_CASE(attribute_values_are_each_attributes_values_in_natural_order, TwoSurveys) {
  auto c = add_case(p, "extra");
  set_attribute(p, c, "Plot", Value::of_text("P10"));
  auto c2 = add_case(p, "extra 2");
  set_attribute(p, c2, "Plot", Value::of_text("P9"));
  auto c3 = add_case(p, "extra 3");
  set_attribute(p, c3, "Plot", Value::of_text("P100"));
  auto values = attribute_values(p);
  BOOST_CHECK((values.at("Plot") == std::vector<std::string>{"P9", "P10", "P100"}));
  for (const auto& a : list_attributes(p)) {
    BOOST_CHECK_MESSAGE(values.count(a.name), a.name);
  }
  BOOST_CHECK(
      (values_matching(values.at("Plot"), "10") == std::vector<std::string>{"P10", "P100"}));
  BOOST_CHECK_EQUAL(values_matching(values.at("Plot"), "p").size(), 3u);
  BOOST_CHECK_EQUAL(values_matching(values.at("Plot"), "").size(), 3u);
}

BOOST_AUTO_TEST_CASE(document_kinds_convert_to_and_from_their_stored_names) {
  for (auto [kind, name] : {std::pair{DocumentKind::Text, "text"},
                            {DocumentKind::Transcript, "transcript"},
                            {DocumentKind::Survey, "survey"},
                            {DocumentKind::Pdf, "pdf"},
                            {DocumentKind::Html, "html"}}) {
    BOOST_CHECK_EQUAL(to_string(kind), name);
    BOOST_CHECK(parse_document_kind(name) == kind);
  }
  BOOST_CHECK(!parse_document_kind("Survey"));
  BOOST_CHECK(!parse_document_kind(""));
  Document d;
  d.kind = "something newer";
  BOOST_CHECK(document_kind(d) == DocumentKind::Text);
  // What the importer set is what the project stores.
  TempDir dir;
  auto p = Project::create(dir / "k.quire");
  store_import(p, read_survey(survey_fixture("wave1.csv")));
  BOOST_CHECK_EQUAL(find_document(p, "wave1 W01").kind, "survey");
  Id t = add_text_document(p, "t", "Some text.", DocumentKind::Transcript);
  BOOST_CHECK_EQUAL(get_document(p, t).kind, "transcript");
}

BOOST_AUTO_TEST_CASE(quire_surveys_lists_and_shows_what_core_reads) {
  TempDir dir;
  auto file = dir / "study.quire";
  {
    auto p = Project::create(file);
    store_import(p, read_survey(survey_fixture("semicolon.csv")));
    store_import(p, read_survey(survey_fixture("wave1.csv")));
  }
  auto r = run_quire({"surveys", "list", file.string()});
  BOOST_REQUIRE_MESSAGE(r.status == 0, r.err);
  BOOST_CHECK_MESSAGE(r.out.find("semicolon") < r.out.find("wave1"), r.out);
  r = run_quire({"surveys", "list", file.string(), "--json"});
  BOOST_REQUIRE_MESSAGE(r.status == 0, r.err);
  auto list = nlohmann::json::parse(r.out);
  BOOST_REQUIRE_EQUAL(list.size(), 2u);
  BOOST_CHECK_EQUAL(list[0]["name"], "semicolon");
  BOOST_CHECK_EQUAL(list[0]["respondents"], 5);
  BOOST_CHECK_EQUAL(list[0]["questions"], 2);
  r = run_quire({"surveys", "show", file.string(), "semicolon", "--json"});
  BOOST_REQUIRE_MESSAGE(r.status == 0, r.err);
  auto j = nlohmann::json::parse(r.out);
  const std::string attributes = R"x(["Age","Plot size (m²)","Joined"])x";
  BOOST_CHECK_EQUAL(j["attributes"].dump(), attributes);
  BOOST_REQUIRE_EQUAL(j["respondents"].size(), 5u);
  BOOST_CHECK_EQUAL(j["respondents"][0]["name"], "V01");
  BOOST_CHECK_EQUAL(j["respondents"][0]["attributes"]["Plot size (m²)"], 12.5);
  BOOST_CHECK_EQUAL(j["respondents"][0]["answers"]["What would you change?"],
                    "More shade near the compost bays, please.");
  BOOST_CHECK(j["respondents"][1]["answers"]["What would you change?"].is_null()); // N/A
  r = run_quire({"surveys", "show", file.string(), "wave1"});
  BOOST_REQUIRE_MESSAGE(r.status == 0, r.err);
  BOOST_CHECK_MESSAGE(
      r.out.find("W02") != std::string::npos && r.out.find("Compost") != std::string::npos, r.out);
  r = run_quire({"surveys", "show", file.string(), "wave2"});
  BOOST_CHECK_EQUAL(r.status, 1);
  BOOST_CHECK_MESSAGE(r.err.find("no survey named 'wave2' in this project") != std::string::npos,
                      r.err);
}

BOOST_AUTO_TEST_SUITE_END()
