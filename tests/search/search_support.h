#pragma once
// What the search suites share: the passages a query finds, and the
// passages a scan of the text finds (the ground truth a query is checked
// against).
#include <functional>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "quire/base/text.h"
#include "quire/model/documents.h"
#include "quire/search/search_index.h"
#include "quire/store/project.h"

namespace quire::test {

/// The passages the query finds (every hit, up to 100,000).
inline std::set<Id> found(const SearchIndex& idx, const std::string& q) {
  SearchOptions o;
  o.limit = 100000;
  std::set<Id> out;
  for (auto& h : idx.search(q, o).hits)
    out.insert(h.passage_id);
  return out;
}

/// The passages of these documents whose text passes the test, by scanning.
inline std::set<Id> passages_where(const Project& p, const std::vector<Id>& docs,
                                   const std::function<bool(const std::string&)>& test) {
  std::set<Id> out;
  for (Id d : docs) {
    auto text = document_text(p, d);
    CodePointIndex idx(text);
    for (auto& ps : list_passages(p, d)) {
      if (test(std::string(idx.slice(ps.start, ps.end))))
        out.insert(ps.id);
    }
  }
  return out;
}

/// The passages whose text matches the pattern (any case), by scanning.
inline std::set<Id> containing(const Project& p, const std::vector<Id>& docs,
                               const std::string& pattern) {
  std::regex re(pattern, std::regex::icase);
  return passages_where(p, docs, [&](const std::string& t) { return std::regex_search(t, re); });
}

} // namespace quire::test
