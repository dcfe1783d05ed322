#include "survey_layouts.h"

#include <algorithm>

#include "quire/base/text.h"

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

std::size_t filled(const std::vector<std::string>& cells) {
  return static_cast<std::size_t>(std::count_if(
      cells.begin(), cells.end(), [](const std::string& c) { return !trim(c).empty(); }));
}

std::vector<std::string> texts(const std::vector<TableCell>& row) {
  std::vector<std::string> out;
  for (auto& c : row) {
    out.emplace_back(trim(c.text));
  }
  return out;
}

/// A spreadsheet with a title above the table ("Staff survey 2024", a blank
/// row, then the headers): the first row has one cell filled with a phrase,
/// and a later row
/// among the first five fills most columns with names. Returns that row's
/// index among the data rows plus one (the rows to drop), or 0.
std::size_t title_rows(const Table& t) {
  std::size_t width = t.headers.size();
  for (std::size_t i = 0; i < t.rows.size() && i < 6; ++i) {
    width = std::max(width, filled(texts(t.rows[i])) > 0 ? t.rows[i].size() : 0);
  }
  if (width < 3 || filled(t.headers) != 1) {
    return 0;
  }
  // A title is a phrase ("Staff survey 2024"), not a column name ("ID").
  auto title = *std::find_if(t.headers.begin(), t.headers.end(),
                             [](const std::string& c) { return !trim(c).empty(); });
  if (std::count(title.begin(), title.end(), ' ') < 2 && title.size() < 20) {
    return 0;
  }
  for (std::size_t i = 0; i + 1 < t.rows.size() && i < 5; ++i) {
    auto cells = texts(t.rows[i]);
    auto n = filled(cells);
    bool names = std::none_of(cells.begin(), cells.end(), [](const std::string& c) {
      return !c.empty() && c.find_first_not_of("0123456789.,-") == std::string::npos;
    });
    if (n >= 2 && n * 2 >= width && names) {
      return i + 1;
    }
    if (n > 1) {
      return 0; // data straight below the first row: not a title
    }
  }
  return 0;
}

void drop_rows(Table& out, std::size_t drop) {
  out.rows.erase(out.rows.begin(), out.rows.begin() + static_cast<std::ptrdiff_t>(drop));
  if (out.row_numbers.size() >= drop) {
    out.row_numbers.erase(out.row_numbers.begin(),
                          out.row_numbers.begin() + static_cast<std::ptrdiff_t>(drop));
  }
  if (out.line_numbers.size() >= drop) {
    out.line_numbers.erase(out.line_numbers.begin(),
                           out.line_numbers.begin() + static_cast<std::ptrdiff_t>(drop));
  }
}

/// The table with its title rows taken out and the header row below them.
std::optional<Table> skip_title(const Table& t, std::string& note) {
  std::size_t drop = title_rows(t);
  if (drop == 0) {
    return std::nullopt;
  }
  Table out = t;
  out.headers = texts(t.rows[drop - 1]);
  auto header_row = drop - 1 < t.row_numbers.size() ? t.row_numbers[drop - 1]
                                                    : static_cast<std::int64_t>(drop + 1);
  drop_rows(out, drop);
  note = "the rows above row " + std::to_string(header_row) + " are a title, not the table; row " +
         std::to_string(header_row) + " was taken as the header row";
  return out;
}

} // namespace

std::optional<Table> fold_tool_header_rows(const Table& table, std::string& note) {
  auto titled = skip_title(table, note);
  const Table& t = titled ? *titled : table;
  std::size_t drop = qualtrics_rows(t);
  bool monkey = drop == 0 && surveymonkey_rows(t);
  if (drop == 0 && !monkey) {
    return titled;
  }
  Table out = t;
  std::string tool_note;
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
    tool_note = "a SurveyMonkey export: row 2 (each column's option) was joined into the headers";
  } else {
    out.question_texts = texts(t.rows[0]);
    tool_note = drop == 2
                    ? "a Qualtrics export: rows 2 and 3 (question texts and import ids) are not "
                      "respondents and were skipped"
                    : "a Qualtrics export: row 2 (question texts) is not a respondent and was "
                      "skipped";
  }
  drop_rows(out, drop);
  note = titled ? note + "; " + tool_note : tool_note;
  return out;
}

} // namespace quire
