// HTML (gumbo): the article text. Navigation, header, footer, sidebars,
// scripts, styles, forms and comment sections are dropped; headings,
// paragraphs and list items are kept; entities are decoded by the parser.
#include <gumbo.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <memory>

#include "builtin.h"
#include "quire/base/error.h"
#include "quire/base/text.h"
#include "text_decode.h"
#include "text_document.h"

namespace quire {

namespace {

bool skipped_tag(GumboTag t) {
  switch (t) {
  case GUMBO_TAG_SCRIPT:
  case GUMBO_TAG_STYLE:
  case GUMBO_TAG_NAV:
  case GUMBO_TAG_HEADER:
  case GUMBO_TAG_FOOTER:
  case GUMBO_TAG_ASIDE:
  case GUMBO_TAG_FORM:
  case GUMBO_TAG_NOSCRIPT:
  case GUMBO_TAG_IFRAME:
  case GUMBO_TAG_SVG:
  case GUMBO_TAG_BUTTON:
  case GUMBO_TAG_TEMPLATE:
  case GUMBO_TAG_SELECT:
  case GUMBO_TAG_HEAD:
  case GUMBO_TAG_MENU:
  case GUMBO_TAG_OBJECT: return true;
  default: return false;
  }
}

bool block_tag(GumboTag t) {
  switch (t) {
  case GUMBO_TAG_P:
  case GUMBO_TAG_H1:
  case GUMBO_TAG_H2:
  case GUMBO_TAG_H3:
  case GUMBO_TAG_H4:
  case GUMBO_TAG_H5:
  case GUMBO_TAG_H6:
  case GUMBO_TAG_LI:
  case GUMBO_TAG_BLOCKQUOTE:
  case GUMBO_TAG_PRE:
  case GUMBO_TAG_DIV:
  case GUMBO_TAG_SECTION:
  case GUMBO_TAG_ARTICLE:
  case GUMBO_TAG_MAIN:
  case GUMBO_TAG_TR:
  case GUMBO_TAG_TABLE:
  case GUMBO_TAG_UL:
  case GUMBO_TAG_OL:
  case GUMBO_TAG_DL:
  case GUMBO_TAG_DT:
  case GUMBO_TAG_DD:
  case GUMBO_TAG_FIGCAPTION:
  case GUMBO_TAG_BR:
  case GUMBO_TAG_HR:
  case GUMBO_TAG_BODY: return true;
  default: return false;
  }
}

/// class or id naming page chrome: navigation, sidebars, comments, sharing.
bool chrome(const GumboElement& e) {
  static const char* words[] = {"nav",        "menu",      "sidebar",    "footer",  "header",
                                "comment",    "share",     "social",     "cookie",  "breadcrumb",
                                "related",    "widget",    "advert",     "banner",  "subscribe",
                                "masthead",   "skip-link", "pagination", "reply",   "ad",
                                "newsletter", "consent",   "promo",      "onetrust"};
  for (const char* attr : {"class", "id", "role"}) {
    GumboAttribute* a = gumbo_get_attribute(&e.attributes, attr);
    if (!a)
      continue;
    std::string v = fold_case(a->value);
    if (std::string(attr) == "role" &&
        (v == "navigation" || v == "banner" || v == "contentinfo" || v == "complementary")) {
      return true;
    }
    for (const char* w : words) {
      // Whole class tokens or token parts ("site-footer", "comment-form"), but not "commentary".
      std::size_t pos = 0;
      while ((pos = v.find(w, pos)) != std::string::npos) {
        auto end = pos + std::strlen(w);
        bool left = pos == 0 || !std::isalnum(static_cast<unsigned char>(v[pos - 1]));
        bool right = end == v.size() || !std::isalpha(static_cast<unsigned char>(v[end])) ||
                     v.compare(end, 1, "s") == 0;
        if (left && right)
          return true;
        pos = end;
      }
    }
  }
  return false;
}

struct Collector {
  std::vector<std::string> paragraphs;
  std::string cur;
  void text(const std::string& t) {
    for (char c : t) {
      bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
      if (space) {
        if (!cur.empty() && cur.back() != ' ')
          cur += ' ';
      } else {
        cur += c;
      }
    }
  }
  void block() {
    while (!cur.empty() && cur.back() == ' ')
      cur.pop_back();
    auto b = cur.find_first_not_of(' ');
    if (b != std::string::npos)
      paragraphs.push_back(cur.substr(b));
    cur.clear();
  }
  void walk(const GumboNode* n) {
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE ||
        n->type == GUMBO_NODE_CDATA) {
      text(n->v.text.text);
      return;
    }
    if (n->type != GUMBO_NODE_ELEMENT)
      return;
    const GumboElement& e = n->v.element;
    if (skipped_tag(e.tag) || chrome(e))
      return;
    bool blk = block_tag(e.tag);
    if (blk)
      block();
    for (unsigned i = 0; i < e.children.length; ++i) {
      walk(static_cast<const GumboNode*>(e.children.data[i]));
    }
    if (blk)
      block();
  }
};

void find_all(const GumboNode* n, GumboTag tag, std::vector<const GumboNode*>& out) {
  if (n->type != GUMBO_NODE_ELEMENT)
    return;
  if (n->v.element.tag == tag) {
    out.push_back(n);
    return;
  }
  for (unsigned i = 0; i < n->v.element.children.length; ++i) {
    find_all(static_cast<const GumboNode*>(n->v.element.children.data[i]), tag, out);
  }
}

class HtmlImporter : public Importer {
public:
  std::string kind() const override { return "html"; }
  std::string description() const override {
    return "web page (.html): the article text without navigation, sidebars, footers and comments";
  }
  int sniff(const FileSample& f) const override {
    std::string head = fold_case(std::string(f.head.substr(0, 1024)));
    if (head.find("<!doctype html") != std::string::npos || head.find("<html") != std::string::npos)
      return 85;
    return f.extension == ".html" || f.extension == ".htm" ? 50 : 0;
  }
  ImportData read(const std::filesystem::path& file, std::string_view bytes, const ImportSettings&,
                  Progress&) const override {
    return read_text_document(file, bytes, kind(), DocumentKind::Html, [&](ImportedDocument& d) {
      // d.text is the page's source until the article's paragraphs replace it.
      std::unique_ptr<GumboOutput, void (*)(GumboOutput*)> out(
          gumbo_parse_with_options(&kGumboDefaultOptions, d.text.data(), d.text.size()),
          [](GumboOutput* o) { gumbo_destroy_output(&kGumboDefaultOptions, o); });
      if (!out) {
        throw InputError(file.string() + ": the HTML cannot be parsed");
      }
      // The article if the page marks one, else <main>, else the body.
      std::vector<const GumboNode*> roots;
      find_all(out->root, GUMBO_TAG_ARTICLE, roots);
      if (roots.empty())
        find_all(out->root, GUMBO_TAG_MAIN, roots);
      if (roots.empty())
        roots.push_back(out->root);
      Collector c;
      for (auto* r : roots) {
        c.walk(r);
      }
      c.block();
      if (c.paragraphs.empty()) {
        throw InputError(file.string() + ": the page has no article text");
      }
      TextBuilder tb;
      for (auto& p : c.paragraphs) {
        tb.paragraph_break();
        auto [s, e] = tb.append(p);
        d.passages.push_back({s, e, {}, {}, {}, {}, {}});
      }
      d.text = tb.take();
    });
  }
};

} // namespace

std::unique_ptr<Importer> make_html_importer() {
  return std::make_unique<HtmlImporter>();
}

} // namespace quire
