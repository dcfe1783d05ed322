#pragma once
// Private: the search index's Xapian state. Only core's search_*.cpp files
// include this.
#include <xapian.h>

#include <chrono>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "quire/base/error.h"
#include "quire/base/platform.h"
#include "quire/search/search_index.h"
#include "quire/store/project.h"

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

/// The one boundary between Quire and Xapian: runs f and turns whatever
/// Xapian (or the file system) throws into a quire::StorageError that says
/// what could not be done (`doing`, e.g. "updated") and why, in words for
/// a person (a full disk, a damaged index, ...). Quire's own errors pass
/// through unchanged. Every call into Xapian from a public entry point of
/// the search index goes through here.
template <class F> auto xapian_call(const char* doing, F&& f) -> decltype(f());
/// The message for a Xapian error (see xapian_call).
std::string describe_index_error(const char* doing, const Xapian::Error& e);
std::string describe_index_error(const char* doing, const std::exception& e);

/// The lock writers of one project's index take in turn (flock on
/// NAME.quire.index.lock, never on the project file itself).
class IndexLock {
public:
  explicit IndexLock(std::filesystem::path file) : m_file(std::move(file)) {}
  ~IndexLock();
  IndexLock(const IndexLock&) = delete;
  /// Waits up to `bound` for the lock (telling progress after a few
  /// seconds); false when another program kept it all that time. Throws
  /// StorageError when the lock file cannot be made.
  bool acquire(Progress& progress, std::chrono::milliseconds bound);
  void release();
  bool held() const { return m_held; }

private:
  std::filesystem::path m_file;
  platform::LockFile m_lock; ///< the lock file, open once asked for
  bool m_held = false;
};

struct SearchIndex::Impl {
  Project& project;
  std::filesystem::path folder;
  /// A read-only project whose index folder cannot be written: the index is
  /// built in a temporary folder for this run, removed when it closes.
  bool temporary = false;
  std::string language;
  /// For queries: a read-only view, reopened when the index changed.
  std::unique_ptr<Xapian::Database> reader;
  /// The folder's inode when `reader` was opened: a rebuild swaps in a new
  /// folder, which needs a new reader rather than a reopen().
  std::uint64_t reader_inode = 0;
  /// Open only while this program updates the index, under `lock`.
  std::unique_ptr<Xapian::WritableDatabase> db;
  IndexLock lock;
  int listener = 0;
  /// Where waiting for another program's update is told (may be null).
  Progress* reporter = nullptr;
  /// How long a writer waits for another program's update before leaving
  /// the index stale (QUIRE_INDEX_WAIT_MS sets another, for tests).
  std::chrono::milliseconds wait_bound{120000};
  /// Each code's parent as last indexed (a moved code changes its codings' terms).
  std::unordered_map<Id, std::optional<Id>> code_parent;
  /// The last problem updating the index, not yet told (see take_problem).
  std::string problem;
  /// The problems already told, so each is told once.
  std::set<std::string> told;

  /// Whether this program wrote the index since it was opened (then it is
  /// synced and marked so on close: see search_sync.cpp).
  bool changed = false;

