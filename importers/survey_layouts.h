#pragma once
// Survey tools that write more than one header row: Qualtrics (question
// texts, then import ids) and SurveyMonkey (a second row naming each
// column's option). Recognised and folded into one header row before the
// columns are planned.
#include <optional>
#include <string>

#include "survey_table.h"

namespace quire {

/// When `t` is a known tool's export with extra header rows, returns a copy
/// with those rows taken out (row numbers kept, so messages still point at
/// the file's rows) and, for SurveyMonkey, option names joined into the
/// headers (its header row already holds the questions); for Qualtrics the
/// question texts row goes to Table::question_texts. `note` says what was
/// done. Otherwise returns nothing.
std::optional<Table> fold_tool_header_rows(const Table& t, std::string& note);

} // namespace quire
