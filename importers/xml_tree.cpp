// Building an element tree from the streaming reader's events.
#include "xml_tree.h"

#include "quire/base/error.h"

namespace quire {

const XmlNode* XmlNode::child(std::string_view local) const {
  for (const auto& c : children) {
    if (c->name == local) {
      return c.get();
    }
  }
  return nullptr;
}

std::vector<const XmlNode*> XmlNode::all(std::string_view local) const {
  std::vector<const XmlNode*> out;
  for (const auto& c : children) {
    if (c->name == local) {
      out.push_back(c.get());
    }
  }
  return out;
}

std::string XmlNode::child_text(std::string_view local) const {
  auto* c = child(local);
  return c ? c->text : std::string();
}

namespace {

class TreeBuilder : public XmlHandler {
public:
  TreeBuilder(std::string where, int max_depth)
      : m_where(std::move(where)), m_max_depth(max_depth) {}

  void start_element(const std::string& ns, const std::string& name,
                     const std::vector<XmlAttribute>& attributes) override {
    if (static_cast<int>(m_stack.size()) >= m_max_depth) {
      throw InputError(m_where + ": elements are nested more than " + std::to_string(m_max_depth) +
                       " deep; the file is refused");
    }
    auto node = std::make_unique<XmlNode>();
    node->ns = ns;
    node->name = name;
    node->attributes = attributes;
    XmlNode* raw = node.get();
    if (m_stack.empty()) {
      m_root = std::move(node);
    } else {
      m_stack.back()->children.push_back(std::move(node));
    }
    m_stack.push_back(raw);
  }
  void end_element(const std::string&, const std::string&) override { m_stack.pop_back(); }
  void text(std::string_view utf8) override {
    if (!m_stack.empty()) {
      m_stack.back()->text.append(utf8);
    }
  }
  std::unique_ptr<XmlNode> take() { return std::move(m_root); }

private:
  std::string m_where;
  int m_max_depth;
  std::unique_ptr<XmlNode> m_root;
  std::vector<XmlNode*> m_stack;
};

} // namespace

std::unique_ptr<XmlNode> parse_xml_tree(std::string_view xml, const std::string& where,
                                        int max_depth) {
  TreeBuilder b(where, max_depth);
  parse_xml(xml, b, where);
  auto root = b.take();
  if (!root) {
    throw InputError(where + ": the XML has no root element");
  }
  return root;
}

} // namespace quire
