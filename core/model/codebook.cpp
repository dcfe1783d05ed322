// The codebook: codes in a tree, addressed by path.
#include "quire/model/codebook.h"

#include <algorithm>
#include <functional>
#include <map>
#include <regex>

#include "model/coding_p.h"
#include "quire/base/error.h"
#include "quire/base/text.h"
#include "quire/store/safety_copies.h"
#include "store/project_p.h"
#include "store/store_p.h"

namespace quire {

using detail::Db;

namespace {

// Distinct, readable colours handed out to new codes in turn.
const char* const palette[] = {"#e6194b", "#3cb44b", "#4363d8", "#f58231", "#911eb4",
                               "#46a4a8", "#f032e6", "#9a6324", "#800000", "#808000",
                               "#000075", "#bcbd22", "#17becf", "#c0392b", "#2c7fb8"};

void check_name(const std::string& name) {
  if (name.empty()) {
    throw InputError("a code needs a name");
  }
  if (name.size() > 500) {
    throw InputError("code name is too long (over 500 bytes)");
  }
  if (!is_valid_utf8(name)) {
    throw InputError("code name is not valid UTF-8");
  }
}

std::string check_color(const std::string& c) {
  if (c.empty()) {
    return c;
  }
  static const std::regex hex("#?[0-9a-fA-F]{6}");
  if (!std::regex_match(c, hex)) {
    throw InputError("colour '" + c + "' is not of the form #rrggbb");
  }
  std::string out = c[0] == '#' ? c : "#" + c;
  std::transform(out.begin(), out.end(), out.begin(), ::tolower);
  return out;
}

} // namespace

namespace detail {

std::optional<Id> child_code_id(Db& db, std::optional<Id> parent, const std::string& name) {
  auto s = db.prepare("SELECT id FROM code WHERE coalesce(parent_id, 0) = ? AND name = ?");
  s.bind(1, parent.value_or(0)).bind(2, name);
  if (s.step()) {
    return s.i64(0);
  }
  return std::nullopt;
}

Id insert_code(Db& db, std::optional<Id> parent, const std::string& name, std::string color,
               const std::string& description, const std::string& guid) {
  check_name(name);
  if (color.empty()) {
    color = palette[db.scalar("SELECT count(*) FROM code") % std::size(palette)];
  }
  db.prepare("INSERT INTO code(guid, parent_id, name, color, description, ord) VALUES "
             "(?, ?, ?, ?, ?, (SELECT coalesce(max(ord), 0) + 1 FROM code WHERE "
             "coalesce(parent_id, 0) = ?))")
      .bind(1, guid.empty() ? new_guid() : guid)
      .bind(2, parent)
      .bind(3, name)
      .bind(4, color)
      .bind(5, description)
      .bind(6, parent.value_or(0))
      .run();
  return db.last_insert_id();
}

} // namespace detail

using detail::child_code_id;
using detail::insert_code;

std::vector<std::string> split_code_path(const std::string& path) {
  std::vector<std::string> out;
  std::string cur;
  for (std::size_t i = 0; i < path.size(); ++i) {
    if (path[i] == '\\' && i + 1 < path.size() && (path[i + 1] == '/' || path[i + 1] == '\\')) {
      cur += path[++i];
    } else if (path[i] == '/') {
      out.push_back(cur);
      cur.clear();
    } else {
      cur += path[i];
    }
  }
  out.push_back(cur);
  for (auto& s : out) {
    auto b = s.find_first_not_of(' ');
    auto e = s.find_last_not_of(' ');
    s = b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
    if (s.empty()) {
      throw InputError("code path '" + path + "' has an empty part");
    }
  }
  return out;
}

std::string join_code_path(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) {
    if (!out.empty()) {
      out += '/';
    }
    for (char c : n) {
      if (c == '/' || c == '\\') {
        out += '\\';
      }
      out += c;
    }
  }
  return out;
}

std::vector<Code> list_codes(const Project& p) {
  std::map<Id, std::vector<Code>> children; // parent (0 = top) -> codes
  auto s = detail::db(p).prepare(
      "SELECT id, guid, parent_id, name, color, description, ord FROM code ORDER BY ord, name");
  while (s.step()) {
    Code c;
    c.id = s.i64(0);
    c.guid = s.str(1);
    c.parent_id = s.opt_i64(2);
    c.name = s.str(3);
    c.color = s.str(4);
    c.description = s.str(5);
    c.order = static_cast<int>(s.i64(6));
    children[c.parent_id.value_or(0)].push_back(std::move(c));
  }
  std::vector<Code> out;
  std::function<void(Id, const std::string&, int)> walk = [&](Id parent, const std::string& prefix,
                                                              int level) {
    auto it = children.find(parent);
    if (it == children.end()) {
      return;
    }
    for (auto& c : it->second) {
      c.path = prefix.empty() ? join_code_path({c.name}) : prefix + "/" + join_code_path({c.name});
      c.level = level;
      out.push_back(c);
      walk(c.id, c.path, level + 1);
    }
  };
  walk(0, "", 0);
  return out;
}

