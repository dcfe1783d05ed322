#pragma once
// The project's cases as a classification sheet (CSV or XLSX): a row per
// case, the first column its name, a column per attribute, typed cells, a
// Description column when some case has one. What `quire cases import`
// and the desktop app's Import Classification Sheet read back unchanged.
#include <cstdint>
#include <filesystem>

namespace quire {
class Project;

/// Writes the sheet to out (.xlsx/.xlsm as a workbook, anything else as
/// CSV), only whole (a failed export leaves nothing). Returns the cases
/// written. Throws StorageError naming the file.
std::int64_t export_case_sheet(const Project& p, const std::filesystem::path& out);

} // namespace quire
