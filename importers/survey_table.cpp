// From a table of cells to cases, attributes and answer documents.
#include "survey_table.h"

#include "survey_layouts.h"

#include <algorithm>
#include <filesystem>
#include <optional>
#include <set>

#include "quire/base/error.h"
#include "quire/base/text.h"
#include "quire/model/codebook.h"
#include "survey_columns.h"

namespace quire {

namespace {

/// White space runs (line breaks too) as one space, trimmed.
std::string collapse_space(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : trim(s)) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = true;
      continue;
    }
    if (space && !out.empty())
      out += ' ';
    space = false;
    out += c;
  }
  return out;
}

std::string unique_name(const std::string& base, const std::set<std::string>& used) {
  std::string name = base;
  for (int k = 2; used.count(name); ++k) {
    name = base + " (" + std::to_string(k) + ")";
  }
  return name;
}

/// Tells the user about values that do not fit their column's type.
void note_strays(const Table& t, const ColumnPlan& p, const std::string& as_written,
                 const std::vector<std::string>& ids, std::vector<std::string>& warnings,
                 std::size_t col) {
  std::string list;
  for (std::size_t i = 0; i < p.strays.size() && i < 3; ++i) {
    std::size_t r = p.strays[i];
    list += (list.empty() ? "'" : ", '") + std::string(trim(t.rows[r][col].text)) + "' for " +
            ids[r] + " in " + t.where(r);
  }
  if (p.strays.size() > 3) {
    list += " and " + std::to_string(p.strays.size() - 3) + " more";
  }
  warnings.push_back("column '" + p.name + "' holds " +
                     (p.type == AttrType::Number ? "numbers" : "dates") + " except " + list +
                     ": kept as text in the attribute '" + as_written + "' and left out of '" +
                     p.name + "'");
}

/// Column c's question text, unless it only repeats the header
/// ("ResponseId" over "Response ID").
std::string question_text(const Table& t, std::size_t c, const std::string& header) {
  if (c >= t.question_texts.size()) {
    return {};
  }
  auto text = collapse_space(t.question_texts[c]);
  auto bare = [](const std::string& s) {
    std::string out;
    for (char ch : fold_case(s)) {
      if (ch != ' ' && ch != '_')
        out += ch;
    }
    return out;
  };
  return bare(text) == bare(header) ? std::string() : text;
}

} // namespace

std::string Table::where(std::size_t row) const {
  std::string s = "row " + std::to_string(row < row_numbers.size() ? row_numbers[row] : row + 2);
  if (row < line_numbers.size() && line_numbers[row] != row_numbers[row]) {
    s += " (line " + std::to_string(line_numbers[row]) + ")";
  }
  return s;
}

std::vector<std::string> unique_headers(const std::vector<std::string>& raw) {
  std::vector<std::string> out;
  std::set<std::string> used;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    std::string base = collapse_space(raw[i]);
    if (base.empty()) {
      base = "Column " + std::to_string(i + 1);
    }
    out.push_back(unique_name(base, used));
    used.insert(out.back());
  }
  return out;
}

