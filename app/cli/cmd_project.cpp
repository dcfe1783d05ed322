// init, info, undo, redo, history, coder.
#include <iostream>

#include "commands.h"
#include "common.h"
#include "quire/model/cases.h"
#include "quire/model/codebook.h"
#include "quire/model/coding.h"
#include "quire/model/documents.h"
#include "quire/store/check.h"
#include "quire/store/history.h"

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
  project_command(
      &app, "info", "Show what a project holds (after a quick check of every page of the file)",
      [](Project& p, bool json) {
        verify_pages(p); // a damaged page anywhere: say so, exit 1
        // The versions of Quire that made the file and last changed it ("":
        // made before files recorded it).
        const auto created_by = p.created_by();
        const auto written_by = p.written_by();
        auto version_or_null = [](const std::string& v) {
          return v.empty() ? nlohmann::json(nullptr) : nlohmann::json(v);
        };
        nlohmann::json j = {{"path", p.path().string()},
                            {"guid", p.guid()},
                            {"schema_version", Project::schema_version},
                            {"created_by", version_or_null(created_by)},
                            {"written_by", version_or_null(written_by)},
                            {"documents", list_documents(p).size()},
                            {"passages", count_passages(p)},
                            {"codes", list_codes(p).size()},
                            {"codings", count_codings(p)},
                            {"cases", list_cases(p).size()},
                            {"coder", p.coder()},
                            {"coders", list_coders(p)}};
        if (json) {
          print_json(j);
          return;
        }
        std::cout << "Project    " << p.path().string() << "\nDocuments  " << j["documents"]
                  << "\nPassages   " << j["passages"] << "\nCodes      " << j["codes"]
                  << "\nCodings    " << j["codings"] << "\nCases      " << j["cases"]
                  << "\nCoder      " << p.coder() << "\nMade by    "
                  << (created_by.empty() ? std::string("an older Quire (it did not record which)")
                                         : "Quire " + created_by)
                  << "\nWritten by "
                  << (written_by.empty() ? std::string("an older Quire (it did not record which)")
                                         : "Quire " + written_by)
                  << '\n';
      },
      true);
  auto steps = std::make_shared<int>(1);
  auto to_step = std::make_shared<Id>(0);
  for (bool is_undo : {true, false}) {
    // Undo and redo act on the acting coder's own steps (--coder, else the
    // default coder); a step another coder's later work depends on is refused.
    auto* cmd = project_command(
        &app, is_undo ? "undo" : "redo",
        is_undo ? "Undo your last action (repeat to go further back; --coder: whose)"
                : "Redo your last undone action (--coder: whose)",
        [steps, to_step, is_undo](Project& p, bool) {
          if (is_undo && *to_step != 0) {
            // --to: back to and including that step, all or nothing.
            for (const auto& name : undo_to(p, *to_step)) {
              std::cout << "Undid: " << name << '\n';
            }
            return;
          }
          for (int i = 0; i < *steps; ++i) {
            auto name = is_undo ? undo(p) : redo(p);
            if (!name) {
              std::cout << (is_undo ? "Nothing to undo" : "Nothing to redo") << " for " << p.coder()
                        << '\n';
              return;
            }
            std::cout << (is_undo ? "Undid: " : "Redid: ") << *name << '\n';
          }
        });
    auto* n = cmd->add_option("--steps,-n", *steps, "How many actions")->check(CLI::PositiveNumber);
    if (is_undo) {
      cmd->add_option("--to", *to_step,
                      "Undo your actions back to and including this one (its # in 'quire "
                      "history'); nothing is undone if any would be refused")
          ->check(CLI::PositiveNumber)
          ->excludes(n);
    }
  }
  project_command(
      &app, "history", "List the actions that undo and redo walk through",
      [](Project& p, bool json) {
        auto h = history(p);
        if (json) {
          nlohmann::json j = nlohmann::json::array();
          for (auto& e : h) {
            j.push_back(
                {{"id", e.id},
                 {"name", e.name},
                 {"time", e.time},
                 {"undone", e.undone},
                 {"coder", e.coder.empty() ? nlohmann::json(nullptr) : nlohmann::json(e.coder)}});
          }
          print_json(j);
          return;
        }
        std::vector<std::vector<std::string>> rows;
        for (auto& e : h) {
          rows.push_back({std::to_string(e.id), e.time, e.coder.empty() ? "·" : e.coder,
                          e.undone ? "undone" : "", e.name});
        }
        print_table({"#", "time", "coder", "state", "action"}, rows);
      },
      true);
  auto key = std::make_shared<std::string>();
  auto value = std::make_shared<std::string>();
  auto* setting =
      project_command(&app, "setting",
                      "Show or set a project setting (language: the search stemming language, e.g. "
                      "english, french, german; coder)",
                      [key, value](Project& p, bool) {
                        if (!value->empty()) {
                          p.set_setting(*key, *value);
                        }
                        std::cout << *key << " = "
                                  << p.setting(*key, *key == "language" ? "english" : "") << '\n';
                      });
  setting->add_option("key", *key, "The setting")->required();
  setting->add_option("value", *value, "A new value");

  auto name = std::make_shared<std::string>();
  auto* coder =
      project_command(&app, "coder", "Show the current coder, or set the project's default coder",
                      [name](Project& p, bool) {
                        if (!name->empty()) {
                          p.set_setting("coder", *name);
                        }
                        std::cout << p.coder() << '\n';
                      });
  coder->add_option("name", *name, "New default coder name for this project");
}

} // namespace quire::cli
