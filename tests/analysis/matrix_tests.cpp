// Matrices (theme tables) against counts computed from the model.
#include <boost/test/unit_test.hpp>

#include "model.h"
#include "quire/analysis/analysis.h"
#include "quire/base/error.h"
#include "quire/model/codebook.h"
#include "quire/model/documents.h"

using namespace quire;
using namespace quire::test;

namespace {

/// Expected cell by brute force: units of the codings that keep() accepts.
template <class Keep> std::int64_t units(const Model& m, MatrixCell cell, Keep keep) {
  if (cell == MatrixCell::Words)
    return m.words_coded(keep);
  std::set<std::string> seen;
  std::int64_t n = 0;
  for (const auto& c : m.codings) {
    if (!keep(c))
      continue;
    if (cell == MatrixCell::Codings)
      ++n;
    else if (!c.case_name.empty())
      seen.insert(c.case_name);
  }
  return cell == MatrixCell::Codings ? n : static_cast<std::int64_t>(seen.size());
}

std::string role_label(const Model& m, const std::string& case_name) {
  auto r = m.text_of(case_name, "Role");
  return r.empty() ? "(no value)" : r;
}

} // namespace

BOOST_AUTO_TEST_SUITE(matrices)

BOOST_AUTO_TEST_CASE(codes_by_role_for_each_cell_kind) {
  Model m;
  auto p = m.open();
  for (auto cell : {MatrixCell::Cases, MatrixCell::Codings, MatrixCell::Words}) {
    MatrixSpec spec;
    spec.attribute = "Role";
    spec.cell = cell;
    auto mx = matrix(p, spec);
    BOOST_REQUIRE_EQUAL(mx.rows.size(), m.codes.size());
    std::vector<std::string> want_cols = {"Coordinator", "Head teacher", "Teacher", "(no value)"};
    BOOST_REQUIRE(mx.cols == want_cols);
    for (std::size_t r = 0; r < mx.rows.size(); ++r) {
      auto row = mx.rows[r].path;
      auto in_row = [&](const ModelCoding& c) {
        return Model::in_subtree(c.code, row) && !c.case_name.empty();
      };
      for (std::size_t k = 0; k < mx.cols.size(); ++k) {
        BOOST_TEST_CONTEXT(row << " × " << mx.cols[k] << " cell " << int(cell)) {
          BOOST_CHECK_EQUAL(mx.counts[r][k], units(m, cell, [&](const ModelCoding& c) {
                              return in_row(c) && role_label(m, c.case_name) == mx.cols[k];
                            }));
        }
      }
      BOOST_CHECK_EQUAL(mx.row_totals[r], units(m, cell, in_row));
    }
    for (std::size_t k = 0; k < mx.cols.size(); ++k) {
      BOOST_CHECK_EQUAL(mx.col_totals[k], units(m, cell, [&](const ModelCoding& c) {
                          return !c.case_name.empty() && role_label(m, c.case_name) == mx.cols[k];
                        }));
    }
    BOOST_CHECK_EQUAL(mx.grand_total,
                      units(m, cell, [](const ModelCoding& c) { return !c.case_name.empty(); }));
    if (cell == MatrixCell::Cases) {
      // Column bases: every case with that role, coded or not.
      std::map<std::string, std::int64_t> base;
      for (const auto& [name, v] : m.cases)
        base[role_label(m, name)]++;
      for (std::size_t k = 0; k < mx.cols.size(); ++k) {
        BOOST_CHECK_EQUAL(mx.col_bases[k], base[mx.cols[k]]);
        BOOST_CHECK_CLOSE(mx.col_pct(0, k) + 1,
                          100.0 * double(mx.counts[0][k]) / double(base[mx.cols[k]]) + 1, 1e-9);
      }
      BOOST_CHECK_GT(mx.row_totals[0], 0);
      BOOST_CHECK_CLOSE(mx.row_pct(0, 1) + 1,
                        100.0 * double(mx.counts[0][1]) / double(mx.row_totals[0]) + 1, 1e-9);
    }
  }
}

BOOST_AUTO_TEST_CASE(rows_of_a_subtree_without_rollup_and_filters) {
  Model m;
  auto p = m.open();
  MatrixSpec spec;
  spec.rows = code_subtree(p, find_code(p, "Purpose").id);
  spec.rollup = false;
  spec.cols = MatrixCols::Cases;
  spec.cell = MatrixCell::Codings;
  spec.filter.where = {"Role = Teacher"};
  spec.filter.coder = "bob";
  auto mx = matrix(p, spec);
  BOOST_REQUIRE_EQUAL(mx.rows.size(), 3u);
  std::set<std::string> teachers;
  for (const auto& [name, v] : m.cases)
    if (m.text_of(name, "Role") == "Teacher")
      teachers.insert(name);
  BOOST_REQUIRE_EQUAL(mx.cols.size(), teachers.size());
  for (std::size_t r = 0; r < mx.rows.size(); ++r) {
    for (std::size_t k = 0; k < mx.cols.size(); ++k) {
      BOOST_CHECK_EQUAL(mx.counts[r][k], units(m, MatrixCell::Codings, [&](const ModelCoding& c) {
                          return c.code == mx.rows[r].path && c.coder == "bob" &&
                                 c.case_name == mx.cols[k];
                        }));
    }
  }
}

