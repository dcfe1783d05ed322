// Surveys stored in a project: cases, answers, codes, re-import of more rows,
// cases files, and bad files leaving the project as it was.
#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <chrono>
#include <ctime>
#include <map>
#include <nlohmann/json.hpp>

#include "quire/model/cases.h"
#include "quire/model/codebook.h"
#include "quire/model/coding.h"
#include "quire/model/documents.h"
#include "quire/store/history.h"
#include "quire/store/project.h"
#include "support/project_snapshot.h"
#include "survey_helpers.h"

using namespace quire;
using namespace quire::test;

namespace {

struct Fixture {
  TempDir dir;
  std::filesystem::path path = dir / "study.quire";
  Project p = Project::create(path);

  ImportSummary import(const std::string& fixture_name, const ImportSettings& s = {}) {
    return store_import(p, read_survey(survey_fixture(fixture_name), s));
  }
  /// Writes an export of ours to file (a later export overwrites it) and imports it.
  ImportSummary import_export(const std::filesystem::path& file, const std::string& csv) {
    write_file(file, csv);
    return store_import(p, read_survey(file));
  }
  Value value(const std::string& kase, const std::string& attribute) {
    auto attrs = case_attributes(p, find_case(p, kase).id);
    auto it = attrs.find(attribute);
    return it == attrs.end() ? Value::none() : it->second;
  }
  std::vector<Document> survey_docs(const std::string& folder) {
    std::vector<Document> out;
    for (auto& d : list_documents(p)) {
      if (d.folder == folder)
        out.push_back(d);
    }
    return out;
  }
};

} // namespace

BOOST_AUTO_TEST_SUITE(store)

BOOST_FIXTURE_TEST_CASE(a_survey_becomes_cases_answers_questions_and_codes, Fixture) {
  auto sum = import("semicolon.csv");
  BOOST_CHECK_EQUAL(sum.cases_created, 5);
  BOOST_CHECK_EQUAL(sum.documents.size(), 5u);
  BOOST_CHECK_EQUAL(sum.passages, 8);
  BOOST_CHECK_EQUAL(sum.codings, 8);
  auto v01 = find_document(p, "semicolon V01");
  BOOST_CHECK_EQUAL(v01.kind, "survey");
  BOOST_CHECK_EQUAL(v01.folder, "semicolon");
  BOOST_CHECK(v01.case_id == find_case(p, "V01").id);
  auto passages = list_passages(p, v01.id);
  BOOST_REQUIRE_EQUAL(passages.size(), 2u);
  BOOST_CHECK(passages[0].case_id == find_case(p, "V01").id);
  BOOST_CHECK_EQUAL(list_questions(p).size(), 2u);
  auto code = find_code(p, "Questions/What would you change?");
  auto codings = document_codings(p, v01.id);
  BOOST_REQUIRE_EQUAL(codings.size(), 2u);
  BOOST_CHECK_EQUAL(codings[1].code_id, code.id);
  BOOST_CHECK_EQUAL(codings[1].start, passages[1].start);
  BOOST_CHECK(value("V01", "Plot size (m²)").type == AttrType::Number);
  BOOST_CHECK_EQUAL(value("V01", "Plot size (m²)").number, 12.5);
  BOOST_CHECK_EQUAL(value("V03", "Joined").text, "2022-05-23");
  BOOST_CHECK(find_attribute(p, "Joined").type == AttrType::Date);
}

