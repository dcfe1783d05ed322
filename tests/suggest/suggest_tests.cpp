// Learning a project's coding and suggesting: quality on the generated
// corpus, calibration, reasons, what is never suggested, too little coded.
#include <map>

#include "quire/base/error.h"
#include "quire/model/codebook.h"
#include "quire/model/coding.h"
#include "quire/model/documents.h"
#include "quire/store/project.h"
#include "quire/suggest/suggest.h"
#include "suggest_corpus.h"
#include "support/test_support.h"

using namespace quire;
using quire::test::TempDir;

namespace {

struct Labelled {
  TempDir dir;
  Project p = Project::create(dir / "s.quire");
  bench::SuggestCorpus corpus = bench::make_suggest_corpus(300, 200);
  std::vector<Id> docs = store_import(p, bench::suggest_import(corpus, 200)).documents;
};

bool contains(const std::string& s, const std::string& part) {
  return s.find(part) != std::string::npos;
}

} // namespace

BOOST_AUTO_TEST_SUITE(suggest)

BOOST_AUTO_TEST_CASE(learns_the_coding_and_suggests_the_right_codes_for_uncoded_answers) {
  Labelled l;
  SuggestOptions o;
  o.documents.assign(l.docs.begin() + 200, l.docs.end());
  o.min_score = 0.05;
  auto r = suggest_codes(l.p, o);
  BOOST_TEST_REQUIRE(!r.suggestions.empty());
  BOOST_TEST(r.model_version > 0);
  // Per score band, how often right: the generator knows the truth.
  std::map<std::string, std::size_t> index;
  for (std::size_t k = 0; k < bench::suggest_codes().size(); ++k) {
    index[bench::suggest_codes()[k]] = k;
  }
  int hi_n = 0, hi_right = 0, lo_n = 0, lo_right = 0;
  for (const auto& g : r.suggestions) {
    BOOST_TEST(g.score >= 0.05);
    BOOST_TEST(g.score <= 1.0);
    BOOST_TEST(!contains(g.code_path, "Questions"));
    BOOST_TEST(g.id > 0);
    auto ps = list_passages(l.p, g.document_id);
    std::size_t r_index = 0;
    for (std::size_t i = 0; i < l.docs.size(); ++i) {
      if (l.docs[i] == g.document_id) {
        r_index = i;
      }
    }
    std::size_t q = 0;
    while (q < ps.size() && ps[q].start != g.start) {
      ++q;
    }
    BOOST_TEST_REQUIRE(q < ps.size()); // a whole answer
    const auto& truth = l.corpus.answers[r_index * 3 + q].codes;
    bool right = truth.count(index.at(g.code_path)) != 0;
    (g.score >= 0.5 ? hi_n : lo_n) += 1;
    (g.score >= 0.5 ? hi_right : lo_right) += right ? 1 : 0;
  }
  BOOST_TEST_REQUIRE(hi_n > 50);
  BOOST_TEST_REQUIRE(lo_n > 10);
  double hi = double(hi_right) / hi_n, lo = double(lo_right) / lo_n;
  BOOST_TEST(hi >= 0.8, "precision at >= 0.5: " << hi);
  BOOST_TEST(hi > lo, "a higher score is right more often: " << hi << " vs " << lo);
}

BOOST_AUTO_TEST_CASE(reasons_are_words_of_the_passage_and_a_coded_passage_like_it) {
  Labelled l;
  SuggestOptions o;
  o.documents.assign(l.docs.begin() + 200, l.docs.end());
  o.limit = 20;
  auto r = suggest_codes(l.p, o);
  BOOST_TEST_REQUIRE(r.suggestions.size() == 20u);
  for (std::size_t i = 1; i < r.suggestions.size(); ++i) {
    BOOST_TEST(r.suggestions[i - 1].score >= r.suggestions[i].score);
  }
  for (const auto& g : r.suggestions) {
    BOOST_TEST_REQUIRE(!g.words.empty());
    auto text = document_text(l.p, g.document_id);
    for (const auto& w : g.words) {
      BOOST_TEST(w.weight > 0);
      BOOST_TEST_REQUIRE(!w.ranges.empty());
      // The word as written, at the place given, inside the passage.
      BOOST_TEST(document_text(l.p, g.document_id, w.ranges[0].first, w.ranges[0].second) ==
                 w.word);
      BOOST_TEST(w.ranges[0].first >= g.start);
      BOOST_TEST(w.ranges[0].second <= g.end);
    }
    BOOST_TEST_REQUIRE(g.like.has_value());
    // The example is coded with the suggested code.
    CodingFilter f;
    f.document_id = g.like->document_id;
    f.code_id = g.code_id;
    f.with_text = false;
    bool found = false;
    for (const auto& s : list_codings(l.p, f)) {
      found = found || (s.coding.start == g.like->start && s.coding.end == g.like->end);
    }
    BOOST_TEST(found);
  }
}

