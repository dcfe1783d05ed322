#pragma once
// Private to importers/: the one way a text file (plain text, transcript,
// subtitles, HTML) becomes an imported document.
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>

#include "quire/ingest/import_data.h"

namespace quire {

/// True when text holds nothing but white space: spaces, tabs, line breaks
/// and the no-break spaces (U+00A0, U+2007, U+202F). Empty text is blank.
bool is_blank_text(std::string_view utf8);

/// Reads a text file's bytes into one document, the same way for every text
/// importer: decodes them (a fallback encoding or replaced bytes become a
/// warning naming the file), normalises the text (NFC, '\n'), refuses it
/// when blank ("FILE: the file has no text (only white space)"), names the
/// document after the file's stem, then lets `shape` give it passages (and,
/// for formats with markup, its text in place of the source). What `shape`
/// leaves blank is refused the same way. Returns ImportData of `kind`
/// holding that document, of `doc_kind`.
ImportData read_text_document(const std::filesystem::path& file, std::string_view bytes,
                              const std::string& kind, DocumentKind doc_kind,
                              const std::function<void(ImportedDocument&)>& shape);

} // namespace quire
