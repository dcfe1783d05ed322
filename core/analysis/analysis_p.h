#pragma once
// Private: what every analysis query starts from — the codings that pass a
// filter, each with its case as list_codings() decides it — and word counting.
#include <algorithm>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/stop_words_p.h"

#include "quire/analysis/analysis.h"
#include "quire/base/text.h"

namespace quire::detail {

/// The case of a position in a document: that of the last passage (sorted by
/// start) starting at or before it when that passage reaches past it, else
/// the document's — list_codings()'s rule.
template <class Passages>
std::optional<Id> case_at(const Passages& ps, std::int64_t pos, std::optional<Id> doc_case) {
  auto it = std::upper_bound(ps.begin(), ps.end(), pos,
                             [](std::int64_t v, const auto& p) { return v < p.start; });
  if (it != ps.begin() && std::prev(it)->end > pos && std::prev(it)->case_id) {
    return std::prev(it)->case_id;
  }
  return doc_case;
}

/// A coding as analyses need it.
struct ACoding {
  Id id = 0, code_id = 0, document_id = 0;
  std::int64_t start = 0, end = 0;
  std::optional<Id> case_id;
};

/// A half-open range of one document, in code points.
struct Range {
  Id document_id = 0;
  std::int64_t start = 0, end = 0;
  bool operator<(const Range& o) const {
    return document_id != o.document_id ? document_id < o.document_id
           : start != o.start           ? start < o.start
                                        : end < o.end;
  }
};

struct AnalysisData {
  std::vector<ACoding> codings;                ///< passing the filter, by document then start
  std::vector<Code> codes;                     ///< the codebook, in display order
  std::unordered_map<Id, std::size_t> code_at; ///< code id -> index in codes
  /// Index in codes of each code's ancestors and itself (itself first).
  std::vector<std::vector<std::size_t>> up;
  std::vector<Case> cases;                           ///< every case of the project
  std::map<Id, std::map<std::string, Value>> values; ///< case id -> attribute -> value
  std::vector<Id> base_cases; ///< cases passing the attribute filter (all when none)
  bool filtered_by_case = false;
  std::vector<Condition> conditions;
  std::vector<Id> documents; ///< documents passing the filter
  std::unordered_map<Id, std::string> document_names;
  /// True when a case id passes the attribute filter.
  bool case_passes(std::optional<Id> case_id) const;
  /// True when coding c counts for codes[code]: its own, or (with
  /// subcodes) one of a descendant's.
  bool counts_for(const ACoding& c, std::size_t code, bool with_subcodes) const;
};

/// Loads the codings passing the filter (each with its case as
/// list_codings() decides it), the codebook and the cases.
AnalysisData load_analysis(const Project& p, const AnalysisFilter& f);
/// All of load_analysis() but the codings.
AnalysisData load_analysis_base(const Project& p, const AnalysisFilter& f);
/// Calls visit for each coding passing the filter, with its case, in no
/// particular order, without keeping them (d from load_analysis_base()).
void each_analysis_coding(const Project& p, const AnalysisFilter& f, const AnalysisData& d,
                          const std::function<void(const ACoding&)>& visit);

/// Sorts ranges and merges those that overlap or touch (per document).
std::vector<Range> merge_ranges(std::vector<Range> r);
/// Stretches where a (merged) and b (merged) overlap.
std::vector<Range> intersect_ranges(const std::vector<Range>& a, const std::vector<Range>& b);

/// Word boundaries of UTF-8 text by ICU's word break rules: the code-point
/// ranges of the segments that hold a letter, digit, kana or ideograph.
std::vector<std::pair<std::int64_t, std::int64_t>> word_ranges(std::string_view utf8);

/// Counts words in ranges of documents, reading each document once. A word
/// counts when its first character lies inside a range.
class WordCounter {
public:
  explicit WordCounter(const Project& p) : m_p(p) {}
  /// Words in merged ranges (each word once).
  std::int64_t count(const std::vector<Range>& merged);

private:
  const std::vector<std::int64_t>& starts(Id document_id);
  const Project& m_p;
  std::unordered_map<Id, std::vector<std::int64_t>> m_starts;
};

/// Merged ranges of each code's codings, indexed like AnalysisData::codes;
/// with_subcodes adds each code's descendants' codings.
std::vector<std::vector<Range>> code_segments(const AnalysisData& d, bool with_subcodes);

/// The passages of documents, by start, read once each.
class PassageCache {
public:
  explicit PassageCache(const Project& p) : m_p(p) {}
  const std::vector<Passage>& of(Id document_id);

private:
  const Project& m_p;
  std::unordered_map<Id, std::vector<Passage>> m_passages;
};

/// Turns ranges into Hits (text, document, case), reading each document once.
/// A range's case is that of the passage holding its start, else the
/// document's (the rule list_codings() applies to codings).
class HitMaker {
public:
  explicit HitMaker(const Project& p) : m_p(p), m_passages(p) {}
  Hit make(const Range& r);
  PassageCache& passages() { return m_passages; }

private:
  struct Doc;
  const Project& m_p;
  PassageCache m_passages;
  std::unordered_map<Id, std::shared_ptr<Doc>> m_docs;
  std::unordered_map<Id, std::string> m_case_names;
};

} // namespace quire::detail