Code get_code(const Project& p, Id id) {
  for (auto& c : list_codes(p)) {
    if (c.id == id) {
      return c;
    }
  }
  throw NotFoundError("no code with id " + std::to_string(id));
}

std::optional<Code> try_find_code(const Project& p, const std::string& path) {
  auto names = split_code_path(path);
  std::string norm = join_code_path(names);
  auto codes = list_codes(p);
  for (auto& c : codes) {
    if (c.path == norm) {
      return c;
    }
  }
  auto folded = fold_case(norm);
  std::optional<Code> hit;
  for (auto& c : codes) {
    if (fold_case(c.path) == folded) {
      if (hit) {
        return std::nullopt; // ambiguous by case
      }
      hit = c;
    }
  }
  return hit;
}

Code find_code(const Project& p, const std::string& path) {
  if (auto c = try_find_code(p, path)) {
    return *c;
  }
  throw NotFoundError("no code '" + path + "'", Hint::ListCodes);
}

std::vector<Id> code_subtree(const Project& p, Id code_id) {
  std::vector<Id> out;
  auto s = detail::db(p).prepare(
      "WITH RECURSIVE sub(id) AS (SELECT ? UNION ALL SELECT c.id FROM code c JOIN sub ON "
      "c.parent_id = sub.id) SELECT id FROM sub");
  s.bind(1, code_id);
  while (s.step()) {
    out.push_back(s.i64(0));
  }
  return out;
}

Id add_code(Project& p, const std::string& path, const std::string& color,
            const std::string& description) {
  auto names = split_code_path(path);
  auto col = check_color(color);
  detail::Action act(p, "Add code '" + join_code_path(names) + "'");
  auto& db = act.db();
  std::optional<Id> parent;
  for (std::size_t i = 0; i + 1 < names.size(); ++i) {
    auto id = child_code_id(db, parent, names[i]);
    parent = id ? *id : insert_code(db, parent, names[i], {}, {});
  }
  if (child_code_id(db, parent, names.back())) {
    throw InputError("code '" + join_code_path(names) + "' already exists");
  }
  Id id = insert_code(db, parent, names.back(), col, description);
  act.commit();
  return id;
}

Id ensure_code(Project& p, const std::string& path) {
  auto names = split_code_path(path);
  detail::Action act(p, "Add code '" + join_code_path(names) + "'");
  auto& db = act.db();
  std::optional<Id> parent;
  for (const auto& n : names) {
    auto id = child_code_id(db, parent, n);
    parent = id ? *id : insert_code(db, parent, n, {}, {});
  }
  act.commit();
  return *parent;
}

void rename_code(Project& p, Id id, const std::string& new_name) {
  check_name(new_name);
  auto c = get_code(p, id);
  detail::Action act(p, "Rename code '" + c.path + "' to '" + new_name + "'");
  auto other = child_code_id(act.db(), c.parent_id, new_name);
  if (other && *other != id) {
    throw InputError("a code named '" + new_name + "' already exists there; merge them instead");
  }
  act.db().prepare("UPDATE code SET name = ? WHERE id = ?").bind(1, new_name).bind(2, id).run();
  act.commit();
}

void set_code_color(Project& p, Id id, const std::string& color) {
  auto col = check_color(color);
  auto c = get_code(p, id);
  detail::Action act(p, "Recolour code '" + c.path + "'");
  act.db().prepare("UPDATE code SET color = ? WHERE id = ?").bind(1, col).bind(2, id).run();
  act.commit();
}

void set_code_description(Project& p, Id id, const std::string& description) {
  auto c = get_code(p, id);
  detail::Action act(p, "Describe code '" + c.path + "'");
  act.db()
      .prepare("UPDATE code SET description = ? WHERE id = ?")
      .bind(1, description)
      .bind(2, id)
      .run();
  act.commit();
}

void move_code(Project& p, Id id, std::optional<Id> new_parent) {
  auto c = get_code(p, id);
  std::string where = "the top level";
  if (new_parent) {
    auto sub = code_subtree(p, id);
    if (std::find(sub.begin(), sub.end(), *new_parent) != sub.end()) {
      throw InputError("cannot move '" + c.path + "' under itself or one of its subcodes");
    }
    where = "'" + get_code(p, *new_parent).path + "'";
  }
  detail::Action act(p, "Move code '" + c.path + "' to " + where);
  auto& db = act.db();
  if (auto other = child_code_id(db, new_parent, c.name); other && *other != id) {
    throw InputError("a code named '" + c.name + "' already exists under " + where +
                     "; merge them instead");
  }
  db.prepare("UPDATE code SET parent_id = ?, ord = (SELECT coalesce(max(ord), 0) + 1 FROM code "
             "WHERE coalesce(parent_id, 0) = ?) WHERE id = ?")
      .bind(1, new_parent)
      .bind(2, new_parent.value_or(0))
      .bind(3, id)
      .run();
  act.commit();
}

