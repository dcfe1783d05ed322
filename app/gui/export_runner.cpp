#include "export_runner.h"

#include <wx/filedlg.h>

#include "export_options_dialog.h"
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

} // namespace

ExportReport run_export(MainFrame& f, const std::filesystem::path& out, const std::string& format,
                        const ExportOptions& options) {
  auto& s = f.session();
  auto& p = s.project();
  const auto& exporter = pick_exporter(out, format); // a bad name fails before the job starts
  ExportReport report;
  try {
    s.run_job(&f, wx("Exporting " + out.filename().string()), [&](Progress& progress) {
      report = export_file(p, out, options, exporter.format(), progress);
    });
  } catch (const Cancelled&) {
    f.SetStatusText(wx("Export to " + out.filename().string() + " cancelled; no file written"), 0);
    throw;
  }
  wxString note = wxString::Format("Exported %lld rows to %s", static_cast<long long>(report.rows),
                                   wx(out.string()));
  if (!report.notes.empty()) {
    note += L" — " + wx(report.notes.front());
  }
  f.SetStatusText(note, 0);
  return report;
}

void ask_and_export(MainFrame& f) {
  auto all = exporters();
  auto stem = f.session().path().stem().string();
  wxFileDialog dlg(&f, "Export", "", wx(stem + ".xlsx"), wildcard(all),
                   wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
  if (dlg.ShowModal() != wxID_OK) {
    return;
  }
  auto path = dlg.GetPath();
  if (path.empty()) {
    path = dlg.wxFileDialogBase::GetPath(); // given with SetPath(), not picked in the GTK chooser
  }
  std::filesystem::path out(utf8(path));
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

} // namespace quire::gui
