#pragma once
// A small element tree over the safe streaming reader, for formats read
// whole (REFI-QDA project and codebook files). Depth is limited, so a
// crafted file cannot exhaust the stack of code that walks the tree.
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "xml_reader.h"

namespace quire {

struct XmlNode {
  std::string ns, name; ///< namespace URI and local name
  std::vector<XmlAttribute> attributes;
  std::vector<std::unique_ptr<XmlNode>> children;
  std::string text; ///< character data directly inside this element

  /// An attribute's value by local name, "" when absent.
  std::string attr(std::string_view local) const { return attribute(attributes, local); }
  /// The first child element with this local name, or nullptr.
  const XmlNode* child(std::string_view local) const;
  /// Every child element with this local name, in order.
  std::vector<const XmlNode*> all(std::string_view local) const;
  /// The text of the first child with this local name ("" when none).
  std::string child_text(std::string_view local) const;
};

/// Parses a whole document into a tree (parse_xml's safety rules apply).
/// Throws InputError naming `where`, also for nesting deeper than max_depth.
std::unique_ptr<XmlNode> parse_xml_tree(std::string_view xml, const std::string& where,
                                        int max_depth = 256);

} // namespace quire
