// DOCX and ODT: structure, speaker labels, comments and notes, and hostile files.
#define BOOST_TEST_MODULE documents
#include <zip.h>

#include "importers/importer.h"
#include "quire/base/error.h"
#include "quire/base/text.h"
#include "support/test_support.h"

using namespace quire;
using quire::test::TempDir;

namespace {

void write_zip(const std::filesystem::path& path,
               const std::vector<std::pair<std::string, std::string>>& members) {
  int err = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
  BOOST_REQUIRE(z);
  for (auto& [name, data] : members) {
    zip_source_t* src = zip_source_buffer(z, data.data(), data.size(), 0);
    BOOST_REQUIRE(zip_file_add(z, name.c_str(), src, ZIP_FL_ENC_UTF_8) >= 0);
  }
  BOOST_REQUIRE(zip_close(z) == 0);
}

const std::string w_open =
    R"(<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>)";
const std::string w_close = "</w:body></w:document>";

std::string para(const std::string& bold, const std::string& plain) {
  std::string out = "<w:p>";
  if (!bold.empty())
    out += "<w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">" + bold + "</w:t></w:r>";
  out += "<w:r><w:t xml:space=\"preserve\">" + plain + "</w:t></w:r></w:p>";
  return out;
}

std::vector<std::string> passages(const ImportData& d) {
  const auto& doc = d.documents.at(0);
  CodePointIndex idx(doc.text);
  std::vector<std::string> out;
  for (auto& p : doc.passages) {
    out.push_back((p.speaker.empty() ? "" : p.speaker + "|") +
                  std::string(idx.slice(p.start, p.end)));
  }
  return out;
}

std::string error_of(const std::filesystem::path& p) {
  try {
    read_file(p);
  } catch (const InputError& e) {
    return e.what();
  }
  return "(read)";
}

} // namespace

BOOST_AUTO_TEST_CASE(docx_paragraphs_tables_and_comments) {
  TempDir dir;
  std::string body = w_open + para("", "Site visit notes") +
                     "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>School</w:t></w:r></w:p></"
                     "w:tc><w:tc><w:p><w:r><w:t>Oak Lane</w:t></w:r></w:p></w:tc></w:tr>"
                     "<w:tr><w:tc><w:p><w:r><w:t>Pupils</w:t></w:r></w:p></"
                     "w:tc><w:tc><w:p><w:r><w:t>212</w:t></w:r></w:p></w:tc></w:tr></w:tbl>" +
                     "<w:p><w:r><w:t>We saw </w:t></w:r><w:del><w:r><w:delText>no "
                     "</w:delText></w:r></w:del><w:r><w:t>shared planning.</w:t></w:r></w:p>" +
                     w_close;
  std::string comments =
      R"(<w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:comment w:author="Ann"><w:p><w:r><w:t>Check the date</w:t></w:r></w:p></w:comment></w:comments>)";
  write_zip(dir / "notes.docx", {{"word/document.xml", body}, {"word/comments.xml", comments}});
  auto d = read_file(dir / "notes.docx");
  BOOST_TEST(d.kind == "docx");
  auto p = passages(d);
  BOOST_TEST_REQUIRE(p.size() == 3u);
  BOOST_TEST(p[0] == "Site visit notes");
  BOOST_TEST(p[1] == "School\tOak Lane\nPupils\t212");
  BOOST_TEST(p[2] == "We saw shared planning."); // the deleted revision is left out
  BOOST_TEST_REQUIRE(d.documents[0].memos.size() == 1u);
  BOOST_TEST(d.documents[0].memos[0] == "Comment in the Word file: Ann: Check the date");
}

BOOST_AUTO_TEST_CASE(docx_bold_labels_make_a_transcript) {
  TempDir dir;
  std::string body = w_open + para("Interviewer", " Why did you join?") +
                     para("Sam:", " My head asked me.") + para("Interviewer", " And now?") +
                     para("Sam:", " I stay because it helps.") + w_close;
  write_zip(dir / "t.docx", {{"word/document.xml", body}});
  auto p = passages(read_file(dir / "t.docx"));
  BOOST_TEST_REQUIRE(p.size() == 4u);
  BOOST_TEST(p[0] == "Interviewer|Why did you join?");
  BOOST_TEST(p[3] == "Sam|I stay because it helps.");
}

