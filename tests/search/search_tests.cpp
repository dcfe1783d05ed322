// Search results checked against ground truth the test computes itself by
// scanning the passages' text.
#define BOOST_TEST_MODULE search
#include <algorithm>
#include <regex>
#include <set>

#include "quire/base/error.h"
#include "quire/base/text.h"
#include "quire/model/cases.h"
#include "quire/model/codebook.h"
#include "quire/model/coding.h"
#include "quire/model/documents.h"
#include "quire/search/search_index.h"
#include "quire/store/history.h"
#include "quire/store/project.h"
#include "search_support.h"
#include "support/test_support.h"

using namespace quire;
using quire::test::found;
using quire::test::TempDir;

namespace {

const char* const answers[] = {
    "Protected time for planning would help most.",
    "We never have time; the meetings are after school.",
    "The learning network gave me ideas for reading.",
    "Our learning network meets twice a term.",
    "Sharing practice across schools builds trust.",
    "I learned a lot from the network about feedback and time management.",
    "Caf\xC3\xA9 conversations with colleagues are the best part.",
    "\xE6\x88\x91\xE4\xBB\xAC\xE7\x9A\x84\xE5\xAD\xA6\xE6\xA0\xA1\xE5\xBE\x88\xE5\xA5\xBD",
    "Time, time, time: that is the barrier.",
    "Networking online through the hashtag keeps me learning.",
};

struct Corpus {
  TempDir dir;
  Project p = Project::create(dir / "s.quire");
  std::vector<Id> docs;
  Corpus() {
    for (int i = 0; i < 10; ++i) {
      Id d = add_text_document(p, "R" + std::to_string(i), answers[i]);
      docs.push_back(d);
      Id c = add_case(p, "R" + std::to_string(i));
      link_document(p, d, c);
      set_attribute(p, c, "Role", Value::of_text(i % 2 ? "Teacher" : "Head teacher"));
      set_attribute(p, c, "Years", Value::of_number(i * 2));
    }
  }
  /// Passages whose text matches the pattern (any case), by scanning.
  std::set<Id> containing(const std::string& pattern) const {
    return quire::test::containing(p, docs, pattern);
  }
};

std::string error_of(const SearchIndex& idx, const std::string& q) {
  try {
    idx.search(q);
  } catch (const InputError& e) {
    return e.what();
  }
  return "(no error)";
}

} // namespace

BOOST_FIXTURE_TEST_SUITE(queries, Corpus)

BOOST_AUTO_TEST_CASE(words_phrases_near_boolean_wildcards) {
  auto idx = SearchIndex::open(p);
  BOOST_TEST(idx->size() == 10);
  // "time" stems: time, times; not "timetable" (not in the corpus anyway).
  BOOST_TEST(found(*idx, "time") == containing(R"(\btimes?\b)"));
  BOOST_TEST(found(*idx, "\"learning network\"") == containing(R"(\blearning network\b)"));
  BOOST_TEST(found(*idx, "network NEAR/3 feedback") ==
             containing(R"(\bnetwork\b.{0,40}\bfeedback\b)"));
  BOOST_TEST(found(*idx, "time AND school") == containing(R"(^(?=.*\btime\b)(?=.*\bschool).*)"));
  BOOST_TEST(found(*idx, "time NOT meetings") ==
             containing(R"(^(?=.*\btime\b)(?!.*\bmeetings\b).*)"));
  BOOST_TEST(found(*idx, "network*") == containing(R"(\bnetwork)"));
  BOOST_TEST(found(*idx, "caf\xC3\xA9") == containing("caf\xC3\xA9"));
  BOOST_TEST(found(*idx, "\xE5\xAD\xA6\xE6\xA0\xA1") ==
             containing("\xE5\xAD\xA6\xE6\xA0\xA1")); // CJK n-grams
}

BOOST_AUTO_TEST_CASE(hits_snippets_and_offsets) {
  auto idx = SearchIndex::open(p);
  auto r = idx->search("barrier");
  BOOST_TEST_REQUIRE(r.hits.size() == 1u);
  auto& h = r.hits[0];
  BOOST_TEST(h.case_name == "R8");
  BOOST_TEST(h.snippet.find("\xC2\xAB"
                            "barrier\xC2\xBB") != std::string::npos);
  BOOST_TEST_REQUIRE(h.hits.size() == 1u);
  auto text = document_text(p, h.document_id);
  CodePointIndex ci(text);
  BOOST_TEST(std::string(ci.slice(h.hits[0].first, h.hits[0].second)) == "barrier");
  auto t = idx->search("time", {});
  for (auto& x : t.hits) {
    auto xt = document_text(p, x.document_id);
    CodePointIndex xi(xt);
    for (auto [s, e] : x.hits)
      BOOST_TEST(fold_case(xi.slice(s, e)) == "time");
  }
}

