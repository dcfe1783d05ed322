// `quire suggest` through the real binary: JSON shape, accept and reject by
// id, and clear answers for too little coded and bad options.
#include <nlohmann/json.hpp>

#include "quire/model/documents.h"
#include "quire/store/project.h"
#include "suggest_corpus.h"
#include "support/test_support.h"

using quire::test::run_quire;
using quire::test::TempDir;

namespace {

bool contains(const std::string& s, const std::string& part) {
  return s.find(part) != std::string::npos;
}

std::string labelled_project(const TempDir& dir) {
  auto file = dir / "cli.quire";
  auto p = quire::Project::create(file);
  auto corpus = quire::bench::make_suggest_corpus(120, 80);
  store_import(p, quire::bench::suggest_import(corpus, 80));
  return file.string();
}

} // namespace

BOOST_AUTO_TEST_SUITE(suggest_cli)

BOOST_AUTO_TEST_CASE(json_lists_suggestions_with_reasons_and_ids_that_accept_and_reject_use) {
  TempDir dir;
  auto p = labelled_project(dir);
  auto r = run_quire({"suggest", p, "--doc", "teacher-100", "--doc", "teacher-101", "--json"});
  BOOST_TEST_REQUIRE(r.status == 0, r.err);
  auto j = nlohmann::json::parse(r.out);
  BOOST_TEST_REQUIRE(j.is_array());
  BOOST_TEST_REQUIRE(j.size() >= 2u);
  for (const auto& s : j) {
    for (const char* key : {"id", "document", "start", "end", "code", "score", "reasons"}) {
      BOOST_TEST(s.contains(key), key);
    }
    BOOST_TEST((s["document"] == "teacher-100" || s["document"] == "teacher-101"));
    BOOST_TEST(s["score"].get<double>() >= 0.5);
    BOOST_TEST(s["score"].get<double>() <= 1.0);
    BOOST_TEST(!s["reasons"]["words"].empty());
  }
  auto first = j[0]["id"].get<std::int64_t>();
  auto second = j[1]["id"].get<std::int64_t>();
  r = run_quire({"suggest", p, "--accept", std::to_string(first), "--coder", "ann"});
  BOOST_TEST_REQUIRE(r.status == 0, r.err);
  BOOST_TEST(contains(r.out, "Accepted suggestion"), r.out);
  r = run_quire({"suggest", p, "--reject", std::to_string(second), "--json"});
  BOOST_TEST_REQUIRE(r.status == 0, r.err);
  BOOST_TEST(nlohmann::json::parse(r.out)["status"] == "rejected");
  // Deciding again is refused with the reason.
  r = run_quire({"suggest", p, "--reject", std::to_string(first)});
  BOOST_TEST(r.status == 1);
  BOOST_TEST(contains(r.err, "already accepted"), r.err);
  // The accepted coding is the coder's, from the suggestion; undo takes it back.
  r = run_quire(
      {"codings", p, "--doc", j[0]["document"].get<std::string>(), "--by", "ann", "--json"});
  BOOST_TEST_REQUIRE(r.status == 0, r.err);
  BOOST_TEST(nlohmann::json::parse(r.out).size() == 1u);
  r = run_quire({"undo", p, "--coder", "ann"});
  BOOST_TEST(r.status == 0, r.err);
  BOOST_TEST(contains(r.out, "Accept suggestion"), r.out);
  // Neither shows again.
  r = run_quire({"suggest", p, "--doc", "teacher-100", "--doc", "teacher-101", "--json"});
  auto again = nlohmann::json::parse(r.out);
  for (const auto& s : again) {
    BOOST_TEST(s["id"].get<std::int64_t>() != second);
  }
}

BOOST_AUTO_TEST_CASE(text_output_shows_the_words_and_the_passage_it_is_like) {
  TempDir dir;
  auto p = labelled_project(dir);
  auto r = run_quire({"suggest", p, "--limit", "3", "--unit", "sentence"});
  BOOST_TEST_REQUIRE(r.status == 0, r.err);
  BOOST_TEST(contains(r.out, "because of: "), r.out);
  BOOST_TEST(contains(r.out, "like: teacher-"), r.out);
  BOOST_TEST(contains(r.out, "3 suggestion(s) by model version"), r.out);
}

