#pragma once
// Private: stop words per language, for word frequencies (analysis) and the
// telling terms of "find similar" (search).
#include <string>
#include <string_view>
#include <vector>

namespace quire::detail {

/// Stop words of a language ("en" or "english", "fr" or "french", ...),
/// folded to lower case; empty for a language without a list.
const std::vector<std::string_view>& stop_words(const std::string& language);

} // namespace quire::detail
