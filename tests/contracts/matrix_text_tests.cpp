// A matrix written in words is read once, in core, into a typed MatrixSpec;
// exports take the typed spec (no exporter parses words).
#include <boost/test/unit_test.hpp>

#include "exporters/exporter.h"
#include "importers/importer.h"
#include "quire/analysis/analysis.h"
#include "quire/base/error.h"
#include "quire/model/cases.h"
#include "quire/model/codebook.h"
#include "quire/model/coding.h"
#include "quire/model/documents.h"
#include "quire/store/project.h"
#include "support/test_support.h"

using namespace quire;
using namespace quire::test;

BOOST_AUTO_TEST_SUITE(matrix_text)

BOOST_AUTO_TEST_CASE(words_become_the_typed_spec_the_exporter_takes) {
  TempDir dir;
  auto p = Project::create(dir / "m.quire");
  write_file(dir / "i.txt", "One.\n\nTwo.\n");
  store_import(p, quire::read_file(dir / "i.txt"));
  auto top = add_code(p, "Barriers");
  auto sub = add_code(p, "Barriers/Time");
  add_code(p, "Other");
  add_attribute(p, "Years in role", AttrType::Text);
  set_attribute(p, add_case(p, "R1"), "Years in role", Value::of_text("4"));

  auto spec = parse_matrix_text(p, "rows=Barriers cols=attr:Years in role cell=codings");
  BOOST_TEST((spec.rows == std::vector<Id>{top, sub}));
  BOOST_TEST((spec.cols == MatrixCols::Attribute));
  BOOST_TEST(spec.attribute == "Years in role"); // a value may hold spaces
  BOOST_TEST((spec.cell == MatrixCell::Codings));

  auto all = parse_matrix_text(p, "");
  BOOST_TEST(all.rows.empty()); // every code
  BOOST_TEST((all.cols == MatrixCols::Cases));
  BOOST_TEST((all.cell == MatrixCell::Cases));
  BOOST_TEST(parse_matrix_text(p, "cols=codes rows=Other,Barriers/Time").rows.size() == 2u);

  BOOST_CHECK_THROW(parse_matrix_text(p, "rows=Nope"), NotFoundError);
  BOOST_CHECK_THROW(parse_matrix_text(p, "cols=attr:Shoe size"), NotFoundError);
  BOOST_CHECK_THROW(parse_matrix_text(p, "cell=hours"), InputError);

  // The exporter takes the typed spec: the CSV matrix has one row per code
  // of the spec, and the export's filter applies.
  ExportOptions o;
  o.table = "matrix";
  o.matrices = {{spec, "rows=Barriers"}};
  export_file(p, dir / "m.csv", o);
  auto csv = quire::test::read_file(dir / "m.csv");
  BOOST_TEST(csv.find("Barriers/Time") != std::string::npos, csv);
  BOOST_TEST(csv.find("Other") == std::string::npos, csv);
}

BOOST_AUTO_TEST_SUITE_END()
