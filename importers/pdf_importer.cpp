// PDF: text in reading order; paragraphs rebuilt across line and page
// breaks, hyphenated line ends joined, page numbers and running
// headers/footers dropped. The pages' lines come from the PDF module
// (pdf_poppler.cpp, poppler), loaded on the first PDF read (pdf_pages.h).
#include <algorithm>
#include <cctype>
#include <cstring>
#include <map>
#include <memory>

#include "builtin.h"
#include "modules.h"
#include "pdf_pages.h"
#include "pdf_text.h"
#include "quire/base/error.h"
#include "quire/base/text.h"

namespace quire {

namespace {

using detail::ends_sentence;
using detail::is_page_number;
using detail::trim;

bool starts_lower(const std::string& l) {
  return !l.empty() && std::islower(static_cast<unsigned char>(l[0]));
}

class PdfImporter : public Importer {
public:
  std::string kind() const override { return "pdf"; }
  std::string description() const override {
    return "PDF (.pdf): text in reading order, paragraphs rebuilt across lines and pages";
  }
  int sniff(const FileSample& f) const override {
    if (f.head.rfind("%PDF-", 0) == 0)
      return 95;
    return f.extension == ".pdf" ? 20 : 0;
  }
  ImportData read(const std::filesystem::path& file, std::string_view bytes, const ImportSettings&,
                  Progress& progress) const override {
    const std::string where = file.string();
    if (bytes.substr(0, 5) != "%PDF-") {
      throw InputError(where + ": not a PDF (it does not start with %PDF-)");
    }
    auto read_pages = reinterpret_cast<detail::PdfReadPages>(
        detail::module_entry("quire_pdf", detail::pdf_read_pages_symbol, "Reading PDF files"));
    detail::PdfPages got;
    read_pages(
        bytes.data(), bytes.size(),
        [&progress](int page, int pages) {
          progress.update(page, pages);
          progress.check();
        },
        got);
    if (got.status == detail::PdfPages::Status::Damaged) {
      throw InputError(where + ": the PDF is damaged or truncated and cannot be read");
    }
    if (got.status == detail::PdfPages::Status::Locked) {
      throw InputError(where +
                       ": the PDF is password-protected; remove the password and import it again");
    }
    auto& page_lines = got.lines;
    // Running headers and footers: the same first/last line on most pages.
    std::map<std::string, int> edge_count;
    for (auto& lines : page_lines) {
      std::vector<std::string> nonblank;
      for (auto& l : lines)
        if (!l.empty())
          nonblank.push_back(l);
      if (nonblank.empty())
        continue;
      edge_count[nonblank.front()]++;
      if (nonblank.size() > 1)
        edge_count[nonblank.back()]++;
    }
    auto running = [&](const std::string& l) {
      return page_lines.size() >= 3 && edge_count[l] * 2 > static_cast<int>(page_lines.size());
    };
    std::vector<std::string> paragraphs;
    std::string cur;
    auto flush = [&] {
      if (!trim(cur).empty())
        paragraphs.push_back(trim(cur));
      cur.clear();
    };
    for (auto& page : page_lines) {
      // Page numbers and running lines go, and so do the blank lines that set
      // them apart at the page's top or foot: those end no paragraph.
      std::vector<std::string> lines;
      for (auto& l : page)
        if (l.empty() || !(is_page_number(l) || running(l)))
          lines.push_back(l);
      while (!lines.empty() && lines.back().empty())
        lines.pop_back();
      lines.erase(lines.begin(),
                  std::find_if(lines.begin(), lines.end(), [](auto& l) { return !l.empty(); }));
      for (auto& l : lines) {
        if (l.empty()) {
          flush();
          continue;
        }
        if (cur.empty()) {
          cur = l;
        } else if (cur.size() >= 2 && cur.back() == '-' &&
                   std::islower(static_cast<unsigned char>(cur[cur.size() - 2])) &&
                   starts_lower(l)) {
          cur.pop_back(); // "net-\nworks" -> "networks"
          cur += l;
        } else {
          cur += " " + l;
        }
      }
      // A paragraph that does not end a sentence continues on the next page.
      if (!cur.empty() && ends_sentence(cur))
        flush();
    }
    flush();
    if (paragraphs.empty()) {
      throw InputError(where + ": the PDF has no text layer (a scan?); run OCR on it first");
    }
    ImportedDocument d;
    d.name = file.stem().string();
    d.kind = DocumentKind::Pdf;
    TextBuilder tb;
    for (auto& p : paragraphs) {
      tb.paragraph_break();
      auto [s, e] = tb.append(p);
      d.passages.push_back({s, e, {}, {}, {}, {}, {}});
    }
    d.text = tb.take();
    ImportData data;
    data.kind = kind();
    data.documents.push_back(std::move(d));
    return data;
  }
};

} // namespace

std::unique_ptr<Importer> make_pdf_importer() {
  return std::make_unique<PdfImporter>();
}

} // namespace quire
