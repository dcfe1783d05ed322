#pragma once
// Conversions between Quire's UTF-8 std::string and wxString.
#include <cstddef>
#include <string>
#include <wx/string.h>

namespace quire::gui {

/// UTF-8 bytes to a wxString.
inline wxString wx(const std::string& utf8) {
  return wxString::FromUTF8(utf8.data(), utf8.size());
}
/// A wxString as UTF-8 bytes.
inline std::string utf8(const wxString& s) {
  auto buf = s.utf8_str();
  return std::string(buf.data(), buf.length());
}
/// Text for one line of a list or grid: line breaks and tabs as spaces, cut
/// to max characters with an ellipsis.
inline wxString one_line(const std::string& text, std::size_t max) {
  wxString t = wx(text);
  t.Replace("\n", " ");
  t.Replace("\t", " ");
  return t.length() > max ? t.Left(max) + L"\u2026" : t;
}

} // namespace quire::gui
