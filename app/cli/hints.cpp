#include "hints.h"

#include "common.h"

namespace quire::cli {

std::string hint_words(Hint hint, const std::string& arg) {
  switch (hint) {
  case Hint::None: return "";
  case Hint::ListCases: return " (see 'quire cases list')";
  case Hint::ListAttributes: return " (see 'quire cases attributes')";
  case Hint::ListCodes: return " (see 'quire codes list'; add it with 'quire codes add')";
  case Hint::ListDocuments: return " (see 'quire docs list')";
  case Hint::ListCoders: return " (see 'quire coders')";
  case Hint::ListSafetyCopies: return " (list them with 'quire backups')";
  case Hint::CreateProject: return " (create one with 'quire init')";
  case Hint::ForceDelete: return "; use --force to delete them too (it can be undone)";
  case Hint::ImportAgainOrReplace:
    return ". Use --again to import another copy, or --replace to replace the earlier import";
  case Hint::ChooseImporter: return "; use --as KIND to force one";
  case Hint::ImportAsText: return "; import it as plain text (--as text)";
  case Hint::ImportAsCsv: return " or use --as csv";
  case Hint::RaiseSizeLimit: return ". Split it, or raise the limit with --max-size MB";
  case Hint::ChooseSheet: return ". Choose another sheet with --sheet";
  case Hint::NameIdColumn:
    if (arg.empty()) {
      return " with --id-column";
    }
    return ", name one with --id-column, or name respondents by their row with --id-column '" +
           arg + "'";
  case Hint::NameTextColumns: return "; leave out --text-columns (or --cases-only)";
  case Hint::NameTwoCoders: return " (--coders A,B)";
  case Hint::NameSheetCoders: return ": --agreement A,B";
  case Hint::WriteMatrixSpec:
    return "; write e.g. --matrix \"rows=codes cols=attr:Role cell=cases\"";
  case Hint::UpdateCases: return "; to replace them, import again with --update";
  case Hint::ChooseTable: return " (--table)";
  }
  return "";
}

std::string error_words(const Error& e) {
  std::string out = e.what();
  if (const auto* s = dynamic_cast<const StorageError*>(&e)) {
    out += storage_hint(s->kind());
  }
  return out + hint_words(e.hint(), e.hint_arg());
}

} // namespace quire::cli
