// REFI-QDA import of handmade files with the quirks real files have: the
// project document's name, missing source files, BOMs, GUIDs in either
// case, missing colours, internal:// and relative paths, CRLF line ends.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "exchange_support.h"
#include "importers/refi_import.h"
#include "quire/base/error.h"
#include "quire/ingest/exchange.h"
#include "quire/model/cases.h"
#include "quire/model/codebook.h"
#include "quire/model/coding.h"
#include "quire/model/documents.h"
#include "quire/model/memos.h"

using namespace quire;
using namespace quire::test;

namespace {

// GUIDs of the handmade files, written as another tool would: braces and
// upper case in some places, lower case in others.
const std::string code_a = "3F2504E0-4F89-41D3-9A0C-0305E82C3301";
const std::string code_b = "3f2504e0-4f89-41d3-9a0c-0305e82c3302";
const std::string user_m = "A1B2C3D4-0000-4000-8000-00000000000A";
const std::string src_1 = "B0000000-0000-4000-8000-000000000001";
const std::string src_2 = "B0000000-0000-4000-8000-000000000002";
const std::string src_3 = "B0000000-0000-4000-8000-000000000003";

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

/// A <Project> document: users, a two-code codebook, then `sources`.
std::string qde(const std::string& sources, const std::string& codes = {},
                const std::string& extra = {}) {
  return R"(<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Hand made" origin="Our own hand">
  <Users><User guid="{)" +
         user_m + R"(}" name="Maria"/></Users>
  <CodeBook><Codes>)" +
         (codes.empty() ? R"(
    <Code guid="{)" + code_a + R"(}" name="Trust" isCodable="true" color="#FF8800">
      <Code guid=")" + code_b +
                              R"(" name="Doubt" isCodable="true"/>
    </Code>)"
                        : codes) +
         R"(
  </Codes></CodeBook>)" +
         extra + R"(
  <Sources>)" +
         sources +
         R"(
  </Sources>
</Project>
)";
}

/// A TextSource with one coded selection (code_b, by Maria).
std::string source(const std::string& guid, const std::string& name, const std::string& path,
                   int start, int end,
                   const std::string& sel_guid = "C0000000-0000-4000-8000-000000000001") {
  return R"(
    <TextSource guid=")" +
         guid + R"(" name=")" + name + R"(" plainTextPath=")" + path + R"(">
      <PlainTextSelection guid=")" +
         sel_guid + R"(" startPosition=")" + std::to_string(start) + R"(" endPosition=")" +
         std::to_string(end) + R"(" creatingUser=")" + lower(user_m) + R"(">
        <Coding guid=")" +
         derived_guid(sel_guid) + R"(" creatingUser=")" + lower(user_m) +
         R"(" creationDateTime="2024-03-01T10:00:00Z"><CodeRef targetGUID=")" + lower(code_b) +
         R"("/></Coding>
      </PlainTextSelection>
    </TextSource>)";
}

struct Imported {
  TempDir dir;
  Project project;
  ProjectData data;
  ExchangeReport report;
  Imported() : project(Project::create(dir / "in.quire")) {}
};

/// Reads file and stores it into a new project.
std::unique_ptr<Imported> import_file(const std::filesystem::path& file) {
  auto r = std::make_unique<Imported>();
  r->data = read_refi_project(file);
  r->report = store_exchange(r->project, r->data);
  return r;
}

bool mentions(const std::vector<std::string>& lines, const std::string& what) {
  return std::any_of(lines.begin(), lines.end(),
                     [&](const std::string& l) { return l.find(what) != std::string::npos; });
}

std::string joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines)
    out += l + "\n";
  return out;
}

} // namespace

BOOST_AUTO_TEST_SUITE(refi_import_quirks)

