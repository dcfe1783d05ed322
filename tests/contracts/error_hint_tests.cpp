// Errors of core, the importers and the exporters carry a Hint (what a person
// can do about them), and their messages name no CLI flag or command: each
// front end words the hint its own way (app/cli/hints.cpp, app/gui/hints.cpp).
#include <boost/test/unit_test.hpp>
#include <functional>
#include <regex>

#include "exporters/exporter.h"
#include "importers/case_sheet_reader.h"
#include "importers/importer.h"
#include "importers/refi_import.h"
#include "quire/analysis/agreement.h"
#include "quire/analysis/analysis.h"
#include "quire/base/error.h"
#include "quire/model/case_sheet.h"
#include "quire/model/cases.h"
#include "quire/model/codebook.h"
#include "quire/model/coders.h"
#include "quire/model/coding.h"
#include "quire/model/documents.h"
#include "quire/store/project.h"
#include "quire/store/safety_copies.h"
#include "support/test_support.h"

using namespace quire;
using namespace quire::test;

namespace {

struct Refusal {
  std::string name;
  Hint hint;
  std::function<void()> run;
  std::string arg = {};
};

/// A project with one document coded once, and a few files to read.
struct Scene {
  TempDir dir;
  Project p = Project::create(dir / "s.quire");
  std::filesystem::path text = dir / "interview.txt";
  Id code = 0;
  Scene() {
    write_file(text, "We met at the garden.\n\nIt rained all day.\n");
    store_import(p, quire::read_file(text));
    code = add_code(p, "Place/Garden");
    code_range(p, find_document(p, "interview").id, 0, 5, code);
  }
  std::filesystem::path write(const std::string& name, const std::string& bytes) {
    write_file(dir / name, bytes);
    return dir / name;
  }
};

AgreementOptions agreement_of(const std::string& a, const std::string& b) {
  AgreementOptions o;
  o.coder_a = a;
  o.coder_b = b;
  return o;
}

ExportOptions csv_of(const std::string& table) {
  ExportOptions o;
  o.table = table;
  return o;
}

/// A CLI flag or command named in a message: "--force", "quire cases list".
const std::regex cli_words(R"((^|[\s('"])--[a-z]|\bquire [a-z])");

} // namespace

BOOST_AUTO_TEST_SUITE(error_hints)

