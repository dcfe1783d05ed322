// The safe zip and XML readers: damaged archives, zip bombs, unsafe names,
// XXE and entity expansion are refused with InputError. Text decoding:
// damaged UTF-8 stays UTF-8, other encodings are told apart.
#define BOOST_TEST_MODULE readers
#include <zip.h>

#include <algorithm>

#include "importers/importer.h"
#include "importers/text_decode.h"
#include "importers/xml_reader.h"
#include "importers/zip_archive.h"
#include "quire/base/error.h"
#include "quire/ingest/import_data.h"
#include "support/test_support.h"

using namespace quire;
using quire::test::write_file;

namespace {

/// Builds a zip in memory with the given members (stored deflated).
std::string make_zip(const std::vector<std::pair<std::string, std::string>>& members) {
  quire::test::TempDir dir;
  auto path = (dir / "z.zip").string();
  int err = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
  BOOST_REQUIRE(z);
  for (auto& [name, data] : members) {
    zip_source_t* src = zip_source_buffer(z, data.data(), data.size(), 0);
    BOOST_REQUIRE(zip_file_add(z, name.c_str(), src, ZIP_FL_ENC_UTF_8) >= 0);
  }
  BOOST_REQUIRE(zip_close(z) == 0);
  return quire::test::read_file(path);
}

struct Recorder : XmlHandler {
  std::string log;
  void start_element(const std::string& ns, const std::string& name,
                     const std::vector<XmlAttribute>& attrs) override {
    log += "<" + (ns.empty() ? "" : "{" + ns + "}") + name;
    for (auto& a : attrs)
      log += " " + a.name + "=" + a.value;
    log += ">";
  }
  void end_element(const std::string&, const std::string& name) override {
    log += "</" + name + ">";
  }
  void text(std::string_view t) override { log += std::string(t); }
};

std::string xml_error(const std::string& xml) {
  Recorder r;
  try {
    parse_xml(xml, r, "test.xml");
  } catch (const InputError& e) {
    return e.what();
  }
  return "(parsed)";
}

} // namespace

BOOST_AUTO_TEST_CASE(zip_reads_members) {
  auto bytes = make_zip({{"word/document.xml", "<w>hello</w>"}, {"a.txt", "é"}});
  BOOST_TEST(looks_like_zip(bytes));
  ZipArchive z(bytes, "doc.docx");
  BOOST_TEST(z.contains("word/document.xml"));
  BOOST_TEST(z.read("word/document.xml") == "<w>hello</w>");
  BOOST_TEST(z.read("a.txt") == "é");
  BOOST_TEST(!z.try_read("missing").has_value());
  BOOST_CHECK_THROW(z.read("missing"), InputError);
}

BOOST_AUTO_TEST_CASE(zip_bomb_is_refused_while_inflating) {
  std::string zeros(4 << 20, '\0'); // 4 MB of zeros deflate to a few KB
  auto bytes = make_zip({{"bomb.xml", zeros}});
  BOOST_TEST(bytes.size() < 64 * 1024u);
  ZipLimits limits;
  limits.max_member_bytes = 1 << 20;
  ZipArchive z(bytes, "bomb.xlsx", limits);
  try {
    z.read("bomb.xml");
    BOOST_FAIL("a member past the limit was read");
  } catch (const InputError& e) {
    BOOST_TEST(std::string(e.what()).find("zip bomb") != std::string::npos);
    BOOST_TEST(std::string(e.what()).find("bomb.xlsx") != std::string::npos);
  }
  ZipLimits total;
  total.max_total_bytes = 3 << 20;
  auto two = make_zip({{"a", std::string(2 << 20, 'a')}, {"b", std::string(2 << 20, 'b')}});
  ZipArchive z2(two, "two.zip", total);
  BOOST_CHECK_NO_THROW(z2.read("a"));
  BOOST_CHECK_THROW(z2.read("b"), InputError);
}

