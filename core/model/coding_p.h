#pragma once
// Private: merging codings, shared by coding and code merging.
#include "quire/model/coding.h"
#include "store/db_p.h"

namespace quire::detail {

/// Merges every coding of the same document, code and coder that touches or
/// overlaps coding `id` into it. Returns the merged range and count.
CodeResult merge_touching(Db& db, Id id);

} // namespace quire::detail
