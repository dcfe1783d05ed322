#pragma once
// Decoding the bytes of a text file into UTF-8.
#include <cstdint>
#include <string>
#include <string_view>

namespace quire {

struct DecodedText {
  std::string utf8;
  std::string encoding;      ///< "UTF-8", "UTF-8 (BOM)", "UTF-16LE", "UTF-16BE", "Windows-1252",
                             ///< "Mac Roman", ...
  bool fallback = false;     ///< true when the bytes were not valid UTF-8 and a guess was used
  std::int64_t replaced = 0; ///< invalid UTF-8 sequences replaced by U+FFFD
  /// What the user should know about the decoding, without the file's name
  /// ("not valid UTF-8; decoded as Windows-1252", "1 invalid UTF-8 byte
  /// sequence replaced by U+FFFD (line 12, column 40, byte 5123)..."); empty
  /// when the bytes were valid UTF-8 or UTF-16.
  std::string note;
};

/// Decodes text bytes: a BOM (UTF-8, UTF-16 LE/BE) decides; else valid UTF-8
/// is UTF-8. UTF-8 with a few invalid sequences (fewer than it has valid
/// multi-byte characters) is damaged UTF-8: each invalid sequence becomes
/// U+FFFD and `note` names where the first few were. Anything else is the
/// encoding uchardet guesses for non-Latin scripts, else Windows-1252, or Mac
/// Roman when the text only makes sense read as that. Throws InputError
/// (naming `file`) for bytes that are binary (NUL bytes outside UTF-16) and
/// for a UTF-8 BOM before bytes that are mostly not UTF-8.
DecodedText decode_text(std::string_view bytes, const std::string& file);

} // namespace quire
