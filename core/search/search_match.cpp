// Where a query matches inside one passage: the query's own tree, evaluated
// word by word on any stretch of the passage (a sentence, a paragraph, the
// whole), with Xapian's semantics.
#include <algorithm>
#include <cstring>
#include <functional>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "search/search_p.h"

namespace quire {

namespace {

/// The word a token of the text is indexed as: lower case by Xapian's rules
/// (the index's TermGenerator lower-cases so), a typographic apostrophe as '.
std::string index_form(std::string_view word) {
  std::string out;
  Xapian::Utf8Iterator it(word.data(), word.size()), end;
  for (; it != end; ++it) {
    unsigned ch = *it;
    if (ch == 0x2019 || ch == 0x201b)
      ch = '\'';
    Xapian::Unicode::append_utf8(out, Xapian::Unicode::tolower(ch));
  }
  return out;
}

/// Only passage 'id' of the database: a posting source to ask whether a
/// filter of the query (code:, attr:...) holds for that passage.
class OnePassage : public Xapian::PostingSource {
public:
  explicit OnePassage(Xapian::docid id) : m_id(id) {}
  Xapian::doccount get_termfreq_min() const override { return 0; }
  Xapian::doccount get_termfreq_est() const override { return 1; }
  Xapian::doccount get_termfreq_max() const override { return 1; }
  void init(const Xapian::Database&) override {
    m_started = false;
    m_end = false;
  }
  void next(double) override {
    if (m_started)
      m_end = true;
    m_started = true;
  }
  void skip_to(Xapian::docid did, double) override {
    m_started = true;
    if (did > m_id)
      m_end = true;
  }
  bool at_end() const override { return m_end; }
  Xapian::docid get_docid() const override { return m_id; }

private:
  Xapian::docid m_id;
  bool m_started = false, m_end = false;
};

/// What a subquery does to one stretch: whether it matches, and the words
/// (token numbers) that take part in the match.
struct Eval {
  bool match = false;
  std::set<std::size_t> words;
};

/// The window of a PHRASE or NEAR subquery. Xapian keeps it to itself but
/// writes it in the description: "Query((time@1 NEAR 6 meeting@2))".
Xapian::termpos window_of(const Xapian::Query& q, const char* op) {
  auto d = q.get_description();
  auto at = d.find(std::string(" ") + op + " ");
  if (at == std::string::npos)
    return static_cast<Xapian::termpos>(q.get_num_subqueries());
  return static_cast<Xapian::termpos>(std::stoul(d.substr(at + std::strlen(op) + 2)));
}

/// The pattern of a wildcard subquery: "Query(WILDCARD SYNONYM collab)".
std::string wildcard_of(const Xapian::Query& q) {
  auto d = q.get_description();
  while (!d.empty() && d.back() == ')')
    d.pop_back();
  return d.substr(d.rfind(' ') + 1);
}

} // namespace

std::vector<WordToken> tokenize_words(std::string_view text) {
  std::vector<WordToken> out;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  int32_t i = 0, n = static_cast<int32_t>(text.size());
  std::int64_t cp = 0, start = -1;
  int32_t byte_start = 0;
  // A word ends before trailing apostrophes (as Xapian indexes it).
  auto finish = [&](int32_t byte_end, std::int64_t cp_end) {
    std::string_view w(text.data() + byte_start, static_cast<std::size_t>(byte_end - byte_start));
    while (!w.empty() &&
           (w.back() == '\'' || (w.size() >= 3 && w.substr(w.size() - 3) == "\xE2\x80\x99"))) {
      w.remove_suffix(w.back() == '\'' ? 1 : 3);
      --cp_end;
    }
    if (!w.empty())
      out.push_back({index_form(w), start, cp_end});
  };
  while (i < n) {
    int32_t at = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    bool w = c >= 0 && (u_isalnum(c) || ((c == '\'' || c == 0x2019) && start >= 0));
    if (w && start < 0) {
      start = cp;
      byte_start = at;
    }
    if (!w && start >= 0) {
      finish(at, cp);
      start = -1;
    }
    ++cp;
  }
  if (start >= 0)
    finish(n, cp);
  return out;
}

struct QueryMatcher::Stretch {
  const QueryMatcher& m;
  const std::vector<WordToken>& tokens;
  std::size_t first, last;
  /// Token numbers of each word in the stretch.
  std::unordered_map<std::string, std::vector<std::size_t>> at;

  Stretch(const QueryMatcher& matcher, const std::vector<WordToken>& t, std::size_t f,
          std::size_t l)
      : m(matcher), tokens(t), first(f), last(l) {
    for (std::size_t i = f; i < l; ++i)
      at[t[i].word].push_back(i);
  }

