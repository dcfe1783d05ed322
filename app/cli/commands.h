#pragma once
// The command groups of `quire`. Each add_*_commands() adds its subcommands
// to the app; the callbacks call core operations and print results.
#include <CLI/CLI.hpp>
#include <functional>
#include <vector>

namespace quire::cli {

using AddCommands = void (*)(CLI::App& app);

void add_project_commands(CLI::App& app);  // init, info, undo, redo, history, coder
void add_import_commands(CLI::App& app);   // import, inspect
void add_document_commands(CLI::App& app); // docs
void add_code_commands(CLI::App& app);     // codes
void add_coding_commands(CLI::App& app);   // code, uncode, codings
void add_case_commands(CLI::App& app);     // cases
void add_survey_commands(CLI::App& app);   // surveys
void add_memo_commands(CLI::App& app);     // memos
void add_search_commands(CLI::App& app);   // search, similar, autocode, reindex
void add_analysis_commands(CLI::App& app); // frequencies, matrix, cooccurrence, query, words
void add_export_commands(CLI::App& app);   // export
void add_exchange_commands(CLI::App& app); // merge
void add_coder_commands(CLI::App& app);    // coders, agreement
void add_safety_commands(CLI::App& app);   // backups, restore
void add_check_commands(CLI::App& app);    // check
void add_suggest_commands(CLI::App& app);  // suggest
void add_team_commands(CLI::App& app);     // team

/// cases import, cases export (cmd_sheets.cpp), added to the cases group.
void add_case_sheet_commands(CLI::App* cases);
/// codes import (cmd_sheets.cpp), added to the codes group.
void add_codebook_import_command(CLI::App* codes);

/// Every group, in the order `quire --help` lists them.
const std::vector<AddCommands>& command_groups();

} // namespace quire::cli
