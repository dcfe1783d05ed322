// The open project: settings, the coder, listeners; the Action transaction.
// (Creating and opening the file: project_file.cpp.)
#include "quire/store/project.h"

#include <cstdlib>

#include "quire/base/error.h"
#include "quire/base/text.h"
#include "store/project_p.h"
#include "store/rows_p.h"

namespace fs = std::filesystem;

namespace quire {

Project::Project(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
Project::Project(Project&&) noexcept = default;
Project& Project::operator=(Project&&) noexcept = default;
Project::~Project() = default;

const fs::path& Project::path() const {
  return m_impl->path;
}

bool Project::read_only() const {
  return m_impl->read_only;
}

std::string Project::guid() const {
  auto s = m_impl->db->prepare("SELECT guid FROM project_info WHERE id = 1");
  return s.step() ? s.str(0) : std::string();
}

std::string Project::created_by() const {
  auto s = m_impl->db->prepare("SELECT created_by FROM project_info WHERE id = 1");
  return s.step() ? s.str(0) : std::string();
}

std::string Project::written_by() const {
  auto s = m_impl->db->prepare("SELECT written_by FROM project_info WHERE id = 1");
  return s.step() ? s.str(0) : std::string();
}

std::string Project::setting(const std::string& key, const std::string& fallback) const {
  auto s = m_impl->db->prepare("SELECT value FROM setting WHERE key = ?");
  s.bind(1, key);
  return s.step() ? s.str(0) : fallback;
}

void Project::set_setting(const std::string& key, const std::string& value) {
  detail::Action act(*this, "Set " + key + " to '" + value + "'");
  act.db()
      .prepare("INSERT INTO setting(key, value) VALUES (?, ?) "
               "ON CONFLICT(key) DO UPDATE SET value = excluded.value")
      .bind(1, key)
      .bind(2, value)
      .run();
  act.commit();
}

std::string Project::coder() const {
  if (!m_impl->session_coder.empty()) {
    return m_impl->session_coder;
  }
  if (const char* env = std::getenv("QUIRE_CODER"); env && *env) {
    return env;
  }
  if (auto s = setting("coder"); !s.empty()) {
    return s;
  }
  if (const char* user = std::getenv("USER"); user && *user) {
    return user;
  }
  return "default";
}

void Project::set_session_coder(const std::string& name) {
  m_impl->session_coder = name;
}

void Project::report_waits_to(Progress* progress) {
  if (!progress) {
    m_impl->db->on_long_wait(nullptr);
    return;
  }
  m_impl->db->on_long_wait([progress] {
    progress->message("Waiting for another Quire program to finish writing to the project");
  });
}

int Project::subscribe(Listener l) {
  int token = m_impl->next_token++;
  m_impl->listeners.emplace(token, std::move(l));
  return token;
}

void Project::unsubscribe(int token) {
  m_impl->listeners.erase(token);
}

std::int64_t Project::generation() const {
  return m_impl->db->scalar("SELECT generation FROM project_info WHERE id = 1");
}

namespace detail {

Action::Action(Project& p, const std::string& name) : m_p(p) {
  auto& impl = p.impl();
  if (impl.action_depth++ > 0) {
    return; // joins the outer action
  }
  m_outer = true;
  auto& d = *impl.db;
  if (impl.read_only) {
    impl.action_depth--;
    throw StorageError(StorageError::Kind::OpenedReadOnly,
                       impl.path.string() + " is open read-only; nothing was changed");
  }
  try {
    d.exec("BEGIN IMMEDIATE");
  } catch (...) {
    impl.action_depth--;
    throw;
  }
  try {
    // A new action makes the acting coder's undone actions unreachable (and
    // those without a coder, from older files, which are everyone's): drop
    // them. Other coders keep theirs to redo.
    const auto coder = p.coder();
    d.prepare("DELETE FROM undo_log WHERE step IN (SELECT id FROM undo_step WHERE undone "
              "AND (coder IS NULL OR coder = ?))")
        .bind(1, coder)
        .run();
    d.prepare("DELETE FROM undo_step WHERE undone AND (coder IS NULL OR coder = ?)")
        .bind(1, coder)
        .run();
    d.prepare("INSERT INTO undo_step(name, time, coder) VALUES (?, ?, ?)")
        .bind(1, name)
        .bind(2, now_iso())
        .bind(3, coder)
        .run();
    m_step = d.last_insert_id();
    d.prepare("UPDATE undo_state SET recording = 1, step = ?, phase = 'u'").bind(1, m_step).run();
  } catch (...) {
    d.exec("ROLLBACK");
    impl.action_depth--;
    throw;
  }
}

Action::~Action() {
  auto& impl = m_p.impl();
  impl.action_depth--;
  if (!m_outer || m_done) {
    return;
  }
  try {
    impl.db->exec("ROLLBACK");
  } catch (...) {
    // Nothing more can be done; SQLite rolls back on close too.
  }
}

void Action::rename(const std::string& name) {
  if (m_outer) {
    db().prepare("UPDATE undo_step SET name = ? WHERE id = ?").bind(1, name).bind(2, m_step).run();
  }
}

void Action::commit() {
  if (!m_outer || m_done) {
    return;
  }
  auto& d = db();
  d.exec("UPDATE undo_state SET recording = 0");
  ChangeSet c = changes_of_step(d, m_step, "u");
  if (c.empty()) {
    d.prepare("DELETE FROM undo_step WHERE id = ?").bind(1, m_step).run();
  }
  auto changes = record_change(m_p, std::move(c), m_step);
  d.exec("COMMIT");
  m_done = true;
  tell_changes(m_p, changes);
}

ChangeSet changes_of_step(Db& d, std::int64_t step, const char* phase) {
  ChangeSet c;
  // One pass over the step's rows, telling repeats apart here: a survey's
  // import logs hundreds of thousands of rows, and SELECT DISTINCT sorted
  // them all.
  auto s = d.prepare("SELECT tbl, doc, rid FROM undo_log WHERE step = ? AND phase = ?");
  s.bind(1, step).bind(2, phase);
  std::string last_tbl;
  while (s.step()) {
    auto tbl = s.view(0);
    if (tbl != last_tbl) {
      last_tbl = tbl;
      c.tables.insert(last_tbl);
    }
    if (!s.is_null(1)) {
      c.documents.insert(s.i64(1));
    }
    if (tbl == "coding" && !s.is_null(2)) {
      c.codings.insert(s.i64(2));
    } else if ((tbl == "case_value" || tbl == "case_") && !s.is_null(2)) {
      c.cases.insert(s.i64(2)); // both logged with the case's id
    }
  }
  return c;
}

void notify(Project& p, const ChangeSet& c) {
  auto listeners = p.impl().listeners; // a listener may unsubscribe
  for (auto& [token, l] : listeners) {
    l(c);
  }
}

Id coder_id(Db& d, const std::string& name) {
  auto s = d.prepare("SELECT id FROM coder WHERE name = ?");
  s.bind(1, name);
  if (s.step()) {
    return s.i64(0);
  }
  return insert_coder(d, name);
}

} // namespace detail
} // namespace quire
