#pragma once
// A streaming XML reader (expat behind the wall) that refuses any DOCTYPE
// (OOXML, ODF and REFI-QDA have none), entity declarations and external
// entities: no XXE, no billion laughs.
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace quire {

struct XmlAttribute {
  std::string ns;   ///< namespace URI ("" when none)
  std::string name; ///< local name
  std::string value;
};

/// Receives parse events. Names are local names; ns is the namespace URI.
class XmlHandler {
public:
  virtual ~XmlHandler() = default;
  virtual void start_element(const std::string& ns, const std::string& name,
                             const std::vector<XmlAttribute>& attributes) = 0;
  virtual void end_element(const std::string& ns, const std::string& name) = 0;
  /// Character data (may arrive in several pieces).
  virtual void text(std::string_view utf8) = 0;
};

/// The value of an attribute by local name ("" when absent).
std::string attribute(const std::vector<XmlAttribute>& attributes, std::string_view name);

/// Parses a whole document. `where` names it in messages ("report.docx:
/// word/document.xml"). Throws InputError with line and column for malformed
/// XML, and for any document type declaration, entity declaration or
/// external entity reference.
void parse_xml(std::string_view xml, XmlHandler& handler, const std::string& where);

} // namespace quire
