// CSV: records, delimiters, encodings and broken files.
#include <boost/test/unit_test.hpp>

#include "importers/csv_reader.h"
#include "quire/base/error.h"
#include "survey_helpers.h"

using namespace quire;
using namespace quire::test;

BOOST_AUTO_TEST_SUITE(csv)

BOOST_AUTO_TEST_CASE(records_keep_quoted_line_breaks_and_doubled_quotes) {
  auto d = parse_csv("a,b\r\n\"x\r\ny\",\"say \"\"hi\"\", then go\"\r\nlast,\"\"\rcr,end", "t.csv");
  BOOST_REQUIRE_EQUAL(d.records.size(), 4u);
  BOOST_CHECK_EQUAL(d.records[1].fields[0], "x\r\ny");
  BOOST_CHECK_EQUAL(d.records[1].fields[1], "say \"hi\", then go");
  BOOST_CHECK_EQUAL(d.records[2].fields[1], "");
  BOOST_CHECK_EQUAL(d.records[3].fields[0], "cr");
  // Lines: the quoted line break moves the third record to line 4.
  BOOST_CHECK_EQUAL(d.records[1].line, 2);
  BOOST_CHECK_EQUAL(d.records[2].line, 4);
  BOOST_CHECK_EQUAL(d.records[3].line, 5);
}

BOOST_AUTO_TEST_CASE(delimiter_detection_ignores_delimiters_inside_quotes) {
  BOOST_CHECK_EQUAL(detect_delimiter("a;b;c\n1;\"x, y, z\";3\n2;\"p, q\";4\n"), ';');
  BOOST_CHECK_EQUAL(detect_delimiter("a,b\n\"1;2;3\",x\n\"4;5\",y\n"), ',');
  BOOST_CHECK_EQUAL(detect_delimiter("a\tb\tc\n1\t2, 3\t4\n"), '\t');
  BOOST_CHECK_EQUAL(detect_delimiter("sep=;\na,b;c\n"), ';');
  auto d = parse_csv("sep=;\nid;q\n1;\"a;b\"\n", "t.csv");
  BOOST_REQUIRE_EQUAL(d.records.size(), 2u);
  BOOST_CHECK_EQUAL(d.records[1].fields[1], "a;b");
  BOOST_CHECK_EQUAL(d.records[1].line, 3);
}

BOOST_AUTO_TEST_CASE(semicolon_file_with_decimal_commas_and_day_first_dates) {
  auto d = read_survey(survey_fixture("semicolon.csv"));
  BOOST_CHECK_EQUAL(d.kind, "csv");
  BOOST_CHECK_EQUAL(d.rows, 5);
  BOOST_CHECK_EQUAL(column_of(d, "Volunteer").role, "id");
  BOOST_CHECK_EQUAL(column_of(d, "Plot size (m²)").role, "attribute");
  BOOST_CHECK(column_of(d, "Plot size (m²)").type == AttrType::Number);
  BOOST_CHECK_EQUAL(value_of(case_of(d, "V01"), "Plot size (m²)").number, 12.5);
  BOOST_CHECK_EQUAL(value_of(case_of(d, "V05"), "Plot size (m²)").number, 6.75);
  BOOST_CHECK(value_of(case_of(d, "V03"), "Plot size (m²)").missing);
  BOOST_CHECK(column_of(d, "Joined").type == AttrType::Date);
  BOOST_CHECK_EQUAL(value_of(case_of(d, "V02"), "Joined").text, "2021-09-02");
  BOOST_CHECK_EQUAL(value_of(case_of(d, "V03"), "Joined").text, "2022-05-23");
  BOOST_CHECK_EQUAL(answer_of(d, "V01", "Why did you start volunteering at the garden?"),
                    "I wanted my kids to see where food comes from; the allotment waiting list was "
                    "three years long.");
  // N/A and an empty answer give no passage.
  BOOST_CHECK_EQUAL(document_of(d, "V02")->passages.size(), 1u);
  BOOST_CHECK_EQUAL(document_of(d, "V04")->passages.size(), 1u);
  bool noted = false;
  for (auto& w : d.warnings)
    noted = noted || w.find("';'") != std::string::npos;
  BOOST_CHECK(noted);
}

BOOST_AUTO_TEST_CASE(tab_separated_with_iso_dates) {
  auto d = read_survey(survey_fixture("tab.csv"));
  BOOST_CHECK_EQUAL(d.cases.size(), 4u);
  BOOST_CHECK_EQUAL(value_of(case_of(d, "T02"), "Joined").text, "2019-08-30");
  BOOST_CHECK_EQUAL(value_of(case_of(d, "T02"), "Age").number, 71);
  BOOST_CHECK_EQUAL(answer_of(d, "T01", "What would you change?"),
                    "A proper water butt by the gate.");
  BOOST_CHECK(document_of(d, "T04")->passages.size() == 1);
}

