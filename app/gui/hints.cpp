#include "hints.h"

namespace quire::gui {

std::string hint_words(Hint hint, const std::string& arg) {
  (void)arg; // the app names no "by row" column: the preview chooses one
  switch (hint) {
  case Hint::None: return "";
  case Hint::ListCases:
    return ". Cases come from imported surveys and cases files (File > Import Files…)";
  case Hint::ListAttributes:
    return ". Attributes come from the columns of imported surveys and cases files "
           "(File > Import Files…)";
  case Hint::ListCodes: return ". View > Codebook lists the codes; Codes > New Code… adds one";
  case Hint::ListDocuments: return ". View > Sources lists the documents";
  case Hint::ListCoders: return ". Codes > Coders… lists the coders";
  case Hint::ListSafetyCopies: return ". File > Restore a Safety Copy… lists them";
  case Hint::CreateProject: return ". File > New Project… makes one";
  case Hint::ForceDelete:
    return ". Codes > Delete Code… asks before deleting them too, and Edit > Undo brings "
           "them back";
  case Hint::ImportAgainOrReplace:
    return ". Import it again and choose Import Copy to add another copy";
  case Hint::ChooseImporter: return ". Save it as one of those kinds and import that file";
  case Hint::ImportAsText: return ". To import it as plain text, save it as a .txt file";
  case Hint::ImportAsCsv: return "";
  case Hint::RaiseSizeLimit: return ". Split it into smaller files and import those";
  case Hint::ChooseSheet:
    return ". Move the sheet to import to the front of the workbook, or save it as CSV";
  case Hint::NameIdColumn:
    return ". In the import preview, choose the column that identifies respondents as the ID";
  case Hint::NameTextColumns: return ". Choose no text columns for a cases file";
  case Hint::NameTwoCoders:
  case Hint::NameSheetCoders: return ". Choose two different coders";
  case Hint::WriteMatrixSpec: return ". Choose its rows, columns and cells in Analysis > Matrix";
  case Hint::UpdateCases:
    return ". To replace them, import again with \"Update existing cases\" ticked";
  case Hint::ChooseTable: return "";
  }
  return "";
}

std::string storage_words(StorageError::Kind kind) {
  using Kind = StorageError::Kind;
  switch (kind) {
  case Kind::ReadOnly:
  case Kind::NoAccess:
    return ". To work on it, copy the file to a folder of yours and open the copy";
  default: return "";
  }
}

std::string error_words(const Error& e) {
  std::string out = e.what();
  if (const auto* s = dynamic_cast<const StorageError*>(&e)) {
    out += storage_words(s->kind());
  }
  return out + hint_words(e.hint(), e.hint_arg());
}

} // namespace quire::gui
