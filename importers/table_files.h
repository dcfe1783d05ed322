#pragma once
// Private to importers/: a CSV file or a sheet of an Excel workbook as a
// Table of cells, read once for every use (questionnaires, classification
// sheets, codebooks).
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "importer.h"
#include "survey_table.h"

namespace quire {

/// CSV bytes as a table: decoded, split, each row checked against the
/// header. Adds notes (encoding, delimiter, short rows). Throws InputError
/// naming the file and row.
Table read_csv_table(const std::filesystem::path& path, std::string_view bytes,
                     std::vector<std::string>& notes);
/// A sheet of a workbook (settings.sheet, else the first) as a table; `where`
/// is set to "FILE: sheet 'NAME'" for messages. Throws InputError.
Table read_xlsx_table(const std::filesystem::path& path, std::string_view bytes,
                      const ImportSettings& s, std::vector<std::string>& notes, std::string& where);

/// Whether a file is read as a workbook (.xlsx, .xlsm) rather than as CSV.
bool is_workbook_name(const std::filesystem::path& file);
/// A file on disk as a table: a workbook by its name (.xlsx, .xlsm), else
/// CSV. `where` names the file (and sheet) for messages. Throws InputError.
Table read_table_file(const std::filesystem::path& file, const ImportSettings& s,
                      std::vector<std::string>& notes, std::string& where);

} // namespace quire
