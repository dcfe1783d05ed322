#pragma once
// Reading CSV text (RFC 4180 and what spreadsheets really write) into records.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace quire {

struct CsvRecord {
  std::vector<std::string> fields;
  std::int64_t line = 0; ///< line (1-based) where the record starts
};

struct CsvData {
  char delimiter = ',';
  std::vector<CsvRecord> records; ///< blank lines skipped
};

/// Guesses the delimiter among ',' ';' and tab: the one that splits the first
/// records (quotes respected) into the same number of fields, preferring more
/// fields. A first line "sep=X" (Excel's hint) decides.
char detect_delimiter(std::string_view text);

/// Splits UTF-8 text into records: quoted fields may hold delimiters, line
/// breaks and doubled quotes; CRLF, LF and CR end records. Throws InputError
/// naming `file` and the line where a quoted field starts but never closes.
CsvData parse_csv(std::string_view text, const std::string& file);

} // namespace quire