BOOST_AUTO_TEST_CASE(zip_sizes_are_checked_declared_and_actual) {
  // Declared: a member whose header says it is past the limit is refused
  // before anything is inflated, naming the member and the limit.
  auto bytes = make_zip({{"Sources/big.txt", std::string(3 << 20, 'a')}});
  ZipLimits limits;
  limits.max_member_bytes = 2 << 20;
  try {
    ZipArchive(bytes, "big.qdpx", limits).read("Sources/big.txt");
    BOOST_FAIL("a member declared past the limit was read");
  } catch (const InputError& e) {
    const std::string m = e.what();
    BOOST_TEST(m.find("'Sources/big.txt' says it expands to 3.0 MB") != std::string::npos, m);
    BOOST_TEST(m.find("past the limit for one member of 2.0 MB") != std::string::npos, m);
  }
  // Actual: the header lies (says 1,000 bytes); the limit holds while
  // inflating all the same.
  for (auto [sig, at] : {std::pair<std::string, std::size_t>{"PK\x03\x04", 22},
                         std::pair<std::string, std::size_t>{"PK\x01\x02", 24}}) {
    auto pos = bytes.find(sig);
    BOOST_REQUIRE(pos != std::string::npos);
    const char small[4] = {static_cast<char>(0xE8), 0x03, 0, 0};
    bytes.replace(pos + at, 4, small, 4);
  }
  try {
    ZipArchive(bytes, "liar.qdpx", limits).read("Sources/big.txt");
    BOOST_FAIL("a member past the limit was read");
  } catch (const InputError& e) {
    const std::string m = e.what();
    BOOST_TEST(m.find("liar.qdpx: ") == 0u, m);
    BOOST_TEST(m.find("'Sources/big.txt' expands past the limit for one member of 2.0 MB") !=
                   std::string::npos,
               m);
  }
  // All members together: past 100 times the archive's size (once past
  // the floor), the next member is refused.
  auto many = make_zip({{"a", std::string(3 << 20, 'a')}, {"b", std::string(3 << 20, 'b')}});
  ZipLimits ratio;
  ratio.ratio_floor_bytes = 4 << 20;
  ZipArchive z(many, "many.zip", ratio);
  BOOST_CHECK_NO_THROW(z.read("a"));
  try {
    z.read("b");
    BOOST_FAIL("past the ratio");
  } catch (const InputError& e) {
    const std::string m = e.what();
    BOOST_TEST(m.find("'b' says it expands to 3.0 MB (with the 3.0 MB read before it), past the "
                      "limit for all members of an archive of this size") != std::string::npos,
               m);
  }
}

BOOST_AUTO_TEST_CASE(damaged_and_truncated_zips_are_refused) {
  auto bytes = make_zip({{"a.txt", std::string(10000, 'x')}});
  BOOST_CHECK_THROW(ZipArchive(bytes.substr(0, bytes.size() / 2), "half.docx"), InputError);
  BOOST_CHECK_THROW(ZipArchive("PK\x03\x04 this is not really a zip", "fake.docx"), InputError);
  std::string random(5000, '\0');
  for (std::size_t i = 0; i < random.size(); ++i)
    random[i] = static_cast<char>((i * 7919 + 13) % 251);
  BOOST_CHECK_THROW(ZipArchive(random, "random.xlsx"), InputError);
}

BOOST_AUTO_TEST_CASE(unsafe_member_names_are_refused) {
  BOOST_TEST(is_safe_member_name("Sources/abc.txt"));
  BOOST_TEST(!is_safe_member_name("../etc/passwd"));
  BOOST_TEST(!is_safe_member_name("Sources/../../x"));
  BOOST_TEST(!is_safe_member_name("/abs"));
  BOOST_TEST(!is_safe_member_name("C:/x"));
  BOOST_TEST(!is_safe_member_name("a\\b"));
  auto bytes = make_zip({{"../evil.txt", "x"}});
  ZipArchive z(bytes, "evil.qdpx");
  BOOST_CHECK_THROW(z.read("../evil.txt"), InputError);
}

BOOST_AUTO_TEST_CASE(xml_events_with_namespaces) {
  Recorder r;
  parse_xml(
      R"(<?xml version="1.0"?><w:document xmlns:w="urn:w"><w:p w:id="1">Caf&#233; &amp; tea</w:p></w:document>)",
      r, "x");
  BOOST_TEST(r.log == "<{urn:w}document><{urn:w}p id=1>Café & tea</p></document>");
}

