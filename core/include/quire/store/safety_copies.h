#pragma once
// Safety copies: before a destructive or bulk action (deleting a document,
// deleting a code with its codings or subcodes, merging a project in,
// replacing an import, an import of more than 1,000 passages, restoring a
// copy) Quire keeps a consistent copy of the project, made through SQLite's
// online backup from the open connection. Copies live in NAME.quire.safety/
// next to the project and roll: the newest safety_copies_kept are kept, and
// older ones go when all of them together are larger than the size cap.
// See docs/reliability.md ("Safety copies").
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "quire/base/error.h"

namespace quire {
class Project;

/// The copy could not be made (disk full, folder not writable). The action
/// it was to precede was refused: nothing was changed.
class SafetyCopyError : public StorageError {
public:
  using StorageError::StorageError;
};

/// One safety copy in a project's safety folder.
struct SafetyCopy {
  std::filesystem::path
      file;           ///< ".../study.quire.safety/2026-12-07T13-05-22 Delete code Purpose.quire"
  std::string name;   ///< the file's name (what `quire restore` takes)
  std::string time;   ///< when it was made, ISO 8601 UTC ("2026-12-07T13:05:22Z")
  std::string action; ///< the action it preceded ("Delete code 'Purpose'")
  std::uintmax_t size = 0;     ///< bytes
  std::string quire_version;   ///< of the Quire that made it ("" when unknown)
  int schema = 0;              ///< project format (PRAGMA user_version) of the copy
  std::int64_t generation = 0; ///< the project's generation when it was copied
};

/// How many copies are kept at most (the newest).
constexpr int safety_copies_kept = 10;
/// Beyond the newest safety_copies_always_kept, older copies are removed while
/// all copies together exceed max(safety_copies_size_factor x the project's
/// size, safety_copies_min_cap bytes).
constexpr int safety_copies_always_kept = 2;
constexpr int safety_copies_size_factor = 5;
constexpr std::uintmax_t safety_copies_min_cap = 256ull << 20; // 256 MiB

/// The folder where a project's safety copies live: NAME.quire.safety/.
std::filesystem::path safety_folder(const std::filesystem::path& project_file);

/// Keeps a safety copy of the project as it is now, named for `action` (the
/// name of the action about to run), then rolls old copies off. Returns the
/// copy, or nullopt when none was needed: inside an action (the outer action
/// kept one), or when the project holds nothing to lose (no document, code,
/// case or memo). Throws SafetyCopyError when the copy cannot be made and
/// safety copies are required (the default); otherwise returns nullopt.
std::optional<SafetyCopy> keep_safety_copy(Project& p, const std::string& action);

/// Whether a failed safety copy refuses the action (true, the default) or
/// lets it go on without one (for this open project only).
void set_safety_copy_required(Project& p, bool required);

/// The project's safety copies, oldest first.
std::vector<SafetyCopy> list_safety_copies(const std::filesystem::path& project_file);

/// A copy of this project by its file name, its path, or its number in the
/// list newest first ("1" is the newest). Throws NotFoundError.
SafetyCopy find_safety_copy(const std::filesystem::path& project_file, const std::string& which);

/// Removes the oldest copies beyond `keep`, then beyond the newest
/// safety_copies_always_kept while the copies total more than max_bytes.
/// Returns how many were removed.
int roll_safety_copies(const std::filesystem::path& project_file, int keep,
                       std::uintmax_t max_bytes);

/// Brings a safety copy back into the open project: first keeps a safety
/// copy of the current state ("Restore the copy kept before ..."), then replaces the
/// content through SQLite's online backup (other programs see one ordinary
/// change, and that everything changed). The undo history becomes the
/// copy's. Returns the "before restore" copy (nullopt if there was nothing to
/// keep). Throws InputError when the file is not a copy Quire can restore
/// (not a project, damaged, from a newer Quire); nothing changes then.
std::optional<SafetyCopy> restore_safety_copy(Project& p, const std::filesystem::path& copy);

} // namespace quire
