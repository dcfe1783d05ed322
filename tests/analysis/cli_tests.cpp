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

BOOST_AUTO_TEST_CASE(query_code_as_words_word_and_stop_words) {
  TempDir dir;
  auto p = (dir / "c.quire").string();
  quire::test::write_file(dir / "i.txt", "Time is short.\n\nWe never have time.\n\nMoney too.");
  BOOST_TEST_REQUIRE(run_quire({"init", p}).status == 0);
  BOOST_TEST_REQUIRE(run_quire({"import", p, (dir / "i.txt").string()}).status == 0);
  BOOST_TEST_REQUIRE(
      run_quire({"code", p, "--doc", "i", "--match", "Time is short", "--code", "A", "--create"})
          .status == 0);
  BOOST_TEST_REQUIRE(
      run_quire({"code", p, "--doc", "i", "--match", "Money too", "--code", "B", "--create"})
          .status == 0);
  // query --code-as: the results coded with a new code, one undo step.
  auto r = run_quire({"query", p, "A OR B", "--code-as", "Found/A or B", "--json"});
  BOOST_TEST_REQUIRE(r.status == 0, r.err);
  BOOST_TEST(nlohmann::json::parse(r.out)["coded"] == 2);
  r = run_quire({"query", p, "\"Found/A or B\"", "--json"});
  BOOST_TEST(nlohmann::json::parse(r.out).size() == 2U);
  r = run_quire({"query", p, "A", "--code-as", "B"});
  BOOST_TEST(r.status == 1);
  BOOST_TEST(r.err.find("already in the codebook") != std::string::npos, r.err);
  BOOST_TEST_REQUIRE(run_quire({"undo", p}).status == 0);
  BOOST_TEST(run_quire({"query", p, "\"Found/A or B\""}).status == 1); // no such code
  // words --word: the places of the word, in context.
  r = run_quire({"words", p, "--word", "time", "--json"});
  BOOST_TEST_REQUIRE(r.status == 0, r.err);
  auto places = nlohmann::json::parse(r.out);
  BOOST_TEST_REQUIRE(places.size() == 2U);
  BOOST_TEST(places[0]["text"] == "Time");
  BOOST_TEST(places[1]["before"].get<std::string>().find("never have") != std::string::npos);
  // stop-words: the project's own list, used by words.
  r = run_quire({"stop-words", p, "--add", "time", "--json"});
  BOOST_TEST_REQUIRE(r.status == 0, r.err);
  BOOST_TEST(nlohmann::json::parse(r.out)["own"] == true);
  r = run_quire({"words", p, "--json"});
  for (auto& w : nlohmann::json::parse(r.out)) {
    BOOST_TEST(w["word"] != "time");
  }
  r = run_quire({"stop-words", p, "--reset", "--json"});
  BOOST_TEST(nlohmann::json::parse(r.out)["own"] == false);
  r = run_quire({"words", p, "--json"});
  BOOST_TEST(r.out.find("\"time\"") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
