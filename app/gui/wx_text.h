#pragma once
// Conversions between Quire's UTF-8 std::string and wxString.
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

} // namespace quire::gui
