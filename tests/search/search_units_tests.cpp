// Coding from a search codes only what matches the query by itself: a
// sentence or paragraph whose own words satisfy the whole query, the words
// taking part in a match (issue 17). Also: "Did you mean" only for unknown
// words, and Find Similar's telling terms are content words.
#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "quire/base/text.h"
#include "quire/ingest/import_data.h"
#include "quire/model/cases.h"
#include "quire/model/codebook.h"
#include "quire/model/coding.h"
#include "quire/model/documents.h"
#include "quire/search/search_index.h"
#include "quire/store/project.h"
#include "support/test_support.h"

using namespace quire;
using quire::test::TempDir;

namespace {

/// Survey answers (question "Worries"), several sentences each; R2's and
/// R8's have two paragraphs.
struct Answer {
  const char* respondent;
  const char* role;
  const char* text;
};
const Answer answers[] = {
    {"R1", "Nurse",
     "I am worried that I will lose my job. My manager says the budget is fine. I love my job "
     "but the stress is real."},
    {"R2", "Teacher",
     "Honestly I could lose my job any day now. We all could.\nMy partner says not to worry "
     "about my job."},
    {"R3", "Nurse", "Job security matters to me. I do not want to lose it."},
    {"R4", "Teacher",
     "Workload is heavy. Meetings after school take time. Marking takes all "
     "weekend."},
    {"R5", "Nurse",
     "Time is what we lack, and the whole department has said that about planning for years. "
     "Planning time would help."},
    {"R6", "Teacher", "School meetings run late. Then there is no time at all for marking."},
    {"R7", "Nurse", "Redundancy is coming. Nobody talks about it."},
    {"R8", "Teacher",
     "The rota changes every week and nobody asks us.\nShift patterns wreck my sleep. The rota is "
     "the worst part of the job."},
};

struct Survey {
  TempDir dir;
  Project p = Project::create(dir / "survey.quire");
  std::vector<Id> docs;
  Survey() {
    ImportData data;
    data.kind = "csv";
    data.sha256 = "survey";
    data.attributes.push_back({0, "", "Role", AttrType::Text});
    for (const auto& a : answers) {
      data.cases.push_back({a.respondent, {{"Role", Value::of_text(a.role)}}});
      ImportedDocument d;
      d.name = a.respondent;
      d.kind = DocumentKind::Survey;
      d.folder = "Staff survey";
      d.sha256 = a.respondent;
      d.text = a.text;
      d.case_name = a.respondent;
      ImportedPassage ps;
      ps.start = 0;
      ps.end = count_code_points(d.text);
      ps.question = "Worries";
      d.passages.push_back(ps);
      data.documents.push_back(std::move(d));
    }
    docs = store_import(p, data).documents;
  }
  Id doc(const std::string& name) const { return find_document(p, name).id; }
  /// The texts Code All Hits codes with this unit (coded with a code of
  /// their own, through the one path the CLI and the app take).
  std::multiset<std::string> units(const SearchIndex& idx, const std::string& query,
                                   AutocodeUnit unit) {
    Id code = add_code(p, "Units/" + std::to_string(++m_codes));
    auto r = autocode(p, idx, query, code, unit, false);
    auto out = coded(code);
    BOOST_TEST(static_cast<std::int64_t>(out.size()) == r.ranges);
    return out;
  }
  int m_codes = 0;
  /// The texts of the codings of a code.
  std::multiset<std::string> coded(Id code) const {
    CodingFilter f;
    f.code_id = code;
    std::multiset<std::string> out;
    for (auto& s : list_codings(p, f))
      out.insert(s.text);
    return out;
  }
};

using Texts = std::multiset<std::string>;

} // namespace

BOOST_FIXTURE_TEST_SUITE(coding_units, Survey)

