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

#include "project.h"
#include "search_index.h"

namespace quire {

/// Term prefixes of the index (Xapian's conventions where they exist).
namespace term {
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

/// What a number or date attribute value holds in its slot: numbers
/// sortable-serialised, dates as ISO text. The index and the attr: filter
/// both go through this, so a query's value meets the indexed one.
inline std::string slot_value(const Value& v) {
  return v.type == AttrType::Number ? Xapian::sortable_serialise(v.number) : v.text;
}

/// A boolean term, folded and cut to Xapian's term length limit.
std::string make_term(const std::string& prefix, const std::string& value);

struct SearchIndex::Impl {
  Project& project;
  std::filesystem::path folder;
  /// A read-only project whose index folder cannot be written: the index is
  /// built in a temporary folder for this run, removed when it closes.
  bool temporary = false;
  std::string language;
  std::unique_ptr<Xapian::WritableDatabase> db;
  int listener = 0;
  /// Each code's parent as last indexed (a moved code changes its codings' terms).
  std::unordered_map<Id, std::optional<Id>> code_parent;

  /// Whether the index was written since it was opened (then synced and
  /// marked so on close: see search_sync.cpp).
  bool changed = false;

  explicit Impl(Project& p) : project(p) {}
  /// Opens (or creates) the database at folder, written without fsync.
  void open_db();
  /// Notes that the index is about to change: no longer marked as synced.
  void changing();
  Xapian::Stem stemmer() const;
  /// Builds the whole index afresh on every core (search_parallel.cpp).
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
  /// Whether these documents hold most of the project's passages (and
  /// thousands of them): re-indexing them is then slower than a build.
  bool most_passages_in(const std::vector<Id>& documents) const;
  /// Brings the index up to date with one committed action.
  void follow(const ChangeSet& change);
  void stamp();
};

/// This boot of the machine (empty where unknown: the index is then synced
/// on every commit).
const std::string& boot_id();
/// Whether the index in folder can be trusted to be whole on disk: closed
/// cleanly at this generation, or written since the machine started.
bool index_on_disk(const std::filesystem::path& folder, const std::string& generation,
                   const std::string& written_in_boot);
/// Before the first write after opening: the index is no longer marked synced.
void index_changing(const std::filesystem::path& folder);
/// After closing: syncs the index's files and marks them synced at generation.
void index_synced(const std::filesystem::path& folder, const std::string& generation);

/// Turns the user's query into a Xapian query (throws InputError).
Xapian::Query parse_query(const SearchIndex::Impl& impl, const std::string& text,
                          std::string* corrected);
/// Fills a hit's document, case, speaker, codes and hit offsets. codes:
/// the project's codes (list_codes, read once per search).
SearchHit describe_hit(const SearchIndex::Impl& impl, Id passage_id, const Xapian::Enquire& enquire,
                       const Xapian::MSetIterator& it, const Xapian::MSet& mset,
                       const std::vector<std::string>& wildcard_prefixes,
                       const std::vector<Code>& codes);

} // namespace quire