BOOST_AUTO_TEST_CASE(theme_table_under_document_and_coder_filters) {
  // The theme table is counted from one pass over the codings (no text, no
  // order): each filter must still pick exactly the model's codings.
  Model m;
  auto p = m.open();
  std::vector<std::string> docs;
  for (const auto& [name, text] : m.texts)
    docs.push_back(name);
  BOOST_REQUIRE_GE(docs.size(), 3u);
  const std::set<std::string> chosen = {docs[0], docs[2]};
  for (auto cell : {MatrixCell::Cases, MatrixCell::Codings}) {
    for (const char* coder : {"", "bob", "nobody"}) {
      MatrixSpec spec;
      spec.attribute = "Role";
      spec.cell = cell;
      for (const auto& d : chosen)
        spec.filter.documents.push_back(find_document(p, d).id);
      if (*coder)
        spec.filter.coder = coder;
      auto mx = matrix(p, spec);
      auto keep = [&](const ModelCoding& c) {
        return chosen.count(c.doc) && (!*coder || c.coder == coder) && !c.case_name.empty();
      };
      for (std::size_t r = 0; r < mx.rows.size(); ++r) {
        for (std::size_t k = 0; k < mx.cols.size(); ++k) {
          BOOST_TEST_CONTEXT(mx.rows[r].path << " × " << mx.cols[k] << " coder '" << coder
                                             << "' cell " << int(cell)) {
            BOOST_CHECK_EQUAL(mx.counts[r][k], units(m, cell, [&](const ModelCoding& c) {
                                return keep(c) && Model::in_subtree(c.code, mx.rows[r].path) &&
                                       role_label(m, c.case_name) == mx.cols[k];
                              }));
          }
        }
      }
      BOOST_CHECK_EQUAL(mx.grand_total, units(m, cell, keep));
      if (std::string(coder) == "nobody")
        BOOST_CHECK_EQUAL(mx.grand_total, 0);
      else
        BOOST_CHECK_GT(mx.grand_total, 0);
    }
  }
}

BOOST_AUTO_TEST_CASE(codes_by_documents_and_codes_by_codes) {
  Model m;
  auto p = m.open();
  MatrixSpec spec;
  spec.cols = MatrixCols::Documents;
  spec.cell = MatrixCell::Codings;
  auto mx = matrix(p, spec);
  BOOST_REQUIRE_EQUAL(mx.cols.size(), m.texts.size());
  for (std::size_t r = 0; r < mx.rows.size(); ++r)
    for (std::size_t k = 0; k < mx.cols.size(); ++k)
      BOOST_CHECK_EQUAL(mx.counts[r][k], units(m, MatrixCell::Codings, [&](const ModelCoding& c) {
                          return Model::in_subtree(c.code, mx.rows[r].path) && c.doc == mx.cols[k];
                        }));

  // Codes × codes, cell = codings: codings of the row that overlap one of the column.
  spec.cols = MatrixCols::Codes;
  spec.rollup = false;
  auto cc = matrix(p, spec);
  std::int64_t nonzero = 0;
  for (std::size_t r = 0; r < cc.rows.size(); ++r) {
    for (std::size_t k = 0; k < cc.cols.size(); ++k) {
      auto want = units(m, MatrixCell::Codings, [&](const ModelCoding& a) {
        if (a.code != cc.rows[r].path)
          return false;
        for (const auto& b : m.codings)
          if (b.code == cc.cols[k] && b.doc == a.doc && b.start < a.end && a.start < b.end)
            return true;
        return false;
      });
      BOOST_CHECK_EQUAL(cc.counts[r][k], want);
      nonzero += r != k && want > 0;
    }
  }
  BOOST_CHECK_GT(nonzero, 0);
}

BOOST_AUTO_TEST_CASE(an_unknown_attribute_is_named) {
  Model m;
  auto p = m.open();
  MatrixSpec spec;
  spec.attribute = "Shoe size";
  BOOST_CHECK_THROW(matrix(p, spec), NotFoundError);
  BOOST_CHECK_EQUAL(default_theme_attribute(p), "Role");
}

BOOST_AUTO_TEST_SUITE_END()
