// Column roles and types of a survey. The rules are written up for users in
// docs/surveys.md; keep the two in step.
#include "survey_columns.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "quire/base/error.h"
#include "quire/base/text.h"

namespace quire {

namespace {

const TableCell& cell_at(const Table& t, std::size_t row, std::size_t col) {
  static const TableCell empty;
  const auto& r = t.rows[row];
  return col < r.size() ? r[col] : empty;
}

std::string quoted_list(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) {
    out += (out.empty() ? "'" : ", '") + n + "'";
  }
  return out;
}

/// The index of a header named by the user: exact, else ignoring case.
/// What naming a column with an option made it, in words of no front end:
/// "--text-columns" is "a text column".
std::string named_as(const std::string& option) {
  if (option == "--id-column")
    return "the ID column";
  if (option == "--text-columns")
    return "a text column";
  if (option == "--attribute-columns")
    return "an attribute column";
  if (option == "--skip-columns")
    return "a column to skip";
  return option;
}

std::size_t find_header(const std::vector<std::string>& headers, const std::string& name,
                        const std::string& option, const std::string& file) {
  for (std::size_t i = 0; i < headers.size(); ++i) {
    if (headers[i] == name)
      return i;
  }
  for (std::size_t i = 0; i < headers.size(); ++i) {
    if (lower_ascii(headers[i]) == lower_ascii(name))
      return i;
  }
  throw InputError(file + ": '" + name + "', named as " + named_as(option) +
                   ", is not a column of this file. The columns are: " + quoted_list(headers));
}

/// A header that names a respondent ID: "ID", "Respondent ID", "ResponseId", "case_id"...
bool id_like_header(const std::string& header) {
  std::string h;
  for (char c : lower_ascii(header)) {
    if (std::isalnum(static_cast<unsigned char>(c)))
      h += c;
  }
  static const std::unordered_set<std::string> names = {"id",
                                                        "respondent",
                                                        "respondentid",
                                                        "responseid",
                                                        "participant",
                                                        "participantid",
                                                        "case",
                                                        "caseid",
                                                        "recordid",
                                                        "uuid",
                                                        "identifier",
                                                        "respondentnumber",
                                                        "respondentno",
                                                        "participantnumber",
                                                        "participantno",
                                                        "interviewee",
                                                        "intervieweeid"};
  if (names.count(h))
    return true;
  auto l = lower_ascii(header);
  return l.size() > 3 && (l.ends_with(" id") || l.ends_with("_id") || l.ends_with("-id"));
}

std::int64_t code_points(std::string_view s) {
  return std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; });
}

int words(std::string_view s) {
  int n = 0;
  bool in_word = false;
  for (char c : s) {
    bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    n += (!space && !in_word) ? 1 : 0;
    in_word = !space;
  }
  return n;
}

/// What a pass over one column finds.
struct ColumnStats {
  std::int64_t values = 0, distinct = 0, numbers = 0, dates = 0, wordy = 0;
  double mean_length = 0;
  bool day_first = true, ambiguous_order = false, has_time = false;
  std::vector<std::size_t> missing_rows;
  std::pair<std::size_t, std::size_t> duplicate{0, 0}; ///< first repeated value's rows
  bool has_duplicate = false;
};

ColumnStats scan(const Table& t, std::size_t col, const std::vector<std::string>& missing) {
  ColumnStats st;
  std::unordered_map<std::string_view, std::size_t> seen;
  std::vector<std::pair<std::size_t, DateParts>> text_dates;
  bool first_gt12 = false, second_gt12 = false;
  std::int64_t total_length = 0;
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    const TableCell& c = cell_at(t, r, col);
    if (is_missing(c, missing)) {
      st.missing_rows.push_back(r);
      continue;
    }
    std::string_view v = trim(c.text);
    st.values++;
    auto [it, fresh] = seen.emplace(v, r);
    if (!fresh && !st.has_duplicate) {
      st.has_duplicate = true;
      st.duplicate = {it->second, r};
    }
    total_length += code_points(v);
    st.wordy += words(v) >= 5 ? 1 : 0;
    if (c.kind == TableCell::Kind::Number || (c.kind == TableCell::Kind::Text && parse_number(v))) {
      st.numbers++;
    } else if (c.kind == TableCell::Kind::Date) {
      st.dates++;
      st.has_time = st.has_time || c.text.size() > 10;
    } else if (c.kind == TableCell::Kind::Text) {
      if (auto p = split_date(v)) {
        first_gt12 = first_gt12 || (!p->iso && p->first > 12);
        second_gt12 = second_gt12 || (!p->iso && p->second > 12);
        text_dates.emplace_back(r, *p);
      }
    }
  }
  st.distinct = static_cast<std::int64_t>(seen.size());
  st.mean_length =
      st.values ? static_cast<double>(total_length) / static_cast<double>(st.values) : 0;
  st.day_first = first_gt12 || !second_gt12;
  bool any_dmy = false;
  for (auto& [r, p] : text_dates) {
    if (iso_date(p, st.day_first)) {
      st.dates++;
      st.has_time = st.has_time || p.has_time;
      any_dmy = any_dmy || !p.iso;
    }
  }
  st.ambiguous_order = any_dmy && !first_gt12 && !second_gt12;
  return st;
}

