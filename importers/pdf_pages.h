#pragma once
// Private to importers/: what the PDF module (quire_pdf, loaded only when a
// PDF is read, so that poppler and the two dozen libraries it needs are not
// loaded by every run of quire) gives the PDF importer: each page's lines
// in reading order. pdf_poppler.cpp is the module; pdf_importer.cpp loads it.
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace quire::detail {

struct PdfPages {
  enum class Status { Read, Damaged, Locked };
  Status status = Status::Read;
  std::vector<std::vector<std::string>> lines; ///< each page's lines, blank lines kept
};

/// Called before each page is read (page from 0); may throw (cancelled).
using PdfPageProgress = std::function<void(int page, int pages)>;

/// The module's one entry point, looked up by this name.
inline constexpr const char* pdf_read_pages_symbol = "quire_pdf_read_pages";
using PdfReadPages = void (*)(const char* data, std::size_t size, const PdfPageProgress& progress,
                              PdfPages& out);

} // namespace quire::detail
