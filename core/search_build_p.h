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

#include "cases.h"
#include "project.h"

namespace quire {

/// What the index holds about one passage, gathered from the project.
struct IndexItem {
  Xapian::docid id = 0;
  std::string text;
  std::vector<std::string> terms; ///< boolean filter terms
  std::vector<std::pair<Xapian::valueno, std::string>> values;
};

/// The project-wide facts a passage's terms come from, read once per build.
struct IndexFacts {
  std::unordered_map<Id, std::optional<Id>> code_parent;
  std::unordered_map<Id, std::string> case_name;
  std::unordered_map<Id, std::vector<std::pair<Attribute, Value>>> case_values;
  std::unordered_map<Id, std::string> question_name;
};

IndexFacts load_index_facts(const Project& p);

/// Appends every passage of one document as index items; false when the
/// document is gone.
bool collect_items(const Project& p, const IndexFacts& facts, Id doc_id,
                   std::vector<IndexItem>& out);

/// Word counts for the spelling table, added once per word at the end.
using SpellingCounts = std::unordered_map<std::string, Xapian::termcount>;

/// A term generator as every path of the index sets it up; with db, it adds
/// each word to db's spelling table as it goes.
Xapian::TermGenerator index_term_generator(const Xapian::Stem& stem, Xapian::WritableDatabase* db);

/// Writes one passage. With spelling, its words are counted there instead
/// (for the caller to add to the spelling table once per word).
void write_item(Xapian::TermGenerator& tg, Xapian::WritableDatabase& db, const IndexItem& it,
                SpellingCounts* spelling = nullptr);

/// The stemmer's language for Xapian::Stem: language, or "none" when Xapian
/// has no stemmer for it.
std::string stem_language(const std::string& language);

} // namespace quire
