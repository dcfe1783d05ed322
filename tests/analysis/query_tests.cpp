// Co-occurrence, coding queries and word frequencies against the model.
#include <boost/test/unit_test.hpp>

#include <cctype>

#include "model.h"
#include "quire/analysis/analysis.h"
#include "quire/base/error.h"
#include "quire/model/codebook.h"

using namespace quire;
using namespace quire::test;

namespace {

using Runs = std::vector<std::tuple<std::string, std::int64_t, std::int64_t>>;

/// Characters of a document covered by codings that keep() accepts.
template <class Keep> std::vector<bool> cover(const Model& m, const std::string& doc, Keep keep) {
  std::vector<bool> v(m.texts.at(doc).size(), false);
  for (const auto& c : m.codings)
    if (c.doc == doc && keep(c))
      for (auto i = c.start; i < c.end; ++i)
        v[static_cast<std::size_t>(i)] = true;
  return v;
}

std::vector<bool> cover_code(const Model& m, const std::string& doc, const std::string& path,
                             bool sub = true) {
  return cover(m, doc, [&](const ModelCoding& c) {
    return sub ? Model::in_subtree(c.code, path) : c.code == path;
  });
}

void add_runs(Runs& out, const std::string& doc, const std::vector<bool>& v) {
  for (std::size_t i = 0; i < v.size();) {
    if (!v[i]) {
      ++i;
      continue;
    }
    auto j = i;
    while (j < v.size() && v[j])
      ++j;
    out.emplace_back(doc, static_cast<std::int64_t>(i), static_cast<std::int64_t>(j));
    i = j;
  }
}

Runs as_runs(const Project& p, const std::vector<Hit>& hits) {
  (void)p;
  Runs out;
  for (const auto& h : hits)
    out.emplace_back(h.document_name, h.start, h.end);
  std::sort(out.begin(), out.end());
  return out;
}

/// Runs of a doc combining two code covers with op.
template <class Op>
Runs combine(const Model& m, const std::string& a, const std::string& b, Op op) {
  Runs out;
  for (const auto& [doc, text] : m.texts) {
    auto x = cover_code(m, doc, a), y = cover_code(m, doc, b);
    std::vector<bool> z(x.size());
    for (std::size_t i = 0; i < x.size(); ++i)
      z[i] = op(x[i], y[i]);
    add_runs(out, doc, z);
  }
  std::sort(out.begin(), out.end());
  return out;
}

/// Runs of a (its merged segments) for which pred(doc, start, end, cover of b) holds.
template <class Pred>
Runs segments_where(const Model& m, const std::string& a, const std::string& b, Pred pred) {
  Runs out;
  for (const auto& [doc, text] : m.texts) {
    Runs segs;
    add_runs(segs, doc, cover_code(m, doc, a));
    auto y = cover_code(m, doc, b);
    for (const auto& s : segs)
      if (pred(doc, std::get<1>(s), std::get<2>(s), y))
        out.push_back(s);
  }
  std::sort(out.begin(), out.end());
  return out;
}

/// Index of the passages a stretch spans (the one before when in none).
std::pair<long, long> span(const Model& m, const std::string& doc, std::int64_t s, std::int64_t e) {
  const auto& ps = m.passages.at(doc);
  long first = -1, last = -1, before = 0;
  for (long i = 0; i < static_cast<long>(ps.size()); ++i) {
    const auto& x = ps[static_cast<std::size_t>(i)];
    if (x.start <= s)
      before = i;
    if (x.start < e && x.end > s) {
      if (first < 0)
        first = i;
      last = i;
    }
  }
  return first < 0 ? std::make_pair(before, before) : std::make_pair(first, last);
}

std::map<std::string, std::int64_t>
word_counts(const Model& m, const std::vector<std::pair<std::string, std::vector<bool>>>& scope) {
  std::map<std::string, std::int64_t> out;
  for (const auto& [doc, on] : scope) {
    const auto& t = m.texts.at(doc);
    for (std::size_t i = 0; i < t.size();) {
      if (!std::isalnum(static_cast<unsigned char>(t[i]))) {
        ++i;
        continue;
      }
      auto j = i;
      std::string w;
      while (j < t.size() && std::isalnum(static_cast<unsigned char>(t[j])))
        w += static_cast<char>(std::tolower(static_cast<unsigned char>(t[j++])));
      if (on[i])
        out[w]++;
      i = j;
    }
  }
  return out;
}

} // namespace

BOOST_AUTO_TEST_SUITE(queries)

