// The analysis commands through the quire binary: default theme columns,
// JSON shapes, and the error when there is nothing to make columns of.
#include <nlohmann/json.hpp>

#include "support/test_support.h"

using quire::test::run_quire;
using quire::test::TempDir;

BOOST_AUTO_TEST_SUITE(analysis_cli)

BOOST_AUTO_TEST_CASE(matrix_columns_default_to_the_theme_attribute) {
  TempDir dir;
  auto p = (dir / "a.quire").string();
  BOOST_TEST_REQUIRE(run_quire({"init", p}).status == 0);
  auto r = run_quire({"import", p, std::string(QUIRE_FIXTURES_DIR) + "/export/survey.csv"});
  BOOST_TEST_REQUIRE(r.status == 0, r.err);
  r = run_quire({"matrix", p, "--json"});
  BOOST_TEST_REQUIRE(r.status == 0, r.err);
  auto j = nlohmann::json::parse(r.out);
  // Role is the first text attribute with 2..20 values (Years is a number).
  BOOST_TEST(j["columns"] == nlohmann::json({"Coordinator", "Head teacher", "Teacher"}));
  auto same = nlohmann::json::parse(run_quire({"matrix", p, "--cols", "attr:Role", "--json"}).out);
  BOOST_TEST(j == same);
  std::int64_t sum = 0;
  for (auto& n : j["column_totals"]) {
    sum += n.get<std::int64_t>();
  }
  BOOST_TEST(sum == j["total"].get<std::int64_t>());
}

BOOST_AUTO_TEST_CASE(matrix_without_attributes_says_what_to_do) {
  TempDir dir;
  auto p = (dir / "b.quire").string();
  quire::test::write_file(dir / "i.txt", "One paragraph.\n\nAnother one.");
  BOOST_TEST_REQUIRE(run_quire({"init", p}).status == 0);
  BOOST_TEST_REQUIRE(run_quire({"import", p, (dir / "i.txt").string()}).status == 0);
  auto r = run_quire({"matrix", p});
  BOOST_TEST(r.status == 1);
  BOOST_TEST(r.err.find("no case attributes") != std::string::npos);
  BOOST_TEST(r.err.find("--cols") != std::string::npos);
  BOOST_TEST(run_quire({"matrix", p, "--cols", "documents"}).status == 0);
}

BOOST_AUTO_TEST_SUITE_END()
