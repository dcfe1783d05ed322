// Cases and their typed attributes.
#include "quire/model/cases.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <regex>
#include <set>

#include "quire/base/error.h"
#include "quire/base/natural_order.h"
#include "quire/base/text.h"
#include "store/project_p.h"
#include "store/rows_p.h"
#include "store/store_p.h"

namespace quire {

namespace {

Case read_case(const detail::Stmt& s) {
  return {s.i64(0), s.str(1), s.str(2), s.str(3)};
}

Value read_value(const detail::Stmt& s, int col, AttrType type) {
  if (s.is_null(col)) {
    return Value::none();
  }
  if (type == AttrType::Number) {
    return Value::of_number(s.f64(col));
  }
  return type == AttrType::Date ? Value::of_date(s.str(col)) : Value::of_text(s.str(col));
}

bool valid_date(int y, int m, int d) {
  static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1 || m < 1 || m > 12 || d < 1 || d > days[m - 1]) {
    return false;
  }
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return !(m == 2 && d == 29 && !leap);
}

} // namespace

Value parse_value(const std::string& raw, AttrType type) {
  std::string t = raw;
  while (!t.empty() && std::isspace(static_cast<unsigned char>(t.back())))
    t.pop_back();
  while (!t.empty() && std::isspace(static_cast<unsigned char>(t.front())))
    t.erase(t.begin());
  if (type == AttrType::Text) {
    return Value::of_text(raw);
  }
  if (type == AttrType::Number) {
    std::string n = t;
    // A decimal comma with no other separator: "1,5".
    if (n.find(',') != std::string::npos && n.find('.') == std::string::npos &&
        std::count(n.begin(), n.end(), ',') == 1) {
      n[n.find(',')] = '.';
    }
    static const std::regex num(R"([-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?)");
    if (!std::regex_match(n, num)) {
      throw InputError("'" + raw + "' is not a number");
    }
    return Value::of_number(std::stod(n));
  }
  std::smatch m;
  static const std::regex iso(R"((\d{4})-(\d{1,2})-(\d{1,2})([T ].*)?)");
  static const std::regex dmy(R"((\d{1,2})[/.](\d{1,2})[/.](\d{4}))");
  int y = 0, mo = 0, d = 0;
  if (std::regex_match(t, m, iso)) {
    y = std::stoi(m[1]);
    mo = std::stoi(m[2]);
    d = std::stoi(m[3]);
  } else if (std::regex_match(t, m, dmy)) {
    d = std::stoi(m[1]);
    mo = std::stoi(m[2]);
    y = std::stoi(m[3]);
  } else {
    throw InputError("'" + raw + "' is not a date (use YYYY-MM-DD, or DD/MM/YYYY)");
  }
  if (!valid_date(y, mo, d)) {
    throw InputError("'" + raw + "' is not a valid date");
  }
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, mo, d);
  return Value::of_date(buf);
}

Id add_case(Project& p, const std::string& name, const std::string& description) {
  if (name.empty()) {
    throw InputError("a case needs a name");
  }
  if (try_find_case(p, name)) {
    throw InputError("case '" + name + "' already exists");
  }
  detail::Action act(p, "Add case '" + name + "'");
  Id id = detail::CaseWriter(act.db()).write(
      {.id = {}, .name = name, .description = description, .guid = {}});
  act.commit();
  return id;
}

std::vector<Case> list_cases(const Project& p) {
  std::vector<Case> out;
  auto s = detail::db(p).prepare("SELECT id, guid, name, description FROM case_ ORDER BY name");
  while (s.step()) {
    out.push_back(read_case(s));
  }
  return out;
}

Case get_case(const Project& p, Id id) {
  auto s = detail::db(p).prepare("SELECT id, guid, name, description FROM case_ WHERE id = ?");
  s.bind(1, id);
  if (!s.step()) {
    throw NotFoundError("no case with id " + std::to_string(id));
  }
  return read_case(s);
}

