// `quire cases import|export` and `quire codes import`, run as the real
// binary: what they print, what they store, and that a refused import
// leaves the project file byte for byte as it was.
#define BOOST_TEST_MODULE cli_sheets_tests
#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include "support/test_support.h"

using quire::test::file_digest;
using quire::test::fixture;
using quire::test::run_quire;
using quire::test::TempDir;

namespace {

std::string make_project(const TempDir& dir) {
  auto p = (dir / "p.quire").string();
  auto r = run_quire({"init", p});
  BOOST_TEST_REQUIRE(r.status == 0, r.err);
  return p;
}

nlohmann::json json_of(const std::vector<std::string>& args) {
  auto r = run_quire(args);
  BOOST_TEST_REQUIRE(r.status == 0, r.err);
  return nlohmann::json::parse(r.out);
}

/// The cases as `quire cases list --json` shows them, without their ids.
nlohmann::json cases_of(const std::string& project) {
  auto j = json_of({"cases", "list", project, "--json"});
  for (auto& c : j) {
    c.erase("id");
    c.erase("guid");
  }
  return j;
}

} // namespace

BOOST_AUTO_TEST_CASE(cases_import_update_and_export_round_trip) {
  TempDir dir;
  auto p = make_project(dir);
  auto r = run_quire({"cases", "import", p, fixture("sheets/nvivo-classification.xlsx").string()});
  BOOST_TEST_REQUIRE(r.status == 0, r.err);
  BOOST_TEST(r.out.find("3 new case(s)") != std::string::npos, r.out);
  BOOST_TEST(r.out.find("Age (number)") != std::string::npos, r.out);
  auto cases = json_of({"cases", "list", p, "--json"});
  BOOST_TEST_REQUIRE(cases.size() == 3u);
  BOOST_TEST(cases[0]["name"] == "P01");
  BOOST_TEST(cases[0]["attributes"]["Age"] == 34);

  // A sheet that differs is refused, saying where and what to do.
  auto sheet = dir / "changed.csv";
  quire::test::write_file(sheet, "Name,Age\nP01,35\nP04,20\n");
  const auto before = file_digest(p);
  r = run_quire({"cases", "import", p, sheet.string()});
  BOOST_TEST(r.status != 0);
  BOOST_TEST(r.err.find("changed.csv: row 2, column 'Age'") != std::string::npos, r.err);
  BOOST_TEST(r.err.find("--update") != std::string::npos, r.err);
  BOOST_TEST(file_digest(p) == before); // nothing written, not even P04
  r = run_quire({"cases", "import", p, sheet.string(), "--dry-run"});
  BOOST_TEST(r.status != 0); // a dry run refuses the same
  auto dry = json_of({"cases", "import", p, sheet.string(), "--update", "--dry-run", "--json"});
  BOOST_TEST(dry["added"] == 1);
  BOOST_TEST(dry["updated"] == 1);
  BOOST_TEST(file_digest(p) == before);
  r = run_quire({"cases", "import", p, sheet.string(), "--update"});
  BOOST_TEST_REQUIRE(r.status == 0, r.err);
  BOOST_TEST(r.out.find("P01: Age 34 -> 35") != std::string::npos, r.out);

  // Undone in one step.
  r = run_quire({"undo", p});
  BOOST_TEST(r.status == 0, r.err);
  BOOST_TEST(json_of({"cases", "list", p, "--json"}).size() == 3u);

  for (const char* ext : {".csv", ".xlsx"}) {
    auto out = dir / (std::string("out") + ext);
    r = run_quire({"cases", "export", p, out.string()});
    BOOST_TEST_REQUIRE(r.status == 0, r.err);
    TempDir other;
    auto q = make_project(other);
    r = run_quire({"cases", "import", q, out.string()});
    BOOST_TEST_REQUIRE(r.status == 0, r.err);
    BOOST_TEST(cases_of(q) == cases_of(p), cases_of(q).dump() << " vs " << cases_of(p).dump());
  }
  r = run_quire({"cases", "import", p, sheet.string(), "--id-column", "Nope"});
  BOOST_TEST(r.status != 0);
  BOOST_TEST(r.err.find("no column named 'Nope'") != std::string::npos, r.err);
}

BOOST_AUTO_TEST_CASE(codes_import_dry_run_then_import_never_duplicates) {
  TempDir dir;
  auto p = make_project(dir);
  BOOST_TEST_REQUIRE(run_quire({"codes", "add", p, "Barriers/Cost"}).status == 0);
  const auto before = file_digest(p);
  auto book = fixture("sheets/maxqda-codebook.xlsx").string();
  auto r = run_quire({"codes", "import", p, book, "--dry-run"});
  BOOST_TEST_REQUIRE(r.status == 0, r.err);
  BOOST_TEST(r.out.find("+ Barriers/Cost/Travel") != std::string::npos, r.out);
  BOOST_TEST(r.out.find("~ Barriers (colour, memo)") != std::string::npos, r.out);
  BOOST_TEST(r.out.find("Would import") != std::string::npos, r.out);
  BOOST_TEST(file_digest(p) == before);
  r = run_quire({"codes", "import", p, book});
  BOOST_TEST_REQUIRE(r.status == 0, r.err);
  BOOST_TEST(r.out.find("3 new code(s)") != std::string::npos, r.out);
  auto codes = json_of({"codes", "list", p, "--json"});
  std::vector<std::string> paths;
  for (const auto& c : codes)
    paths.push_back(c["path"]);
  BOOST_TEST(paths == (std::vector<std::string>{"Barriers", "Barriers/Cost", "Barriers/Cost/Travel",
                                                "Barriers/Time", "Motivation"}),
             boost::test_tools::per_element());
  // A text list and a .qdc over it: matched by path.
  r = run_quire({"codes", "import", p, fixture("sheets/codebook.qdc").string(), "--json"});
  BOOST_TEST_REQUIRE(r.status == 0, r.err);
  auto j = nlohmann::json::parse(r.out);
  BOOST_TEST(j["added"] == 3); // Purpose, its two children; Barriers is there
  BOOST_TEST(json_of({"codes", "list", p, "--json"}).size() == 8u);

  const auto after = file_digest(p);
  r = run_quire({"codes", "import", p, fixture("sheets/codes-bad-nesting.txt").string()});
  BOOST_TEST(r.status != 0);
  BOOST_TEST(r.err.find("codes-bad-nesting.txt: line 2") != std::string::npos, r.err);
  BOOST_TEST(file_digest(p) == after);
}
