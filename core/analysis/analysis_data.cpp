// Loading what analyses start from, and range arithmetic.
#include <algorithm>
#include <unordered_set>

#include "analysis/analysis_p.h"
#include "quire/model/cases.h"
#include "quire/model/codebook.h"
#include "quire/model/coding.h"
#include "quire/model/documents.h"
#include "store/db_p.h"
#include "store/project_p.h"

namespace quire::detail {

bool AnalysisData::counts_for(const ACoding& c, std::size_t code, bool with_subcodes) const {
  const auto own = code_at.at(c.code_id);
  if (!with_subcodes) {
    return own == code;
  }
  const auto& ancestors = up[own];
  return std::find(ancestors.begin(), ancestors.end(), code) != ancestors.end();
}

bool AnalysisData::case_passes(std::optional<Id> case_id) const {
  if (!filtered_by_case) {
    return true;
  }
  return case_id && std::binary_search(base_cases.begin(), base_cases.end(), *case_id);
}

void each_analysis_coding(const Project& p, const AnalysisFilter& f, const AnalysisData& d,
                          const std::function<void(const ACoding&)>& visit) {
  auto& db = detail::db(p);
  std::optional<Id> coder;
  if (f.coder) {
    auto k = db.prepare("SELECT id FROM coder WHERE name = ?");
    k.bind(1, *f.coder);
    if (!k.step()) {
      return; // a coder with no codings
    }
    coder = k.i64(0);
  }
  // Each document's case and passages (by start), read once: a coding's case
  // is that of the last passage starting at or before its start when that
  // passage reaches past it, else its document's — list_codings()'s rule.
  struct P {
    std::int64_t start, end;
    std::optional<Id> case_id;
  };
  struct Doc {
    std::optional<Id> case_id;
    std::vector<P> passages;
    bool wanted = false;
  };
  std::unordered_map<Id, Doc> docs;
  {
    auto s = db.prepare("SELECT id, case_id FROM document");
    while (s.step()) {
      docs[s.i64(0)].case_id = s.opt_i64(1);
    }
    for (auto id : d.documents) {
      docs[id].wanted = true;
    }
    auto ps = db.prepare(
        "SELECT document_id, start, end, case_id FROM passage ORDER BY document_id, start");
    while (ps.step()) {
      docs[ps.i64(0)].passages.push_back({ps.i64(1), ps.i64(2), ps.opt_i64(3)});
    }
  }
  // Codes of the codebook by id, dense (hashing a million ids costs more).
  Id max_code = 0;
  for (const auto& [id, at] : d.code_at) {
    max_code = std::max(max_code, id);
  }
  std::vector<char> known(static_cast<std::size_t>(std::max<Id>(0, max_code)) + 1, 0);
  for (const auto& [id, at] : d.code_at) {
    if (id >= 0) {
      known[static_cast<std::size_t>(id)] = 1;
    }
  }
  // One scan, no joins: of the index coding_place, which holds every
  // column read here (a quarter of the table's pages), in document order.
  auto s = db.prepare(
      coder ? "SELECT id, code_id, document_id, start, end FROM coding WHERE coder_id = ?"
            : "SELECT id, code_id, document_id, start, end FROM coding");
  if (coder) {
    s.bind(1, *coder);
  }
  Id last_doc = -1;
  const Doc* doc = nullptr;
  while (s.step()) {
    ACoding c{s.i64(0), s.i64(1), s.i64(2), s.i64(3), s.i64(4), std::nullopt};
    if (c.document_id != last_doc) {
      last_doc = c.document_id;
      auto it = docs.find(c.document_id);
      doc = it == docs.end() ? nullptr : &it->second;
    }
    if (!doc || !doc->wanted) {
      continue;
    }
    c.case_id = case_at(doc->passages, c.start, doc->case_id);
    if (c.code_id >= 0 && static_cast<std::size_t>(c.code_id) < known.size() &&
        known[static_cast<std::size_t>(c.code_id)] && d.case_passes(c.case_id)) {
      visit(c);
    }
  }
}

AnalysisData load_analysis_base(const Project& p, const AnalysisFilter& f) {
  AnalysisData d;
  d.codes = list_codes(p);
  d.up.resize(d.codes.size());
  for (std::size_t i = 0; i < d.codes.size(); ++i) {
    d.code_at[d.codes[i].id] = i;
  }
  for (std::size_t i = 0; i < d.codes.size(); ++i) {
    for (std::optional<Id> c = d.codes[i].id; c;) {
      auto at = d.code_at.at(*c);
      d.up[i].push_back(at);
      c = d.codes[at].parent_id;
    }
  }
  d.cases = list_cases(p);
  d.values = all_case_attributes(p);
  for (const auto& w : f.where) {
    auto more = parse_conditions(p, w);
    d.conditions.insert(d.conditions.end(), more.begin(), more.end());
  }
  d.filtered_by_case = !d.conditions.empty();
  for (const auto& c : d.cases) {
    if (!d.filtered_by_case || case_matches(d.conditions, d.values[c.id])) {
      d.base_cases.push_back(c.id);
    }
  }
  std::sort(d.base_cases.begin(), d.base_cases.end());

  for (const auto& doc : list_documents(p)) {
    if (f.documents.empty() ||
        std::find(f.documents.begin(), f.documents.end(), doc.id) != f.documents.end()) {
      d.documents.push_back(doc.id);
      d.document_names[doc.id] = doc.name;
    }
  }
  return d;
}

AnalysisData load_analysis(const Project& p, const AnalysisFilter& f) {
  auto d = load_analysis_base(p, f);
  d.codings.reserve(static_cast<std::size_t>(
      std::max<std::int64_t>(0, detail::db(p).scalar("SELECT max(id) FROM coding"))));
  each_analysis_coding(p, f, d, [&](const ACoding& c) { d.codings.push_back(c); });
  auto by_place = [](const ACoding& a, const ACoding& b) {
    return a.document_id != b.document_id ? a.document_id < b.document_id
           : a.start != b.start           ? a.start < b.start
                                          : a.id < b.id;
  };
  if (!std::is_sorted(d.codings.begin(), d.codings.end(), by_place)) {
    std::sort(d.codings.begin(), d.codings.end(), by_place);
  }
  return d;
}

std::vector<Range> merge_ranges(std::vector<Range> r) {
  std::sort(r.begin(), r.end());
  std::vector<Range> out;
  for (const auto& x : r) {
    if (!out.empty() && out.back().document_id == x.document_id && x.start <= out.back().end) {
      out.back().end = std::max(out.back().end, x.end);
    } else {
      out.push_back(x);
    }
  }
  return out;
}

std::vector<Range> intersect_ranges(const std::vector<Range>& a, const std::vector<Range>& b) {
  std::vector<Range> out;
  std::size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    const auto& x = a[i];
    const auto& y = b[j];
    if (x.document_id != y.document_id) {
      (x.document_id < y.document_id ? i : j)++;
      continue;
    }
    auto s = std::max(x.start, y.start);
    auto e = std::min(x.end, y.end);
    if (s < e) {
      out.push_back({x.document_id, s, e});
    }
    (x.end < y.end ? i : j)++;
  }
  return out;
}

