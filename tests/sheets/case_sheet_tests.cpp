// Classification sheets: the shapes NVivo and QualCoder write, read and
// stored; existing cases refused or updated; nothing changed on an error;
// the export read back to the same cases.
#include <boost/test/unit_test.hpp>

#include "exporters/case_sheet_export.h"
#include "importers/case_sheet_reader.h"
#include "quire/base/error.h"
#include "quire/model/case_sheet.h"
#include "quire/model/cases.h"
#include "quire/store/history.h"
#include "quire/store/project.h"
#include "support/test_support.h"

using namespace quire;
using quire::test::fixture;
using quire::test::TempDir;

namespace {

std::string value_of(const Project& p, const std::string& c, const std::string& attr) {
  auto vals = case_attributes(p, find_case(p, c).id);
  auto it = vals.find(attr);
  return it == vals.end() ? "(missing)" : it->second.display();
}

AttrType type_of(const Project& p, const std::string& attr) {
  return find_attribute(p, attr).type;
}

std::string error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const InputError& e) {
    return e.what();
  }
  return "(no error)";
}

} // namespace

BOOST_AUTO_TEST_SUITE(case_sheets)

BOOST_AUTO_TEST_CASE(nvivo_csv_export_names_cases_by_the_last_part_of_their_path) {
  TempDir dir;
  auto p = Project::create(dir / "n.quire");
  auto sheet = read_case_sheet(fixture("sheets/nvivo-classification.csv"));
  BOOST_TEST_REQUIRE(sheet.columns.size() == 4u);
  auto r = import_case_sheet(p, sheet, false);
  BOOST_TEST(r.added == 3);
  auto cases = list_cases(p);
  BOOST_TEST_REQUIRE(cases.size() == 3u);
  BOOST_TEST(cases[0].name == "P01");
  BOOST_TEST(cases[2].name == "P03");
  BOOST_TEST((type_of(p, "Age") == AttrType::Number));
  BOOST_TEST((type_of(p, "Interview date") == AttrType::Date));
  BOOST_TEST((type_of(p, "Role") == AttrType::Text));
  BOOST_TEST(value_of(p, "P01", "Age") == "34");
  BOOST_TEST(value_of(p, "P01", "Interview date") == "2024-03-01");
  // "Unassigned" and "Not Applicable" are missing values, not text.
  BOOST_TEST(value_of(p, "P02", "Age") == "(missing)");
  BOOST_TEST(value_of(p, "P02", "Role") == "(missing)");
  BOOST_TEST(value_of(p, "P03", "Gender") == "(missing)");
  BOOST_TEST(value_of(p, "P03", "Interview date") == "(missing)");
  BOOST_TEST(value_of(p, "P03", "Role") == "Head of school");
}

BOOST_AUTO_TEST_CASE(nvivo_workbook_export_keeps_typed_cells) {
  TempDir dir;
  auto p = Project::create(dir / "n.quire");
  import_case_sheet(p, read_case_sheet(fixture("sheets/nvivo-classification.xlsx")), false);
  BOOST_TEST(list_cases(p).size() == 3u);
  BOOST_TEST((type_of(p, "Age") == AttrType::Number));
  BOOST_TEST((type_of(p, "Interview date") == AttrType::Date));
  BOOST_TEST(value_of(p, "P02", "Interview date") == "2024-03-04");
  BOOST_TEST(value_of(p, "P02", "Age") == "(missing)");
  BOOST_TEST(value_of(p, "P03", "Age") == "51");
}

