#pragma once
// Private to the survey importers: deciding what each column of a survey is
// (the respondent ID, open-ended answers, a typed attribute, or skipped).
#include <cstdint>
#include <string>
#include <vector>

#include "quire/base/types.h"
#include "survey_table.h"

namespace quire {

/// What one column becomes.
/// --id-column value that names respondents by their row ("Row 2", ...) when
/// no column identifies them (Google Forms exports have no ID column).
inline constexpr const char* row_id_column = "#row";

struct ColumnPlan {
  std::string name; ///< unique header
  std::string role; ///< "id", "text", "attribute", "skip"
  AttrType type = AttrType::Text;
  std::string why; ///< how the role was decided, for `quire inspect`
  std::int64_t values = 0, distinct = 0;
  bool day_first = true;           ///< dates written d/m/y (else m/d/y)
  std::vector<std::size_t> strays; ///< rows whose value does not fit the type
};

/// True when a cell counts as missing: empty, or its trimmed text is one of
/// the missing values.
bool is_missing(const TableCell& cell, const std::vector<std::string>& missing_values);

/// The plan for every column of the table, in column order. `headers` are
/// the unique headers. Throws InputError (naming `file`) for unknown
/// override columns, a column named in two overrides, no usable ID column.
/// Adds notes for the user to `warnings`.
std::vector<ColumnPlan> plan_columns(const Table& table, const std::vector<std::string>& headers,
                                     const std::string& file, const ImportSettings& settings,
                                     std::vector<std::string>& warnings);

/// The typed value of a cell in an attribute column (none when missing or
/// when it does not fit the column's type).
Value attribute_value(const TableCell& cell, const ColumnPlan& plan,
                      const std::vector<std::string>& missing_values);

} // namespace quire
