#pragma once
// Private to importers/: what the PDF importer and the PDF module
// (pdf_poppler.cpp) both judge lines of a PDF's text by; compiled into both.
#include <string>

namespace quire::detail {

/// s without the spaces, tabs and form feeds around it.
std::string trim(const std::string& s);
/// "7", "Page 7", "p. 7 of 20": a page number on a line of its own.
bool is_page_number(const std::string& l);
/// Whether a line ends a sentence (or is empty).
bool ends_sentence(const std::string& l);

} // namespace quire::detail