BOOST_FIXTURE_TEST_CASE(more_rows_of_the_same_survey_add_only_new_respondents, Fixture) {
  import("wave1.csv");
  BOOST_CHECK_EQUAL(survey_docs("wave1").size(), 3u);
  // wave2 is a later export of the same survey: give it the same name.
  TempDir later;
  auto again = later / "wave1.csv";
  write_file(again, quire::test::read_file(survey_fixture("wave2.csv")));
  auto sum = store_import(p, read_survey(again));
  BOOST_CHECK_EQUAL(sum.documents.size(), 2u); // W04 and W05
  BOOST_CHECK_EQUAL(sum.cases_created, 2);
  BOOST_CHECK_EQUAL(sum.cases_updated, 3);
  BOOST_CHECK_EQUAL(survey_docs("wave1").size(), 5u);
  BOOST_CHECK_EQUAL(list_passages(p, find_document(p, "wave1 W01").id).size(), 1u);
  BOOST_CHECK_EQUAL(value("W02", "Team").text, "Kitchen");       // changed
  BOOST_CHECK_EQUAL(value("W03", "Hours per month").number, 12); // changed
  BOOST_CHECK(value("W05", "Hours per month").missing);
  bool told = false;
  for (auto& w : sum.warnings)
    told = told || w.find("3 respondent(s) were already") != std::string::npos;
  BOOST_CHECK(told);
  // One undo takes the whole second import back.
  undo(p);
  BOOST_CHECK_EQUAL(survey_docs("wave1").size(), 3u);
  BOOST_CHECK_EQUAL(value("W02", "Team").text, "Compost");
  BOOST_CHECK(!try_find_case(p, "W04"));
}

namespace {

/// A survey of respondents 1..n: two attributes, three questions; a
/// respondent's answers are numbered by `wave` so later exports differ.
std::string numbered_survey(int n, int wave) {
  std::string csv = "ID,Role,Years,What works?,What does not?,What would you change?\n";
  const char* const roles[] = {"Teacher", "Head teacher", "Coordinator"};
  for (int r = 1; r <= n; ++r) {
    csv += "R" + std::to_string(r) + "," + roles[(r + wave) % 3] + ",";
    if ((r + wave) % 7 != 0)
      csv += std::to_string(r % 30 + wave); // some years left empty
    csv += ",\"Visits to other schools, wave " + std::to_string(wave) + ", respondent " +
           std::to_string(r) + ".\nAnd the shared planning.\",";
    csv += "Meetings after school take the time we need for marking (" + std::to_string(r) + ")";
    csv += ",Fewer forms; more time to try things in class " + std::to_string(r) + "\n";
  }
  return csv;
}

} // namespace

// Answers, codings and attribute values are written many rows to a
// statement (core/store/bulk_insert_p.h); undo and redo still take an import
// back and forth whole, across flushes of the gathered rows, with values
// changed on respondents who were there before.
BOOST_FIXTURE_TEST_CASE(a_large_import_undoes_and_redoes_whole, Fixture) {
  TempDir exports;
  auto file = exports / "staff.csv";
  import_export(file, numbered_survey(40, 1));
  const auto before = project_snapshot(p);

  // 1,200 respondents x 3 answers: more rows than are gathered before a
  // flush; the first 40 are there already (their values change, or stay
  // where the new export leaves a cell empty).
  auto sum = import_export(file, numbered_survey(1200, 2));
  BOOST_CHECK_EQUAL(sum.documents.size(), 1160u);
  BOOST_CHECK_EQUAL(sum.passages, 1160 * 3);
  BOOST_CHECK_EQUAL(sum.codings, 1160 * 3);
  BOOST_CHECK_EQUAL(sum.cases_updated, 40);
  BOOST_CHECK_EQUAL(count_passages(p), 1200 * 3);
  BOOST_CHECK_EQUAL(value("R1", "Role").text, "Teacher"); // was Head teacher
  BOOST_CHECK_EQUAL(value("R1", "Years").number, 3);      // was 2
  BOOST_CHECK_EQUAL(value("R5", "Years").number, 6);      // left empty: importing never erases
  BOOST_CHECK_EQUAL(value("R1200", "Role").text, "Coordinator");
  BOOST_CHECK(value("R47", "Years").missing);
  auto answers = list_passages(p, find_document(p, "staff R1200").id);
  BOOST_REQUIRE_EQUAL(answers.size(), 3u);
  BOOST_CHECK(answers[2].case_id == find_case(p, "R1200").id);
  BOOST_CHECK_EQUAL(document_text(p, answers[2].document_id, answers[2].start, answers[2].end),
                    "Fewer forms; more time to try things in class 1200");
  BOOST_CHECK_EQUAL(document_codings(p, answers[2].document_id).size(), 3u);
  const auto after = project_snapshot(p);
  BOOST_CHECK(after != before);

  BOOST_CHECK(undo(p));
  BOOST_CHECK(project_snapshot(p) == before);
  BOOST_CHECK(redo(p));
  BOOST_CHECK(project_snapshot(p) == after);
  BOOST_CHECK(undo(p));
  BOOST_CHECK(undo(p)); // the first import too: nothing left
  BOOST_CHECK_EQUAL(count_passages(p), 0);
  BOOST_CHECK(list_cases(p).empty());
}

