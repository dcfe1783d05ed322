// Text transcripts: "[hh:mm:ss] Speaker: text", "0:00:03 text", "Name: text"...
// One passage per turn with speaker and time.
#include <algorithm>

#include "builtin.h"
#include "quire/base/error.h"
#include "quire/base/text.h"
#include "text_decode.h"
#include "text_document.h"
#include "transcript_parse.h"

namespace quire {

namespace {

bool texty_extension(const std::string& ext) {
  static const char* exts[] = {".txt", ".text", ".md", ".asc", ".log", ""};
  return std::find(std::begin(exts), std::end(exts), ext) != std::end(exts);
}

class TranscriptImporter : public Importer {
public:
  std::string kind() const override { return "transcript"; }
  std::string description() const override {
    return "text transcript: [hh:mm:ss] Speaker: text, 0:00:03 text, Name: text; one passage per "
           "turn";
  }
  int sniff(const FileSample& f) const override {
    // UTF-16 (Windows' "Unicode" text, some transcription tools) has NULs but a BOM.
    const bool utf16 = f.head.rfind("\xFF\xFE", 0) == 0 || f.head.rfind("\xFE\xFF", 0) == 0;
    if (!texty_extension(f.extension) || (!utf16 && f.head.find('\0') != std::string_view::npos)) {
      return 0;
    }
    std::string head(f.head);
    if (utf16) {
      head.resize(head.size() & ~std::size_t{1}); // whole code units only
    }
    if (utf16 || !is_valid_utf8(head)) {
      try {
        head = decode_text(head, f.path.string()).utf8;
      } catch (const Error&) {
        return 0;
      }
    }
    // Cut at the last whole line so a stamp is not split.
    if (auto nl = head.rfind('\n'); nl != std::string::npos && f.size > head.size()) {
      head.resize(nl);
    }
    try {
      head = normalize_text(head);
    } catch (const Error&) {
      return 0;
    }
    double share = transcript_share(head);
    auto turns = transcript_passages(head).size();
    return share >= 0.5 && turns >= 3 ? 70 : 0;
  }
  ImportData read(const std::filesystem::path& file, std::string_view bytes, const ImportSettings&,
                  Progress&) const override {
    return read_text_document(
        file, bytes, kind(), DocumentKind::Transcript, [&](ImportedDocument& d) {
          d.passages = transcript_passages(d.text);
          if (d.passages.empty()) {
            throw InputError(file.string() + ": no transcript turns found", Hint::ImportAsText);
          }
        });
  }
};

} // namespace

std::unique_ptr<Importer> make_transcript_importer() {
  return std::make_unique<TranscriptImporter>();
}

} // namespace quire