BOOST_AUTO_TEST_CASE(project_qde_capitalised_and_guids_in_either_case) {
  TempDir dir;
  auto file = dir / "study.qdpx";
  // The member is "Project.qde"; the source's file name is in upper case
  // while plainTextPath has it in lower case; CodeRef and creatingUser
  // refer in lower case to GUIDs declared in upper case with braces.
  write_zip(file, {{"Project.qde",
                    qde(source(src_1, "first", "internal://" + lower(src_1) + ".txt", 4, 9))},
                   {"Sources/" + src_1 + ".txt", "The trust we had."}});
  auto in = import_file(file);
  BOOST_TEST(in->report.not_imported.empty(), joined(in->report.not_imported));
  BOOST_TEST(codebook_lines(in->project).size() == 2u);
  BOOST_TEST(coding_lines(in->project) ==
                 std::vector<std::string>{"first|Trust/Doubt|Maria|4|9|trust"},
             diff(coding_lines(in->project), {"first|Trust/Doubt|Maria|4|9|trust"}));
  // GUIDs are kept, in the lower-case form.
  BOOST_TEST(find_code(in->project, "Trust").guid == lower(code_a));
  BOOST_TEST(find_document(in->project, "first").guid == lower(src_1));
  auto c = list_codings(in->project, {}).at(0).coding;
  BOOST_TEST(c.created_at == "2024-03-01T10:00:00Z");
}

BOOST_AUTO_TEST_CASE(project_document_named_after_the_project) {
  TempDir dir;
  auto file = dir / "Team study.qdpx";
  // No project.qde: the one named after the file is read, not the old copy
  // in a sub-folder.
  write_zip(file,
            {{"Backup/old.qde", "<not xml"},
             {"Team study.qde", qde(source(src_1, "first", "internal://" + src_1 + ".txt", 0, 3))},
             {"Sources/" + src_1 + ".txt", "One two."}});
  auto in = import_file(file);
  BOOST_TEST(coding_lines(in->project) ==
             std::vector<std::string>{"first|Trust/Doubt|Maria|0|3|One"});
  BOOST_TEST(in->data.name == "Hand made");
}

BOOST_AUTO_TEST_CASE(project_document_in_a_folder_with_its_sources_beside_it) {
  TempDir dir;
  auto file = dir / "zipped-folder.qdpx";
  // Re-zipping an unpacked project often puts everything under a folder.
  write_zip(file, {{"Study/project.qde",
                    qde(source(src_1, "first", "internal://" + src_1 + ".txt", 0, 3))},
                   {"Study/Sources/" + src_1 + ".txt", "One two."}});
  auto in = import_file(file);
  BOOST_TEST(in->report.not_imported.empty(), joined(in->report.not_imported));
  BOOST_TEST(coding_lines(in->project) ==
             std::vector<std::string>{"first|Trust/Doubt|Maria|0|3|One"});
}

