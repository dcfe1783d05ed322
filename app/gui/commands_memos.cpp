// memos/...: the Memos pane's actions (its buttons run these).
#include "commands.h"
#include "main_frame.h"
#include "memos_pane.h"

namespace quire::gui {

void add_memos_commands(MainFrame& f) {
  auto& r = f.commands();
  auto& s = f.session();
  r.add({.name = "memos/new",
         .label = L"&New Memo…",
         .help = "Write a memo on the project, the open document, the selected code or coding, "
                 "or a case",
         .run = [&f] { f.memos().choose_new(); },
         .enabled = [&s] { return s.is_open(); }});
  r.add({.name = "memos/delete",
         .label = "&Delete Memo",
         .help = "Delete the memo open in the Memos pane (undoable)",
         .run = [&f] { f.memos().delete_open(); },
         .enabled = [&f, &s] { return s.is_open() && f.memos().open_memo().has_value(); }});
}

} // namespace quire::gui
