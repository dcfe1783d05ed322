#pragma once
// Private: the checks of a project file that run through SQLite (see check.h).
#include <filesystem>
#include <optional>
#include <string>

#include "store/db_p.h"

namespace quire::detail {

/// When SQLite reported damage: whether the file is shorter than its own
/// header says (read through SQLite's open file, never a descriptor of ours)
/// and no -wal file holds the rest. The message when it is, else nullopt.
std::optional<std::string> truncation(Db& db, const std::filesystem::path& file);

/// The check run on every open: SQLite has read the header and the schema;
/// this reads the last row of every table (the pages on the way to it) and
/// the rows Quire needs. Throws StorageError (Damaged) naming what failed.
void quick_check(Db& db, const std::filesystem::path& file);

} // namespace quire::detail
