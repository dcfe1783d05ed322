// Classification sheets: storing a sheet of cases and attributes as one
// action, checked whole before anything is written; and the cases as a sheet.
#include "quire/model/case_sheet.h"

#include <map>
#include <optional>
#include <set>

#include "quire/base/error.h"
#include "quire/model/cases.h"
#include "quire/store/history.h"
#include "store/project_p.h"

namespace quire {

namespace {

bool same_value(const Value& a, const Value& b) {
  if (a.missing || b.missing)
    return a.missing == b.missing;
  if (a.type != b.type)
    return false;
  return a.type == AttrType::Number ? a.number == b.number : a.text == b.text;
}

std::string where_of(const CaseSheet& s, const CaseSheetRow& r, const std::string& column) {
  std::string w = s.file + ": " + r.where;
  if (!column.empty())
    w += ", column '" + column + "'";
  return w;
}

/// A sheet's value as the attribute's type (the sheet guessed its own).
Value as_type(const Value& v, AttrType type, const std::string& where, const std::string& attr) {
  if (v.missing || v.type == type)
    return v;
  try {
    return parse_value(v.display(), type);
  } catch (const InputError& e) {
    throw InputError(where + ": " + e.what() + "; the project's attribute '" + attr + "' holds " +
                     to_string(type) + "s. Correct the value, or leave the cell empty");
  }
}

/// One planned change of the sheet.
struct Planned {
  std::optional<Id> case_id; ///< nullopt: a new case
  const CaseSheetRow* row = nullptr;
  std::vector<std::pair<std::size_t, Value>> values; ///< column, value to write
  bool description = false;                          ///< the description changes
};

} // namespace

CaseSheetResult import_case_sheet(Project& p, const CaseSheet& sheet, bool update, bool dry_run) {
  CaseSheetResult result;
  // The attributes: existing ones keep their type, new ones take the sheet's.
  std::map<std::string, Attribute> existing;
  for (auto& a : list_attributes(p))
    existing[a.name] = a;
  std::vector<AttrType> types;
  std::set<std::string> seen_columns;
  for (const auto& c : sheet.columns) {
    if (c.name.empty())
      throw InputError(sheet.file + ": a column has no header; name it or remove it");
    if (!seen_columns.insert(c.name).second)
      throw InputError(sheet.file + ": two columns are named '" + c.name + "'; rename one");
    auto it = existing.find(c.name);
    types.push_back(it == existing.end() ? c.type : it->second.type);
    if (it == existing.end())
      result.new_attributes.push_back(c.name + " (" + to_string(c.type) + ")");
  }
  std::map<std::string, Case> cases;
  for (auto& c : list_cases(p))
    cases[c.name] = c;
  auto values = all_case_attributes(p);

  std::vector<Planned> plan;
  std::map<std::string, const CaseSheetRow*> names;
  for (const auto& row : sheet.rows) {
    if (row.name.empty())
      throw InputError(where_of(sheet, row, "") + ": the row names no case; give it a name, or " +
                       "remove the row");
    if (auto [it, fresh] = names.emplace(row.name, &row); !fresh)
      throw InputError(where_of(sheet, row, "") + ": case '" + row.name + "' is also on " +
                       it->second->where + "; keep one row per case");
    Planned pl;
    pl.row = &row;
    auto c = cases.find(row.name);
    if (c != cases.end())
      pl.case_id = c->second.id;
    const auto* now = c == cases.end() ? nullptr : &values[c->second.id];
    bool changed = false;
    for (std::size_t i = 0; i < sheet.columns.size() && i < row.values.size(); ++i) {
      const auto& col = sheet.columns[i].name;
      Value v = as_type(row.values[i], types[i], where_of(sheet, row, col), col);
      if (v.missing)
        continue; // a missing cell leaves the value as it is
      Value old;
      if (now) {
        if (auto o = now->find(col); o != now->end())
          old = o->second;
      }
      if (same_value(old, v))
        continue;
      if (now && !old.missing) {
        if (!update)
          throw InputError(where_of(sheet, row, col) + ": case '" + row.name + "' already has " +
                               col + " '" + old.display() + "', the sheet says '" + v.display() +
                               "'. Nothing was imported",
                           Hint::UpdateCases);
        result.changes.push_back(row.name + ": " + col + " " + old.display() + " -> " +
                                 v.display());
      }
      changed = true;
      pl.values.emplace_back(i, std::move(v));
    }
    if (row.has_description && !row.description.empty() &&
        (c == cases.end() || c->second.description != row.description)) {
      if (c != cases.end() && !c->second.description.empty()) {
        if (!update)
          throw InputError(where_of(sheet, row, "memo") + ": case '" + row.name +
                               "' already has another description. Nothing was imported",
                           Hint::UpdateCases);
        result.changes.push_back(row.name + ": description changed");
      }
      pl.description = true;
      changed = true;
    }
    result.values += static_cast<std::int64_t>(pl.values.size());
    if (!pl.case_id)
      ++result.added;
    else if (changed)
      ++result.updated;
    else
      ++result.unchanged;
    if (!pl.case_id || changed)
      plan.push_back(std::move(pl));
  }
  if (dry_run || (plan.empty() && result.new_attributes.empty()))
    return result;

  std::string file = sheet.file;
  if (auto slash = file.find_last_of('/'); slash != std::string::npos)
    file = file.substr(slash + 1);
  UserAction act(p, "Import cases from " + file);
  for (std::size_t i = 0; i < sheet.columns.size(); ++i) {
    if (!existing.count(sheet.columns[i].name))
      add_attribute(p, sheet.columns[i].name, types[i]);
  }
  auto& db = detail::db(p);
  auto set_desc = db.prepare("UPDATE case_ SET description = ? WHERE id = ?");
  for (const auto& pl : plan) {
    Id id = pl.case_id ? *pl.case_id
                       : add_case(p, pl.row->name, pl.description ? pl.row->description : "");
    if (pl.case_id && pl.description) {
      set_desc.bind(1, pl.row->description).bind(2, id).run();
      set_desc.reset();
    }
    for (const auto& [col, v] : pl.values)
      set_attribute(p, id, sheet.columns[col].name, v);
  }
  act.commit();
  return result;
}

CaseSheet case_sheet_of(const Project& p) {
  CaseSheet s;
  s.file = p.path().filename().string();
  auto attrs = list_attributes(p);
  for (const auto& a : attrs)
    s.columns.push_back({a.name, a.type});
  auto values = all_case_attributes(p);
  std::int64_t n = 1;
  for (const auto& c : list_cases(p)) {
    CaseSheetRow r;
    r.name = c.name;
    r.description = c.description;
    r.has_description = !c.description.empty();
    r.where = "row " + std::to_string(++n);
    const auto& mine = values[c.id];
    for (const auto& a : attrs) {
      auto it = mine.find(a.name);
      r.values.push_back(it == mine.end() ? Value::none() : it->second);
    }
    s.rows.push_back(std::move(r));
  }
  return s;
}

} // namespace quire