BOOST_AUTO_TEST_CASE(boolean_queries_match_character_sets) {
  Model m;
  auto p = m.open();
  BOOST_CHECK(as_runs(p, coding_query(p, "Purpose AND Time")) ==
              combine(m, "Purpose", "Time", [](bool x, bool y) { return x && y; }));
  BOOST_CHECK(as_runs(p, coding_query(p, "purpose/sceptical or (Time)")) ==
              combine(m, "Purpose/Sceptical", "Time", [](bool x, bool y) { return x || y; }));
  BOOST_CHECK(!coding_query(p, "Purpose AND Time").empty());
  auto none_of_b = [](const std::string&, std::int64_t s, std::int64_t e,
                      const std::vector<bool>& y) {
    for (auto i = s; i < e; ++i)
      if (y[static_cast<std::size_t>(i)])
        return false;
    return true;
  };
  BOOST_CHECK(as_runs(p, coding_query(p, "Support NOT Purpose")) ==
              segments_where(m, "Support", "Purpose", none_of_b));
  BOOST_CHECK(as_runs(p, coding_query(p, "Support AND NOT Purpose")) ==
              segments_where(m, "Support", "Purpose", none_of_b));
  auto inside = [&](const std::string& doc, std::int64_t s, std::int64_t e,
                    const std::vector<bool>& y) {
    for (auto i = s; i < e; ++i)
      if (!y[static_cast<std::size_t>(i)])
        return false;
    (void)doc;
    return true;
  };
  BOOST_CHECK(as_runs(p, coding_query(p, "Time WITHIN Purpose")) ==
              segments_where(m, "Time", "Purpose", inside));
  for (int n : {0, 1, 3}) {
    auto near = [&](const std::string& doc, std::int64_t s, std::int64_t e,
                    const std::vector<bool>& y) {
      Runs bs;
      add_runs(bs, doc, y);
      auto [f, l] = span(m, doc, s, e);
      for (const auto& b : bs) {
        auto [g, h] = span(m, doc, std::get<1>(b), std::get<2>(b));
        if (std::max({0L, g - l, f - h}) <= n)
          return true;
      }
      return false;
    };
    BOOST_CHECK(as_runs(p, coding_query(p, "Time NEAR/" + std::to_string(n) + " Support")) ==
                segments_where(m, "Time", "Support", near));
  }
}

BOOST_AUTO_TEST_CASE(queries_take_filters_and_refuse_nonsense) {
  Model m;
  auto p = m.open();
  AnalysisFilter f;
  f.where = {"Role = Coordinator"};
  for (const auto& h : coding_query(p, "Purpose OR Time", f)) {
    BOOST_CHECK_EQUAL(m.text_of(h.case_name, "Role"), "Coordinator");
    BOOST_CHECK_EQUAL(h.text, m.texts.at(h.document_name)
                                  .substr(static_cast<std::size_t>(h.start),
                                          static_cast<std::size_t>(h.end - h.start)));
  }
  BOOST_CHECK_THROW(coding_query(p, "Purpose AND"), InputError);
  BOOST_CHECK_THROW(coding_query(p, "(Purpose OR Time"), InputError);
  BOOST_CHECK_THROW(coding_query(p, "Purpose NEAR/x Time"), InputError);
  BOOST_CHECK_THROW(coding_query(p, "Nothing AND Time"), NotFoundError);
}

BOOST_AUTO_TEST_CASE(cooccurrence_by_overlap_and_by_passage) {
  Model m;
  auto p = m.open();
  CooccurrenceSpec spec;
  auto co = cooccurrence(p, spec);
  BOOST_REQUIRE_EQUAL(co.codes.size(), m.codes.size());
  std::int64_t off_diagonal = 0;
  for (std::size_t i = 0; i < co.codes.size(); ++i) {
    for (std::size_t j = 0; j < co.codes.size(); ++j) {
      Runs want;
      for (const auto& [doc, text] : m.texts) {
        auto x = cover_code(m, doc, co.codes[i].path, false),
             y = cover_code(m, doc, co.codes[j].path, false);
        for (std::size_t k = 0; k < x.size(); ++k)
          x[k] = x[k] && y[k];
        add_runs(want, doc, x);
      }
      BOOST_CHECK_EQUAL(co.counts[i][j], static_cast<std::int64_t>(want.size()));
      BOOST_CHECK_EQUAL(co.hits[i][j].size(), want.size());
      off_diagonal += i != j ? co.counts[i][j] : 0;
    }
  }
  BOOST_CHECK_GT(off_diagonal, 0);

  spec.mode = CooccurrenceMode::Passage;
  spec.codes = {find_code(p, "Purpose/Keen").id, find_code(p, "Time").id,
                find_code(p, "Support").id};
  auto pc = cooccurrence(p, spec);
  for (std::size_t i = 0; i < 3; ++i) {
    for (std::size_t j = 0; j < 3; ++j) {
      std::int64_t want = 0;
      for (const auto& [doc, ps] : m.passages) {
        for (const auto& x : ps) {
          // &doc = doc: clang before 16 (the sanitizer build) cannot capture a structured binding.
          auto touches = [&, &doc = doc](const std::string& code) {
            for (const auto& c : m.codings)
              if (c.doc == doc && c.code == code && c.start < x.end && c.end > x.start)
                return true;
            return false;
          };
          want += touches(pc.codes[i].path) && touches(pc.codes[j].path);
        }
      }
      BOOST_CHECK_EQUAL(pc.counts[i][j], want);
      for (const auto& h : pc.hits[i][j])
        BOOST_CHECK_EQUAL(h.document_name.rfind("focus-", 0), 0u);
    }
  }
}