ImportData table_to_import(const Table& table, const std::string& file, const ImportSettings& s,
                           Progress& progress, std::vector<std::string> notes) {
  std::string layout_note;
  auto folded = fold_tool_header_rows(table, layout_note);
  if (folded) {
    notes.push_back(layout_note);
  }
  const Table& t = folded ? *folded : table;
  if (t.headers.empty()) {
    throw InputError(file + ": no header row; the first row must name the columns");
  }
  if (t.rows.empty()) {
    throw InputError(file + ": only a header row, no respondents; nothing to import");
  }
  ImportData data;
  data.warnings = std::move(notes);
  auto headers = unique_headers(t.headers);
  auto plans = plan_columns(t, headers, file, s, data.warnings);
  const std::string survey =
      t.survey.empty() ? std::filesystem::path(file).stem().string() : t.survey;

  std::optional<std::size_t> id_col; // none: respondents are named by their row
  std::vector<std::string> companion(plans.size());
  std::set<std::string> used(headers.begin(), headers.end());
  for (std::size_t c = 0; c < plans.size(); ++c) {
    const auto& p = plans[c];
    data.columns.push_back(
        {p.name, p.role, p.type, p.why, p.values, p.distinct, question_text(t, c, p.name)});
    if (p.role == "id") {
      id_col = c;
    } else if (p.role == "attribute") {
      data.attributes.push_back({0, {}, p.name, p.type});
      if (!p.strays.empty()) {
        companion[c] = unique_name(p.name + " (as written)", used);
        used.insert(companion[c]);
        data.attributes.push_back({0, {}, companion[c], AttrType::Text});
      }
    }
  }
  if (!s.cases_only && std::none_of(plans.begin(), plans.end(),
                                    [](const ColumnPlan& p) { return p.role == "text"; })) {
    data.warnings.push_back(
        "no column looks open-ended, so only cases and attributes are "
        "imported; name the columns that hold answers as text columns to import them");
  }
  std::vector<std::string> ids;
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    if (!id_col) {
      if (r == 0) {
        data.warnings.push_back(
            "respondents are named by their row (\"Row 2\", ...); a later "
            "import of a changed file matches them by row, not by who they are");
      }
      auto row = r < t.row_numbers.size() ? t.row_numbers[r] : static_cast<std::int64_t>(r) + 2;
      ids.push_back("Row " + std::to_string(row));
    } else {
      ids.emplace_back(trim(t.rows[r].size() > *id_col ? t.rows[r][*id_col].text : std::string()));
    }
  }
  for (std::size_t c = 0; c < plans.size(); ++c) {
    if (!companion[c].empty()) {
      note_strays(t, plans[c], companion[c], ids, data.warnings, c);
    }
  }

  static const TableCell empty;
  data.rows = static_cast<std::int64_t>(t.rows.size());
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    if (r % 256 == 0) {
      progress.check();
      progress.update(static_cast<std::int64_t>(r), data.rows);
    }
    const auto& row = t.rows[r];
    ImportedCase kase;
    kase.name = ids[r];
    TextBuilder text;
    ImportedDocument doc;
    for (std::size_t c = 0; c < plans.size(); ++c) {
      const auto& p = plans[c];
      const TableCell& cell = c < row.size() ? row[c] : empty;
      if (p.role == "attribute") {
        // A missing value leaves what the project holds: importing never erases.
        Value v = attribute_value(cell, p, s.missing_values);
        if (!v.missing) {
          kase.attributes.emplace_back(p.name, v);
        }
        if (!companion[c].empty() && !is_missing(cell, s.missing_values)) {
          // Written as text when it is no number (or date); cleared once it is one.
          kase.attributes.emplace_back(companion[c],
                                       v.missing ? Value::of_text(std::string(trim(cell.text)))
                                                 : Value::none());
        }
      } else if (p.role == "text" && !s.cases_only && !is_missing(cell, s.missing_values)) {
        std::string_view answer = trim(cell.text);
        if (answer.empty())
          continue;
        text.paragraph_break();
        auto [start, end] = text.append(answer);
        doc.passages.push_back({start, end, {}, {}, {}, ids[r], p.name});
        doc.codings.push_back({join_code_path({"Questions", p.name}), start, end});
      }
    }
    data.cases.push_back(std::move(kase));
    if (!doc.passages.empty()) {
      doc.name = survey + " " + ids[r];
      doc.kind = DocumentKind::Survey;
      doc.folder = survey;
      doc.case_name = ids[r];
      doc.text = text.take();
      data.documents.push_back(std::move(doc));
    }
  }
  const std::string name = std::filesystem::path(file).filename().string();
  for (auto& w : data.warnings) {
    w = name + ": " + w;
  }
  return data;
}

} // namespace quire
