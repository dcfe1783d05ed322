// The core operations behind the app's Coding Query, Words and Agreement
// pages (and `quire query --code-as`, `quire words --word`, `quire
// stop-words`, `quire agreement --unit sentence`), against the model.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cctype>

#include "model.h"
#include "quire/analysis/agreement.h"
#include "quire/analysis/analysis.h"
#include "quire/base/error.h"
#include "quire/base/text_units.h"
#include "quire/model/code_ranges.h"
#include "quire/model/codebook.h"
#include "quire/model/coding.h"
#include "quire/model/documents.h"
#include "quire/store/history.h"

using namespace quire;
using namespace quire::test;

namespace {

/// How often each lower-case word (a run of letters and digits) occurs.
std::map<std::string, std::int64_t> count_words(const Model& m) {
  std::map<std::string, std::int64_t> out;
  for (const auto& [doc, t] : m.texts) {
    for (std::size_t i = 0; i < t.size();) {
      if (!std::isalnum(static_cast<unsigned char>(t[i]))) {
        ++i;
        continue;
      }
      std::string w;
      while (i < t.size() && std::isalnum(static_cast<unsigned char>(t[i])))
        w += static_cast<char>(std::tolower(static_cast<unsigned char>(t[i++])));
      out[w]++;
    }
  }
  return out;
}

} // namespace

BOOST_AUTO_TEST_SUITE(pages_core)

