// Agreement between two coders: percent, Cohen's kappa and Krippendorff's
// alpha (nominal), per character and per passage, against figures worked
// out by hand (docs/exchange.md shows the working), including the
// degenerate cases.
#include <boost/test/unit_test.hpp>

#include <nlohmann/json.hpp>

#include "exchange_support.h"
#include "quire/analysis/agreement.h"
#include "quire/base/error.h"
#include "quire/model/codebook.h"
#include "quire/model/coding.h"
#include "quire/model/documents.h"

using namespace quire;
using namespace quire::test;

namespace {

void check(const AgreementFigures& f, std::optional<double> percent, std::optional<double> kappa,
           std::optional<double> alpha) {
  BOOST_TEST(f.percent.has_value() == percent.has_value());
  if (f.percent && percent) {
    BOOST_TEST(*f.percent == *percent, boost::test_tools::tolerance(1e-9));
  }
  BOOST_TEST(f.kappa.has_value() == kappa.has_value());
  if (f.kappa && kappa) {
    BOOST_TEST(*f.kappa == *kappa, boost::test_tools::tolerance(1e-9));
  }
  BOOST_TEST(f.alpha.has_value() == alpha.has_value());
  if (f.alpha && alpha) {
    BOOST_TEST(*f.alpha == *alpha, boost::test_tools::tolerance(1e-9));
  }
}

void table(const AgreementFigures& f, std::int64_t both, std::int64_t only_a, std::int64_t only_b,
           std::int64_t neither) {
  BOOST_TEST(f.both == both);
  BOOST_TEST(f.only_a == only_a);
  BOOST_TEST(f.only_b == only_b);
  BOOST_TEST(f.neither == neither);
  BOOST_TEST(f.units == both + only_a + only_b + neither);
}

const std::optional<double> none;

/// Two documents coded by ana and ben (and carl, who is never compared):
/// "abcdefghij" (one passage) and four one-word paragraphs.
struct Coded {
  TempDir dir;
  std::filesystem::path file = dir / "agree.quire";
  Project p = Project::create(file);
  Id letters = add_text_document(p, "letters", "abcdefghij");
  Id words = add_text_document(p, "words", "One.\n\nTwo.\n\nThree.\n\nFour.");
  Id x = add_code(p, "X"), y = add_code(p, "Y");
  Coded() {
    p.set_session_coder("ana");
    code_range(p, letters, 0, 5, x);
    code_range(p, letters, 0, 10, y);
    code_range(p, words, 0, 4, x); // One.
    code_range(p, words, 7, 8, x); // one character of Two.
    p.set_session_coder("ben");
    code_range(p, letters, 2, 7, x);
    code_range(p, letters, 0, 10, y);
    code_range(p, words, 0, 4, x);   // One.
    code_range(p, words, 12, 18, x); // Three.
    p.set_session_coder("carl");
    code_range(p, letters, 7, 10, x);
  }
  AgreementReport run(AgreementUnit unit, std::vector<Id> docs = {}, std::vector<Id> codes = {}) {
    AgreementOptions o;
    o.coder_a = "ana";
    o.coder_b = "ben";
    o.unit = unit;
    o.documents = std::move(docs);
    o.codes = std::move(codes);
    return compute_agreement(p, o);
  }
};

} // namespace

BOOST_AUTO_TEST_SUITE(agreement)

BOOST_AUTO_TEST_CASE(figures_of_tables_worked_out_by_hand) {
  // both 3, only A 2, only B 2, neither 3 (N = 10): po = 0.6; each coder
  // coded half, pe = 0.5, kappa = 0.1 / 0.5 = 0.2; alpha: 2N = 20 values,
  // d = 4 disagreeing units, n1 = 2*3 + 4 = 10, n0 = 10:
  // 1 - 19 * 4 / (10 * 10) = 0.24.
  check(agreement_figures(3, 2, 2, 3), 60.0, 0.2, 0.24);
  // both 40, only A 10, only B 5, neither 45: po = 0.85, pa = 0.5, pb = 0.45,
  // pe = 0.225 + 0.275 = 0.5, kappa = 0.7; n1 = 95, n0 = 105, d = 15:
  // alpha = 1 - 199 * 15 / 9975 = 0.700751879...
  check(agreement_figures(40, 10, 5, 45), 85.0, 0.7, 1.0 - 199.0 * 15.0 / 9975.0);
  // Perfect agreement with both values present: 100 %, kappa 1, alpha 1.
  check(agreement_figures(5, 0, 0, 5), 100.0, 1.0, 1.0);
  // One coder coded, the other nothing: po = 0.6, pe = 0.6, kappa 0;
  // alpha = 1 - 19 * 4 / (16 * 4) = -0.1875 (worse than chance).
  check(agreement_figures(0, 4, 0, 6), 60.0, 0.0, -0.1875);
  // Complete disagreement: kappa -1 when each coded half; alpha
  // 1 - 3 * 2 / (2 * 2) = -0.5 for N = 2.
  check(agreement_figures(0, 1, 1, 0), 0.0, -1.0, -0.5);
  // Degenerate: no units; or one value only (both coded everything, or
  // nothing): chance agreement is 1, kappa and alpha are 0/0.
  check(agreement_figures(0, 0, 0, 0), none, none, none);
  check(agreement_figures(0, 0, 0, 10), 100.0, none, none);
  check(agreement_figures(7, 0, 0, 0), 100.0, none, none);
}