// The reported case: a phrase coded every sentence holding any of its words.
BOOST_AUTO_TEST_CASE(a_phrase_codes_only_the_sentences_holding_the_phrase) {
  auto idx = SearchIndex::open(p);
  Id code = add_code(p, "Job loss");
  auto r = autocode(p, *idx, "\"lose my job\"", code, AutocodeUnit::Sentence, false);
  const Texts want = {"I am worried that I will lose my job.",
                      "Honestly I could lose my job any day now."};
  BOOST_TEST(coded(code) == want);
  BOOST_TEST(r.ranges == 2);
  BOOST_TEST(r.passages == 2);
  // Words: the phrase itself, one coding each; never a stray "my" or "job".
  Id words = add_code(p, "Job loss words");
  autocode(p, *idx, "\"lose my job\"", words, AutocodeUnit::Hit, false);
  BOOST_TEST(coded(words) == (Texts{"lose my job", "lose my job"}));
  // Paragraph: R2's first paragraph, not its second (which says "my job").
  BOOST_TEST(units(*idx, "\"lose my job\"", AutocodeUnit::Paragraph) ==
             (Texts{"I am worried that I will lose my job. My manager says the budget is fine. "
                    "I love my job but the stress is real.",
                    "Honestly I could lose my job any day now. We all could."}));
}

BOOST_AUTO_TEST_CASE(and_needs_every_word_in_the_sentence_or_paragraph) {
  auto idx = SearchIndex::open(p);
  // R3 matches as a passage ("Job ... lose"), but no sentence holds both.
  BOOST_TEST(units(*idx, "lose AND job", AutocodeUnit::Sentence) ==
             (Texts{"I am worried that I will lose my job.",
                    "Honestly I could lose my job any day now."}));
  BOOST_TEST(units(*idx, "lose AND job", AutocodeUnit::Passage).size() == 3u);
  // R8: "rota" and "job" share only the second paragraph.
  BOOST_TEST(units(*idx, "rota job", AutocodeUnit::Paragraph) ==
             (Texts{"Shift patterns wreck my sleep. The rota is the worst part of the job."}));
  BOOST_TEST(units(*idx, "rota job", AutocodeUnit::Sentence) ==
             (Texts{"The rota is the worst part of the job."}));
  // Words: each word of the match, in every sentence (a passage-wide AND).
  BOOST_TEST(units(*idx, "rota job", AutocodeUnit::Hit) == (Texts{"rota", "rota", "job"}));
}

BOOST_AUTO_TEST_CASE(or_codes_each_sentence_matching_either_side) {
  auto idx = SearchIndex::open(p);
  BOOST_TEST(units(*idx, "redundancy OR \"lose my job\"", AutocodeUnit::Sentence) ==
             (Texts{"I am worried that I will lose my job.",
                    "Honestly I could lose my job any day now.", "Redundancy is coming."}));
  BOOST_TEST(units(*idx, "redund* OR (rota AND nobody)", AutocodeUnit::Sentence) ==
             (Texts{"Redundancy is coming.", "The rota changes every week and nobody asks us."}));
  BOOST_TEST(units(*idx, "redundancy OR \"lose my job\"", AutocodeUnit::Hit) ==
             (Texts{"lose my job", "lose my job", "Redundancy"}));
}

BOOST_AUTO_TEST_CASE(near_codes_the_sentence_where_the_words_are_near) {
  auto idx = SearchIndex::open(p);
  // R5: "time ... planning" far apart in the first sentence, adjacent in
  // the second. Words: only the near pair.
  BOOST_TEST(units(*idx, "time NEAR/2 planning", AutocodeUnit::Sentence) ==
             (Texts{"Planning time would help."}));
  BOOST_TEST(units(*idx, "time NEAR/2 planning", AutocodeUnit::Hit) == (Texts{"Planning time"}));
  BOOST_TEST(units(*idx, "time ADJ/2 planning", AutocodeUnit::Sentence).empty());
}

