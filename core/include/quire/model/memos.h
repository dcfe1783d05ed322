#pragma once
// Memos: free text on the project, a document, a code, a coding or a case.
#include <optional>
#include <string>
#include <vector>

#include "quire/base/types.h"

namespace quire {
class Project;

/// Adds a memo; target_id is required except for MemoTarget::Project.
Id add_memo(Project& p, MemoTarget target, std::optional<Id> target_id, const std::string& text,
            const std::string& title = {});
void edit_memo(Project& p, Id memo_id, const std::string& text);
void delete_memo(Project& p, Id memo_id);
/// Memos, optionally only of one target kind / object.
std::vector<Memo> list_memos(const Project& p, std::optional<MemoTarget> target = {},
                             std::optional<Id> target_id = {});
Memo get_memo(const Project& p, Id memo_id); ///< throws NotFoundError

} // namespace quire
