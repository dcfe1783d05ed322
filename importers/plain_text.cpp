// Plain text (.txt): paragraphs separated by blank lines become passages.
#include <algorithm>

#include "builtin.h"
#include "quire/base/error.h"
#include "quire/base/text.h"
#include "text_decode.h"
#include "text_document.h"

namespace quire {

namespace {

class PlainTextImporter : public Importer {
public:
  std::string kind() const override { return "text"; }
  std::string description() const override {
    return "plain text (.txt): UTF-8, UTF-16 or Windows-1252; paragraphs become passages";
  }
  int sniff(const FileSample& f) const override {
    static const char* exts[] = {".txt", ".text", ".md", ".asc"};
    bool text_ext = std::find(std::begin(exts), std::end(exts), f.extension) != std::end(exts);
    bool has_nul = f.head.find('\0') != std::string_view::npos;
    bool utf16 = f.head.size() >= 2 &&
                 (f.head.substr(0, 2) == "\xFF\xFE" || f.head.substr(0, 2) == "\xFE\xFF");
    if (has_nul && !utf16) {
      return text_ext ? 1 : 0; // still ours to refuse with a clear message
    }
    return text_ext ? 40 : (utf16 || is_valid_utf8(f.head) ? 5 : 0);
  }
  ImportData read(const std::filesystem::path& file, std::string_view bytes, const ImportSettings&,
                  Progress&) const override {
    return read_text_document(file, bytes, kind(), DocumentKind::Text, [](ImportedDocument& d) {
      for (auto [s, e] : paragraph_ranges(d.text)) {
        d.passages.push_back({s, e, {}, {}, {}, {}, {}});
      }
    });
  }
};

} // namespace

std::unique_ptr<Importer> make_plain_text_importer() {
  return std::make_unique<PlainTextImporter>();
}

} // namespace quire
