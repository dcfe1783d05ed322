// Team projects: publishing, joining, and the sync that sends this copy's
// queue and applies colleagues' changes in the server's order. See
// docs/teams.md for the design and its guarantees.
#include "quire/team/team.h"

#include <algorithm>
#include <map>
#include <set>

#include "quire/base/text.h"
#include "quire/store/project.h"
#include "store/project_p.h"
#include "team/local_p.h"
#include "team/server_schema_p.h"

namespace quire {

namespace {

using team::Pg;
using team::RowChange;

detail::Db& local_db(const Project& p) {
  return detail::db(p);
}

void require_team(const Project& p) {
  if (!team::has_local_team(local_db(p))) {
    throw TeamError(TeamError::Kind::NotTeamProject,
                    p.path().string() + " is not part of a team project.");
  }
}

std::string state_str(detail::Db& db, const char* col) {
  auto s = db.prepare(std::string("SELECT ") + col + " FROM team_state WHERE id = 1");
  return s.step() ? s.str(0) : std::string();
}

void note(detail::Db& db, const std::string& who, const std::string& what) {
  db.prepare("INSERT INTO team_note(time, who, what) VALUES (?, ?, ?)")
      .bind(1, now_iso())
      .bind(2, who)
      .bind(3, what)
      .run();
}

/// Runs fn in one write transaction of the file that is no user action (no
/// undo step, so nobody's redo is dropped).
template <class F> void in_transaction(detail::Db& db, F fn) {
  db.exec("BEGIN IMMEDIATE");
  try {
    fn();
    db.exec("COMMIT");
  } catch (...) {
    db.exec("ROLLBACK");
    throw;
  }
}

/// A change as the push functions take it: {"s":n,"t":tbl,"k":key,"o":op,"r":row}.
/// Tables and keys are our own names and GUIDs; rows are SQLite's JSON.
std::string push_json(const std::vector<RowChange>& changes) {
  std::string j = "[";
  for (const auto& c : changes) {
    if (j.size() > 1) {
      j += ',';
    }
    j += "{\"s\":" + std::to_string(c.seq) + ",\"t\":\"" + c.tbl + "\",\"k\":\"" + c.key +
         "\",\"o\":\"" + c.op + "\",\"r\":" + (c.row.empty() ? "null" : c.row) + "}";
  }
  return j + "]";
}

/// Applies server rows here, retrying those waiting for a row that comes
/// later; notes what could not be applied. The queue is off meanwhile.
void apply_all(detail::Db& db, std::vector<RowChange> changes) {
  team::set_applying(db, true);
  // Rows waiting for a row that comes later, or for a name a later change
  // frees, are tried again until no pass makes progress; then a name clash
  // is settled by naming the row for its author.
  bool may_rename = false;
  while (!changes.empty()) {
    std::vector<RowChange> waiting;
    for (auto& c : changes) {
      switch (team::apply_change(db, c, may_rename)) {
      case team::Applied::Waiting:
      case team::Applied::Clash: waiting.push_back(std::move(c)); break;
      case team::Applied::Renamed:
        note(db, c.author,
             "A " + std::string(c.tbl == "case_" ? "case" : c.tbl) + " of " + c.author +
                 " had the name of one here; it is kept beside it, named for " + c.author + ".");
        break;
      case team::Applied::Done:
      case team::Applied::Kept: break;
      }
    }
    if (waiting.size() == changes.size()) {
      if (!may_rename) {
        may_rename = true;
        continue;
      }
      for (const auto& c : waiting) {
        note(db, c.author,
             "A change of " + c.author + " to a " + c.tbl +
                 " was not applied here: what it belongs to (its document, code or coder) was "
                 "deleted.");
      }
      break;
    }
    may_rename = false;
    changes = std::move(waiting);
  }
  team::set_applying(db, false);
}

/// Sends the queue in batches; returns (sent, refused). Refused changes are
/// undone here by taking the server's row back.
std::pair<std::int64_t, std::int64_t> push(Project& p, Pg& pg) {
  auto& db = local_db(p);
  const std::string client = state_str(db, "client");
  std::int64_t sent = 0;
  std::int64_t refused = 0;
  for (;;) {
    auto batch = team::queued(db, 2000);
    if (batch.empty()) {
      break;
    }
    std::map<std::int64_t, const RowChange*> by_seq;
    for (const auto& c : batch) {
      by_seq[c.seq] = &c;
    }
    const std::string changes = push_json(batch);
    bool all_taken = false;
    try {
      pg.exec("SELECT quire.push_all($1, $2::jsonb)", {client, changes});
      all_taken = true;
    } catch (const TeamError& e) {
      if (e.kind() != TeamError::Kind::Refused) {
        throw;
      }
    }
    if (all_taken) {
      sent += static_cast<std::int64_t>(batch.size());
      in_transaction(db, [&] {
        db.prepare("DELETE FROM team_outbox WHERE seq <= ?").bind(1, batch.back().seq).run();
      });
      continue;
    }
    // Something was refused (the failed call took none of them): again,
    // each change on its own, so that the others are taken.
    auto r = pg.exec("SELECT client_seq, seq, refused FROM quire.push_many($1, $2::jsonb)",
                     {client, changes});
    std::vector<RowChange> take_back;
    for (int i = 0; i < r.rows(); ++i) {
      if (r.null(i, 2)) {
        ++sent;
        continue;
      }
      ++refused;
      const RowChange& c = *by_seq.at(r.i64(i, 0));
      note(db, pg.login(), "The server refused a change to a " + c.tbl + ": " + r.str(i, 2));
      auto back = pg.exec("SELECT row::text, author FROM quire.state WHERE tbl = $1 AND key = $2",
                          {c.tbl, c.key});
      RowChange b = c;
      b.op = back.rows() ? "put" : "del";
      b.row = back.rows() ? back.str(0, 0) : "";
      b.author = back.rows() ? back.str(0, 1) : "";
      take_back.push_back(std::move(b));
    }
    if (take_back.empty()) {
      in_transaction(db, [&] {
        db.prepare("DELETE FROM team_outbox WHERE seq <= ?").bind(1, batch.back().seq).run();
      });
      continue;
    }
    // What the server refused is undone here too, as a step of the team's.
    detail::Action a(p, "Changes the team server refused, undone");
    db.prepare("DELETE FROM team_outbox WHERE seq <= ?").bind(1, batch.back().seq).run();
    // Latest first, as undo goes: a coding goes before the coder it names.
    std::reverse(take_back.begin(), take_back.end());
    apply_all(db, std::move(take_back));
    a.commit();
  }
  return {sent, refused};
}

/// Applies a run of one author's changes as one step of theirs (so undo here
/// refuses to undo over it, naming them), with the cursor in the same
/// transaction: a kill leaves either all of it or none.
void apply_run(Project& p, const std::vector<RowChange>& run, std::int64_t cursor) {
  if (run.empty()) {
    auto& db = local_db(p);
    in_transaction(db,
                   [&] { db.prepare("UPDATE team_state SET cursor = ?").bind(1, cursor).run(); });
    return;
  }
  auto& impl = p.impl();
  const std::string mine = impl.session_coder;
  const std::string author = run.empty() ? std::string() : run.front().author;
  if (!author.empty()) {
    impl.session_coder = author;
  }
  try {
    detail::Action a(p, "Changes by " + (author.empty() ? std::string("the team") : author) + " (" +
                            std::to_string(run.size()) + ")");
    impl.session_coder = mine;
    apply_all(local_db(p), run);
    local_db(p).prepare("UPDATE team_state SET cursor = ?").bind(1, cursor).run();
    a.commit();
  } catch (...) {
    impl.session_coder = mine;
    throw;
  }
}

std::pair<std::int64_t, std::int64_t> pull(Project& p, Pg& pg) {
  auto& db = local_db(p);
  const std::string client = state_str(db, "client");
  std::int64_t cursor = std::stoll(state_str(db, "cursor"));
  std::int64_t received = 0;
  // Keys of ours the server rewrote in this sync: a later change of ours to
  // one (an undo that deleted the code it renamed) is applied after it too,
  // or the rewritten row would come back here alone.
  std::set<std::string> rewritten_keys;
  for (;;) {
    auto r = pg.exec("SELECT seq, author, client, tbl, key, op, coalesce(row::text, ''), "
                     "rewritten FROM quire.change WHERE seq > $1 ORDER BY seq LIMIT 5000",
                     {std::to_string(cursor)});
    if (r.rows() == 0) {
      break;
    }
    // Keys with a change of ours still queued: ours is newer and wins on the
    // server when sent, so theirs is not applied over it here.
    std::set<std::string> pending;
    {
      auto s = db.prepare("SELECT tbl || ' ' || key FROM team_outbox");
      while (s.step()) {
        pending.insert(s.str(0));
      }
    }
    std::vector<RowChange> batch;
    std::vector<RowChange> mine_rewritten;
    for (int i = 0; i < r.rows(); ++i) {
      RowChange c;
      c.seq = r.i64(i, 0);
      c.author = r.str(i, 1);
      c.client = r.str(i, 2);
      c.tbl = r.str(i, 3);
      c.key = r.str(i, 4);
      c.op = r.str(i, 5);
      c.row = r.str(i, 6);
      const bool rewritten = r.str(i, 7) == "t";
      if (pending.count(c.tbl + " " + c.key)) {
        continue; // overtaken by a change of ours not yet sent
      }
      if (c.client == client) {
        // Our own change is here already, unless the server rewrote it (a
        // name made unique): that is applied first, before a colleague's
        // row of the same name in this batch meets ours.
        if (rewritten || rewritten_keys.count(c.tbl + " " + c.key)) {
          rewritten_keys.insert(c.tbl + " " + c.key);
          mine_rewritten.push_back(std::move(c));
        }
        continue;
      }
      batch.push_back(std::move(c));
    }
    if (!mine_rewritten.empty()) {
      apply_run(p, mine_rewritten, cursor);
    }
    std::vector<RowChange> run;
    for (auto& c : batch) {
      if (!run.empty() && run.back().author != c.author) {
        apply_run(p, run, run.back().seq);
        run.clear();
      }
      ++received;
      run.push_back(std::move(c));
    }
    cursor = r.i64(r.rows() - 1, 0);
    apply_run(p, run, cursor);
  }
  return {received, cursor};
}

/// A copy that has just taken the server's rows up to last (publish, join):
/// its cursor and time of sync, and its coder, the login (in a team, a
/// member codes under their login; the server checks it).
void start_syncing(detail::Db& db, std::int64_t last, const std::string& login) {
  db.prepare("UPDATE team_state SET cursor = ?, last_sync = ?")
      .bind(1, last)
      .bind(2, now_iso())
      .run();
  db.prepare("INSERT OR REPLACE INTO setting(key, value) VALUES ('coder', ?)").bind(1, login).run();
}

} // namespace

bool is_team_project(const Project& p) {
  return team::has_local_team(local_db(p));
}

void team_create(Project& p, const std::string& url) {
  auto& db = local_db(p);
  if (team::has_local_team(db)) {
    throw TeamError(TeamError::Kind::NotEmpty,
                    p.path().string() + " is already part of a team project.");
  }
  const std::string clean = team::url_without_password(url);
  Pg pg(clean);
  team::create_server_schema(pg, p.guid());
  const std::string login = pg.login();
  const std::string client = new_guid();
  // Publish every row under this copy's first queue numbers; then the copy
  // becomes a team copy, its queue empty and its cursor after them.
  auto rows = team::all_rows(db);
  std::int64_t n = 0;
  for (auto& r : rows) {
    r.seq = ++n;
  }
  pg.exec("BEGIN");
  for (std::size_t at = 0; at < rows.size(); at += 2000) {
    std::vector<RowChange> part(rows.begin() + static_cast<std::ptrdiff_t>(at),
                                rows.begin() +
                                    static_cast<std::ptrdiff_t>(std::min(rows.size(), at + 2000)));
    try {
      pg.exec("SELECT quire.push_all($1, $2::jsonb)", {client, push_json(part)});
    } catch (...) {
      pg.exec("ROLLBACK");
      throw;
    }
  }
  const auto last = pg.exec("SELECT last FROM quire.counter").i64(0, 0);
  pg.exec("COMMIT");
  in_transaction(db, [&] {
    team::create_local_team(db, clean, client);
    // The queue numbers go on after those the server has taken.
    db.prepare("INSERT INTO team_outbox(seq, tbl, key, op) VALUES (?, '', '', '')")
        .bind(1, n)
        .run();
    db.exec("DELETE FROM team_outbox");
    start_syncing(db, last, login);
  });
}

void team_join(const std::string& url, const std::filesystem::path& local) {
  const std::string clean = team::url_without_password(url);
  Pg pg(clean);
  const std::string guid = team::check_server_schema(pg);
  const std::string login = pg.login();
  pg.exec("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  const auto last = pg.exec("SELECT last FROM quire.counter").i64(0, 0);
  auto r = pg.exec("SELECT tbl, key, row::text, author, seq FROM quire.state ORDER BY seq");
  pg.exec("COMMIT");
  // Parents before children, as the copy's tables need them.
  static const std::vector<std::string> order = {
      "coder",    "case_",   "attribute", "case_value", "document", "document_text",
      "question", "passage", "code",      "coding",     "memo"};
  std::vector<RowChange> rows;
  for (const auto& t : order) {
    for (int i = 0; i < r.rows(); ++i) {
      if (r.str(i, 0) == t) {
        RowChange c;
        c.tbl = t;
        c.key = r.str(i, 1);
        c.op = "put";
        c.row = r.str(i, 2);
        c.author = r.str(i, 3);
        c.seq = r.i64(i, 4);
        rows.push_back(std::move(c));
      }
    }
  }
  auto p = Project::create(local);
  try {
    auto& db = local_db(p);
    in_transaction(db, [&] {
      team::create_local_team(db, clean, new_guid());
      apply_all(db, std::move(rows));
      db.prepare("UPDATE project_info SET guid = ?").bind(1, guid).run();
      start_syncing(db, last, login);
    });
  } catch (...) {
    std::error_code ec;
    std::filesystem::remove(local, ec); // a half-made copy helps nobody
    throw;
  }
}

TeamSyncReport team_sync(Project& p) {
  require_team(p);
  auto& db = local_db(p);
  Pg pg(state_str(db, "url"));
  team::check_server_schema(pg);
  TeamSyncReport rep;
  std::tie(rep.sent, rep.refused) = push(p, pg);
  std::tie(rep.received, rep.cursor) = pull(p, pg);
  in_transaction(
      db, [&] { db.prepare("UPDATE team_state SET last_sync = ?").bind(1, now_iso()).run(); });
  return rep;
}

TeamStatus team_status(Project& p, bool ask_server) {
  TeamStatus st;
  auto& db = local_db(p);
  st.team = team::has_local_team(db);
  if (!st.team) {
    return st;
  }
  st.server = state_str(db, "url");
  st.client = state_str(db, "client");
  st.cursor = std::stoll(state_str(db, "cursor"));
  st.last_sync = state_str(db, "last_sync");
  st.pending = db.scalar("SELECT count(*) FROM team_outbox");
  if (!ask_server) {
    return st;
  }
  try {
    Pg pg(st.server);
    team::check_server_schema(pg);
    st.online = true;
    st.server_changes = pg.exec("SELECT last FROM quire.counter").i64(0, 0);
    auto m = pg.exec("SELECT login, role FROM quire.member ORDER BY login");
    const std::string me = pg.login();
    for (int i = 0; i < m.rows(); ++i) {
      st.members.push_back({m.str(i, 0), m.str(i, 1)});
      if (m.str(i, 0) == me) {
        st.role = m.str(i, 1);
      }
    }
  } catch (const TeamError& e) {
    st.online = false;
    st.offline_reason = e.what();
  }
  return st;
}

void team_set_member(Project& p, const std::string& login, const std::string& role) {
  require_team(p);
  if (role != "owner" && role != "coder" && role != "reader") {
    throw InputError("'" + role + "' is not a role of a team project: owner, coder or reader.");
  }
  Pg pg(state_str(local_db(p), "url"));
  team::check_server_schema(pg);
  pg.exec("SELECT quire.set_member($1, $2)", {login, role});
}

void team_remove_member(Project& p, const std::string& login) {
  require_team(p);
  Pg pg(state_str(local_db(p), "url"));
  team::check_server_schema(pg);
  pg.exec("SELECT quire.remove_member($1)", {login});
}

std::vector<TeamConflict> team_conflicts(Project& p) {
  require_team(p);
  auto& db = local_db(p);
  std::vector<TeamConflict> out;
  try {
    Pg pg(state_str(db, "url"));
    team::check_server_schema(pg);
    auto r = pg.exec("SELECT id, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), "
                     "who, what FROM quire.conflict ORDER BY id");
    for (int i = 0; i < r.rows(); ++i) {
      out.push_back({r.i64(i, 0), r.str(i, 1), r.str(i, 2), r.str(i, 3)});
    }
  } catch (const TeamError&) {
    // Offline: this copy's own notes still tell what happened here.
  }
  auto s = db.prepare("SELECT id, time, who, what FROM team_note ORDER BY id");
  while (s.step()) {
    out.push_back({-s.i64(0), s.str(1), s.str(2), s.str(3)});
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const TeamConflict& a, const TeamConflict& b) { return a.time < b.time; });
  return out;
}

} // namespace quire