std::int64_t WordCounter::count(const std::vector<Range>& merged) {
  std::int64_t n = 0;
  for (const auto& r : merged) {
    const auto& st = starts(r.document_id);
    n += std::lower_bound(st.begin(), st.end(), r.end) -
         std::lower_bound(st.begin(), st.end(), r.start);
  }
  return n;
}

const std::vector<std::int64_t>& WordCounter::starts(Id document_id) {
  auto it = m_starts.find(document_id);
  if (it != m_starts.end()) {
    return it->second;
  }
  const auto words = word_ranges(document_text(m_p, document_id));
  std::vector<std::int64_t> st;
  st.reserve(words.size()); // kept for every document: no spare capacity
  for (const auto& [s, e] : words) {
    st.push_back(s);
  }
  return m_starts.emplace(document_id, std::move(st)).first->second;
}

} // namespace quire::detail

namespace quire::detail {

std::vector<std::vector<Range>> code_segments(const AnalysisData& d, bool with_subcodes) {
  std::vector<std::vector<Range>> out(d.codes.size());
  for (const auto& c : d.codings) {
    auto at = d.code_at.at(c.code_id);
    if (!with_subcodes) {
      out[at].push_back({c.document_id, c.start, c.end});
      continue;
    }
    for (auto up : d.up[at]) {
      out[up].push_back({c.document_id, c.start, c.end});
    }
  }
  for (auto& v : out) {
    v = merge_ranges(std::move(v));
  }
  return out;
}

const std::vector<Passage>& PassageCache::of(Id document_id) {
  auto it = m_passages.find(document_id);
  if (it == m_passages.end()) {
    auto ps = list_passages(m_p, document_id);
    std::sort(ps.begin(), ps.end(),
              [](const Passage& a, const Passage& b) { return a.start < b.start; });
    it = m_passages.emplace(document_id, std::move(ps)).first;
  }
  return it->second;
}

struct HitMaker::Doc {
  Document doc;
  std::string text;
  std::unique_ptr<CodePointIndex> index;
};

Hit HitMaker::make(const Range& r) {
  auto& slot = m_docs[r.document_id];
  if (!slot) {
    slot = std::make_shared<Doc>();
    slot->doc = get_document(m_p, r.document_id);
    slot->text = document_text(m_p, r.document_id);
    slot->index = std::make_unique<CodePointIndex>(slot->text);
  }
  if (m_case_names.empty()) {
    for (const auto& c : list_cases(m_p)) {
      m_case_names[c.id] = c.name;
    }
  }
  Hit h;
  h.document_id = r.document_id;
  h.start = r.start;
  h.end = r.end;
  h.document_name = slot->doc.name;
  h.text = std::string(slot->index->slice(r.start, r.end));
  h.case_id = case_at(m_passages.of(r.document_id), r.start, slot->doc.case_id);
  if (h.case_id) {
    h.case_name = m_case_names[*h.case_id];
  }
  return h;
}

} // namespace quire::detail
