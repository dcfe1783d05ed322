// XLSX: cells, types, sheets, and broken or hostile workbooks.
#include <boost/test/unit_test.hpp>

#include "quire/base/text.h"
#include "quire/model/documents.h"
#include "quire/store/project.h"
#include "survey_helpers.h"

using namespace quire;
using namespace quire::test;

namespace {

const std::string why = "Why did you start volunteering at the garden?";
const std::string change = "What would you change?";

bool has_warning(const ImportData& d, const std::string& part) {
  for (const auto& w : d.warnings) {
    if (w.find(part) != std::string::npos)
      return true;
  }
  return false;
}

} // namespace

BOOST_AUTO_TEST_SUITE(xlsx)

BOOST_AUTO_TEST_CASE(cells_become_typed_attributes_and_answers) {
  auto d = read_survey(survey_fixture("garden.xlsx"));
  BOOST_CHECK_EQUAL(d.kind, "xlsx");
  BOOST_CHECK_EQUAL(d.rows, 15);
  BOOST_CHECK(has_warning(d, "sheet 'Responses': the workbook has 2 sheets"));
  BOOST_CHECK_EQUAL(column_of(d, "Volunteer").role, "id");
  BOOST_CHECK(column_of(d, "Age").type == AttrType::Number);
  BOOST_CHECK(column_of(d, "Joined").type == AttrType::Date);
  BOOST_CHECK(column_of(d, "Has allotment").type == AttrType::Text);
  BOOST_CHECK(column_of(d, "Score").type == AttrType::Number);
  BOOST_CHECK_EQUAL(column_of(d, why).role, "text");
  BOOST_CHECK_EQUAL(column_of(d, change).role, "text");

  BOOST_CHECK_EQUAL(value_of(case_of(d, "G01"), "Joined").text, "2023-04-14"); // a date-time cell
  BOOST_CHECK_EQUAL(value_of(case_of(d, "G02"), "Joined").text, "2021-09-02");
  BOOST_CHECK_EQUAL(value_of(case_of(d, "G01"), "Has allotment").text, "TRUE");
  BOOST_CHECK_EQUAL(value_of(case_of(d, "G02"), "Has allotment").text, "FALSE");
  BOOST_CHECK(value_of(case_of(d, "G02"), "Score").missing); // an empty cell mid-row
  BOOST_CHECK_EQUAL(value_of(case_of(d, "G04"), "Score").number, 3);
  // The stray text in a number column, as in the CSV.
  BOOST_CHECK(value_of(case_of(d, "G03"), "Age").missing);
  BOOST_CHECK_EQUAL(value_of(case_of(d, "G03"), "Age (as written)").text, "about 40");
  BOOST_CHECK(has_warning(d, "'about 40' for G03 in row 4"));

  BOOST_CHECK_EQUAL(
      answer_of(d, "G01", why),
      "I wanted my kids to see where food comes from.\nThe waiting list was three years long. 🌱");
  BOOST_CHECK_EQUAL(answer_of(d, "G03", change),
                    "=SUM(A1:A3) is what the treasurer says when you ask about the budget.");
  BOOST_CHECK_EQUAL(answer_of(d, "G04", change), "+1 to a shed that does not leak.");
  BOOST_CHECK(answer_of(d, "G02", change).empty());              // N/A
  BOOST_CHECK_EQUAL(document_of(d, "G03")->passages.size(), 1u); // no answer to the first question
}

