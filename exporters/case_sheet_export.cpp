// The cases as a classification sheet, through the CSV and XLSX writers.
#include "case_sheet_export.h"

#include <algorithm>

#include "export_tables.h"
#include "part_file.h"
#include "quire/model/case_sheet.h"
#include "xlsx_book.h"

namespace quire {

std::int64_t export_case_sheet(const Project& p, const std::filesystem::path& out) {
  const CaseSheet sheet = case_sheet_of(p);
  ExportTable t;
  t.name = "Cases";
  t.columns.push_back({"Case", false});
  for (const auto& c : sheet.columns)
    t.columns.push_back({c.name, false});
  const bool described = std::any_of(sheet.rows.begin(), sheet.rows.end(),
                                     [](const CaseSheetRow& r) { return r.has_description; });
  if (described)
    t.columns.push_back({"Description", true});
  for (const auto& r : sheet.rows) {
    std::vector<ExportCell> row{ExportCell::of(r.name)};
    for (const auto& v : r.values)
      row.push_back(ExportCell::of(v));
    if (described)
      row.push_back(ExportCell::of(r.description));
    t.rows.push_back(std::move(row));
  }
  auto ext = out.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  PartFile part(out);
  if (ext == ".xlsx" || ext == ".xlsm") {
    XlsxLimits limits;
    limits.zip64 = false; // read back by Quire's zip reader (a sheet is far below 4 GB)
    XlsxBook book(part.path(), limits);
    book.write_table(t);
    book.close();
  } else {
    write_csv_table(t, part.path(), false);
  }
  part.commit();
  return static_cast<std::int64_t>(t.rows.size());
}

} // namespace quire