BOOST_AUTO_TEST_CASE(missing_source_files_are_listed_and_the_rest_imported) {
  TempDir dir;
  auto file = dir / "partial.qdpx";
  auto sources = source(src_1, "here", "internal://" + src_1 + ".txt", 0, 4) +
                 source(src_2, "gone", "internal://" + src_2 + ".txt", 0, 4,
                        "C0000000-0000-4000-8000-000000000002") +
                 R"(
    <TextSource guid=")" +
                 src_3 + R"(" name="rich only" richTextPath="internal://x.docx"/>)";
  auto notes = R"(
  <Notes>
    <Note guid="D0000000-0000-4000-8000-000000000001" name="On the lost one"><PlainTextContent>Kept anyway.</PlainTextContent></Note>
  </Notes>
  <Links><Link guid="D0000000-0000-4000-8000-0000000000f1" originGUID="D0000000-0000-4000-8000-000000000001" targetGUID=")" +
               src_2 + R"("/></Links>)";
  auto text = qde(sources);
  text.insert(text.find("</Project>"), notes);
  write_zip(file, {{"project.qde", text}, {"Sources/" + src_1 + ".txt", "Here it is."}});
  auto in = import_file(file);
  BOOST_TEST(document_lines(in->project) == std::vector<std::string>{"here|Here it is."});
  BOOST_TEST(coding_lines(in->project) ==
             std::vector<std::string>{"here|Trust/Doubt|Maria|0|4|Here"});
  const auto& ni = in->report.not_imported;
  BOOST_TEST(ni.size() == 2u, joined(ni));
  BOOST_TEST(
      mentions(ni, "source 'gone': its text (internal://" + src_2 + ".txt) is not in the file"),
      joined(ni));
  BOOST_TEST(mentions(ni, "source 'rich only': it has no plain text (only rich text)"), joined(ni));
  // The note on the missing source is kept, as a project memo.
  auto memos = list_memos(in->project);
  BOOST_TEST_REQUIRE(memos.size() == 1u);
  BOOST_TEST(memos[0].text == "Kept anyway.");
  BOOST_TEST((memos[0].target == MemoTarget::Project));

  // The CLI imports what it can, lists the rest, and succeeds.
  auto p = dir / "cli.quire";
  BOOST_TEST_REQUIRE(run_quire({"init", p.string()}).status == 0);
  auto r = run_quire({"import", p.string(), file.string()});
  BOOST_TEST(r.status == 0, r.err);
  BOOST_TEST(r.out.find("not imported  source 'gone'") != std::string::npos, r.out);
  BOOST_TEST(r.out.find("not imported  source 'rich only'") != std::string::npos, r.out);
}

BOOST_AUTO_TEST_CASE(empty_sources_folder_still_gives_the_codebook_and_cases) {
  TempDir dir;
  auto file = dir / "nosources.qdpx";
  auto cases = R"(
  <Variables><Variable guid="E0000000-0000-4000-8000-000000000001" name="Age" typeOfVariable="Integer"/></Variables>
  <Cases><Case guid="E0000000-0000-4000-8000-0000000000c1" name="P1">
    <VariableValue><VariableRef targetGUID="e0000000-0000-4000-8000-000000000001"/><IntegerValue>40</IntegerValue></VariableValue>
    <SourceRef targetGUID=")" +
               src_1 + R"("/>
  </Case></Cases>)";
  write_zip(file, {{"project.qde",
                    qde(source(src_1, "first", "internal://" + src_1 + ".txt", 0, 3), {}, cases)},
                   {"Sources/", ""}});
  auto in = import_file(file);
  BOOST_TEST(list_documents(in->project).empty());
  BOOST_TEST(codebook_lines(in->project).size() == 2u);
  BOOST_TEST(case_lines(in->project) == std::vector<std::string>{"P1||Age=40(number)"});
  BOOST_TEST(mentions(in->report.not_imported, "source 'first'"));
}

BOOST_AUTO_TEST_CASE(bom_is_not_counted_in_positions) {
  TempDir dir;
  auto file = dir / "bom.qdpx";
  std::string utf16 = "\xFF\xFE";
  for (char c : std::string("Wide text.")) {
    utf16 += c;
    utf16 += '\0';
  }
  write_zip(file,
            {{"project.qde", qde(source(src_1, "utf8 bom", "internal://" + src_1 + ".txt", 4, 9) +
                                 source(src_2, "utf16", "internal://" + src_2 + ".txt", 0, 4,
                                        "C0000000-0000-4000-8000-000000000002"))},
             {"Sources/" + src_1 + ".txt", "\xEF\xBB\xBFThe café."},
             {"Sources/" + src_2 + ".txt", utf16}});
  auto in = import_file(file);
  BOOST_TEST(document_text(in->project, find_document(in->project, "utf8 bom").id) == "The café.");
  BOOST_TEST(document_text(in->project, find_document(in->project, "utf16").id) == "Wide text.");
  BOOST_TEST(coding_lines(in->project) ==
                 (std::vector<std::string>{"utf16|Trust/Doubt|Maria|0|4|Wide",
                                           "utf8 bom|Trust/Doubt|Maria|4|9|café."}),
             diff(coding_lines(in->project), {}));
  BOOST_TEST(mentions(in->report.warnings, "not UTF-8; read as UTF-16"),
             joined(in->report.warnings));
}

