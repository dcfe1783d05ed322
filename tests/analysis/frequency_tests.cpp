// Code frequencies against counts computed from the model.
#include <boost/test/unit_test.hpp>
#include <set>

#include "model.h"
#include "quire/analysis/analysis.h"
#include "quire/base/error.h"
#include "quire/model/codebook.h"
#include "quire/model/documents.h"

using namespace quire;
using namespace quire::test;

namespace {

struct Expected {
  std::int64_t codings = 0, documents = 0, cases = 0, words = 0;
};

template <class Keep> Expected expected(const Model& m, Keep keep) {
  Expected e;
  std::set<std::string> docs, cases;
  for (const auto& c : m.codings) {
    if (!keep(c))
      continue;
    e.codings++;
    docs.insert(c.doc);
    if (!c.case_name.empty())
      cases.insert(c.case_name);
  }
  e.documents = static_cast<std::int64_t>(docs.size());
  e.cases = static_cast<std::int64_t>(cases.size());
  e.words = m.words_coded(keep);
  return e;
}

void check(const CodeFrequency::Counts& got, const Expected& want, double base) {
  BOOST_CHECK_EQUAL(got.codings, want.codings);
  BOOST_CHECK_EQUAL(got.documents, want.documents);
  BOOST_CHECK_EQUAL(got.cases, want.cases);
  BOOST_CHECK_EQUAL(got.words, want.words);
  BOOST_CHECK_CLOSE(got.pct_cases + 1, 100.0 * static_cast<double>(want.cases) / base + 1, 1e-9);
}

/// A filter (ann's codings, cases with Years >= 5 outside Network 2) and
/// the cases that pass it, worked out from the model.
std::pair<AnalysisFilter, std::set<std::string>> ann_with_years_outside_network_2(const Model& m) {
  AnalysisFilter f;
  f.where = {"Years >= 5 AND Network != \"Network 2\""};
  f.coder = "ann";
  std::set<std::string> base;
  for (const auto& [name, vals] : m.cases) {
    auto y = vals.find("Years");
    if (y != vals.end() && y->second.number >= 5 && m.text_of(name, "Network") != "Network 2")
      base.insert(name);
  }
  return {f, base};
}

} // namespace

BOOST_AUTO_TEST_SUITE(frequencies)

BOOST_AUTO_TEST_CASE(own_and_with_subcodes_match_the_model) {
  Model m;
  auto p = m.open();
  auto freq = code_frequencies(p);
  BOOST_REQUIRE_EQUAL(freq.size(), m.codes.size());
  for (const auto& f : freq) {
    BOOST_TEST_CONTEXT(f.code.path) {
      check(f.own, expected(m, [&](const ModelCoding& c) { return c.code == f.code.path; }), 12);
      check(
          f.with_subcodes,
          expected(m, [&](const ModelCoding& c) { return Model::in_subtree(c.code, f.code.path); }),
          12);
    }
  }
  // The model is rich enough for the checks to mean something.
  const auto& purpose = freq.front();
  BOOST_CHECK_EQUAL(purpose.code.path, "Purpose");
  BOOST_CHECK_GT(purpose.with_subcodes.codings, purpose.own.codings);
  BOOST_CHECK_GT(purpose.with_subcodes.cases, 5);
  BOOST_CHECK_EQUAL(freq.back().with_subcodes.codings, 0); // Unused
}

BOOST_AUTO_TEST_CASE(a_coding_spanning_two_turns_belongs_to_the_first) {
  Model m;
  auto p = m.open();
  for (const auto& f : code_frequencies(p)) {
    if (f.code.path == "Support/Peers") {
      BOOST_CHECK_EQUAL(f.own.codings, 1);
      BOOST_CHECK_EQUAL(f.own.cases, m.codings.back().case_name.empty() ? 0 : 1);
    }
  }
}

