// Classification sheets: a table of cases from CSV or XLSX, its columns
// typed by the survey importer's rules (survey_columns.h).
#include "case_sheet_reader.h"

#include <algorithm>
#include <optional>

#include "quire/base/error.h"
#include "quire/base/text.h"
#include "survey_columns.h"
#include "table_files.h"

namespace quire {

namespace {

const TableCell& cell_at(const Table& t, std::size_t row, std::size_t col) {
  static const TableCell empty;
  const auto& r = t.rows[row];
  return col < r.size() ? r[col] : empty;
}

/// NVivo names a case by its path in the project ("Cases\\Interviewees\\P01"):
/// the case is the last part.
std::string case_name(const TableCell& cell) {
  std::string name(trim(cell.text));
  if (auto slash = name.find_last_of('\\'); slash != std::string::npos)
    name = std::string(trim(std::string_view(name).substr(slash + 1)));
  return name;
}

/// A text as Quire's CSV export keeps it from running as a formula in a
/// spreadsheet ("'=..."): without the apostrophe.
std::string unguarded(std::string s) {
  if (s.size() > 1 && s[0] == '\'' &&
      std::string_view("=+-@\t\r").find(s[1]) != std::string_view::npos)
    s.erase(0, 1);
  return s;
}

} // namespace

CaseSheet read_case_sheet(const std::filesystem::path& file, const CaseSheetSettings& settings) {
  ImportSettings s;
  s.sheet = settings.sheet;
  std::vector<std::string> notes;
  std::string where;
  Table t = read_table_file(file, s, notes, where);
  const auto headers = unique_headers(t.headers);
  if (headers.empty() || t.rows.empty())
    throw InputError(where + ": no rows of cases under the header; nothing to import");

  std::size_t id = 0;
  if (!settings.id_column.empty()) {
    auto it = std::find(headers.begin(), headers.end(), settings.id_column);
    if (it == headers.end()) {
      it = std::find_if(headers.begin(), headers.end(), [&](const std::string& h) {
        return fold_case(h) == fold_case(settings.id_column);
      });
    }
    if (it == headers.end()) {
      std::string names;
      for (const auto& h : headers)
        names += (names.empty() ? "'" : ", '") + h + "'";
      throw InputError(where + ": no column named '" + settings.id_column + "'. The columns are " +
                       names);
    }
    id = static_cast<std::size_t>(it - headers.begin());
  }
  // QualCoder's "memo", or a "description" column: the case's description.
  std::optional<std::size_t> memo;
  for (std::size_t c = 0; c < headers.size(); ++c) {
    auto h = lower_ascii(trim(headers[c]));
    if (c != id && !memo && (h == "memo" || h == "description"))
      memo = c;
  }

  ImportSettings typing;
  typing.id_column = row_id_column; // names are checked by core, with the row
  typing.cases_only = true;
  typing.missing_values = {""};
  for (const auto& m : settings.missing_values) {
    typing.missing_values.push_back(m);
    typing.missing_values.push_back(lower_ascii(m));
    std::string upper = m;
    std::transform(upper.begin(), upper.end(), upper.begin(),
                   [](unsigned char ch) { return static_cast<char>(std::toupper(ch)); });
    typing.missing_values.push_back(upper);
  }
  std::vector<std::string> warnings;
  auto plans = plan_columns(t, headers, where, typing, warnings);

  CaseSheet sheet;
  sheet.file = where;
  for (auto& n : notes)
    sheet.notes.push_back(where + ": " + n);
  for (auto& w : warnings)
    sheet.notes.push_back(where + ": " + w);
  std::vector<std::size_t> columns;
  for (std::size_t c = 0; c < headers.size(); ++c) {
    if (c == id || (memo && c == *memo))
      continue;
    auto& plan = plans[c];
    if (plan.role == "skip") {
      sheet.notes.push_back(where + ": column '" + headers[c] + "' has no values; left out");
      continue;
    }
    plan.role = "attribute";
    if (!plan.strays.empty() && plan.type != AttrType::Text) {
      // Every value is kept: a column of numbers with a word in it is text.
      const auto& stray = cell_at(t, plan.strays.front(), c);
      sheet.notes.push_back(where + ": column '" + headers[c] +
                            "' read as text: " + t.where(plan.strays.front()) + " has '" +
                            std::string(trim(stray.text)) + "', not a " + to_string(plan.type));
      plan.type = AttrType::Text;
    }
    columns.push_back(c);
    sheet.columns.push_back({headers[c], plan.type});
  }
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    CaseSheetRow row;
    row.where = t.where(r);
    row.name = unguarded(case_name(cell_at(t, r, id)));
    if (memo) {
      row.has_description = true;
      const auto& m = cell_at(t, r, *memo);
      row.description = is_missing(m, {""}) ? std::string() : unguarded(m.text);
    }
    for (std::size_t c : columns) {
      auto v = attribute_value(cell_at(t, r, c), plans[c], typing.missing_values);
      if (!v.missing && v.type == AttrType::Text)
        v.text = unguarded(std::move(v.text));
      row.values.push_back(std::move(v));
    }
    sheet.rows.push_back(std::move(row));
  }
  return sheet;
}

} // namespace quire
