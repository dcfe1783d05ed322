// analysis/...: the tables of the Analysis page (its Refresh and Export
// buttons run these too), retrieved segments and code frequencies.
#include <map>

#include <wx/aui/aui.h>
#include <wx/filedlg.h>

#include "analysis_pane.h"
#include "commands.h"
#include "list_dialog.h"
#include "main_frame.h"
#include "quire/model/codebook.h"
#include "segments_pane.h"
#include "wx_text.h"

namespace quire::gui {

namespace {

void show_frequencies(MainFrame& f) {
  auto& s = f.session();
  std::map<Id, CodeCounts> counts;
  for (const auto& c : code_counts(s.project())) {
    counts[c.code_id] = c;
  }
  std::vector<std::vector<wxString>> rows;
  for (const auto& c : s.codes().list) {
    auto n = counts[c.id];
    rows.push_back({wxString(' ', 3 * static_cast<std::size_t>(c.level)) + wx(c.name),
                    wxString::Format("%lld", static_cast<long long>(n.codings)),
                    wxString::Format("%lld", static_cast<long long>(n.documents)),
                    wxString::Format("%lld", static_cast<long long>(n.cases))});
  }
  ListDialog dlg(&f, "Code Frequencies",
                 {{"Code", 300}, {"Codings", 80}, {"Documents", 90}, {"Cases", 80}}, rows,
                 "How often each code was applied (its own codings, not its subcodes').");
  dlg.ShowModal();
}

void export_excel(MainFrame& f) {
  wxFileDialog dlg(&f, "Export to Excel", "", "analysis.xlsx", "Excel workbooks (*.xlsx)|*.xlsx",
                   wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
  if (dlg.ShowModal() == wxID_OK) {
    auto path = dlg.GetPath().empty() ? dlg.wxFileDialogBase::GetPath() : dlg.GetPath();
    f.analysis().export_excel(std::filesystem::path(utf8(path)));
  }
}

} // namespace

void add_analysis_commands(MainFrame& f) {
  auto& r = f.commands();
  auto& s = f.session();
  auto is_open = [&s] { return s.is_open(); };
  auto table = [&f, &r, is_open](const char* name, const wxString& label, AnalysisKind k) {
    r.add({.name = name,
           .label = label,
           .help = "Show it on the Analysis page",
           .run =
               [&f, k] {
                 f.analysis().set_kind(k); // computed once, as the page shows
                 f.show_analysis();
               },
           .enabled = is_open});
  };
  table("analysis/theme-table", "&Theme Table", AnalysisKind::ThemeTable);
  table("analysis/matrix", "&Matrix", AnalysisKind::Matrix);
  table("analysis/cooccurrence", "&Co-occurrence", AnalysisKind::Cooccurrence);
  r.add({.name = "analysis/refresh",
         .label = "&Refresh",
         .help = "Compute the table on the Analysis page again",
         .run = [&f] { f.analysis().run(); },
         .enabled = is_open});
  r.add({.name = "analysis/export-excel",
         .label = L"&Export to Excel…",
         .help = "Write the tables as an Excel workbook, with this one as a matrix sheet",
         .run = [&f] { export_excel(f); },
         .enabled = is_open});
  r.add({.name = "analysis/frequencies",
         .label = L"Code &Frequencies…",
         .help = "How often each code was applied",
         .run = [&f] { show_frequencies(f); },
         .enabled = is_open});
  r.add({.name = "analysis/segments",
         .label = "&Retrieved Segments",
         .help = "Show the codings of the selected code",
         .run =
             [&f] {
               f.aui().GetPane("segments").Show(true);
               f.aui().Update();
             },
         .enabled = is_open});
  r.add({.name = "analysis/subcodes",
         .label = "Include &Subcodes",
         .help = "Retrieve the codings of subcodes too",
         .run = [&f] { f.segments().set_with_subcodes(!f.segments().with_subcodes()); },
         .enabled = is_open,
         .checked = [&f] { return f.segments().with_subcodes(); }});
}

} // namespace quire::gui
