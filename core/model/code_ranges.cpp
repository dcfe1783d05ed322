// Coding many ranges with one code as one undoable action.
#include "quire/model/code_ranges.h"

#include <algorithm>

#include "model/coding_p.h"
#include "quire/base/error.h"
#include "quire/base/text.h"
#include "quire/model/codebook.h"
#include "store/project_p.h"
#include "store/rows_p.h"

namespace quire {

CodeRangesResult code_ranges(Project& p, std::vector<DocumentRange> ranges,
                             const std::string& code_path, const std::string& what,
                             bool must_be_new) {
  if (ranges.empty()) {
    throw InputError("there is nothing to code: " + what + " found no text");
  }
  if (split_code_path(code_path).empty()) {
    throw InputError("give the new code a name");
  }
  if (must_be_new && try_find_code(p, code_path)) {
    throw InputError("a code '" + code_path + "' is already in the codebook; choose a new name");
  }
  std::sort(ranges.begin(), ranges.end(), [](const DocumentRange& a, const DocumentRange& b) {
    return a.document_id != b.document_id ? a.document_id < b.document_id : a.start < b.start;
  });
  std::vector<DocumentRange> merged;
  for (const auto& r : ranges) {
    if (!merged.empty() && merged.back().document_id == r.document_id &&
        r.start <= merged.back().end) {
      merged.back().end = std::max(merged.back().end, r.end);
    } else {
      merged.push_back(r);
    }
  }
  CodeRangesResult out;
  out.ranges = static_cast<std::int64_t>(merged.size());
  detail::Action act(p, "Code " + std::to_string(out.ranges) + " results of " + what + " as " +
                            code_path);
  auto& db = act.db();
  for (const auto& r : merged) {
    auto s = db.prepare("SELECT d.name, length(t.text) FROM document d JOIN document_text t ON "
                        "t.document_id = d.id WHERE d.id = ?");
    s.bind(1, r.document_id);
    if (!s.step()) {
      throw NotFoundError("no document with id " + std::to_string(r.document_id));
    }
    if (r.start < 0 || r.start >= r.end || r.end > s.i64(1)) {
      throw InputError("range " + std::to_string(r.start) + ":" + std::to_string(r.end) +
                       " is not inside document '" + s.str(0) + "'");
    }
  }
  auto codes_before = db.scalar("SELECT count(*) FROM code");
  out.code_id = ensure_code(p, code_path);
  out.created = db.scalar("SELECT count(*) FROM code") > codes_before;
  Id coder = detail::coder_id(db, p.coder());
  detail::CodingWriter codings(db);
  for (const auto& r : merged) {
    Id id = codings.write({.document_id = r.document_id,
                           .code_id = out.code_id,
                           .start = r.start,
                           .end = r.end,
                           .coder_id = coder,
                           .created_at = now_iso(),
                           .guid = {}});
    detail::merge_touching(db, id);
  }
  act.rename("Code " + std::to_string(out.ranges) + " results of " + what + " as " +
             get_code(p, out.code_id).path + (out.created ? " (new code)" : ""));
  act.commit();
  return out;
}

} // namespace quire
