// The Excel workbook, read back with openpyxl and checked against the project.
#include <boost/test/unit_test.hpp>
#include <map>
#include <set>

#include "export_project.h"
#include "exporters/exporter.h"
#include "importers/importer.h"
#include "quire/base/error.h"
#include "quire/model/cases.h"
#include "quire/model/codebook.h"
#include "quire/model/coding.h"
#include "quire/model/documents.h"

using namespace quire;
using namespace quire::test;

namespace {

std::size_t column(const std::vector<nlohmann::json>& header, const std::string& name) {
  for (std::size_t i = 0; i < header.size(); ++i) {
    if (header[i] == name) {
      return i;
    }
  }
  BOOST_FAIL("no column " + name);
  return 0;
}

} // namespace

BOOST_AUTO_TEST_SUITE(xlsx)

BOOST_AUTO_TEST_CASE(every_sheet_with_its_header_rows_and_no_formula) {
  SurveyProject sp;
  auto out = sp.dir / "report.xlsx";
  auto report = export_file(sp.project, out);
  BOOST_CHECK(std::filesystem::exists(out));
  BOOST_CHECK(!std::filesystem::exists(sp.dir / "report.xlsx.part"));
  auto wb = read_back(out);
  std::vector<std::string> order = wb["order"];
  BOOST_CHECK((order == std::vector<std::string>{"Codebook", "Coded segments", "Theme table",
                                                 "Co-occurrence"}));
  auto codebook = values(wb["sheets"]["Codebook"]);
  BOOST_CHECK_EQUAL(codebook.size(), list_codes(sp.project).size() + 1);
  BOOST_CHECK_EQUAL(codebook[0][0], "Code");
  auto seg = values(wb["sheets"]["Coded segments"]);
  BOOST_CHECK_EQUAL(static_cast<std::int64_t>(seg.size()), count_codings(sp.project) + 1);
  for (const char* name :
       {"Code", "Document", "Case", "Role", "Years", "Joined", "Text", "Coder", "Created"}) {
    column(seg[0], name);
  }
  for (const auto& [name, sheet] : wb["sheets"].items()) {
    BOOST_CHECK_MESSAGE(sheet["formulas"] == 0, name + " holds a formula");
    BOOST_CHECK_MESSAGE(!sheet["filter"].is_null(), name + " has no autofilter");
    BOOST_CHECK_MESSAGE(!sheet["freeze"].is_null(), name + " has no frozen header");
  }
  BOOST_CHECK_EQUAL(wb["sheets"]["Coded segments"]["freeze"], "B2");
  BOOST_CHECK_EQUAL(wb["sheets"]["Theme table"]["charts"], 1);
  BOOST_CHECK_EQUAL(report.rows, static_cast<std::int64_t>([&] {
                                   std::size_t n = 0;
                                   for (const auto& [k, s] : wb["sheets"].items())
                                     n += s["rows"].size();
                                   return n;
                                 }()) -
                                     4 /* headers */ - 2 /* title lines */);
}

BOOST_AUTO_TEST_CASE(answers_that_look_like_formulas_stay_text) {
  SurveyProject sp;
  auto out = sp.dir / "report.xlsx";
  export_file(sp.project, out);
  auto sheet = read_back(out)["sheets"]["Coded segments"];
  auto header = values(sheet)[0];
  auto text = column(header, "Text");
  std::set<std::string> texts;
  for (const auto& row : sheet["rows"]) {
    if (row[text]["t"] == "string") {
      texts.insert(row[text]["v"].get<std::string>());
    }
  }
  for (const char* answer :
       {"=SUM(time)+1 is how it feels", "+1 to peer support: we meet every fortnight",
        "-no time at all-", "@everyone says it is for sharing practice",
        "<script>alert(1)</script> no barriers really"}) {
    BOOST_CHECK_MESSAGE(texts.count(answer), std::string("missing as text: ") + answer);
  }
}

BOOST_AUTO_TEST_CASE(numbers_dates_and_missing_values_keep_their_types) {
  SurveyProject sp;
  auto out = sp.dir / "report.xlsx";
  export_file(sp.project, out);
  auto sheet = read_back(out)["sheets"]["Coded segments"];
  auto header = values(sheet)[0];
  auto years = column(header, "Years"), joined = column(header, "Joined"),
       created = column(header, "Created"), cas = column(header, "Case");
  int seen = 0;
  for (std::size_t r = 1; r < sheet["rows"].size(); ++r) {
    const auto& row = sheet["rows"][r];
    auto attrs = case_attributes(sp.project, find_case(sp.project, row[cas]["v"]).id);
    BOOST_CHECK_EQUAL(row[years]["t"], "number");
    BOOST_CHECK_EQUAL(row[years]["v"].get<double>(), attrs.at("Years").number);
    if (attrs.count("Joined") && !attrs.at("Joined").missing) {
      BOOST_CHECK_EQUAL(row[joined]["t"], "datetime");
      BOOST_CHECK_EQUAL(row[joined]["v"].get<std::string>().substr(0, 10), attrs.at("Joined").text);
    } else {
      BOOST_CHECK_EQUAL(row[joined]["t"], "none"); // missing stays empty, not ""
      ++seen;
    }
    BOOST_CHECK_EQUAL(row[created]["t"], "datetime");
  }
  BOOST_CHECK_GT(seen, 0); // P04 has no Joined date
}

