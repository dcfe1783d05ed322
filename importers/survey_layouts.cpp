#include "survey_layouts.h"

#include <algorithm>

#include "core/text.h"

namespace quire {

namespace {

std::string cell_text(const std::vector<TableCell>& row, std::size_t c) {
  return c < row.size() ? std::string(trim(row[c].text)) : std::string();
}

std::optional<std::size_t> column_named(const Table& t, std::initializer_list<const char*> names) {
  for (std::size_t c = 0; c < t.headers.size(); ++c) {
    auto h = fold_case(trim(t.headers[c]));
    for (const char* n : names) {
      if (h == n) {
        return c;
      }
    }
  }
  return std::nullopt;
}

/// Qualtrics writes "ResponseId" over "Response ID" over {"ImportId":"_recordId"}.
std::size_t qualtrics_rows(const Table& t) {
  auto id = column_named(t, {"responseid"});
  if (!id || t.rows.empty() || fold_case(cell_text(t.rows[0], *id)) != "response id") {
    return 0;
  }
  bool import_ids = t.rows.size() > 1 && cell_text(t.rows[1], *id).rfind("{\"ImportId\"", 0) == 0;
  return import_ids ? 2 : 1;
}

/// SurveyMonkey writes the questions in row 1 and, in row 2, "Response",
/// "Open-Ended Response" or each option's name; row 2 has no respondent ID.
bool surveymonkey_rows(const Table& t) {
  auto id = column_named(t, {"respondent id", "respondentid"});
  if (!id || t.rows.empty() || !cell_text(t.rows[0], *id).empty()) {
    return false;
  }
  const auto& row = t.rows[0];
  return std::any_of(row.begin(), row.end(), [](const TableCell& c) {
    auto s = trim(c.text);
    return s == "Response" || s == "Open-Ended Response";
  });
}

} // namespace

std::optional<Table> fold_tool_header_rows(const Table& t, std::string& note) {
  std::size_t drop = qualtrics_rows(t);
  bool monkey = drop == 0 && surveymonkey_rows(t);
  if (drop == 0 && !monkey) {
    return std::nullopt;
  }
  Table out = t;
  if (monkey) {
    drop = 1;
    std::string question;
    for (std::size_t c = 0; c < out.headers.size(); ++c) {
      std::string head(trim(out.headers[c]));
      std::string sub = cell_text(t.rows[0], c);
      if (!head.empty()) {
        question = head;
      }
      if (sub.empty() || sub == "Response" || sub == "Open-Ended Response") {
        continue;
      }
      out.headers[c] = (head.empty() ? question : head) + " / " + sub;
    }
    note = "a SurveyMonkey export: row 2 (each column's option) was joined into the headers";
  } else {
    note = drop == 2 ? "a Qualtrics export: rows 2 and 3 (question texts and import ids) are not "
                       "respondents and were skipped"
                     : "a Qualtrics export: row 2 (question texts) is not a respondent and was "
                       "skipped";
  }
  out.rows.erase(out.rows.begin(), out.rows.begin() + static_cast<std::ptrdiff_t>(drop));
  if (out.row_numbers.size() >= drop) {
    out.row_numbers.erase(out.row_numbers.begin(),
                          out.row_numbers.begin() + static_cast<std::ptrdiff_t>(drop));
  }
  if (out.line_numbers.size() >= drop) {
    out.line_numbers.erase(out.line_numbers.begin(),
                           out.line_numbers.begin() + static_cast<std::ptrdiff_t>(drop));
  }
  return out;
}

} // namespace quire