namespace {

/// A Qualtrics export (three header rows) of respondents `from` to `to` of
/// the same survey: later exports repeat the earlier respondents.
std::string qualtrics_export(int from, int to) {
  std::string csv =
      "StartDate,Progress,ResponseId,Q1,Q2,Q4\n"
      "Start Date,Progress,Response ID,What is your role?,\"What is the network for?\n"
      "Please answer in your own words.\",What would you change about the network?\n"
      "\"{\"\"ImportId\"\":\"\"startDate\"\"}\",\"{\"\"ImportId\"\":\"\"progress\"\"}\","
      "\"{\"\"ImportId\"\":\"\"_recordId\"\"}\",\"{\"\"ImportId\"\":\"\"QID1\"\"}\","
      "\"{\"\"ImportId\"\":\"\"QID2_TEXT\"\"}\",\"{\"\"ImportId\"\":\"\"QID4_TEXT\"\"}\"\n";
  static const char* const answers[][3] = {
      {"Teacher", "Sharing practice between schools, mostly, when there is time for it.",
       "More time in the school day to visit each other."},
      {"Coordinator", "Peer support for new coordinators and a place to ask questions.",
       "Fewer meetings after school, more visits during it."},
      {"Head teacher", "Honestly I am not sure; it feels like the local authority's plan.",
       "Ask the teachers what they need before planning the year."}};
  for (int r = from; r <= to; ++r) {
    const auto& a = answers[r - 1];
    csv += "2024-03-0" + std::to_string(r) + " 10:00:00,100,R_" + std::to_string(r) + "x," + a[0] +
           ",\"" + a[1] + "\",\"" + a[2] + "\"\n";
  }
  return csv;
}

} // namespace

BOOST_FIXTURE_TEST_CASE(qualtrics_question_texts_describe_the_question_codes, Fixture) {
  TempDir exports;
  auto file = exports / "network.csv";
  import_export(file, qualtrics_export(1, 2));
  const std::string q2 = "What is the network for? Please answer in your own words.";
  const std::string q4 = "What would you change about the network?";
  BOOST_CHECK_EQUAL(find_code(p, "Questions/Q2").description, q2);
  BOOST_CHECK_EQUAL(find_code(p, "Questions/Q4").description, q4);
  BOOST_CHECK(!try_find_code(p, "Questions/Q1")); // an attribute, not a question code
  BOOST_CHECK_EQUAL(survey_docs("network").size(), 2u);

  // A later export with one more respondent: the descriptions stay as they
  // were, once each, and one the researcher rewrote is kept.
  set_code_description(p, find_code(p, "Questions/Q4").id, "Changes wanted (Q4)");
  auto sum = import_export(file, qualtrics_export(1, 3));
  BOOST_CHECK_EQUAL(sum.documents.size(), 1u);
  BOOST_CHECK_EQUAL(survey_docs("network").size(), 3u);
  BOOST_CHECK_EQUAL(find_code(p, "Questions/Q2").description, q2);
  BOOST_CHECK_EQUAL(find_code(p, "Questions/Q4").description, "Changes wanted (Q4)");
  int q2_codes = 0;
  for (auto& c : list_codes(p))
    q2_codes += c.path == "Questions/Q2" ? 1 : 0;
  BOOST_CHECK_EQUAL(q2_codes, 1);

  // Undoing the first import takes its descriptions with it; importing
  // again after that brings them back.
  undo(p); // the second import
  undo(p); // the description edit
  undo(p); // the first import
  BOOST_CHECK(!try_find_code(p, "Questions/Q2"));
  store_import(p, read_survey(file));
  BOOST_CHECK_EQUAL(find_code(p, "Questions/Q2").description, q2);
  BOOST_CHECK_EQUAL(find_code(p, "Questions/Q4").description, q4);
}

