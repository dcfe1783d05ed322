#pragma once
// Cells of a table (CSV field, spreadsheet cell) and reading numbers and
// dates out of them. Shared by the CSV and XLSX importers.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace quire {

struct TableCell {
  enum class Kind : std::uint8_t { Empty, Text, Number, Date, Bool };
  Kind kind = Kind::Empty;
  /// Text as written; Number as displayed ("15", "2.5"); Date as ISO
  /// "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM:SS"; Bool "TRUE" / "FALSE".
  std::string text;
  double number = 0; ///< Number only

  static TableCell of_text(std::string s) { return {Kind::Text, std::move(s), 0}; }
  static TableCell of_number(double d);
  static TableCell of_date(std::string iso) { return {Kind::Date, std::move(iso), 0}; }
  static TableCell of_bool(bool b) { return {Kind::Bool, b ? "TRUE" : "FALSE", 0}; }
};

/// s without leading and trailing white space (ASCII and no-break space).
std::string_view trim(std::string_view s);

/// A number as people write it in a survey: "15", "-2.5", "1e3", "2,5"
/// (decimal comma). Not numbers: "1,500" (thousands or decimal?), "0123"
/// (a code: the leading zero matters), "about 10", "50%".
std::optional<double> parse_number(std::string_view s);
/// A number as a spreadsheet shows it: integers without ".0", else up to
/// 15 significant digits.
std::string format_number(double d);

/// A date written as text, split before the day/month order is known.
struct DateParts {
  int year = 0, first = 0, second = 0; ///< ISO: first = month, second = day
  bool iso = false;                    ///< year first (ISO 8601, "2026/03/02")
  bool has_time = false;
};
/// Recognises "2026-03-02", "2026-03-02T16:08:00Z", "2026/03/02",
/// "02/03/2026", "2.3.2026 16:08", "3/2/2026 4:08 PM". Four-digit years only.
std::optional<DateParts> split_date(std::string_view s);
/// The ISO date "YYYY-MM-DD" of parts, reading d/m/y day first or month
/// first; nullopt when it is not a valid date.
std::optional<std::string> iso_date(const DateParts& parts, bool day_first);

/// A spreadsheet date serial as ISO "YYYY-MM-DD" (with "THH:MM:SS" when it
/// has a time of day); nullopt when outside year 1900..9999.
std::optional<std::string> excel_serial_to_iso(double serial, bool date1904);

} // namespace quire
