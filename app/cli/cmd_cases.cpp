// cases: list, add, show, set, unset, link, attributes, delete.
#include <iostream>
#include <optional>

#include "commands.h"
#include "common.h"
#include "quire/base/error.h"
#include "quire/model/cases.h"
#include "quire/model/documents.h"
#include "quire/store/history.h"

namespace quire::cli {

namespace {

/// The case named name, created when new.
Id case_or_new(Project& p, const std::string& name) {
  auto c = try_find_case(p, name);
  return c ? c->id : add_case(p, name);
}

void list_cases_cmd(Project& p, bool json) {
  auto attrs = list_attributes(p);
  auto values = all_case_attributes(p);
  auto list = list_cases(p);
  if (json) {
    nlohmann::json j = nlohmann::json::array();
    for (auto& c : list) {
      nlohmann::json jv = nlohmann::json::object();
      for (auto& at : attrs) {
        auto it = values[c.id].find(at.name);
        jv[at.name] = it == values[c.id].end() ? nlohmann::json(nullptr) : to_json(it->second);
      }
      j.push_back({{"id", c.id},
                   {"guid", c.guid},
                   {"name", c.name},
                   {"description", c.description},
                   {"attributes", jv}});
    }
    print_json(j);
    return;
  }
  std::vector<std::string> header = {"case"};
  for (auto& at : attrs)
    header.push_back(at.name);
  std::vector<std::vector<std::string>> rows;
  for (auto& c : list) {
    std::vector<std::string> r = {c.name};
    for (auto& at : attrs) {
      auto it = values[c.id].find(at.name);
      r.push_back(it == values[c.id].end() ? "·" : preview(it->second.display(), 30));
    }
    rows.push_back(r);
  }
  print_table(header, rows);
}

void set_attribute_cmd(Project& p, const std::string& name, const std::string& attr,
                       const std::string& value, const std::string& type) {
  AttrType t = AttrType::Text;
  bool known = false;
  for (auto& at : list_attributes(p)) {
    if (at.name == attr) {
      t = at.type;
      known = true;
    }
  }
  if (!type.empty()) {
    if (known && attr_type_from_string(type) != t) {
      throw InputError("attribute '" + attr + "' is " + to_string(t) + ", not " + type);
    }
    t = attr_type_from_string(type);
  }
  auto value_of = parse_value(value, t);
  // A new case or a new attribute and the value are one action (one undo step).
  bool new_case = !try_find_case(p, name);
  std::optional<UserAction> act;
  if (new_case || !known) {
    act.emplace(p, "Set " + attr + " of case '" + name + "' to '" + value_of.display() + "'" +
                       (new_case ? " (new case)" : " (new attribute)"));
  }
  Id cid = case_or_new(p, name);
  if (!known)
    add_attribute(p, attr, t);
  set_attribute(p, cid, attr, value_of);
  if (act) {
    act->commit();
  }
  std::cout << "Set " << attr << " of " << name << '\n';
}

} // namespace

/// cases rename, merge, rename-attribute, retype, delete-attribute, from-documents,
/// from-speakers (cmd_case_edits.cpp).
void add_case_edit_commands(CLI::App* cases);

void add_case_commands(CLI::App& app) {
  auto* cases =
      app.add_subcommand("cases", "Cases (respondents, interviewees) and their attributes");
  cases->require_subcommand(1);
  project_command(cases, "list", "List cases with their attributes", list_cases_cmd, true);

  auto name = std::make_shared<std::string>();
  auto desc = std::make_shared<std::string>();
  auto* add = project_command(cases, "add", "Add a case", [name, desc](Project& p, bool) {
    add_case(p, *name, *desc);
    std::cout << "Added case " << *name << '\n';
  });
  add->add_option("name", *name, "Case name")->required();
  add->add_option("--description", *desc, "Description");

  auto* show = project_command(
      cases, "show", "Show a case's attributes and documents",
      [name](Project& p, bool json) {
        auto c = find_case(p, *name);
        auto vals = case_attributes(p, c.id);
        nlohmann::json jv = nlohmann::json::object();
        for (auto& [k, v] : vals)
          jv[k] = to_json(v);
        std::vector<std::string> docs;
        for (auto& d : list_documents(p)) {
          if (d.case_id == c.id)
            docs.push_back(d.name);
        }
        if (json) {
          print_json({{"id", c.id},
                      {"guid", c.guid},
                      {"name", c.name},
                      {"description", c.description},
                      {"attributes", jv},
                      {"documents", docs}});
          return;
        }
        std::cout << c.name << '\n';
        for (auto& [k, v] : vals)
          std::cout << "  " << k << ": " << v.display() << " (" << to_string(v.type) << ")\n";
        for (auto& d : docs)
          std::cout << "  document: " << d << '\n';
      },
      true);
  show->add_option("name", *name, "Case name")->required();

  auto attr = std::make_shared<std::string>();
  auto value = std::make_shared<std::string>();
  auto type = std::make_shared<std::string>();
  auto* set = project_command(cases, "set", "Set an attribute of a case (creates the case if new)",
                              [name, attr, value, type](Project& p, bool) {
                                set_attribute_cmd(p, *name, *attr, *value, *type);
                              });
  set->add_option("case", *name, "Case name")->required();
  set->add_option("attribute", *attr, "Attribute name")->required();
  set->add_option("value", *value, "Value")->required();
  set->add_option(
         "--type", *type,
         "Type of a new attribute: text, number or date (default: the attribute's, else text)")
      ->check(CLI::IsMember({"text", "number", "date"}));

  auto* unset = project_command(cases, "unset", "Clear an attribute of a case (it becomes missing)",
                                [name, attr](Project& p, bool) {
                                  set_attribute(p, find_case(p, *name).id,
                                                find_attribute(p, *attr).name, Value::none());
                                  std::cout << "Cleared " << *attr << " of " << *name << '\n';
                                });
  unset->add_option("case", *name, "Case name")->required();
  unset->add_option("attribute", *attr, "Attribute name")->required();

  auto doc = std::make_shared<std::string>();
  auto* link = project_command(
      cases, "link", "Link a document to a case (the interviewee, the site)",
      [doc, name](Project& p, bool) {
        auto d = find_document(p, *doc);
        if (try_find_case(p, *name)) {
          link_document(p, d.id, find_case(p, *name).id);
        } else { // the new case and the link: one action
          UserAction act(p, "Link '" + d.name + "' to case '" + *name + "' (new case)");
          link_document(p, d.id, add_case(p, *name));
          act.commit();
        }
        std::cout << "Linked " << d.name << " to case " << *name << '\n';
      });
  link->add_option("document", *doc, "Document name")->required();
  link->add_option("case", *name, "Case name (created if new)")->required();

  project_command(
      cases, "attributes", "List the attributes and their types",
      [](Project& p, bool json) {
        auto attrs = list_attributes(p);
        if (json) {
          nlohmann::json j = nlohmann::json::array();
          for (auto& at : attrs)
            j.push_back({{"id", at.id}, {"name", at.name}, {"type", to_string(at.type)}});
          print_json(j);
          return;
        }
        std::vector<std::vector<std::string>> rows;
        for (auto& at : attrs)
          rows.push_back({at.name, to_string(at.type)});
        print_table({"attribute", "type"}, rows);
      },
      true);

  auto* del = project_command(cases, "delete",
                              "Delete a case (documents and passages are unlinked, not deleted)",
                              [name](Project& p, bool) {
                                delete_case(p, find_case(p, *name).id);
                                std::cout << "Deleted case " << *name << '\n';
                              });
  del->add_option("case", *name, "Case name")->required();
  add_case_edit_commands(cases);
  add_case_sheet_commands(cases);
}

} // namespace quire::cli
