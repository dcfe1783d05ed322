#pragma once
// Private: the search index's Xapian state. Only core's search_*.cpp files
// include this.
#include <xapian.h>

#include <memory>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

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
  /// Each code's parent as last indexed (a moved code changes its codings' terms).
  std::unordered_map<Id, std::optional<Id>> code_parent;

  explicit Impl(Project& p) : project(p) {}
  Xapian::Stem stemmer() const;
  /// Builds the whole index afresh on both cores (search_build.cpp).
  void build_all(Progress& progress);
  /// Re-indexes these documents' passages, then stamps the generation.
  void index_documents(const std::vector<Id>& documents, Progress& progress);
  /// Rewrites only the code and coder terms of these documents' passages
  /// whose codings changed, then stamps the generation.
  /// With `changed` (the codings an action added or changed, all still
  /// there), only passages under them or indexed with their codes are
  /// looked at; without it, every coded passage of the documents.
  void refresh_codings(const std::vector<Id>& documents, const std::set<Id>* changed = nullptr);
  /// Whether a code indexed before now has another parent (and notes the
  /// current parents).
  bool codes_moved();
  /// Brings the index up to date with one committed action.
  void follow(const ChangeSet& change);
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
