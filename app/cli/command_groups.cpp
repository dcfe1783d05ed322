// The list of command groups. Add a group here.
#include "commands.h"

namespace quire::cli {

const std::vector<AddCommands>& command_groups() {
  static const std::vector<AddCommands> groups = {
      add_project_commands, add_import_commands,   add_document_commands, add_code_commands,
      add_coding_commands,  add_case_commands,     add_survey_commands,   add_memo_commands,
      add_search_commands,  add_analysis_commands, add_export_commands,   add_exchange_commands,
      add_coder_commands,   add_safety_commands,   add_check_commands,    add_suggest_commands,
      add_team_commands,
  };
  return groups;
}

} // namespace quire::cli
