#pragma once
// Unicode text helpers. Quire's text is UTF-8, NFC, with '\n' line endings;
// offsets are code points.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace quire {

/// NFC-normalises UTF-8 text and turns CRLF and lone CR into '\n'. Invalid
/// UTF-8 throws InputError.
std::string normalize_text(std::string_view utf8);
/// True when normalize_text(utf8) would return utf8 unchanged (checked
/// without making a copy).
bool is_normalized_text(std::string_view utf8);
/// True if s is valid UTF-8.
bool is_valid_utf8(std::string_view s);
/// Number of code points in valid UTF-8.
std::int64_t count_code_points(std::string_view utf8);
/// Lower-cases text (Unicode-aware, locale-independent).
std::string fold_case(std::string_view utf8);
/// Every match of needle in text ignoring case (simple Unicode case folding,
/// one code point for one, so "CAFÉ" finds "café"), as code-point ranges.
std::vector<std::pair<std::int64_t, std::int64_t>> find_ignoring_case(std::string_view text,
                                                                      std::string_view needle);

/// Maps code-point offsets to byte offsets in one text, in O(log n) a lookup
/// after O(n) set-up. The text must outlive the index.
class CodePointIndex {
public:
  explicit CodePointIndex(std::string_view utf8);
  std::int64_t length() const { return m_length; }
  /// Byte offset of code point cp (0 <= cp <= length()).
  std::size_t byte_at(std::int64_t cp) const;
  /// Code point offset of byte offset b (which must start a code point).
  std::int64_t code_point_at(std::size_t b) const;
  /// The text between two code-point offsets.
  std::string_view slice(std::int64_t start, std::int64_t end) const;

private:
  std::string_view m_text;
  std::int64_t m_length = 0;
  std::vector<std::size_t> m_marks; ///< byte offset of every 64th code point
};

/// Lowercase hex SHA-256 of bytes.
std::string sha256_hex(std::string_view bytes);
/// A new random GUID, "xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx", lower case.
std::string new_guid();
/// Now, as ISO 8601 UTC with seconds ("2026-11-22T18:00:00Z").
std::string now_iso();
/// A time in a recording as people read it: "1:02:03" ("0:02:03" under an
/// hour), or "2:03" under an hour when short_form.
std::string clock_text(std::int64_t ms, bool short_form = false);
/// s with ASCII letters in lower case (other bytes as they are): for matching
/// column headers and keywords, not for people's text.
std::string lower_ascii(std::string_view s);

} // namespace quire

namespace quire {
/// Paragraphs of normalised text: runs of non-blank lines separated by blank
/// lines, as [start, end) code-point ranges without surrounding white space.
std::vector<std::pair<std::int64_t, std::int64_t>> paragraph_ranges(std::string_view text);
/// Lines of normalised text as ranges, without surrounding white space; blank
/// lines are skipped.
std::vector<std::pair<std::int64_t, std::int64_t>> line_ranges(std::string_view text);
} // namespace quire
