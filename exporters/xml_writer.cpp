// Escaping and indenting XML.
#include "xml_writer.h"

#include "quire/base/error.h"

namespace quire {

namespace {

/// The code point starting at s[i] and its length in bytes (valid UTF-8).
std::pair<char32_t, std::size_t> code_point_at(std::string_view s, std::size_t i) {
  auto c = static_cast<unsigned char>(s[i]);
  std::size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  if (i + n > s.size()) {
    return {0xFFFD, s.size() - i};
  }
  char32_t cp = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
  for (std::size_t k = 1; k < n; ++k) {
    cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  }
  return {cp, n};
}

} // namespace

std::string xml_escape(std::string_view s, bool attribute) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    auto [cp, n] = code_point_at(s, i);
    switch (cp) {
    case '&': out += "&amp;"; break;
    case '<': out += "&lt;"; break;
    case '>': out += "&gt;"; break;
    case '"': out += attribute ? "&quot;" : "\""; break;
    case '\t': out += attribute ? "&#9;" : "\t"; break;
    case '\n': out += attribute ? "&#10;" : "\n"; break;
    case '\r': out += "&#13;"; break;
    default:
      if (cp < 0x20 || cp == 0xFFFE || cp == 0xFFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        out += "\xEF\xBF\xBD"; // U+FFFD: XML 1.0 cannot hold this character
      } else {
        out.append(s.substr(i, n));
      }
    }
    i += n;
  }
  return out;
}

XmlWriter::XmlWriter() {
  m_out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n";
}

void XmlWriter::start_tag(const std::string& name, const XmlAttrs& attrs) {
  m_out.append(2 * m_open.size(), ' ');
  m_out += '<' + name;
  for (const auto& [k, v] : attrs) {
    m_out += ' ' + k + "=\"" + xml_escape(v, true) + '"';
  }
}

void XmlWriter::open(const std::string& name, const XmlAttrs& attrs) {
  start_tag(name, attrs);
  m_out += ">\n";
  m_open.push_back(name);
}

void XmlWriter::close() {
  auto name = m_open.back();
  m_open.pop_back();
  m_out.append(2 * m_open.size(), ' ');
  m_out += "</" + name + ">\n";
}

void XmlWriter::empty(const std::string& name, const XmlAttrs& attrs) {
  start_tag(name, attrs);
  m_out += "/>\n";
}

void XmlWriter::text_element(const std::string& name, std::string_view text,
                             const XmlAttrs& attrs) {
  start_tag(name, attrs);
  m_out += '>' + xml_escape(text, false) + "</" + name + ">\n";
}

std::string XmlWriter::take() {
  if (!m_open.empty()) {
    throw Error("internal error: XML element <" + m_open.back() + "> left open");
  }
  return std::move(m_out);
}

} // namespace quire
