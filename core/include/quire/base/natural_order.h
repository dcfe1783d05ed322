#pragma once
// Natural order of names, as a person sorts them (sources in the sources
// pane and `quire docs list`).
#include <string_view>

namespace quire {

/// True when a sorts before b: runs of digits compare as numbers, so "P2"
/// comes before "P10"; other text compares byte by byte.
bool natural_less(std::string_view a, std::string_view b);

} // namespace quire
