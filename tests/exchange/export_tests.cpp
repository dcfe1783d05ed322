// REFI-QDA export: .qdpx and .qdc files valid against the official schemas,
// carrying what the project holds, positions in code points.
#include <boost/test/unit_test.hpp>

#include "exchange_support.h"
#include "exporters/refi_export.h"
#include "quire/base/error.h"
#include "quire/model/codebook.h"
#include "quire/model/coding.h"
#include "quire/model/documents.h"
#include "quire/model/memos.h"

using namespace quire;
using namespace quire::test;

namespace {

/// XPath over REFI elements whatever their namespace: el("Code") is
/// "*[local-name()='Code']".
std::string el(const std::string& name) {
  return "*[local-name()='" + name + "']";
}

std::string str(const std::string& xml, const std::string& path) {
  return xpath(xml, "string(" + path + ")");
}

int count(const std::string& xml, const std::string& path) {
  return std::stoi(xpath(xml, "count(" + path + ")"));
}

} // namespace

BOOST_AUTO_TEST_SUITE(refi_export)

BOOST_AUTO_TEST_CASE(qdpx_of_a_coded_project_is_valid_and_carries_everything) {
  SampleProject s;
  auto out = s.dir / "sample.qdpx";
  auto sum = export_qdpx(s.project, out);
  BOOST_TEST(sum.sources == 2);
  BOOST_TEST(sum.codes == 5);
  BOOST_TEST(sum.codings == 8);
  BOOST_TEST(sum.cases == 3);
  BOOST_TEST(sum.notes == 5);
  BOOST_TEST(sum.users == 2);

  auto names = zip_names(out);
  BOOST_TEST(std::count(names.begin(), names.end(), "project.qde") == 1);
  auto xml = zip_member(out, "project.qde");
  check_valid(xml, "Project-mrt2019.xsd");
  BOOST_TEST(xml.find("xmlns=\"urn:QDA-XML:project:1.0\"") != std::string::npos);

  // Every source's text is in Sources/<guid>.txt, UTF-8 without a BOM.
  for (const auto& d : list_documents(s.project)) {
    auto path = str(xml, "//" + el("TextSource") + "[@name='" + d.name + "']/@plainTextPath");
    BOOST_TEST(path == "internal://" + d.guid + ".txt");
    auto text = zip_member(out, "Sources/" + d.guid + ".txt");
    BOOST_TEST(text == document_text(s.project, d.id));
    BOOST_TEST(text.substr(0, 3) != "\xEF\xBB\xBF");
  }

  // The codebook: hierarchy, colours, descriptions; a '/' inside a name is
  // plain in REFI (the hierarchy is the nesting).
  BOOST_TEST(count(xml, "//" + el("CodeBook") + "/" + el("Codes") + "/" + el("Code")) == 2);
  BOOST_TEST(str(xml, "//" + el("Code") + "[@name='Purpose']/" + el("Code") +
                          "[@name='Social']/@color") == "#0033aa");
  BOOST_TEST(str(xml, "//" + el("Code") + "[@name='Purpose']/" + el("Description")) ==
             "Why people take part");
  BOOST_TEST(count(xml, "//" + el("Code") + "[@name='Barriers']/" + el("Code") +
                            "[@name='Time/money']") == 1);

  // Positions count code points: "Time was the problem; money too." starts
  // at code point 54 (byte 60, UTF-16 unit 55) and ends at 86; ana coded it
  // Time/money and ben Barriers: one selection, two codings.
  auto sel = "//" + el("TextSource") + "[@name='interview-01']/" + el("PlainTextSelection") +
             "[@startPosition='54'][@endPosition='86']";
  BOOST_TEST(count(xml, sel) == 1);
  BOOST_TEST(count(xml, sel + "/" + el("Coding")) == 2);
  // "from peers 😀" is 39..51 (the emoji is one position).
  BOOST_TEST(count(xml, "//" + el("PlainTextSelection") +
                            "[@startPosition='39'][@endPosition='51']") == 1);

  // Codings carry their coder (a User GUID) and their time.
  auto ana = str(xml, "//" + el("User") + "[@name='ana']/@guid");
  auto ben = str(xml, "//" + el("User") + "[@name='ben']/@guid");
  BOOST_TEST(!ana.empty());
  BOOST_TEST(ana != ben);
  BOOST_TEST(count(xml, "//" + el("Coding") + "[@creatingUser='" + ana + "']") == 4);
  BOOST_TEST(count(xml, "//" + el("Coding") + "[@creatingUser='" + ben + "']") == 4);
  BOOST_TEST(count(xml, "//" + el("Coding") + "[not(@creationDateTime)]") == 0);

  // Cases with typed values; the survey answers are selections of their
  // respondent's case, the interview a source of Ana's.
  BOOST_TEST(str(xml, "//" + el("Variable") + "[@name='age']/@typeOfVariable") == "Float");
  BOOST_TEST(str(xml, "//" + el("Variable") + "[@name='joined']/@typeOfVariable") == "Date");
  BOOST_TEST(str(xml, "//" + el("Case") + "[@name='R1']//" + el("FloatValue")) == "34");
  BOOST_TEST(str(xml, "//" + el("Case") + "[@name='R2']//" + el("FloatValue")) == "51.5");
  BOOST_TEST(str(xml, "//" + el("Case") + "[@name='R1']//" + el("DateValue")) == "2019-04-01");
  BOOST_TEST(count(xml, "//" + el("Case") + "[@name='R2']//" + el("TextValue")) ==
             1); // empty text is a value
  BOOST_TEST(count(xml, "//" + el("Case") + "[@name='R1']/" + el("SelectionRef")) == 1);
  auto interview_guid = find_document(s.project, "interview-01").guid;
  BOOST_TEST(str(xml, "//" + el("Case") + "[@name='Ana']/" + el("SourceRef") + "/@targetGUID") ==
             interview_guid);

  // Notes: on the project, a source, a code, a coding (NoteRef) and a case
  // (a Link from the note to the case).
  BOOST_TEST(count(xml, "//" + el("Notes") + "/" + el("Note")) == 5);
  BOOST_TEST(count(xml, "/" + el("Project") + "/" + el("NoteRef")) == 1);
  BOOST_TEST(count(xml, "//" + el("Code") + "[@name='Social']/" + el("NoteRef")) == 1);
  BOOST_TEST(count(xml, "//" + el("Coding") + "/" + el("NoteRef")) == 1);
  BOOST_TEST(count(xml, "//" + el("TextSource") + "/" + el("NoteRef")) == 1);
  auto ana_case = str(xml, "//" + el("Case") + "[@name='Ana']/@guid");
  BOOST_TEST(count(xml, "//" + el("Link") + "[@targetGUID='" + ana_case + "']") == 1);
  BOOST_TEST(str(xml, "//" + el("Note") + "[@name='About']/" + el("PlainTextContent")) ==
             "Two coders, one codebook.");
}