BOOST_AUTO_TEST_CASE(missing_and_odd_colours) {
  TempDir dir;
  auto file = dir / "colours.qdpx";
  auto codes = R"(
    <Code guid="F0000000-0000-4000-8000-000000000001" name="None" isCodable="true"/>
    <Code guid="F0000000-0000-4000-8000-000000000002" name="Short" isCodable="true" color="#AbC"/>
    <Code guid="F0000000-0000-4000-8000-000000000003" name="Named" isCodable="true" color="red"/>
    <Code guid="F0000000-0000-4000-8000-000000000004" name="Upper" isCodable="true" color="#FF00FF"/>
    <Code guid=")" +
               code_b + R"(" name="Doubt" isCodable="true" color=""/>)";
  write_zip(file, {{"project.qde", qde("", codes)}});
  auto in = import_file(file);
  BOOST_TEST(find_code(in->project, "Short").color == "#aabbcc");
  BOOST_TEST(find_code(in->project, "Upper").color == "#ff00ff");
  for (auto name : {"None", "Named", "Doubt"}) {
    auto c = find_code(in->project, name).color;
    BOOST_TEST((c.size() == 7 && c[0] == '#'), name << " got colour '" << c << "'");
  }
  BOOST_TEST(mentions(in->report.warnings, "1 code colour(s) were not #rrggbb"),
             joined(in->report.warnings));
}

BOOST_AUTO_TEST_CASE(internal_relative_and_absolute_paths) {
  TempDir dir;
  auto file = dir / "paths.qdpx";
  struct P {
    std::string path, member, text;
  };
  std::vector<P> ps = {
      {"internal://a.txt", "Sources/a.txt", "Alpha text."},
      {"Sources/b.txt", "Sources/b.txt", "Bravo text."},
      {"c.txt", "Sources/c.txt", "Charlie text."},
      {"relative://texts/d.txt", "Sources/d.txt", "Delta text."},
      {"file:///C:/Users/maria/e.txt", "Sources/e.txt", "Echo text."},
      {"C:\\Users\\maria\\f.txt", "Sources/f.txt", "Foxtrot text."},
      {"internal://G.TXT", "Sources/g.txt", "Golf text."},
  };
  std::string sources;
  Members members;
  for (std::size_t i = 0; i < ps.size(); ++i) {
    auto g = "B0000000-0000-4000-8000-00000000010" + std::to_string(i);
    sources += source(g, "s" + std::to_string(i), ps[i].path, 0, 5,
                      "C0000000-0000-4000-8000-00000000010" + std::to_string(i));
    members.emplace_back(ps[i].member, ps[i].text);
  }
  members.insert(members.begin(), {"project.qde", qde(sources)});
  write_zip(file, members);
  auto in = import_file(file);
  BOOST_TEST(in->report.not_imported.empty(), joined(in->report.not_imported));
  for (std::size_t i = 0; i < ps.size(); ++i) {
    auto d = find_document(in->project, "s" + std::to_string(i));
    BOOST_TEST(document_text(in->project, d.id) == ps[i].text, ps[i].path);
  }
  // Nothing is read from outside the archive, even when the path names a
  // file that exists on this machine.
  write_file(dir / "outside.txt", "Outside text.");
  auto file2 = dir / "outside.qdpx";
  write_zip(file2,
            {{"project.qde",
              qde(source(src_1, "outside", "file://" + (dir / "outside.txt").string(), 0, 5))}});
  auto in2 = import_file(file2);
  BOOST_TEST(list_documents(in2->project).empty());
  BOOST_TEST(mentions(in2->report.not_imported, "source 'outside'"));
}

