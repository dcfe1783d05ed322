// Unicode helpers on ICU, SHA-256 on OpenSSL, GUIDs and times.
#include "quire/base/text.h"

#include <openssl/evp.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <ctime>
#include <random>

#include "quire/base/error.h"

namespace quire {

bool is_valid_utf8(std::string_view s) {
  std::int32_t i = 0;
  const auto n = static_cast<std::int32_t>(s.size());
  const auto* p = reinterpret_cast<const std::uint8_t*>(s.data());
  while (i < n) {
    if (p[i] < 0x80) {
      ++i;
      continue;
    }
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) {
      return false;
    }
  }
  return true;
}

std::int64_t count_code_points(std::string_view s) {
  std::int64_t n = 0;
  for (unsigned char c : s) {
    n += (c & 0xC0) != 0x80;
  }
  return n;
}

namespace {

/// True when valid UTF-8 is in NFC, checked without converting it (false
/// when ICU cannot say, or the text is past ICU's 32-bit sizes).
const icu::Normalizer2& nfc_normalizer() {
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(err);
  if (U_FAILURE(err)) {
    throw Error("Unicode normaliser unavailable");
  }
  return *nfc;
}

bool nfc_utf8(std::string_view utf8) {
  if (utf8.size() > static_cast<std::size_t>(INT32_MAX)) {
    return false;
  }
  UErrorCode err = U_ZERO_ERROR;
  bool yes = nfc_normalizer().isNormalizedUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())), err);
  return U_SUCCESS(err) && yes;
}

} // namespace

bool is_normalized_text(std::string_view in) {
  return is_valid_utf8(in) && in.find('\r') == std::string_view::npos && nfc_utf8(in);
}

std::string normalize_text(std::string_view in) {
  if (!is_valid_utf8(in)) {
    throw InputError("the text is not valid UTF-8");
  }
  std::string lf;
  lf.reserve(in.size());
  for (std::size_t i = 0; i < in.size(); ++i) {
    if (in[i] == '\r') {
      lf.push_back('\n');
      if (i + 1 < in.size() && in[i + 1] == '\n') {
        ++i;
      }
    } else {
      lf.push_back(in[i]);
    }
  }
  // Fast path: most text is already NFC (checked on the UTF-8 itself).
  if (nfc_utf8(lf)) {
    return lf;
  }
  UErrorCode err = U_ZERO_ERROR;
  auto u = icu::UnicodeString::fromUTF8(lf);
  icu::UnicodeString out = nfc_normalizer().normalize(u, err);
  if (U_FAILURE(err)) {
    throw InputError("the text cannot be normalised");
  }
  std::string result;
  out.toUTF8String(result);
  return result;
}

std::string fold_case(std::string_view s) {
  auto u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  u.foldCase();
  std::string out;
  u.toUTF8String(out);
  return out;
}

namespace {
/// The code points of UTF-8 text, each simply case-folded (invalid bytes: U+FFFD).
std::u32string folded_code_points(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  std::int32_t i = 0;
  const auto n = static_cast<std::int32_t>(s.size());
  const auto* p = reinterpret_cast<const std::uint8_t*>(s.data());
  while (i < n) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    out.push_back(static_cast<char32_t>(c < 0 ? 0xFFFD : u_foldCase(c, U_FOLD_CASE_DEFAULT)));
  }
  return out;
}
} // namespace

std::vector<std::pair<std::int64_t, std::int64_t>> find_ignoring_case(std::string_view text,
                                                                      std::string_view needle) {
  std::vector<std::pair<std::int64_t, std::int64_t>> out;
  auto n = folded_code_points(needle);
  if (n.empty()) {
    return out;
  }
  auto t = folded_code_points(text);
  for (auto at = t.find(n); at != std::u32string::npos; at = t.find(n, at + n.size())) {
    out.emplace_back(static_cast<std::int64_t>(at), static_cast<std::int64_t>(at + n.size()));
  }
  return out;
}

CodePointIndex::CodePointIndex(std::string_view utf8) : m_text(utf8) {
  m_marks.reserve(utf8.size() / 64 + 2);
  std::int64_t cp = 0;
  for (std::size_t b = 0; b < utf8.size(); ++b) {
    if ((static_cast<unsigned char>(utf8[b]) & 0xC0) != 0x80) {
      if (cp % 64 == 0) {
        m_marks.push_back(b);
      }
      ++cp;
    }
  }
  m_length = cp;
}

std::size_t CodePointIndex::byte_at(std::int64_t cp) const {
  if (cp <= 0) {
    return 0;
  }
  if (cp >= m_length) {
    return m_text.size();
  }
  std::size_t b = m_marks[static_cast<std::size_t>(cp / 64)];
  for (std::int64_t left = cp % 64; left > 0; --left) {
    ++b;
    while (b < m_text.size() && (static_cast<unsigned char>(m_text[b]) & 0xC0) == 0x80) {
      ++b;
    }
  }
  return b;
}

std::int64_t CodePointIndex::code_point_at(std::size_t b) const {
  if (b >= m_text.size()) {
    return m_length;
  }
  auto it = std::upper_bound(m_marks.begin(), m_marks.end(), b);
  auto mark = static_cast<std::size_t>(std::distance(m_marks.begin(), it) - 1);
  std::int64_t cp = static_cast<std::int64_t>(mark) * 64;
  for (std::size_t i = m_marks[mark]; i < b; ++i) {
    cp += (static_cast<unsigned char>(m_text[i]) & 0xC0) != 0x80;
  }
  return cp;
}

std::string_view CodePointIndex::slice(std::int64_t start, std::int64_t end) const {
  auto b0 = byte_at(start);
  auto b1 = byte_at(std::max(start, end));
  return m_text.substr(b0, b1 - b0);
}

std::string sha256_hex(std::string_view bytes) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  if (EVP_Digest(bytes.data(), bytes.size(), digest, &len, EVP_sha256(), nullptr) != 1) {
    throw Error("SHA-256 failed");
  }
  static const char* hex = "0123456789abcdef";
  std::string out;
  for (unsigned i = 0; i < len; ++i) {
    out.push_back(hex[digest[i] >> 4]);
    out.push_back(hex[digest[i] & 15]);
  }
  return out;
}

std::string clock_text(std::int64_t ms, bool short_form) {
  const long long s = ms / 1000;
  char buf[48];
  if (short_form && s < 3600) {
    std::snprintf(buf, sizeof buf, "%lld:%02lld", s / 60, s % 60);
  } else {
    std::snprintf(buf, sizeof buf, "%lld:%02lld:%02lld", s / 3600, s / 60 % 60, s % 60);
  }
  return buf;
}

std::string new_guid() {
  thread_local std::mt19937_64 rng{std::random_device{}()};
  std::uint64_t a = rng(), b = rng();
  a = (a & ~0xF000ull) | 0x4000ull;                        // version 4
  b = (b & 0x3FFFFFFFFFFFFFFFull) | 0x8000000000000000ull; // variant 10
  char buf[40];
  std::snprintf(buf, sizeof buf, "%08x-%04x-%04x-%04x-%012llx", unsigned(a >> 32),
                unsigned((a >> 16) & 0xFFFF), unsigned(a & 0xFFFF), unsigned(b >> 48),
                static_cast<unsigned long long>(b & 0xFFFFFFFFFFFFull));
  return buf;
}

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (auto& c : out) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

std::string now_iso() {
  std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

} // namespace quire
