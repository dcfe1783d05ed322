#pragma once
// Coding many ranges at once (the results of a coding query, the places of
// a word) with one code, made when the codebook has none: one action and
// one undo step (Analysis > Coding Query's "Code Results As New Code",
// `quire query --code-as`).
#include <cstdint>
#include <string>
#include <vector>

#include "quire/base/types.h"

namespace quire {
class Project;

/// A stretch of one document, in code points.
struct DocumentRange {
  Id document_id = 0;
  std::int64_t start = 0, end = 0;
};

struct CodeRangesResult {
  Id code_id = 0;
  bool created = false;    ///< the code was made by this action
  std::int64_t ranges = 0; ///< ranges coded (after merging those that touch)
};

/// Codes every range with the code at code_path (made, with missing
/// parents, when the codebook has none) as the current coder, in one action
/// named "Code N results of WHAT as PATH"; what says where the ranges come
/// from ("'A AND B'"). With must_be_new, a code already at code_path is
/// refused (InputError). No ranges: InputError, nothing changes. A range
/// outside its document: InputError naming it, nothing changes.
CodeRangesResult code_ranges(Project& p, std::vector<DocumentRange> ranges,
                             const std::string& code_path, const std::string& what,
                             bool must_be_new = false);

} // namespace quire
