// The quire binary end to end: exit codes, messages, JSON, Unicode, safety.
#include <nlohmann/json.hpp>

#include "support/test_support.h"

using quire::test::run_quire;
using quire::test::TempDir;

namespace {

std::string init(const TempDir& dir) {
  auto p = (dir / "cli.quire").string();
  BOOST_REQUIRE(run_quire({"init", p}).status == 0);
  return p;
}

} // namespace

BOOST_AUTO_TEST_SUITE(cli)

BOOST_AUTO_TEST_CASE(exit_codes_and_messages) {
  TempDir dir;
  auto p = init(dir);
  auto r = run_quire({"codes", "delete", p, "Nope"});
  BOOST_TEST(r.status == 1);
  BOOST_TEST(r.err.rfind("quire: error: ", 0) == 0u);
  BOOST_TEST(run_quire({"codes", "frobnicate", p}).status == 2);
  BOOST_TEST(run_quire({}).status == 2);
  BOOST_TEST(run_quire({"--help"}).status == 0);
  for (auto cmd :
       {"init", "import", "inspect", "code", "uncode", "codings", "undo", "redo", "history"}) {
    BOOST_TEST_CONTEXT(cmd) {
      auto h = run_quire({cmd, "--help"});
      BOOST_TEST(h.status == 0);
      BOOST_TEST(h.out.find("Usage") != std::string::npos);
    }
  }
}

BOOST_AUTO_TEST_CASE(unicode_round_trip_through_the_cli) {
  TempDir dir;
  auto p = init(dir);
  // Decomposed é (e + U+0301), a ZWJ family emoji with a skin tone, CJK.
  std::string text =
      "Re\xCC\x81sume\xCC\x81: \xF0\x9F\x91\xA9\xF0\x9F\x8F\xBD\xE2\x80\x8D\xF0\x9F\x8F\xAB "
      "the school \xE5\xAD\xA6\xE6\xA0\xA1 matters.\r\nSecond line.";
  quire::test::write_file(dir / "uni.txt", text);
  BOOST_TEST_REQUIRE(run_quire({"import", p, (dir / "uni.txt").string()}).status == 0);
  BOOST_TEST_REQUIRE(run_quire({"codes", "add", p, "Place/School"}).status == 0);
  auto r = run_quire(
      {"code", p, "--doc", "uni", "--match", "\xE5\xAD\xA6\xE6\xA0\xA1", "--code", "Place/School"});
  BOOST_TEST_REQUIRE(r.status == 0, r.err);
  r = run_quire({"code", p, "--doc", "uni", "--range", "0:6", "--code", "Place/School"});
  BOOST_TEST_REQUIRE(r.status == 0, r.err);
  auto j = nlohmann::json::parse(run_quire({"codings", p, "--json"}).out);
  BOOST_TEST_REQUIRE(j.size() == 2u);
  // "Résumé: " is 8 code points, the emoji 4, a space, "the school " 11.
  BOOST_TEST(j[0]["start"] == 0);
  BOOST_TEST(j[0]["end"] == 6);
  BOOST_TEST(j[0]["text"] == "R\xC3\xA9sum\xC3\xA9");
  BOOST_TEST(j[1]["start"] == 24);
  BOOST_TEST(j[1]["end"] == 26);
  BOOST_TEST(j[1]["text"] == "\xE5\xAD\xA6\xE6\xA0\xA1");
  auto doc = nlohmann::json::parse(run_quire({"docs", "show", p, "uni", "--json"}).out);
  BOOST_TEST(doc["text"].get<std::string>().find('\r') == std::string::npos);
  BOOST_TEST(doc["length"] ==
             48); // ... "the school " 24, 学校 26, " matters.\n" 36, "Second line." 48
}

