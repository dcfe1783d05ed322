// The PDF module (quire_pdf.so): poppler reads each page's lines in reading
// order for the PDF importer (pdf_pages.h), which loads this module on the
// first PDF it reads. Poppler's physical layout runs a line across the whole
// page, so two-column pages are read a column at a time (pdf_columns.h finds
// the gutter). Only quire_pdf_read_pages is exported.
#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <algorithm>
#include <memory>

#include "pdf_columns.h"
#include "pdf_pages.h"
#include "pdf_text.h"

namespace quire {

namespace {

using detail::ends_sentence;
using detail::is_page_number;
using detail::trim;

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

} // namespace

} // namespace quire

extern "C" __attribute__((visibility("default"))) void
quire_pdf_read_pages(const char* data, std::size_t size,
                     const quire::detail::PdfPageProgress& progress, quire::detail::PdfPages& out) {
  using Status = quire::detail::PdfPages::Status;
  // Poppler's own complaints go nowhere: the importer reports in our words.
  poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr);
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(data, static_cast<int>(size)));
  if (!doc) {
    out.status = Status::Damaged;
    return;
  }
  if (doc->is_locked()) {
    out.status = Status::Locked;
    return;
  }
  const int pages = doc->pages();
  for (int i = 0; i < pages; ++i) {
    progress(i, pages);
    std::unique_ptr<poppler::page> page(doc->create_page(i));
    if (!page)
      continue;
    // Blank lines (and the form feed) around a page's text end no paragraph.
    out.lines.push_back(quire::page_lines_of(*page));
  }
}