  explicit Impl(Project& p);
  /// Removes a temporary index (with its lock file).
  ~Impl();
  /// Opens (or creates) the writable database at folder, written without fsync.
  void open_db();
  /// Notes that the index is about to change: no longer marked as synced.
  void changing();
  Xapian::Stem stemmer() const;
  /// Makes `reader` show the latest committed index (opening it, reopening
  /// it, or opening the folder a rebuild swapped in) and reads its stamp;
  /// false when there is no readable index.
  bool refresh_reader();
  bool open_reader();
  /// Whether the reader's index (as last refreshed) is this project's, in
  /// this Quire's format and language, and trusted to be whole on disk.
  bool reader_usable() const;
  /// The generation the reader's index reflects (-1 when unknown).
  std::int64_t reader_generation() const;
  bool reader_ok = false;
  std::int64_t reader_stamp = -1;
  /// Whether the last open_reader() may have moved to another revision.
  bool reader_moved = true;
  /// Brings the index up to the project's generation: applies the changes
  /// journalled since its stamp, or rebuilds it. Writers take turns on the
  /// lock; false when another program kept it past the wait bound (the
  /// index is then left stale). Throws StorageError when the index cannot
  /// be written.
  /// `patient`: wait up to wait_bound for the lock; otherwise give up at
  /// once when another program holds it (it is updating the index).
  bool catch_up(Progress& progress, bool force_rebuild = false, bool patient = true);
  /// catch_up() for the listener run after COMMIT: never throws; a failure
  /// is kept as the problem to tell. Only this program's own changes wait
  /// for the lock: another program's are indexed by that program.
  void catch_up_quietly(const ChangeSet& change) noexcept;
  void note_problem(const std::string& message);
  /// Builds the whole index afresh on every core (search_parallel.cpp),
  /// stamped with the generation read before the project was read.
  void build_all(Progress& progress);
  /// Re-indexes these documents' passages.
  void index_documents(const std::vector<Id>& documents, Progress& progress);
  /// Rewrites only the code and coder terms of these documents' passages
  /// whose codings changed.
  /// With `changed` (the codings an action added or changed, all still
  /// there), only passages under them or indexed with their codes are
  /// looked at; without it, every coded passage of the documents.
  void refresh_codings(const std::vector<Id>& documents, const std::set<Id>* changed = nullptr);
  /// Rewrites only the case and attribute terms and values of the passages
  /// of these cases (by a passage's own case, else its document's), leaving
  /// out those in `reindexed` documents (already indexed afresh).
  void refresh_cases(const std::set<Id>& cases, const std::set<Id>* reindexed = nullptr);
  /// Whether a code indexed before now has another parent (the parents as
  /// indexed are kept in the index), noting the current parents.
  bool codes_moved();
  /// Whether these documents hold most of the project's passages (and
  /// thousands of them): re-indexing them is then slower than a build.
  bool most_passages_in(const std::vector<Id>& documents) const;
  /// Applies committed changes to the open writable index. Idempotent:
  /// applying a change the index already holds changes nothing. True when
  /// it rebuilt the index (then stamped by the build).
  bool follow(const ChangeSet& change);
  /// Before a query: brings the index up to date when it is behind (unless
  /// inside an action) and makes `reader` show it. Throws StorageError when
  /// there is no usable index, saying why.
  void prepare_query();
  /// Records that the index holds every change up to `generation`, and commits.
  void stamp(std::int64_t generation);
};

template <class F> auto xapian_call(const char* doing, F&& f) -> decltype(f()) {
  try {
    return f();
  } catch (const Error&) {
    throw;
  } catch (const Xapian::Error& e) {
    throw StorageError(describe_index_error(doing, e));
  } catch (const std::bad_alloc&) {
    throw StorageError(std::string("the search index could not be ") + doing +
                       ": not enough memory");
  } catch (const std::exception& e) {
    throw StorageError(describe_index_error(doing, e));
  }
}

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

/// A word of a passage's text: as the index holds it, and where it is
/// (code points, relative to the text).
struct WordToken {
  std::string word;
  std::int64_t start = 0, end = 0;
};
/// The words of text (letters, digits, inner apostrophes), numbered from 0
/// in order as the index numbers their positions.
std::vector<WordToken> tokenize_words(std::string_view text);

/// Whether, and by which words, a stretch of one passage (a sentence, a
/// paragraph, the whole) matches a query by itself: the query's tree is
/// evaluated on the stretch's words with Xapian's semantics (words as
/// written, synonyms for other forms of a stem, phrases and ADJ in order,
/// NEAR, wildcards, AND, OR, NOT). Filters (code:, attr:, ...) hold for the
/// whole passage and are asked of the index. One matcher per passage.
class QueryMatcher {
public:
  QueryMatcher(const Xapian::Database& db, Xapian::docid passage, Xapian::Query query)
      : m_db(db), m_passage(passage), m_query(std::move(query)) {}
  /// The words taking part in the match of tokens [first, last) (code
  /// points, relative to the passage); nullopt when they do not match.
  std::optional<std::vector<std::pair<std::int64_t, std::int64_t>>>
  match(const std::vector<WordToken>& tokens, std::size_t first, std::size_t last) const;

private:
  struct Stretch;
  bool passage_has_term(const std::string& term) const;
  bool passage_has(const Xapian::Query& q) const;
  const Xapian::Database& m_db;
  Xapian::docid m_passage;
  Xapian::Query m_query;
  mutable std::unordered_map<std::string, bool> m_known;
};

/// Turns the user's query into a Xapian query (throws InputError).
Xapian::Query parse_query(const SearchIndex::Impl& impl, const std::string& text,
                          std::string* corrected);
/// Fills a hit's document, case, speaker, codes and hit offsets (the words
/// taking part in the match of `query` in the passage). codes: the
/// project's codes (list_codes, read once per search).
SearchHit describe_hit(const SearchIndex::Impl& impl, Id passage_id, const Xapian::Query& query,
                       const Xapian::MSetIterator& it, const Xapian::MSet& mset,
                       const std::vector<Code>& codes);

} // namespace quire
