#pragma once
// The codebook: a tree of codes (themes), addressed by path "Parent/Child".
#include <optional>
#include <string>
#include <vector>

#include "quire/base/types.h"

namespace quire {
class Project;

/// Splits "A/B\/C" into {"A", "B/C"}. Throws InputError on an empty segment.
std::vector<std::string> split_code_path(const std::string& path);
/// Joins names into a path, escaping '/' in names.
std::string join_code_path(const std::vector<std::string>& names);

/// All codes, depth-first in display order, with path and level filled in.
std::vector<Code> list_codes(const Project& p);
Code get_code(const Project& p, Id id); ///< throws NotFoundError
/// By path (case-sensitive, then case-insensitive); throws NotFoundError.
Code find_code(const Project& p, const std::string& path);
std::optional<Code> try_find_code(const Project& p, const std::string& path);
/// The code and all its descendants' ids.
std::vector<Id> code_subtree(const Project& p, Id code_id);

/// Adds a code at path, creating missing parents. Throws InputError if it
/// exists. color "#rrggbb" or empty (one is picked).
Id add_code(Project& p, const std::string& path, const std::string& color = {},
            const std::string& description = {});
/// Returns the code at path, creating it (and parents) when missing,
/// within the caller's action if one is open, else as its own action.
Id ensure_code(Project& p, const std::string& path);
void rename_code(Project& p, Id id, const std::string& new_name);
void set_code_color(Project& p, Id id, const std::string& color);
void set_code_description(Project& p, Id id, const std::string& description);
/// Moves a code under new_parent (nullopt: top level). Refuses cycles and
/// name clashes.
void move_code(Project& p, Id id, std::optional<Id> new_parent);
/// Merges source into target: codings move to target (overlapping ones of
/// one coder merge), children move under target, source is deleted.
void merge_codes(Project& p, Id source, Id target);

struct DeleteCodeReport {
  int codes = 0;   ///< codes deleted (the code and its descendants)
  int codings = 0; ///< codings deleted with them
};
/// Deletes a code. A code with codings or children needs force=true, which
/// deletes its descendants and their codings too; no other code or coding is
/// touched. Undoable. Throws InputError without force when needed.
DeleteCodeReport delete_code(Project& p, Id id, bool force);

/// Counts per code for the codebook view.
struct CodeCounts {
  Id code_id = 0;
  std::int64_t codings = 0, documents = 0, cases = 0;
};
std::vector<CodeCounts> code_counts(const Project& p);

} // namespace quire
