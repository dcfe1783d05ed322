// Word boundaries by ICU's word break rules (UAX #29 and dictionaries).
#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <memory>

#include "analysis/analysis_p.h"
#include "quire/base/error.h"

namespace quire::detail {

std::vector<std::pair<std::int64_t, std::int64_t>> word_ranges(std::string_view utf8) {
  std::vector<std::pair<std::int64_t, std::int64_t>> out;
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> bi(
      icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
  UText* ut = utext_openUTF8(nullptr, utf8.data(), static_cast<int64_t>(utf8.size()), &status);
  if (U_FAILURE(status)) {
    utext_close(ut);
    throw StorageError(std::string("ICU word breaking failed: ") + u_errorName(status));
  }
  bi->setText(ut, status);
  // Break positions are byte offsets; count code points between them.
  std::size_t byte = 0;
  std::int64_t cp = 0;
  auto to_cp = [&](std::size_t b) {
    for (; byte < b; ++byte) {
      if ((static_cast<unsigned char>(utf8[byte]) & 0xC0) != 0x80) {
        ++cp;
      }
    }
    return cp;
  };
  std::int32_t start = bi->first();
  for (std::int32_t end = bi->next(); end != icu::BreakIterator::DONE;
       start = end, end = bi->next()) {
    if (bi->getRuleStatus() != UBRK_WORD_NONE) {
      auto s = to_cp(static_cast<std::size_t>(start));
      out.emplace_back(s, to_cp(static_cast<std::size_t>(end)));
    }
  }
  utext_close(ut);
  return out;
}

} // namespace quire::detail
