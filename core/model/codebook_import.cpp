// Importing a codebook: planned whole against the codebook (codes matched
// by path), then stored as one action.
#include "quire/model/codebook_import.h"

#include <algorithm>
#include <map>
#include <optional>
#include <regex>

#include "quire/base/error.h"
#include "quire/base/text.h"
#include "quire/model/codebook.h"
#include "quire/model/memos.h"
#include "quire/store/history.h"

namespace quire {

namespace {

/// A code of the codebook as it will be: an existing one, or one to add.
struct Node {
  std::optional<Id> id; ///< nullopt: to be added
  std::int64_t parent = -1;
  std::string name, path;
  std::string color, description; ///< as it will be
  std::string old_color, old_description;
  std::vector<std::string> memos; ///< to add
  std::vector<std::string> has_memos;
  bool named = false; ///< named by an entry of the file (else only a parent)
  std::size_t order = 0;
};

std::string trimmed(const std::string& s) {
  auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos)
    return {};
  return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

std::string normal_color(const std::string& c, const std::string& where) {
  std::string t = trimmed(c);
  if (t.empty())
    return t;
  static const std::regex hex("#?[0-9a-fA-F]{6}");
  if (!std::regex_match(t, hex))
    throw InputError(where + ": colour '" + c + "' is not of the form #rrggbb; correct it or " +
                     "leave the cell empty");
  if (t[0] != '#')
    t = "#" + t;
  std::transform(t.begin(), t.end(), t.begin(), [](unsigned char ch) { return std::tolower(ch); });
  return t;
}

} // namespace

CodebookPreview import_codebook(Project& p, const CodebookSource& source, bool dry_run) {
  std::vector<Node> nodes;
  // (parent index, folded name) -> node, and the same with the name as written.
  std::map<std::pair<std::int64_t, std::string>, std::size_t> exact, folded;
  std::map<Id, std::size_t> by_id;
  auto memos = list_memos(p, MemoTarget::Code);
  for (const auto& c : list_codes(p)) { // parents before children
    Node n;
    n.id = c.id;
    n.parent = c.parent_id ? static_cast<std::int64_t>(by_id.at(*c.parent_id)) : -1;
    n.name = c.name;
    n.path = c.path;
    n.color = n.old_color = c.color;
    n.description = n.old_description = c.description;
    for (const auto& m : memos)
      if (m.target_id == c.id)
        n.has_memos.push_back(m.text);
    by_id[c.id] = nodes.size();
    exact.emplace(std::make_pair(n.parent, n.name), nodes.size());
    folded.emplace(std::make_pair(n.parent, fold_case(n.name)), nodes.size());
    nodes.push_back(std::move(n));
  }
  const std::size_t existing = nodes.size();
  std::vector<std::size_t> touched; // nodes the file names or adds, in the file's order
  for (const auto& e : source.entries) {
    const std::string where = source.file + ": " + e.where;
    if (e.path.empty())
      throw InputError(where + ": no code name; give one, or remove the entry");
    std::int64_t parent = -1;
    for (std::size_t i = 0; i < e.path.size(); ++i) {
      const auto& name = e.path[i];
      if (name.empty())
        throw InputError(where + ": an empty code name in '" + join_code_path(e.path) + "'");
      if (name.size() > 500 || !is_valid_utf8(name))
        throw InputError(where + ": the code name '" + name.substr(0, 60) +
                         "' is too long or not valid text");
      std::optional<std::size_t> at;
      if (auto it = exact.find({parent, name}); it != exact.end())
        at = it->second;
      else if (auto f = folded.find({parent, fold_case(name)}); f != folded.end())
        at = f->second;
      if (!at) {
        Node n;
        n.parent = parent;
        n.name = name;
        n.path = (parent < 0 ? std::string() : nodes[static_cast<std::size_t>(parent)].path + "/") +
                 join_code_path({name});
        at = nodes.size();
        exact.emplace(std::make_pair(parent, name), *at);
        folded.emplace(std::make_pair(parent, fold_case(name)), *at);
        nodes.push_back(std::move(n));
        touched.push_back(*at);
      }
      parent = static_cast<std::int64_t>(*at);
    }
    auto& n = nodes[static_cast<std::size_t>(parent)];
    if (n.id && !n.named)
      touched.push_back(static_cast<std::size_t>(parent));
    n.named = true;
    if (auto c = normal_color(e.color, where); !c.empty())
      n.color = c;
    if (!trimmed(e.description).empty())
      n.description = e.description;
    if (!trimmed(e.memo).empty() &&
        std::find(n.has_memos.begin(), n.has_memos.end(), e.memo) == n.has_memos.end() &&
        std::find(n.memos.begin(), n.memos.end(), e.memo) == n.memos.end())
      n.memos.push_back(e.memo);
  }
  CodebookPreview out;
  for (std::size_t i : touched) {
    const auto& n = nodes[i];
    CodebookChange c;
    c.path = n.path;
    if (!n.id) {
      c.kind = CodebookChange::Kind::Add;
      c.what = n.named ? "" : "parent";
      ++out.added;
    } else {
      std::vector<std::string> what;
      if (n.color != n.old_color)
        what.emplace_back("colour");
      if (n.description != n.old_description)
        what.emplace_back("description");
      if (!n.memos.empty())
        what.emplace_back("memo");
      for (const auto& w : what)
        c.what += (c.what.empty() ? "" : ", ") + w;
      c.kind = what.empty() ? CodebookChange::Kind::Same : CodebookChange::Kind::Update;
      ++(what.empty() ? out.unchanged : out.updated);
    }
    out.changes.push_back(std::move(c));
  }
  if (dry_run || out.added + out.updated == 0)
    return out;

  std::string file = source.file;
  if (auto slash = file.find_last_of('/'); slash != std::string::npos)
    file = file.substr(slash + 1);
  UserAction act(p, "Import codebook " + file);
  for (std::size_t i = existing; i < nodes.size(); ++i) { // parents before children
    auto& n = nodes[i];
    n.id = add_code(p, n.path, n.color, n.description);
  }
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    const auto& n = nodes[i];
    if (i < existing && n.color != n.old_color)
      set_code_color(p, *n.id, n.color);
    if (i < existing && n.description != n.old_description)
      set_code_description(p, *n.id, n.description);
    for (const auto& m : n.memos)
      add_memo(p, MemoTarget::Code, n.id, m);
  }
  act.commit();
  return out;
}

} // namespace quire