BOOST_AUTO_TEST_CASE(docx_bold_name_then_tab) {
  // "Interviewer" in bold, a tab, the speech: the usual hand-typed transcript.
  TempDir dir;
  auto tab_para = [](const std::string& name, const std::string& speech) {
    return "<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>" + name + "</w:t></w:r><w:r><w:tab/><w:t>" +
           speech + "</w:t></w:r></w:p>";
  };
  std::string body = w_open + para("", "Interview 7, site visit") +
                     tab_para("Interviewer", "How did you first hear about the scheme?") +
                     tab_para("Respondent", "Through my neighbour, actually.") +
                     tab_para("Interviewer", "And what made you sign up?") +
                     tab_para("Respondent", "Mostly curiosity.") + w_close;
  write_zip(dir / "t.docx", {{"word/document.xml", body}});
  auto p = passages(read_file(dir / "t.docx"));
  BOOST_TEST_REQUIRE(p.size() == 5u);
  BOOST_TEST(p[1] == "Interviewer|How did you first hear about the scheme?");
  BOOST_TEST(p[4] == "Respondent|Mostly curiosity.");
}

BOOST_AUTO_TEST_CASE(docx_speaker_table_is_a_transcript) {
  // A two-column table: speaker | speech.
  TempDir dir;
  auto row = [](const std::string& a, const std::string& b) {
    return "<w:tr><w:tc><w:p><w:r><w:t>" + a + "</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>" +
           b + "</w:t></w:r></w:p></w:tc></w:tr>";
  };
  std::string body = w_open + "<w:tbl>" + row("I", "Where do you meet?") +
                     row("P3", "In the library, after school.") + row("I", "Every week?") +
                     row("P3", "Most weeks.") + "</w:tbl>" + w_close;
  write_zip(dir / "t.docx", {{"word/document.xml", body}});
  auto p = passages(read_file(dir / "t.docx"));
  BOOST_TEST_REQUIRE(p.size() == 4u);
  BOOST_TEST(p[1] == "P3|In the library, after school.");
}

BOOST_AUTO_TEST_CASE(docx_teams_cue_name_and_speech_paragraphs) {
  // Teams' older .docx: cue times, the name and the speech each a paragraph.
  TempDir dir;
  std::string body = w_open + para("", "0:0:0.0 --&gt; 0:0:5.360") + para("", "Jane Doe") +
                     para("", "Okay, I think everyone is here now.") +
                     para("", "0:0:5.360 --&gt; 0:0:9.120") + para("", "Ahmed Karimi") +
                     para("", "Yes. I can go first.") + para("", "0:0:9.120 --&gt; 0:0:10.500") +
                     para("", "Jane Doe") + para("", "Please do.") + w_close;
  write_zip(dir / "t.docx", {{"word/document.xml", body}});
  auto d = read_file(dir / "t.docx");
  auto p = passages(d);
  BOOST_TEST_REQUIRE(p.size() == 3u);
  BOOST_TEST(p[0] == "Jane Doe|Okay, I think everyone is here now.");
  BOOST_TEST(p[1] == "Ahmed Karimi|Yes. I can go first.");
  BOOST_TEST(*d.documents[0].passages[1].start_ms == 5360);
}

BOOST_AUTO_TEST_CASE(docx_f4_transcript) {
  // f4transkript saves Word files with the stamp at each paragraph's end.
  TempDir dir;
  std::string body = w_open + para("", "I: Wie sind Sie dazu gekommen? #00:00:05-1#") +
                     para("", "B: &#220;ber eine Freundin. #00:00:12-7#") +
                     para("", "I: Und dann? #00:00:14-0#") +
                     para("", "B: Dann habe ich mich beworben. #00:00:19-3#") + w_close;
  write_zip(dir / "t.docx", {{"word/document.xml", body}});
  auto d = read_file(dir / "t.docx");
  auto p = passages(d);
  BOOST_TEST_REQUIRE(p.size() == 4u);
  BOOST_TEST(p[1] == "B|Über eine Freundin.");
  BOOST_TEST(*d.documents[0].passages[1].start_ms == 5100);
  BOOST_TEST(*d.documents[0].passages[1].end_ms == 12700);
}

