// The index holds words as written; a query word finds every form of its
// stem present (the forms are listed in the synonym table), while phrases,
// NEAR and wildcards match words as written. Expected sets are worked out
// here by scanning each passage's words with the same stemmer.
#include <boost/test/unit_test.hpp>

#include <xapian.h>

#include <regex>
#include <set>

#include "quire/base/text.h"
#include "quire/model/documents.h"
#include "quire/search/search_index.h"
#include "quire/store/project.h"
#include "search_support.h"
#include "support/test_support.h"

using namespace quire;
using quire::test::found;
using quire::test::TempDir;

namespace {

const char* const texts[] = {
    "We are planning the meetings for next term.\n\nA plan for protected time, at last.",
    "Protecting times is hard.\n\nShe plans; he planned.\n\nOrganisations meet in the evening.",
    "The organisation meets weekly.\n\nMeeting colleagues gives me time to reflect.",
};

struct Corpus {
  TempDir dir;
  Project p = Project::create(dir / "stem.quire");
  std::vector<Id> docs;

  /// Passages with a word whose stem is the query word's (or, with
  /// as_written, the word itself), by scanning.
  std::set<Id> with_form_of(const std::string& query, bool as_written = false) const {
    Xapian::Stem stem("english");
    const std::regex word(R"([A-Za-z]+)");
    return quire::test::passages_where(p, docs, [&](const std::string& t) {
      for (auto it = std::sregex_iterator(t.begin(), t.end(), word); it != std::sregex_iterator();
           ++it) {
        auto w = fold_case(it->str());
        if (as_written ? w == query : stem(w) == stem(query))
          return true;
      }
      return false;
    });
  }
};

void check_forms(const Corpus& c, const SearchIndex& idx) {
  for (const char* q :
       {"plan", "planned", "planning", "meeting", "meets", "time", "organisation", "protect"}) {
    BOOST_TEST_CONTEXT(q) {
      BOOST_TEST(!c.with_form_of(q).empty());
      BOOST_TEST(found(idx, q) == c.with_form_of(q));
    }
  }
  // "planned" is in the text but "plans" is found too, and a form that is
  // nowhere in the text ("plannings") still finds the others.
  BOOST_TEST(found(idx, "plannings") == c.with_form_of("plan"));
  // As written: phrases, NEAR, wildcards, a capitalised word.
  BOOST_TEST(found(idx, "\"protected time\"").size() == 1u);
  BOOST_TEST(found(idx, "\"protecting times\"").size() == 1u);
  BOOST_TEST(found(idx, "\"protected time\"") != found(idx, "\"protecting times\""));
  BOOST_TEST(found(idx, "organisation*") == c.with_form_of("organisation"));
  BOOST_TEST(found(idx, "Time") == c.with_form_of("time", true));
  BOOST_TEST(found(idx, "time") != c.with_form_of("time", true));
}

} // namespace

BOOST_FIXTURE_TEST_CASE(a_word_finds_the_forms_of_its_stem_and_phrases_match_as_written, Corpus) {
  auto idx = SearchIndex::open(p);
  // Documents indexed one by one as they come: a form seen later joins the
  // forms of its stem.
  for (int i = 0; i < 3; ++i)
    docs.push_back(add_text_document(p, "D" + std::to_string(i), texts[i]));
  check_forms(*this, *idx);
  // The whole index built again: the same.
  idx->rebuild();
  check_forms(*this, *idx);
  // Snippets mark every form.
  auto hits = idx->search("planned").hits;
  BOOST_REQUIRE(!hits.empty());
  bool marked = false;
  for (auto& h : hits)
    marked = marked ||
             h.snippet.find("\xC2\xAB"
                            "plans\xC2\xBB") != std::string::npos ||
             h.snippet.find("\xC2\xAB"
                            "planning\xC2\xBB") != std::string::npos;
  BOOST_TEST(marked);
}
