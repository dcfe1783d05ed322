#pragma once
// File > Merge Project…: another project (.quire, or a REFI-QDA .qdpx) merged
// into this one by core's merge_project() off the UI thread, with a progress
// dialog that can cancel. First a dry run shows what would be added, matched
// and in conflict; after the merge the report is shown and kept as a
// project memo ("Merge report: other.quire").
#include <filesystem>
#include <string>

#include "quire/ingest/merge.h"

class wxWindow;

namespace quire::gui {

class MainFrame;

/// The merge report in words, as the dialog and the memo show it.
std::string merge_report_text(const MergeReport& r, const std::string& file);

/// Merges other into the frame's project as a job (dry_run: only works out
/// the report). After a real merge the report is added as a project memo (a
/// second undo step: undo it first to drop the memo, again to undo the
/// merge). Throws what merge_project throws (MergeRefused, StorageError,
/// Cancelled, InputError); the project is then as it was.
MergeReport run_merge(MainFrame& f, const std::filesystem::path& other, bool dry_run = false);

/// Asks for the project to merge, shows the dry run's report and asks to go
/// on, merges, shows the report.
void ask_and_merge(MainFrame& f);

/// A dialog showing a report (read-only text) with an OK button, and a
/// second one (go_on) when not empty; true when OK / go_on was chosen.
bool show_report(wxWindow* parent, const wxString& title, const wxString& text,
                 const wxString& go_on = {});

} // namespace quire::gui
