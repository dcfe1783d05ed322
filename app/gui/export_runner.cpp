#include "export_runner.h"

#include <cctype>
#include <filesystem>
#include <optional>

#include <wx/filedlg.h>
#include <wx/utils.h>

#include "analysis_pane.h"
#include "export_options_dialog.h"
#include "exporters/case_sheet_export.h"
#include "main_frame.h"
#include "quire/base/error.h"
#include "wx_text.h"

namespace quire::gui {

namespace {

wxString wildcard(const std::vector<const Exporter*>& all) {
  wxString w;
  for (const auto* e : all) {
    wxString exts;
    for (const auto& x : e->extensions()) {
      exts += (exts.empty() ? "*" : ";*") + wx(x);
    }
    wxString description = wx(e->description());
    if (auto cut = description.find_first_of(":(;"); cut != wxString::npos && cut > 10) {
      description = description.Left(cut).Strip(wxString::both);
    }
    w += (w.empty() ? "" : "|") + description + " (" + exts + ")|" + exts;
  }
  return w;
}

std::filesystem::path& last_written() {
  static std::filesystem::path path;
  return path;
}

} // namespace

namespace {

void tell_written(MainFrame& f, const std::filesystem::path& out, const ExportReport& report,
                  const char* rows) {
  last_written() = out;
  auto note = wxString::Format("Exported %lld %s to %s", static_cast<long long>(report.rows), rows,
                               wx(out.string()));
  note += report.notes.empty() ? wxString(" (File > Show Last Export opens its folder)")
                               : L" — " + wx(report.notes.front());
  f.SetStatusText(note, 0);
}

} // namespace

void tell_exported(MainFrame& f, const std::filesystem::path& out, const ExportReport& report) {
  tell_written(f, out, report, "rows");
}

const std::filesystem::path& last_export() {
  return last_written();
}

bool show_last_export_folder() {
  const auto& out = last_written();
  if (out.empty()) {
    return false;
  }
  return wxLaunchDefaultApplication(wx(out.parent_path().string()));
}

ExportReport run_export(MainFrame& f, const std::filesystem::path& out, const std::string& format,
                        ExportOptions options) {
  auto& s = f.session();
  auto& p = s.project();
  const auto& exporter = pick_exporter(out, format); // a bad name fails before the job starts
  // The workbook's theme table by the attribute chosen on the Analysis page,
  // unless the export's options name one.
  if (options.theme_attribute.empty()) {
    options.theme_attribute = f.analysis().theme_attribute();
  }
  ExportReport report;
  try {
    s.run_job(&f, wx("Exporting " + out.filename().string()), [&](Progress& progress) {
      report = export_file(p, out, options, exporter.format(), progress);
    });
  } catch (const Cancelled&) {
    f.SetStatusText(wx("Export to " + out.filename().string() + " cancelled; no file written"), 0);
    throw;
  }
  tell_exported(f, out, report);
  return report;
}

namespace {

/// The file a save dialog was answered with (none when cancelled).
std::optional<std::filesystem::path> chosen_save_path(wxFileDialog& dlg) {
  if (dlg.ShowModal() != wxID_OK) {
    return std::nullopt;
  }
  auto path = dlg.GetPath();
  if (path.empty()) {
    path = dlg.wxFileDialogBase::GetPath(); // given with SetPath(), not picked in the GTK chooser
  }
  return std::filesystem::path(utf8(path));
}

} // namespace

void ask_and_export(MainFrame& f) {
  auto all = exporters();
  auto stem = f.session().path().stem().string();
  wxFileDialog dlg(&f, "Export", "", wx(stem + ".xlsx"), wildcard(all),
                   wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
  auto chosen_path = chosen_save_path(dlg);
  if (!chosen_path) {
    return;
  }
  std::filesystem::path out = *chosen_path;
  std::string format;
  int chosen = dlg.GetFilterIndex();
  bool known_ext = false;
  for (const auto* e : all) {
    for (const auto& x : e->extensions()) {
      known_ext = known_ext || out.extension() == x;
    }
  }
  if (!known_ext && chosen >= 0 && static_cast<std::size_t>(chosen) < all.size()) {
    format = all[static_cast<std::size_t>(chosen)]->format();
    out += all[static_cast<std::size_t>(chosen)]->extensions().front();
  }
  // The options `quire export` has (export_options_dialog.h), for the formats that take them.
  ExportOptions options;
  auto chosen_format = pick_exporter(out, format).format();
  if (ExportOptionsDialog::has_options(chosen_format)) {
    ExportOptionsDialog opts(&f, f.session().project(), chosen_format);
    if (opts.ShowModal() != wxID_OK) {
      return;
    }
    options = opts.options(f.session().project());
  }
  run_export(f, out, format, options);
}

std::int64_t run_case_export(MainFrame& f, const std::filesystem::path& out) {
  auto& s = f.session();
  auto& p = s.project();
  std::int64_t cases = 0;
  try {
    s.run_job(&f, wx("Exporting " + out.filename().string()), [&](Progress& progress) {
      progress.message("Writing the cases");
      progress.check();
      cases = export_case_sheet(p, out);
    });
  } catch (const Cancelled&) {
    f.SetStatusText(wx("Export to " + out.filename().string() + " cancelled; no file written"), 0);
    throw;
  }
  ExportReport report;
  report.rows = cases;
  tell_written(f, out, report, cases == 1 ? "case" : "cases");
  return cases;
}

void ask_and_export_cases(MainFrame& f) {
  auto stem = f.session().path().stem().string();
  wxFileDialog dlg(&f, "Export Cases", "", wx(stem + "-cases.xlsx"),
                   "Excel workbook (*.xlsx)|*.xlsx|CSV (*.csv)|*.csv",
                   wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
  auto chosen_path = chosen_save_path(dlg);
  if (!chosen_path) {
    return;
  }
  std::filesystem::path out = *chosen_path;
  auto ext = out.extension().string();
  for (auto& c : ext) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  if (ext != ".xlsx" && ext != ".csv") {
    out += dlg.GetFilterIndex() == 1 ? ".csv" : ".xlsx";
  }
  run_case_export(f, out);
}

} // namespace quire::gui
