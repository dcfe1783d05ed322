#pragma once
// Merging another project into this one (File > Merge, `quire merge`):
// documents matched by their text, codes by GUID then path, cases by name;
// codings added with their coder; nothing of either side lost; what differs
// is kept as this project has it and reported as a conflict. One undoable
// step; the other project is only read.
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>

#include "quire/base/error.h"
#include "quire/base/progress.h"
#include "quire/ingest/exchange.h"

namespace quire {
class Project;

struct MergeOptions {
  bool dry_run = false; ///< work out the report, then change nothing
};

/// How many things of one kind were added, matched or in conflict.
struct MergeCounts {
  std::int64_t added = 0, matched = 0, conflicts = 0;
};

struct MergeReport {
  std::string action_name; ///< the undo step's name: "Merge 'ben.quire'"
  bool dry_run = false;
  ExchangeReport items; ///< every item added, matched or in conflict, and the codings
  /// By kind ("code", "source", "case", "coding", "note", "user", "attribute",
  /// "value"); codings are counted in items (added, matched, merged).
  std::map<std::string, MergeCounts> counts;
  std::int64_t conflicts() const { return static_cast<std::int64_t>(items.conflicts.size()); }
};

/// A merge refused before anything was read or changed. what() is a whole
/// sentence; reason() lets a front end word it its own way.
class MergeRefused : public InputError {
public:
  enum class Reason {
    IntoItself, ///< the other project is this project's own file
  };
  MergeRefused(Reason reason, const std::string& what) : InputError(what), m_reason(reason) {}
  Reason reason() const { return m_reason; }

private:
  Reason m_reason;
};

/// Merges the Quire project other into into. Throws MergeRefused (merging a
/// project into itself), StorageError from opening other (its kind says
/// why: not a project, newer, damaged, ...), Cancelled when progress asks,
/// InputError for inconsistent data; in every case into is left as it was.
MergeReport merge_project(Project& into, const std::filesystem::path& other,
                          const MergeOptions& opt = {}, Progress& progress = no_progress());

/// Merges a project already read into plain data (a REFI-QDA project read by
/// an importer), as merge_project does; source_name names the step.
MergeReport merge_project_data(Project& into, const ProjectData& data,
                               const std::string& source_name, const MergeOptions& opt = {},
                               Progress& progress = no_progress());

} // namespace quire
