// Coding every hit of a search as one undoable action.
#include <unicode/brkiter.h>
#include <unicode/unistr.h>

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

namespace {

/// Sentence ranges (code points, relative) of a passage, by ICU's rules.
std::vector<std::pair<std::int64_t, std::int64_t>> sentences(const std::string& text) {
  std::vector<std::pair<std::int64_t, std::int64_t>> out;
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> bi(
      icu::BreakIterator::createSentenceInstance(icu::Locale::getRoot(), err));
  if (U_FAILURE(err)) {
    out.emplace_back(0, count_code_points(text));
    return out;
  }
  auto u = icu::UnicodeString::fromUTF8(text);
  bi->setText(u);
  int32_t start = bi->first();
  for (int32_t end = bi->next(); end != icu::BreakIterator::DONE; start = end, end = bi->next()) {
    auto cp0 = u.countChar32(0, start);
    auto cp1 = cp0 + u.countChar32(start, end - start);
    // Trailing white space is not part of the sentence.
    while (cp1 > cp0) {
      auto c = u.char32At(u.moveIndex32(0, cp1 - 1));
      if (c != ' ' && c != '\n' && c != '\t')
        break;
      --cp1;
    }
    if (cp1 > cp0)
      out.emplace_back(cp0, cp1);
  }
  return out;
}

} // namespace

AutocodeResult autocode(Project& p, const SearchIndex& index, const std::string& query, Id code_id,
                        AutocodeUnit unit, bool dry_run) {
  auto code = get_code(p, code_id);
  SearchOptions all;
  all.limit = 1000000;
  auto results = index.search(query, all);
  // Ranges per document, merged where they touch.
  std::map<Id, std::vector<std::pair<std::int64_t, std::int64_t>>> ranges;
  AutocodeResult r;
  for (const auto& h : results.hits) {
    r.passages++;
    auto& v = ranges[h.document_id];
    if (unit == AutocodeUnit::Passage || h.hits.empty()) {
      v.emplace_back(h.start, h.end);
    } else if (unit == AutocodeUnit::Hit) {
      v.insert(v.end(), h.hits.begin(), h.hits.end());
    } else {
      for (auto [s, e] : sentences(document_text(p, h.document_id, h.start, h.end))) {
        for (auto& hit : h.hits) {
          if (hit.first >= h.start + s && hit.first < h.start + e) {
            v.emplace_back(h.start + s, h.start + e);
            break;
          }
        }
      }
    }
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
  static const char* const unit_names[] = {"hits", "sentences", "passages"};
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
