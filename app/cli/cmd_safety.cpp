// backups, restore: the safety copies Quire keeps before destructive and
// bulk actions (core/include/quire/store/safety_copies.h).
#include <cstdio>
#include <filesystem>
#include <iostream>

#include "commands.h"
#include "common.h"
#include "quire/base/error.h"
#include "quire/store/safety_copies.h"

namespace quire::cli {

namespace {

std::string size_text(std::uintmax_t bytes) {
  char buf[32];
  if (bytes >= (1u << 20)) {
    std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(bytes) / (1 << 20));
  } else {
    std::snprintf(buf, sizeof buf, "%.0f kB", static_cast<double>(bytes) / 1024);
  }
  return buf;
}

nlohmann::json copy_json(const SafetyCopy& c) {
  return {{"name", c.name},
          {"file", c.file.string()},
          {"time", c.time},
          {"action", c.action},
          {"size", c.size},
          {"quire_version", c.quire_version},
          {"schema_version", c.schema},
          {"generation", c.generation}};
}

} // namespace

void add_safety_commands(CLI::App& app) {
  {
    auto* cmd = app.add_subcommand(
        "backups", "List the safety copies Quire kept before destructive and bulk actions");
    auto path = std::make_shared<std::string>();
    auto json = std::make_shared<bool>(false);
    cmd->add_option("project", *path, "The project file (NAME.quire)")->required();
    cmd->add_flag("--json", *json, "Print JSON");
    cmd->callback([path, json] {
      if (!std::filesystem::is_regular_file(*path)) {
        throw NotFoundError("no such project: " + *path);
      }
      auto copies = list_safety_copies(*path);
      if (*json) {
        // Newest first, numbered from 1 (what `quire restore` takes).
        auto j = nlohmann::json::array();
        int n = 1;
        for (auto it = copies.rbegin(); it != copies.rend(); ++it, ++n) {
          auto c = copy_json(*it);
          c["number"] = n;
          j.push_back(std::move(c));
        }
        print_json(j);
        return;
      }
      if (copies.empty()) {
        std::cout << "No safety copies of " << *path << " (kept in "
                  << safety_folder(*path).string() << ")\n";
        return;
      }
      std::vector<std::vector<std::string>> rows;
      int n = 1;
      for (auto it = copies.rbegin(); it != copies.rend(); ++it, ++n) {
        rows.push_back({std::to_string(n), it->time, size_text(it->size), it->action});
      }
      print_table({"#", "time (UTC)", "size", "kept before"}, rows);
      std::cout << "In " << safety_folder(*path).string()
                << "; bring one back with 'quire restore PROJECT NUMBER'\n";
    });
  }
  auto which = std::make_shared<std::string>();
  auto* restore = project_command(
      &app, "restore",
      "Bring back a safety copy (the current state is kept as a safety copy first)",
      [which](Project& p, bool json) {
        auto c = find_safety_copy(p.path(), *which);
        auto before = restore_safety_copy(p, c.file);
        if (json) {
          print_json({{"restored", copy_json(c)},
                      {"before", before ? copy_json(*before) : nlohmann::json()}});
          return;
        }
        std::cout << "Restored " << c.name << " (" << c.action << ", " << c.time << ")\n";
        if (before) {
          std::cout << "The state before is kept as '" << before->name
                    << "': restore it to go back\n";
        }
      },
      true);
  restore
      ->add_option("copy", *which,
                   "Which copy: its number in 'quire backups' (1 = newest), its name, or a path")
      ->required();
}

} // namespace quire::cli