BOOST_AUTO_TEST_CASE(not_never_codes_what_the_excluded_words_are_in) {
  auto idx = SearchIndex::open(p);
  // R4 is left out ("time. Marking" are neighbours). R6 matches (its
  // "time" and "marking" are 4 words apart); its second sentence holds only
  // the NOT side's words and is not coded, nor are those words.
  const std::string q = "school NOT (time NEAR/1 marking)";
  BOOST_TEST(units(*idx, q, AutocodeUnit::Sentence) == (Texts{"School meetings run late."}));
  BOOST_TEST(units(*idx, q, AutocodeUnit::Hit) == (Texts{"School"}));
  BOOST_TEST(units(*idx, q, AutocodeUnit::Passage).size() == 1u);
}

BOOST_AUTO_TEST_CASE(a_field_filter_keeps_the_passages_and_the_words_pick_the_sentences) {
  auto idx = SearchIndex::open(p);
  BOOST_TEST(units(*idx, "\"lose my job\" attr:Role=Nurse", AutocodeUnit::Sentence) ==
             (Texts{"I am worried that I will lose my job."}));
  BOOST_TEST(units(*idx, "job question:Worries case:R3", AutocodeUnit::Sentence) ==
             (Texts{"Job security matters to me."}));
  // A filter inside the expression is the passage's: every sentence of a
  // nurse's answer matches "redundancy OR attr:Role=Nurse" by the filter
  // side; a teacher's answer matches nowhere.
  auto both = units(*idx, "redundancy OR attr:Role=Nurse", AutocodeUnit::Sentence);
  BOOST_TEST(both.count("Redundancy is coming.") == 1u);
  BOOST_TEST(both.count("Workload is heavy.") == 0u);
  BOOST_TEST(both.count("Job security matters to me.") == 1u);
  // Only filters: the unit is the whole answer for words, each sentence
  // otherwise.
  BOOST_TEST(units(*idx, "case:R7", AutocodeUnit::Hit) ==
             (Texts{"Redundancy is coming. Nobody talks about it."}));
}