BOOST_AUTO_TEST_CASE(filters_combine) {
  auto idx = SearchIndex::open(p);
  std::set<Id> heads, teachers;
  for (int i = 0; i < 10; ++i) {
    auto ps = list_passages(p, docs[i]);
    (i % 2 ? teachers : heads).insert(ps[0].id);
  }
  auto time = containing(R"(\btimes?\b)");
  std::set<Id> want;
  std::set_intersection(time.begin(), time.end(), heads.begin(), heads.end(),
                        std::inserter(want, want.end()));
  BOOST_TEST(found(*idx, "time attr:Role=\"Head teacher\"") == want);
  BOOST_TEST(found(*idx, "attr:Years:4..10").size() == 4u); // R2..R5: 4, 6, 8, 10
  // Numbers and dates are matched as values: 6 and 6.0 are one number.
  const std::set<Id> r3{list_passages(p, docs[3])[0].id};
  BOOST_TEST(found(*idx, "attr:Years=6") == r3);
  BOOST_TEST(found(*idx, "attr:Years=6.0") == r3);
  BOOST_TEST(found(*idx, "attr:Years=7").empty());
  BOOST_TEST(found(*idx, "case:R3") == std::set<Id>{list_passages(p, docs[3])[0].id});
  BOOST_TEST(found(*idx, "doc:r3") == std::set<Id>{list_passages(p, docs[3])[0].id});
  // A filter at the top level applies to the whole query, OR included:
  // (time OR trust) among head teachers, not time OR (trust among head teachers).
  auto either = containing(R"(\b(times?|trust)\b)");
  std::set<Id> heads_either;
  std::set_intersection(either.begin(), either.end(), heads.begin(), heads.end(),
                        std::inserter(heads_either, heads_either.end()));
  BOOST_TEST(heads_either.size() < either.size()); // the filter must take something out
  BOOST_TEST(found(*idx, "time OR trust attr:Role=\"Head teacher\"") == heads_either);
  BOOST_TEST(found(*idx, "attr:Role=\"Head teacher\" time OR trust") == heads_either);
  // Next to an operator a filter keeps its place: time, or any head teacher's passage.
  std::set<Id> time_or_heads = time;
  time_or_heads.insert(heads.begin(), heads.end());
  BOOST_TEST(found(*idx, "time OR attr:Role=\"Head teacher\"") == time_or_heads);
}

BOOST_AUTO_TEST_CASE(code_filter_follows_coding_uncoding_undo_redo) {
  auto idx = SearchIndex::open(p);
  Id sceptical = add_code(p, "Purpose/Sceptical");
  auto ps1 = list_passages(p, docs[1])[0];
  code_range(p, docs[1], 0, 5, sceptical);
  BOOST_TEST(found(*idx, "code:Purpose") == std::set<Id>{ps1.id});
  BOOST_TEST(found(*idx, "code:\"Purpose/Sceptical\" time") == std::set<Id>{ps1.id});
  BOOST_TEST(found(*idx, "coder:" + p.coder()) == std::set<Id>{ps1.id});
  uncode_range(p, docs[1], 0, 5, sceptical);
  BOOST_TEST(found(*idx, "code:Purpose").empty());
  undo(p);
  BOOST_TEST(found(*idx, "code:Purpose") == std::set<Id>{ps1.id});
  redo(p);
  BOOST_TEST(found(*idx, "code:Purpose").empty());
}

BOOST_AUTO_TEST_CASE(bad_queries_say_what_is_wrong) {
  auto idx = SearchIndex::open(p);
  BOOST_TEST(error_of(*idx, "\"unbalanced").find("unbalanced quote") != std::string::npos);
  BOOST_TEST(error_of(*idx, "speakr:Ann").find("unknown field 'speakr:'") != std::string::npos);
  BOOST_TEST(error_of(*idx, "code:Nope").find("no code 'Nope'") != std::string::npos);
  BOOST_TEST(error_of(*idx, "attr:Colour=red").find("no attribute") != std::string::npos);
  BOOST_TEST(error_of(*idx, "attr:Role:1..2").find("text") != std::string::npos);
  BOOST_TEST(error_of(*idx, "   ").find("empty") != std::string::npos);
  BOOST_TEST(idx->search("netwrk").corrected_query == "network");
}

