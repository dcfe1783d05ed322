#include "importer_runner.h"

#include <wx/msgdlg.h>

#include "core/error.h"
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
                          const ImportSettings& settings, const ImportOptions& options) {
  auto& s = f.session();
  auto& project = s.project();
  ImportSummary summary;
  s.run_job(&f, wx("Importing " + file.filename().string()), [&](Progress& progress) {
    progress.message("Reading " + file.filename().string());
    auto data = read_file(file, settings, progress);
    progress.check();
    if (!options.again && !options.replace && was_imported(project, data.sha256)) {
      throw AlreadyImported(file.filename().string() + " is already in this project");
    }
    progress.message("Storing " + file.filename().string());
    summary = store_import(project, data, options);
  });
  return summary;
}

int run_imports(MainFrame& f, const std::vector<std::filesystem::path>& files) {
  int imported = 0;
  std::optional<Id> last;
  for (const auto& file : files) {
    ImportOptions options;
    ImportSettings settings;
    for (bool retry = true; retry;) {
      retry = false;
      try {
        auto summary = import_file(f, file, settings, options);
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
        f.show_error(wx(e.what()));
      }
    }
  }
  if (last) {
    f.session().show_document(*last);
  }
  return imported;
}

} // namespace quire::gui
