// Coding every hit of a search as one undoable action.
#include <algorithm>
#include <map>
#include <memory>

#include "model/coding_p.h"
#include "quire/base/error.h"
#include "quire/base/text.h"
#include "quire/model/codebook.h"
#include "quire/model/documents.h"
#include "quire/search/search_index.h"
#include "store/project_p.h"
#include "store/rows_p.h"

namespace quire {

AutocodeResult autocode(Project& p, const SearchIndex& index, const std::string& query, Id code_id,
                        AutocodeUnit unit, bool dry_run) {
  auto code = get_code(p, code_id);
  // Ranges per document, merged where they touch.
  std::map<Id, std::vector<std::pair<std::int64_t, std::int64_t>>> ranges;
  AutocodeResult r;
  for (auto& m : index.match_units(query, unit)) {
    r.passages++;
    auto& v = ranges[m.document_id];
    v.insert(v.end(), m.ranges.begin(), m.ranges.end());
  }
  for (auto& [doc, v] : ranges) {
    std::sort(v.begin(), v.end());
    std::vector<std::pair<std::int64_t, std::int64_t>> merged;
    for (auto& x : v) {
      if (!merged.empty() && x.first <= merged.back().second)
        merged.back().second = std::max(merged.back().second, x.second);
      else
        merged.push_back(x);
    }
    v = merged;
    r.ranges += static_cast<std::int64_t>(v.size());
  }
  if (dry_run || r.ranges == 0) {
    return r;
  }
  static const char* const unit_names[] = {"hits", "sentences", "passages", "paragraphs"};
  detail::Action act(p, "Code " + std::to_string(r.ranges) + " " +
                            unit_names[static_cast<int>(unit)] + " matching '" + query + "' as " +
                            code.path);
  auto& db = act.db();
  Id coder = detail::coder_id(db, p.coder());
  detail::CodingWriter codings(db);
  for (auto& [doc, v] : ranges) {
    for (auto [s, e] : v) {
      Id id = codings.write({.document_id = doc,
                             .code_id = code_id,
                             .start = s,
                             .end = e,
                             .coder_id = coder,
                             .created_at = now_iso(),
                             .guid = {}});
      detail::merge_touching(db, id);
    }
  }
  act.commit();
  return r;
}

} // namespace quire
