#pragma once
// `quire check` / a check of a project from the desktop: the whole file's
// integrity (SQLite's integrity_check and foreign keys), the undo history and
// the change journal, and the search index where one is open. Each problem
// says what it is and what to do.
#include <filesystem>
#include <string>
#include <vector>

#include "quire/base/progress.h"

namespace quire {

class Project;
class SearchIndex;
class StorageError;

struct CheckProblem {
  std::string check;   ///< which check found it: "file", "foreign keys", "undo", "journal", "index"
  std::string message; ///< what is wrong and what to do
};

struct CheckReport {
  std::vector<std::string> checks; ///< the checks that ran, in order
  std::vector<CheckProblem> problems;
  bool ok() const { return problems.empty(); }
};

/// SQLite's quick check of every page of p's file (about half a second for
/// 100,000 survey answers; `quire info` runs it). Throws StorageError
/// (Damaged) naming the first problems when it finds any.
void verify_pages(const Project& p);
/// Checks p (read only: nothing is changed). Cancellable between checks.
CheckReport check_project(const Project& p, Progress& progress = no_progress());
/// The report for a file Project::open refused with why: that reason, and
/// for a damaged file what SQLite's integrity check finds in it.
CheckReport check_unopened(const std::filesystem::path& file, const StorageError& why);
/// Adds the search index's check to report: it holds every passage of p.
void check_search_index(const Project& p, const SearchIndex& index, CheckReport& report);

} // namespace quire
