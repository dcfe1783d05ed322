// docs/...: open, rename and delete the document selected in Sources.
#include <wx/msgdlg.h>
#include <wx/textdlg.h>

#include "command.h"
#include "commands.h"
#include "main_frame.h"
#include "quire/base/error.h"
#include "quire/model/documents.h"
#include "safety_dialog.h"
#include "sources_pane.h"
#include "wx_text.h"

namespace quire::gui {

namespace {

Id selected_document(MainFrame& f) {
  auto id = f.sources().selected_document();
  if (!id) {
    throw InputError("select a document in Sources first");
  }
  return *id;
}

void rename_doc(MainFrame& f) {
  auto& p = f.session().project();
  auto d = get_document(p, selected_document(f));
  wxTextEntryDialog dlg(&f, "New name of the document:", "Rename Document", wx(d.name));
  if (dlg.ShowModal() == wxID_OK && utf8(dlg.GetValue()) != d.name) {
    rename_document(p, d.id, utf8(dlg.GetValue()));
  }
}

void delete_doc(MainFrame& f) {
  auto& p = f.session().project();
  auto d = get_document(p, selected_document(f));
  if (ask_delete(&f,
                 wx("Delete the document " + d.name +
                    " with its codings and memos?\n\nEdit > Undo brings it back."),
                 "Delete Document")) {
    unless_copy_refused(&f, p, [&] { delete_document(p, d.id); });
  }
}

} // namespace

void add_docs_commands(MainFrame& f) {
  auto& r = f.commands();
  auto& s = f.session();
  auto is_open = [&s] { return s.is_open(); };
  r.add({.name = "docs/open",
         .label = "&Open",
         .help = "Read and code the selected document",
         .run = [&f] { f.session().show_document(selected_document(f)); },
         .enabled = is_open});
  r.add({.name = "docs/rename",
         .label = L"&Rename…",
         .help = "Rename the selected document",
         .run = [&f] { rename_doc(f); },
         .enabled = is_open});
  r.add({.name = "docs/delete",
         .label = L"&Delete…",
         .help = "Delete the selected document (undoable)",
         .run = [&f] { delete_doc(f); },
         .enabled = is_open});
}

} // namespace quire::gui