BOOST_AUTO_TEST_CASE(qdc_holds_the_codebook_alone_and_is_valid) {
  SampleProject s;
  auto out = s.dir / "codes.qdc";
  auto sum = export_qdc(s.project, out);
  BOOST_TEST(sum.codes == 5);
  auto xml = test::read_file(out);
  check_valid(xml, "Codebook-mrt2019.xsd");
  BOOST_TEST(xml.find("xmlns=\"urn:QDA-XML:codebook:1.0\"") != std::string::npos);
  BOOST_TEST(count(xml, "//" + el("Code")) == 5);
  BOOST_TEST(count(xml, "//" + el("NoteRef")) == 0); // notes are not part of a codebook
  BOOST_TEST(str(xml, "//" + el("Code") + "[@name='Time/money']/" + el("Description")) ==
             "Costs of taking part");
  BOOST_TEST(str(xml, "//" + el("Code") + "[@name='Barriers']/@color") == "#777777");
}

BOOST_AUTO_TEST_CASE(awkward_content_still_gives_valid_files) {
  TempDir dir;
  auto p = Project::create(dir / "odd.quire");
  // Markup characters, quotes, a control character XML 1.0 cannot hold
  // (U+0001 becomes U+FFFD), a form feed as PDFs give, CR in a memo.
  Id doc = add_text_document(p, "a <b> & \"c\"",
                             "Form\x0C"
                             "feed & <tags> \"quoted\" 'single'.\n\nNext\tpara.");
  Id code = add_code(p, "Odd \"<&>\" name", "", "desc with \x01 control");
  code_range(p, doc, 0, 4, code, "memo\r\nwith CRLF and \x02");
  add_memo(p, MemoTarget::Project, std::nullopt, "");
  auto out = dir / "odd.qdpx";
  export_qdpx(p, out);
  auto xml = zip_member(out, "project.qde");
  check_valid(xml, "Project-mrt2019.xsd");
  BOOST_TEST(str(xml, "//" + el("Code") + "/@name") == "Odd \"<&>\" name");
  BOOST_TEST(str(xml, "//" + el("TextSource") + "/@name") == "a <b> & \"c\"");
  // The source text is carried byte for byte in its own file.
  auto doc_guid = get_document(p, doc).guid;
  BOOST_TEST(zip_member(out, "Sources/" + doc_guid + ".txt") == document_text(p, doc));
  auto qdc = dir / "odd.qdc";
  export_qdc(p, qdc);
  check_valid(test::read_file(qdc), "Codebook-mrt2019.xsd");
}