BOOST_AUTO_TEST_CASE(another_sheet_by_name_and_unknown_sheets_listed) {
  ImportSettings s;
  s.sheet = "notes"; // case does not matter
  auto d = read_survey(survey_fixture("garden.xlsx"), s);
  BOOST_CHECK_EQUAL(d.cases.size(), 3u);
  BOOST_CHECK_EQUAL(column_of(d, "Key").role, "id");
  BOOST_CHECK_EQUAL(column_of(d, "Note").role, "text");
  BOOST_CHECK_EQUAL(d.documents.at(0).folder, "garden - Notes");
  s.sheet = "Answers";
  auto msg = read_error(survey_fixture("garden.xlsx"), s);
  BOOST_CHECK(msg.find("garden.xlsx: no sheet named 'Answers'") != std::string::npos);
  BOOST_CHECK(msg.find("'Responses', 'Notes'") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(shared_strings_rich_text_gaps_formulas_and_1904_dates) {
  auto d = read_survey(survey_fixture("handmade.xlsx"));
  BOOST_CHECK_EQUAL(d.rows, 3);
  BOOST_CHECK_EQUAL(column_of(d, "Member").role, "id");
  BOOST_CHECK(column_of(d, "Hours").type == AttrType::Number);
  BOOST_CHECK_EQUAL(value_of(case_of(d, "M1"), "Hours").number, 2.5);
  BOOST_CHECK(value_of(case_of(d, "M2"), "Hours").missing); // B3 absent
  BOOST_CHECK_EQUAL(value_of(case_of(d, "M3"), "Hours").number, 4);
  BOOST_CHECK(column_of(d, "Joined").type == AttrType::Date);
  BOOST_CHECK_EQUAL(value_of(case_of(d, "M1"), "Joined").text, "2022-01-01"); // built-in format 14
  BOOST_CHECK_EQUAL(value_of(case_of(d, "M2"), "Joined").text,
                    "2022-04-11"); // custom "d mmmm yyyy"
  BOOST_CHECK_EQUAL(value_of(case_of(d, "M3"), "Joined").text, "2022-07-20");
  const std::string q = "What keeps you coming back?";
  BOOST_CHECK_EQUAL(answer_of(d, "M1", q),
                    "The people, and the soup on Fridays."); // runs joined, no phonetics
  BOOST_CHECK_EQUAL(answer_of(d, "M3", q),
                    "Growing things with my hands, slowly and badly, but growing them.");
  BOOST_CHECK_EQUAL(value_of(case_of(d, "M1"), "Formula").text, "OK");      // cached result
  BOOST_CHECK_EQUAL(value_of(case_of(d, "M2"), "Formula").text, "#DIV/0!"); // error value
  BOOST_CHECK_EQUAL(value_of(case_of(d, "M3"), "Formula").text, "TRUE");
  // Messages name rows as the sheet numbers them.
  ImportSettings s;
  s.id_column = "Hours";
  BOOST_CHECK(read_error(survey_fixture("handmade.xlsx"), s).find("row 3 has no value") !=
              std::string::npos);
}

BOOST_AUTO_TEST_CASE(broken_and_hostile_workbooks_are_refused_by_name) {
  auto check = [](const std::string& name, const std::vector<std::string>& parts,
                  ImportSettings s = {}) {
    auto msg = read_error(survey_fixture(name), s);
    BOOST_TEST_INFO(name << ": " << msg);
    BOOST_CHECK(!msg.empty());
    BOOST_CHECK(msg.find(name) != std::string::npos);
    for (const auto& p : parts) {
      BOOST_CHECK_MESSAGE(msg.find(p) != std::string::npos,
                          name << ": '" << p << "' not in: " << msg);
    }
  };
  check("random.xlsx", {"not an Excel workbook"});
  check("truncated.xlsx", {});
  check("not-a-workbook.xlsx", {"not an Excel workbook"});
  check("xxe.xlsx", {"sheet 'Sheet1'"});
  check("laughs.xlsx", {"xl/sharedStrings.xml"});
  ImportSettings small;
  small.max_unpacked_bytes = 8 << 20;
  check("bomb.xlsx", {"sheet1.xml"}, small);
}

BOOST_AUTO_TEST_CASE(bad_workbooks_leave_the_project_unchanged) {
  TempDir dir;
  auto path = dir / "study.quire";
  {
    auto p = Project::create(path);
    store_import(p, read_survey(survey_fixture("garden.xlsx")));
  }
  auto before = file_digest(path);
  for (const char* name : {"truncated.xlsx", "not-a-workbook.xlsx", "xxe.xlsx", "laughs.xlsx"}) {
    auto file = survey_fixture(name).string();
    auto r = run_quire({"import", path.string(), file});
    BOOST_TEST_INFO(name << ": " << r.err);
    BOOST_CHECK_EQUAL(r.status, 1);
    BOOST_CHECK(r.err.find(file) != std::string::npos);
    BOOST_CHECK_EQUAL(file_digest(path), before);
  }
  auto r = run_quire(
      {"import", path.string(), survey_fixture("garden.xlsx").string(), "--sheet", "Nope"});
  BOOST_CHECK_EQUAL(r.status, 1);
  BOOST_CHECK(r.err.find("'Responses', 'Notes'") != std::string::npos);
  BOOST_CHECK_EQUAL(file_digest(path), before);
}

BOOST_AUTO_TEST_SUITE_END()
