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

#include "progress.h"
#include "types.h"

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
  std::vector<std::string> codes;  ///< paths of codes whose codings overlap the passage
  std::string snippet;             ///< with hits between « and »
  std::vector<std::pair<std::int64_t, std::int64_t>> hits; ///< matched words, code points in the document
  double weight = 0;
  std::optional<Id> coding_id;     ///< within-coded searches: the coding that matched
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

class SearchIndex {
public:
  /// Opens the index of p, building or rebuilding it (with progress) when it
  /// is missing, stale or damaged, and keeps it in sync with p's actions
  /// until destroyed. p must outlive the index.
  static std::unique_ptr<SearchIndex> open(Project& p, Progress& progress = no_progress());
  /// The folder an index of this project lives in.
  static std::filesystem::path folder_for(const std::filesystem::path& project_file);
  ~SearchIndex();

  /// Rebuilds the whole index from the project.
  void rebuild(Progress& progress = no_progress());
  /// How many passages are indexed.
  std::int64_t size() const;

  /// Runs a query (Xapian syntax plus code:, doc:, case:, speaker:, question:,
  /// coder:, kind:, attr:Name=Value and attr:Name:lo..hi). Throws InputError
  /// for a bad query (unbalanced quotes, unknown prefix or code).
  SearchResults search(const std::string& query, const SearchOptions& options = {}) const;

  /// Passages most like the given ones and not coded with exclude_code.
  std::vector<SearchHit> similar(const std::vector<Id>& passage_ids, std::optional<Id> exclude_code,
                                 int limit = 20) const;

  struct Impl;

private:
  explicit SearchIndex(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> m_impl;
};

/// Passages overlapping a coding (for "find similar" from a coding or code).
std::vector<Id> passages_of_coding(const Project& p, Id coding_id);
std::vector<Id> passages_of_code(const Project& p, Id code_id);

enum class AutocodeUnit { Hit, Sentence, Passage };

struct AutocodeResult {
  std::int64_t passages = 0; ///< passages with hits
  std::int64_t ranges = 0;   ///< ranges coded (or that would be)
};

/// Codes every hit of a query — the matched words, the sentence around each,
/// or the whole passage — as one undoable action; dry_run only counts.
AutocodeResult autocode(Project& p, const SearchIndex& index, const std::string& query, Id code_id,
                        AutocodeUnit unit, bool dry_run);

} // namespace quire
