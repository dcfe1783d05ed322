#pragma once
// Decoding the bytes of a text file into UTF-8.
#include <string>
#include <string_view>

namespace quire {

struct DecodedText {
  std::string utf8;
  std::string encoding;  ///< "UTF-8", "UTF-8 (BOM)", "UTF-16LE", "UTF-16BE", "Windows-1252",
                         ///< "Mac Roman", ...
  bool fallback = false; ///< true when the bytes were not valid UTF-8 and a guess was used
};

/// Decodes text bytes: a BOM (UTF-8, UTF-16 LE/BE) decides; else valid UTF-8
/// is UTF-8; else the encoding uchardet guesses for non-Latin scripts; else
/// Windows-1252, or Mac Roman when the text only makes sense read as that.
/// Throws InputError (naming `file`) for bytes that are binary (NUL bytes
/// outside UTF-16).
DecodedText decode_text(std::string_view bytes, const std::string& file);

} // namespace quire
