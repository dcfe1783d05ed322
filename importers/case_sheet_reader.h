#pragma once
// Classification sheets (CSV or XLSX): a row per case, the first column (or
// a named one) the case's name, the other columns its attributes, typed as
// the survey importer types them. Reads the shapes NVivo (classification
// sheet export: "Name" column, hierarchy paths, "Unassigned") and QualCoder
// (case export: name, attributes, memo) write. Stored by core's
// import_case_sheet(); see docs/cases.md.
#include <filesystem>
#include <string>

#include "importer.h"
#include "quire/model/case_sheet.h"

namespace quire {

struct CaseSheetSettings {
  std::string id_column; ///< the header of the column naming the cases ("" = the first)
  std::string sheet;     ///< a workbook's sheet ("" = the first)
  /// Cells read as missing (besides empty ones); compared trimmed, ignoring case.
  std::vector<std::string> missing_values = {"NA", "N/A", "-", ".", "Unassigned", "Not Applicable"};
};

/// Reads a classification sheet. Throws InputError naming the file (and row,
/// column) for an unknown ID column, a sheet without data rows, and what
/// reading CSV or XLSX refuses.
CaseSheet read_case_sheet(const std::filesystem::path& file,
                          const CaseSheetSettings& settings = {});

} // namespace quire