BOOST_AUTO_TEST_CASE(filters_by_attribute_coder_and_document) {
  Model m;
  auto p = m.open();
  // An init-capture: clang before 16 (the sanitizer build) cannot capture a structured binding.
  const auto [f, base] = ann_with_years_outside_network_2(m);
  BOOST_REQUIRE(base.size() >= 3 && base.size() < 12);
  auto keep_case = [&base = base](const ModelCoding& c) {
    return base.count(c.case_name) && c.coder == "ann";
  };
  for (const auto& fr : code_frequencies(p, f)) {
    BOOST_TEST_CONTEXT(fr.code.path) {
      check(fr.with_subcodes,
            expected(m,
                     [&](const ModelCoding& c) {
                       return keep_case(c) && Model::in_subtree(c.code, fr.code.path);
                     }),
            static_cast<double>(base.size()));
    }
  }
  AnalysisFilter docs;
  docs.documents = {find_document(p, "focus-b").id};
  for (const auto& fr : code_frequencies(p, docs)) {
    BOOST_CHECK_EQUAL(fr.own.codings, expected(m, [&](const ModelCoding& c) {
                                        return c.doc == "focus-b" && c.code == fr.code.path;
                                      }).codings);
  }
}

// Clicking a row of the table lists the codings it counts, under the same
// filter (the desktop app's Code frequencies page).
BOOST_AUTO_TEST_CASE(a_rows_codings_are_those_it_counts) {
  Model m;
  auto p = m.open();
  const auto [f, base] = ann_with_years_outside_network_2(m);
  auto passes = [&base = base](const ModelCoding& c) {
    return base.count(c.case_name) && c.coder == "ann";
  };
  int some = 0;
  for (const auto& fr : code_frequencies(p, f)) {
    BOOST_TEST_CONTEXT(fr.code.path) {
      auto hits = code_frequency_hits(p, fr.code.id, f);
      BOOST_CHECK_EQUAL(static_cast<std::int64_t>(hits.size()), fr.with_subcodes.codings);
      std::multiset<std::string> got, want;
      for (const auto& h : hits)
        got.insert(h.document_name + " " + std::to_string(h.start) + ":" + std::to_string(h.end) +
                   " " + h.case_name);
      for (const auto& c : m.codings)
        if (passes(c) && Model::in_subtree(c.code, fr.code.path))
          want.insert(c.doc + " " + std::to_string(c.start) + ":" + std::to_string(c.end) + " " +
                      c.case_name);
      BOOST_CHECK(got == want);
      BOOST_CHECK_EQUAL(
          static_cast<std::int64_t>(code_frequency_hits(p, fr.code.id, f, false).size()),
          fr.own.codings);
      some += hits.empty() ? 0 : 1;
    }
  }
  BOOST_CHECK_GE(some, 3);
  // Unfiltered, a row lists more: the filter did take codings out.
  auto purpose = find_code(p, "Purpose").id;
  BOOST_CHECK_GT(code_frequency_hits(p, purpose).size(), code_frequency_hits(p, purpose, f).size());
}

BOOST_AUTO_TEST_CASE(bad_conditions_are_refused_with_the_reason) {
  Model m;
  auto p = m.open();
  BOOST_CHECK_THROW(parse_conditions(p, "Years >= many"), InputError);
  BOOST_CHECK_THROW(parse_conditions(p, "Shoe size = 4"), NotFoundError);
  BOOST_CHECK_THROW(parse_conditions(p, "Role"), InputError);
  BOOST_CHECK_THROW(parse_conditions(p, "Role = Teacher AND"), InputError);
  auto c = parse_conditions(p, "Network = \"Network 3\" and Joined < 2020-05-01");
  BOOST_REQUIRE_EQUAL(c.size(), 2u);
  BOOST_CHECK_EQUAL(c[0].value.text, "Network 3");
  BOOST_CHECK(c[1].value.type == AttrType::Date);
  BOOST_CHECK(case_matches(c, m.cases.at("C02")) == (m.text_of("C02", "Network") == "Network 3" &&
                                                     m.text_of("C02", "Joined") < "2020-05-01"));
}

BOOST_AUTO_TEST_SUITE_END()
