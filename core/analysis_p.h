#pragma once
// Private to core's analysis: codings loaded once, compactly, with their
// cases resolved, and the case filter.
#include <memory>
#include <optional>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "analysis.h"
#include "text.h"

namespace quire::detail {

/// A coding as analyses need it: numbers only.
struct CodingRow {
  Id id = 0;
  Id code_id = 0;
  Id document_id = 0;
  std::int64_t start = 0, end = 0;
  Id coder_id = 0;
  Id case_id = 0; ///< 0: none
};

/// Every coding that passes the filter, by document then start. Cases are
/// resolved (passage first, then document); codings whose case fails the
/// filter's conditions are left out.
std::vector<CodingRow> load_codings(const Project& p, const AnalysisFilter& f);

/// Ids of the cases that pass the filter's case conditions (all cases when
/// there are none): the base of "% of cases".
std::unordered_set<Id> cases_passing(const Project& p, const AnalysisFilter& f);

/// Whether one value satisfies a condition (missing values satisfy only
/// "missing" and "!=").
bool condition_holds(const AttrCondition& c, const Value& v);

/// For Codes → the code itself and its descendants ("roll-up").
std::unordered_map<Id, std::vector<Id>> subtree_map(const Project& p);

/// Words in [start, end) of a text, counting a word where it starts.
class WordCounter {
public:
  explicit WordCounter(const std::string& text);
  std::int64_t words(std::int64_t start, std::int64_t end) const;

private:
  std::vector<std::int32_t> m_prefix; ///< word starts before each code point
};

/// Text of [start, end) of a document, loading each document once.
class TextCache {
public:
  explicit TextCache(const Project& p) : m_p(p) {}
  std::string slice(Id document_id, std::int64_t start, std::int64_t end);
  const std::string& text(Id document_id);
  std::string document_name(Id document_id);

private:
  const Project& m_p;
  Id m_doc = -1;
  std::string m_text;
  std::unique_ptr<CodePointIndex> m_index;
  std::unordered_map<Id, std::string> m_names;
};

} // namespace quire::detail