BOOST_AUTO_TEST_CASE(qualcoder_case_export_memo_is_the_description) {
  TempDir dir;
  auto p = Project::create(dir / "q.quire");
  auto sheet = read_case_sheet(fixture("sheets/qualcoder-cases.csv"));
  BOOST_TEST(sheet.columns.size() == 3u); // Age, Gender, Site: memo is not an attribute
  import_case_sheet(p, sheet, false);
  BOOST_TEST(find_case(p, "Anna").description == "Interviewed twice; second time by phone");
  BOOST_TEST(find_case(p, "Ben").description.empty());
  BOOST_TEST(value_of(p, "Cara", "Age") == "(missing)");
  BOOST_TEST(value_of(p, "Ben", "Site") == "South");
  BOOST_TEST_CONTEXT("no attribute named memo") {
    BOOST_CHECK_THROW(find_attribute(p, "memo"), NotFoundError);
  }
}

BOOST_AUTO_TEST_CASE(id_column_names_the_cases) {
  TempDir dir;
  auto p = Project::create(dir / "q.quire");
  CaseSheetSettings s;
  s.id_column = "site"; // any case of letters
  auto err = error_of([&] {
    import_case_sheet(p, read_case_sheet(fixture("sheets/qualcoder-cases.csv"), s), false);
  });
  // Two rows name the case North: refused, naming both rows.
  BOOST_TEST(err.find("qualcoder-cases.csv: row 4") != std::string::npos, err);
  BOOST_TEST(err.find("row 2") != std::string::npos, err);
  BOOST_TEST(list_cases(p).empty());
  s.id_column = "Wrong";
  err = error_of([&] { read_case_sheet(fixture("sheets/qualcoder-cases.csv"), s); });
  BOOST_TEST(err.find("no column named 'Wrong'") != std::string::npos, err);
  BOOST_TEST(err.find("'name'") != std::string::npos, err);
}

BOOST_AUTO_TEST_CASE(a_column_of_numbers_with_a_word_is_read_as_text_and_told) {
  TempDir dir;
  auto p = Project::create(dir / "s.quire");
  auto sheet = read_case_sheet(fixture("sheets/stray-number.csv"));
  BOOST_TEST_REQUIRE(sheet.columns.size() == 2u);
  BOOST_TEST((sheet.columns[0].type == AttrType::Text));
  BOOST_TEST_REQUIRE(sheet.notes.size() >= 1u);
  bool told = false;
  for (const auto& n : sheet.notes)
    told = told || (n.find("column 'Age' read as text") != std::string::npos &&
                    n.find("row 3 has 'forty'") != std::string::npos);
  BOOST_TEST(told);
  import_case_sheet(p, sheet, false);
  BOOST_TEST(value_of(p, "R2", "Age") == "forty"); // kept, not lost
}

BOOST_AUTO_TEST_CASE(existing_cases_are_refused_without_update_and_replaced_with_it) {
  TempDir dir;
  auto p = Project::create(dir / "u.quire");
  Id anna = add_case(p, "Anna");
  set_attribute(p, anna, "Age", Value::of_number(30)); // the sheet says 29
  add_attribute(p, "Site", AttrType::Text);
  const auto before = quire::test::file_digest(dir / "u.quire");
  auto sheet = read_case_sheet(fixture("sheets/qualcoder-cases.csv"));
  try {
    import_case_sheet(p, sheet, false);
    BOOST_ERROR("a changed value was imported without update");
  } catch (const InputError& e) {
    const std::string what = e.what();
    BOOST_TEST(what.find("qualcoder-cases.csv: row 2, column 'Age'") != std::string::npos, what);
    BOOST_TEST(what.find("'30'") != std::string::npos, what);
    BOOST_TEST(what.find("'29'") != std::string::npos, what);
    BOOST_TEST((e.hint() == Hint::UpdateCases));
  }
  // All or nothing: Ben and Cara (before the refused value? after it) are not there.
  BOOST_TEST(list_cases(p).size() == 1u);
  BOOST_TEST(quire::test::file_digest(dir / "u.quire") == before);
  auto dry = import_case_sheet(p, sheet, true, true);
  BOOST_TEST(dry.added == 2);
  BOOST_TEST(dry.updated == 1);
  BOOST_TEST_REQUIRE(dry.changes.size() == 1u);
  BOOST_TEST(dry.changes[0] == "Anna: Age 30 -> 29");
  BOOST_TEST(list_cases(p).size() == 1u); // a dry run changes nothing
  auto r = import_case_sheet(p, sheet, true);
  BOOST_TEST(r.added == 2);
  BOOST_TEST(value_of(p, "Anna", "Age") == "29");
  // One undo step takes the whole import back.
  BOOST_TEST(undo(p).value_or("") == "Import cases from qualcoder-cases.csv");
  BOOST_TEST(list_cases(p).size() == 1u);
  BOOST_TEST(value_of(p, "Anna", "Age") == "30");
  // The same sheet again, after importing it: nothing differs, nothing is refused.
  BOOST_TEST(redo(p).has_value());
  auto again = import_case_sheet(p, sheet, false);
  BOOST_TEST(again.unchanged == 3);
  BOOST_TEST(again.added == 0);
}