BOOST_AUTO_TEST_CASE(per_character_per_code_and_overall) {
  Coded c;
  auto r = c.run(AgreementUnit::Character, {c.letters});
  BOOST_TEST(r.documents == 1);
  BOOST_TEST_REQUIRE(r.codes.size() == 2u);
  BOOST_TEST(r.codes[0].code_path == "X");
  table(r.codes[0].figures, 3, 2, 2, 3); // carl's h..j changes nothing
  check(r.codes[0].figures, 60.0, 0.2, 0.24);
  BOOST_TEST(r.codes[1].code_path == "Y");
  table(r.codes[1].figures, 10, 0, 0, 0);
  check(r.codes[1].figures, 100.0, none, none);
  // Overall, the two tables added: both 13, only A 2, only B 2, neither 3
  // (N = 20): po = 0.8, pa = pb = 0.75, pe = 0.625, kappa = 0.175 / 0.375;
  // n1 = 30, n0 = 10, d = 4: alpha = 1 - 39 * 4 / 300 = 0.48.
  table(r.overall, 13, 2, 2, 3);
  check(r.overall, 80.0, 0.175 / 0.375, 0.48);
  // Where they disagree: a..b only ana, f..g only ben.
  BOOST_TEST_REQUIRE(r.disagreements.size() == 2u);
  BOOST_TEST(r.disagreements[0].start == 0);
  BOOST_TEST(r.disagreements[0].end == 2);
  BOOST_TEST(r.disagreements[0].coded_by == "ana");
  BOOST_TEST(r.disagreements[0].text == "ab");
  BOOST_TEST(r.disagreements[1].text == "fg");
  BOOST_TEST(r.disagreements[1].coded_by == "ben");
  BOOST_TEST(r.disagreements[1].document == "letters");
}

BOOST_AUTO_TEST_CASE(characters_are_code_points) {
  TempDir dir;
  auto p = Project::create(dir / "cp.quire");
  Id d = add_text_document(p, "d", "é😀ab"); // 4 code points, 8 bytes
  Id x = add_code(p, "X");
  p.set_session_coder("ana");
  code_range(p, d, 0, 2, x);
  p.set_session_coder("ben");
  code_range(p, d, 1, 3, x);
  AgreementOptions o{"ana", "ben", {}, {}, AgreementUnit::Character};
  auto r = compute_agreement(p, o);
  table(r.overall, 1, 1, 1, 1);
  BOOST_TEST_REQUIRE(r.disagreements.size() == 2u);
  BOOST_TEST(r.disagreements[0].text == "é");
  BOOST_TEST(r.disagreements[1].text == "a");
}

BOOST_AUTO_TEST_CASE(per_passage) {
  Coded c;
  // Per passage of "words", code X: One. both; Two. only ana (one character
  // is enough); Three. only ben; Four. neither. po = 0.5, pe = 0.5, kappa 0;
  // alpha = 1 - 7 * 2 / (4 * 4) = 0.125.
  auto r = c.run(AgreementUnit::Passage, {c.words}, {c.x});
  BOOST_TEST_REQUIRE(r.codes.size() == 1u);
  table(r.codes[0].figures, 1, 1, 1, 1);
  check(r.codes[0].figures, 50.0, 0.0, 0.125);
  BOOST_TEST_REQUIRE(r.disagreements.size() == 2u);
  BOOST_TEST(r.disagreements[0].text == "Two.");
  BOOST_TEST(r.disagreements[0].coded_by == "ana");
  BOOST_TEST(r.disagreements[1].text == "Three.");
  BOOST_TEST(r.disagreements[1].coded_by == "ben");
  // Every document either coded, every code either used: "letters" is one
  // passage (X both, Y both), so both gain 2 units in agreement.
  auto all = c.run(AgreementUnit::Passage);
  BOOST_TEST(all.documents == 2);
  table(all.overall, 1 + 2 + 0, 1, 1, 1 + 4); // Y on "words": 4 passages neither
}