// The search pane shows the same: a hit's words are those of the match.
BOOST_AUTO_TEST_CASE(search_hits_mark_only_the_words_of_the_match) {
  auto idx = SearchIndex::open(p);
  auto r = idx->search("\"lose my job\" case:R1");
  BOOST_TEST_REQUIRE(r.hits.size() == 1u);
  std::vector<std::string> marked;
  for (auto [s, e] : r.hits[0].hits)
    marked.push_back(document_text(p, r.hits[0].document_id, s, e));
  BOOST_TEST(marked == (std::vector<std::string>{"lose", "my", "job"}));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_FIXTURE_TEST_SUITE(spelling_and_similar, Survey)

BOOST_AUTO_TEST_CASE(did_you_mean_only_when_the_words_are_unknown) {
  auto idx = SearchIndex::open(p);
  // The words are in the text; the filter leaves nothing: no suggestion.
  auto r = idx->search("redundancy case:R1");
  BOOST_TEST(r.hits.empty());
  BOOST_TEST(r.corrected_query == "");
  r = idx->search("rota attr:Role=Nurse");
  BOOST_TEST(r.hits.empty());
  BOOST_TEST(r.corrected_query == "");
  r = idx->search("(meetings AND weekend) case:R6");
  BOOST_TEST(r.hits.empty());
  BOOST_TEST(r.corrected_query == "");
  // Another form of a word in the text is not a misspelling either.
  r = idx->search("meeting case:R1"); // the text says "meetings"
  BOOST_TEST(r.hits.empty());
  BOOST_TEST(r.corrected_query == "");
  r = idx->search("planned case:R1");
  BOOST_TEST(r.corrected_query == "");
  // A misspelt word is, with a filter or without.
  BOOST_TEST(idx->search("redundancyy").corrected_query == "redundancy");
  BOOST_TEST(idx->search("redundancyy case:R7").corrected_query == "redundancy case:R7");
}

BOOST_AUTO_TEST_CASE(find_similar_tells_by_content_words) {
  TempDir d;
  auto q = Project::create(d / "similar.quire");
  // Two answers about redundancy; two sharing only "I am very ... my" with
  // the first; twenty others with none of these words.
  std::vector<std::string> texts = {
      "I am very worried about my job and the redundancy letters that went out to my team.",
      "Redundancy letters went out to the whole team; everyone is worried about their job.",
      "I am very happy with my holidays.",
      "I am very glad for my garden.",
  };
  const char* const subjects[] = {"Canteen", "Parking", "Training", "Uniform"};
  const char* const things[] = {"food", "spaces", "sessions", "colours", "prices"};
  const char* const verdicts[] = {"seem fine", "feel odd", "look useful", "come late"};
  for (int i = 0; i < 20; ++i)
    texts.push_back(std::string(subjects[i % 4]) + " " + things[i % 5] + " " + verdicts[i / 5] +
                    ".");
  std::vector<Id> ps;
  for (std::size_t i = 0; i < texts.size(); ++i) {
    Id doc = add_text_document(q, "D" + std::to_string(i), texts[i]);
    ps.push_back(list_passages(q, doc).at(0).id);
  }
  auto idx = SearchIndex::open(q);
  auto sim = idx->similar({ps[0]}, std::nullopt, 5);
  BOOST_TEST_REQUIRE(!sim.empty());
  // Found by content (redundancy, letters, team, worried, job), never by
  // "i", "am", "my", "very", "to", "for" alone.
  BOOST_TEST(sim[0].passage_id == ps[1]);
  for (auto& h : sim) {
    BOOST_TEST(h.passage_id != ps[2]);
    BOOST_TEST(h.passage_id != ps[3]);
  }
  // The words shown as telling (marked in the results) are content words.
  std::set<std::string> stop = {"i",  "am", "my",  "very", "to", "for",  "out",
                                "me", "it", "the", "and",  "is", "about"};
  for (auto& h : sim) {
    BOOST_TEST(!h.hits.empty());
    for (auto [s, e] : h.hits) {
      auto w = fold_case(document_text(q, h.document_id, s, e));
      BOOST_TEST(stop.count(w) == 0u, "stop word '" << w << "' told passage " << h.passage_id);
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()

// The reported run, end to end through the built `quire`: a survey CSV,
// `quire autocode '"lose my job"' --unit sentence` codes the sentences that
// hold the phrase, and nothing else.
BOOST_AUTO_TEST_CASE(the_cli_codes_only_the_sentences_holding_the_phrase) {
  using quire::test::run_quire;
  TempDir dir;
  const auto proj = (dir / "staff.quire").string();
  std::string csv = "ID,Role,Worries\n";
  for (const auto& a : answers) {
    std::string text = a.text;
    csv += std::string(a.respondent) + "," + a.role + ",\"" + text + "\"\n";
  }
  quire::test::write_file(dir / "staff.csv", csv);
  BOOST_TEST_REQUIRE(run_quire({"init", proj}).status == 0);
  auto r = run_quire({"import", proj, (dir / "staff.csv").string(), "--id-column", "ID",
                      "--text-columns", "Worries"});
  BOOST_TEST_REQUIRE(r.status == 0, r.err);
  BOOST_TEST_REQUIRE(run_quire({"codes", "add", proj, "Job loss"}).status == 0);
  r = run_quire(
      {"autocode", proj, "\"lose my job\"", "--code", "Job loss", "--unit", "sentence", "--json"});
  BOOST_TEST_REQUIRE(r.status == 0, r.err);
  BOOST_TEST(r.out.find("\"ranges\": 2") != std::string::npos, r.out);
  auto p = Project::open(dir / "staff.quire");
  CodingFilter f;
  f.code_id = find_code(p, "Job loss").id;
  Texts got;
  for (auto& s : list_codings(p, f))
    got.insert(s.text);
  BOOST_TEST(got == (Texts{"I am worried that I will lose my job.",
                           "Honestly I could lose my job any day now."}));
}
