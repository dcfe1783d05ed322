#pragma once
// Importing files from the GUI: each file is read and stored off the UI
// thread (with a progress dialog that can cancel) as one undoable action.
#include <filesystem>
#include <optional>
#include <vector>

#include "importers/import_pipeline.h"

namespace quire::gui {

class MainFrame;

/// Imports files and folders into the frame's project through the one
/// import pipeline (importers/import_pipeline.h), run as a background job
/// with a progress dialog that can cancel. A single survey or transcript is
/// previewed first (see preview()). A file named on its own that was
/// imported before is only imported again if the user says so. Errors are
/// shown. Opens the last imported document (a survey: its grid). Returns how many files were
/// imported.
int run_imports(MainFrame& f, const std::vector<std::filesystem::path>& files);

/// Reads one file (off the UI thread) and, for a survey or a transcript,
/// shows what the importer found (ImportPreview); the column roles and the
/// options the user chose go into settings and options (when given). False when the user cancelled.
/// `read` keeps what was read when the settings stayed as they were, so the import does not read
/// the file again (a big survey takes seconds); else it is emptied.
bool preview(MainFrame& f, const std::filesystem::path& file, ImportSettings& settings,
             std::optional<ImportData>& read, ImportOptions* options = nullptr);

} // namespace quire::gui
