// Column roles and types: the guesses, the stray-value rule, and overrides.
#include <boost/test/unit_test.hpp>
#include <functional>

#include "quire/base/error.h"
#include "survey_helpers.h"

using namespace quire;
using namespace quire::test;

namespace {

/// A small survey written for one test: a file in a temporary folder.
struct Survey {
  TempDir dir;
  std::filesystem::path file;
  explicit Survey(const std::string& csv, const std::string& name = "club.csv") : file(dir / name) {
    write_file(file, csv);
  }
};

const char* const long_a = "I joined because the garden was the only green place on our street";
const char* const long_b = "Mostly for the company and the tea and the arguments about slugs";
const char* const long_c = "My therapist said to find something to look after that is not me";

std::string twelve_rows(const std::string& header, const std::function<std::string(int)>& row) {
  std::string s = header + "\n";
  for (int i = 1; i <= 12; ++i)
    s += row(i) + "\n";
  return s;
}

} // namespace

BOOST_AUTO_TEST_SUITE(roles)

BOOST_AUTO_TEST_CASE(guesses_id_text_and_typed_attributes) {
  Survey s(std::string("Name,Code,Group,Visits,Why did you join?\n") + "Ann,A1,Red,3," + long_a +
           "\nBo,B2,Red,4," + long_b + "\nCy,C3,Blue,5," + long_c + "\n");
  auto d = read_survey(s.file);
  // No header names an ID: the first column with a different value in every row.
  BOOST_CHECK_EQUAL(column_of(d, "Name").role, "id");
  BOOST_CHECK_EQUAL(column_of(d, "Group").role, "attribute");
  BOOST_CHECK(column_of(d, "Visits").type == AttrType::Number);
  BOOST_CHECK_EQUAL(column_of(d, "Why did you join?").role, "text");
  BOOST_CHECK_EQUAL(d.documents.size(), 3u);
  BOOST_CHECK_EQUAL(d.documents[0].name, "club Ann");
  BOOST_CHECK_EQUAL(d.documents[0].folder, "club");
  BOOST_CHECK_EQUAL(d.documents[0].codings.at(0).code_path, "Questions/Why did you join?");

  // A header that names an ID wins over the first unique column.
  Survey t(std::string("Name,Respondent ID,Why did you join?\nAnn,9,") + long_a + "\nBo,8," +
           long_b + "\n");
  BOOST_CHECK_EQUAL(column_of(read_survey(t.file), "Respondent ID").role, "id");
}

BOOST_AUTO_TEST_CASE(overrides_set_roles_and_unknown_names_list_the_headers) {
  Survey s(std::string("ID,Short,Why did you join?,Notes\n") + "1,yes," + long_a + ",x\n2,no," +
           long_b + ",y\n3,yes," + long_c + ",z\n");
  ImportSettings o;
  o.text_columns = {"short"}; // case does not matter
  o.attribute_columns = {"Why did you join?"};
  o.skip_columns = {"Notes"};
  auto d = read_survey(s.file, o);
  BOOST_CHECK_EQUAL(column_of(d, "Short").role, "text");
  BOOST_CHECK_EQUAL(column_of(d, "Short").why, "named as a text column");
  BOOST_CHECK_EQUAL(column_of(d, "Why did you join?").role, "attribute");
  BOOST_CHECK_EQUAL(column_of(d, "Notes").role, "skip");
  BOOST_CHECK_EQUAL(value_of(case_of(d, "2"), "Why did you join?").text, long_b);
  BOOST_CHECK(value_of(case_of(d, "2"), "Notes").missing);
  BOOST_CHECK_EQUAL(answer_of(d, "2", "Short"), "no");

  ImportSettings bad;
  bad.skip_columns = {"Remarks"};
  auto msg = read_error(s.file, bad);
  BOOST_CHECK(msg.find("'Remarks', named as a column to skip, is not a column") !=
              std::string::npos);
  BOOST_CHECK(msg.find("'ID', 'Short', 'Why did you join?', 'Notes'") != std::string::npos);

  ImportSettings twice;
  twice.text_columns = {"Notes"};
  twice.skip_columns = {"Notes"};
  BOOST_CHECK(read_error(s.file, twice).find("named as both a text column and a column to skip") !=
              std::string::npos);

  ImportSettings id;
  id.id_column = "Short";
  BOOST_CHECK(read_error(s.file, id).find("'yes' appears in row 2 and row 4") != std::string::npos);
  id.id_column = "Notes";
  BOOST_CHECK_EQUAL(column_of(read_survey(s.file, id), "Notes").role, "id");
}

