// Coding queries: code paths combined with AND, OR, NOT, WITHIN, NEAR/n.
#include <algorithm>
#include <cctype>

#include "analysis/analysis_p.h"
#include "quire/base/error.h"
#include "quire/model/codebook.h"

namespace quire {

namespace {

using detail::Range;
using Segs = std::vector<Range>;

struct Token {
  enum Kind { Path, Op, Open, Close, End } kind = End;
  std::string text; ///< path, or operator in upper case
  int near = 1;     ///< for NEAR/n
};

std::string upper(std::string s) {
  for (auto& c : s) {
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return s;
}

/// Splits a query into tokens; consecutive bare words form one path.
std::vector<Token> tokenize(const std::string& q) {
  std::vector<Token> out;
  std::size_t i = 0;
  auto bad = [&](const std::string& why) {
    return InputError("the query '" + q + "' " + why +
                      "; write e.g. '\"Purpose/Sceptical\" AND Time' or 'A NEAR/2 B'");
  };
  while (i < q.size()) {
    char c = q[i];
    if (std::isspace(static_cast<unsigned char>(c))) {
      ++i;
    } else if (c == '(' || c == ')') {
      out.push_back({c == '(' ? Token::Open : Token::Close, std::string(1, c)});
      ++i;
    } else if (c == '"' || c == '\'') {
      auto close = q.find(c, i + 1);
      if (close == std::string::npos) {
        throw bad("has an unclosed quote at character " + std::to_string(i + 1));
      }
      out.push_back({Token::Path, q.substr(i + 1, close - i - 1)});
      i = close + 1;
    } else {
      auto j = i;
      while (j < q.size() && !std::isspace(static_cast<unsigned char>(q[j])) && q[j] != '(' &&
             q[j] != ')' && q[j] != '"') {
        ++j;
      }
      auto word = q.substr(i, j - i);
      auto up = upper(word);
      i = j;
      if (up == "AND" || up == "OR" || up == "NOT" || up == "WITHIN" || up == "NEAR") {
        out.push_back({Token::Op, up});
      } else if (up.rfind("NEAR/", 0) == 0) {
        try {
          std::size_t used = 0;
          int n = std::stoi(up.substr(5), &used);
          if (used != up.size() - 5 || n < 0) {
            throw std::invalid_argument("n");
          }
          out.push_back({Token::Op, "NEAR", n});
        } catch (const std::logic_error&) {
          throw bad("has '" + word + "': NEAR/n needs a whole number of passages");
        }
      } else if (!out.empty() && out.back().kind == Token::Path) {
        out.back().text += " " + word;
      } else {
        out.push_back({Token::Path, word});
      }
    }
  }
  out.push_back({Token::End, ""});
  return out;
}

class Evaluator {
public:
  Evaluator(const Project& p, const std::string& q, const detail::AnalysisData& d)
      : m_p(p), m_q(q), m_d(d), m_tokens(tokenize(q)), m_segs(detail::code_segments(d, true)),
        m_passages(p) {}

  Segs run() {
    auto r = or_expr();
    if (m_tokens[m_at].kind != Token::End) {
      throw error("has '" + m_tokens[m_at].text + "' where an operator or the end was expected");
    }
    return r;
  }

private:
  InputError error(const std::string& why) const {
    return InputError("the query '" + m_q + "' " + why);
  }

  bool take_op(const char* op) {
    if (m_tokens[m_at].kind == Token::Op && m_tokens[m_at].text == op) {
      ++m_at;
      return true;
    }
    return false;
  }

  Segs or_expr() {
    auto a = and_expr();
    while (take_op("OR")) {
      auto b = and_expr();
      a.insert(a.end(), b.begin(), b.end());
      a = detail::merge_ranges(std::move(a));
    }
    return a;
  }

  Segs and_expr() {
    auto a = rel_expr();
    while (take_op("AND")) {
      if (take_op("NOT")) {
        a = without(a, rel_expr());
      } else {
        a = detail::intersect_ranges(a, rel_expr());
      }
    }
    return a;
  }

  Segs rel_expr() {
    auto a = primary();
    for (;;) {
      const auto& t = m_tokens[m_at];
      if (t.kind != Token::Op || t.text == "AND" || t.text == "OR") {
        return a;
      }
      ++m_at;
      auto b = primary();
      a = t.text == "NOT" ? without(a, b) : t.text == "WITHIN" ? within(a, b) : near(a, b, t.near);
    }
  }

  Segs primary() {
    const auto& t = m_tokens[m_at];
    if (t.kind == Token::Open) {
      ++m_at;
      auto r = or_expr();
      if (m_tokens[m_at].kind != Token::Close) {
        throw error("has an unclosed parenthesis");
      }
      ++m_at;
      return r;
    }
    if (t.kind != Token::Path) {
      throw error(t.kind == Token::End ? "ends where a code was expected"
                                       : "has '" + t.text + "' where a code was expected");
    }
    ++m_at;
    auto code = find_code(m_p, t.text);
    return m_segs[m_d.code_at.at(code.id)];
  }

  /// Does segment s overlap some range of b (merged, sorted)?
  template <class Pred> static Segs keep(const Segs& a, const Segs& b, Pred pred) {
    Segs out;
    for (const auto& s : a) {
      auto it = std::lower_bound(b.begin(), b.end(), s, [](const Range& r, const Range& x) {
        return r.document_id != x.document_id ? r.document_id < x.document_id : r.end <= x.start;
      });
      if (pred(s, it, b.end())) {
        out.push_back(s);
      }
    }
    return out;
  }

  static Segs without(const Segs& a, const Segs& b) {
    return keep(a, b, [](const Range& s, auto it, auto end) {
      return !(it != end && it->document_id == s.document_id && it->start < s.end);
    });
  }

  static Segs within(const Segs& a, const Segs& b) {
    return keep(a, b, [](const Range& s, auto it, auto end) {
      return it != end && it->document_id == s.document_id && it->start <= s.start &&
             it->end >= s.end;
    });
  }

  /// The passages a segment spans, as indexes [first, last] (a segment
  /// outside every passage takes the one before it).
  std::pair<std::ptrdiff_t, std::ptrdiff_t> span(const Range& s) {
    const auto& ps = m_passages.of(s.document_id);
    auto first = std::upper_bound(ps.begin(), ps.end(), s.start,
                                  [](std::int64_t v, const Passage& x) { return v < x.start; });
    auto last = std::lower_bound(ps.begin(), ps.end(), s.end,
                                 [](const Passage& x, std::int64_t v) { return x.start < v; });
    auto f = std::max<std::ptrdiff_t>(0, first - ps.begin() - 1);
    auto l = std::max<std::ptrdiff_t>(f, last - ps.begin() - 1);
    return {f, l};
  }

  Segs near(const Segs& a, const Segs& b, int n) {
    Segs out;
    for (const auto& s : a) {
      auto [f, l] = span(s);
      for (const auto& t : b) {
        if (t.document_id != s.document_id) {
          continue;
        }
        auto [g, m] = span(t);
        auto gap = std::max<std::ptrdiff_t>({0, g - l, f - m});
        if (gap <= n) {
          out.push_back(s);
          break;
        }
      }
    }
    return out;
  }

  const Project& m_p;
  std::string m_q;
  const detail::AnalysisData& m_d;
  std::vector<Token> m_tokens;
  std::size_t m_at = 0;
  std::vector<Segs> m_segs;
  detail::PassageCache m_passages;
};

} // namespace

std::vector<Hit> coding_query(const Project& p, const std::string& query, const AnalysisFilter& f) {
  auto d = detail::load_analysis(p, f);
  auto ranges = Evaluator(p, query, d).run();
  detail::HitMaker maker(p);
  std::vector<Hit> out;
  for (const auto& r : ranges) {
    out.push_back(maker.make(r));
  }
  return out;
}

} // namespace quire