BOOST_AUTO_TEST_CASE(xxe_and_entity_expansion_are_refused) {
  auto xxe = xml_error(
      R"(<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>)");
  BOOST_TEST(xxe.find("refused") != std::string::npos, xxe);
  auto laughs = xml_error(
      R"(<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><l>&c;</l>)");
  BOOST_TEST(laughs.find("refused") != std::string::npos, laughs);
  auto ext =
      xml_error(R"(<?xml version="1.0"?><!DOCTYPE x SYSTEM "http://example.invalid/x.dtd"><x/>)");
  // Never fetched, but refused all the same: none of the formats has a DTD.
  BOOST_TEST(ext.find("<!DOCTYPE") != std::string::npos, ext);
  BOOST_TEST(ext.find("refused") != std::string::npos, ext);
}

BOOST_AUTO_TEST_CASE(malformed_xml_says_where) {
  auto e = xml_error("<a>\n<b></a>");
  BOOST_TEST(e.find("test.xml: line 2") != std::string::npos, e);
}

namespace {

/// A long interview in UTF-8: turns with accents (é, ü, ñ, ’, “”), as a
/// transcription service writes them.
std::string long_interview(int turns) {
  const char* const lines[] = {
      "Interviewer: Qu’est-ce que le réseau représente pour vous, Frau Müller?",
      "P07: Honestly? At first I thought the café meetings were a waste of time — “just talk”.",
      "Interviewer: ¿Y ahora? Has the mañana meeting changed that?",
      "P07: Yes. Zoë and Jürgen started a naïve little forum, and it grew; the coördinator joined.",
  };
  std::string text = "Interview 07, network coordinator (P07), recorded 12 März 2026\n\n";
  for (int i = 0; i < turns; ++i) {
    text += lines[i % 4];
    text += "\n\n";
  }
  return text;
}

} // namespace

BOOST_AUTO_TEST_CASE(utf8_with_one_bad_byte_stays_utf8) {
  // One byte of a Windows-1252 paste ("caf\xE9") in a long UTF-8 interview:
  // read as Windows-1252 every other accent would turn into mojibake ("Ã©"),
  // for good. Read as UTF-8, only that byte is lost, and the note says where.
  quire::test::TempDir dir;
  std::string text = long_interview(400);
  const std::string damaged = "We met at the caf\xE9 on Fridays.";
  const auto line_start = text.size();
  const auto line = 1 + std::count(text.begin(), text.end(), '\n');
  text += damaged + "\n\n" + long_interview(40);
  write_file(dir / "interview-07.txt", text);
  auto data = read_file(dir / "interview-07.txt");
  BOOST_REQUIRE_EQUAL(data.documents.size(), 1u);
  const auto& got = data.documents[0].text;
  BOOST_TEST(got.find("Frau Müller") != std::string::npos);
  BOOST_TEST(got.find("Qu’est-ce que le réseau") != std::string::npos);
  BOOST_TEST(got.find("mañana") != std::string::npos);
  BOOST_TEST(got.find("Ã") == std::string::npos); // no mojibake
  BOOST_TEST(got.find("the caf\xEF\xBF\xBD on Fridays") != std::string::npos);
  std::size_t replacements = 0;
  for (auto at = got.find("\xEF\xBF\xBD"); at != std::string::npos;
       at = got.find("\xEF\xBF\xBD", at + 1)) {
    ++replacements;
  }
  BOOST_TEST(replacements == 1u);
  BOOST_REQUIRE_EQUAL(data.warnings.size(), 1u);
  const auto& w = data.warnings[0];
  BOOST_TEST(w.find("interview-07.txt") != std::string::npos, w);
  BOOST_TEST(w.find("1 invalid UTF-8 byte sequence replaced by U+FFFD") != std::string::npos, w);
  const std::string where = "line " + std::to_string(line) + ", column 18, byte " +
                            std::to_string(line_start + damaged.find('\xE9'));
  BOOST_TEST(w.find(where) != std::string::npos, w + " / expected: " + where);
}

BOOST_AUTO_TEST_CASE(utf8_damage_is_named_for_the_first_few_places) {
  // A BOM says UTF-8: damaged bytes after it are replaced too; past five
  // places the note counts the rest.
  std::string text = "\xEF\xBB\xBF" + long_interview(100);
  for (int i = 0; i < 7; ++i) {
    text += "broken \xC3 here\n";
  }
  auto dec = decode_text(text, "bom.txt");
  BOOST_TEST(dec.encoding == "UTF-8 (BOM)");
  BOOST_TEST(dec.replaced == 7);
  BOOST_TEST(dec.utf8.find("réseau") != std::string::npos);
  BOOST_TEST(dec.note.find("7 invalid UTF-8 byte sequences") != std::string::npos, dec.note);
  BOOST_TEST(dec.note.find("; 2 more") != std::string::npos, dec.note);
  BOOST_TEST(dec.note.find("column 8") != std::string::npos, dec.note);
}

BOOST_AUTO_TEST_CASE(mostly_not_utf8_stays_windows_1252) {
  // Windows-1252 text whose bytes happen to hold one valid UTF-8 pair
  // ("Ã©" is C3 A9) is still Windows-1252: the valid pair is chance.
  std::string text;
  for (int i = 0; i < 50; ++i) {
    text += "Caf\xE9 \x93quoted\x94 and na\xEFve r\xE9sum\xE9.\r\n";
  }
  text += "A stray \xC3\xA9 pair.\r\n";
  auto dec = decode_text(text, "cp1252.txt");
  BOOST_TEST(dec.encoding == "Windows-1252");
  BOOST_TEST(dec.fallback);
  BOOST_TEST(dec.replaced == 0);
  BOOST_TEST(dec.utf8.find("Café “quoted” and naïve résumé.") != std::string::npos);
  BOOST_TEST(dec.note == "not valid UTF-8; decoded as Windows-1252");
  // ASCII with one accented byte is a Windows-1252 file, not damaged UTF-8.
  auto one = decode_text("Meeting at the caf\xE9 on Friday.\n", "one.txt");
  BOOST_TEST(one.encoding == "Windows-1252");
  BOOST_TEST(one.utf8 == "Meeting at the café on Friday.\n");
}
