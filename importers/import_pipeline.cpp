// The one import pipeline: walk, read everything, decide "already imported",
// then store file by file. See import_pipeline.h.
#include "import_pipeline.h"

#include <set>

#include "quire/base/error.h"

namespace quire {

namespace {

/// A file read and waiting to be stored: documents, or a whole project.
struct ReadFile {
  std::size_t result = 0; ///< index into the results
  std::string kind;       ///< the importer's kind
  std::optional<ImportData> documents;
  std::optional<ProjectData> project;
};

/// Reads one file with the importer the registry picks for it.
ReadFile read_one(const std::filesystem::path& file, const ImportRequest& request,
                  std::optional<ImportData>& already_read, Progress& progress) {
  ReadFile out;
  const Importer& importer = importer_for(file, request.settings);
  progress.message("Reading " + file.filename().string());
  out.kind = importer.kind();
  if (importer.reads_projects()) {
    out.project = importer.read_project(file, request.settings, progress);
  } else if (already_read) {
    out.documents = std::move(*already_read);
    already_read.reset();
  } else {
    out.documents = read_file(file, request.settings, progress);
  }
  if (out.documents) {
    out.kind = out.documents->kind;
  }
  progress.check();
  return out;
}

/// Stores one file read, as one undoable action, into its result.
void store_one(Project& p, ReadFile& read, const ImportOptions& options, FileImport& result,
               Progress& progress) {
  progress.message("Storing " + result.file.filename().string());
  if (read.documents) {
    result.summary = store_import(p, *read.documents, options);
  } else {
    // REFI-QDA projects and codebooks are merged in: GUIDs, coders, times kept.
    ExchangeOptions opt;
    opt.action_name = "Import '" + result.file.filename().string() + "'";
    auto report = store_exchange(p, *read.project, opt);
    result.summary.documents = report.documents;
    result.summary.codings = static_cast<int>(report.codings_added);
    result.summary.warnings = report.warnings;
    for (const auto& n : report.not_imported) {
      result.summary.warnings.push_back("not imported: " + n);
    }
    result.exchange = std::move(report);
  }
  result.outcome = FileOutcome::Stored;
}

} // namespace

std::vector<FileImport> import_files(Project& p, ImportRequest request, ImportObserver& observer) {
  Progress& progress = observer.progress();
  std::vector<FileImport> results;
  auto paths = files_to_import(request.paths);
  std::size_t to_read = 0;
  for (const auto& path : paths) {
    to_read += path.left_out.empty() ? 1 : 0;
  }
  if (to_read != 1) {
    request.already_read.reset(); // a preview reads one file only
  }

  // 1. Read every file before storing any: one that cannot be read stops
  //    the import with the project as it was.
  const bool check_imported = !request.options.again && !request.options.replace;
  std::set<std::string> seen; // SHA-256 of the files read so far
  std::vector<ReadFile> read;
  for (const auto& path : paths) {
    FileImport result;
    result.file = path.file;
    result.in_folder = path.in_folder;
    if (!path.left_out.empty()) {
      result.why = path.left_out;
      results.push_back(result);
      observer.file_done(results.back());
      continue;
    }
    auto one = read_one(path.file, request, request.already_read, progress);
    result.kind = one.kind;
    if (one.documents && check_imported) {
      const auto& sha = one.documents->sha256;
      if (seen.count(sha) || was_imported(p, sha)) {
        // Found in a folder: importing the folder again brings only its new files.
        result.outcome = path.in_folder ? FileOutcome::Skipped : FileOutcome::AlreadyImported;
        result.why = FileImport::kImported;
        results.push_back(result);
        observer.file_done(results.back());
        continue;
      }
      seen.insert(sha);
    }
    one.result = results.size();
    results.push_back(result);
    read.push_back(std::move(one));
  }

  // 2. Store them in order, each file one undoable action.
  std::int64_t done = 0;
  for (auto& one : read) {
    progress.check();
    progress.update(done, static_cast<std::int64_t>(read.size()));
    auto& result = results[one.result];
    store_one(p, one, request.options, result, progress);
    one = {}; // what was read is not needed any more
    observer.file_done(result);
    ++done;
  }
  return results;
}

bool is_project_file(const std::filesystem::path& file) {
  try {
    return importer_for(file).reads_projects();
  } catch (const InputError&) {
    return false;
  }
}

} // namespace quire