BOOST_AUTO_TEST_CASE(theme_table_counts_cases_per_role_as_counted_here) {
  SurveyProject sp;
  auto& p = sp.project;
  // Independently: distinct cases per (code with its subcodes, role).
  std::map<std::pair<std::string, std::string>, std::set<std::string>> expected;
  for (const auto& s : list_codings(p, {})) {
    auto role = case_attributes(p, *s.case_id).at("Role").text;
    auto parts = split_code_path(s.code_path);
    std::vector<std::string> prefix;
    for (const auto& part : parts) {
      prefix.push_back(part);
      expected[{join_code_path(prefix), role}].insert(s.case_name);
    }
  }
  auto out = sp.dir / "report.xlsx";
  ExportOptions o;
  o.theme_attribute = "Role";
  export_file(p, out, o);
  auto rows = values(read_back(out)["sheets"]["Theme table"]);
  const auto& header = rows[1]; // row 0 is the title line
  int checked = 0;
  for (std::size_t r = 2; r + 1 < rows.size(); ++r) {
    std::string code = rows[r][0];
    for (std::string role : {"Coordinator", "Head teacher", "Teacher"}) {
      std::size_t c = 0;
      for (std::size_t i = 0; i < header.size(); ++i) {
        if (header[i].is_string() && header[i].get<std::string>().rfind(role + " (n=", 0) == 0 &&
            !header[i].get<std::string>().ends_with(" %")) {
          c = i;
        }
      }
      BOOST_REQUIRE(c > 0);
      auto want = expected.count({code, role}) ? expected[{code, role}].size() : 0;
      BOOST_CHECK_EQUAL(rows[r][c].get<double>(), static_cast<double>(want));
      // The percentage column beside it: of the role's cases.
      std::size_t base = 0;
      for (const auto& c2 : list_cases(p)) {
        base += case_attributes(p, c2.id).at("Role").text == role;
      }
      BOOST_CHECK_CLOSE(rows[r][c + 1].get<double>(), double(want) / double(base), 1e-9);
      ++checked;
    }
  }
  BOOST_CHECK_GT(checked, 20);
  BOOST_CHECK_EQUAL(rows.back()[0], "Total");
}

BOOST_AUTO_TEST_CASE(a_matrix_sheet_on_request_and_a_bad_one_writes_nothing) {
  SurveyProject sp;
  auto out = sp.dir / "report.xlsx";
  ExportOptions o;
  const std::string words = "rows=Barriers cols=attr:Role cell=codings";
  o.matrices = {{parse_matrix_text(sp.project, words), words}};
  export_file(sp.project, out, o);
  auto wb = read_back(out);
  auto m = values(wb["sheets"]["Matrix 1"]);
  BOOST_CHECK_EQUAL(m[2][0], "Barriers");
  BOOST_CHECK(m[0][0].get<std::string>().rfind(words + " — ", 0) == 0); // its title: the words
  // Codings of Barriers and below, counted here.
  std::int64_t n = 0;
  for (const auto& s : list_codings(sp.project, {})) {
    n += s.code_path.rfind("Barriers", 0) == 0;
  }
  BOOST_CHECK_EQUAL(m[2].back().get<double>(), static_cast<double>(n));

  auto bad = sp.dir / "bad.xlsx";
  // Words naming no attribute are refused when read; a typed spec naming
  // none fails the export, which writes nothing.
  BOOST_CHECK_THROW(parse_matrix_text(sp.project, "rows=codes cols=attr:Shoe size"), NotFoundError);
  MatrixSpec shoe;
  shoe.attribute = "Shoe size";
  o.matrices = {{shoe, "rows=codes cols=attr:Shoe size"}};
  BOOST_CHECK_THROW(export_file(sp.project, bad, o), InputError);
  BOOST_CHECK(!std::filesystem::exists(bad));
  BOOST_CHECK(!std::filesystem::exists(sp.dir / "bad.xlsx.part"));
}

BOOST_AUTO_TEST_CASE(the_shared_survey_exports_its_formula_like_answers_as_text,
                     *boost::unit_test::precondition(NeedsShared())) {
  TempDir dir;
  auto p = Project::create(dir / "s.quire");
  store_import(p, quire::read_file(*shared_sample("coordinator-survey.csv")));
  auto out = dir / "s.xlsx";
  export_file(p, out);
  auto sheet = read_back(out)["sheets"]["Coded segments"];
  auto text = column(values(sheet)[0], "Text");
  int risky = 0;
  for (const auto& row : sheet["rows"]) {
    const auto& c = row[text];
    if (c["t"] == "string") {
      auto v = c["v"].get<std::string>();
      if (!v.empty() && std::string("=+-@").find(v[0]) != std::string::npos) {
        ++risky;
      }
    } else {
      BOOST_CHECK_EQUAL(c["t"], "string");
    }
  }
  BOOST_CHECK_GT(risky, 0); // the sample has such answers, and they came back as text
  BOOST_CHECK_EQUAL(sheet["formulas"], 0);
}

BOOST_AUTO_TEST_SUITE_END()