BOOST_AUTO_TEST_CASE(the_schema_check_rejects_what_the_schema_forbids) {
  // So that a pass above means something: a colour that is not #rrggbb, a
  // Code without its GUID, a position that is not a number.
  for (
      const std::string bad :
      {R"(<Project xmlns="urn:QDA-XML:project:1.0" name="x"><CodeBook><Codes><Code guid="c0000000-0000-4000-8000-000000000001" name="X" isCodable="true" color="red"/></Codes></CodeBook></Project>)",
       R"(<Project xmlns="urn:QDA-XML:project:1.0" name="x"><CodeBook><Codes><Code name="X" isCodable="true"/></Codes></CodeBook></Project>)",
       R"(<Project xmlns="urn:QDA-XML:project:1.0" name="x"><Sources><TextSource guid="c0000000-0000-4000-8000-000000000001"><PlainTextSelection guid="c0000000-0000-4000-8000-000000000002" startPosition="one" endPosition="2"/></TextSource></Sources></Project>)"}) {
    if (auto e = schema_errors(bad, "Project-mrt2019.xsd")) {
      BOOST_TEST(!e->empty(), "accepted: " << bad);
    }
  }
}

BOOST_AUTO_TEST_CASE(empty_project_exports_valid_qdpx_and_refuses_an_empty_codebook) {
  TempDir dir;
  auto p = Project::create(dir / "empty.quire");
  auto out = dir / "empty.qdpx";
  auto sum = export_qdpx(p, out);
  BOOST_TEST(sum.sources == 0);
  check_valid(zip_member(out, "project.qde"), "Project-mrt2019.xsd");
  // The codebook schema needs at least one code: say so, write nothing.
  BOOST_CHECK_EXCEPTION(export_qdc(p, dir / "empty.qdc"), InputError, [](const InputError& e) {
    return std::string(e.what()).find("codebook is empty") != std::string::npos;
  });
  BOOST_TEST(!std::filesystem::exists(dir / "empty.qdc"));
}

BOOST_AUTO_TEST_CASE(cli_exports_both_formats_and_reports_counts) {
  SampleProject s;
  auto qdpx = (s.dir / "out.qdpx").string(), qdc = (s.dir / "out.qdc").string();
  auto r = run_quire({"export", s.file.string(), qdpx});
  BOOST_TEST_REQUIRE(r.status == 0, r.err);
  BOOST_TEST(r.out.find("2 source(s), 8 coding(s)") != std::string::npos, r.out);
  check_valid(zip_member(qdpx, "project.qde"), "Project-mrt2019.xsd");
  r = run_quire({"export", s.file.string(), qdc});
  BOOST_TEST_REQUIRE(r.status == 0, r.err);
  BOOST_TEST(r.out.find("5 code(s)") != std::string::npos, r.out);
  check_valid(test::read_file(qdc), "Codebook-mrt2019.xsd");
}

BOOST_AUTO_TEST_SUITE_END()