BOOST_AUTO_TEST_CASE(degenerate_no_codings_and_one_coder) {
  TempDir dir;
  auto p = Project::create(dir / "deg.quire");
  Id d = add_text_document(p, "d", "abcdefghij");
  Id x = add_code(p, "X");
  // ana and ben are coders of the project, but their codings are gone.
  for (auto who : {"ana", "ben"}) {
    p.set_session_coder(who);
    delete_coding(p, code_range(p, d, 0, 1, x).coding_id);
  }
  AgreementOptions o{"ana", "ben", {}, {}, AgreementUnit::Character};
  auto r = compute_agreement(p, o);
  BOOST_TEST(r.documents == 0);
  BOOST_TEST(r.codes.empty());
  check(r.overall, none, none, none);
  BOOST_TEST(r.disagreements.empty());

  // Only ana coded: every coded character is a disagreement.
  p.set_session_coder("ana");
  code_range(p, d, 0, 4, x);
  r = compute_agreement(p, o);
  table(r.overall, 0, 4, 0, 6);
  check(r.overall, 60.0, 0.0, -0.1875);
  BOOST_TEST(r.disagreements.size() == 1u);

  // Errors name what is wrong.
  o.coder_b = "ana";
  BOOST_CHECK_EXCEPTION(compute_agreement(p, o), InputError, [](const InputError& e) {
    return std::string(e.what()).find("two different coders") != std::string::npos;
  });
  o.coder_b = "zoe";
  BOOST_CHECK_EXCEPTION(compute_agreement(p, o), NotFoundError, [](const NotFoundError& e) {
    return std::string(e.what()).find("no coder named 'zoe' in this project (coders: ana, ben") !=
           std::string::npos;
  });
  o.coder_b.clear();
  BOOST_CHECK_THROW(compute_agreement(p, o), InputError);
}

BOOST_AUTO_TEST_CASE(cli_prints_tables_and_json) {
  Coded c;
  auto f = c.file.string();
  auto r = run_quire({"agreement", f, "--coders", "ana,ben", "--docs", "words", "--codes", "X",
                      "--unit", "passage", "--json"});
  BOOST_TEST_REQUIRE(r.status == 0, r.err);
  auto j = nlohmann::json::parse(r.out);
  BOOST_TEST(j["unit"] == "passage");
  BOOST_TEST(j["coders"] == nlohmann::json({"ana", "ben"}));
  BOOST_TEST(j["overall"]["percent"].get<double>() == 50.0, boost::test_tools::tolerance(1e-9));
  BOOST_TEST(j["overall"]["kappa"].get<double>() == 0.0, boost::test_tools::tolerance(1e-9));
  BOOST_TEST(j["overall"]["alpha"].get<double>() == 0.125, boost::test_tools::tolerance(1e-9));
  BOOST_TEST(j["codes"].size() == 1u);
  BOOST_TEST(j["disagreements"].size() == 2u);
  BOOST_TEST(j["disagreements"][1]["text"] == "Three.");

  // Undefined figures are null in JSON and "n/a" in the table.
  r = run_quire(
      {"agreement", f, "--coders", "ana,ben", "--docs", "letters", "--codes", "Y", "--json"});
  BOOST_TEST_REQUIRE(r.status == 0, r.err);
  j = nlohmann::json::parse(r.out);
  BOOST_TEST(j["overall"]["kappa"].is_null());
  BOOST_TEST(j["overall"]["alpha"].is_null());
  r = run_quire({"agreement", f, "--coders", "ana,ben", "--docs", "letters"});
  BOOST_TEST_REQUIRE(r.status == 0, r.err);
  BOOST_TEST(r.out.find("n/a") != std::string::npos, r.out);
  BOOST_TEST(r.out.find("60.0%") != std::string::npos, r.out);
  BOOST_TEST(r.out.find("2 disagreement(s)") != std::string::npos, r.out);
  BOOST_TEST(r.out.find("only ana") != std::string::npos, r.out);

  // One coder named, or an unknown one: exit 1 with the reason.
  r = run_quire({"agreement", f, "--coders", "ana"});
  BOOST_TEST(r.status == 1);
  BOOST_TEST(r.err.find("name exactly two coders") != std::string::npos, r.err);
  r = run_quire({"agreement", f, "--coders", "ana,zoe"});
  BOOST_TEST(r.status == 1);
  BOOST_TEST(r.err.find("no coder named 'zoe'") != std::string::npos, r.err);
  r = run_quire({"agreement", f, "--coders", "ana,ben", "--unit", "word"});
  BOOST_TEST(r.status == 1);
  BOOST_TEST(r.err.find("unit 'word' is not 'char', 'sentence' or 'passage'") != std::string::npos,
             r.err);
}

BOOST_AUTO_TEST_SUITE_END()
