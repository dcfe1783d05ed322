// codes: list, add, rename, color, describe, move, merge, delete.
#include <iostream>
#include <map>

#include "commands.h"
#include "common.h"
#include "quire/model/codebook.h"

namespace quire::cli {

namespace {

/// Adds a subcommand taking PROJECT and a code PATH; run gets both.
template <typename Fn>
CLI::App* code_cmd(CLI::App* parent, const char* name, const char* help, Fn run,
                   std::vector<std::pair<std::string, std::string>> extra = {}) {
  auto* cmd = parent->add_subcommand(name, help);
  auto a = std::make_shared<ProjectArgs>();
  auto path = std::make_shared<std::string>();
  auto args = std::make_shared<std::vector<std::string>>(extra.size());
  add_project_arg(cmd, *a);
  cmd->add_option("code", *path, "Code path, e.g. Purpose/Sceptical")->required();
  for (std::size_t i = 0; i < extra.size(); ++i) {
    cmd->add_option(extra[i].first, (*args)[i], extra[i].second)->required();
  }
  cmd->callback([a, path, args, run] {
    auto& p = open_project(*a);
    run(p, find_code(p, *path), *args);
  });
  return cmd;
}

} // namespace

void add_code_commands(CLI::App& app) {
  auto* codes = app.add_subcommand(
      "codes", "The codebook: list, add, rename, recolour, describe, move, merge, delete codes");
  codes->require_subcommand(1);
  {
    auto* cmd = codes->add_subcommand("list", "List codes as a tree with their counts");
    auto a = std::make_shared<ProjectArgs>();
    auto json = std::make_shared<bool>(false);
    add_project_arg(cmd, *a);
    cmd->add_flag("--json", *json, "Print JSON");
    cmd->callback([a, json] {
      auto& p = open_project(*a);
      std::map<Id, CodeCounts> counts;
      for (auto& c : code_counts(p))
        counts[c.code_id] = c;
      auto list = list_codes(p);
      if (*json) {
        nlohmann::json j = nlohmann::json::array();
        for (auto& c : list) {
          auto jc = to_json(c);
          jc["codings"] = counts[c.id].codings;
          jc["documents"] = counts[c.id].documents;
          jc["cases"] = counts[c.id].cases;
          j.push_back(jc);
        }
        print_json(j);
        return;
      }
      std::vector<std::vector<std::string>> rows;
      for (auto& c : list) {
        rows.push_back({std::string(static_cast<std::size_t>(c.level) * 2, ' ') + c.name, c.color,
                        std::to_string(counts[c.id].codings), std::to_string(counts[c.id].cases),
                        preview(c.description, 50)});
      }
      print_table({"code", "colour", "codings", "cases", "description"}, rows);
    });
  }
  {
    auto* cmd = codes->add_subcommand("add", "Add a code (missing parents are created)");
    auto a = std::make_shared<ProjectArgs>();
    auto path = std::make_shared<std::string>();
    auto color = std::make_shared<std::string>();
    auto desc = std::make_shared<std::string>();
    add_project_arg(cmd, *a);
    cmd->add_option("code", *path, "Code path, e.g. Purpose/Sceptical")->required();
    cmd->add_option("--color,--colour", *color, "Colour as #rrggbb (default: picked)");
    cmd->add_option("--description", *desc, "What the code means");
    cmd->callback([a, path, color, desc] {
      auto& p = open_project(*a);
      auto id = add_code(p, *path, *color, *desc);
      std::cout << "Added code " << get_code(p, id).path << '\n';
    });
  }
  code_cmd(codes, "rename", "Rename a code (its subcodes follow)",
           [](Project& p, const Code& c, const std::vector<std::string>& x) {
             rename_code(p, c.id, x[0]);
             std::cout << "Renamed " << c.path << " to " << x[0] << '\n';
           },
           {{"new_name", "The new name (not a path)"}});
  code_cmd(codes, "color", "Change a code's colour",
           [](Project& p, const Code& c, const std::vector<std::string>& x) {
             set_code_color(p, c.id, x[0]);
             std::cout << "Recoloured " << c.path << '\n';
           },
           {{"color", "#rrggbb"}});
  code_cmd(codes, "describe", "Set a code's description",
           [](Project& p, const Code& c, const std::vector<std::string>& x) {
             set_code_description(p, c.id, x[0]);
             std::cout << "Described " << c.path << '\n';
           },
           {{"description", "What the code means"}});
  {
    auto* cmd =
        codes->add_subcommand("move", "Move a code under another code, or to the top level");
    auto a = std::make_shared<ProjectArgs>();
    auto path = std::make_shared<std::string>();
    auto to = std::make_shared<std::string>();
    auto top = std::make_shared<bool>(false);
    add_project_arg(cmd, *a);
    cmd->add_option("code", *path, "Code to move")->required();
    auto* to_opt = cmd->add_option("--to", *to, "New parent code path");
    cmd->add_flag("--top", *top, "Move to the top level")->excludes(to_opt);
    cmd->callback([a, path, to, top] {
      if (to->empty() && !*top) {
        throw CLI::ValidationError("--to", "give --to PARENT or --top");
      }
      auto& p = open_project(*a);
      auto c = find_code(p, *path);
      std::optional<Id> parent;
      if (!*top)
        parent = find_code(p, *to).id;
      move_code(p, c.id, parent);
      std::cout << "Moved to " << get_code(p, c.id).path << '\n';
    });
  }
  code_cmd(codes, "merge",
           "Merge a code into another: its codings and subcodes move, it is deleted",
           [](Project& p, const Code& c, const std::vector<std::string>& x) {
             auto target = find_code(p, x[0]);
             merge_codes(p, c.id, target.id);
             std::cout << "Merged " << c.path << " into " << target.path << '\n';
           },
           {{"into", "The code that remains"}});
  {
    auto* cmd = codes->add_subcommand(
        "delete", "Delete a code; one with codings or subcodes needs --force (undoable)");
    auto a = std::make_shared<ProjectArgs>();
    auto path = std::make_shared<std::string>();
    auto force = std::make_shared<bool>(false);
    add_project_arg(cmd, *a);
    cmd->add_option("code", *path, "Code path")->required();
    cmd->add_flag("--force", *force, "Also delete its subcodes and the codings of all of them");
    cmd->callback([a, path, force] {
      auto& p = open_project(*a);
      auto c = find_code(p, *path);
      auto r = delete_code(p, c.id, *force);
      std::cout << "Deleted " << c.path << " (" << r.codes << " code(s), " << r.codings
                << " coding(s)); 'quire undo' brings them back\n";
    });
  }
  add_codebook_import_command(codes);
}

} // namespace quire::cli