BOOST_AUTO_TEST_CASE(a_value_not_fitting_an_existing_attribute_changes_nothing) {
  TempDir dir;
  auto p = Project::create(dir / "t.quire");
  add_attribute(p, "Region", AttrType::Number); // the sheet's Region is text
  const auto before = quire::test::file_digest(dir / "t.quire");
  auto err = error_of(
      [&] { import_case_sheet(p, read_case_sheet(fixture("sheets/stray-number.csv")), true); });
  BOOST_TEST(err.find("stray-number.csv: row 2, column 'Region'") != std::string::npos, err);
  BOOST_TEST(err.find("'East' is not a number") != std::string::npos, err);
  BOOST_TEST(list_cases(p).empty());
  BOOST_TEST(quire::test::file_digest(dir / "t.quire") == before);
}

BOOST_AUTO_TEST_CASE(a_case_twice_in_the_sheet_is_refused_naming_both_rows) {
  TempDir dir;
  auto p = Project::create(dir / "t.quire");
  auto err =
      error_of([&] { import_case_sheet(p, read_case_sheet(fixture("sheets/twice.csv")), true); });
  BOOST_TEST(err.find("twice.csv: row 4") != std::string::npos, err);
  BOOST_TEST(err.find("also on row 2") != std::string::npos, err);
  BOOST_TEST(list_cases(p).empty());
}

BOOST_AUTO_TEST_CASE(export_reads_back_as_the_same_cases) {
  for (const char* ext : {".csv", ".xlsx"}) {
    BOOST_TEST_CONTEXT(ext) {
      TempDir dir;
      auto p = Project::create(dir / "a.quire");
      import_case_sheet(p, read_case_sheet(fixture("sheets/nvivo-classification.csv")), false);
      Id p1 = find_case(p, "P01").id;
      rename_case(p, p1, "P01, senior"); // a comma and a description travel too
      set_attribute(p, p1, "Note", Value::of_text("=not a formula"));
      auto out = dir / (std::string("cases") + ext);
      BOOST_TEST(export_case_sheet(p, out) == 3);
      auto q = Project::create(dir / "b.quire");
      import_case_sheet(q, read_case_sheet(out), false);
      auto a = case_sheet_of(p), b = case_sheet_of(q);
      BOOST_TEST_REQUIRE(a.columns.size() == b.columns.size());
      for (std::size_t i = 0; i < a.columns.size(); ++i) {
        BOOST_TEST(a.columns[i].name == b.columns[i].name);
        BOOST_TEST((a.columns[i].type == b.columns[i].type), a.columns[i].name);
      }
      BOOST_TEST_REQUIRE(a.rows.size() == b.rows.size());
      for (std::size_t r = 0; r < a.rows.size(); ++r) {
        BOOST_TEST(a.rows[r].name == b.rows[r].name);
        for (std::size_t c = 0; c < a.columns.size(); ++c)
          BOOST_TEST(a.rows[r].values[c].display() == b.rows[r].values[c].display(),
                     a.rows[r].name << " " << a.columns[c].name);
      }
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()
