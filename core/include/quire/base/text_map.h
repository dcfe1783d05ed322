#pragma once
// Text from elsewhere, normalised as Quire stores it, with positions mapped:
// another tool counts code points of its own text (with CRLF, decomposed
// accents); Quire counts them in NFC text with '\n'.
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace quire {

class NormalizedText {
public:
  /// Normalises valid UTF-8 (NFC, CRLF and lone CR to '\n') and records how
  /// offsets move. A BOM is not text: strip it before. Throws InputError for
  /// invalid UTF-8.
  explicit NormalizedText(std::string_view original);
  const std::string& text() const { return m_text; }
  std::string take() { return std::move(m_text); }
  /// Lengths in code points, before and after.
  std::int64_t original_length() const { return m_original_length; }
  std::int64_t length() const { return m_length; }
  /// Where an offset of the original (0..original_length()) is in the
  /// normalised text: CRLF counts two before and one after; an offset inside
  /// a sequence NFC composes goes to the end of what it composes to.
  std::int64_t map(std::int64_t original) const;
  /// True when some offset moves (the text had CR or was not NFC).
  bool shifted() const { return m_marks.size() > 1; }

private:
  std::string m_text;
  std::int64_t m_original_length = 0, m_length = 0;
  /// (original, normalised) offsets at the edges of every piece whose
  /// length changed; between marks offsets move together.
  std::vector<std::pair<std::int64_t, std::int64_t>> m_marks;
};

} // namespace quire