BOOST_AUTO_TEST_CASE(utf16_and_windows_1252_are_decoded) {
  auto u = read_survey(survey_fixture("utf16.csv"));
  BOOST_CHECK_EQUAL(answer_of(u, "E3", "What does the garden mean to you?"),
                    "庭で友達ができました。I made friends in the garden, which I never expected.");
  BOOST_CHECK_EQUAL(value_of(case_of(u, "E2"), "Age").number, 36);
  BOOST_CHECK(!u.warnings.empty() && u.warnings[0].find("UTF-16LE") != std::string::npos);

  auto w = read_survey(survey_fixture("cp1252.csv"));
  const std::string q = "Your \u201cone sentence\u201d about the garden";
  BOOST_CHECK_EQUAL(
      answer_of(w, "C2", q),
      "\u201cIt costs \u00a35 a year and gives back more than that every week.\u201d");
  BOOST_CHECK_EQUAL(answer_of(w, "C1", q).substr(0, 9), "The caf\u00e9");
  BOOST_CHECK(w.warnings[0].find("Windows-1252") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(quoted_line_breaks_bom_crlf_and_quotes_in_answers) {
  auto d = read_survey(survey_fixture("quoted-newlines.csv"));
  const std::string q = "Tell us about your best day at the garden";
  BOOST_CHECK_EQUAL(column_of(d, "ID").role, "id"); // the BOM is not part of the header
  BOOST_CHECK_EQUAL(answer_of(d, "Q-1", q),
                    "It was the harvest party. We cooked outside, someone brought a guitar,\nand "
                    "for once nobody talked about the rota.");
  BOOST_CHECK_EQUAL(
      answer_of(d, "Q-2", q),
      "My tomatoes won \"best in show\" at the fair — well, \"best of three\", but still.");
  BOOST_CHECK_EQUAL(answer_of(d, "Q-3", q), "Three lines:\nfirst, the frost;\nthen the sun 🌞");
}

BOOST_AUTO_TEST_CASE(duplicate_and_empty_headers_get_unique_names) {
  auto d = read_survey(survey_fixture("headers.csv"));
  std::vector<std::string> names;
  for (auto& c : d.columns)
    names.push_back(c.name);
  std::vector<std::string> want = {"ID", "Comment", "Comment (2)", "Column 4", "Score", "Column 6"};
  BOOST_CHECK_EQUAL_COLLECTIONS(names.begin(), names.end(), want.begin(), want.end());
  BOOST_CHECK_EQUAL(column_of(d, "Column 6").role, "skip"); // no values at all
  BOOST_CHECK_EQUAL(value_of(case_of(d, "H2"), "Column 4").text, "y");
}

BOOST_AUTO_TEST_CASE(short_rows_are_padded_with_missing_values) {
  auto d = read_survey(survey_fixture("ragged-short.csv"));
  BOOST_CHECK_EQUAL(d.cases.size(), 4u);
  BOOST_CHECK(value_of(case_of(d, "S2"), "Team").missing);
  BOOST_CHECK(value_of(case_of(d, "S3"), "Age").missing);
  BOOST_CHECK_EQUAL(value_of(case_of(d, "S4"), "Age").number, 58);
  bool noted = false;
  for (auto& w : d.warnings)
    noted = noted || w.find("2 row(s) have fewer fields") != std::string::npos;
  BOOST_CHECK(noted);
}

BOOST_AUTO_TEST_CASE(broken_files_give_errors_naming_file_and_place) {
  auto check = [](const std::string& name, std::vector<std::string> parts) {
    auto msg = read_error(survey_fixture(name));
    BOOST_TEST_INFO(name << ": " << msg);
    BOOST_CHECK(msg.find(name) != std::string::npos);
    for (auto& p : parts) {
      BOOST_CHECK_MESSAGE(msg.find(p) != std::string::npos,
                          name << ": '" << p << "' not in: " << msg);
    }
  };
  check("unclosed-quote.csv", {"line 3", "closing quote"});
  check("ragged-long.csv", {"row 3", "4 fields", "header has 3"});
  check("invalid-utf8.csv", {"line 3", "invalid UTF-8"});
  check("duplicate-ids.csv",
        {"'P1'", "row 2", "row 4", "name the column that identifies respondents"});
  try { // how to name it (the CLI: --id-column) is the error's hint
    read_survey(survey_fixture("duplicate-ids.csv"));
  } catch (const InputError& e) {
    BOOST_CHECK(e.hint() == Hint::NameIdColumn);
  }
  check("random.csv", {"position"});
}

BOOST_AUTO_TEST_SUITE_END()