BOOST_AUTO_TEST_CASE(crlf_and_decomposed_accents_map_positions_to_the_stored_text) {
  TempDir dir;
  auto file = dir / "crlf.qdpx";
  // The file as the other tool has it: CRLF line ends and "é" as e + U+0301
  // (two code points). Its positions count both.
  const std::string text = "Line one\r\nLine two\r\nCafe\xCC\x81 three";
  // "Line two" is 10..18 there; "Line one\r\nLine two" 0..18; "Cafe\u0301"
  // 20..25; "three" 26..31; 0..9 ends between CR and LF.
  std::string sources = R"(
    <TextSource guid=")" +
                        src_1 + R"(" name="crlf" plainTextPath="internal://)" + src_1 + R"(.txt">)";
  int n = 0;
  for (auto [s, e] :
       std::vector<std::pair<int, int>>{{10, 18}, {0, 18}, {26, 31}, {0, 9}, {20, 25}}) {
    auto g = "C0000000-0000-4000-8000-00000000020" + std::to_string(n++);
    sources += R"(<PlainTextSelection guid=")" + g + R"(" startPosition=")" + std::to_string(s) +
               R"(" endPosition=")" + std::to_string(e) + R"("><Coding guid=")" + derived_guid(g) +
               R"("><CodeRef targetGUID=")" + code_a + R"("/></Coding></PlainTextSelection>)";
  }
  sources += "</TextSource>";
  write_zip(file, {{"project.qde", qde(sources)}, {"Sources/" + src_1 + ".txt", text}});
  auto in = import_file(file);
  auto d = find_document(in->project, "crlf");
  BOOST_TEST(document_text(in->project, d.id) == "Line one\nLine two\nCafé three");
  std::vector<std::string> got;
  for (const auto& c : document_codings(in->project, d.id)) {
    got.push_back(std::to_string(c.start) + ":" + std::to_string(c.end));
  }
  std::sort(got.begin(), got.end());
  // Each coding of one coder and code that overlaps another merges with it
  // on import (as when coding in Quire): 0..18 and 10..18 and 0..9 become
  // 0..17; 26..31 is 23..28 ("three"); 20..25 "Cafe\u0301" is 18..22
  // ("Café", one code point shorter).
  BOOST_TEST(got == (std::vector<std::string>{"0:17", "18:22", "23:28"}), joined(got));
  BOOST_TEST(mentions(in->report.warnings, "line endings (CRLF)"), joined(in->report.warnings));
}

BOOST_AUTO_TEST_CASE(bare_qde_with_inline_text_and_a_codebook_file) {
  TempDir dir;
  // A bare project.qde (not zipped) can carry its texts inline.
  auto inline_source = R"(
    <TextSource guid=")" +
                       src_1 + R"(" name="inline">
      <PlainTextContent>Inline words here.</PlainTextContent>
      <PlainTextSelection guid="C0000000-0000-4000-8000-000000000001" startPosition="7" endPosition="12">
        <Coding guid="C0000000-0000-4000-8000-0000000000c1"><CodeRef targetGUID=")" +
                       code_a + R"("/></Coding>
      </PlainTextSelection>
    </TextSource>)";
  write_file(dir / "bare.qde", qde(inline_source));
  BOOST_TEST((sniff_exchange_file(dir / "bare.qde") == ExchangeFormat::RefiProject));
  auto in = import_file(dir / "bare.qde");
  // A coding without a user is the importing coder's.
  auto lines = coding_lines(in->project);
  BOOST_TEST_REQUIRE(lines.size() == 1u);
  BOOST_TEST(lines[0] == "inline|Trust|" + in->project.coder() + "|7|12|words");

  // A .qdc codebook into a project that has one of its codes: matched by
  // path, the other added under it.
  auto qdc = R"(<?xml version="1.0" encoding="utf-8"?>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="Our own hand">
  <Codes>
    <Code guid="{)" +
             code_a + R"(}" name="Trust" isCodable="true">
      <Description>Confidence in others</Description>
      <Code guid=")" +
             lower(code_b) + R"(" name="Blind trust" isCodable="true" color="#00FF00"/>
    </Code>
  </Codes>