  Eval eval(const Xapian::Query& q) {
    using Q = Xapian::Query;
    Eval r;
    const auto n = q.get_num_subqueries();
    switch (q.get_type()) {
    case Q::LEAF_MATCH_ALL: r.match = true; return r;
    case Q::LEAF_MATCH_NOTHING: return r;
    case Q::LEAF_TERM: {
      auto t = q.get_unique_terms_begin();
      if (t == q.get_unique_terms_end())
        return r;
      const std::string term = *t;
      if (!term.empty() && term[0] >= 'A' && term[0] <= 'Z') {
        r.match = m.passage_has_term(term); // a filter (or a stemmed form): the passage's
        return r;
      }
      if (auto it = at.find(term); it != at.end()) {
        r.match = true;
        r.words.insert(it->second.begin(), it->second.end());
      }
      return r;
    }
    case Q::OP_WILDCARD: {
      const auto pattern = wildcard_of(q);
      for (const auto& [word, where] : at) {
        if (word.rfind(pattern, 0) == 0) {
          r.match = true;
          r.words.insert(where.begin(), where.end());
        }
      }
      return r;
    }
    case Q::OP_AND:
    case Q::OP_FILTER:
      for (std::size_t i = 0; i < n; ++i) {
        auto e = eval(q.get_subquery(i));
        if (!e.match)
          return {};
        r.words.insert(e.words.begin(), e.words.end());
      }
      r.match = true;
      return r;
    case Q::OP_AND_NOT: {
      r = eval(q.get_subquery(0));
      for (std::size_t i = 1; r.match && i < n; ++i) {
        if (eval(q.get_subquery(i)).match)
          return {};
      }
      return r;
    }
    case Q::OP_AND_MAYBE: {
      r = eval(q.get_subquery(0));
      for (std::size_t i = 1; r.match && i < n; ++i) {
        auto e = eval(q.get_subquery(i));
        r.words.insert(e.words.begin(), e.words.end());
      }
      return r;
    }
    case Q::OP_XOR: {
      int matched = 0;
      for (std::size_t i = 0; i < n; ++i) {
        auto e = eval(q.get_subquery(i));
        matched += e.match ? 1 : 0;
        r.words.insert(e.words.begin(), e.words.end());
      }
      r.match = matched % 2 == 1;
      if (!r.match)
        r.words.clear();
      return r;
    }
    case Q::OP_PHRASE: return positional(q, window_of(q, "PHRASE"), true);
    case Q::OP_NEAR: return positional(q, window_of(q, "NEAR"), false);
    case Q::OP_OR:
    case Q::OP_SYNONYM:
    case Q::OP_MAX:
    case Q::OP_ELITE_SET:
    case Q::OP_SCALE_WEIGHT:
      for (std::size_t i = 0; i < n; ++i) {
        auto e = eval(q.get_subquery(i));
        if (e.match) {
          r.match = true;
          r.words.insert(e.words.begin(), e.words.end());
        }
      }
      return r;
    default:
      // Value ranges (attr:Years:5..10) and anything else without words:
      // a property of the passage.
      r.match = m.passage_has(q);
      return r;
    }
  }

  /// PHRASE (in order) or NEAR (any order): one word of each subquery, all
  /// within `window` positions (Xapian: last - first < window).
  Eval positional(const Xapian::Query& q, Xapian::termpos window, bool ordered) {
    std::vector<std::vector<std::size_t>> slots;
    for (std::size_t i = 0; i < q.get_num_subqueries(); ++i) {
      auto e = eval(q.get_subquery(i));
      if (!e.match || e.words.empty())
        return {};
      slots.emplace_back(e.words.begin(), e.words.end());
    }
    Eval r;
    std::vector<std::size_t> chosen;
    // Every word of slot s that takes part in some match.
    // Whether the words chosen so far (spanning lo..hi) can be completed from
    // slot s on; every complete choice's words take part in the match.
    std::function<bool(std::size_t, std::size_t, std::size_t)> fill =
        [&](std::size_t s, std::size_t lo, std::size_t hi) -> bool {
      if (s == slots.size()) {
        r.words.insert(chosen.begin(), chosen.end());
        r.match = true;
        return true;
      }
      bool found = false;
      for (auto pos : slots[s]) {
        if (ordered && !chosen.empty() && pos <= chosen.back())
          continue;
        if (std::find(chosen.begin(), chosen.end(), pos) != chosen.end())
          continue;
        auto nlo = chosen.empty() ? pos : std::min(lo, pos);
        auto nhi = chosen.empty() ? pos : std::max(hi, pos);
        if (nhi - nlo >= window)
          continue;
        chosen.push_back(pos);
        found = fill(s + 1, nlo, nhi) || found;
        chosen.pop_back();
      }
      return found;
    };
    fill(0, 0, 0);
    return r;
  }
};

bool QueryMatcher::passage_has_term(const std::string& term) const {
  auto p = m_db.postlist_begin(term);
  if (p == m_db.postlist_end(term))
    return false;
  p.skip_to(m_passage);
  return p != m_db.postlist_end(term) && *p == m_passage;
}

bool QueryMatcher::passage_has(const Xapian::Query& q) const {
  auto key = q.get_description();
  if (auto it = m_known.find(key); it != m_known.end())
    return it->second;
  Xapian::Enquire enquire(m_db);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER,
                                  Xapian::Query((new OnePassage(m_passage))->release()), q));
  bool has = enquire.get_mset(0, 1).size() > 0;
  m_known.emplace(std::move(key), has);
  return has;
}

std::optional<std::vector<std::pair<std::int64_t, std::int64_t>>>
QueryMatcher::match(const std::vector<WordToken>& tokens, std::size_t first,
                    std::size_t last) const {
  Stretch s(*this, tokens, first, last);
  auto e = s.eval(m_query);
  if (!e.match)
    return std::nullopt;
  std::vector<std::pair<std::int64_t, std::int64_t>> out;
  for (auto i : e.words)
    out.emplace_back(tokens[i].start, tokens[i].end);
  return out;
}

} // namespace quire
