#pragma once
// Private to exporters/: the tables every format writes (codebook, coded
// segments, frequencies, theme table, co-occurrence, matrices, agreement),
// built from core's queries as typed cells, so Excel, CSV and HTML show the
// same numbers.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "exporter.h"

namespace quire {
class Project;
struct Matrix;

/// One cell. Text is always written as text: never a formula.
struct ExportCell {
  enum Kind { Empty, Text, Number, Percent, Date, DateTime, Duration } kind = Empty;
  std::string text;  ///< Text; Date "YYYY-MM-DD"; DateTime ISO 8601
  double number = 0; ///< Number; Percent (0..100); Duration (milliseconds)
  std::string fill;  ///< "#rrggbb" background (codebook colours), or ""

  static ExportCell of(std::string s) { return {Text, std::move(s), 0, {}}; }
  static ExportCell num(double d) { return {Number, {}, d, {}}; }
  static ExportCell pct(double d) { return {Percent, {}, d, {}}; }
  /// A typed attribute value (missing: empty).
  static ExportCell of(const Value& v);
  /// The cell as text (CSV, HTML): numbers without needless decimals.
  std::string display() const;
};

struct ExportColumn {
  std::string name;
  bool wide = false; ///< long text: wrapped, wider column
};

struct ExportTable {
  std::string name;  ///< sheet / section name: "Codebook"
  std::string title; ///< a line saying what it counts, or ""
  std::vector<ExportColumn> columns;
  std::vector<std::vector<ExportCell>> rows;
  /// For the theme table's chart: the rows' label column and count columns.
  std::vector<std::size_t> chart_series;
};

/// Writes a table as CSV (header row, then its rows); returns the rows
/// written. Throws StorageError naming the file.
std::int64_t write_csv_table(const ExportTable& t, const std::filesystem::path& out, bool bom);

/// The Codebook table's columns.
std::vector<ExportColumn> codebook_columns();
/// Codebook: path, level, description, colour (as fill), codings, cases.
ExportTable codebook_table(const Project& p, const ExportOptions& o);
/// Code frequencies, own and with subcodes.
ExportTable frequency_table(const Project& p, const ExportOptions& o);
/// Codes × the theme attribute: cases and % of the column's cases. Empty
/// (no columns) when the project has no attributes.
ExportTable theme_table(const Project& p, const ExportOptions& o);
/// Any matrix, with counts, row % and column %.
ExportTable matrix_table(const Matrix& m, const std::string& name);
/// One extra matrix of the options, filtered as every table is.
ExportTable matrix_table(const Project& p, const ExportMatrix& m, const ExportOptions& o,
                         const std::string& name);
/// Codes × codes, overlapping codings.
ExportTable cooccurrence_table(const Project& p, const ExportOptions& o);
/// Agreement of o.coders[0] and o.coders[1], per code and overall.
ExportTable agreement_table(const Project& p, const ExportOptions& o);

/// The Coded segments table, one row at a time (a million rows never sit in
/// memory): first the columns, then each row.
void segment_rows(const Project& p, const ExportOptions& o,
                  const std::function<void(const std::vector<ExportColumn>&)>& header,
                  const std::function<void(const std::vector<ExportCell>&)>& row,
                  Progress& progress);

} // namespace quire
