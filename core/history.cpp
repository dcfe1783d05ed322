// Undo and redo: replaying the inverse statements the triggers recorded.
#include "history.h"

#include <vector>

#include "error.h"
#include "project_p.h"

namespace quire {

namespace {

std::optional<std::pair<std::int64_t, std::string>> find_step(const detail::Db& cdb,
                                                              bool for_undo) {
  auto& d = const_cast<detail::Db&>(cdb);
  auto s = d.prepare(
      for_undo ? "SELECT id, name FROM undo_step WHERE NOT undone ORDER BY id DESC LIMIT 1"
               : "SELECT id, name FROM undo_step WHERE undone ORDER BY id ASC LIMIT 1");
  if (!s.step()) {
    return std::nullopt;
  }
  return std::make_pair(s.i64(0), s.str(1));
}

/// Replays phase `from` of a step backwards while recording phase `to`.
std::optional<std::string> replay(Project& p, bool is_undo) {
  auto& d = detail::db(p);
  if (p.impl().action_depth > 0) {
    throw Error("cannot undo or redo in the middle of an action");
  }
  // The write lock first, then which step is next: two programs undoing at
  // once must not both pick the same step.
  d.exec("BEGIN IMMEDIATE");
  std::optional<std::pair<std::int64_t, std::string>> step;
  try {
    step = find_step(d, is_undo);
  } catch (...) {
    d.exec("ROLLBACK");
    throw;
  }
  if (!step) {
    d.exec("ROLLBACK");
    return std::nullopt;
  }
  const char* from = is_undo ? "u" : "r";
  const char* to = is_undo ? "r" : "u";
  ChangeSet c;
  std::vector<ChangeSet> changes;
  try {
    d.exec("PRAGMA defer_foreign_keys = ON");
    std::vector<std::string> sqls;
    {
      auto s = d.prepare("SELECT sql FROM undo_log WHERE step = ? AND phase = ? ORDER BY seq DESC");
      s.bind(1, step->first).bind(2, from);
      while (s.step()) {
        sqls.push_back(s.str(0));
      }
    }
    d.prepare("DELETE FROM undo_log WHERE step = ? AND phase = ?")
        .bind(1, step->first)
        .bind(2, to)
        .run();
    d.prepare("UPDATE undo_state SET recording = 1, step = ?, phase = ?")
        .bind(1, step->first)
        .bind(2, to)
        .run();
    for (const auto& sql : sqls) {
      d.exec(sql);
    }
    d.exec("UPDATE undo_state SET recording = 0");
    d.prepare("DELETE FROM undo_log WHERE step = ? AND phase = ?")
        .bind(1, step->first)
        .bind(2, from)
        .run();
    d.prepare("UPDATE undo_step SET undone = ? WHERE id = ?")
        .bind(1, is_undo ? 1 : 0)
        .bind(2, step->first)
        .run();
    c = detail::changes_of_step(d, step->first, to);
    c.undo_or_redo = true;
    changes = detail::record_change(p, std::move(c), step->first);
    d.exec("COMMIT");
  } catch (...) {
    d.exec("ROLLBACK");
    throw;
  }
  detail::tell_changes(p, changes);
  return step->second;
}

} // namespace

std::optional<std::string> undo(Project& p) {
  return replay(p, true);
}
std::optional<std::string> redo(Project& p) {
  return replay(p, false);
}

std::optional<std::string> undo_name(const Project& p) {
  auto s = find_step(detail::db(p), true);
  return s ? std::optional(s->second) : std::nullopt;
}

std::optional<std::string> redo_name(const Project& p) {
  auto s = find_step(detail::db(p), false);
  return s ? std::optional(s->second) : std::nullopt;
}

std::vector<HistoryEntry> history(const Project& p) {
  std::vector<HistoryEntry> out;
  auto s = detail::db(p).prepare("SELECT id, name, time, undone FROM undo_step ORDER BY id");
  while (s.step()) {
    out.push_back({s.i64(0), s.str(1), s.str(2), s.i64(3) != 0});
  }
  return out;
}

} // namespace quire
