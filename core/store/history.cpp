// Undo and redo: replaying the inverse statements the triggers recorded,
// each coder through their own steps, refusing when another coder's later
// step changed the same rows.
#include "quire/store/history.h"

#include <map>
#include <unordered_set>
#include <vector>

#include "quire/base/error.h"
#include "store/project_p.h"

namespace quire {

namespace {

struct Step {
  std::int64_t id = 0;
  std::string name;
  std::int64_t done_at = 0;
};

/// The step undo (or redo) would act on for `coder`: their latest step
/// still done (or earliest undone). Steps without a coder (from files older
/// than coders in the history) belong to everyone.
std::optional<Step> find_step(const detail::Db& cdb, bool for_undo, const std::string& coder) {
  auto& d = const_cast<detail::Db&>(cdb);
  auto s = d.prepare(for_undo ? "SELECT id, name, done_at FROM undo_step WHERE NOT undone "
                                "AND (coder IS NULL OR coder = ?) ORDER BY id DESC LIMIT 1"
                              : "SELECT id, name, done_at FROM undo_step WHERE undone "
                                "AND (coder IS NULL OR coder = ?) ORDER BY id ASC LIMIT 1");
  s.bind(1, coder);
  if (!s.step()) {
    return std::nullopt;
  }
  return Step{s.i64(0), s.str(1), s.i64(2)};
}

/// A table of the undo log in the words of the front ends.
const char* row_word(std::string_view tbl) {
  if (tbl == "coding") {
    return "coding";
  }
  if (tbl == "code") {
    return "code";
  }
  if (tbl == "memo") {
    return "memo";
  }
  if (tbl == "case_" || tbl == "case_value" || tbl == "attribute") {
    return "case";
  }
  if (tbl == "setting") {
    return "setting";
  }
  if (tbl == "coder") {
    return "coder name";
  }
  return "document"; // document, document_text, passage, question, import_log
}

/// Another coder's step done, undone or redone after `step` was last.
struct Later {
  std::int64_t id = 0;
  std::string name, coder;
  bool undone = false;
};

/// Which rows (table -> row ids) steps touched.
using RowSet = std::map<std::string, std::unordered_set<std::int64_t>, std::less<>>;

/// How often a step changed state (was done, undone or redone) after
/// generation `after`, from the change journal; nullopt when the journal no
/// longer reaches back that far.
std::optional<std::int64_t> changes_after(detail::Db& d, std::int64_t step, std::int64_t after) {
  auto first = d.prepare("SELECT min(generation) FROM change_journal");
  if (!first.step() || first.is_null(0) || first.i64(0) > after + 1) {
    return std::nullopt;
  }
  auto s = d.prepare("SELECT count(*) FROM change_journal WHERE step = ? AND generation > ?");
  s.bind(1, step).bind(2, after);
  s.step();
  return s.i64(0);
}

/// The later steps of other coders that undoing (or redoing) `step` could
/// overwrite, latest first. Undo: those in effect that were done after it
/// (they sit on top of it). Redo: those whose state (done or undone) is not
/// what it was when this one was undone, so the rows are not as they were
/// then: changed an odd number of times since (or too long ago to tell).
/// (One coder's own steps stay in order by themselves.)
std::vector<Later> later_steps(detail::Db& d, const Step& step, bool is_undo,
                               const std::string& coder) {
  std::vector<Later> out;
  auto s = d.prepare("SELECT id, name, coalesce(coder, ''), undone FROM undo_step "
                     "WHERE done_at > ? AND id != ? AND (coder IS NULL OR coder != ?) "
                     "ORDER BY done_at DESC");
  s.bind(1, step.done_at).bind(2, step.id).bind(3, coder);
  while (s.step()) {
    Later l{s.i64(0), s.str(1), s.str(2), s.i64(3) != 0};
    bool matters = !l.undone;
    if (!is_undo) {
      auto n = changes_after(d, l.id, step.done_at);
      matters = !n || *n % 2 == 1;
    }
    if (matters) {
      out.push_back(std::move(l));
    }
  }
  return out;
}

void add_rows(detail::Db& d, std::int64_t step, const char* phase, RowSet& rows) {
  auto s = d.prepare("SELECT tbl, rid FROM undo_log WHERE step = ? AND phase = ?");
  s.bind(1, step).bind(2, phase);
  std::unordered_set<std::int64_t>* set = nullptr;
  std::string last;
  while (s.step()) {
    if (!set || s.view(0) != last) {
      last = s.view(0);
      set = &rows[last];
    }
    if (!s.is_null(1)) {
      set->insert(s.i64(1));
    }
  }
}

[[noreturn]] void refuse(const Step& step, bool is_undo, const Later& l, const std::string& what,
                         bool needs_it) {
  std::string msg =
      std::string("cannot ") + (is_undo ? "undo" : "redo") + " \u201c" + step.name + "\u201d: ";
  if (l.undone) {
    msg += (l.coder.empty() ? std::string("someone") : l.coder) + " has since undone \u201c" +
           l.name + "\u201d, which changed the same " + what +
           "; redo that first, or leave this one undone";
  } else {
    msg += (l.coder.empty() ? std::string("the later step") : l.coder + "'s later step") +
           " \u201c" + l.name + "\u201d " +
           (needs_it ? "made a " + what + " that needs it" : "changed the same " + what) +
           "; undo that first, or leave this one" + (is_undo ? "" : " undone");
  }
  throw UndoConflict(msg, l.coder, l.name);
}

/// Throws UndoConflict when one of the later steps touched one of rows.
void check_overlap(detail::Db& d, const Step& step, bool is_undo, const std::vector<Later>& later,
                   const RowSet& rows) {
  for (const auto& l : later) {
    // A coder's name row is shared by all their codings: name what the user
    // sees (the coding) when there is more than that.
    std::string what;
    auto s = d.prepare("SELECT tbl, rid FROM undo_log WHERE step = ?");
    s.bind(1, l.id);
    while (s.step()) {
      auto it = rows.find(s.view(0));
      if (it != rows.end() && !s.is_null(1) && it->second.count(s.i64(1))) {
        what = row_word(s.view(0));
        if (s.view(0) != "coder") {
          break;
        }
      }
    }
    if (!what.empty()) {
      refuse(step, is_undo, l, what, false);
    }
  }
}

/// The latest step of another coder than `coder` (not `skip`) that touched
/// row rid of table tbl.
std::optional<Later> last_toucher(detail::Db& d, const std::string& tbl, std::int64_t rid,
                                  std::int64_t skip, const std::string& coder) {
  auto s = d.prepare("SELECT s.id, s.name, coalesce(s.coder, ''), s.undone FROM undo_log l "
                     "JOIN undo_step s ON s.id = l.step WHERE l.tbl = ? AND l.rid = ? "
                     "AND s.id != ? AND (s.coder IS NULL OR s.coder != ?) "
                     "ORDER BY s.done_at DESC LIMIT 1");
  s.bind(1, tbl).bind(2, rid).bind(3, skip).bind(4, coder);
  if (!s.step()) {
    return std::nullopt;
  }
  return Later{s.i64(0), s.str(1), s.str(2), s.i64(3) != 0};
}

/// After a COMMIT refused for a broken reference, with the transaction still
/// open: says whose step made the row that needs what this step removes (a
/// coding of the code an undone "Add code" would remove), or removed what a
/// row this step brings back needs (the code of a coding being redone).
[[noreturn]] void explain_broken_reference(detail::Db& d, const Step& step, bool is_undo,
                                           const std::string& coder) {
  struct Broken {
    std::string tbl, parent;
    std::int64_t rid, fk;
  };
  std::vector<Broken> broken;
  {
    auto s =
        d.prepare("SELECT \"table\", rowid, parent, fkid FROM pragma_foreign_key_check LIMIT 5");
    while (s.step()) {
      if (!s.is_null(1)) {
        broken.push_back({s.str(0), s.str(2), s.i64(1), s.i64(3)});
      }
    }
  }
  for (const auto& b : broken) {
    if (auto l = last_toucher(d, b.tbl, b.rid, step.id, coder)) {
      refuse(step, is_undo, *l, row_word(b.tbl), true);
    }
    // The row is this step's own: who removed what it refers to?
    std::string column;
    {
      auto s = d.prepare("SELECT \"from\" FROM pragma_foreign_key_list(?) WHERE id = ?");
      s.bind(1, b.tbl).bind(2, b.fk);
      if (s.step()) {
        column = s.str(0);
      }
    }
    if (column.empty()) {
      continue;
    }
    auto s = d.prepare("SELECT \"" + column + "\" FROM \"" + b.tbl + "\" WHERE rowid = ?");
    s.bind(1, b.rid);
    if (s.step() && !s.is_null(0)) {
      if (auto l = last_toucher(d, b.parent, s.i64(0), step.id, coder)) {
        refuse(step, is_undo, *l, row_word(b.parent), false);
      }
    }
  }
  throw InputError(std::string("cannot ") + (is_undo ? "undo" : "redo") + " \u201c" + step.name +
                   "\u201d: later changes depend on it; nothing was changed");
}

/// Inside an open write transaction: replays phase `from` of `step`
/// backwards while recording phase `to`, refusing (UndoConflict) when
/// another coder's later work is in the way. Returns the changes to tell
/// after COMMIT.
std::vector<ChangeSet> replay_step(Project& p, const Step& step, bool is_undo,
                                   const std::string& coder) {
  auto& d = detail::db(p);
  const char* from = is_undo ? "u" : "r";
  const char* to = is_undo ? "r" : "u";
  // Whether another coder's later work is in the way: the rows the step
  // would change, and those the replay changes through cascades too
  // (undoing an import deletes the codings made on its documents since).
  auto later = later_steps(d, step, is_undo, coder);
  if (!later.empty()) {
    RowSet rows;
    add_rows(d, step.id, from, rows);
    check_overlap(d, step, is_undo, later, rows);
  }
  d.exec("PRAGMA defer_foreign_keys = ON");
  std::vector<std::string> sqls;
  {
    auto s = d.prepare("SELECT sql FROM undo_log WHERE step = ? AND phase = ? ORDER BY seq DESC");
    s.bind(1, step.id).bind(2, from);
    while (s.step()) {
      sqls.push_back(s.str(0));
    }
  }
  d.prepare("DELETE FROM undo_log WHERE step = ? AND phase = ?").bind(1, step.id).bind(2, to).run();
  d.prepare("UPDATE undo_state SET recording = 1, step = ?, phase = ?")
      .bind(1, step.id)
      .bind(2, to)
      .run();
  for (const auto& sql : sqls) {
    d.exec(sql);
  }
  d.exec("UPDATE undo_state SET recording = 0");
  if (!later.empty()) {
    RowSet rows;
    add_rows(d, step.id, to, rows);
    check_overlap(d, step, is_undo, later, rows);
  }
  d.prepare("DELETE FROM undo_log WHERE step = ? AND phase = ?")
      .bind(1, step.id)
      .bind(2, from)
      .run();
  d.prepare("UPDATE undo_step SET undone = ? WHERE id = ?")
      .bind(1, is_undo ? 1 : 0)
      .bind(2, step.id)
      .run();
  auto c = detail::changes_of_step(d, step.id, to);
  c.undo_or_redo = true;
  return detail::record_change(p, std::move(c), step.id);
}

/// Rolls back the open transaction, if any.
void roll_back(detail::Db& d) {
  if (sqlite3_get_autocommit(d.raw()) == 0) {
    d.exec("ROLLBACK");
  }
}

/// Replays phase `from` of a step backwards while recording phase `to`.
std::optional<std::string> replay(Project& p, bool is_undo) {
  auto& d = detail::db(p);
  if (p.impl().action_depth > 0) {
    throw Error("cannot undo or redo in the middle of an action");
  }
  const auto coder = p.coder();
  // The write lock first, then which step is next: two programs undoing at
  // once must not both pick the same step.
  d.exec("BEGIN IMMEDIATE");
  std::optional<Step> step;
  try {
    step = find_step(d, is_undo, coder);
  } catch (...) {
    d.exec("ROLLBACK");
    throw;
  }
  if (!step) {
    d.exec("ROLLBACK");
    return std::nullopt;
  }
  std::vector<ChangeSet> changes;
  try {
    changes = replay_step(p, *step, is_undo, coder);
    try {
      d.exec("COMMIT");
    } catch (const InputError&) {
      if (sqlite3_get_autocommit(d.raw()) == 0) {
        explain_broken_reference(d, *step, is_undo, coder); // rolled back below
      }
      throw;
    }
  } catch (...) {
    roll_back(d);
    throw;
  }
  detail::tell_changes(p, changes);
  return step->name;
}

/// Whether rows still refer to rows that are gone (checked at COMMIT under
/// defer_foreign_keys).
bool broken_references(detail::Db& d) {
  int now = 0;
  int high = 0;
  sqlite3_db_status(d.raw(), SQLITE_DBSTATUS_DEFERRED_FKS, &now, &high, 0);
  return now != 0;
}

} // namespace

std::optional<std::string> undo(Project& p) {
  return replay(p, true);
}
std::optional<std::string> redo(Project& p) {
  return replay(p, false);
}

std::vector<std::string> undo_to(Project& p, Id step_id) {
  auto& d = detail::db(p);
  if (p.impl().action_depth > 0) {
    throw Error("cannot undo or redo in the middle of an action");
  }
  const auto coder = p.coder();
  d.exec("BEGIN IMMEDIATE");
  std::vector<std::string> names;
  std::vector<ChangeSet> changes;
  const auto seen = p.impl().seen_generation;
  try {
    {
      auto s = d.prepare("SELECT name, undone, coalesce(coder, '') FROM undo_step WHERE id = ?");
      s.bind(1, step_id);
      if (!s.step()) {
        throw InputError("there is no step " + std::to_string(step_id) +
                         " in the project's history");
      }
      const auto name = s.str(0);
      const auto owner = s.str(2);
      if (s.i64(1) != 0) {
        throw InputError("\u201c" + name + "\u201d is already undone");
      }
      if (!owner.empty() && owner != coder) {
        throw InputError("\u201c" + name + "\u201d is " + owner + "'s step; " + coder +
                         " can undo only their own steps");
      }
    }
    // The coder's steps newest first, each an ordinary undo, all in one
    // transaction: one refused leaves everything as it was.
    while (auto step = find_step(d, true, coder)) {
      if (step->id < step_id) {
        break;
      }
      auto c = replay_step(p, *step, true, coder);
      if (broken_references(d)) {
        explain_broken_reference(d, *step, true, coder);
      }
      // Later record_change calls gather only what other programs did.
      for (const auto& one : c) {
        p.impl().seen_generation = std::max(p.impl().seen_generation, one.generation);
      }
      changes.insert(changes.end(), std::make_move_iterator(c.begin()),
                     std::make_move_iterator(c.end()));
      names.push_back(step->name);
    }
    d.exec("COMMIT");
  } catch (...) {
    p.impl().seen_generation = seen;
    roll_back(d);
    throw;
  }
  p.impl().seen_generation = seen;
  detail::tell_changes(p, changes);
  return names;
}

std::optional<std::string> undo_name(const Project& p) {
  auto s = find_step(detail::db(p), true, p.coder());
  return s ? std::optional(s->name) : std::nullopt;
}

std::optional<std::string> redo_name(const Project& p) {
  auto s = find_step(detail::db(p), false, p.coder());
  return s ? std::optional(s->name) : std::nullopt;
}

std::vector<HistoryEntry> history(const Project& p) {
  std::vector<HistoryEntry> out;
  auto s = detail::db(p).prepare(
      "SELECT id, name, time, undone, coalesce(coder, '') FROM undo_step ORDER BY id");
  while (s.step()) {
    out.push_back({s.i64(0), s.str(1), s.str(2), s.i64(3) != 0, s.str(4)});
  }
  return out;
}

UserAction::UserAction(Project& p, const std::string& name)
    : m_action(std::make_unique<detail::Action>(p, name)) {}

UserAction::~UserAction() = default;

void UserAction::commit() {
  m_action->commit();
}

} // namespace quire
