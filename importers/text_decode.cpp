#include "text_decode.h"

#include <uchardet.h>
#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/utf8.h>

#include <limits>
#include <memory>
#include <tuple>
#include <utility>
#include <vector>

#include "quire/base/error.h"
#include "quire/base/text.h"

namespace quire {

namespace {

std::string convert(std::string_view bytes, const char* from, const std::string& file) {
  UErrorCode err = U_ZERO_ERROR;
  // ICU takes 32-bit sizes: a text whose UTF-8 could pass 2 GB is refused
  // rather than cut (the default size limit keeps far below).
  if (bytes.size() > (std::numeric_limits<int32_t>::max() - 16) / 3) {
    throw InputError(file + ": too large to decode as " + from +
                     " in one piece (over 700 MB); split the file or convert it to UTF-8 first");
  }
  std::string out;
  out.resize(bytes.size() * 3 + 16);
  int32_t n = ucnv_convert("UTF-8", from, out.data(), static_cast<int32_t>(out.size()),
                           bytes.data(), static_cast<int32_t>(bytes.size()), &err);
  if (U_FAILURE(err)) {
    throw InputError(file + ": cannot decode the text as " + from + " (" + u_errorName(err) + ")");
  }
  out.resize(static_cast<std::size_t>(n));
  return out;
}

/// How many characters of decoded text show a misread code page: C1 controls
/// next to letters, a capital inside a word ("cafŽ", "MŸller", "donÕt"), a
/// symbol between letters ("f‡cil", "Stra§e"), an en dash between lowercase
/// letters ("ma–ana"). Mac Roman read as Windows-1252 shows them, and
/// Windows-1252 read as Mac Roman too ("cafÈ", "gr¸n"); real text hardly ever.
int misread_signs(const std::string& utf8) {
  const auto n = static_cast<int32_t>(utf8.size());
  int32_t i = 0;
  auto read = [&](UChar32& c) {
    if (i >= n)
      return false;
    U8_NEXT(utf8.data(), i, n, c);
    return true;
  };
  UChar32 prev = ' ', c = ' ', next = ' ';
  if (!read(c))
    return 0;
  bool more = read(next);
  int signs = 0;
  for (;;) {
    if (!more)
      next = ' ';
    if (c >= 0x80) {
      const bool prev_letter = u_isalpha(prev), next_letter = u_isalpha(next);
      const auto type = u_charType(c);
      bool sign = false;
      if (c <= 0x9F) {
        sign = prev_letter || next_letter;
      } else if (type == U_UPPERCASE_LETTER) {
        sign = u_islower(prev) || (prev_letter && u_islower(next));
      } else if (c == 0x2013) {
        sign = u_islower(prev) && u_islower(next);
      } else if (type == U_MATH_SYMBOL || type == U_OTHER_SYMBOL || type == U_MODIFIER_SYMBOL ||
                 type == U_MODIFIER_LETTER || type == U_CURRENCY_SYMBOL || c == 0x2039 ||
                 c == 0x203A || (type == U_OTHER_PUNCTUATION && c != 0xB7 && c != 0x2026)) {
        sign = prev_letter && next_letter; // not "l·l" (Catalan) nor "so…and"
      }
      signs += sign;
    }
    if (!more)
      return signs;
    prev = c;
    c = next;
    more = read(next);
  }
}

/// Windows-1252 unless the bytes read as Mac Roman make sense where as
/// Windows-1252 they do not: at least two signs of a misreading, and more
/// than four times as many as the Mac Roman reading shows. The first MB
/// decides, so a large file is not decoded three times.
std::pair<std::string, std::string> western_single_byte(std::string_view b,
                                                        const std::string& file) {
  const auto sample = b.substr(0, std::size_t{1} << 20);
  auto as_cp1252 = convert(sample, "windows-1252", file);
  const int cp_signs = misread_signs(as_cp1252);
  if (cp_signs >= 2 && cp_signs > 4 * misread_signs(convert(sample, "macintosh", file)))
    return {convert(b, "macintosh", file), "Mac Roman"};
  if (sample.size() < b.size())
    as_cp1252 = convert(b, "windows-1252", file); // the sample was the first MB only
  return {std::move(as_cp1252), "Windows-1252"};
}

/// Where the invalid sequences of nearly valid UTF-8 are.
struct Utf8Damage {
  std::int64_t multibyte = 0;           ///< valid multi-byte characters
  std::int64_t invalid = 0;             ///< invalid sequences (each would be one U+FFFD)
  std::vector<std::size_t> first_bytes; ///< byte offsets of the first few invalid ones
};

constexpr std::size_t damage_named = 5; // invalid sequences named in the note

/// Calls on(start, end, valid) for each multi-byte sequence of b, invalid
/// ones as maximal ill-formed subparts (what one U+FFFD replaces).
template <class F> void each_multibyte(std::string_view b, F&& on) {
  const auto* p = reinterpret_cast<const std::uint8_t*>(b.data());
  const auto n = static_cast<std::int64_t>(b.size());
  std::int64_t i = 0;
  while (i < n) {
    if (p[i] < 0x80) {
      ++i;
      continue;
    }
    const auto at = i;
    UChar32 c;
    U8_NEXT(p, i, n, c);
    on(at, i, c >= 0);
  }
}

Utf8Damage find_damage(std::string_view b) {
  Utf8Damage d;
  each_multibyte(b, [&](std::int64_t at, std::int64_t, bool valid) {
    if (valid) {
      ++d.multibyte;
    } else if (d.invalid++ < static_cast<std::int64_t>(damage_named)) {
      d.first_bytes.push_back(static_cast<std::size_t>(at));
    }
  });
  return d;
}

/// Mostly UTF-8: more valid multi-byte characters than invalid sequences. A
/// file in a single-byte code page has almost no valid multi-byte sequences
/// (é in Windows-1252 is one byte followed by ASCII), so reading it so would
/// turn each accent into U+FFFD; a UTF-8 file with a damaged byte read as
/// Windows-1252 would turn every accent into two wrong characters.
bool damaged_utf8(const Utf8Damage& d) {
  return d.invalid > 0 && d.multibyte > d.invalid;
}

/// b with each invalid sequence replaced by U+FFFD.
std::string replace_invalid(std::string_view b) {
  std::string out;
  out.reserve(b.size() + 16);
  std::int64_t run = 0; // start of the valid bytes not yet copied
  each_multibyte(b, [&](std::int64_t at, std::int64_t end, bool valid) {
    if (!valid) {
      out.append(b.data() + run, static_cast<std::size_t>(at - run));
      out += "\xEF\xBF\xBD";
      run = end;
    }
  });
  out.append(b.data() + run, b.size() - static_cast<std::size_t>(run));
  return out;
}

/// "1 invalid UTF-8 byte sequence replaced by U+FFFD (line 3, column 14, byte
/// 120). ..." naming the first few places, counting the rest.
/// `base` is where b starts in the file (after a BOM).
std::string damage_note(std::string_view b, const Utf8Damage& d, std::size_t base) {
  std::string where;
  // The column counts characters: bytes that do not continue one.
  std::size_t line = 1, column = 1, k = 0;
  for (std::size_t i = 0; i < b.size() && k < d.first_bytes.size(); ++i) {
    if (i == d.first_bytes[k]) {
      where += std::string(k ? "; " : "") + "line " + std::to_string(line) + ", column " +
               std::to_string(column) + ", byte " + std::to_string(base + i);
      ++k;
    }
    if (b[i] == '\n') {
      ++line;
      column = 1;
    } else if ((static_cast<unsigned char>(b[i]) & 0xC0) != 0x80) {
      ++column;
    }
  }
  const auto more = d.invalid - static_cast<std::int64_t>(d.first_bytes.size());
  return std::to_string(d.invalid) + " invalid UTF-8 " +
         (d.invalid == 1 ? "byte sequence" : "byte sequences") + " replaced by U+FFFD (" + where +
         (more > 0 ? "; " + std::to_string(more) + " more" : std::string()) +
         "). The rest is valid UTF-8 and was read as such; check " +
         (d.invalid == 1 ? "that place" : "those places") + " against the original";
}

} // namespace

DecodedText decode_text(std::string_view b, const std::string& file) {
  DecodedText d;
  if (b.size() >= 3 && b.substr(0, 3) == "\xEF\xBB\xBF") {
    const auto body = b.substr(3);
    d.encoding = "UTF-8 (BOM)";
    if (is_valid_utf8(body)) {
      d.utf8 = std::string(body);
    } else if (auto damage = find_damage(body); damaged_utf8(damage)) {
      d.utf8 = replace_invalid(body);
      d.replaced = damage.invalid;
      d.note = damage_note(body, damage, 3);
    } else {
      throw InputError(file + ": says it is UTF-8 but has invalid bytes; re-save it as UTF-8");
    }
  } else if (b.size() >= 2 && b.substr(0, 2) == "\xFF\xFE") {
    if (b.size() % 2 != 0) {
      throw InputError(file + ": UTF-16 text with an odd number of bytes (truncated?)");
    }
    d.utf8 = convert(b.substr(2), "UTF-16LE", file);
    d.encoding = "UTF-16LE";
  } else if (b.size() >= 2 && b.substr(0, 2) == "\xFE\xFF") {
    if (b.size() % 2 != 0) {
      throw InputError(file + ": UTF-16 text with an odd number of bytes (truncated?)");
    }
    d.utf8 = convert(b.substr(2), "UTF-16BE", file);
    d.encoding = "UTF-16BE";
  } else {
    if (auto nul = b.find('\0'); nul != std::string_view::npos) {
      throw InputError(file + ": looks binary (a NUL byte at position " + std::to_string(nul) +
                       "), not text. If it is a document, save it as .txt, .docx or .pdf");
    }
    if (is_valid_utf8(b)) {
      d.utf8 = std::string(b);
      d.encoding = "UTF-8";
    } else if (auto damage = find_damage(b); damaged_utf8(damage)) {
      d.utf8 = replace_invalid(b);
      d.encoding = "UTF-8";
      d.replaced = damage.invalid;
      d.note = damage_note(b, damage, 0);
    } else {
      std::unique_ptr<std::remove_pointer_t<uchardet_t>, void (*)(uchardet_t)> det(uchardet_new(),
                                                                                   uchardet_delete);
      std::string guess;
      if (uchardet_handle_data(det.get(), b.data(), b.size()) == 0) {
        uchardet_data_end(det.get());
        guess = uchardet_get_charset(det.get());
      }
      // uchardet is unreliable between the Latin code pages on short texts
      // (it calls Windows-1252 interviews "MAC-CENTRALEUROPE", and Mac Roman
      // ones "ISO-8859-13" or "WINDOWS-1257"; it has no Mac Roman), so its
      // guess is trusted only for scripts Windows-1252 cannot be: Cyrillic,
      // Greek, Hebrew, Arabic, Thai and the East Asian encodings. Latin text
      // is Windows-1252, or Mac Roman when only that reads as sense.
      static const char* trusted[] = {"WINDOWS-1251", "KOI8-R",       "ISO-8859-5",  "IBM866",
                                      "MAC-CYRILLIC", "WINDOWS-1253", "ISO-8859-7",  "WINDOWS-1255",
                                      "ISO-8859-8",   "WINDOWS-1256", "ISO-8859-6",  "TIS-620",
                                      "SHIFT_JIS",    "EUC-JP",       "ISO-2022-JP", "GB18030",
                                      "EUC-KR",       "BIG5",         "EUC-TW"};
      bool ok = false;
      for (const char* t : trusted) {
        ok = ok || guess == t;
      }
      if (ok) {
        d.utf8 = convert(b, guess.c_str(), file);
        d.encoding = guess;
      } else {
        std::tie(d.utf8, d.encoding) = western_single_byte(b, file);
      }
      d.fallback = true;
      d.note = "not valid UTF-8; decoded as " + d.encoding;
    }
  }
  if (d.utf8.find('\0') != std::string::npos) {
    throw InputError(file + ": the decoded text contains NUL characters; it is not a text file");
  }
  return d;
}

} // namespace quire
