#include "importer_runner.h"

#include <wx/msgdlg.h>

#include "hints.h"
#include "import_preview.h"
#include "main_frame.h"
#include "quire/base/error.h"
#include "quire/model/documents.h"
#include "wx_text.h"

namespace quire::gui {

bool preview(MainFrame& f, const std::filesystem::path& file, ImportSettings& settings,
             std::optional<ImportData>& read, ImportOptions* options) {
  read.reset();
  ImportData data;
  f.session().run_job(&f, wx("Reading " + file.filename().string()), [&](Progress& progress) {
    progress.message("Reading " + file.filename().string());
    data = read_file(file, settings, progress);
  });
  const ImportSettings before = settings;
  if (ImportPreview::wanted(data)) {
    ImportPreview dlg(&f, data, settings);
    if (dlg.ShowModal() != wxID_OK) {
      return false;
    }
    dlg.apply(settings);
    ImportOptions ignored;
    dlg.apply_options(settings, options ? *options : ignored);
  }
  if (settings == before) {
    read = std::move(data);
  }
  return true;
}

namespace {

/// Hears the pipeline on the job's thread: lends it the job's progress and
/// counts the files stored (read on the UI thread once the job is over).
class JobObserver : public ImportObserver {
public:
  Progress& progress() override { return m_progress ? *m_progress : no_progress(); }
  void file_done(const FileImport& r) override {
    if (r.outcome == FileOutcome::Stored) {
      ++stored;
    }
  }
  Progress* m_progress = nullptr;
  int stored = 0;
};

/// Runs the import pipeline off the UI thread with a progress dialog.
/// Throws what it throws (InputError, Cancelled...); `observer.stored` then
/// says how many files were stored before it stopped.
std::vector<FileImport> import_as_job(MainFrame& f, ImportRequest request, JobObserver& observer) {
  const auto& paths = request.paths;
  const std::string title = paths.size() == 1
                                ? "Importing " + paths.front().filename().string()
                                : "Importing " + std::to_string(paths.size()) + " files";
  std::vector<FileImport> results;
  f.session().run_job(&f, wx(title), [&](Progress& progress) {
    observer.m_progress = &progress;
    results = import_files(f.session().project(), std::move(request), observer);
  });
  observer.m_progress = nullptr;
  return results;
}

/// The one file a preview is for: what was named gives exactly one file to
/// read, and it is not a REFI-QDA project (merged whole, nothing to preview).
std::optional<std::filesystem::path>
file_to_preview(const std::vector<std::filesystem::path>& named) {
  std::optional<std::filesystem::path> only;
  for (const auto& path : files_to_import(named)) {
    if (!path.left_out.empty()) {
      continue;
    }
    if (only) {
      return std::nullopt;
    }
    only = path.file;
  }
  if (only && is_project_file(*only)) {
    return std::nullopt;
  }
  return only;
}

/// Asks whether to import another copy of a file imported before.
bool ask_import_again(MainFrame& f, const std::filesystem::path& file) {
  wxMessageDialog ask(&f,
                      wx(file.filename().string() +
                         " was imported before (the same content).\n\nImport another copy?"),
                      "Already Imported", wxYES_NO | wxNO_DEFAULT | wxICON_QUESTION);
  ask.SetYesNoLabels("Import Copy", "Skip");
  return ask.ShowModal() == wxID_YES;
}

/// The status bar's line for a file stored or skipped as imported before
/// (empty for the rest).
wxString status_of(const FileImport& r) {
  const std::string name = r.file.filename().string();
  if (r.skipped_as_imported()) {
    // Importing a folder again brings its new files only.
    return wx(name + " skipped: already imported");
  }
  if (r.outcome != FileOutcome::Stored) {
    return {};
  }
  wxString note = wxString::Format("Imported %s: %zu document(s), %d passage(s)", wx(name),
                                   r.summary.documents.size(), r.summary.passages);
  // The notes themselves are longer than the status bar: it says where they are.
  if (auto n = r.summary.warnings.size(); n > 0) {
    note +=
        L" — " + wx(std::to_string(n) + (n == 1 ? " note" : " notes")) + ": View > Import Notes";
  }
  return note;
}

/// True when no file named is of a kind Quire reads; says so.
bool nothing_to_import(MainFrame& f, const std::vector<FileImport>& results) {
  std::string first_skipped;
  for (const auto& r : results) {
    if (r.outcome != FileOutcome::Skipped || r.skipped_as_imported()) {
      return false;
    }
    if (first_skipped.empty()) {
      first_skipped = r.file.string() + ": skipped (" + r.why + ")";
    }
  }
  f.show_error(wx("Nothing to import: no file there is of a kind Quire reads." +
                  (first_skipped.empty() ? std::string() : "\n\n" + first_skipped)));
  return true;
}

} // namespace

int run_imports(MainFrame& f, const std::vector<std::filesystem::path>& named) {
  ImportRequest request;
  request.paths = named;
  JobObserver observer;
  std::optional<Id> last;
  // Shows each file's result and remembers the last document stored.
  auto show = [&](const std::vector<FileImport>& results) {
    for (const auto& r : results) {
      if (auto note = status_of(r); !note.empty()) {
        f.SetStatusText(note);
      }
      if (r.outcome == FileOutcome::Stored) {
        f.import_notes().add(r.file.filename().string(), r.summary.warnings);
      }
      if (r.outcome == FileOutcome::Stored && !r.summary.documents.empty()) {
        last = r.summary.documents.back();
      }
    }
  };
  try {
    if (auto only = file_to_preview(named)) {
      if (!preview(f, *only, request.settings, request.already_read, &request.options)) {
        f.SetStatusText(wx(only->filename().string() + " not imported"));
        return 0;
      }
    }
    const auto settings = request.settings;
    auto results = import_as_job(f, std::move(request), observer);
    if (nothing_to_import(f, results)) {
      return 0;
    }
    show(results);
    // Files named on their own that were imported before: asked about, one by one.
    for (const auto& r : results) {
      if (r.outcome == FileOutcome::AlreadyImported && ask_import_again(f, r.file)) {
        ImportRequest again;
        again.paths = {r.file};
        again.settings = settings;
        again.options.again = true;
        show(import_as_job(f, std::move(again), observer));
      }
    }
  } catch (const Cancelled&) {
    const std::string what =
        named.size() == 1 ? "Import of " + named.front().filename().string() : "Import";
    f.SetStatusText(wx(observer.stored == 0
                           ? what + " cancelled; nothing changed"
                           : what + " cancelled; the " + std::to_string(observer.stored) +
                                 " file(s) stored before it stopped stay imported"));
  } catch (const Error& e) {
    f.show_error(wx(error_words(e)));
  }
  if (last) {
    // A survey opens as its grid (a respondent's document is one row of it).
    auto doc = get_document(f.session().project(), *last);
    if (doc.kind == to_string(DocumentKind::Survey)) {
      f.session().show_survey(doc.folder);
    } else {
      f.session().show_document(*last);
    }
  }
  return observer.stored;
}

} // namespace quire::gui
