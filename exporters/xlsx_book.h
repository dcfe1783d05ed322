#pragma once
// Private to exporters/: an Excel workbook written with libxlsxwriter, sheet
// by sheet and row by row (constant-memory mode), with the care a report
// writer needs: styled, frozen, filterable header; fitted column widths;
// wrapped long text; numbers, dates and times typed; text always written as
// text (never a formula); Excel's limits handled visibly.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "export_tables.h"

namespace quire {

/// Excel's limits (smaller ones let tests reach them).
struct XlsxLimits {
  std::int64_t rows = 1048576;    ///< rows per sheet, header included
  std::size_t cell_chars = 32767; ///< UTF-16 units per cell
  /// ZIP64 headers (for files past 4 GB). Quire's own reader, which checks a
  /// zip's consistency, refuses libxlsxwriter's: a sheet meant to be read
  /// back (cases export) is written without them.
  bool zip64 = true;
};

class XlsxBook {
public:
  explicit XlsxBook(const std::filesystem::path& file, XlsxLimits limits = XlsxLimits());
  ~XlsxBook();
  XlsxBook(const XlsxBook&) = delete;

  /// Starts a sheet (title line if any, then the header row) and makes it
  /// the current one. Returns its number for select_sheet().
  int begin_sheet(const std::string& name, const std::vector<ExportColumn>& columns,
                  const std::string& title = {});
  /// Makes an earlier sheet current again: rows go on where it stopped
  /// (sheets can be filled in any order, each sheet's rows in order).
  void select_sheet(int sheet);
  /// Appends a row; continues on a new sheet "NAME (2)" past the row limit.
  void add_row(const std::vector<ExportCell>& cells);
  /// Writes a whole table on a sheet of its own.
  void write_table(const ExportTable& t);
  /// A clustered bar chart of the last table written (its chart_series
  /// columns, one bar per row but the last), placed beside it.
  void add_bar_chart(const ExportTable& t, const std::string& title);
  /// Finishes the file. Throws StorageError naming the file.
  void close();

  std::int64_t rows_written() const { return m_rows_total; }
  /// What the user should know (cells cut, sheets continued).
  const std::vector<std::string>& notes() const { return m_notes; }

  struct Impl;

private:
  std::unique_ptr<Impl> m;
  XlsxLimits m_limits;
  std::int64_t m_rows_total = 0;
  std::vector<std::string> m_notes;
};

} // namespace quire
