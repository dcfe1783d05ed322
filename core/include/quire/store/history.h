#pragma once
// Undo and redo of every mutating action, kept in the project file so it
// survives closing and reopening. Undo is per coder: each coder undoes and
// redoes their own steps (steps from files older than coders in the history
// belong to everyone).
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "quire/base/error.h"
#include "quire/base/types.h"

namespace quire {
class Project;

namespace detail {
class Action;
}

/// Undo or redo refused because another coder's later step changed the same
/// rows (undoing this one would overwrite or delete their work). Nothing was
/// changed.
class UndoConflict : public InputError {
public:
  UndoConflict(const std::string& message, std::string coder, std::string step)
      : InputError(message), m_coder(std::move(coder)), m_step(std::move(step)) {}
  /// The later step's coder ("" for a step from before coders were recorded).
  const std::string& coder() const { return m_coder; }
  /// The later step's name.
  const std::string& step() const { return m_step; }

private:
  std::string m_coder, m_step;
};

struct HistoryEntry {
  Id id = 0;
  std::string name; ///< "Code 'R014' as Purpose/Sceptical"
  std::string time; ///< ISO 8601 UTC
  bool undone = false;
  std::string coder; ///< who did it ("" for steps from before coders were recorded)
};

/// Undoes the acting coder's (Project::coder()) latest step; returns its
/// name, or nullopt when the coder has none. Throws UndoConflict (nothing
/// changed) when another coder's later step changed the same rows.
std::optional<std::string> undo(Project& p);
/// Redoes the acting coder's earliest undone step; returns its name, or
/// nullopt. Throws UndoConflict when another coder has since changed (or
/// undone a step that changed) the same rows.
std::optional<std::string> redo(Project& p);
/// Undoes the acting coder's steps from the latest back to and including
/// step `step` (an id from history()), newest first, each an ordinary undo
/// (redo() brings them back one by one); returns their names in that order.
/// All or nothing: when one would be refused (UndoConflict: another coder's
/// later step changed the same rows; it names the step and the coder),
/// nothing is undone. Throws InputError when the step is not the coder's,
/// is already undone or does not exist.
std::vector<std::string> undo_to(Project& p, Id step);
/// Name of the step undo() would undo for the acting coder, if any.
std::optional<std::string> undo_name(const Project& p);
/// Name of the step redo() would redo for the acting coder, if any.
std::optional<std::string> redo_name(const Project& p);
/// All recorded steps of every coder, oldest first (undone ones flagged).
std::vector<HistoryEntry> history(const Project& p);

/// Makes several operations one user action: everything done until commit()
/// is one transaction and one undo step named `name` (the operations' own
/// steps join it). Destroyed without commit(), it rolls back: the project is
/// exactly as before. Throws StorageError when the project is busy.
class UserAction {
public:
  UserAction(Project& p, const std::string& name);
  UserAction(const UserAction&) = delete;
  ~UserAction();
  /// Commits, then tells listeners what changed.
  void commit();

private:
  std::unique_ptr<detail::Action> m_action;
};

} // namespace quire
