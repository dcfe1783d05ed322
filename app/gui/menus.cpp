#include "menus.h"

#include <string>
#include <vector>

#include <wx/filehistory.h>
#include <wx/menu.h>

#include "commands.h"
#include "main_frame.h"

namespace quire::gui {

namespace {

std::vector<std::string> recent_names() {
  std::vector<std::string> names;
  for (int i = 1; i <= 9; ++i) {
    names.push_back("code/recent-" + std::to_string(i));
  }
  return names;
}

} // namespace

wxMenuBar* make_menu_bar(MainFrame& frame) {
  auto& r = frame.commands();
  auto* bar = new wxMenuBar;

  auto* file = r.make_menu({"file/new", "file/open"});
  auto* recent = new wxMenu;
  frame.recent_files().UseMenu(recent);
  frame.recent_files().AddFilesToMenu(recent);
  file->AppendSubMenu(recent, "Open &Recent");
  r.append(file, {"file/open-demo", "-", "file/import", "file/import-folder",
                  "file/import-codebook", "file/import-cases", "file/export", "file/export-cases",
                  "file/show-export", "file/merge", "-", "file/restore", "-", "team/join",
                  "team/publish", "-", "file/close", "-", "file/quit"});
  bar->Append(file, "&File");
  bar->Append(r.make_menu({"edit/undo", "edit/redo", "-", "edit/cut", "edit/copy", "-", "edit/find",
                           "-", "edit/history", "edit/preferences"}),
              "&Edit");
  auto* view = r.make_menu({"view/sources", "view/codebook", "view/segments", "view/memos",
                            "view/suggestions", "view/search", "view/analysis", "cases/show", "-",
                            "view/question-codes"});
  view->AppendSubMenu(r.make_menu(coder_filter_names()), "C&oders",
                      "Whose codings the views show: everyone's, only yours, one coder's");
  r.append(view, {"view/import-notes", "-", "view/reset-layout"});
  bar->Append(view, "&View");
  auto* codes =
      r.make_menu({"code/code-as", "code/with-selected", "code/uncode", "code/memo-coding", "-"});
  codes->AppendSubMenu(r.make_menu(recent_names()), "Code with &Recent");
  codes->AppendSeparator();
  r.append(codes,
           {"codes/new", "codes/new-child", "codes/rename", "codes/recolour", "codes/describe",
            "codes/move", "codes/merge", "codes/delete", "-", "codes/coders"});
  bar->Append(codes, "&Codes");
  bar->Append(r.make_menu({"search/find", "search/code-all", "search/similar", "-",
                           "analysis/theme-table", "analysis/matrix", "analysis/cooccurrence",
                           "analysis/frequencies", "-", "analysis/query", "analysis/words",
                           "analysis/agreement", "-", "analysis/segments", "analysis/subcodes"}),
              "&Analysis");
  bar->Append(cases_menu(frame), "Ca&ses");
  bar->Append(r.make_menu({"team/sync-now", "team/status", "-", "team/members", "team/conflicts"}),
              "&Team");
  bar->Append(r.make_menu({"help/shortcuts", "help/about"}), "&Help");
  return bar;
}

void fill_main_toolbar(MainFrame& frame, wxToolBar* bar) {
  auto& r = frame.commands();
  r.fill_toolbar(bar, {"file/open", "file/import", "-", "edit/undo", "edit/redo", "-",
                       "code/code-as", "codes/new", "edit/find", "search/find"});
}

wxMenu* text_context_menu(MainFrame& frame) {
  auto& r = frame.commands();
  auto* menu = r.make_menu({"code/code-as", "code/with-selected"});
  menu->AppendSubMenu(r.make_menu(recent_names()), "Code with &Recent");
  r.append(menu, {"-", "code/uncode", "code/memo-coding", "-", "edit/copy", "edit/find"});
  return menu;
}

wxMenu* cases_menu(MainFrame& frame) {
  return frame.commands().make_menu(
      {"cases/show", "-", "cases/from-documents", "cases/from-speakers", "cases/link-selection",
       "-", "cases/add", "cases/rename", "cases/merge", "cases/delete", "-", "cases/add-attribute",
       "cases/rename-attribute", "cases/retype-attribute", "cases/delete-attribute", "-",
       "cases/clear-value"});
}

wxMenu* codebook_context_menu(MainFrame& frame) {
  return frame.commands().make_menu({"codes/new", "codes/new-child", "-", "codes/rename",
                                     "codes/recolour", "codes/describe", "-", "codes/move",
                                     "codes/merge", "codes/delete", "-", "code/with-selected"});
}

} // namespace quire::gui
