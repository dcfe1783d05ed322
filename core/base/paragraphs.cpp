// Splitting normalised text into paragraphs and lines (code-point ranges).
#include "quire/base/text.h"

namespace quire {

namespace {

bool is_space_byte(char c) {
  return c == ' ' || c == '\t' || c == '\f' || c == '\v';
}

struct Line {
  std::size_t b0, b1; // bytes, trimmed
  std::int64_t c0, c1;
  bool blank;
};

std::vector<Line> split_lines(std::string_view t) {
  std::vector<Line> lines;
  std::size_t b = 0;
  std::int64_t cp = 0;
  while (b <= t.size()) {
    std::size_t e = t.find('\n', b);
    if (e == std::string_view::npos) {
      e = t.size();
    }
    std::size_t s0 = b, s1 = e;
    while (s0 < s1 && is_space_byte(t[s0]))
      ++s0;
    while (s1 > s0 && is_space_byte(t[s1 - 1]))
      --s1;
    // Non-breaking spaces (U+00A0, "\xC2\xA0") count as blank too.
    while (s1 >= s0 + 2 && t.substr(s1 - 2, 2) == "\xC2\xA0")
      s1 -= 2;
    while (s0 + 2 <= s1 && t.substr(s0, 2) == "\xC2\xA0")
      s0 += 2;
    std::int64_t c0 = cp + count_code_points(t.substr(b, s0 - b));
    std::int64_t c1 = c0 + count_code_points(t.substr(s0, s1 - s0));
    lines.push_back({s0, s1, c0, c1, s0 == s1});
    cp += count_code_points(t.substr(b, e - b)) + 1;
    if (e == t.size()) {
      break;
    }
    b = e + 1;
  }
  return lines;
}

} // namespace

std::vector<std::pair<std::int64_t, std::int64_t>> paragraph_ranges(std::string_view text) {
  std::vector<std::pair<std::int64_t, std::int64_t>> out;
  std::int64_t start = -1, end = -1;
  for (const auto& l : split_lines(text)) {
    if (l.blank) {
      if (start >= 0) {
        out.emplace_back(start, end);
        start = -1;
      }
      continue;
    }
    if (start < 0) {
      start = l.c0;
    }
    end = l.c1;
  }
  if (start >= 0) {
    out.emplace_back(start, end);
  }
  return out;
}

std::vector<std::pair<std::int64_t, std::int64_t>> line_ranges(std::string_view text) {
  std::vector<std::pair<std::int64_t, std::int64_t>> out;
  for (const auto& l : split_lines(text)) {
    if (!l.blank) {
      out.emplace_back(l.c0, l.c1);
    }
  }
  return out;
}

} // namespace quire
