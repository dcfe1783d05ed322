#pragma once
// Helpers shared by the CLI's commands: opening a project, parsing ranges,
// printing tables and JSON.
#include <CLI/CLI.hpp>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "quire/base/error.h"
#include "quire/base/progress.h"
#include "quire/base/types.h"
#include "quire/search/search_index.h"
#include "quire/store/project.h"

namespace quire::cli {

/// Options every command that opens a project shares.
struct ProjectArgs {
  std::string path;
  std::string coder;      ///< --coder, overrides $QUIRE_CODER and the setting
  bool read_only = false; ///< --read-only: open without ever writing the project
};

/// Adds the PROJECT positional and --coder to a command.
void add_project_arg(CLI::App* cmd, ProjectArgs& a);

/// What a project command does once parsed: the open project and --json.
using ProjectRun = std::function<void(Project& p, bool json)>;
/// Adds a subcommand that takes PROJECT (and --coder, and --json when
/// with_json), opens the project and calls run. Add further options to the
/// returned command, bound to variables run captures.
CLI::App* project_command(CLI::App* parent, const std::string& name, const std::string& help,
                          const ProjectRun& run, bool with_json = false);
/// Opens the project named by a (coder applied) for this run of quire. When
/// the project has a search index, it is opened too and follows every action.
/// The project lives until the process ends or the next open_project().
Project& open_project(const ProjectArgs& a);
/// The search index of the open project, built now if it has none.
SearchIndex& open_index(Project& p);
/// Prints, once, a problem keeping the search index up to date (a warning:
/// the project's data is safe) on stderr, unless it is the error already
/// printed.
void tell_index_problem(const std::string& already_said = {});
/// Progress on stderr: phase messages, and a percentage on a terminal.
Progress& stderr_progress();

/// What the CLI adds to a StorageError's message, by its kind: how to do it
/// with this program ("" when the message says all).
std::string storage_hint(StorageError::Kind kind);

/// "120:188" -> {120, 188}. Throws InputError.
std::pair<std::int64_t, std::int64_t> parse_range(const std::string& s);

/// Prints JSON to stdout (two-space indent).
void print_json(const nlohmann::json& j);
/// Prints rows as an aligned table with a header.
void print_table(const std::vector<std::string>& header,
                 const std::vector<std::vector<std::string>>& rows);
/// A short one-line preview of text (newlines shown as ⏎, cut with …).
std::string preview(const std::string& text, std::size_t max_chars = 60);

nlohmann::json to_json(const Value& v);
nlohmann::json to_json(const Document& d);
nlohmann::json to_json(const Code& c);

} // namespace quire::cli
