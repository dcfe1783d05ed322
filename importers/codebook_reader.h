#pragma once
// Codebooks from other tools and from people's own lists, read into core's
// CodebookSource (stored by import_codebook()):
// - REFI-QDA codebooks (.qdc), through the REFI-QDA reader;
// - CSV or XLSX: a code column and optional description, colour and memo
//   columns; the hierarchy by a separator in the code (and parent) column
//   (">", "\", "/", "::") or by level columns (Level 1, Level 2, ...): the
//   shapes MAXQDA's and Taguette's codebook exports have;
// - a plain text list: one code per line, nested by leading tabs or ">>",
//   a description after a tab (as QualCoder reads it).
// See docs/cases.md ("Codebooks").
#include <filesystem>
#include <string>

#include "importer.h"
#include "quire/model/codebook_import.h"

namespace quire {

struct CodebookSettings {
  /// The hierarchy separator in a table's code column: "" guesses (the first
  /// of "::", ">", "\", "/" the codes hold), "none" reads names whole.
  std::string separator;
  std::string sheet; ///< a workbook's sheet ("" = the first)
};

/// Reads a codebook file, its kind judged by its extension (.qdc, .csv,
/// .tsv, .xlsx, .xlsm; anything else is a text list). Throws InputError
/// naming the file, row or line.
CodebookSource read_codebook(const std::filesystem::path& file,
                             const CodebookSettings& settings = {});

/// Reads a text list (the bytes of a .txt file). `file` names it in messages.
CodebookSource parse_code_list(std::string_view text, const std::string& file);

} // namespace quire
