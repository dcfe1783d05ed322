// CSV (read back with Python's csv module, strict) and the HTML report.
#include <boost/test/unit_test.hpp>

#include "export_project.h"
#include "exporters/exporter.h"
#include "quire/base/error.h"
#include "quire/model/codebook.h"
#include "quire/model/coding.h"

using namespace quire;
using namespace quire::test;

BOOST_AUTO_TEST_SUITE(csv_and_html)

BOOST_AUTO_TEST_CASE(segments_csv_is_rfc4180_with_formula_guard) {
  SurveyProject sp;
  auto out = sp.dir / "segments.csv";
  auto report = export_file(sp.project, out);
  auto bytes = read_file(out);
  BOOST_CHECK(bytes.rfind("Code,Document,Case", 0) == 0); // no BOM by default
  BOOST_CHECK(bytes.find("\r\n") != std::string::npos);   // RFC 4180 line ends
  auto csv = read_back(out);
  BOOST_CHECK_EQUAL(csv["bom"], false);
  auto rows = csv["rows"];
  BOOST_CHECK_EQUAL(static_cast<std::int64_t>(rows.size()), count_codings(sp.project) + 1);
  BOOST_CHECK_EQUAL(report.rows, count_codings(sp.project));
  std::size_t text = 0;
  for (std::size_t i = 0; i < rows[0].size(); ++i) {
    if (rows[0][i] == "Text") {
      text = i;
    }
  }
  std::set<std::string> texts;
  for (const auto& r : rows) {
    BOOST_CHECK_EQUAL(r.size(), rows[0].size());
    texts.insert(r[text].get<std::string>());
  }
  // Cells a spreadsheet would run are prefixed with an apostrophe (OWASP).
  BOOST_CHECK(texts.count("'=SUM(time)+1 is how it feels"));
  BOOST_CHECK(texts.count("'+1 to peer support: we meet every fortnight"));
  BOOST_CHECK(texts.count("'-no time at all-"));
  BOOST_CHECK(texts.count("'@everyone says it is for sharing practice"));
  // Quotes and line breaks survive quoting.
  BOOST_CHECK(texts.count("A place where heads can say \"this is not working\"."));
  BOOST_CHECK(texts.count("Connecting people, a little\non two lines"));
}

BOOST_AUTO_TEST_CASE(bom_on_request_and_each_table) {
  SurveyProject sp;
  ExportOptions o;
  o.bom = true;
  o.table = "frequencies";
  auto out = sp.dir / "freq.csv";
  export_file(sp.project, out, o);
  BOOST_CHECK(read_file(out).rfind("\xEF\xBB\xBF", 0) == 0);
  auto csv = read_back(out);
  BOOST_CHECK_EQUAL(csv["bom"], true);
  BOOST_CHECK_EQUAL(csv["rows"].size(), list_codes(sp.project).size() + 1);
  BOOST_CHECK_EQUAL(csv["rows"][0][0], "Code");
  for (const char* table : {"codebook", "theme", "cooccurrence"}) {
    o.table = table;
    o.bom = false;
    auto f = sp.dir / (std::string(table) + ".csv");
    export_file(sp.project, f, o);
    BOOST_CHECK_GT(read_back(f)["rows"].size(), 2u);
  }
  o.table = "nonsense";
  BOOST_CHECK_THROW(export_file(sp.project, sp.dir / "x.csv", o), InputError);
  BOOST_CHECK(!std::filesystem::exists(sp.dir / "x.csv"));
}

BOOST_AUTO_TEST_CASE(html_report_is_self_contained_and_escaped) {
  SurveyProject sp;
  auto out = sp.dir / "report.html";
  export_file(sp.project, out);
  auto html = read_file(out);
  BOOST_CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
  for (const auto& c : list_codes(sp.project)) {
    BOOST_CHECK_MESSAGE(html.find(c.path) != std::string::npos, "no " + c.path);
  }
  BOOST_CHECK(html.find("<script>") == std::string::npos);
  BOOST_CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  BOOST_CHECK(html.find("src=\"http") == std::string::npos); // nothing external
  BOOST_CHECK(html.find("Theme table") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(unknown_extension_says_what_quire_writes) {
  SurveyProject sp;
  try {
    export_file(sp.project, sp.dir / "out.pdf");
    BOOST_FAIL("no error");
  } catch (const InputError& e) {
    std::string m = e.what();
    BOOST_CHECK(m.find("out.pdf") != std::string::npos);
    BOOST_CHECK(m.find(".xlsx") != std::string::npos);
    BOOST_CHECK(m.find(".qdpx") != std::string::npos);
  }
}

BOOST_AUTO_TEST_SUITE_END()
