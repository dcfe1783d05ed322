// The shared tail of the text importers. See text_document.h.
#include "text_document.h"

#include "quire/base/error.h"
#include "quire/base/text.h"
#include "text_decode.h"

namespace quire {

bool is_blank_text(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') {
      ++i;
    } else if (s.compare(i, 2, "\xC2\xA0") == 0) { // U+00A0 no-break space
      i += 2;
    } else if (s.compare(i, 3, "\xE2\x80\x87") == 0 || // U+2007 figure space
               s.compare(i, 3, "\xE2\x80\xAF") == 0) { // U+202F narrow no-break space
      i += 3;
    } else {
      return false;
    }
  }
  return true;
}

ImportData read_text_document(const std::filesystem::path& file, std::string_view bytes,
                              const std::string& kind, DocumentKind doc_kind,
                              const std::function<void(ImportedDocument&)>& shape) {
  auto refuse_blank = [&](const std::string& text) {
    if (is_blank_text(text)) {
      throw InputError(file.string() + ": the file has no text (only white space)");
    }
  };
  auto dec = decode_text(bytes, file.string());
  ImportData data;
  data.kind = kind;
  if (!dec.note.empty()) {
    data.warnings.push_back(file.filename().string() + ": " + dec.note);
  }
  ImportedDocument d;
  d.name = file.stem().string();
  d.kind = doc_kind;
  d.text = normalize_text(dec.utf8);
  refuse_blank(d.text);
  shape(d);
  refuse_blank(d.text);
  data.documents.push_back(std::move(d));
  return data;
}

} // namespace quire
