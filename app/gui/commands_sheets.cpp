// file/import-codebook and file/import-cases: a codebook or a classification
// sheet, read by the importers, previewed from core's dry run, then
// imported as one undoable action (the same operations as `quire codes
// import` and `quire cases import`).
#include <wx/filedlg.h>

#include "commands.h"
#include "hints.h"
#include "importers/case_sheet_reader.h"
#include "importers/codebook_reader.h"
#include "main_frame.h"
#include "quire/model/case_sheet.h"
#include "quire/model/codebook_import.h"
#include "sheet_import_dialog.h"
#include "wx_text.h"

namespace quire::gui {

namespace {

std::string plural(std::int64_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::optional<std::filesystem::path> choose(MainFrame& f, const wxString& title,
                                            const wxString& wildcard) {
  wxFileDialog dlg(&f, title, "", "", wildcard, wxFD_OPEN | wxFD_FILE_MUST_EXIST);
  if (dlg.ShowModal() != wxID_OK)
    return std::nullopt;
  auto path = dlg.GetPath();
  if (path.empty()) // a path handed in with SetPath() by the GUI tests
    path = dlg.wxFileDialogBase::GetPath();
  return std::filesystem::path(utf8(path));
}

} // namespace

bool import_codebook_file(MainFrame& f, const std::filesystem::path& file) {
  auto& p = f.session().project();
  const auto source = read_codebook(file);
  SheetImportDialog dlg(&f, "Import Codebook", source.notes, [&](bool) {
    auto r = import_codebook(p, source, true);
    PreviewContent c;
    c.summary = file.filename().string() + ": " + plural(r.added, "code to add", "codes to add") +
                ", " + plural(r.updated, "to update", "to update") + ", " +
                plural(r.unchanged, "already as the file has it", "already as the file has them");
    for (const auto& ch : r.changes) {
      const char* what = ch.kind == CodebookChange::Kind::Add      ? "Add"
                         : ch.kind == CodebookChange::Kind::Update ? "Update"
                                                                   : "Same";
      c.rows.push_back({what, ch.path, ch.what == "parent" ? "as a parent" : ch.what});
    }
    if (r.added + r.updated == 0)
      c.refused = "The codebook has every code of the file already: nothing to import.";
    return c;
  });
  if (dlg.ShowModal() != wxID_OK)
    return false;
  auto r = import_codebook(p, source);
  f.SetStatusText(wx("Imported " + file.filename().string() + ": " +
                     plural(r.added, "new code", "new codes") + ", " +
                     plural(r.updated, "updated", "updated")));
  return true;
}

bool import_case_sheet_file(MainFrame& f, const std::filesystem::path& file) {
  auto& p = f.session().project();
  const auto sheet = read_case_sheet(file);
  SheetImportDialog dlg(
      &f, "Import Classification Sheet", sheet.notes,
      [&](bool update) {
        PreviewContent c;
        try {
          auto r = import_case_sheet(p, sheet, update, true);
          c.summary = file.filename().string() + ": " + plural(r.added, "new case", "new cases") +
                      ", " + plural(r.updated, "case updated", "cases updated") + ", " +
                      plural(r.unchanged, "unchanged", "unchanged") + "; " +
                      plural(r.values, "value", "values") + " to set";
          for (const auto& a : r.new_attributes)
            c.rows.push_back({"Add", a, "new attribute"});
          for (const auto& ch : r.changes) {
            auto colon = ch.find(": ");
            c.rows.push_back({"Update", ch.substr(0, colon),
                              colon == std::string::npos ? "" : ch.substr(colon + 2)});
          }
        } catch (const InputError& e) {
          c.summary = file.filename().string();
          c.refused = error_words(e);
        }
        return c;
      },
      "Update existing cases (replace their values where the sheet differs)");
  if (dlg.ShowModal() != wxID_OK)
    return false;
  auto r = import_case_sheet(p, sheet, dlg.update());
  f.SetStatusText(wx("Imported " + file.filename().string() + ": " +
                     plural(r.added, "new case", "new cases") + ", " +
                     plural(r.updated, "updated", "updated")));
  return true;
}

void add_sheet_commands(MainFrame& f) {
  auto& r = f.commands();
  auto& s = f.session();
  auto is_open = [&s] { return s.is_open(); };
  r.add({.name = "file/import-codebook",
         .label = L"Import Code&book…",
         .help = "Add codes from a REFI-QDA codebook, a spreadsheet (MAXQDA, Taguette) or a list",
         .run =
             [&f] {
               if (auto file = choose(f, "Import a codebook",
                                      "Codebooks|*.qdc;*.csv;*.tsv;*.xlsx;*.txt|All files|*"))
                 import_codebook_file(f, *file);
             },
         .enabled = is_open});
  r.add({.name = "file/import-cases",
         .label = L"Import Classification S&heet…",
         .help = "Add cases and their attributes from a sheet (NVivo, QualCoder, a spreadsheet)",
         .run =
             [&f] {
               if (auto file = choose(f, "Import a classification sheet",
                                      "Sheets|*.csv;*.tsv;*.xlsx|All files|*"))
                 import_case_sheet_file(f, *file);
             },
         .enabled = is_open});
}

} // namespace quire::gui