BOOST_AUTO_TEST_CASE(word_frequencies_group_by_stem_and_drop_stop_words) {
  Model m;
  auto p = m.open();
  std::vector<std::pair<std::string, std::vector<bool>>> all;
  for (const auto& [doc, t] : m.texts)
    all.emplace_back(doc, std::vector<bool>(t.size(), true));
  auto want = word_counts(m, all);
  auto words = word_frequencies(p, {});
  std::map<std::string, WordCount> by_stem;
  std::int64_t total = 0;
  for (const auto& w : words) {
    by_stem[w.stem] = w;
    total += w.count;
  }
  BOOST_CHECK_EQUAL(by_stem.at("network").count,
                    want["network"] + want["networks"] + want["networking"]);
  BOOST_CHECK_EQUAL(by_stem.at("share").count, want["share"] + want["shared"] + want["sharing"]);
  BOOST_CHECK_EQUAL(by_stem.count("the"), 0u);
  BOOST_CHECK_EQUAL(by_stem.count("2024"), 0u);
  std::int64_t expect_total = 0;
  for (const auto& [w, n] : want)
    if (!std::isdigit(static_cast<unsigned char>(w[0])) && w != "the" && w != "and" && w != "of" &&
        w != "we" && w != "it" && w != "was")
      expect_total += n;
  BOOST_CHECK_EQUAL(total, expect_total);
  for (std::size_t i = 1; i < words.size(); ++i)
    BOOST_CHECK_GE(words[i - 1].count, words[i].count);

  WordFrequencySpec raw;
  raw.stop_words = false;
  raw.group_by_stem = false;
  std::map<std::string, std::int64_t> got;
  for (const auto& w : word_frequencies(p, raw))
    got[w.word] = w.count;
  BOOST_CHECK_EQUAL(got["the"], want["the"]);
  BOOST_CHECK_EQUAL(got["networks"], want["networks"]);

  // A query's text only: words starting inside the overlap of Purpose and Time.
  WordFrequencySpec q = raw;
  q.query = "Purpose AND Time";
  std::vector<std::pair<std::string, std::vector<bool>>> scope;
  for (const auto& [doc, t] : m.texts) {
    auto x = cover_code(m, doc, "Purpose"), y = cover_code(m, doc, "Time");
    for (std::size_t k = 0; k < x.size(); ++k)
      x[k] = x[k] && y[k];
    scope.emplace_back(doc, x);
  }
  auto want_q = word_counts(m, scope);
  std::map<std::string, std::int64_t> got_q;
  for (const auto& w : word_frequencies(p, q))
    got_q[w.word] = w.count;
  for (auto it = want_q.begin(); it != want_q.end();)
    it = std::isdigit(static_cast<unsigned char>(it->first[0])) ? want_q.erase(it) : std::next(it);
  BOOST_CHECK(got_q == want_q);
  BOOST_CHECK(!got_q.empty());

  WordFrequencySpec bad;
  bad.language = "tlh";
  BOOST_CHECK_THROW(word_frequencies(p, bad), InputError);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_CASE(cooccurrence_with_subcodes_lists_each_overlap_in_order) {
  // Overlaps are found for all pairs in one sweep; each cell must still be
  // the pair's own overlaps, by document and start, with the text there.
  Model m;
  auto p = m.open();
  CooccurrenceSpec spec;
  spec.with_subcodes = true;
  auto co = cooccurrence(p, spec);
  for (std::size_t i = 0; i < co.codes.size(); ++i) {
    for (std::size_t j = 0; j < co.codes.size(); ++j) {
      Runs want;
      for (const auto& [doc, text] : m.texts) {
        auto x = cover_code(m, doc, co.codes[i].path, true),
             y = cover_code(m, doc, co.codes[j].path, true);
        for (std::size_t k = 0; k < x.size(); ++k)
          x[k] = x[k] && y[k];
        add_runs(want, doc, x);
      }
      BOOST_TEST_CONTEXT(co.codes[i].path << " × " << co.codes[j].path) {
        BOOST_CHECK_EQUAL(co.counts[i][j], static_cast<std::int64_t>(want.size()));
        BOOST_REQUIRE_EQUAL(co.hits[i][j].size(), want.size());
        for (std::size_t k = 1; k < co.hits[i][j].size(); ++k) {
          const auto &a = co.hits[i][j][k - 1], &b = co.hits[i][j][k];
          BOOST_CHECK(a.document_id < b.document_id ||
                      (a.document_id == b.document_id && a.start < b.start));
        }
        for (const auto& h : co.hits[i][j]) {
          BOOST_CHECK_EQUAL(h.text, m.texts.at(h.document_name).substr(h.start, h.end - h.start));
        }
      }
    }
  }
}
