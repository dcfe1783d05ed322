// PDF (poppler-cpp): text in reading order; paragraphs rebuilt across line
// and page breaks, hyphenated line ends joined, page numbers and running
// headers/footers dropped. Two-column pages are read a column at a time
// (pdf_columns.h finds the gutter).
#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <map>
#include <memory>

#include "builtin.h"
#include "pdf_columns.h"
#include "quire/base/error.h"
#include "quire/base/text.h"

namespace quire {

namespace {

std::string trim(const std::string& s) {
  auto b = s.find_first_not_of(" \t\r\f");
  if (b == std::string::npos)
    return {};
  auto e = s.find_last_not_of(" \t\r\f");
  return s.substr(b, e - b + 1);
}

bool is_page_number(const std::string& l) {
  std::string t = l;
  for (const char* w : {"Page ", "page ", "p. "}) {
    if (t.rfind(w, 0) == 0)
      t = t.substr(std::strlen(w));
  }
  if (auto of = t.find(" of "); of != std::string::npos)
    t = t.substr(0, of);
  return !t.empty() && t.size() <= 4 &&
         std::all_of(t.begin(), t.end(), [](unsigned char c) { return std::isdigit(c); });
}

bool ends_sentence(const std::string& l) {
  if (l.empty())
    return true;
  static const std::string enders = ".?!:;\"'";
  char c = l.back();
  if (enders.find(c) != std::string::npos)
    return true;
  return l.size() >= 3 &&
         (l.substr(l.size() - 3) == "\xE2\x80\x9D" || l.substr(l.size() - 3) == "\xE2\x80\x99");
}

bool starts_lower(const std::string& l) {
  return !l.empty() && std::islower(static_cast<unsigned char>(l[0]));
}

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> out;
  std::size_t b = 0;
  while (b <= text.size()) {
    auto e = text.find('\n', b);
    if (e == std::string::npos)
      e = text.size();
    out.push_back(trim(text.substr(b, e - b)));
    if (e == text.size())
      break;
    b = e + 1;
  }
  return out;
}

/// Lines of text with the blank lines (and form feed) around them taken off.
std::vector<std::string> text_lines(const poppler::ustring& text) {
  auto bytes_utf8 = text.to_utf8();
  auto lines = split_lines(std::string(bytes_utf8.begin(), bytes_utf8.end()));
  while (!lines.empty() && lines.back().empty())
    lines.pop_back();
  lines.erase(lines.begin(),
              std::find_if(lines.begin(), lines.end(), [](auto& l) { return !l.empty(); }));
  return lines;
}

/// A page's lines in reading order. poppler's physical layout runs a line
/// across the whole page, so on a two-column page it would interleave the
/// columns' lines: there each column is read on its own, the left one first.
std::vector<std::string> page_lines_of(const poppler::page& page) {
  std::vector<detail::PdfBox> words;
  if (page.orientation() == poppler::page::portrait) {
    for (auto& box : page.text_list()) {
      if (box.rotation() != 0) {
        words.clear();
        break;
      }
      auto r = box.bbox();
      words.push_back({r.left(), r.top(), r.right(), r.bottom()});
    }
  }
  auto regions = detail::column_regions(words);
  if (regions.empty())
    return text_lines(page.text());
  std::vector<std::string> lines;
  bool after_column = false;
  for (auto& r : regions) {
    auto part = text_lines(page.text(poppler::rectf(r.x0, r.y0, r.x1 - r.x0, r.y1 - r.y0),
                                     poppler::page::physical_layout));
    // A page number that falls in a column (under the middle one of three)
    // must not part the column's last paragraph from the next column.
    while (r.column && !part.empty() && (part.back().empty() || is_page_number(part.back())))
      part.pop_back();
    if (part.empty())
      continue;
    // A paragraph runs on into the next column unless the column ends a
    // sentence (as across pages); full-width lines stand apart.
    if (!lines.empty() && !(after_column && r.column && !ends_sentence(lines.back())))
      lines.emplace_back();
    lines.insert(lines.end(), part.begin(), part.end());
    after_column = r.column;
  }
  return lines;
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
    // Poppler's own complaints go nowhere: we report in our words.
    poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr);
    std::unique_ptr<poppler::document> doc(
        poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
    if (!doc) {
      throw InputError(where + ": the PDF is damaged or truncated and cannot be read");
    }
    if (doc->is_locked()) {
      throw InputError(where +
                       ": the PDF is password-protected; remove the password and import it again");
    }
    int pages = doc->pages();
    std::vector<std::vector<std::string>> page_lines;
    for (int i = 0; i < pages; ++i) {
      progress.update(i, pages);
      progress.check();
      std::unique_ptr<poppler::page> page(doc->create_page(i));
      if (!page)
        continue;
      // Blank lines (and the form feed) around a page's text end no paragraph.
      page_lines.push_back(page_lines_of(*page));
    }
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
