// Lines of a PDF's text (pdf_text.h).
#include "pdf_text.h"

#include <algorithm>
#include <cctype>
#include <cstring>

namespace quire::detail {

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

} // namespace quire::detail
