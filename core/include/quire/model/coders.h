#pragma once
// Several coders in one project: who coded what, and whose codings the
// views show. The current coder is Project::coder().
#include <cstdint>
#include <string>
#include <vector>

namespace quire {
class Project;

struct CoderSummary {
  std::string name;
  std::string guid;
  std::int64_t codings = 0, documents = 0, codes = 0, memos = 0;
  std::string first_coded, last_coded; ///< ISO 8601 times ("" without codings)
  bool current = false;                ///< the coder new codings are made as
  bool shown = true;                   ///< listings show this coder's codings
};

/// Every coder with what they coded, by name.
std::vector<CoderSummary> coder_summaries(const Project& p);

/// The coders whose codings listings show; empty when every coder's are.
std::vector<std::string> shown_coders(const Project& p);
/// Shows only these coders' codings (empty: everyone's). An undoable
/// setting of the project; throws NotFoundError for an unknown coder.
void set_shown_coders(Project& p, const std::vector<std::string>& names);

} // namespace quire
