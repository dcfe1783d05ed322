// The Agreement sheet (--agreement A,B) against figures worked out by hand.
#include <boost/test/unit_test.hpp>

#include "export_project.h"
#include "exporters/exporter.h"
#include "quire/model/codebook.h"
#include "quire/model/coding.h"
#include "quire/model/documents.h"

using namespace quire;
using namespace quire::test;

BOOST_AUTO_TEST_SUITE(agreement_sheet)

BOOST_AUTO_TEST_CASE(two_coders_overlapping_figures_by_hand) {
  TempDir dir;
  auto p = Project::create(dir / "a.quire");
  Id doc = add_text_document(p, "ten", "abcdefghij");
  Id x = add_code(p, "X");
  p.set_session_coder("ana");
  code_range(p, doc, 0, 5, x);
  p.set_session_coder("ben");
  code_range(p, doc, 2, 7, x);
  ExportOptions o;
  o.coders = {"ana", "ben"};
  auto out = dir / "a.xlsx";
  export_file(p, out, o);
  auto rows = values(read_back(out)["sheets"]["Agreement"]);
  BOOST_REQUIRE_EQUAL(rows.size(), 4u); // title, header, X, overall
  const auto& r = rows[2];
  BOOST_CHECK_EQUAL(r[0], "X");
  // Per character over the 10 characters: both coded c..e (3), only ana a..b
  // (2), only ben f..g (2), neither h..j (3).
  BOOST_CHECK_EQUAL(r[1].get<double>(), 10);
  BOOST_CHECK_EQUAL(r[2].get<double>(), 3);
  BOOST_CHECK_EQUAL(r[3].get<double>(), 2);
  BOOST_CHECK_EQUAL(r[4].get<double>(), 2);
  BOOST_CHECK_EQUAL(r[5].get<double>(), 3);
  BOOST_CHECK_CLOSE(r[6].get<double>(), 0.6, 1e-9); // (3 + 3) / 10, as a fraction formatted %
  // kappa: po 0.6, pe 0.5*0.5 + 0.5*0.5 = 0.5 -> (0.6 - 0.5) / 0.5
  BOOST_CHECK_CLOSE(r[7].get<double>(), 0.2, 1e-9);
  // alpha: 1 - (n - 1) * sum(o_ck, c != k) / sum(n_c n_k, c != k) = 1 - 19 * 8 / 200
  BOOST_CHECK_CLOSE(r[8].get<double>(), 0.24, 1e-9);
}

BOOST_AUTO_TEST_SUITE_END()