namespace {

void merge_into(Project& p, Db& db, Id source, Id target) {
  // Codings move, merging with the target's codings of the same coder.
  struct Row {
    Id id, doc;
    std::int64_t s, e;
    Id coder;
    std::string created;
  };
  std::vector<Row> rows;
  {
    auto s = db.prepare("SELECT id, document_id, start, end, coder_id, created_at FROM coding "
                        "WHERE code_id = ?");
    s.bind(1, source);
    while (s.step()) {
      rows.push_back({s.i64(0), s.i64(1), s.i64(2), s.i64(3), s.i64(4), s.str(5)});
    }
  }
  for (const auto& r : rows) {
    db.prepare("UPDATE coding SET code_id = ? WHERE id = ?").bind(1, target).bind(2, r.id).run();
    detail::merge_touching(db, r.id);
  }
  // Children move under the target; a child whose name exists there merges.
  std::vector<std::pair<Id, std::string>> kids;
  {
    auto s = db.prepare("SELECT id, name FROM code WHERE parent_id = ?");
    s.bind(1, source);
    while (s.step()) {
      kids.emplace_back(s.i64(0), s.str(1));
    }
  }
  for (const auto& [kid, name] : kids) {
    if (auto same = child_code_id(db, target, name)) {
      merge_into(p, db, kid, *same);
    } else {
      db.prepare("UPDATE code SET parent_id = ? WHERE id = ?").bind(1, target).bind(2, kid).run();
    }
  }
  db.prepare("UPDATE memo SET target_id = ? WHERE target = 'code' AND target_id = ?")
      .bind(1, target)
      .bind(2, source)
      .run();
  db.prepare("DELETE FROM code WHERE id = ?").bind(1, source).run();
}

} // namespace

void merge_codes(Project& p, Id source, Id target) {
  if (source == target) {
    throw InputError("cannot merge a code into itself");
  }
  auto src = get_code(p, source);
  auto dst = get_code(p, target);
  auto sub = code_subtree(p, source);
  if (std::find(sub.begin(), sub.end(), target) != sub.end()) {
    throw InputError("cannot merge '" + src.path + "' into its own subcode '" + dst.path + "'");
  }
  detail::Action act(p, "Merge code '" + src.path + "' into '" + dst.path + "'");
  merge_into(p, act.db(), source, target);
  act.commit();
}

DeleteCodeReport delete_code(Project& p, Id id, bool force) {
  auto c = get_code(p, id);
  auto sub = code_subtree(p, id);
  std::string in = "(";
  for (auto s : sub) {
    in += (in.size() > 1 ? "," : "") + std::to_string(s);
  }
  in += ")";
  auto& rdb = detail::db(p);
  DeleteCodeReport rep;
  rep.codes = static_cast<int>(sub.size());
  rep.codings = static_cast<int>(rdb.scalar("SELECT count(*) FROM coding WHERE code_id IN " + in));
  if (!force && (rep.codes > 1 || rep.codings > 0)) {
    throw InputError("code '" + c.path + "' has " + std::to_string(rep.codes - 1) +
                         " subcode(s) and " + std::to_string(rep.codings) + " coding(s)",
                     Hint::ForceDelete);
  }
  const auto name = "Delete code '" + c.path + "'";
  if (rep.codes > 1 || rep.codings > 0) {
    keep_safety_copy(p, name);
  }
  detail::Action act(p, name);
  auto& db = act.db();
  db.exec("DELETE FROM memo WHERE target = 'coding' AND target_id IN (SELECT id FROM coding WHERE "
          "code_id IN " +
          in + ")");
  db.exec("DELETE FROM memo WHERE target = 'code' AND target_id IN " + in);
  db.exec("DELETE FROM coding WHERE code_id IN " + in);
  // Deepest first, so no code is left pointing at a deleted parent.
  for (auto it = sub.rbegin(); it != sub.rend(); ++it) {
    db.prepare("DELETE FROM code WHERE id = ?").bind(1, *it).run();
  }
  act.commit();
  return rep;
}

std::vector<CodeCounts> code_counts(const Project& p) {
  std::vector<CodeCounts> out;
  auto s = detail::db(p).prepare(
      "SELECT c.code_id, count(*), count(DISTINCT c.document_id), "
      "count(DISTINCT coalesce((SELECT ps.case_id FROM passage ps WHERE ps.document_id = "
      "c.document_id AND ps.start <= c.start AND ps.end > c.start ORDER BY ps.start DESC LIMIT 1), "
      "d.case_id)) FROM coding c JOIN document d ON d.id = c.document_id GROUP BY c.code_id");
  while (s.step()) {
    out.push_back({s.i64(0), s.i64(1), s.i64(2), s.i64(3)});
  }
  return out;
}

} // namespace quire
