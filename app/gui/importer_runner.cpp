#include "importer_runner.h"

#include <wx/msgdlg.h>

#include "core/error.h"
#include "core/exchange.h"
#include "hints.h"
#include "import_preview.h"
#include "importers/importer.h"
#include "importers/refi_import.h"
#include "main_frame.h"
#include "wx_text.h"

namespace quire::gui {

namespace {
/// The file's content is in the project already (asked about, not an error).
struct AlreadyImported : InputError {
  using InputError::InputError;
};
} // namespace

ImportSummary import_file(MainFrame& f, const std::filesystem::path& file,
                          const ImportSettings& settings, const ImportOptions& options,
                          const std::optional<ImportData>& read) {
  auto& s = f.session();
  auto& project = s.project();
  ImportSummary summary;
  auto exchange = sniff_exchange_file(file);
  if (exchange != ExchangeFormat::None) {
    // REFI-QDA projects and codebooks are merged in: GUIDs, coders, times kept.
    s.run_job(&f, wx("Importing " + file.filename().string()), [&](Progress& progress) {
      progress.message("Reading " + file.filename().string());
      auto data = read_exchange_file(file, settings);
      progress.check();
      progress.message("Storing " + file.filename().string());
      ExchangeOptions opt;
      opt.action_name = "Import '" + file.filename().string() + "'";
      auto rep = store_exchange(project, data, opt);
      summary.documents = rep.documents;
      summary.codings = static_cast<int>(rep.codings_added);
      summary.warnings = rep.warnings;
      for (const auto& n : rep.not_imported) {
        summary.warnings.push_back("not imported: " + n);
      }
    });
    return summary;
  }
  s.run_job(&f, wx("Importing " + file.filename().string()), [&](Progress& progress) {
    ImportData fresh;
    if (!read) {
      progress.message("Reading " + file.filename().string());
      fresh = read_file(file, settings, progress);
      progress.check();
    }
    const ImportData& data = read ? *read : fresh;
    if (!options.again && !options.replace && was_imported(project, data.sha256)) {
      throw AlreadyImported(file.filename().string() + " is already in this project");
    }
    progress.message("Storing " + file.filename().string());
    summary = store_import(project, data, options);
  });
  return summary;
}

bool preview(MainFrame& f, const std::filesystem::path& file, ImportSettings& settings,
             std::optional<ImportData>& read) {
  read.reset();
  ImportData data;
  f.session().run_job(&f, wx("Reading " + file.filename().string()), [&](Progress& progress) {
    progress.message("Reading " + file.filename().string());
    data = read_file(file, settings, progress);
  });
  const ImportSettings before = settings;
  if (ImportPreview::wanted(data)) {
    ImportPreview dlg(&f, data);
    if (dlg.ShowModal() != wxID_OK) {
      return false;
    }
    dlg.apply(settings);
  }
  if (settings == before) {
    read = std::move(data);
  }
  return true;
}

int run_imports(MainFrame& f, const std::vector<std::filesystem::path>& named) {
  // A folder gives the files below it that Quire reads (as `quire import DIR`).
  std::vector<std::string> skipped;
  auto files = files_to_import(named, skipped);
  if (files.empty()) {
    f.show_error(wx("Nothing to import: no file there is of a kind Quire reads." +
                    (skipped.empty() ? std::string() : "\n\n" + skipped.front())));
    return 0;
  }
  int imported = 0;
  std::optional<Id> last;
  for (const auto& [file, in_folder] : files) {
    ImportOptions options;
    ImportSettings settings;
    std::optional<ImportData> read; // what the preview read, when it still holds
    bool previewed = files.size() > 1 || sniff_exchange_file(file) != ExchangeFormat::None;
    for (bool retry = true; retry;) {
      retry = false;
      try {
        if (!previewed) {
          previewed = true;
          if (!preview(f, file, settings, read)) {
            f.SetStatusText(wx(file.filename().string() + " not imported"));
            return imported;
          }
        }
        auto summary = import_file(f, file, settings, options, read);
        ++imported;
        if (!summary.documents.empty()) {
          last = summary.documents.back();
        }
        wxString note = wxString::Format("Imported %s: %zu document(s), %d passage(s)",
                                         wx(file.filename().string()), summary.documents.size(),
                                         summary.passages);
        if (!summary.warnings.empty()) {
          note += L" — " + wx(summary.warnings.front());
        }
        f.SetStatusText(note);
      } catch (const Cancelled&) {
        f.SetStatusText(
            wx("Import of " + file.filename().string() + " cancelled; nothing changed"));
        return imported;
      } catch (const AlreadyImported&) {
        if (in_folder) {
          // Importing a folder again brings its new files only.
          f.SetStatusText(wx(file.filename().string() + " skipped: already imported"));
          continue;
        }
        wxMessageDialog ask(&f,
                            wx(file.filename().string() +
                               " was imported before (the same content).\n\nImport another copy?"),
                            "Already Imported", wxYES_NO | wxNO_DEFAULT | wxICON_QUESTION);
        ask.SetYesNoLabels("Import Copy", "Skip");
        if (ask.ShowModal() == wxID_YES) {
          options.again = true;
          retry = true;
        }
      } catch (const Error& e) {
        f.show_error(wx(error_words(e)));
      }
    }
  }
  if (last) {
    f.session().show_document(*last);
  }
  return imported;
}

} // namespace quire::gui
