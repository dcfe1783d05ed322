#pragma once
// A Quire project: one SQLite file (NAME.quire). Every user action is one
// transaction, recorded for undo; there is no "save".
#include <filesystem>
#include <functional>
#include <memory>
#include <set>
#include <string>

#include "quire/base/progress.h"
#include "quire/base/types.h"

namespace quire {

/// What one committed action (or an undo/redo) changed, for views and the
/// search index to refresh. Derived from the undo log, so it is complete.
struct ChangeSet {
  std::set<std::string> tables; ///< tables touched: "coding", "code", "document", ...
  std::set<Id> documents;       ///< documents whose passages or codings changed
  std::set<Id> codings;         ///< codings added, changed or deleted (views update just these)
  /// Cases whose name or attribute values changed (their passages' search
  /// terms change). Complete unless cases_unknown.
  std::set<Id> cases;
  /// Some change to cases or their values is not listed in `cases` (a
  /// change journalled by an older Quire, or too many cases to list).
  bool cases_unknown = false;
  bool undo_or_redo = false;
  /// Made by another program (or another connection) on this project, and
  /// read from the project's change journal.
  bool external = false;
  /// Too much or too long ago to tell apart: treat everything as changed.
  bool everything = false;
  /// The project's generation after this change (0 when unknown).
  std::int64_t generation = 0;
  bool empty() const { return tables.empty() && !everything; }
  /// Adds what other changed to this one (the later generation wins).
  void merge(const ChangeSet& other);
};

class Project {
public:
  /// The schema version this build writes (PRAGMA user_version).
  static constexpr int schema_version = 6;

  /// Creates a new, empty project file. Throws StorageError if it exists.
  static Project create(const std::filesystem::path& file);

  enum class Access {
    ReadWrite, ///< the normal way: every action is saved as it is done
    ReadOnly,  ///< read, search and export only; the file is never written
  };
  /// Opens an existing project, migrating an older schema forward (after a
  /// backup copy), and runs a quick check of it (see check.h). Every look at
  /// the file goes through SQLite. Throws StorageError (with its kind) for a
  /// missing, non-Quire, damaged or truncated file, one written by a newer
  /// Quire, or (ReadWrite) one that cannot be written.
  static Project open(const std::filesystem::path& file, Access access = Access::ReadWrite);

  Project(Project&&) noexcept;
  Project& operator=(Project&&) noexcept;
  ~Project();

  const std::filesystem::path& path() const;
  /// Opened with Access::ReadOnly: every action throws StorageError (ReadOnly).
  bool read_only() const;
  /// The project's GUID (REFI-QDA needs one).
  std::string guid() const;
  /// The version of Quire that made the file (as 2.0.1); "" for a file made
  /// by a Quire older than project format 4, which did not record it.
  std::string created_by() const;
  /// The version of Quire that last changed the file: stamped by every
  /// committed change (and by bringing an older file to this format).
  std::string written_by() const;

  /// A project setting ("language", "coder", ...), or fallback when unset.
  std::string setting(const std::string& key, const std::string& fallback = {}) const;
  /// Stores a setting (an undoable action).
  void set_setting(const std::string& key, const std::string& value);

  /// The coder whose name new codings carry: set_session_coder(), else
  /// $QUIRE_CODER, else the "coder" setting, else $USER, else "default".
  std::string coder() const;
  /// Overrides the coder for this open project only (CLI --coder, GUI).
  void set_session_coder(const std::string& name);

  /// Tells progress (once per wait) when a change has waited a few seconds
  /// for another program writing to the project; nullptr: nobody. Changes
  /// wait their turn up to two minutes, then fail as busy, changing nothing.
  void report_waits_to(Progress* progress);

  /// Called after each committed action, undo and redo.
  using Listener = std::function<void(const ChangeSet&)>;
  int subscribe(Listener l);
  void unsubscribe(int token);

  /// A counter bumped by every committed change (each is journalled under
  /// its generation); the index stores the generation it reflects, so a
  /// stale index is detected and caught up.
  std::int64_t generation() const;

  /// Tells listeners what other programs committed to this project since
  /// this one last looked (each ChangeSet marked external); returns whether
  /// there was anything. Cheap when nothing changed: views call it on a timer.
  bool poll_changes();

  struct Impl;
  Impl& impl() const { return *m_impl; }

private:
  explicit Project(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> m_impl;
};

} // namespace quire