</CodeBook>
)";
  write_file(dir / "codes.qdc", qdc);
  BOOST_TEST((sniff_exchange_file(dir / "codes.qdc") == ExchangeFormat::RefiCodebook));
  auto p = Project::create(dir / "cb.quire");
  add_code(p, "Trust", "#123456");
  // read_exchange_file() reads either kind, as sniffed, and refuses the rest.
  BOOST_TEST(read_exchange_file(dir / "codes.qdc").codes.size() == 2u);
  BOOST_TEST(read_exchange_file(dir / "bare.qde").sources.size() == 1u);
  write_file(dir / "notes.txt", "Just notes.\n");
  try {
    read_exchange_file(dir / "notes.txt");
    BOOST_ERROR("a text file read as REFI-QDA");
  } catch (const InputError& e) {
    BOOST_TEST(std::string(e.what()).find("notes.txt is not a REFI-QDA") != std::string::npos);
  }
  auto rep = store_exchange(p, read_refi_codebook(dir / "codes.qdc"));
  BOOST_TEST(codebook_lines(p) == (std::vector<std::string>{"Trust/Blind trust|#00ff00|",
                                                            "Trust|#123456|Confidence in others"}),
             diff(codebook_lines(p), {}));
  BOOST_TEST(rep.added.size() == 1u);
  BOOST_TEST(rep.matched.size() == 1u);
}

BOOST_AUTO_TEST_CASE(bad_references_and_positions_are_listed_not_fatal) {
  TempDir dir;
  auto file = dir / "bad.qdpx";
  std::string sources = R"(
    <TextSource guid=")" +
                        src_1 + R"(" name="doc" plainTextPath="internal://)" + src_1 + R"(.txt">
      <PlainTextSelection guid="C0000000-0000-4000-8000-000000000301" startPosition="5" endPosition="99">
        <Coding guid="C0000000-0000-4000-8000-0000000003c1"><CodeRef targetGUID=")" +
                        code_a + R"("/></Coding>
      </PlainTextSelection>
      <PlainTextSelection guid="C0000000-0000-4000-8000-000000000302" startPosition="0" endPosition="4">
        <Coding guid="C0000000-0000-4000-8000-0000000003c2"><CodeRef targetGUID="99999999-0000-4000-8000-000000000000"/></Coding>
      </PlainTextSelection>
      <PlainTextSelection guid="C0000000-0000-4000-8000-000000000303" startPosition="8" endPosition="5">
        <Coding guid="C0000000-0000-4000-8000-0000000003c3"><CodeRef targetGUID=")" +
                        code_a + R"("/></Coding>
      </PlainTextSelection>
    </TextSource>)";
  write_zip(
      file,
      {{"project.qde",
        qde(sources, {},
            "\n  <Sets><Set guid=\"A0000000-0000-4000-8000-000000000999\" name=\"S\"/></Sets>")},
       {"Sources/" + src_1 + ".txt", "Some short text."}});
  auto in = import_file(file);
  const auto& ni = in->report.not_imported;
  BOOST_TEST(mentions(ni, "selection 5..99 is outside its text of 16 characters"), joined(ni));
  BOOST_TEST(mentions(ni, "refers to a code that is not in the codebook"), joined(ni));
  BOOST_TEST(mentions(ni, "Sets: not imported"), joined(ni));
  // Reversed positions are read the right way round.
  BOOST_TEST(coding_lines(in->project) ==
             std::vector<std::string>{"doc|Trust|" + in->project.coder() + "|5|8|sho"});
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(refi_import_end_to_end)

