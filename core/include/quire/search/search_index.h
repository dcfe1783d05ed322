#pragma once
// Full-text search over every passage: a Xapian index kept in a folder next
// to the project file (NAME.quire.index). It is derived data: missing, stale
// or damaged, it is rebuilt; it follows every action, undo and redo.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "quire/base/progress.h"
#include "quire/base/types.h"

namespace quire {
class Project;

struct SearchHit {
  Id passage_id = 0;
  Id document_id = 0;
  std::string document_name;
  std::int64_t start = 0, end = 0; ///< the passage, code points in the document
  std::string case_name;
  std::string speaker;
  std::string question;
  std::optional<std::int64_t> start_ms;
  std::vector<std::string> codes; ///< paths of codes whose codings overlap the passage
  std::string snippet;            ///< with hits between « and »
  std::vector<std::pair<std::int64_t, std::int64_t>>
      hits; ///< matched words, code points in the document
  double weight = 0;
  std::optional<Id> coding_id; ///< within-coded searches: the coding that matched
};

struct SearchResults {
  std::int64_t estimated_total = 0;
  std::vector<SearchHit> hits;
  std::string corrected_query; ///< a spelling suggestion, when one is better
};

struct SearchOptions {
  int limit = 20;
  int offset = 0;
  /// Search only the text of this code's codings (with subcodes).
  std::optional<Id> within_code;
};

/// What coding from a search codes: the words taking part in each match,
/// the sentences or paragraphs that match the query by themselves, or the
/// whole passage (paragraph, speaker turn or survey answer).
enum class AutocodeUnit { Hit, Sentence, Passage, Paragraph };

/// A passage a query matches and the stretches of it, of one unit, that
/// match the query by themselves (code points in the document).
struct UnitMatches {
  Id passage_id = 0;
  Id document_id = 0;
  std::vector<std::pair<std::int64_t, std::int64_t>> ranges;
};

/// The index never stops the project from opening, coding or undoing: it
/// is brought up to date before each search and after each action, undo
/// and redo (also those of other programs on the project), and when that
/// fails (a full disk, a damaged or unwritable folder) the project goes on;
/// the index is repaired on a later try and the problem is told once
/// (take_problem). Several programs may use one index at once: queries
/// read a read-only view; updates take turns on a lock file next to the
/// project (NAME.quire.index.lock). See docs/search.md.
class SearchIndex {
public:
  /// Opens the index of p, building it or catching it up (with progress)
  /// when it is missing, stale or damaged, and keeps it in sync with p's
  /// changes until destroyed. p must outlive the index. Throws only
  /// Cancelled (the user stopped a build): an index that cannot be built
  /// is left for later (take_problem says why; search throws).
  static std::unique_ptr<SearchIndex> open(Project& p, Progress& progress = no_progress());
  /// The folder an index of this project lives in.
  static std::filesystem::path folder_for(const std::filesystem::path& project_file);
  /// The lock file writers of the index take turns on.
  static std::filesystem::path lock_file_for(const std::filesystem::path& project_file);
  ~SearchIndex();

  /// Rebuilds the whole index from the project. Throws StorageError when
  /// it cannot be written (the index is then left as it was).
  void rebuild(Progress& progress = no_progress());
  /// How many passages are indexed.
  std::int64_t size() const;

  /// Runs a query (Xapian syntax plus code:, doc:, case:, speaker:, question:,
  /// coder:, kind:, attr:Name=Value and attr:Name:lo..hi). Throws InputError
  /// for a bad query (unbalanced quotes, unknown prefix or code), and
  /// StorageError when the index is behind the project and cannot be
  /// brought up to date (saying why).
  SearchResults search(const std::string& query, const SearchOptions& options = {}) const;

  /// Every passage the query matches, with its stretches of `unit` that
  /// match the query by themselves: a sentence (or paragraph) only when its
  /// own words satisfy the whole query (a phrase's words in order, NEAR's
  /// within the window, none of NOT's; filters are the passage's); for
  /// Hit, the words taking part in the match (the whole passage when the
  /// query has only filters). Passages with no such stretch are left out.
  /// Throws as search().
  std::vector<UnitMatches> match_units(const std::string& query, AutocodeUnit unit) const;

  /// Passages most like the given ones and not coded with exclude_code.
  std::vector<SearchHit> similar(const std::vector<Id>& passage_ids, std::optional<Id> exclude_code,
                                 int limit = 20) const;

  /// A problem keeping the index up to date (after an action, or on open)
  /// not told yet, as one line for a person; empty when none. Each problem
  /// is returned once.
  std::string take_problem();
  /// Where updates after an action tell that they wait for another
  /// program's update of the index (null: nowhere). progress must outlive
  /// the index.
  void report_to(Progress* progress);

  struct Impl;

private:
  explicit SearchIndex(std::unique_ptr<Impl> impl);
  SearchResults search_once(const std::string& query, const SearchOptions& options) const;
  std::vector<UnitMatches> match_units_once(const std::string& query, AutocodeUnit unit) const;
  std::vector<SearchHit> similar_once(const std::vector<Id>& passage_ids,
                                      std::optional<Id> exclude_code, int limit) const;
  std::unique_ptr<Impl> m_impl;
};

/// Passages overlapping a coding (for "find similar" from a coding or code).
std::vector<Id> passages_of_coding(const Project& p, Id coding_id);
std::vector<Id> passages_of_code(const Project& p, Id code_id);

struct AutocodeResult {
  std::int64_t passages = 0; ///< passages with something to code
  std::int64_t ranges = 0;   ///< ranges coded (or that would be)
};

/// Codes every hit of a query — the words taking part in each match, the
/// sentences or paragraphs that match the query by themselves, or the whole
/// passage (see SearchIndex::match_units) — as one undoable action;
/// dry_run only counts.
AutocodeResult autocode(Project& p, const SearchIndex& index, const std::string& query, Id code_id,
                        AutocodeUnit unit, bool dry_run);

} // namespace quire