BOOST_AUTO_TEST_CASE(inspect_shows_qualtrics_question_texts) {
  TempDir exports;
  auto file = exports / "network.csv";
  write_file(file, qualtrics_export(1, 3));
  auto r = run_quire({"inspect", file.string(), "--json"});
  BOOST_REQUIRE_EQUAL(r.status, 0);
  std::map<std::string, std::string> texts;
  auto j = nlohmann::json::parse(r.out);
  for (auto& c : j["columns"])
    texts[c["name"]] = c.value("question_text", "");
  BOOST_CHECK_EQUAL(texts["Q2"], "What is the network for? Please answer in your own words.");
  BOOST_CHECK_EQUAL(texts["ResponseId"], "");
  auto t = run_quire({"inspect", file.string()});
  BOOST_REQUIRE_EQUAL(t.status, 0);
  BOOST_CHECK(t.out.find("  Q4: What would you change about the network?\n") != std::string::npos);
}

BOOST_FIXTURE_TEST_CASE(a_cases_file_sets_attributes_of_cases, Fixture) {
  import("wave1.csv");
  ImportSettings s;
  s.cases_only = true;
  auto sum = import("cases.csv", s);
  BOOST_CHECK(sum.documents.empty());
  BOOST_CHECK_EQUAL(sum.cases_updated, 2);
  BOOST_CHECK_EQUAL(sum.cases_created, 1); // W09
  BOOST_CHECK_EQUAL(value("W01", "Postcode").text, "0151 AB");
  BOOST_CHECK_EQUAL(value("W01", "Started").text, "2021-03-14");
  BOOST_CHECK_EQUAL(value("W01", "Hours per month").number, 8);
  BOOST_CHECK_EQUAL(value("W03", "Hours per month").number, 10); // an empty cell erases nothing
  BOOST_CHECK_EQUAL(value("W09", "Postcode").text, "0159 EF");
  BOOST_CHECK_EQUAL(value("W02", "Team").text, "Compost");
  BOOST_CHECK_EQUAL(survey_docs("wave1").size(), 3u);
  BOOST_CHECK_EQUAL(undo_name(p).value_or(""), "Import 'cases.csv' (3 cases)");
}

BOOST_FIXTURE_TEST_CASE(values_follow_the_type_the_project_has, Fixture) {
  import("wave1.csv");
  TempDir t;
  auto f = t / "wave1.csv";
  write_file(f, "Respondent,Hours per month\nW01,7\nW02,lots\nW03,9\n");
  auto sum = store_import(p, read_survey(f));
  BOOST_CHECK_EQUAL(value("W01", "Hours per month").number, 7); // text "7" read as the number
  BOOST_CHECK_EQUAL(value("W02", "Hours per month").number, 4); // "lots" left out, 4 kept
  bool told = false;
  for (auto& w : sum.warnings)
    told = told || w.find("'lots' for W02") != std::string::npos;
  BOOST_CHECK(told);
}

BOOST_AUTO_TEST_CASE(bad_files_leave_the_project_unchanged) {
  TempDir dir;
  auto path = dir / "study.quire";
  {
    auto p = Project::create(path);
    store_import(p, read_survey(survey_fixture("wave1.csv")));
  } // closed: the write-ahead log is folded into the file
  const std::string project = path.string();
  auto before = file_digest(path);
  for (const char* name : {"unclosed-quote.csv", "ragged-long.csv", "invalid-utf8.csv",
                           "duplicate-ids.csv", "random.csv", "random.xlsx"}) {
    auto file = survey_fixture(name).string();
    auto r = run_quire({"import", project, file});
    BOOST_TEST_INFO(name << ": " << r.err);
    BOOST_CHECK_EQUAL(r.status, 1);
    BOOST_CHECK(r.err.find("quire: error: ") == 0);
    BOOST_CHECK(r.err.find(file) != std::string::npos);
    BOOST_CHECK_EQUAL(file_digest(path), before);
  }
}