BOOST_AUTO_TEST_CASE(errors_carry_their_hint_and_name_no_cli_flag) {
  Scene s;
  auto& p = s.p;
  ImportSettings small;
  small.max_bytes = 1 << 20;
  ImportSettings as_transcript;
  as_transcript.as_kind = "transcript";
  ImportSettings cases_only;
  cases_only.cases_only = true;
  cases_only.text_columns = {"Age"};
  const std::string no_id = "Colour,Size\nred,1\nred,2\nblue,2\n";
  const std::string bad_id = "ID,Why\nA,one long answer about the garden\nA,another long answer\n";
  auto big = s.write("big.txt", std::string((1 << 20) + 10, 'a'));
  auto big_qdpx = s.write("big.qdpx", std::string((1 << 20) + 10, 'a'));
  auto odd = s.write("odd.bin", std::string("\x00\x01\x02\x03\xff\xfe\x00\x10", 8));
  auto plain = s.write("stamps.txt", "00:00:05\n"); // a time, no turn
  auto fake_xlsx = s.write("fake.xlsx", "ID,Age\nA,1\n");
  set_attribute(p, add_case(p, "Zed"), "Age", Value::of_number(1));
  auto changed_sheet = s.write("changed.csv", "Case,Age\nZed,2\n");

  const std::vector<Refusal> cases = {
      {"unknown case", Hint::ListCases, [&] { find_case(p, "Nobody"); }},
      {"unknown attribute", Hint::ListAttributes, [&] { find_attribute(p, "Shoe size"); }},
      {"unknown attribute in a condition", Hint::ListAttributes,
       [&] { parse_conditions(p, "Shoe size = 4"); }},
      {"unknown code", Hint::ListCodes, [&] { find_code(p, "Nope"); }},
      {"unknown document", Hint::ListDocuments, [&] { find_document(p, "nope"); }},
      {"unknown coder to show", Hint::ListCoders, [&] { set_shown_coders(p, {"zed"}); }},
      {"unknown coder to compare", Hint::ListCoders,
       [&] { compute_agreement(p, agreement_of(p.coder(), "zed")); }},
      {"agreement of one coder", Hint::NameTwoCoders,
       [&] { compute_agreement(p, agreement_of(p.coder(), "")); }},
      {"unknown safety copy", Hint::ListSafetyCopies,
       [&] { find_safety_copy(s.dir / "s.quire", "99"); }},
      {"no such project", Hint::CreateProject, [&] { Project::open(s.dir / "none.quire"); }},
      {"a code with codings", Hint::ForceDelete,
       [&] { delete_code(p, find_code(p, "Place").id, false); }},
      {"the same file again", Hint::ImportAgainOrReplace,
       [&] { store_import(p, quire::read_file(s.text)); }},
      {"a kind Quire does not read", Hint::ChooseImporter, [&] { quire::read_file(odd); }},
      {"a file over the size limit", Hint::RaiseSizeLimit, [&] { quire::read_file(big, small); }},
      {"a project file over the size limit", Hint::RaiseSizeLimit,
       [&] { read_exchange_file(big_qdpx, small); }},
      {"a transcript without turns", Hint::ImportAsText,
       [&] { quire::read_file(plain, as_transcript); }},
      {"an .xlsx that is CSV", Hint::ImportAsCsv, [&] { quire::read_file(fake_xlsx); }},
      {"no ID column", Hint::NameIdColumn, [&] { quire::read_file(s.write("no-id.csv", no_id)); },
       "#row"},
      {"an ID column with a repeated value", Hint::NameIdColumn,
       [&] { quire::read_file(s.write("bad-id.csv", bad_id)); }},
      {"text columns of a cases file", Hint::NameTextColumns,
       [&] { quire::read_file(s.write("cases.csv", "ID,Age\nA,1\nB,2\n"), cases_only); }},
      {"matrix words Quire cannot read", Hint::WriteMatrixSpec,
       [&] { parse_matrix_text(p, "colums=cases"); }},
      {"a CSV matrix table without a matrix", Hint::WriteMatrixSpec,
       [&] { export_file(p, s.dir / "m.csv", csv_of("matrix")); }},
      {"a sheet changing an existing case's value", Hint::UpdateCases,
       [&] { import_case_sheet(p, read_case_sheet(changed_sheet), false); }},
      {"a CSV of an unknown table", Hint::ChooseTable,
       [&] { export_file(p, s.dir / "t.csv", csv_of("tables")); }},
      {"an Agreement sheet of one coder", Hint::NameSheetCoders,
       [&] {
         ExportOptions o;
         o.coders = {p.coder()};
         export_file(p, s.dir / "a.xlsx", o);
       }},
  };
  for (const auto& c : cases) {
    BOOST_TEST_CONTEXT(c.name) {
      bool threw = false;
      try {
        c.run();
      } catch (const Error& e) {
        threw = true;
        const std::string what = e.what();
        BOOST_TEST(!what.empty());
        BOOST_TEST(!std::regex_search(what, cli_words), what);
        BOOST_TEST((e.hint() == c.hint), what << " (hint " << static_cast<int>(e.hint()) << ")");
        BOOST_TEST(e.hint_arg() == c.arg);
      }
      BOOST_TEST(threw);
    }
  }
  // Nothing the errors refused changed the project: one document, one coding.
  BOOST_TEST(list_documents(p).size() == 1u);
  BOOST_TEST(count_codings(p) == 1);
}

BOOST_AUTO_TEST_CASE(an_empty_sheet_of_a_workbook_with_others_hints_at_choosing_one) {
  // A workbook made by openpyxl (as the exporter tests read theirs back):
  // its first sheet empty, its second holding the answers.
  TempDir dir;
  auto book = dir / "two-sheets.xlsx";
  auto made = run_program("/usr/bin/python3", {"-c",
                                               "import openpyxl, sys\n"
                                               "wb = openpyxl.Workbook()\n"
                                               "wb.active.title = 'Cover'\n"
                                               "wb.create_sheet('Answers').append(['ID', 'Why'])\n"
                                               "wb.save(sys.argv[1])",
                                               book.string()});
  BOOST_TEST_REQUIRE(made.status == 0, made.err);
  try {
    quire::read_file(book);
    BOOST_ERROR("an empty sheet was read");
  } catch (const InputError& e) {
    const std::string what = e.what();
    BOOST_TEST(what.find("sheet 'Cover' is empty") != std::string::npos, what);
    BOOST_TEST(!std::regex_search(what, cli_words), what);
    BOOST_TEST((e.hint() == Hint::ChooseSheet));
  }
}

BOOST_AUTO_TEST_CASE(the_cli_words_pattern_catches_flags_and_commands) {
  // The test above is only as good as its pattern: it must see the old messages.
  for (const char* old : {"code 'A' has 0 subcode(s) and 1 coding(s); use --force to delete them",
                          "no case named 'X' (see 'quire cases list')",
                          "x.txt: no transcript turns found; import it as plain text (--as text)",
                          "--matrix 'x': cannot read 'x'"}) {
    BOOST_TEST(std::regex_search(std::string(old), cli_words), old);
  }
  for (const char* fine : {"no case named 'X'", "the ID column named, 'Short', cannot identify",
                           "code 'A--B' has 1 coding(s)"}) {
    BOOST_TEST(!std::regex_search(std::string(fine), cli_words), fine);
  }
}

BOOST_AUTO_TEST_SUITE_END()
