#pragma once
// Private: what every path that writes the search index shares (the terms
// of a passage, the term generator, writing one passage). Only core's
// search_*.cpp files include this.
#include <xapian.h>

#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "quire/model/cases.h"
#include "quire/store/project.h"

namespace quire {

/// What the index holds about one passage, gathered from the project.
struct IndexItem {
  Xapian::docid id = 0;
  std::string text;
  std::vector<std::string> terms; ///< boolean filter terms
  std::vector<std::pair<Xapian::valueno, std::string>> values;
};

/// The filter terms and values a case gives its passages.
struct CaseTerms {
  std::vector<std::string> terms; ///< the case's name, each attribute value
  std::vector<std::pair<Xapian::valueno, std::string>> values;
};

/// The project-wide facts a passage's terms come from, read once per build.
struct IndexFacts {
  std::unordered_map<Id, std::optional<Id>> code_parent;
  std::unordered_map<Id, CaseTerms> cases;
  std::unordered_map<Id, std::string> question_term;
};

IndexFacts load_index_facts(const Project& p);

/// Appends every passage of one document as index items; false when the
/// document is gone.
bool collect_items(const Project& p, const IndexFacts& facts, Id doc_id,
                   std::vector<IndexItem>& out);

/// The words of the passages written, each with how often it occurs.
using SpellingCounts = std::unordered_map<std::string, Xapian::termcount>;

/// A term generator as every path of the index sets it up: the words as
/// written, with positions (no stemmed terms: see add_words).
Xapian::TermGenerator index_term_generator();

/// Writes one passage, counting its words in `words`.
void write_item(Xapian::TermGenerator& tg, Xapian::WritableDatabase& db, const IndexItem& it,
                SpellingCounts& words);

/// Adds words to the spelling table, and each to the forms of its stem,
/// kept in the synonym table under word_forms_key(stem). The query parser
/// stems a query word and expands it with those forms (FLAG_AUTO_SYNONYMS
/// looks the stemmed term up): the index holds the words as written, with
/// positions, and no stemmed terms, so a build writes about half the terms
/// (how Recoll stems, too). Phrases, NEAR and wildcards match words as
/// written.
void add_words(Xapian::WritableDatabase& db, const SpellingCounts& words, const Xapian::Stem& stem);

/// The synonym-table key listing the words of a stem: the stemmed term the
/// query parser makes of a word ("Z" + stem; never a word, words are lower
/// case).
std::string word_forms_key(const std::string& stem);

/// The stemmer's language for Xapian::Stem: language, or "none" when Xapian
/// has no stemmer for it.
std::string stem_language(const std::string& language);

} // namespace quire
