#pragma once
// The command groups, one file each (commands_<group>.cpp registers the
// commands named "<group>/..."): they fill the registry of a frame. Menus,
// the toolbar, context menus, shortcuts and pane buttons all run these.
#include <filesystem>
#include <string>
#include <vector>

namespace quire::gui {

class MainFrame;

/// The project file File > New makes of the path typed in its dialog: with
/// ".quire" added when missing, and once only ("x.quire" typed over the
/// dialog's selected "study" arrives as "x.quire.quire").
std::filesystem::path project_path_typed(const std::string& typed);

void add_file_commands(MainFrame& f);     ///< file/...: projects, import, export, safety copies
void add_edit_commands(MainFrame& f);     ///< edit/...: undo, clipboard, find, preferences
void add_view_commands(MainFrame& f);     ///< view/...: panes and pages
void add_code_commands(MainFrame& f);     ///< code/...: coding the selected text
void add_codes_commands(MainFrame& f);    ///< codes/...: the codebook, coders
void add_docs_commands(MainFrame& f);     ///< docs/...: the document selected in Sources
void add_memos_commands(MainFrame& f);    ///< memos/...: the Memos pane
void add_search_commands(MainFrame& f);   ///< search/...: the Search pane
void add_analysis_commands(MainFrame& f); ///< analysis/...: the Analysis page, segments
void add_help_commands(MainFrame& f);     ///< help/...
void add_cases_commands(MainFrame& f);    ///< cases/...: the Cases page, cases of sources
void add_team_commands(MainFrame& f);     ///< team/...: a team project's sync and status
void add_page_commands(MainFrame& f);     ///< merge; Coding Query, Words, Agreement pages
void add_sheet_commands(MainFrame& f);    ///< file/import-codebook, file/import-cases

/// File > Import Codebook… for a chosen file: reads it, shows the preview,
/// imports on Import. False when cancelled. Throws the reader's InputError.
bool import_codebook_file(MainFrame& f, const std::filesystem::path& file);
/// File > Import Classification Sheet… for a chosen file, the same way.
bool import_case_sheet_file(MainFrame& f, const std::filesystem::path& file);

/// View > Coders: view/coders-everyone, view/coders-mine and one item per
/// coder of the project by name (view/coders-1 ... up to this many; Codes >
/// Coders… chooses among more).
constexpr std::size_t coder_filter_slots = 9;
/// The names of View > Coders' items, in menu order ("-": a separator).
std::vector<std::string> coder_filter_names();

/// Every group above, before the panes are made (their buttons name commands).
inline void add_all_commands(MainFrame& f) {
  add_file_commands(f);
  add_edit_commands(f);
  add_view_commands(f);
  add_code_commands(f);
  add_codes_commands(f);
  add_docs_commands(f);
  add_memos_commands(f);
  add_search_commands(f);
  add_analysis_commands(f);
  add_cases_commands(f);
  add_team_commands(f);
  add_help_commands(f);
  add_page_commands(f);
  add_sheet_commands(f);
}

} // namespace quire::gui
