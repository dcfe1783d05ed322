// Hits with the text around them, for key-word-in-context lists.
#include <algorithm>
#include <map>
#include <memory>

#include "quire/analysis/analysis.h"
#include "quire/base/text.h"
#include "quire/model/documents.h"

namespace quire {

namespace {

std::string one_line(std::string s) {
  for (auto& c : s) {
    if (c == '\n' || c == '\r' || c == '\t') {
      c = ' ';
    }
  }
  return s;
}

} // namespace

std::vector<InContext> in_context(const Project& p, const std::vector<Hit>& hits, int width) {
  std::vector<InContext> out;
  out.reserve(hits.size());
  std::map<Id, std::pair<std::string, std::unique_ptr<CodePointIndex>>> docs;
  for (const auto& h : hits) {
    auto& d = docs[h.document_id];
    if (!d.second) {
      d.first = document_text(p, h.document_id);
      d.second = std::make_unique<CodePointIndex>(d.first);
    }
    const auto& idx = *d.second;
    auto len = idx.length();
    auto s = std::clamp<std::int64_t>(h.start, 0, len);
    auto e = std::clamp<std::int64_t>(h.end, s, len);
    auto b = std::max<std::int64_t>(0, s - width);
    auto a = std::min<std::int64_t>(len, e + width);
    out.push_back({one_line(std::string(idx.slice(b, s))), one_line(std::string(idx.slice(s, e))),
                   one_line(std::string(idx.slice(e, a)))});
  }
  return out;
}

} // namespace quire