BOOST_AUTO_TEST_CASE(word_places_are_each_occurrence_of_the_word) {
  Model m;
  auto p = m.open();
  auto want = count_words(m);
  WordFrequencySpec raw;
  raw.stop_words = false;
  raw.group_by_stem = false;
  for (const char* w : {"networks", "the", "share"}) {
    auto places = word_places(p, raw, w);
    BOOST_CHECK_EQUAL(static_cast<std::int64_t>(places.size()), want[w]);
    for (const auto& h : places) {
      std::string t = h.text;
      std::transform(t.begin(), t.end(), t.begin(),
                     [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      BOOST_CHECK_EQUAL(t, w);
      BOOST_CHECK_EQUAL(
          m.texts.at(h.document_name).substr(static_cast<std::size_t>(h.start), h.end - h.start),
          h.text);
    }
  }
  // Grouped by stem: every form of the group.
  WordFrequencySpec grouped;
  for (const auto& w : word_frequencies(p, grouped)) {
    if (w.stem == "network") {
      BOOST_CHECK_EQUAL(static_cast<std::int64_t>(word_places(p, grouped, w.stem).size()), w.count);
      BOOST_CHECK_EQUAL(w.count, want["network"] + want["networks"] + want["networking"]);
    }
  }
  // In context: the match with what surrounds it, at most width either side.
  auto places = word_places(p, raw, "networks");
  BOOST_REQUIRE(!places.empty());
  auto ctx = in_context(p, places, 12);
  BOOST_REQUIRE_EQUAL(ctx.size(), places.size());
  for (std::size_t i = 0; i < ctx.size(); ++i) {
    BOOST_CHECK_EQUAL(ctx[i].match, places[i].text);
    BOOST_CHECK_LE(ctx[i].before.size(), 12U);
    BOOST_CHECK_LE(ctx[i].after.size(), 12U);
    auto t = m.texts.at(places[i].document_name);
    std::replace(t.begin(), t.end(), '\n', ' ');
    BOOST_CHECK(t.find(ctx[i].before + ctx[i].match + ctx[i].after) != std::string::npos);
  }
}

BOOST_AUTO_TEST_CASE(a_project_keeps_its_own_stop_words) {
  Model m;
  auto p = m.open();
  auto language = stop_words(p);
  BOOST_REQUIRE(std::find(language.begin(), language.end(), "the") != language.end());
  BOOST_CHECK(!has_own_stop_words(p));
  auto has = [&p](const std::string& stem) { // a word of the group, by its stem
    for (const auto& w : word_frequencies(p, {}))
      if (w.stem == stem)
        return true;
    return false;
  };
  BOOST_REQUIRE(has("network"));
  auto own = language;
  own.push_back("Network");
  own.push_back("networks");
  own.push_back("networking");
  own.erase(std::find(own.begin(), own.end(), "the"));
  set_stop_words(p, own);
  BOOST_CHECK(has_own_stop_words(p));
  BOOST_CHECK(!has("network"));
  BOOST_CHECK(has("the"));
  BOOST_CHECK_EQUAL(*undo_name(p), "Set the project's stop words (" +
                                       std::to_string(language.size() + 2) + " words)");
  BOOST_CHECK_THROW(set_stop_words(p, {"two words"}), InputError);
  BOOST_CHECK(!has("network")); // the refused list changed nothing
  undo(p);
  BOOST_CHECK(has("network"));
  BOOST_CHECK(!has_own_stop_words(p));
  set_stop_words(p, {"network"});
  set_stop_words(p, {}); // back to the language's
  BOOST_CHECK(!has_own_stop_words(p));
  BOOST_CHECK(stop_words(p) == language);
}

BOOST_AUTO_TEST_CASE(query_results_are_coded_as_a_new_code_in_one_step) {
  Model m;
  auto p = m.open();
  auto hits = coding_query(p, "Purpose OR Time");
  BOOST_REQUIRE(hits.size() > 2);
  std::vector<DocumentRange> ranges;
  for (const auto& h : hits)
    ranges.push_back({h.document_id, h.start, h.end});
  auto before = count_codings(p);
  auto r = code_ranges(p, ranges, "Found/Purpose or time", "'Purpose OR Time'", true);
  BOOST_CHECK(r.created);
  BOOST_CHECK_EQUAL(r.ranges, static_cast<std::int64_t>(hits.size())); // query hits are merged
  BOOST_CHECK_EQUAL(count_codings(p), before + r.ranges);
  BOOST_CHECK(coding_query(p, "\"Found/Purpose or time\"").size() == hits.size());
  BOOST_CHECK_EQUAL(*undo_name(p), "Code " + std::to_string(hits.size()) +
                                       " results of 'Purpose OR Time' as Found/Purpose or time "
                                       "(new code)");
  undo(p);
  BOOST_CHECK(!try_find_code(p, "Found"));
  BOOST_CHECK_EQUAL(count_codings(p), before);
  // Refusals change nothing.
  auto gen = p.generation();
  BOOST_CHECK_THROW(code_ranges(p, ranges, m.codes.front(), "q", true), InputError);
  BOOST_CHECK_THROW(code_ranges(p, {}, "Empty", "q"), InputError);
  BOOST_CHECK_THROW(code_ranges(p, ranges, "  ", "q"), InputError);
  auto bad = ranges;
  bad.back().end = 1 << 30;
  BOOST_CHECK_THROW(code_ranges(p, bad, "Too far", "q"), InputError);
  BOOST_CHECK(!try_find_code(p, "Too far"));
  BOOST_CHECK_EQUAL(p.generation(), gen);
  // Without must_be_new an existing code takes the ranges.
  auto existing = code_ranges(p, ranges, m.codes.front(), "q");
  BOOST_CHECK(!existing.created);
}

BOOST_AUTO_TEST_CASE(agreement_by_sentence_counts_each_sentence_once_per_code) {
  Model m;
  auto p = m.open();
  AgreementOptions o;
  o.coder_a = "ann";
  o.coder_b = "bob";
  o.unit = AgreementUnit::Sentence;
  for (const auto& d : list_documents(p))
    o.documents.push_back(d.id);
  auto r = compute_agreement(p, o);
  BOOST_REQUIRE(!r.codes.empty());
  std::int64_t sentences = 0;
  for (const auto& d : list_documents(p))
    sentences += static_cast<std::int64_t>(sentence_ranges(document_text(p, d.id)).size());
  for (const auto& c : r.codes)
    BOOST_CHECK_EQUAL(c.figures.units, sentences);
  BOOST_CHECK_EQUAL(to_string(r.unit), "sentence");
  BOOST_CHECK(agreement_unit_from_string("sentences") == AgreementUnit::Sentence);
  // A disagreement is a sentence coded by one coder only.
  for (const auto& d : r.disagreements)
    BOOST_CHECK(d.coded_by == "ann" || d.coded_by == "bob");
}

BOOST_AUTO_TEST_SUITE_END()