std::optional<Case> try_find_case(const Project& p, const std::string& name) {
  auto s = detail::db(p).prepare("SELECT id, guid, name, description FROM case_ WHERE name = ?");
  s.bind(1, name);
  if (s.step()) {
    return read_case(s);
  }
  return std::nullopt;
}

Case find_case(const Project& p, const std::string& name) {
  if (auto c = try_find_case(p, name)) {
    return *c;
  }
  throw NotFoundError("no case named '" + name + "'", Hint::ListCases);
}

void rename_case(Project& p, Id id, const std::string& new_name) {
  auto c = get_case(p, id);
  if (new_name.empty()) {
    throw InputError("a case needs a name");
  }
  if (auto other = try_find_case(p, new_name); other && other->id != id) {
    throw InputError("case '" + new_name + "' already exists");
  }
  detail::Action act(p, "Rename case '" + c.name + "' to '" + new_name + "'");
  act.db().prepare("UPDATE case_ SET name = ? WHERE id = ?").bind(1, new_name).bind(2, id).run();
  act.commit();
}

void delete_case(Project& p, Id id) {
  auto c = get_case(p, id);
  detail::Action act(p, "Delete case '" + c.name + "'");
  auto& db = act.db();
  db.prepare("DELETE FROM memo WHERE target = 'case' AND target_id = ?").bind(1, id).run();
  db.prepare("UPDATE passage SET case_id = NULL WHERE case_id = ?").bind(1, id).run();
  db.prepare("UPDATE document SET case_id = NULL WHERE case_id = ?").bind(1, id).run();
  db.prepare("DELETE FROM case_value WHERE case_id = ?").bind(1, id).run();
  db.prepare("DELETE FROM case_ WHERE id = ?").bind(1, id).run();
  act.commit();
}

std::vector<Attribute> list_attributes(const Project& p) {
  std::vector<Attribute> out;
  auto s = detail::db(p).prepare("SELECT id, guid, name, type FROM attribute ORDER BY ord, id");
  while (s.step()) {
    out.push_back({s.i64(0), s.str(1), s.str(2), attr_type_from_string(s.str(3))});
  }
  return out;
}

Attribute find_attribute(const Project& p, const std::string& name) {
  for (auto& a : list_attributes(p)) {
    if (a.name == name) {
      return a;
    }
  }
  for (auto& a : list_attributes(p)) {
    if (fold_case(a.name) == fold_case(name)) {
      return a;
    }
  }
  throw NotFoundError("no attribute named '" + name + "'", Hint::ListAttributes);
}

Id add_attribute(Project& p, const std::string& name, AttrType type) {
  if (name.empty()) {
    throw InputError("an attribute needs a name");
  }
  for (auto& a : list_attributes(p)) {
    if (a.name == name) {
      if (a.type != type) {
        throw InputError("attribute '" + name + "' already exists as " + to_string(a.type));
      }
      return a.id;
    }
  }
  detail::Action act(p, "Add attribute '" + name + "' (" + to_string(type) + ")");
  Id id = detail::ensure_attribute_id(act.db(), name, type);
  act.commit();
  return id;
}

void set_attribute(Project& p, Id case_id, const std::string& attribute, const Value& v) {
  auto c = get_case(p, case_id);
  std::optional<Attribute> attr;
  for (auto& a : list_attributes(p)) {
    if (a.name == attribute) {
      attr = a;
    }
  }
  Value val = v;
  if (attr && !v.missing && v.type != attr->type) {
    // Typed by the attribute: "7" set on a number attribute is the number 7.
    val = parse_value(v.type == AttrType::Number ? v.display() : v.text, attr->type);
  }
  detail::Action act(p, v.missing ? "Clear " + attribute + " of case '" + c.name + "'"
                                  : "Set " + attribute + " of case '" + c.name + "' to '" +
                                        val.display() + "'");
  Id aid = attr ? attr->id : detail::ensure_attribute_id(act.db(), attribute, v.type);
  detail::CaseValueWriter(act.db()).write(case_id, aid, val);
  act.commit();
}

