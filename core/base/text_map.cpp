// Normalising text while keeping a map of offsets (ICU's NFC normaliser).
#include "quire/base/text_map.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>

#include "quire/base/error.h"
#include "quire/base/text.h"

namespace quire {

namespace {

const icu::Normalizer2& nfc() {
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(err);
  if (U_FAILURE(err) || !n) {
    throw Error("Unicode normaliser unavailable");
  }
  return *n;
}

} // namespace

NormalizedText::NormalizedText(std::string_view original) {
  if (!is_valid_utf8(original)) {
    throw InputError("the text is not valid UTF-8");
  }
  const auto& norm = nfc();
  m_marks.emplace_back(0, 0);
  std::int64_t at = 0, out = 0; // code points so far, before and after
  auto piece = [&](std::int64_t before, std::int64_t after) {
    if (before != after) {
      m_marks.emplace_back(at, out);
      m_marks.emplace_back(at + before, out + after);
    }
    at += before;
    out += after;
  };
  std::size_t i = 0;
  while (i < original.size()) {
    if (original[i] == '\r') {
      bool crlf = i + 1 < original.size() && original[i + 1] == '\n';
      m_text += '\n';
      piece(crlf ? 2 : 1, 1);
      i += crlf ? 2 : 1;
      continue;
    }
    auto end = original.find('\r', i);
    auto run = original.substr(i, end == std::string_view::npos ? std::string_view::npos : end - i);
    i += run.size();
    auto u = icu::UnicodeString::fromUTF8(
        icu::StringPiece(run.data(), static_cast<int32_t>(run.size())));
    UErrorCode err = U_ZERO_ERROR;
    if (norm.isNormalized(u, err) && U_SUCCESS(err)) {
      m_text.append(run);
      piece(u.countChar32(), u.countChar32());
      continue;
    }
    // Not NFC: normalise segment by segment (NFC never acts across a
    // boundary), so each segment's offsets are known.
    int32_t seg = 0;
    const int32_t n = u.length();
    while (seg < n) {
      int32_t next = u.moveIndex32(seg, 1);
      while (next < n && !norm.hasBoundaryBefore(u.char32At(next))) {
        next = u.moveIndex32(next, 1);
      }
      icu::UnicodeString part(u, seg, next - seg);
      err = U_ZERO_ERROR;
      icu::UnicodeString done = norm.normalize(part, err);
      if (U_FAILURE(err)) {
        throw InputError("the text cannot be normalised");
      }
      done.toUTF8String(m_text);
      piece(part.countChar32(), done.countChar32());
      seg = next;
    }
  }
  m_original_length = at;
  m_length = out;
  // Marks at the same original offset: keep the last (a piece's end is the
  // next one's start).
  std::vector<std::pair<std::int64_t, std::int64_t>> marks;
  for (const auto& m : m_marks) {
    if (!marks.empty() && marks.back().first == m.first) {
      marks.back() = m;
    } else if (marks.empty() || m.first - marks.back().first != m.second - marks.back().second) {
      marks.push_back(m);
    }
  }
  m_marks = std::move(marks);
}

std::int64_t NormalizedText::map(std::int64_t original) const {
  original = std::clamp<std::int64_t>(original, 0, m_original_length);
  auto it = std::upper_bound(m_marks.begin(), m_marks.end(), std::make_pair(original, INT64_MAX));
  --it; // the first mark is (0, 0)
  std::int64_t r = it->second + (original - it->first);
  if (auto next = std::next(it); next != m_marks.end()) {
    r = std::min(r, next->second);
  }
  return std::min(r, m_length);
}

} // namespace quire
