#pragma once
// The units a passage's text is cut into for coding: sentences and paragraphs.
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace quire {

using TextRange = std::pair<std::int64_t, std::int64_t>;

/// The sentences of text (ICU's sentence boundaries), as code-point ranges
/// relative to text, without trailing white space.
std::vector<TextRange> sentence_ranges(const std::string& text);
/// The paragraphs of text (cut at line breaks), as code-point ranges
/// relative to text, without surrounding white space; empty lines are none.
std::vector<TextRange> paragraph_ranges(const std::string& text);

} // namespace quire
