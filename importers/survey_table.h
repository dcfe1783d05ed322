#pragma once
// A survey as a table of cells (from CSV or XLSX), turned into ImportData:
// a case per respondent with typed attributes, and a document of their
// open-ended answers, each answer a passage coded under "Questions/".
#include <cstdint>
#include <string>
#include <vector>

#include "cell_values.h"
#include "importer.h"
#include "quire/ingest/import_data.h"

namespace quire {

struct Table {
  std::string survey;               ///< the survey's name: the respondents' documents' folder
  std::vector<std::string> headers; ///< as in the file (made unique later)
  std::vector<std::vector<TableCell>> rows; ///< data rows; a short row's last cells are empty
  std::vector<std::int64_t> row_numbers;    ///< each data row's row in the file (header = 1)
  std::vector<std::int64_t> line_numbers;   ///< CSV: the line each row starts on (else empty)
  /// Per column, the question as a survey tool wrote it in a header row of
  /// its own (Qualtrics' row 2); empty when the file has no such row.
  std::vector<std::string> question_texts;

  /// "row 23 (line 25)" or "row 23", for messages.
  std::string where(std::size_t row) const;
};

/// Headers made unique and non-empty: white space collapsed, an empty header
/// named "Column N" (N counts from 1), a repeated one "Q1 (2)".
std::vector<std::string> unique_headers(const std::vector<std::string>& raw);

/// Decides the columns' roles and types (see docs/surveys.md) and builds the
/// cases, attributes and answer documents. `notes` from the reader (encoding,
/// delimiter, sheet) come first among the warnings, each of which starts with
/// the file's name. Throws InputError naming `file` for unknown override
/// columns, a missing or repeated ID, or no data rows.
ImportData table_to_import(const Table& table, const std::string& file,
                           const ImportSettings& settings, Progress& progress,
                           std::vector<std::string> notes = {});

} // namespace quire
