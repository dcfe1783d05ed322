#pragma once
// Private: the search index's Xapian state. Only core's search_*.cpp files
// include this.
#include <xapian.h>

#include <memory>
#include <set>
#include <string>

#include "search_index.h"

namespace quire {

/// Term prefixes of the index (Xapian's conventions where they exist).
namespace term {
inline const std::string passage = "Q";  ///< unique id
inline const std::string document = "D"; ///< document id
inline const std::string doc_name = "N"; ///< folded document name
inline const std::string kind = "K";
inline const std::string case_ = "C"; ///< folded case name
inline const std::string speaker = "S";
inline const std::string question = "XQ";
inline const std::string attribute = "XA"; ///< folded "name=value"
inline const std::string code = "XC";      ///< code id (and every ancestor's)
inline const std::string coder = "XU";
} // namespace term

/// Value slot of an attribute (numbers sortable-serialised, dates as ISO text).
inline Xapian::valueno attribute_slot(Id attribute_id) {
  return 100 + static_cast<Xapian::valueno>(attribute_id);
}

/// A boolean term, folded and cut to Xapian's term length limit.
std::string make_term(const std::string& prefix, const std::string& value);

struct SearchIndex::Impl {
  Project& project;
  std::filesystem::path folder;
  std::string language;
  std::unique_ptr<Xapian::WritableDatabase> db;
  int listener = 0;

  explicit Impl(Project& p) : project(p) {}
  Xapian::Stem stemmer() const;
  /// Re-indexes these documents' passages (none: all), then stamps the generation.
  void index_documents(const std::vector<Id>& documents, Progress& progress);
  /// After a change of codings only: rewrites the code and coder terms of
  /// these documents' passages whose terms differ (text terms stay) — only
  /// passages under the changed codings, unless one was deleted — then stamps.
  void update_coding_terms(const std::vector<Id>& documents, const std::set<Id>& changed);
  void stamp();
};

/// Turns the user's query into a Xapian query (throws InputError).
Xapian::Query parse_query(const SearchIndex::Impl& impl, const std::string& text,
                          std::string* corrected);
/// Fills a hit's document, case, speaker, codes and hit offsets.
SearchHit describe_hit(const SearchIndex::Impl& impl, Id passage_id, const Xapian::Enquire& enquire,
                       const Xapian::MSetIterator& it, const Xapian::MSet& mset,
                       const std::vector<std::string>& wildcard_prefixes);

} // namespace quire