BOOST_AUTO_TEST_CASE(a_folder_imports_the_files_quire_reads_and_again_only_new_ones) {
  TempDir dir;
  auto p = init(dir);
  std::filesystem::create_directories(dir / "in" / "wave2");
  std::filesystem::create_directories(dir / "in" / ".git");
  quire::test::write_file(dir / "in" / "a.txt", "First interview.\n\nIt was about time.");
  quire::test::write_file(dir / "in" / "wave2" / "b.txt", "Second interview, in a sub-folder.");
  quire::test::write_file(dir / "in" / ".git" / "config", "[core]");
  quire::test::write_file(dir / "in" / "~$a.docx", "lock");
  quire::test::write_file(dir / "in" / "photo.jpg",
                          std::string("\xFF\xD8\xFF\xE0\0\x10JFIF\0", 11));
  quire::test::write_file(dir / "in" / "f4.rtf",
                          "{\\rtf1\\ansi Interviewer: Hello #00:00:03-1#\\par}");
  auto r = run_quire({"import", p, (dir / "in").string(), "--json"});
  BOOST_TEST_REQUIRE(r.status == 0, r.err);
  auto j = nlohmann::json::parse(r.out);
  BOOST_TEST_REQUIRE(j.size() == 2u);
  BOOST_TEST(j[0]["file"].get<std::string>().find("a.txt") != std::string::npos);
  BOOST_TEST(j[1]["file"].get<std::string>().find("b.txt") != std::string::npos);
  BOOST_TEST(r.err.find("photo.jpg: skipped (not a kind of file Quire reads)") !=
             std::string::npos);
  BOOST_TEST(r.err.find("f4.rtf: skipped (not a kind of file Quire reads)") != std::string::npos);
  // Named on its own, an RTF file is refused with what to do instead, not
  // read as text full of control words.
  auto rtf = run_quire({"import", p, (dir / "in" / "f4.rtf").string()});
  BOOST_TEST(rtf.status == 1);
  BOOST_TEST(rtf.err.find("an RTF file, which Quire does not read. Save it as Word (.docx)") !=
                 std::string::npos,
             rtf.err);
  BOOST_TEST(r.err.find("config") == std::string::npos); // hidden folders are not read
  // Again, with one new file: only that one is imported.
  quire::test::write_file(dir / "in" / "c.txt", "Third interview.");
  r = run_quire({"import", p, (dir / "in").string(), "--json"});
  BOOST_TEST_REQUIRE(r.status == 0, r.err);
  j = nlohmann::json::parse(r.out);
  BOOST_TEST_REQUIRE(j.size() == 1u);
  BOOST_TEST(j[0]["file"].get<std::string>().find("c.txt") != std::string::npos);
  BOOST_TEST(r.err.find("a.txt: skipped (already imported)") != std::string::npos);
  // A file named on its own is still refused when already imported.
  BOOST_TEST(run_quire({"import", p, (dir / "in" / "a.txt").string()}).status == 1);
}

BOOST_AUTO_TEST_CASE(failed_imports_leave_the_project_unchanged) {
  TempDir dir;
  auto p = init(dir);
  quire::test::write_file(dir / "ok.txt", "A paragraph.\n\nAnother.");
  BOOST_TEST_REQUIRE(run_quire({"import", p, (dir / "ok.txt").string()}).status == 0);
  auto digest = quire::test::file_digest(p);
  quire::test::write_file(dir / "empty.txt", "");
  quire::test::write_file(dir / "binary.txt", std::string("ab\0cd\x01\x02", 7));
  quire::test::write_file(dir / "big.txt", std::string(2 * 1024 * 1024, 'a'));
  struct Case {
    std::vector<std::string> args;
    std::string says;
  };
  std::vector<Case> cases = {
      {{"import", p, (dir / "empty.txt").string()}, "empty"},
      {{"import", p, (dir / "binary.txt").string()}, "binary"},
      {{"import", p, (dir / "big.txt").string(), "--max-size", "1"}, "over the limit"},
      {{"import", p, (dir / "ok.txt").string()}, "already imported"},
      {{"import", p, (dir / "ok.txt").string(), (dir / "missing.txt").string(), "--again"},
       "no such file"},
  };
  for (auto& c : cases) {
    BOOST_TEST_CONTEXT(c.says) {
      auto r = run_quire(c.args);
      BOOST_TEST(r.status == 1);
      BOOST_TEST(r.err.find(c.says) != std::string::npos, r.err);
      BOOST_TEST(quire::test::file_digest(p) == digest);
    }
  }
}

BOOST_AUTO_TEST_CASE(samples_import_and_code_end_to_end,
                     *boost::unit_test::precondition(quire::test::NeedsShared())) {
  TempDir dir;
  auto p = init(dir);
  for (auto name :
       {"interview-coordinator-01.txt", "interview-coordinator-04.txt", "pln-blog-posts.txt",
        "punch-above-your-weight.txt", "networking-as-professional-learning.txt",
        "personally-networked-for-learning.txt"}) {
    auto r = run_quire({"import", p, quire::test::shared_sample(name)->string()});
    BOOST_TEST(r.status == 0, name << ": " << r.err);
  }
  auto r04 = run_quire({"docs", "show", p, "interview-coordinator-04", "--json"});
  auto doc = nlohmann::json::parse(r04.out);
  BOOST_TEST(doc["text"].get<std::string>().find("government\xE2\x80\x99s plan") !=
             std::string::npos);
  BOOST_TEST(run_quire({"codes", "add", p, "Purpose/Sceptical"}).status == 0);
  auto r = run_quire({"code", p, "--doc", "interview-coordinator-04", "--match",
                      "government\xE2\x80\x99s plan", "--code", "Purpose/Sceptical", "--memo",
                      "political motive"});
  BOOST_TEST_REQUIRE(r.status == 0, r.err);
  auto j = nlohmann::json::parse(run_quire({"codings", p, "--code", "Purpose", "--json"}).out);
  BOOST_TEST_REQUIRE(j.size() == 1u);
  BOOST_TEST(j[0]["text"] == "government\xE2\x80\x99s plan");
  BOOST_TEST(j[0]["memo"] == "political motive");
  BOOST_TEST(run_quire({"undo", p}).status == 0);
  BOOST_TEST(nlohmann::json::parse(run_quire({"codings", p, "--json"}).out).empty());
  BOOST_TEST(run_quire({"redo", p}).status == 0);
  BOOST_TEST(nlohmann::json::parse(run_quire({"codings", p, "--json"}).out).size() == 1u);
}

BOOST_AUTO_TEST_SUITE_END()
