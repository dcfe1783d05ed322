// Codebooks: each shape read into the codebook (REFI-QDA .qdc, MAXQDA's
// "Code system" workbook, Taguette's CSV, level columns, separators, text
// lists); codes matched by path, never added twice; nothing changed on an
// error; a dry run says what an import does and changes nothing.
#include <boost/test/unit_test.hpp>

#include "importers/codebook_reader.h"
#include "quire/base/error.h"
#include "quire/model/codebook.h"
#include "quire/model/codebook_import.h"
#include "quire/model/memos.h"
#include "quire/store/history.h"
#include "quire/store/project.h"
#include "support/test_support.h"

using namespace quire;
using quire::test::fixture;
using quire::test::TempDir;

namespace {

/// The codebook as "path|colour|description" lines, depth-first.
std::vector<std::string> paths(const Project& p) {
  std::vector<std::string> out;
  for (const auto& c : list_codes(p))
    out.push_back(c.path);
  return out;
}

CodebookPreview import_file(Project& p, const std::string& name, bool dry = false) {
  return import_codebook(p, read_codebook(fixture("sheets/" + name)), dry);
}

std::string error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const InputError& e) {
    return e.what();
  }
  return "(no error)";
}

using V = std::vector<std::string>;

} // namespace

BOOST_AUTO_TEST_SUITE(codebooks)

BOOST_AUTO_TEST_CASE(refi_qda_codebook) {
  TempDir dir;
  auto p = Project::create(dir / "c.quire");
  auto r = import_file(p, "codebook.qdc");
  BOOST_TEST(r.added == 4);
  BOOST_TEST(paths(p) == (V{"Purpose", "Purpose/Sceptical", "Purpose/Committed", "Barriers"}),
             boost::test_tools::per_element());
  auto s = find_code(p, "Purpose/Sceptical");
  BOOST_TEST(s.color == "#cc0000");
  BOOST_TEST(s.description == "Doubts the point of it");
}

BOOST_AUTO_TEST_CASE(maxqda_code_system_workbook_with_backslashes) {
  TempDir dir;
  auto p = Project::create(dir / "c.quire");
  auto src = read_codebook(fixture("sheets/maxqda-codebook.xlsx"));
  auto r = import_codebook(p, src);
  BOOST_TEST(r.added == 5);
  BOOST_TEST(paths(p) == (V{"Barriers", "Barriers/Cost", "Barriers/Cost/Travel", "Barriers/Time",
                            "Motivation"}),
             boost::test_tools::per_element());
  BOOST_TEST(find_code(p, "Barriers").color == "#ff8000");
  auto travel = find_code(p, "Barriers/Cost/Travel");
  auto memos = list_memos(p, MemoTarget::Code, travel.id);
  BOOST_TEST_REQUIRE(memos.size() == 1u);
  BOOST_TEST(memos[0].text == "Bus fares came up often");
}

BOOST_AUTO_TEST_CASE(taguette_tags_with_descriptions_and_counts) {
  TempDir dir;
  auto p = Project::create(dir / "c.quire");
  import_file(p, "taguette-codebook.csv");
  BOOST_TEST(paths(p) == (V{"interesting", "barriers", "funding"}),
             boost::test_tools::per_element());
  BOOST_TEST(find_code(p, "barriers").description == "What stops people");
}

BOOST_AUTO_TEST_CASE(separator_and_parent_given_after_its_children) {
  TempDir dir;
  auto p = Project::create(dir / "c.quire");
  auto r = import_file(p, "codes-arrows.csv");
  BOOST_TEST(paths(p) == (V{"Purpose", "Purpose/Sceptical", "Purpose/Committed", "Barriers",
                            "Barriers/Cost", "Barriers/Cost/Travel"}),
             boost::test_tools::per_element());
  BOOST_TEST(find_code(p, "Purpose").description == "Why people take part");
  BOOST_TEST(find_code(p, "Purpose/Committed").color == "#00aa00");
  BOOST_TEST(r.added == 6);
}