BOOST_AUTO_TEST_CASE(no_possible_id_column_is_an_error) {
  Survey s("Colour,Size\nred,1\nred,2\nblue,2\n");
  auto msg = read_error(s.file);
  BOOST_CHECK(msg.find("no column identifies the respondents") != std::string::npos);
  BOOST_CHECK(msg.find("'red' appears in row 2 and row 3") != std::string::npos);
  // What to do (name the ID column, or name respondents by their row) is
  // the error's hint, worded by each front end (the CLI: --id-column '#row').
  try {
    read_survey(s.file);
    BOOST_ERROR("no error");
  } catch (const InputError& err) {
    BOOST_CHECK(err.hint() == Hint::NameIdColumn);
    BOOST_CHECK_EQUAL(err.hint_arg(), "#row");
  }
  Survey e("ID,Age\nA,1\n,2\n");
  BOOST_CHECK(read_error(e.file).find("row 3 has no value") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(respondents_named_by_row_when_asked) {
  Survey s("Colour,Size,Why\nred,1,Because it is warm and bright\nred,2,I like how it looks on a "
           "wall\nblue,2,It is calm\n");
  ImportSettings by_row;
  by_row.id_column = "#row";
  auto d = read_survey(s.file, by_row);
  BOOST_CHECK_EQUAL(d.cases.size(), 3u);
  BOOST_CHECK_EQUAL(value_of(case_of(d, "Row 3"), "Size").number, 2.0);
  BOOST_CHECK_EQUAL(column_of(d, "Colour").role, "attribute");
  BOOST_CHECK_EQUAL(answer_of(d, "Row 4", "Why"), "It is calm");
}

BOOST_AUTO_TEST_CASE(a_few_stray_values_keep_a_number_column_and_are_kept_as_text) {
  Survey s(twelve_rows("ID,Years", [](int i) {
    return "P" + std::to_string(i) + "," + (i == 7 ? "about 10" : std::to_string(i));
  }));
  auto d = read_survey(s.file);
  BOOST_CHECK(column_of(d, "Years").type == AttrType::Number);
  BOOST_CHECK(value_of(case_of(d, "P7"), "Years").missing);
  BOOST_CHECK_EQUAL(value_of(case_of(d, "P7"), "Years (as written)").text, "about 10");
  BOOST_CHECK_EQUAL(value_of(case_of(d, "P8"), "Years").number, 8);
  // Numbers clear a stale "as written" value on re-import.
  BOOST_CHECK(value_of(case_of(d, "P8"), "Years (as written)").missing);
  bool noted = false;
  for (auto& w : d.warnings) {
    noted = noted || (w.find("'about 10' for P7 in row 8") != std::string::npos &&
                      w.find("'Years (as written)'") != std::string::npos);
  }
  BOOST_CHECK(noted);

  // Two strays in twelve values is too many: the column is text.
  Survey t(twelve_rows("ID,Years", [](int i) {
    return "P" + std::to_string(i) + "," + (i % 6 == 0 ? "many" : std::to_string(i));
  }));
  auto e = read_survey(t.file);
  BOOST_CHECK(column_of(e, "Years").type == AttrType::Text);
  BOOST_CHECK_EQUAL(value_of(case_of(e, "P5"), "Years").text, "5");
}

BOOST_AUTO_TEST_CASE(codes_with_leading_zeros_stay_text_and_missing_values_are_configurable) {
  Survey s("ID,Postcode,Rating\nA,0151,none\nB,0262,3\nC,1234,4\n");
  auto d = read_survey(s.file);
  BOOST_CHECK(column_of(d, "Postcode").type == AttrType::Text);
  BOOST_CHECK_EQUAL(value_of(case_of(d, "A"), "Postcode").text, "0151");
  BOOST_CHECK(column_of(d, "Rating").type == AttrType::Text); // "none" is a value by default
  ImportSettings o;
  o.missing_values = {"", "none"};
  auto m = read_survey(s.file, o);
  BOOST_CHECK(column_of(m, "Rating").type == AttrType::Number);
  BOOST_CHECK(value_of(case_of(m, "A"), "Rating").missing);
}

BOOST_AUTO_TEST_CASE(date_order_comes_from_the_values) {
  Survey us("ID,Signed\nA,03/14/2024\nB,04/01/2024\n");
  auto d = read_survey(us.file);
  BOOST_CHECK(column_of(d, "Signed").type == AttrType::Date);
  BOOST_CHECK_EQUAL(value_of(case_of(d, "B"), "Signed").text, "2024-04-01"); // month first
  Survey amb("ID,Signed\nA,03/04/2024 10:15\nB,04/01/2024\n");
  auto a = read_survey(amb.file);
  BOOST_CHECK_EQUAL(value_of(case_of(a, "A"), "Signed").text, "2024-04-03"); // day first
  bool noted = false;
  for (auto& w : a.warnings)
    noted = noted || w.find("read as day/month/year") != std::string::npos;
  BOOST_CHECK(noted);
}

BOOST_AUTO_TEST_CASE(a_cases_file_has_attributes_only) {
  Survey s(std::string("ID,Why did you join?,Age\n1,") + long_a + ",30\n2," + long_b + ",40\n");
  ImportSettings o;
  o.cases_only = true;
  auto d = read_survey(s.file, o);
  BOOST_CHECK(d.documents.empty());
  BOOST_CHECK_EQUAL(column_of(d, "Why did you join?").role, "attribute");
  BOOST_CHECK_EQUAL(value_of(case_of(d, "2"), "Age").number, 40);
  o.text_columns = {"Age"};
  BOOST_CHECK(read_error(s.file, o).find("a cases file has no answers") != std::string::npos);
  try {
    read_survey(s.file, o);
  } catch (const InputError& err) {
    BOOST_CHECK(err.hint() == Hint::NameTextColumns); // the CLI: leave out --text-columns
  }
}

BOOST_AUTO_TEST_CASE(a_survey_without_open_ended_columns_says_so) {
  Survey s("ID,Age,Group\nA,30,red\nB,40,blue\n");
  auto d = read_survey(s.file);
  BOOST_CHECK(d.documents.empty());
  BOOST_CHECK_EQUAL(d.cases.size(), 2u);
  bool told = false;
  for (auto& w : d.warnings)
    told = told || w.find("as text columns") != std::string::npos;
  BOOST_CHECK(told);
}

BOOST_AUTO_TEST_CASE(header_only_file_is_an_error) {
  Survey s("ID,Age\n");
  BOOST_CHECK(read_error(s.file).find("no respondents") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