BOOST_AUTO_TEST_CASE(inspect_shows_columns_roles_and_first_answers) {
  auto file = survey_fixture("semicolon.csv").string();
  auto r = run_quire({"inspect", file, "--json"});
  BOOST_REQUIRE_EQUAL(r.status, 0);
  auto j = nlohmann::json::parse(r.out);
  BOOST_CHECK_EQUAL(j["rows"], 5);
  std::map<std::string, std::string> roles;
  for (auto& c : j["columns"])
    roles[c["name"]] = c["role"].get<std::string>() +
                       (c.contains("type") ? " " + c["type"].get<std::string>() : "");
  BOOST_CHECK_EQUAL(roles["Volunteer"], "id");
  BOOST_CHECK_EQUAL(roles["Age"], "attribute number");
  BOOST_CHECK_EQUAL(roles["Joined"], "attribute date");
  BOOST_CHECK_EQUAL(roles["What would you change?"], "text");
  auto& first = j["documents"][0]["first_passages"][0];
  BOOST_CHECK_EQUAL(first["case"], "V01");
  BOOST_CHECK_EQUAL(first["question"], "Why did you start volunteering at the garden?");

  auto t = run_quire({"inspect", file, "--passages", "1"});
  BOOST_REQUIRE_EQUAL(t.status, 0);
  BOOST_CHECK(t.out.find("Rows      5") != std::string::npos);
  BOOST_CHECK(t.out.find("... and 4 more documents") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()

namespace {

/// A survey of `columns` attribute columns and 3 respondents.
std::filesystem::path wide_csv(const TempDir& dir, int columns) {
  auto file = dir / ("wide-" + std::to_string(columns) + ".csv");
  std::string csv = "Respondent ID";
  for (int c = 0; c < columns; ++c) {
    csv += ",Item " + std::to_string(c + 1);
  }
  csv += "\n";
  for (int r = 0; r < 3; ++r) {
    csv += "R" + std::to_string(r + 1);
    for (int c = 0; c < columns; ++c) {
      csv += "," + std::to_string((c * 7 + r) % 5 + 1);
    }
    csv += "\n";
  }
  write_file(file, csv);
  return file;
}

/// CPU seconds this process spends reading and storing the file into a
/// fresh project (CPU time, not wall time: a busy machine, as under
/// `ctest -j`, does not change it much; the figures are in bench_hostile).
double import_seconds(const TempDir& dir, const std::filesystem::path& file) {
  auto project = dir / (file.stem().string() + ".quire");
  auto p = Project::create(project);
  auto cpu = [] {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return double(t.tv_sec) + double(t.tv_nsec) / 1e9;
  };
  const double t0 = cpu();
  store_import(p, read_survey(file));
  return cpu() - t0;
}

} // namespace

BOOST_AUTO_TEST_CASE(a_survey_of_20000_columns_imports_in_linear_time) {
  // Each new attribute used to look for the last position by reading the
  // whole attribute table: 40,000 columns took 34 s, 100,000 never ended.
  // Ten times the columns must take about ten times as long, not a hundred.
  TempDir dir;
  const double small = import_seconds(dir, wide_csv(dir, 2000));
  const double wide = import_seconds(dir, wide_csv(dir, 20000));
  BOOST_TEST_MESSAGE("2,000 columns: " << small << " s; 20,000 columns: " << wide << " s");
  BOOST_TEST(wide < 30 * std::max(small, 0.05)); // quadratic: about 100 times
}

BOOST_AUTO_TEST_CASE(attributes_made_in_bulk_follow_the_project_s_own_in_column_order) {
  Fixture f;
  f.import("cases.csv");
  const auto before = list_attributes(f.p);
  BOOST_REQUIRE(!before.empty());
  store_import(f.p, read_survey(wide_csv(f.dir, 50)));
  const auto after = list_attributes(f.p);
  BOOST_REQUIRE_EQUAL(after.size(), before.size() + 50);
  for (std::size_t i = 0; i < before.size(); ++i) {
    BOOST_TEST(after[i].name == before[i].name);
  }
  for (int c = 0; c < 50; ++c) {
    BOOST_TEST(after[before.size() + c].name == "Item " + std::to_string(c + 1));
  }
}
