// Merging cases, editing attributes, typed values, and cases made of
// documents and speakers.
#include "quire/model/case_edits.h"

#include <algorithm>
#include <set>

#include "quire/base/error.h"
#include "quire/model/cases.h"
#include "store/project_p.h"
#include "store/rows_p.h"
#include "store/store_p.h"

namespace quire {

namespace {

/// What an attribute of a type holds, for messages: "numbers", "dates", "text".
std::string holds(AttrType t) {
  switch (t) {
  case AttrType::Number: return "numbers";
  case AttrType::Date: return "dates";
  default: return "text";
  }
}

bool blank(const std::string& s) {
  return s.find_first_not_of(" \t\r\n") == std::string::npos;
}

std::string document_name(detail::Db& db, Id document) {
  auto s = db.prepare("SELECT name FROM document WHERE id = ?");
  s.bind(1, document);
  if (!s.step()) {
    throw NotFoundError("no document with id " + std::to_string(document));
  }
  return s.str(0);
}

/// The case of this name, made when there is none (inside the caller's action).
Id case_named(Project& p, const std::string& name) {
  auto c = try_find_case(p, name);
  return c ? c->id : add_case(p, name);
}

} // namespace

void merge_cases(Project& p, Id from, Id into) {
  auto a = get_case(p, from);
  auto b = get_case(p, into);
  if (from == into) {
    throw InputError("a case cannot be merged into itself ('" + a.name + "')");
  }
  detail::Action act(p, "Merge case '" + a.name + "' into '" + b.name + "'");
  auto& db = act.db();
  db.prepare("UPDATE document SET case_id = ?1 WHERE case_id = ?2")
      .bind(1, into)
      .bind(2, from)
      .run();
  db.prepare("UPDATE passage SET case_id = ?1 WHERE case_id = ?2")
      .bind(1, into)
      .bind(2, from)
      .run();
  db.prepare("UPDATE memo SET target_id = ?1 WHERE target = 'case' AND target_id = ?2")
      .bind(1, into)
      .bind(2, from)
      .run();
  db.prepare("INSERT INTO case_value(case_id, attribute_id, value) SELECT ?1, attribute_id, value "
             "FROM case_value WHERE case_id = ?2 AND attribute_id NOT IN "
             "(SELECT attribute_id FROM case_value WHERE case_id = ?1)")
      .bind(1, into)
      .bind(2, from)
      .run();
  db.prepare("DELETE FROM case_value WHERE case_id = ?").bind(1, from).run();
  db.prepare("DELETE FROM case_ WHERE id = ?").bind(1, from).run();
  act.commit();
}

Attribute get_attribute(const Project& p, Id id) {
  for (auto& a : list_attributes(p)) {
    if (a.id == id) {
      return a;
    }
  }
  throw NotFoundError("no attribute with id " + std::to_string(id), Hint::ListAttributes);
}

void rename_attribute(Project& p, Id attribute, const std::string& new_name) {
  auto a = get_attribute(p, attribute);
  if (blank(new_name)) {
    throw InputError("an attribute needs a name");
  }
  for (auto& other : list_attributes(p)) {
    if (other.name == new_name && other.id != attribute) {
      throw InputError("attribute '" + new_name + "' already exists");
    }
  }
  if (new_name == a.name) {
    return;
  }
  detail::Action act(p, "Rename attribute '" + a.name + "' to '" + new_name + "'");
  act.db()
      .prepare("UPDATE attribute SET name = ? WHERE id = ?")
      .bind(1, new_name)
      .bind(2, attribute)
      .run();
  act.commit();
}

void retype_attribute(Project& p, Id attribute, AttrType type) {
  auto a = get_attribute(p, attribute);
  if (a.type == type) {
    return;
  }
  // Every value converted first: one that does not convert refuses the whole change.
  std::vector<std::pair<Id, Value>> converted;
  {
    auto s = detail::db(p).prepare("SELECT v.case_id, c.name, v.value FROM case_value v "
                                   "JOIN case_ c ON c.id = v.case_id WHERE v.attribute_id = ? "
                                   "ORDER BY c.name");
    s.bind(1, attribute);
    while (s.step()) {
      std::string text;
      if (a.type == AttrType::Number) {
        text = Value::of_number(s.f64(2)).display();
      } else {
        text = s.str(2);
      }
      if (type != AttrType::Text && blank(text)) {
        converted.emplace_back(s.i64(0), Value::none()); // empty text: no number, no date
        continue;
      }
      try {
        converted.emplace_back(s.i64(0), parse_value(text, type));
      } catch (const InputError&) {
        throw InputError("cannot make attribute " + a.name + " hold " + holds(type) + ": case '" +
                         s.str(1) + "' has '" + text + "', which is not " +
                         (type == AttrType::Number ? "a number" : "a date") +
                         "; change or clear that value first");
      }
    }
  }
  detail::Action act(p, "Make attribute '" + a.name + "' hold " + holds(type));
  act.db()
      .prepare("UPDATE attribute SET type = ? WHERE id = ?")
      .bind(1, to_string(type))
      .bind(2, attribute)
      .run();
  detail::CaseValueWriter w(act.db());
  for (auto& [case_id, v] : converted) {
    w.write(case_id, attribute, v);
  }
  act.commit();
}

void delete_attribute(Project& p, Id attribute) {
  auto a = get_attribute(p, attribute);
  detail::Action act(p, "Delete attribute '" + a.name + "'");
  act.db().prepare("DELETE FROM case_value WHERE attribute_id = ?").bind(1, attribute).run();
  act.db().prepare("DELETE FROM attribute WHERE id = ?").bind(1, attribute).run();
  act.commit();
}

Value typed_value(const Attribute& attribute, const std::string& text) {
  if (attribute.type == AttrType::Text) {
    return Value::of_text(text);
  }
  if (blank(text)) {
    return Value::none();
  }
  try {
    return parse_value(text, attribute.type);
  } catch (const InputError& e) {
    throw InputError(std::string(e.what()) + ": attribute " + attribute.name + " holds " +
                     holds(attribute.type));
  }
}

void set_typed_value(Project& p, Id case_id, Id attribute, const std::string& text) {
  auto a = get_attribute(p, attribute);
  set_attribute(p, case_id, a.name, typed_value(a, text));
}

std::vector<Id> make_document_cases(Project& p, const std::vector<Id>& documents) {
  if (documents.empty()) {
    throw InputError("select the documents to make cases of");
  }
  auto& db = detail::db(p);
  std::vector<std::string> names;
  for (Id d : documents) {
    names.push_back(document_name(db, d));
  }
  detail::Action act(p, documents.size() == 1
                            ? "Make a case of document '" + names[0] + "'"
                            : "Make a case of each of " + std::to_string(documents.size()) +
                                  " documents");
  std::vector<Id> out;
  for (std::size_t i = 0; i < documents.size(); ++i) {
    Id c = case_named(p, names[i]);
    act.db()
        .prepare("UPDATE document SET case_id = ? WHERE id = ?")
        .bind(1, c)
        .bind(2, documents[i])
        .run();
    out.push_back(c);
  }
  act.commit();
  return out;
}

std::map<std::string, Id> make_speaker_cases(Project& p, const std::vector<Id>& documents) {
  auto& db = detail::db(p);
  std::vector<Id> docs = documents;
  if (docs.empty()) {
    auto s = db.prepare("SELECT DISTINCT document_id FROM passage WHERE speaker <> ''");
    while (s.step()) {
      docs.push_back(s.i64(0));
    }
  }
  std::map<Id, std::set<std::string>> speakers;
  std::set<std::string> all;
  for (Id d : docs) {
    document_name(db, d); // throws for an unknown document
    auto s = db.prepare("SELECT DISTINCT speaker FROM passage WHERE document_id = ? AND "
                        "speaker <> ''");
    s.bind(1, d);
    while (s.step()) {
      speakers[d].insert(s.str(0));
      all.insert(s.str(0));
    }
  }
  if (all.empty()) {
    throw InputError(documents.empty() ? "no document has speaker turns (import transcripts "
                                         "whose turns start with a speaker's name)"
                                       : "these documents have no speaker turns");
  }
  detail::Action act(p, all.size() == 1
                            ? "Make a case of speaker '" + *all.begin() + "'"
                            : "Make a case of each of " + std::to_string(all.size()) + " speakers");
  std::map<std::string, Id> out;
  for (const auto& name : all) {
    out[name] = case_named(p, name);
  }
  auto link = act.db().prepare("UPDATE passage SET case_id = ? WHERE document_id = ? AND "
                               "speaker = ? AND case_id IS NOT ?");
  for (const auto& [d, names] : speakers) {
    for (const auto& name : names) {
      link.bind(1, out[name]).bind(2, d).bind(3, name).bind(4, out[name]).run();
      link.reset();
    }
  }
  act.commit();
  return out;
}

std::int64_t link_passages(Project& p, Id document, std::int64_t start, std::int64_t end,
                           std::optional<Id> case_id) {
  auto& db = detail::db(p);
  auto dname = document_name(db, document);
  std::int64_t n = 0;
  {
    auto s = db.prepare("SELECT count(*) FROM passage WHERE document_id = ? AND start < ? AND "
                        "end > ?");
    s.bind(1, document).bind(2, std::max(end, start + 1)).bind(3, start);
    s.step();
    n = s.i64(0);
  }
  if (n == 0) {
    throw InputError("no passage of '" + dname + "' is at the selected text");
  }
  std::string what = n == 1 ? "a passage" : std::to_string(n) + " passages";
  detail::Action act(p, case_id ? "Link " + what + " of '" + dname + "' to case '" +
                                      get_case(p, *case_id).name + "'"
                                : "Unlink " + what + " of '" + dname + "' from their case");
  act.db()
      .prepare("UPDATE passage SET case_id = ? WHERE document_id = ? AND start < ? AND end > ?")
      .bind(1, case_id)
      .bind(2, document)
      .bind(3, std::max(end, start + 1))
      .bind(4, start)
      .run();
  act.commit();
  return n;
}

std::map<Id, CaseLinks> case_links(const Project& p) {
  std::map<Id, CaseLinks> out;
  auto& db = detail::db(p);
  auto d = db.prepare("SELECT case_id, count(*) FROM document WHERE case_id IS NOT NULL "
                      "GROUP BY case_id");
  while (d.step()) {
    out[d.i64(0)].documents = d.i64(1);
  }
  auto s = db.prepare("SELECT case_id, count(*) FROM passage WHERE case_id IS NOT NULL "
                      "GROUP BY case_id");
  while (s.step()) {
    out[s.i64(0)].passages = s.i64(1);
  }
  return out;
}

} // namespace quire
