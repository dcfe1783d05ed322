#pragma once
// Importing files from the GUI: each file is read and stored off the UI
// thread (with a progress dialog that can cancel) as one undoable action.
#include <filesystem>
#include <optional>
#include <vector>

#include "core/documents.h"
#include "importers/importer.h"

namespace quire::gui {

class MainFrame;

/// Imports files into the frame's project. A single survey or transcript is
/// previewed first (see preview()). A file imported before is only
/// imported again if the user says so. Errors are shown per file. Opens the
/// last imported document. Returns how many files were imported.
int run_imports(MainFrame& f, const std::vector<std::filesystem::path>& files);

/// Reads one file (off the UI thread) and, for a survey or a transcript,
/// shows what the importer found (ImportPreview); the column roles the user
/// chose go into settings. False when the user cancelled. `read` keeps what
/// was read when the settings stayed as they were, so the import does not
/// read the file again (a big survey takes seconds); else it is emptied.
bool preview(MainFrame& f, const std::filesystem::path& file, ImportSettings& settings,
             std::optional<ImportData>& read);

/// Stores one file (off the UI thread), reading it first unless `read`
/// holds it. Throws what core and the importer throw (InputError,
/// Cancelled...).
ImportSummary import_file(MainFrame& f, const std::filesystem::path& file,
                          const ImportSettings& settings, const ImportOptions& options,
                          const std::optional<ImportData>& read = std::nullopt);

} // namespace quire::gui