BOOST_AUTO_TEST_CASE(too_little_coded_and_bad_options_get_clear_answers) {
  TempDir dir;
  auto p = (dir / "empty.quire").string();
  BOOST_TEST_REQUIRE(run_quire({"init", p}).status == 0);
  quire::test::write_file(dir / "i.txt", "Parents complain.\n\nThe weather was fine.");
  BOOST_TEST_REQUIRE(run_quire({"import", p, (dir / "i.txt").string()}).status == 0);
  auto r = run_quire({"suggest", p});
  BOOST_TEST(r.status == 1);
  BOOST_TEST(contains(r.err, "no passage is coded yet"), r.err);
  r = run_quire({"code", p, "--doc", "i", "--range", "0:17", "--code", "Parents", "--create"});
  BOOST_TEST_REQUIRE(r.status == 0, r.err);
  r = run_quire({"suggest", p});
  BOOST_TEST(r.status == 1);
  BOOST_TEST(contains(r.err, "'Parents' needs 4 more"), r.err);
  r = run_quire({"suggest", p, "--accept", "99"});
  BOOST_TEST(r.status == 1);
  BOOST_TEST(contains(r.err, "no suggestion 99"), r.err);
  r = run_quire({"suggest", p, "--unit", "word"});
  BOOST_TEST(r.status == 1);
  BOOST_TEST(contains(r.err, "passage or sentence"), r.err);
  r = run_quire({"suggest", p, "--min-score", "2"});
  BOOST_TEST(r.status == 1);
  BOOST_TEST(contains(r.err, "between 0 and 1"), r.err);
}

BOOST_AUTO_TEST_CASE(exports_say_which_codings_came_from_a_suggestion) {
  TempDir dir;
  auto p = labelled_project(dir);
  // Before any suggestion is accepted, the segments table is as it always was.
  auto csv = (dir / "before.csv").string();
  BOOST_TEST_REQUIRE(run_quire({"export", p, csv}).status == 0);
  BOOST_TEST(!contains(quire::test::read_file(csv), "Suggested"));
  auto r = run_quire({"suggest", p, "--doc", "teacher-100", "--limit", "1", "--json"});
  BOOST_TEST_REQUIRE(r.status == 0, r.err);
  auto j = nlohmann::json::parse(r.out);
  BOOST_TEST_REQUIRE(j.size() == 1u);
  auto id = j[0]["id"].get<std::int64_t>();
  auto version = j[0]["model_version"].get<std::int64_t>();
  BOOST_TEST_REQUIRE(run_quire({"suggest", p, "--accept", std::to_string(id)}).status == 0);
  csv = (dir / "after.csv").string();
  BOOST_TEST_REQUIRE(run_quire({"export", p, csv}).status == 0);
  auto text = quire::test::read_file(csv);
  BOOST_TEST(contains(text.substr(0, text.find('\n')), "Suggested"));
  auto mark = "suggestion " + std::to_string(id) + ", model " + std::to_string(version);
  BOOST_TEST(contains(text, mark), text.substr(0, 400));
  // Exactly one row says so.
  BOOST_TEST(text.find(mark) == text.rfind(mark));
  // REFI-QDA: a note on the coding.
  auto qdpx = (dir / "p.qdpx").string();
  BOOST_TEST_REQUIRE(run_quire({"export", p, qdpx}).status == 0);
  auto listing = quire::test::run_program("unzip", {"-p", qdpx, "project.qde"});
  BOOST_TEST_REQUIRE(listing.status == 0, listing.err);
  BOOST_TEST(contains(listing.out, "Suggested by Quire"));
  BOOST_TEST(contains(listing.out, "code suggestion " + std::to_string(id)));
}

BOOST_AUTO_TEST_CASE(agreement_compares_a_coder_with_the_suggestions) {
  TempDir dir;
  auto file = dir / "ag.quire";
  {
    auto p = quire::Project::create(file);
    p.set_session_coder("ann");
    store_import(p, quire::bench::suggest_import(quire::bench::make_suggest_corpus(90, 90), 90));
  }
  auto r = run_quire({"agreement", file.string(), "--coders", "ann,suggestions", "--json"});
  BOOST_TEST_REQUIRE(r.status == 0, r.err);
  auto j = nlohmann::json::parse(r.out);
  BOOST_TEST(j["coders"] == nlohmann::json({"ann", "suggestions"}));
  BOOST_TEST(j["unit"] == "passage");
  BOOST_TEST(!j["codes"].empty());
  r = run_quire({"agreement", file.string(), "--coders", "bob,suggestions"});
  BOOST_TEST(r.status == 1);
  BOOST_TEST(contains(r.err, "no coder 'bob'"), r.err);
}

BOOST_AUTO_TEST_SUITE_END()
