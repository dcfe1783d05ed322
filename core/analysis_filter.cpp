// The analysis base: attribute conditions, codings with their cases, words.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "analysis_p.h"
#include "cases.h"
#include "codebook.h"
#include "documents.h"
#include "error.h"
#include "project_p.h"

namespace quire {

namespace {

std::string trim(std::string s) {
  auto sp = [](unsigned char c) { return std::isspace(c) != 0; };
  while (!s.empty() && sp(static_cast<unsigned char>(s.back())))
    s.pop_back();
  std::size_t i = 0;
  while (i < s.size() && sp(static_cast<unsigned char>(s[i])))
    ++i;
  return s.substr(i);
}

std::string unquote(std::string s) {
  s = trim(std::move(s));
  if (s.size() >= 2 && (s.front() == '"' || s.front() == '\'') && s.back() == s.front()) {
    return s.substr(1, s.size() - 2);
  }
  return s;
}

int compare_values(const Value& v, const std::string& wanted) {
  if (v.type == AttrType::Number) {
    double w = parse_value(wanted, AttrType::Number).number;
    return v.number < w ? -1 : (v.number > w ? 1 : 0);
  }
  const std::string w =
      v.type == AttrType::Date ? parse_value(wanted, AttrType::Date).text : wanted;
  return v.text.compare(w) < 0 ? -1 : (v.text.compare(w) > 0 ? 1 : 0);
}

} // namespace

AttrCondition parse_condition(const std::string& text) {
  static const char* const hint =
      "Write a condition as ATTRIBUTE OP VALUE, e.g. 'Role = \"Head teacher\"', 'Years >= 5', "
      "'Region != North', 'Role contains head', 'Role is missing'.";
  const std::string t = trim(text);
  for (const char* word : {" is missing", " is present"}) {
    const std::string w = word;
    if (t.size() > w.size() && t.compare(t.size() - w.size(), w.size(), w) == 0) {
      return {unquote(t.substr(0, t.size() - w.size())), w == " is missing" ? "missing" : "present",
              {}};
    }
  }
  // Longest operators first, outside quotes.
  static const char* const ops[] = {"!=", "<=", ">=", "=", "<", ">", " contains "};
  char quote = 0;
  for (std::size_t i = 0; i < t.size(); ++i) {
    char c = t[i];
    if (quote) {
      if (c == quote)
        quote = 0;
      continue;
    }
    if (c == '"' || c == '\'') {
      quote = c;
      continue;
    }
    for (const char* op : ops) {
      const std::string o = op;
      if (t.compare(i, o.size(), o) == 0) {
        auto name = unquote(t.substr(0, i));
        auto value = unquote(t.substr(i + o.size()));
        if (name.empty()) {
          throw InputError("condition '" + text + "' names no attribute. " + hint);
        }
        return {name, trim(o), value};
      }
    }
  }
  throw InputError("cannot read the condition '" + text + "'. " + hint);
}

namespace detail {

bool condition_holds(const AttrCondition& c, const Value& v) {
  if (c.op == "missing")
    return v.missing;
  if (c.op == "present")
    return !v.missing;
  if (v.missing)
    return c.op == "!=";
  if (c.op == "contains") {
    return v.display().find(c.value) != std::string::npos;
  }
  int r = compare_values(v, c.value);
  if (c.op == "=")
    return r == 0;
  if (c.op == "!=")
    return r != 0;
  if (c.op == "<")
    return r < 0;
  if (c.op == "<=")
    return r <= 0;
  if (c.op == ">")
    return r > 0;
  return r >= 0;
}

std::unordered_set<Id> cases_passing(const Project& p, const AnalysisFilter& f) {
  std::unordered_set<Id> out;
  const auto cases = list_cases(p);
  if (f.cases.empty()) {
    for (const auto& c : cases)
      out.insert(c.id);
    return out;
  }
  for (const auto& c : f.cases) {
    find_attribute(p, c.attribute); // NotFoundError names an unknown attribute
  }
  const auto attrs = all_case_attributes(p);
  for (const auto& c : cases) {
    auto it = attrs.find(c.id);
    bool ok = true;
    for (const auto& cond : f.cases) {
      Value v;
      if (it != attrs.end()) {
        if (auto a = it->second.find(cond.attribute); a != it->second.end())
          v = a->second;
      }
      if (!condition_holds(cond, v)) {
        ok = false;
        break;
      }
    }
    if (ok)
      out.insert(c.id);
  }
  return out;
}

std::vector<CodingRow> load_codings(const Project& p, const AnalysisFilter& f) {
  auto& db = detail::db(p);
  // Passages whose case differs from their document's: survey answers in an
  // unlinked document, focus-group turns of participants.
  struct PassageCase {
    std::int64_t start, end;
    Id case_id;
  };
  std::unordered_map<Id, std::vector<PassageCase>> passages;
  {
    auto s = db.prepare("SELECT ps.document_id, ps.start, ps.end, ps.case_id FROM passage ps "
                        "JOIN document d ON d.id = ps.document_id WHERE ps.case_id IS NOT NULL "
                        "AND (d.case_id IS NULL OR d.case_id != ps.case_id) "
                        "ORDER BY ps.document_id, ps.start");
    while (s.step())
      passages[s.i64(0)].push_back({s.i64(1), s.i64(2), s.i64(3)});
  }
  std::unordered_map<Id, Id> doc_case;
  {
    auto s = db.prepare("SELECT id, case_id FROM document WHERE case_id IS NOT NULL");
    while (s.step())
      doc_case[s.i64(0)] = s.i64(1);
  }
  std::optional<std::unordered_set<Id>> allowed;
  if (!f.cases.empty())
    allowed = cases_passing(p, f);
  std::unordered_set<Id> docs(f.documents.begin(), f.documents.end());

  std::string sql = "SELECT c.id, c.code_id, c.document_id, c.start, c.end, c.coder_id "
                    "FROM coding c";
  if (f.coder)
    sql += " JOIN coder k ON k.id = c.coder_id AND k.name = ?1";
  sql += " ORDER BY c.document_id, c.start, c.id";
  auto s = db.prepare(sql);
  if (f.coder)
    s.bind(1, *f.coder);
  std::vector<CodingRow> out;
  Id cur = -1;
  const std::vector<PassageCase>* ps = nullptr;
  Id dcase = 0;
  while (s.step()) {
    CodingRow r{s.i64(0), s.i64(1), s.i64(2), s.i64(3), s.i64(4), s.i64(5), 0};
    if (!docs.empty() && !docs.count(r.document_id))
      continue;
    if (r.document_id != cur) {
      cur = r.document_id;
      auto pit = passages.find(cur);
      ps = pit == passages.end() ? nullptr : &pit->second;
      auto dit = doc_case.find(cur);
      dcase = dit == doc_case.end() ? 0 : dit->second;
    }
    r.case_id = dcase;
    if (ps) {
      auto it = std::upper_bound(ps->begin(), ps->end(), r.start,
                                 [](std::int64_t v, const PassageCase& q) { return v < q.start; });
      if (it != ps->begin() && std::prev(it)->end > r.start)
        r.case_id = std::prev(it)->case_id;
    }
    if (allowed && (r.case_id == 0 || !allowed->count(r.case_id)))
      continue;
    out.push_back(r);
  }
  return out;
}

std::unordered_map<Id, std::vector<Id>> subtree_map(const Project& p) {
  std::unordered_map<Id, std::vector<Id>> out;
  const auto codes = list_codes(p);
  std::unordered_map<Id, std::optional<Id>> parent;
  for (const auto& c : codes)
    parent[c.id] = c.parent_id;
  for (const auto& c : codes) {
    for (std::optional<Id> a = c.id; a; a = parent[*a])
      out[*a].push_back(c.id);
  }
  return out;
}

WordCounter::WordCounter(const std::string& text) {
  CodePointIndex idx(text);
  m_prefix.reserve(static_cast<std::size_t>(idx.length()) + 1);
  m_prefix.push_back(0);
  bool in_word = false;
  std::int32_t n = 0;
  for (std::size_t i = 0; i < text.size();) {
    UChar32 c = 0;
    U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), i, text.size(), c);
    bool w = c >= 0 && (u_isalnum(c) || (in_word && (c == '\'' || c == 0x2019 || c == '-')));
    if (w && !in_word)
      ++n;
    in_word = w;
    m_prefix.push_back(n);
  }
}

std::int64_t WordCounter::words(std::int64_t start, std::int64_t end) const {
  auto len = static_cast<std::int64_t>(m_prefix.size()) - 1;
  start = std::clamp<std::int64_t>(start, 0, len);
  end = std::clamp<std::int64_t>(end, start, len);
  // Words that start inside the range (m_prefix[k]: word starts before k).
  return m_prefix[static_cast<std::size_t>(end)] - m_prefix[static_cast<std::size_t>(start)];
}

const std::string& TextCache::text(Id document_id) {
  if (document_id != m_doc) {
    m_index.reset();
    m_text = document_text(m_p, document_id);
    m_index = std::make_unique<CodePointIndex>(m_text);
    m_doc = document_id;
  }
  return m_text;
}

std::string TextCache::slice(Id document_id, std::int64_t start, std::int64_t end) {
  text(document_id);
  return std::string(m_index->slice(start, end));
}

std::string TextCache::document_name(Id document_id) {
  if (m_names.empty()) {
    auto s = detail::db(m_p).prepare("SELECT id, name FROM document");
    while (s.step())
      m_names[s.i64(0)] = s.str(1);
  }
  return m_names[document_id];
}

} // namespace detail
} // namespace quire
