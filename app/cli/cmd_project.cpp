// init, info, undo, redo, history, coder.
#include <iostream>

#include "commands.h"
#include "common.h"
#include "core/cases.h"
#include "core/codebook.h"
#include "core/coding.h"
#include "core/documents.h"
#include "core/history.h"

namespace quire::cli {

void add_project_commands(CLI::App& app) {
  {
    auto* cmd = app.add_subcommand("init", "Create a new, empty project file");
    auto path = std::make_shared<std::string>();
    cmd->add_option("project", *path, "The project file to create (NAME.quire)")->required();
    cmd->callback([path] {
      auto p = Project::create(*path);
      std::cout << "Created " << p.path().string() << '\n';
    });
  }
  {
    auto* cmd = app.add_subcommand("info", "Show what a project holds");
    auto a = std::make_shared<ProjectArgs>();
    auto json = std::make_shared<bool>(false);
    add_project_arg(cmd, *a);
    cmd->add_flag("--json", *json, "Print JSON");
    cmd->callback([a, json] {
      auto p = open_project(*a);
      nlohmann::json j = {{"path", p.path().string()},
                          {"guid", p.guid()},
                          {"schema_version", Project::schema_version},
                          {"documents", list_documents(p).size()},
                          {"passages", count_passages(p)},
                          {"codes", list_codes(p).size()},
                          {"codings", count_codings(p)},
                          {"cases", list_cases(p).size()},
                          {"coder", p.coder()},
                          {"coders", list_coders(p)}};
      if (*json) {
        print_json(j);
        return;
      }
      std::cout << "Project    " << p.path().string() << "\nDocuments  " << j["documents"]
                << "\nPassages   " << j["passages"] << "\nCodes      " << j["codes"]
                << "\nCodings    " << j["codings"] << "\nCases      " << j["cases"]
                << "\nCoder      " << p.coder() << '\n';
    });
  }
  for (bool is_undo : {true, false}) {
    auto* cmd = app.add_subcommand(is_undo ? "undo" : "redo",
                                   is_undo ? "Undo the last action (repeat to go further back)"
                                           : "Redo the last undone action");
    auto a = std::make_shared<ProjectArgs>();
    auto steps = std::make_shared<int>(1);
    add_project_arg(cmd, *a);
    cmd->add_option("--steps,-n", *steps, "How many actions")->check(CLI::PositiveNumber);
    cmd->callback([a, steps, is_undo] {
      auto p = open_project(*a);
      for (int i = 0; i < *steps; ++i) {
        auto name = is_undo ? undo(p) : redo(p);
        if (!name) {
          std::cout << (is_undo ? "Nothing to undo\n" : "Nothing to redo\n");
          return;
        }
        std::cout << (is_undo ? "Undid: " : "Redid: ") << *name << '\n';
      }
    });
  }
  {
    auto* cmd = app.add_subcommand("history", "List the actions that undo and redo walk through");
    auto a = std::make_shared<ProjectArgs>();
    auto json = std::make_shared<bool>(false);
    add_project_arg(cmd, *a);
    cmd->add_flag("--json", *json, "Print JSON");
    cmd->callback([a, json] {
      auto p = open_project(*a);
      auto h = history(p);
      if (*json) {
        nlohmann::json j = nlohmann::json::array();
        for (auto& e : h) {
          j.push_back({{"id", e.id}, {"name", e.name}, {"time", e.time}, {"undone", e.undone}});
        }
        print_json(j);
        return;
      }
      std::vector<std::vector<std::string>> rows;
      for (auto& e : h) {
        rows.push_back({std::to_string(e.id), e.time, e.undone ? "undone" : "", e.name});
      }
      print_table({"#", "time", "state", "action"}, rows);
    });
  }
  {
    auto* cmd = app.add_subcommand("coder", "Show the current coder, or set the project's default coder");
    auto a = std::make_shared<ProjectArgs>();
    auto name = std::make_shared<std::string>();
    add_project_arg(cmd, *a);
    cmd->add_option("name", *name, "New default coder name for this project");
    cmd->callback([a, name] {
      auto p = open_project(*a);
      if (!name->empty()) {
        p.set_setting("coder", *name);
      }
      std::cout << p.coder() << '\n';
    });
  }
}

} // namespace quire::cli
