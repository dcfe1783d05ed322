// cases: list, add, show, set, unset, link, attributes, add-attribute, delete.
#include <iostream>

#include "commands.h"
#include "common.h"
#include "core/cases.h"
#include "core/documents.h"
#include "core/error.h"

namespace quire::cli {

void add_case_commands(CLI::App& app) {
  auto* cases = app.add_subcommand("cases", "Cases (respondents, interviewees) and their attributes");
  cases->require_subcommand(1);
  {
    auto* cmd = cases->add_subcommand("list", "List cases with their attributes");
    auto a = std::make_shared<ProjectArgs>();
    auto json = std::make_shared<bool>(false);
    add_project_arg(cmd, *a);
    cmd->add_flag("--json", *json, "Print JSON");
    cmd->callback([a, json] {
      auto p = open_project(*a);
      auto attrs = list_attributes(p);
      auto values = all_case_attributes(p);
      auto list = list_cases(p);
      if (*json) {
        nlohmann::json j = nlohmann::json::array();
        for (auto& c : list) {
          nlohmann::json jv = nlohmann::json::object();
          for (auto& at : attrs) {
            auto it = values[c.id].find(at.name);
            jv[at.name] = it == values[c.id].end() ? nlohmann::json(nullptr) : to_json(it->second);
          }
          j.push_back({{"id", c.id}, {"guid", c.guid}, {"name", c.name}, {"description", c.description},
                       {"attributes", jv}});
        }
        print_json(j);
        return;
      }
      std::vector<std::string> header = {"case"};
      for (auto& at : attrs) header.push_back(at.name);
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
    });
  }
  {
    auto* cmd = cases->add_subcommand("add", "Add a case");
    auto a = std::make_shared<ProjectArgs>();
    auto name = std::make_shared<std::string>();
    auto desc = std::make_shared<std::string>();
    add_project_arg(cmd, *a);
    cmd->add_option("name", *name, "Case name")->required();
    cmd->add_option("--description", *desc, "Description");
    cmd->callback([a, name, desc] {
      auto p = open_project(*a);
      add_case(p, *name, *desc);
      std::cout << "Added case " << *name << '\n';
    });
  }
  {
    auto* cmd = cases->add_subcommand("show", "Show a case's attributes and documents");
    auto a = std::make_shared<ProjectArgs>();
    auto name = std::make_shared<std::string>();
    auto json = std::make_shared<bool>(false);
    add_project_arg(cmd, *a);
    cmd->add_option("name", *name, "Case name")->required();
    cmd->add_flag("--json", *json, "Print JSON");
    cmd->callback([a, name, json] {
      auto p = open_project(*a);
      auto c = find_case(p, *name);
      auto vals = case_attributes(p, c.id);
      nlohmann::json jv = nlohmann::json::object();
      for (auto& [k, v] : vals) jv[k] = to_json(v);
      std::vector<std::string> docs;
      for (auto& d : list_documents(p)) {
        if (d.case_id == c.id) docs.push_back(d.name);
      }
      if (*json) {
        print_json({{"id", c.id}, {"guid", c.guid}, {"name", c.name}, {"description", c.description},
                    {"attributes", jv}, {"documents", docs}});
        return;
      }
      std::cout << c.name << '\n';
      for (auto& [k, v] : vals) std::cout << "  " << k << ": " << v.display() << " (" << to_string(v.type) << ")\n";
      for (auto& d : docs) std::cout << "  document: " << d << '\n';
    });
  }
  {
    auto* cmd = cases->add_subcommand("set", "Set an attribute of a case (creates the case if new)");
    auto a = std::make_shared<ProjectArgs>();
    auto name = std::make_shared<std::string>();
    auto attr = std::make_shared<std::string>();
    auto value = std::make_shared<std::string>();
    auto type = std::make_shared<std::string>();
    add_project_arg(cmd, *a);
    cmd->add_option("case", *name, "Case name")->required();
    cmd->add_option("attribute", *attr, "Attribute name")->required();
    cmd->add_option("value", *value, "Value")->required();
    cmd->add_option("--type", *type, "Type of a new attribute: text, number or date (default: the attribute's, else text)")
        ->check(CLI::IsMember({"text", "number", "date"}));
    cmd->callback([a, name, attr, value, type] {
      auto p = open_project(*a);
      auto c = try_find_case(p, *name);
      Id cid = c ? c->id : add_case(p, *name);
      AttrType t = AttrType::Text;
      bool known = false;
      for (auto& at : list_attributes(p)) {
        if (at.name == *attr) {
          t = at.type;
          known = true;
        }
      }
      if (!type->empty()) {
        if (known && attr_type_from_string(*type) != t) {
          throw InputError("attribute '" + *attr + "' is " + to_string(t) + ", not " + *type);
        }
        t = attr_type_from_string(*type);
      }
      if (!known) add_attribute(p, *attr, t);
      set_attribute(p, cid, *attr, parse_value(*value, t));
      std::cout << "Set " << *attr << " of " << *name << '\n';
    });
  }
  {
    auto* cmd = cases->add_subcommand("unset", "Clear an attribute of a case (it becomes missing)");
    auto a = std::make_shared<ProjectArgs>();
    auto name = std::make_shared<std::string>();
    auto attr = std::make_shared<std::string>();
    add_project_arg(cmd, *a);
    cmd->add_option("case", *name, "Case name")->required();
    cmd->add_option("attribute", *attr, "Attribute name")->required();
    cmd->callback([a, name, attr] {
      auto p = open_project(*a);
      set_attribute(p, find_case(p, *name).id, find_attribute(p, *attr).name, Value::none());
      std::cout << "Cleared " << *attr << " of " << *name << '\n';
    });
  }
  {
    auto* cmd = cases->add_subcommand("link", "Link a document to a case (the interviewee, the site)");
    auto a = std::make_shared<ProjectArgs>();
    auto doc = std::make_shared<std::string>();
    auto name = std::make_shared<std::string>();
    add_project_arg(cmd, *a);
    cmd->add_option("document", *doc, "Document name")->required();
    cmd->add_option("case", *name, "Case name (created if new)")->required();
    cmd->callback([a, doc, name] {
      auto p = open_project(*a);
      auto d = find_document(p, *doc);
      auto c = try_find_case(p, *name);
      Id cid = c ? c->id : add_case(p, *name);
      link_document(p, d.id, cid);
      std::cout << "Linked " << d.name << " to case " << *name << '\n';
    });
  }
  {
    auto* cmd = cases->add_subcommand("attributes", "List the attributes and their types");
    auto a = std::make_shared<ProjectArgs>();
    auto json = std::make_shared<bool>(false);
    add_project_arg(cmd, *a);
    cmd->add_flag("--json", *json, "Print JSON");
    cmd->callback([a, json] {
      auto p = open_project(*a);
      auto attrs = list_attributes(p);
      if (*json) {
        nlohmann::json j = nlohmann::json::array();
        for (auto& at : attrs) j.push_back({{"id", at.id}, {"name", at.name}, {"type", to_string(at.type)}});
        print_json(j);
        return;
      }
      std::vector<std::vector<std::string>> rows;
      for (auto& at : attrs) rows.push_back({at.name, to_string(at.type)});
      print_table({"attribute", "type"}, rows);
    });
  }
  {
    auto* cmd = cases->add_subcommand("delete", "Delete a case (documents and passages are unlinked, not deleted)");
    auto a = std::make_shared<ProjectArgs>();
    auto name = std::make_shared<std::string>();
    add_project_arg(cmd, *a);
    cmd->add_option("case", *name, "Case name")->required();
    cmd->callback([a, name] {
      auto p = open_project(*a);
      delete_case(p, find_case(p, *name).id);
      std::cout << "Deleted case " << *name << '\n';
    });
  }
}

} // namespace quire::cli