/// True when `count` of the column's values fit a type: all of them, or
/// all but a few strays (at most one in ten, with at least ten that fit).
bool fits(std::int64_t count, std::int64_t values) {
  return count == values || (count >= 10 && (values - count) * 10 <= values);
}

std::string describe(const ColumnStats& st) {
  return "mean " + std::to_string(std::llround(st.mean_length)) + " characters, " +
         std::to_string(st.distinct) + " distinct of " + std::to_string(st.values);
}

bool open_ended(const ColumnStats& st) {
  bool varied = st.distinct * 2 > st.values;
  return st.mean_length >= 100 || (varied && (st.mean_length >= 30 || st.wordy * 3 >= st.values));
}

/// Why a column cannot identify respondents ("" when it can).
std::string id_problem(const Table& t, std::size_t col, const ColumnStats& st) {
  if (!st.missing_rows.empty()) {
    return t.where(st.missing_rows[0]) + " has no value in it";
  }
  if (st.has_duplicate) {
    auto [a, b] = st.duplicate;
    return "'" + std::string(trim(cell_at(t, a, col).text)) + "' appears in " + t.where(a) +
           " and " + t.where(b);
  }
  return {};
}

} // namespace

bool is_missing(const TableCell& cell, const std::vector<std::string>& missing_values) {
  if (cell.kind == TableCell::Kind::Empty) {
    return true;
  }
  if (cell.kind != TableCell::Kind::Text) {
    return false;
  }
  std::string_view v = trim(cell.text);
  return std::find(missing_values.begin(), missing_values.end(), v) != missing_values.end();
}

