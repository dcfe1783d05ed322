// Source texts and passages for the REFI-QDA importer.
#include "refi_text.h"

#include <algorithm>
#include <tuple>

#include "quire/base/text.h"
#include "text_decode.h"

namespace quire {

std::string source_text(std::string bytes, const std::string& where,
                        std::vector<std::string>& warnings) {
  if (std::string_view(bytes).substr(0, 3) == "\xEF\xBB\xBF") {
    bytes.erase(0, 3); // a UTF-8 BOM is not part of the text
  }
  const auto head = std::string_view(bytes).substr(0, 2);
  if (is_valid_utf8(bytes) && head != "\xFF\xFE" && head != "\xFE\xFF") {
    return bytes;
  }
  auto decoded = decode_text(bytes, where);
  warnings.push_back(
      where + ": " +
      (decoded.replaced > 0 ? decoded.note : "the text is not UTF-8; read as " + decoded.encoding) +
      " (positions may not match the tool that wrote it)");
  return decoded.utf8;
}

std::vector<ExchangePassage> passages_with_gaps(std::vector<ExchangePassage> cased,
                                                const std::string& text, const std::string& source,
                                                std::vector<std::string>& warnings) {
  if (cased.empty()) {
    return cased;
  }
  std::sort(cased.begin(), cased.end(), [](const ExchangePassage& a, const ExchangePassage& b) {
    return std::tie(a.start, a.end) < std::tie(b.start, b.end);
  });
  CodePointIndex idx(text);
  std::vector<ExchangePassage> out;
  int dropped = 0;
  auto gap = [&](std::int64_t from, std::int64_t to) {
    if (from >= to) {
      return;
    }
    auto piece = idx.slice(from, to);
    for (auto [s, e] : paragraph_ranges(piece)) {
      out.push_back({{}, from + s, from + e, {}, {}, {}, {}, {}});
    }
  };
  std::int64_t at = 0;
  for (auto& p : cased) {
    if (p.start < at) {
      dropped++;
      continue;
    }
    gap(at, p.start);
    at = p.end;
    out.push_back(std::move(p));
  }
  gap(at, idx.length());
  if (dropped > 0) {
    warnings.push_back(
        "source '" + source + "': " + std::to_string(dropped) +
        " case selection(s) overlap another; only the first of each was linked to its case");
  }
  return out;
}

} // namespace quire
