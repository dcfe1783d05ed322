#pragma once
// File > Export…: the project written through the exporter registry (Excel,
// CSV, HTML report, REFI-QDA project or codebook) off the UI thread, with a
// progress dialog that can cancel. A cancelled or failed export leaves no file.
// File > Export Cases…: the cases and their attributes as a classification
// sheet (CSV or Excel), written by the exporter `quire cases export` uses.
#include <cstdint>
#include <filesystem>
#include <string>

#include "exporters/exporter.h"

namespace quire::gui {

class MainFrame;

/// Says in the status bar where an export was written (the whole path, the
/// rows, the first note) and remembers it for File > Show Last Export.
void tell_exported(MainFrame& f, const std::filesystem::path& out, const ExportReport& report);
/// The file the last export in this window wrote (empty: none yet).
const std::filesystem::path& last_export();
/// Opens the folder that holds the last export in the file manager; false
/// when there was none or the desktop has no file manager to open it.
bool show_last_export_folder();

/// Asks where to write (the file type picks the format), then exports.
void ask_and_export(MainFrame& f);
/// Exports the project to out (format: by extension when empty) as a job and
/// says what was written in the status bar. Throws what export_file throws
/// (Cancelled after Cancel).
ExportReport run_export(MainFrame& f, const std::filesystem::path& out,
                        const std::string& format = {}, ExportOptions options = {});

/// Asks where to write the cases' sheet (Excel or CSV), then exports it.
void ask_and_export_cases(MainFrame& f);
/// Writes the cases as a classification sheet to out (.xlsx a workbook,
/// else CSV) as a job, as `quire cases export` does, and says what was
/// written in the status bar. Returns the cases written. Throws what
/// export_case_sheet throws (nothing is left behind), or Cancelled.
std::int64_t run_case_export(MainFrame& f, const std::filesystem::path& out);

} // namespace quire::gui
