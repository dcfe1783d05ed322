// Excel's limits, reached with small limits so the test stays quick: long
// cells are cut with a marker and a note, full sheets continue on the next.
#include <boost/test/unit_test.hpp>

#include "export_project.h"
#include "exporters/xlsx_book.h"

using namespace quire;
using namespace quire::test;

BOOST_AUTO_TEST_SUITE(excel_limits)

BOOST_AUTO_TEST_CASE(long_cells_are_cut_visibly_and_full_sheets_continue) {
  TempDir dir;
  auto out = dir / "limits.xlsx";
  XlsxLimits limits;
  limits.rows = 4; // header + 3 rows per sheet
  limits.cell_chars = 120;
  XlsxBook book(out, limits);
  book.begin_sheet("Coded segments", {{"N", false}, {"Text", true}});
  std::string long_text;
  for (int i = 0; i < 40; ++i) {
    long_text += "word😀 "; // the emoji counts twice in UTF-16, as Excel counts
  }
  for (int i = 1; i <= 8; ++i) {
    book.add_row({ExportCell::num(i), ExportCell::of(i == 2 ? long_text : "short")});
  }
  book.close();
  BOOST_CHECK_EQUAL(book.rows_written(), 8);
  auto wb = read_back(out);
  std::vector<std::string> order = wb["order"];
  BOOST_CHECK((order == std::vector<std::string>{"Coded segments", "Coded segments (2)",
                                                 "Coded segments (3)"}));
  auto first = values(wb["sheets"]["Coded segments"]);
  auto second = values(wb["sheets"]["Coded segments (2)"]);
  auto third = values(wb["sheets"]["Coded segments (3)"]);
  BOOST_CHECK_EQUAL(first.size(), 4u);
  BOOST_CHECK_EQUAL(second[0][0], "N"); // the header again
  BOOST_CHECK_EQUAL(second[1][0].get<double>(), 4.0);
  BOOST_CHECK_EQUAL(third.size(), 3u);
  std::string cut = first[2][1];
  BOOST_CHECK(cut.find("cut: 240 characters") != std::string::npos);
  BOOST_CHECK(cut.rfind("word😀", 0) == 0);
  std::size_t units = 0;
  for (unsigned char c : cut) {
    units += (c & 0xC0) != 0x80 ? (c >= 0xF0 ? 2 : 1) : 0;
  }
  BOOST_CHECK_LE(units, 120u);
  int cut_notes = 0, continued = 0;
  for (const auto& n : book.notes()) {
    cut_notes += n.find("cut at Excel's cell limit") != std::string::npos;
    continued += n.find("continues on") != std::string::npos;
  }
  BOOST_CHECK_EQUAL(cut_notes, 1);
  BOOST_CHECK_EQUAL(continued, 2);
}

BOOST_AUTO_TEST_SUITE_END()
