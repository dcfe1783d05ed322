// The change journal: every committed change, undo and redo gets a new
// generation and a row saying what it touched, so that other programs on
// the same project (the desktop app beside `quire`, a second window) and
// the search index can catch up with what they did not do themselves.
#include <algorithm>
#include <charconv>

#include "quire_version.h"
#include "store/project_p.h"

namespace quire {

void ChangeSet::merge(const ChangeSet& o) {
  tables.insert(o.tables.begin(), o.tables.end());
  documents.insert(o.documents.begin(), o.documents.end());
  codings.insert(o.codings.begin(), o.codings.end());
  cases.insert(o.cases.begin(), o.cases.end());
  cases_unknown = cases_unknown || o.cases_unknown;
  undo_or_redo = undo_or_redo || o.undo_or_redo;
  external = external || o.external;
  everything = everything || o.everything;
  generation = std::max(generation, o.generation);
}

bool Project::poll_changes() {
  auto& d = *m_impl->db;
  if (m_impl->action_depth > 0) {
    return false;
  }
  auto now = d.scalar("SELECT generation FROM project_info WHERE id = 1");
  if (now == m_impl->seen_generation) {
    return false;
  }
  detail::tell_changes(*this, detail::changes_since(d, m_impl->seen_generation));
  return true;
}

namespace detail {

namespace {

/// How many generations the journal keeps: a program that fell further
/// behind (or an index closed long ago) reloads or rebuilds instead.
constexpr std::int64_t journal_kept = 2000;

template <class Set> std::string join(const Set& items) {
  std::string out;
  for (const auto& i : items) {
    if (!out.empty()) {
      out += ',';
    }
    if constexpr (std::is_same_v<typename Set::value_type, std::string>) {
      out += i;
    } else {
      out += std::to_string(i);
    }
  }
  return out;
}

void split_ids(std::string_view s, std::set<Id>& out) {
  while (!s.empty()) {
    auto comma = s.find(',');
    auto part = s.substr(0, comma);
    Id v = 0;
    std::from_chars(part.data(), part.data() + part.size(), v);
    out.insert(v);
    if (comma == std::string_view::npos) {
      break;
    }
    s.remove_prefix(comma + 1);
  }
}

void split_words(std::string_view s, std::set<std::string>& out) {
  while (!s.empty()) {
    auto comma = s.find(',');
    out.emplace(s.substr(0, comma));
    if (comma == std::string_view::npos) {
      break;
    }
    s.remove_prefix(comma + 1);
  }
}

/// How many changed cases a journal row lists; more are written as unknown
/// (the search index then rebuilds, as after a big import anyway).
constexpr std::size_t cases_listed = 1000;

/// The tables column also lists the changed cases as "case:ID" words (or
/// "case:*" for too many to list), which a Quire that does not know them
/// reads as the names of tables it has no use for.
std::string tables_words(const ChangeSet& c) {
  std::string out = join(c.tables);
  if (c.cases_unknown || c.cases.size() > cases_listed) {
    out += ",case:*";
  } else {
    for (Id id : c.cases)
      out += ",case:" + std::to_string(id);
  }
  return out;
}

/// Moves the "case:" words of a journal row's tables into c.cases; a change
/// to cases that lists none (an older Quire's) is to cases unknown.
void take_cases(ChangeSet& c) {
  for (auto it = c.tables.lower_bound("case:");
       it != c.tables.end() && it->rfind("case:", 0) == 0;) {
    if (*it == "case:*") {
      c.cases_unknown = true;
    } else {
      Id v = 0;
      std::from_chars(it->data() + 5, it->data() + it->size(), v);
      c.cases.insert(v);
    }
    it = c.tables.erase(it);
  }
  if (c.cases.empty() && (c.tables.count("case_") || c.tables.count("case_value")))
    c.cases_unknown = true;
}

} // namespace

std::vector<ChangeSet> changes_since(Db& d, std::int64_t after) {
  std::vector<ChangeSet> out;
  const auto now = d.scalar("SELECT generation FROM project_info WHERE id = 1");
  if (now <= after) {
    return out;
  }
  auto first = d.prepare("SELECT min(generation) FROM change_journal");
  if (!first.step() || first.is_null(0) || first.i64(0) > after + 1) {
    ChangeSet all;
    all.everything = all.external = all.cases_unknown = true;
    all.generation = now;
    // Every table, so a listener that looks only at tables (the search
    // index, a view) also reloads everything (after a restore, say).
    auto t = d.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE "
                       "'sqlite_%'");
    while (t.step()) {
      all.tables.insert(t.str(0));
    }
    out.push_back(std::move(all));
    return out;
  }
  auto s = d.prepare("SELECT generation, tables, documents, codings, undo_or_redo "
                     "FROM change_journal WHERE generation > ? ORDER BY generation");
  s.bind(1, after);
  while (s.step()) {
    ChangeSet c;
    c.generation = s.i64(0);
    split_words(s.view(1), c.tables);
    take_cases(c);
    split_ids(s.view(2), c.documents);
    split_ids(s.view(3), c.codings);
    c.undo_or_redo = s.i64(4) != 0;
    c.external = true;
    out.push_back(std::move(c));
  }
  return out;
}

std::vector<ChangeSet> record_change(Project& p, ChangeSet c, std::int64_t step) {
  auto& d = db(p);
  std::vector<ChangeSet> out;
  const auto before = d.scalar("SELECT generation FROM project_info WHERE id = 1");
  if (before != p.impl().seen_generation) {
    out = changes_since(d, p.impl().seen_generation);
  }
  if (c.empty()) {
    return out;
  }
  c.generation = before + 1;
  // Every change says which Quire made it (Project::written_by).
  d.prepare("UPDATE project_info SET generation = ?, written_by = ? WHERE id = 1")
      .bind(1, c.generation)
      .bind(2, QUIRE_VERSION_STRING)
      .run();
  auto j = d.prepare("INSERT INTO change_journal(generation, tables, documents, codings, "
                     "undo_or_redo, step) VALUES (?, ?, ?, ?, ?, ?)");
  j.bind(1, c.generation)
      .bind(2, tables_words(c))
      .bind(3, join(c.documents))
      .bind(4, join(c.codings))
      .bind(5, c.undo_or_redo ? 1 : 0);
  if (step) {
    j.bind(6, step);
  } else {
    j.bind_null(6);
  }
  j.run();
  if (step) {
    d.prepare("UPDATE undo_step SET done_at = ? WHERE id = ?")
        .bind(1, c.generation)
        .bind(2, step)
        .run();
  }
  if (c.generation % 64 == 0) {
    d.prepare("DELETE FROM change_journal WHERE generation <= ?")
        .bind(1, c.generation - journal_kept)
        .run();
  }
  out.push_back(std::move(c));
  return out;
}

void tell_changes(Project& p, const std::vector<ChangeSet>& changes) {
  for (const auto& c : changes) {
    p.impl().seen_generation = std::max(p.impl().seen_generation, c.generation);
  }
  for (const auto& c : changes) {
    notify(p, c);
  }
}

} // namespace detail
} // namespace quire
