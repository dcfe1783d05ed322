#pragma once
// Importing a codebook (a list of codes with their descriptions, colours and
// memos) into the project's codebook: codes are matched by path, never
// added twice. Reading the file is an importer's job
// (importers/codebook_reader.h); this plans and stores what was read.
#include <cstdint>
#include <string>
#include <vector>

#include "quire/base/types.h"

namespace quire {
class Project;

struct CodebookEntry {
  std::vector<std::string> path; ///< names from the top: {"Purpose", "Sceptical"}
  std::string color;             ///< "#rrggbb", or "" (kept / picked)
  std::string description;       ///< "" leaves an existing code's description as it is
  std::string memo;              ///< "" for none; else added as a memo of the code
  std::string where;             ///< where the entry is, for messages: "row 4", "line 7"
};

struct CodebookSource {
  std::string file; ///< for messages
  std::vector<CodebookEntry> entries;
  std::vector<std::string> notes; ///< what the reader noticed, for the user
};

struct CodebookChange {
  enum class Kind { Add, Update, Same } kind = Kind::Add;
  std::string path; ///< as the codebook shows it: "Purpose/Sceptical"
  std::string what; ///< for updates: "colour, description"; for adds: "" (or "parent")
};

/// What an import does (or, on a dry run, would do), in the file's order.
struct CodebookPreview {
  std::vector<CodebookChange> changes;
  std::int64_t added = 0, updated = 0, unchanged = 0;
};

/// Merges the entries into the codebook as one undoable action: a code whose
/// path exists (names compared exactly, then ignoring case) is updated with
/// the colour and description the file gives (where they differ), a memo is
/// added to it unless it already has one with that text; other codes are
/// added, with missing parents. A path twice in the file is taken once (the
/// later entry's fields win). An invalid colour or name throws InputError
/// naming the file and entry; nothing is changed then. `dry_run`: only says
/// what would be done.
CodebookPreview import_codebook(Project& p, const CodebookSource& source, bool dry_run = false);

} // namespace quire
