#pragma once
// Undo and redo of every mutating action, kept in the project file so it
// survives closing and reopening.
#include <optional>
#include <string>
#include <vector>

#include "types.h"

namespace quire {
class Project;

struct HistoryEntry {
  Id id = 0;
  std::string name; ///< "Code 'R014' as Purpose/Sceptical"
  std::string time; ///< ISO 8601 UTC
  bool undone = false;
};

/// Undoes the last action; returns its name, or nullopt when there is none.
std::optional<std::string> undo(Project& p);
/// Redoes the last undone action; returns its name, or nullopt.
std::optional<std::string> redo(Project& p);
/// Name of the action undo() would undo, if any.
std::optional<std::string> undo_name(const Project& p);
/// Name of the action redo() would redo, if any.
std::optional<std::string> redo_name(const Project& p);
/// All recorded actions, oldest first (undone ones flagged).
std::vector<HistoryEntry> history(const Project& p);

} // namespace quire
