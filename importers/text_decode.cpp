#include "text_decode.h"

#include <uchardet.h>
#include <unicode/ucnv.h>

#include <memory>

#include "core/error.h"
#include "core/text.h"

namespace quire {

namespace {

std::string convert(std::string_view bytes, const char* from, const std::string& file) {
  UErrorCode err = U_ZERO_ERROR;
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

} // namespace

DecodedText decode_text(std::string_view b, const std::string& file) {
  DecodedText d;
  if (b.size() >= 3 && b.substr(0, 3) == "\xEF\xBB\xBF") {
    d.utf8 = std::string(b.substr(3));
    d.encoding = "UTF-8 (BOM)";
    if (!is_valid_utf8(d.utf8)) {
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
    } else {
      std::unique_ptr<std::remove_pointer_t<uchardet_t>, void (*)(uchardet_t)> det(uchardet_new(),
                                                                                   uchardet_delete);
      std::string guess;
      if (uchardet_handle_data(det.get(), b.data(), b.size()) == 0) {
        uchardet_data_end(det.get());
        guess = uchardet_get_charset(det.get());
      }
      // uchardet is unreliable between the Latin code pages on short texts
      // (it calls Windows-1252 interviews "MAC-CENTRALEUROPE"), so its guess
      // is trusted only for scripts Windows-1252 cannot be: Cyrillic, Greek,
      // Hebrew, Arabic, Thai and the East Asian encodings.
      static const char* trusted[] = {"WINDOWS-1251", "KOI8-R",       "ISO-8859-5",  "IBM866",
                                      "MAC-CYRILLIC", "WINDOWS-1253", "ISO-8859-7",  "WINDOWS-1255",
                                      "ISO-8859-8",   "WINDOWS-1256", "ISO-8859-6",  "TIS-620",
                                      "SHIFT_JIS",    "EUC-JP",       "ISO-2022-JP", "GB18030",
                                      "EUC-KR",       "BIG5",         "EUC-TW"};
      bool ok = false;
      for (const char* t : trusted) {
        ok = ok || guess == t;
      }
      if (!ok) {
        guess = "windows-1252";
      }
      d.utf8 = convert(b, guess.c_str(), file);
      d.encoding = guess == "windows-1252" ? "Windows-1252" : guess;
      d.fallback = true;
    }
  }
  if (d.utf8.find('\0') != std::string::npos) {
    throw InputError(file + ": the decoded text contains NUL characters; it is not a text file");
  }
  return d;
}

} // namespace quire
