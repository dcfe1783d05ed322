// The safe zip and XML readers: damaged archives, zip bombs, unsafe names,
// XXE and entity expansion are refused with InputError.
#define BOOST_TEST_MODULE readers
#include <zip.h>

#include "core/error.h"
#include "importers/xml_reader.h"
#include "importers/zip_archive.h"
#include "support/test_support.h"

using namespace quire;

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