BOOST_AUTO_TEST_CASE(level_columns_with_parents_written_once) {
  TempDir dir;
  auto p = Project::create(dir / "c.quire");
  import_file(p, "codes-levels.csv");
  BOOST_TEST(paths(p) == (V{"Place", "Place/Home", "Place/School", "Place/School/Classroom",
                            "People", "People/Family"}),
             boost::test_tools::per_element());
  BOOST_TEST(find_code(p, "Place/School/Classroom").description == "Lessons in class");
}

BOOST_AUTO_TEST_CASE(text_lists_nested_by_tabs_and_chevrons) {
  for (const char* file : {"qualcoder-codes.txt", "codes-chevrons.txt"}) {
    BOOST_TEST_CONTEXT(file) {
      TempDir dir;
      auto p = Project::create(dir / "c.quire");
      import_file(p, file);
      auto all = paths(p);
      BOOST_TEST(std::count(all.begin(), all.end(), "Purpose/Committed/Very committed") == 1);
      BOOST_TEST(std::count(all.begin(), all.end(), "Purpose/Sceptical") == 1);
      BOOST_TEST(find_code(p, "Purpose/Committed/Very committed").description ==
                 "Would do it again");
    }
  }
  auto err = error_of([] { read_codebook(fixture("sheets/codes-bad-nesting.txt")); });
  BOOST_TEST(err.find("codes-bad-nesting.txt: line 2") != std::string::npos, err);
}

BOOST_AUTO_TEST_CASE(existing_codes_are_matched_by_path_never_added_twice) {
  TempDir dir;
  auto p = Project::create(dir / "c.quire");
  add_code(p, "purpose/Sceptical", "#111111", "mine");
  add_code(p, "Elsewhere/Committed");
  auto preview = import_file(p, "codebook.qdc", true);
  BOOST_TEST(paths(p).size() == 4u); // a dry run changes nothing
  BOOST_TEST(preview.added == 2);    // Purpose/Committed and Barriers
  BOOST_TEST(preview.updated == 2);  // purpose (colour, description) and its Sceptical
  BOOST_TEST_REQUIRE(preview.changes.size() == 4u);
  BOOST_TEST(preview.changes[0].path == "purpose");
  BOOST_TEST((preview.changes[0].kind == CodebookChange::Kind::Update));
  BOOST_TEST(preview.changes[1].path == "purpose/Sceptical");
  BOOST_TEST(preview.changes[1].what == "colour, description");
  auto r = import_file(p, "codebook.qdc");
  BOOST_TEST(r.added == preview.added);
  BOOST_TEST(paths(p) == (V{"purpose", "purpose/Sceptical", "purpose/Committed", "Elsewhere",
                            "Elsewhere/Committed", "Barriers"}),
             boost::test_tools::per_element());
  BOOST_TEST(find_code(p, "purpose/Sceptical").description == "Doubts the point of it");
  // Again: everything is there already.
  auto again = import_file(p, "codebook.qdc");
  BOOST_TEST(again.added == 0);
  BOOST_TEST(again.updated == 0);
  BOOST_TEST(again.unchanged == 4);
  BOOST_TEST(paths(p).size() == 6u);
  // The import was one step.
  BOOST_TEST(undo(p).value_or("") == "Import codebook codebook.qdc");
  BOOST_TEST(paths(p).size() == 4u);
  BOOST_TEST(find_code(p, "purpose/Sceptical").description == "mine");
}

BOOST_AUTO_TEST_CASE(a_bad_colour_changes_nothing) {
  TempDir dir;
  auto p = Project::create(dir / "c.quire");
  add_code(p, "Kept");
  const auto before = quire::test::file_digest(dir / "c.quire");
  auto err = error_of([&] { import_file(p, "codes-bad-colour.csv"); });
  BOOST_TEST(err.find("codes-bad-colour.csv: row 2") != std::string::npos, err);
  BOOST_TEST(err.find("'#12345'") != std::string::npos, err);
  BOOST_TEST(paths(p) == (V{"Kept"}), boost::test_tools::per_element());
  BOOST_TEST(quire::test::file_digest(dir / "c.quire") == before);
}

BOOST_AUTO_TEST_SUITE_END()