BOOST_AUTO_TEST_CASE(docx_text_box_inside_a_paragraph) {
  // Word writes a text box inside a run, twice (the shape and a fallback for
  // old versions). The paragraph around it keeps its text; the box's text
  // follows it once.
  TempDir dir;
  const std::string box = "<w:txbxContent><w:p><w:r><w:t>Key quote from P4</w:t></w:r></w:p>"
                          "</w:txbxContent>";
  std::string body =
      R"(<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>)"
      "<w:p><w:r><w:t xml:space=\"preserve\">We began in the staff room </w:t></w:r>"
      "<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing>" +
      box + "</w:drawing></mc:Choice><mc:Fallback><w:pict>" + box +
      "</w:pict></mc:Fallback></mc:AlternateContent></w:r>"
      "<w:r><w:t>and then walked the wards.</w:t></w:r></w:p>" +
      para("", "Second paragraph.") + w_close;
  write_zip(dir / "t.docx", {{"word/document.xml", body}});
  auto p = passages(read_file(dir / "t.docx"));
  std::vector<std::string> want = {"We began in the staff room and then walked the wards.",
                                   "Key quote from P4", "Second paragraph."};
  BOOST_TEST(p == want, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(odt_text_box_inside_a_paragraph) {
  TempDir dir;
  std::string content = R"(<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"><office:body><office:text>
<text:p>We began in the staff room <draw:frame><draw:text-box><text:p>Key quote from P4</text:p></draw:text-box></draw:frame>and then walked the wards.</text:p>
<text:p>Second paragraph.</text:p></office:text></office:body></office:document-content>)";
  write_zip(dir / "b.odt",
            {{"mimetype", "application/vnd.oasis.opendocument.text"}, {"content.xml", content}});
  auto p = passages(read_file(dir / "b.odt"));
  std::vector<std::string> want = {"We began in the staff room and then walked the wards.",
                                   "Key quote from P4", "Second paragraph."};
  BOOST_TEST(p == want, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(odt_text_lists_tables_annotations) {
  TempDir dir;
  std::string content = R"(<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0">
<office:body><office:text>
<text:h>Reflections</text:h>
<text:p>Two<text:s text:c="2"/>spaces<text:note><text:note-body><text:p>a footnote</text:p></text:note-body></text:note> and a tab<text:tab/>here.<office:annotation><text:p>Reviewer note</text:p></office:annotation></text:p>
<text:list><text:list-item><text:p>First point</text:p></text:list-item><text:list-item><text:p>Second point</text:p></text:list-item></text:list>
<table:table><table:table-row><table:table-cell><text:p>A</text:p></table:table-cell><table:table-cell><text:p>B</text:p></table:table-cell></table:table-row></table:table>
</office:text></office:body></office:document-content>)";
  write_zip(dir / "r.odt",
            {{"mimetype", "application/vnd.oasis.opendocument.text"}, {"content.xml", content}});
  auto d = read_file(dir / "r.odt");
  BOOST_TEST(d.kind == "odt");
  auto p = passages(d);
  BOOST_TEST_REQUIRE(p.size() == 5u);
  BOOST_TEST(p[0] == "Reflections");
  BOOST_TEST(p[1] == "Two  spaces and a tab\there."); // text:s c=2 is two spaces
  BOOST_TEST(p[3] == "Second point");
  BOOST_TEST(p[4] == "A\tB");
  BOOST_TEST(d.documents[0].memos.at(0) == "Comment in the document: Reviewer note");
  BOOST_TEST(d.documents[0].memos.at(1) == "Footnote: a footnote"); // no citation in the file
}

BOOST_AUTO_TEST_CASE(docx_footnotes_and_endnotes_become_memos) {
  // Word's own shape: separator notes first (ids -1 and 0), the reference a
  // styled run without text; a custom mark ("*") is the text of its run.
  TempDir dir;
  auto ref = [](const char* kind, const char* id) {
    return std::string("<w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr><w:") + kind +
           "Reference w:id=\"" + id + "\"/></w:r>";
  };
  std::string body =
      w_open + "<w:p><w:r><w:t>We met twice in March.</w:t></w:r>" + ref("footnote", "2") +
      "<w:r><w:t xml:space=\"preserve\"> Then the head left.</w:t></w:r>" + ref("endnote", "1") +
      "</w:p><w:p><w:r><w:t>Funding ended</w:t></w:r>" + ref("footnote", "1") +
      "<w:del w:id=\"9\" w:author=\"Ann\">" + ref("footnote", "5") + "</w:del>" +
      "<w:r><w:footnoteReference w:customMarkFollows=\"1\" w:id=\"3\"/><w:t>*</w:t></w:r>"
      "<w:r><w:t>.</w:t></w:r></w:p>" +
      w_close;
  auto note = [](const char* kind, const char* id, const std::string& paras) {
    return std::string("<w:") + kind + " w:id=\"" + id + "\">" + paras + "</w:" + kind + ">";
  };
  auto note_para = [](const std::string& t) {
    return "<w:p><w:pPr><w:tabs><w:tab w:val=\"left\" w:pos=\"720\"/></w:tabs></w:pPr><w:r><w:rPr>"
           "<w:rStyle w:val=\"FootnoteReference\"/></w:rPr><w:footnoteRef/></w:r><w:r><w:t "
           "xml:space=\"preserve\"> " +
           t + "</w:t></w:r></w:p>";
  };
  const std::string w_ns_attr =
      " xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">";
  // Ids in the file's order are not the numbers Word shows: id 2 is referred to first.
  std::string footnotes =
      "<w:footnotes" + w_ns_attr +
      "<w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:r><w:separator/></w:r></w:p>"
      "</w:footnote><w:footnote w:type=\"continuationSeparator\" w:id=\"0\"><w:p><w:r>"
      "<w:continuationSeparator/></w:r></w:p></w:footnote>" +
      note("footnote", "1", note_para("Source: the trust's annual report.")) +
      note("footnote", "2", note_para("Both meetings were online.") + note_para("Notes by Ann.")) +
      note("footnote", "3", note_para("Confirmed by P4.")) +
      note("footnote", "4", note_para("A note nothing refers to.")) +
      note("footnote", "5", note_para("A note whose reference was deleted.")) + "</w:footnotes>";
  std::string endnotes =
      "<w:endnotes" + w_ns_attr +
      "<w:endnote w:type=\"separator\" w:id=\"-1\"><w:p><w:r><w:separator/></w:r></w:p>"
      "</w:endnote><w:endnote w:type=\"continuationSeparator\" w:id=\"0\"><w:p><w:r>"
      "<w:continuationSeparator/></w:r></w:p></w:endnote>" +
      note("endnote", "1", note_para("Interview with the new head, May.")) + "</w:endnotes>";
  write_zip(dir / "n.docx", {{"word/document.xml", body},
                             {"word/footnotes.xml", footnotes},
                             {"word/endnotes.xml", endnotes}});
  auto d = read_file(dir / "n.docx");
  std::vector<std::string> want_text = {"We met twice in March. Then the head left.",
                                        "Funding ended."};
  BOOST_TEST(passages(d) == want_text, boost::test_tools::per_element());
  std::vector<std::string> want_memos = {
      "Footnote 1: Both meetings were online.\nNotes by Ann.",
      "Footnote 2: Source: the trust's annual report.", "Footnote *: Confirmed by P4.",
      "Footnote 3: A note nothing refers to.", "Endnote 1: Interview with the new head, May."};
  BOOST_TEST(d.documents[0].memos == want_memos, boost::test_tools::per_element());
  BOOST_TEST(d.documents[0].text.find("Source") == std::string::npos);

  // A broken notes part is an error naming the part, not a silent loss.
  write_zip(dir / "bad.docx",
            {{"word/document.xml", body}, {"word/footnotes.xml", "<w:footnotes" + w_ns_attr}});
  auto e = error_of(dir / "bad.docx");
  BOOST_TEST(e.find("bad.docx: word/footnotes.xml") != std::string::npos, e);
}

BOOST_AUTO_TEST_CASE(odt_footnotes_and_endnotes_become_memos) {
  TempDir dir;
  std::string content = R"(<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>
<text:p>We met twice<text:note text:id="ftn1" text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>Both<text:s text:c="2"/>online.</text:p><text:p>Notes by Ann.</text:p></text:note-body></text:note> in March.</text:p>
<text:p>Funding ended<text:note text:id="ftn2" text:note-class="footnote"><text:note-citation text:label="*">*</text:note-citation><text:note-body><text:p>Confirmed by P4.</text:p></text:note-body></text:note>.<text:note text:id="edn1" text:note-class="endnote"><text:note-citation>i</text:note-citation><text:note-body><text:p>Interview, May.</text:p></text:note-body></text:note></text:p>
</office:text></office:body></office:document-content>)";
  write_zip(dir / "n.odt",
            {{"mimetype", "application/vnd.oasis.opendocument.text"}, {"content.xml", content}});
  auto d = read_file(dir / "n.odt");
  std::vector<std::string> want_text = {"We met twice in March.", "Funding ended."};
  BOOST_TEST(passages(d) == want_text, boost::test_tools::per_element());
  std::vector<std::string> want_memos = {"Footnote 1: Both  online.\nNotes by Ann.",
                                         "Footnote *: Confirmed by P4.",
                                         "Endnote i: Interview, May."};
  BOOST_TEST(d.documents[0].memos == want_memos, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(hostile_and_broken_files_are_refused) {
  TempDir dir;
  // Random bytes with the right extension.
  std::string random(3000, '\0');
  for (std::size_t i = 0; i < random.size(); ++i)
    random[i] = static_cast<char>((i * 131 + 7) % 256);
  quire::test::write_file(dir / "random.docx", random);
  BOOST_TEST(error_of(dir / "random.docx").find("random.docx") != std::string::npos);
  // Truncated.
  write_zip(dir / "whole.docx",
            {{"word/document.xml", w_open + para("", std::string(5000, 'x')) + w_close}});
  auto bytes = quire::test::read_file(dir / "whole.docx");
  quire::test::write_file(dir / "half.docx", bytes.substr(0, bytes.size() / 2));
  BOOST_TEST(error_of(dir / "half.docx").find("half.docx") != std::string::npos);
  // XXE and entity expansion.
  write_zip(
      dir / "xxe.docx",
      {{"word/document.xml",
        R"(<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>)"}});
  auto e = error_of(dir / "xxe.docx");
  BOOST_TEST(e.find("refused") != std::string::npos, e);
  BOOST_TEST(e.find("root:") == std::string::npos);
  write_zip(
      dir / "laughs.odt",
      {{"mimetype", "application/vnd.oasis.opendocument.text"},
       {"content.xml",
        R"(<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "haha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><l>&b;</l>)"}});
  BOOST_TEST(error_of(dir / "laughs.odt").find("refused") != std::string::npos);
  // A zip bomb: a member that inflates past the limit.
  write_zip(dir / "bomb.docx",
            {{"word/document.xml", w_open + para("", std::string(3 << 20, 'a')) + w_close}});
  ImportSettings small;
  small.max_unpacked_bytes = 1 << 20;
  try {
    read_file(dir / "bomb.docx", small);
    BOOST_FAIL("the bomb was read");
  } catch (const InputError& ex) {
    BOOST_TEST(std::string(ex.what()).find("zip bomb") != std::string::npos);
  }
  // A zip that is not a Word document.
  write_zip(dir / "other.docx", {{"hello.txt", "hi"}});
  BOOST_TEST(error_of(dir / "other.docx").find("not a Word document") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(sample_docx_interview,
                     *boost::unit_test::precondition(quire::test::NeedsShared())) {
  auto d = read_file(*quire::test::shared_sample("interview-coordinator-02.docx"));
  auto p = passages(d);
  BOOST_TEST(to_string(d.documents[0].kind) == "transcript");
  BOOST_TEST(p[0] == "Interview 02: network coordinator (P02)");
  BOOST_TEST(p[1] == "Role\tNetwork coordinator\nNetwork\tNetwork 7\nYears in role\t4");
  int interviewer = 0, p02 = 0;
  for (auto& x : p) {
    interviewer += x.rfind("Interviewer|", 0) == 0;
    p02 += x.rfind("P02|", 0) == 0;
  }
  BOOST_TEST(interviewer == 6);
  BOOST_TEST(p02 == 8);
}