std::map<std::string, Value> case_attributes(const Project& p, Id case_id) {
  std::map<std::string, Value> out;
  auto s = detail::db(p).prepare(
      "SELECT a.name, a.type, v.value FROM case_value v JOIN attribute a ON a.id = v.attribute_id "
      "WHERE v.case_id = ?");
  s.bind(1, case_id);
  while (s.step()) {
    out[s.str(0)] = read_value(s, 2, attr_type_from_string(s.str(1)));
  }
  return out;
}

std::map<Id, std::map<std::string, Value>> all_case_attributes(const Project& p) {
  std::map<Id, std::map<std::string, Value>> out;
  auto s = detail::db(p).prepare(
      "SELECT v.case_id, a.name, a.type, v.value FROM case_value v JOIN attribute a ON a.id = "
      "v.attribute_id");
  while (s.step()) {
    out[s.i64(0)][s.str(1)] = read_value(s, 3, attr_type_from_string(s.str(2)));
  }
  return out;
}

std::map<std::string, std::vector<std::string>> attribute_values(const Project& p) {
  std::map<std::string, std::vector<std::string>> out;
  for (const auto& a : list_attributes(p)) {
    out[a.name];
  }
  std::map<std::string, std::set<std::string>> seen;
  for (const auto& [id, values] : all_case_attributes(p)) {
    for (const auto& [name, v] : values) {
      if (!v.missing) {
        if (auto text = v.display(); !text.empty() && seen[name].insert(text).second) {
          out[name].push_back(std::move(text));
        }
      }
    }
  }
  for (auto& [name, values] : out) {
    std::sort(values.begin(), values.end(),
              [](const std::string& a, const std::string& b) { return natural_less(a, b); });
  }
  return out;
}

std::vector<std::string> values_matching(const std::vector<std::string>& values,
                                         const std::string& typed) {
  auto want = fold_case(typed);
  std::vector<std::string> out;
  for (const auto& v : values) {
    if (want.empty() || fold_case(v).find(want) != std::string::npos) {
      out.push_back(v);
    }
  }
  return out;
}

void link_document(Project& p, Id document_id, std::optional<Id> case_id) {
  auto& db = detail::db(p);
  std::string dname;
  {
    auto s = db.prepare("SELECT name FROM document WHERE id = ?");
    s.bind(1, document_id);
    if (!s.step()) {
      throw NotFoundError("no document with id " + std::to_string(document_id));
    }
    dname = s.str(0);
  }
  std::string label = case_id ? "Link '" + dname + "' to case '" + get_case(p, *case_id).name + "'"
                              : "Unlink '" + dname + "' from its case";
  detail::Action act(p, label);
  act.db()
      .prepare("UPDATE document SET case_id = ? WHERE id = ?")
      .bind(1, case_id)
      .bind(2, document_id)
      .run();
  act.commit();
}

namespace detail {

Id AttributeMaker::ensure(const std::string& name, AttrType type, AttrType* existing,
                          const std::string& guid, bool* created) {
  auto s = m_db.prepare("SELECT id, type FROM attribute WHERE name = ?");
  s.bind(1, name);
  if (s.step()) {
    if (existing) {
      *existing = attr_type_from_string(s.str(1));
    }
    if (created) {
      *created = false;
    }
    return s.i64(0);
  }
  if (existing) {
    *existing = type;
  }
  if (created) {
    *created = true;
  }
  if (m_next_ord == 0) {
    auto last = m_db.prepare("SELECT coalesce(max(ord), 0) + 1 FROM attribute");
    last.step();
    m_next_ord = last.i64(0);
  }
  m_db.prepare("INSERT INTO attribute(guid, name, type, ord) VALUES (?, ?, ?, ?)")
      .bind(1, guid.empty() ? new_guid() : guid)
      .bind(2, name)
      .bind(3, to_string(type))
      .bind(4, m_next_ord++)
      .run();
  return m_db.last_insert_id();
}

Id ensure_attribute_id(Db& db, const std::string& name, AttrType type, AttrType* existing,
                       const std::string& guid, bool* created) {
  return AttributeMaker(db).ensure(name, type, existing, guid, created);
}

} // namespace detail

} // namespace quire