BOOST_AUTO_TEST_CASE(similar_and_within_coded) {
  auto idx = SearchIndex::open(p);
  Id code = add_code(p, "Networks");
  auto ps2 = list_passages(p, docs[2])[0];
  code_range(p, docs[2], ps2.start, ps2.end, code);
  auto sim = idx->similar(passages_of_code(p, code), code, 3);
  BOOST_TEST_REQUIRE(!sim.empty());
  // "Our learning network..." and "Networking ... learning" share most terms.
  std::set<Id> top = {sim[0].passage_id, sim.size() > 1 ? sim[1].passage_id : 0};
  BOOST_TEST(top.count(list_passages(p, docs[3])[0].id) == 1u);
  for (auto& h : sim)
    BOOST_TEST(h.passage_id != ps2.id);
  SearchOptions within;
  within.within_code = code;
  auto r = idx->search("reading", within);
  BOOST_TEST_REQUIRE(r.hits.size() == 1u);
  BOOST_TEST(r.hits[0].coding_id.has_value());
  BOOST_TEST(idx->search("trust", within).hits.empty()); // not in coded text
}

BOOST_AUTO_TEST_CASE(autocode_is_one_undoable_action) {
  auto idx = SearchIndex::open(p);
  Id code = add_code(p, "Barriers/Time");
  auto preview = autocode(p, *idx, "time", code, AutocodeUnit::Hit, true);
  BOOST_TEST(count_codings(p) == 0);
  auto steps = history(p).size();
  auto r = autocode(p, *idx, "time", code, AutocodeUnit::Hit, false);
  BOOST_TEST(r.ranges == preview.ranges);
  BOOST_TEST(history(p).size() == steps + 1);
  CodingFilter f;
  f.code_id = code;
  for (auto& s : list_codings(p, f))
    BOOST_TEST(fold_case(s.text) == "time");
  BOOST_TEST(count_codings(p) == r.ranges);
  undo(p);
  BOOST_TEST(count_codings(p) == 0);
  auto sentences = autocode(p, *idx, "barrier", code, AutocodeUnit::Sentence, false);
  BOOST_TEST(sentences.ranges == 1);
  BOOST_TEST(list_codings(p, f).at(0).text == "Time, time, time: that is the barrier.");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_CASE(stale_missing_and_damaged_indexes_are_rebuilt) {
  TempDir dir;
  auto file = dir / "st.quire";
  {
    auto p = Project::create(file);
    add_text_document(p, "a", "Alpha words about networks.");
  }
  auto folder = SearchIndex::folder_for(file);
  {
    auto p = Project::open(file);
    auto idx = SearchIndex::open(p);
    BOOST_TEST(found(*idx, "alpha").size() == 1u);
  }
  std::filesystem::copy_file(file, dir / "old.quire");
  {
    // Changed without the index open: stale, so rebuilt on open.
    auto p = Project::open(file);
    add_text_document(p, "b", "Beta words about time.");
  }
  {
    auto p = Project::open(file);
    BOOST_TEST(found(*SearchIndex::open(p), "beta").size() == 1u);
  }
  // The project rolled back to an older copy: the index follows it.
  std::filesystem::copy_file(dir / "old.quire", file,
                             std::filesystem::copy_options::overwrite_existing);
  {
    auto p = Project::open(file);
    BOOST_TEST(found(*SearchIndex::open(p), "beta").empty());
  }
  // Missing folder.
  std::filesystem::remove_all(folder);
  {
    auto p = Project::open(file);
    BOOST_TEST(found(*SearchIndex::open(p), "alpha").size() == 1u);
  }
  // Damaged files: every file in the folder overwritten with junk.
  for (auto& e : std::filesystem::directory_iterator(folder)) {
    quire::test::write_file(e.path(), "junk junk junk");
  }
  {
    auto p = Project::open(file);
    BOOST_TEST(found(*SearchIndex::open(p), "alpha").size() == 1u);
  }
}
