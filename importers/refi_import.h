#pragma once
// REFI-QDA 1.0 import: .qdpx projects (a zip with a .qde and Sources/) and
// .qdc codebooks, read into core's ProjectData (richer than ImportData:
// GUIDs, coders, times, notes), which store_exchange() then stores. Lenient
// the way real files need; strict about safety. See docs/exchange.md.
#include <filesystem>
#include <functional>
#include <optional>
#include <string>

#include "importer.h"
#include "quire/ingest/exchange.h"

namespace quire {

enum class ExchangeFormat { None, RefiProject, RefiCodebook };

/// What a file is, by its content first (a zip holding a .qde; XML whose root
/// is Project or CodeBook), then by its extension (.qdpx, .qde, .qdc).
ExchangeFormat sniff_exchange_file(const std::filesystem::path& file);
/// The same judged from a file's first bytes and its extension (lower case,
/// with the dot), as the importer registry shows them.
ExchangeFormat sniff_exchange(std::string_view first_bytes, const std::string& extension);

/// Reads a .qdpx (or a bare .qde) into ProjectData. Sources whose text
/// cannot be found, and selections outside their text, are listed in
/// not_imported. Throws InputError for a damaged file, an unsafe member name
/// or path, a zip bomb, an XML entity declaration, or no .qde inside.
ProjectData read_refi_project(const std::filesystem::path& file,
                              const ImportSettings& settings = {});
/// Reads a .qdc codebook into ProjectData (codes only). Throws InputError.
ProjectData read_refi_codebook(const std::filesystem::path& file,
                               const ImportSettings& settings = {});
/// Reads a REFI-QDA project or codebook, whichever sniff_exchange_file()
/// finds (what `quire import` and the desktop app's Import do with one).
/// Throws InputError, also for a file that is neither.
ProjectData read_exchange_file(const std::filesystem::path& file,
                               const ImportSettings& settings = {});

/// Reads a project.qde document. read_text(path) returns the bytes of a
/// source or note file the document refers to (plainTextPath), or nullopt.
ProjectData
parse_refi_project(std::string_view qde, const std::string& where,
                   const std::function<std::optional<std::string>(const std::string&)>& read_text);

/// Reads a .qdc document (root CodeBook, codes and their descriptions).
ProjectData parse_refi_codebook(std::string_view qdc, const std::string& where);

} // namespace quire
