// Cutting a passage's text into sentences and paragraphs.
#include "quire/base/text_units.h"

#include <unicode/brkiter.h>
#include <unicode/unistr.h>

#include <memory>

#include "quire/base/text.h"

namespace quire {

namespace {

bool blank(UChar32 c) {
  return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

} // namespace

std::vector<TextRange> sentence_ranges(const std::string& text) {
  std::vector<TextRange> out;
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> bi(
      icu::BreakIterator::createSentenceInstance(icu::Locale::getRoot(), err));
  if (U_FAILURE(err)) {
    out.emplace_back(0, count_code_points(text));
    return out;
  }
  auto u = icu::UnicodeString::fromUTF8(text);
  bi->setText(u);
  int32_t start = bi->first();
  std::int64_t cp0 = 0;
  for (int32_t end = bi->next(); end != icu::BreakIterator::DONE; start = end, end = bi->next()) {
    auto cp_end = cp0 + u.countChar32(start, end - start);
    auto cp1 = cp_end;
    // Trailing white space is not part of the sentence.
    for (int32_t i = end; cp1 > cp0;) {
      i = u.moveIndex32(i, -1);
      if (!blank(u.char32At(i)))
        break;
      --cp1;
    }
    if (cp1 > cp0)
      out.emplace_back(cp0, cp1);
    cp0 = cp_end;
  }
  return out;
}

std::vector<TextRange> paragraph_ranges(const std::string& text) {
  std::vector<TextRange> out;
  auto u = icu::UnicodeString::fromUTF8(text);
  std::int64_t cp = 0, start = -1, last_text = -1;
  for (int32_t i = 0; i < u.length(); i = u.moveIndex32(i, 1), ++cp) {
    UChar32 c = u.char32At(i);
    if (c == '\n' || c == 0x2029) {
      if (start >= 0)
        out.emplace_back(start, last_text + 1);
      start = -1;
    } else if (!blank(c)) {
      if (start < 0)
        start = cp;
      last_text = cp;
    }
  }
  if (start >= 0)
    out.emplace_back(start, last_text + 1);
  return out;
}

} // namespace quire
