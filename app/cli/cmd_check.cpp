// check: is the project whole? The file page by page, the undo history, the
// change journal and the search index; each problem with what to do.
#include <filesystem>
#include <iostream>

#include "commands.h"
#include "common.h"
#include "quire/base/error.h"
#include "quire/store/check.h"

namespace quire::cli {

void add_check_commands(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "check", "Check a project for damage: every page of the file, the undo history, the change "
               "journal and the search index. Changes nothing; exits 1 when it finds a problem");
  auto a = std::make_shared<ProjectArgs>();
  auto json = std::make_shared<bool>(false);
  cmd->add_option("project", a->path, "The project file (NAME.quire)")->required();
  cmd->add_flag("--read-only", a->read_only, "Open the project without writing to it");
  cmd->add_flag("--json", *json, "Print JSON");
  cmd->callback([a, json] {
    CheckReport report;
    std::optional<Project> p;
    try {
      p.emplace(Project::open(a->path, a->read_only ? Project::Access::ReadOnly
                                                    : Project::Access::ReadWrite));
    } catch (const StorageError& e) {
      report = check_unopened(a->path, e);
    }
    if (p) {
      report = check_project(*p, stderr_progress());
      if (report.ok() && std::filesystem::exists(SearchIndex::folder_for(p->path()))) {
        try {
          // Its own index, gone before the project it follows.
          auto index = SearchIndex::open(*p, stderr_progress());
          check_search_index(*p, *index, report);
        } catch (const Error& e) {
          report.checks.push_back("index");
          report.problems.push_back(
              {"index", std::string("the search index cannot be opened (") + e.what() +
                            "); 'quire reindex' rebuilds it from the project"});
        }
      }
    }
    if (*json) {
      nlohmann::json problems = nlohmann::json::array();
      for (const auto& pr : report.problems) {
        problems.push_back({{"check", pr.check}, {"message", pr.message}});
      }
      print_json({{"project", a->path},
                  {"ok", report.ok()},
                  {"checks", report.checks},
                  {"problems", problems}});
    } else {
      for (const auto& pr : report.problems) {
        std::cout << pr.check << ": " << pr.message << '\n';
      }
      if (report.ok()) {
        std::string list;
        for (const auto& c : report.checks) {
          list += (list.empty() ? "" : ", ") + c;
        }
        std::cout << a->path << ": no problems found (checked: " << list << ")\n";
      }
    }
    if (!report.ok()) {
      auto n = report.problems.size();
      throw Error(std::to_string(n) + " problem" + (n == 1 ? "" : "s") + " found in " + a->path);
    }
  });
}

} // namespace quire::cli