BOOST_AUTO_TEST_CASE(handmade_project_of_another_tool_through_the_cli) {
  // tests/fixtures/exchange/other-tool, zipped as the tool would.
  TempDir dir;
  auto root = fixture("exchange/other-tool");
  Members members;
  for (const auto& e : std::filesystem::recursive_directory_iterator(root)) {
    if (e.is_regular_file()) {
      members.emplace_back(std::filesystem::relative(e.path(), root).generic_string(),
                           test::read_file(e.path()));
    }
  }
  auto file = dir / "Network study.qdpx";
  write_zip(file, members);
  auto p = (dir / "study.quire").string();
  BOOST_TEST_REQUIRE(run_quire({"init", p}).status == 0);
  auto r = run_quire({"import", p, file.string(), "--json"});
  BOOST_TEST_REQUIRE(r.status == 0, r.err);
  auto j = nlohmann::json::parse(r.out).at(0);
  BOOST_TEST(j["codings"]["added"] == 4);
  BOOST_TEST(j["conflicts"].empty());
  auto ni = j["not_imported"].get<std::vector<std::string>>();
  BOOST_TEST(ni.size() == 2u, joined(ni));
  BOOST_TEST(mentions(ni, "source 'Focus group': its text"), joined(ni));
  BOOST_TEST(mentions(ni, "Sets: not imported"), joined(ni));
  auto warnings = j["warnings"].get<std::vector<std::string>>();
  BOOST_TEST(mentions(warnings, "source 'Interview teacher 1': line endings (CRLF)"),
             joined(warnings));

  auto q = Project::open(p);
  // The BOM is gone, CRLF is '\n', and the selections (53..80 and 91..105
  // counting CRLF as two) are on the same words.
  BOOST_TEST(document_text(q, find_document(q, "Interview teacher 1").id) ==
             "Interviewer: Why did you join the network?\nTeacher: Mostly to learn from "
             "peers.\nTeacher: And the "
             "coffee, to be honest.\n");
  std::vector<std::string> want = {
      "Interview teacher 1|Motives/Comfort|Tom|89|103|And the coffee",
      "Interview teacher 1|Motives/Learning|Maria Lopez|52|79|Mostly to learn from peers.",
      "Interview teacher 1|Motives/Learning|Tom|52|79|Mostly to learn from peers.",
      "Site notes|Setting|Maria Lopez|21|39|The room was cold.",
  };
  BOOST_TEST(coding_lines(q) == want, diff(coding_lines(q), want));
  want = {"Motives/Comfort|" + find_code(q, "Motives/Comfort").color + "|",
          "Motives/Learning|#1e90ff|",
          "Motives|" + find_code(q, "Motives").color + "|Why people join", "Setting|#aabbcc|"};
  std::sort(want.begin(), want.end());
  BOOST_TEST(codebook_lines(q) == want, diff(codebook_lines(q), want));
  want = {
      "Teacher 1||Interviewed=2024-01-15T14:30:00(text)|Joined=2019-09-01(date)|Mentor=true(text)|"
      "Weight=0.75(number)|Years teaching=12(number)|document:Interview teacher 1"};
  BOOST_TEST(case_lines(q) == want, diff(case_lines(q), want));
  want = {"coding|Interview teacher 1:Motives/Learning:52:79||Peers, not trainers.|Tom",
          "document|Interview teacher 1|Context|Recorded after school.|Maria Lopez"};
  BOOST_TEST(memo_lines(q) == want, diff(memo_lines(q), want));

  // Exported again: valid, '\n' text, positions that count it.
  auto out = dir / "again.qdpx";
  BOOST_TEST_REQUIRE(run_quire({"export", p, out.string()}).status == 0);
  auto xml = zip_member(out, "project.qde");
  check_valid(xml, "Project-mrt2019.xsd");
  BOOST_TEST(xml.find("startPosition=\"52\" endPosition=\"79\"") != std::string::npos);
  BOOST_TEST(zip_member(out, "Sources/7d2a1c9e-5b3f-4e21-a0b4-c1d2e3f40001.txt").find('\r') ==
             std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
