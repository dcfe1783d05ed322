#pragma once
// Private to the XLSX importer: the parts of a workbook around the sheets
// (which sheets there are and where, shared strings, number formats) and
// reading one sheet's cells.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "cell_values.h"

namespace quire {

class ZipArchive;

struct XlsxSheet {
  std::string name;   ///< as shown on the tab
  std::string member; ///< zip member of its XML ("xl/worksheets/sheet1.xml")
};

struct XlsxWorkbook {
  std::vector<XlsxSheet> sheets; ///< in tab order
  bool date1904 = false;         ///< dates count from 1904-01-01 (old Mac Excel)
  std::string shared_strings;    ///< member, "" when there is none
  std::string styles;            ///< member, "" when there is none
};

/// How a cell style shows numbers.
enum class NumberShow : std::uint8_t { Number, Date, Time };

/// Finds the workbook, its sheets, shared strings and styles through the
/// package relationships. Throws InputError naming `file`.
XlsxWorkbook read_workbook(const ZipArchive& zip, const std::string& file);
/// The strings of sharedStrings.xml, rich-text runs joined, phonetic guides left out.
std::vector<std::string> read_shared_strings(std::string_view xml, const std::string& where);
/// For each cell style (cellXfs index): how it shows numbers.
std::vector<NumberShow> read_number_styles(std::string_view xml, const std::string& where);
/// How a number format code shows numbers ("dd/mm/yyyy" a date, "h:mm" a time).
NumberShow number_show(int format_id, const std::string& format_code);

/// One non-empty row of a sheet: its row number and its cells by column.
struct XlsxRow {
  std::int64_t number = 0;
  std::vector<TableCell> cells;
};

struct SheetContext {
  const std::vector<std::string>* shared = nullptr;
  const std::vector<NumberShow>* styles = nullptr;
  bool date1904 = false;
};

/// The rows of a sheet that hold a value, in order. Throws InputError naming
/// `where` and the cell for references outside the sheet or unknown strings.
std::vector<XlsxRow> read_sheet_rows(std::string_view xml, const SheetContext& ctx,
                                     const std::string& where);

} // namespace quire
