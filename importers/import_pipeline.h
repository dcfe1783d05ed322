#pragma once
// The one import pipeline both front ends call: what the user named (files
// and folders) in, one result per file out. It walks folders, picks each
// file's importer from the registry (REFI-QDA projects among them), decides
// "already imported", reads every file before it stores any, then stores
// each file as one undoable action. The CLI words the results on stdout and
// stderr; the app runs it as a background job and asks about the files that
// were imported before. See docs/design.md, "Importing: one pipeline".
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "importer.h"
#include "quire/ingest/exchange.h"
#include "quire/model/documents.h"

namespace quire {

enum class FileOutcome {
  Stored,          ///< read and stored, as one undoable action
  Skipped,         ///< found in a folder and not stored; `why` says why
  AlreadyImported, ///< named on its own, and its content is in the project already:
                   ///< not stored; the front end asks (the app) or refuses (the CLI)
};

/// What became of one file.
struct FileImport {
  std::filesystem::path file;
  bool in_folder = false; ///< found in a folder the user named (not named itself)
  FileOutcome outcome = FileOutcome::Skipped;
  /// Skipped: "empty", "cannot read it", "not a kind of file Quire reads" or
  /// "already imported"; AlreadyImported: "already imported".
  std::string why;
  std::string kind;      ///< the importer's kind of a file read ("text", "refi-qda", ...)
  ImportSummary summary; ///< Stored: what was stored (REFI-QDA: its documents,
                         ///< codings added, warnings and what was not imported)
  std::optional<ExchangeReport> exchange; ///< Stored REFI-QDA file: the whole report

  /// True for a file skipped because the same content is in the project.
  bool skipped_as_imported() const { return outcome == FileOutcome::Skipped && why == kImported; }
  static constexpr const char* kImported = "already imported";
};

/// Told about the work as it goes. Called on the thread running import_files().
class ImportObserver {
public:
  virtual ~ImportObserver() = default;
  /// Progress of reading and storing; cancelling it throws Cancelled.
  virtual Progress& progress() { return no_progress(); }
  /// Each file's result as soon as it is known: skips and questions while
  /// reading, stores while storing (so not always in the order of the files).
  virtual void file_done(const FileImport&) {}
};

struct ImportRequest {
  std::vector<std::filesystem::path> paths; ///< files and folders, as the user named them
  ImportSettings settings;
  ImportOptions options;
  /// What a preview already read of the only file named, stored instead of
  /// reading the file again (the app's survey and transcript preview).
  std::optional<ImportData> already_read;
};

/// Imports what the request names into p:
/// - a folder gives the files below it (files_to_import()); those no importer
///   reads are Skipped with why;
/// - every file is read first: if one cannot be read (InputError, naming the
///   file) or the work is cancelled (Cancelled), nothing is stored;
/// - a file whose content (SHA-256) is in the project already, or came
///   earlier in this request, is not stored unless options.again or
///   options.replace: Skipped ("already imported") when found in a folder,
///   AlreadyImported when named on its own. REFI-QDA files are always merged
///   (store_exchange() matches what is there already);
/// - the rest are stored in order, each as one undoable action.
/// Returns one result per file, in order. Nothing to import is not an error
/// here: every result is then Skipped (or there are none).
std::vector<FileImport> import_files(Project& p, ImportRequest request, ImportObserver& observer);

/// What importing `file` on its own would do: true when it is a REFI-QDA
/// project or codebook (merged whole, no preview). False when it cannot be read.
bool is_project_file(const std::filesystem::path& file);

} // namespace quire