std::vector<ColumnPlan> plan_columns(const Table& t, const std::vector<std::string>& headers,
                                     const std::string& file, const ImportSettings& s,
                                     std::vector<std::string>& warnings) {
  const std::size_t n = headers.size();
  std::vector<ColumnPlan> plans(n);
  std::vector<ColumnStats> stats(n);
  for (std::size_t c = 0; c < n; ++c) {
    plans[c].name = headers[c];
    stats[c] = scan(t, c, s.missing_values);
    plans[c].values = stats[c].values;
    plans[c].distinct = stats[c].distinct;
    plans[c].day_first = stats[c].day_first;
  }

  // Overrides first: a column may be named once.
  // Which option named each column; its why says so in words of no front end
  // ("named as a text column"), shown by `quire inspect` and the import preview.
  std::map<std::size_t, std::string> given;
  auto take = [&](const std::vector<std::string>& names, const std::string& option,
                  const std::string& role) {
    for (const auto& name : names) {
      std::size_t c = find_header(headers, name, option, file);
      if (given.count(c) && given[c] != option) {
        throw InputError(file + ": column '" + headers[c] + "' is named as both " +
                         named_as(given[c]) + " and " + named_as(option) + "; name it once");
      }
      given[c] = option;
      plans[c].role = role;
      plans[c].why = "named as " + named_as(option);
    }
  };
  const bool by_row = s.id_column == row_id_column;
  if (!s.id_column.empty() && !by_row) {
    take({s.id_column}, "--id-column", "id");
  }
  if (s.cases_only && !s.text_columns.empty()) {
    throw InputError(file + ": a cases file has no answers, so it has no text columns",
                     Hint::NameTextColumns);
  }
  take(s.text_columns, "--text-columns", "text");
  take(s.attribute_columns, "--attribute-columns", "attribute");
  take(s.skip_columns, "--skip-columns", "skip");

  // The ID column: named, else a header that says so, else the first short
  // column with a value in every row and no value twice.
  std::optional<std::size_t> id;
  for (std::size_t c = 0; c < n && !id; ++c) {
    if (plans[c].role == "id")
      id = c;
  }
  if (id) {
    if (auto why = id_problem(t, *id, stats[*id]); !why.empty()) {
      throw InputError(file + ": the ID column named, '" + headers[*id] + "', cannot " +
                       "identify respondents: " + why + ". Each respondent needs their own ID");
    }
  }
  for (std::size_t c = 0; c < n && !id && !by_row; ++c) {
    if (given.count(c) || !id_like_header(headers[c]))
      continue;
    if (auto why = id_problem(t, c, stats[c]); !why.empty()) {
      throw InputError(file + ": column '" + headers[c] + "' looks like the respondent ID, but " +
                           why + ". Fix the file, or name the column that identifies respondents",
                       Hint::NameIdColumn);
    }
    id = c;
    plans[c].why = "its header names an ID";
  }
  for (std::size_t c = 0; c < n && !id && !by_row; ++c) {
    if (!given.count(c) && id_problem(t, c, stats[c]).empty() && stats[c].mean_length <= 40) {
      id = c;
      plans[c].why = "the first column with a different value in every row";
    }
  }
  if (!id && !by_row) {
    std::string example;
    for (std::size_t c = 0; c < n && example.empty(); ++c) {
      if (!given.count(c))
        example = "column '" + headers[c] + "': " + id_problem(t, c, stats[c]);
    }
    throw InputError(file + ": no column identifies the respondents (each has a repeated or an " +
                         "empty value" + (example.empty() ? "" : "; e.g. " + example) +
                         "). Add an ID column to the file",
                     Hint::NameIdColumn, row_id_column);
  }
  if (id) {
    plans[*id].role = "id";
  }

  for (std::size_t c = 0; c < n; ++c) {
    auto& p = plans[c];
    const auto& st = stats[c];
    if (p.role == "id" || p.role == "skip" || p.role == "text")
      continue;
    if (st.values == 0 && p.role.empty()) {
      p.role = "skip";
      p.why = "no values";
      continue;
    }
    if (fits(st.numbers, st.values) && st.values > 0) {
      p.type = AttrType::Number;
    } else if (fits(st.dates, st.values) && st.values > 0) {
      p.type = AttrType::Date;
    }
    if (p.role.empty()) {
      if (s.cases_only) {
        p.role = "attribute";
        p.why = "cases file";
      } else if (p.type == AttrType::Text && open_ended(st)) {
        p.role = "text";
        p.why = "long, varied text (" + describe(st) + ")";
      } else {
        p.role = "attribute";
        p.why = p.type == AttrType::Number ? "numbers"
                : p.type == AttrType::Date ? "dates"
                                           : "short or repeated values (" + describe(st) + ")";
      }
    }
    if (p.role != "attribute" || p.type == AttrType::Text)
      continue;
    if (p.type == AttrType::Date && st.ambiguous_order) {
      warnings.push_back("column '" + p.name + "': no date shows whether the day or the month " +
                         "comes first; read as day/month/year");
    }
    if (p.type == AttrType::Date && st.has_time) {
      warnings.push_back("column '" + p.name + "': dates kept, times of day left out");
    }
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
      const auto& cell = cell_at(t, r, c);
      if (!is_missing(cell, s.missing_values) &&
          attribute_value(cell, p, s.missing_values).missing) {
        p.strays.push_back(r);
      }
    }
  }
  return plans;
}

Value attribute_value(const TableCell& cell, const ColumnPlan& plan,
                      const std::vector<std::string>& missing_values) {
  if (is_missing(cell, missing_values)) {
    return Value::none();
  }
  std::string_view v = trim(cell.text);
  switch (plan.type) {
  case AttrType::Number:
    if (cell.kind == TableCell::Kind::Number)
      return Value::of_number(cell.number);
    if (cell.kind == TableCell::Kind::Text) {
      if (auto d = parse_number(v))
        return Value::of_number(*d);
    }
    return Value::none();
  case AttrType::Date:
    if (cell.kind == TableCell::Kind::Date)
      return Value::of_date(cell.text.substr(0, 10));
    if (cell.kind == TableCell::Kind::Text) {
      if (auto p = split_date(v)) {
        if (auto iso = iso_date(*p, plan.day_first))
          return Value::of_date(*iso);
      }
    }
    return Value::none();
  case AttrType::Text: break;
  }
  return Value::of_text(std::string(v));
}

} // namespace quire
