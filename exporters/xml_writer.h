#pragma once
// Writing XML by hand, carefully: every attribute value and text escaped,
// characters XML 1.0 cannot hold replaced by U+FFFD.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace quire {

using XmlAttrs = std::vector<std::pair<std::string, std::string>>;

/// Escapes text for XML: &, <, > (and ", tab, newline and CR in attribute
/// values, which XML would otherwise normalise to spaces).
std::string xml_escape(std::string_view utf8, bool attribute);

/// Builds an indented XML document element by element.
class XmlWriter {
public:
  XmlWriter();
  /// <name attrs...> (children follow; close() ends it).
  void open(const std::string& name, const XmlAttrs& attrs = {});
  /// </name> of the innermost open element.
  void close();
  /// <name attrs.../>
  void empty(const std::string& name, const XmlAttrs& attrs = {});
  /// <name attrs...>text</name>, the text exact (not indented).
  void text_element(const std::string& name, std::string_view text, const XmlAttrs& attrs = {});
  /// The document; every element must be closed.
  std::string take();

private:
  void start_tag(const std::string& name, const XmlAttrs& attrs);
  std::string m_out;
  std::vector<std::string> m_open;
};

} // namespace quire
