// Code frequencies: codings, documents, cases, % of cases and words coded
// per code, own and with subcodes.
#include <unordered_set>

#include "analysis/analysis_p.h"
#include "quire/base/error.h"

namespace quire {

namespace {

using detail::ACoding;
using detail::Range;

CodeFrequency::Counts counts_of(const std::vector<const ACoding*>& cs, std::size_t base_cases,
                                detail::WordCounter* words) {
  CodeFrequency::Counts n;
  std::unordered_set<Id> docs, cases;
  std::vector<Range> ranges;
  for (const auto* c : cs) {
    docs.insert(c->document_id);
    if (c->case_id) {
      cases.insert(*c->case_id);
    }
    ranges.push_back({c->document_id, c->start, c->end});
  }
  n.codings = static_cast<std::int64_t>(cs.size());
  n.documents = static_cast<std::int64_t>(docs.size());
  n.cases = static_cast<std::int64_t>(cases.size());
  n.pct_cases =
      base_cases ? 100.0 * static_cast<double>(n.cases) / static_cast<double>(base_cases) : 0;
  n.words = words ? words->count(detail::merge_ranges(std::move(ranges))) : 0;
  return n;
}

} // namespace

std::vector<CodeFrequency> code_frequencies(const Project& p, const AnalysisFilter& f,
                                            bool count_words) {
  auto d = detail::load_analysis(p, f);
  std::vector<std::vector<const ACoding*>> own(d.codes.size()), all(d.codes.size());
  for (const auto& c : d.codings) {
    auto at = d.code_at.at(c.code_id);
    own[at].push_back(&c);
    for (auto up : d.up[at]) {
      all[up].push_back(&c);
    }
  }
  detail::WordCounter counter(p);
  auto* words = count_words ? &counter : nullptr;
  std::vector<CodeFrequency> out;
  for (std::size_t i = 0; i < d.codes.size(); ++i) {
    out.push_back({d.codes[i], counts_of(own[i], d.base_cases.size(), words),
                   counts_of(all[i], d.base_cases.size(), words)});
  }
  return out;
}

std::vector<Hit> code_frequency_hits(const Project& p, Id code_id, const AnalysisFilter& f,
                                     bool with_subcodes) {
  auto d = detail::load_analysis(p, f);
  auto at = d.code_at.find(code_id);
  if (at == d.code_at.end()) {
    throw NotFoundError("no code with id " + std::to_string(code_id));
  }
  detail::HitMaker make(p);
  std::vector<Hit> out;
  for (const auto& c : d.codings) { // by document, then start
    if (d.counts_for(c, at->second, with_subcodes)) {
      out.push_back(make.make({c.document_id, c.start, c.end}));
    }
  }
  return out;
}

} // namespace quire
