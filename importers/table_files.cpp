// A CSV file or a workbook's sheet from disk as a Table.
#include "table_files.h"

#include <algorithm>

namespace quire {

bool is_workbook_name(const std::filesystem::path& file) {
  auto ext = file.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext == ".xlsx" || ext == ".xlsm";
}

Table read_table_file(const std::filesystem::path& file, const ImportSettings& s,
                      std::vector<std::string>& notes, std::string& where) {
  std::string bytes = read_file_bytes(file, s);
  if (is_workbook_name(file))
    return read_xlsx_table(file, bytes, s, notes, where);
  where = file.string();
  return read_csv_table(file, bytes, notes);
}

} // namespace quire