BOOST_AUTO_TEST_CASE(never_suggests_what_is_coded_already_nor_question_codes) {
  Labelled l;
  SuggestOptions o;
  o.min_score = 0.01;
  auto r = suggest_codes(l.p, o);
  for (const auto& g : r.suggestions) {
    BOOST_TEST(!contains(g.code_path, "Questions"));
    for (const auto& c : document_codings(l.p, g.document_id)) {
      bool overlaps = c.start < g.end && g.start < c.end;
      BOOST_TEST(!(overlaps && c.code_id == g.code_id), g.code_path << " at " << g.start);
    }
  }
  // Asking for a question's code by name says why not.
  o.codes = {find_code(l.p, "Questions/Anything else").id};
  try {
    suggest_codes(l.p, o);
    BOOST_FAIL("suggested a question's code");
  } catch (const InputError& e) {
    BOOST_TEST(contains(e.what(), "Questions"), e.what());
  }
}

BOOST_AUTO_TEST_CASE(nothing_coded_says_so_and_changes_nothing) {
  TempDir dir;
  auto p = Project::create(dir / "e.quire");
  add_text_document(p, "one", "Nothing is coded here.\nNor here.");
  auto gen = p.generation();
  Suggester s(p);
  BOOST_TEST(!s.ready());
  BOOST_TEST(s.model_version() == 0);
  try {
    s.suggest(p, {});
    BOOST_FAIL("suggested with nothing coded");
  } catch (const InputError& e) {
    BOOST_TEST(contains(e.what(), "no passage is coded yet"), e.what());
    BOOST_TEST(contains(e.what(), "at least 5"), e.what());
  }
  BOOST_TEST(p.generation() == gen);
}

BOOST_AUTO_TEST_CASE(a_code_with_one_example_says_how_many_more_it_needs) {
  TempDir dir;
  auto p = Project::create(dir / "o.quire");
  auto d = add_text_document(p, "one", "Parents complain about homework.\nThe weather was fine.");
  code_range_creating(p, d, 0, 32, "Parents");
  Suggester s(p);
  BOOST_TEST(!s.ready());
  BOOST_TEST_REQUIRE(s.codes().size() == 1u);
  BOOST_TEST(s.codes()[0].examples == 1);
  BOOST_TEST(s.codes()[0].needed == 4);
  try {
    s.suggest(p, {});
    BOOST_FAIL("suggested a code with one example");
  } catch (const InputError& e) {
    BOOST_TEST(contains(e.what(), "'Parents' needs 4 more"), e.what());
  }
}

BOOST_AUTO_TEST_CASE(learns_only_from_the_coders_asked) {
  Labelled l;
  SuggestTraining t;
  t.coders = {"nobody-coded-this"};
  Suggester s(l.p, t);
  BOOST_TEST(!s.ready());
  SuggestTraining all;
  Suggester s2(l.p, all);
  BOOST_TEST(s2.ready());
}

BOOST_AUTO_TEST_CASE(sentences_are_suggested_inside_passages) {
  Labelled l;
  SuggestOptions o;
  o.documents.assign(l.docs.begin() + 200, l.docs.begin() + 230);
  o.unit = SuggestUnit::Sentence;
  o.store = false;
  auto r = suggest_codes(l.p, o);
  BOOST_TEST_REQUIRE(!r.suggestions.empty());
  for (const auto& g : r.suggestions) {
    BOOST_TEST(g.id == 0); // not stored
    bool inside = false;
    for (const auto& ps : list_passages(l.p, g.document_id)) {
      inside = inside || (ps.start <= g.start && g.end <= ps.end);
    }
    BOOST_TEST(inside);
    BOOST_TEST(g.text.back() != ' ');
  }
}

BOOST_AUTO_TEST_CASE(streamed_suggestions_are_the_listed_ones_in_batches_and_are_stored) {
  Labelled l;
  SuggestOptions o;
  o.min_score = 0; // every passage-code pair: several batches
  Suggester model(l.p);
  const auto listed = model.suggest(l.p, o).suggestions;
  BOOST_TEST_REQUIRE(listed.size() > 5000u);
  std::vector<Suggestion> streamed;
  auto r = model.suggest_each(l.p, o, [&](const Suggestion& g) { streamed.push_back(g); });
  BOOST_TEST(r.suggestions.empty());
  BOOST_TEST(r.model_version == model.model_version());
  BOOST_TEST_REQUIRE(streamed.size() == listed.size());
  for (std::size_t i = 0; i < listed.size(); ++i) {
    const auto& a = listed[i];
    const auto& b = streamed[i];
    BOOST_TEST_REQUIRE(b.id > 0);
    BOOST_TEST_REQUIRE(a.id == b.id); // stored once, the same id again
    BOOST_TEST_REQUIRE(a.score == b.score);
    BOOST_TEST_REQUIRE(a.words.size() == b.words.size());
    BOOST_TEST_REQUIRE(a.text == b.text);
    if (i > 0) {
      BOOST_TEST_REQUIRE(streamed[i - 1].score >= b.score); // best first
    }
  }
  const auto last = get_suggestion(l.p, streamed.back().id);
  BOOST_TEST(last.status == "open");
  BOOST_TEST(last.code_id == streamed.back().code_id);
}

BOOST_AUTO_TEST_SUITE_END()
