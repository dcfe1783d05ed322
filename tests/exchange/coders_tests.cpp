// Several coders: who is coding (--coder, $QUIRE_CODER, the project's
// setting), codings listed by coder, other coders' codings hidden or shown.
#include <boost/test/unit_test.hpp>

#include <map>
#include <nlohmann/json.hpp>

#include "exchange_support.h"
#include "quire/base/error.h"
#include "quire/model/codebook.h"
#include "quire/model/coders.h"
#include "quire/model/coding.h"
#include "quire/model/documents.h"
#include "quire/store/history.h"

using namespace quire;
using namespace quire::test;

namespace {

struct CliProject {
  TempDir dir;
  std::string file = (dir / "team.quire").string();
  CliProject() {
    BOOST_TEST_REQUIRE(run_quire({"init", file}).status == 0);
    write_file(dir / "talk.txt", "We met every week. The talk was good, the coffee bad.");
    BOOST_TEST_REQUIRE(run_quire({"import", file, (dir / "talk.txt").string()}).status == 0);
  }
  RunResult code(const std::string& match, const std::vector<std::string>& extra = {},
                 const std::vector<std::pair<std::string, std::string>>& env = {}) {
    std::vector<std::string> args = {"code", file,     "--doc", "talk",    "--match",
                                     match,  "--code", "Theme", "--create"};
    args.insert(args.end(), extra.begin(), extra.end());
    return run_quire(args, env);
  }
  /// "coder:text" of each coding `quire codings` lists (with extra options).
  std::vector<std::string>
  listed(const std::vector<std::string>& extra = {},
         const std::vector<std::pair<std::string, std::string>>& env = {}) {
    std::vector<std::string> args = {"codings", file, "--json"};
    args.insert(args.end(), extra.begin(), extra.end());
    auto r = run_quire(args, env);
    BOOST_TEST_REQUIRE(r.status == 0, r.err);
    std::vector<std::string> out;
    for (const auto& c : nlohmann::json::parse(r.out)) {
      out.push_back(c["coder"].get<std::string>() + ":" + c["text"].get<std::string>());
    }
    std::sort(out.begin(), out.end());
    return out;
  }
};

using Lines = std::vector<std::string>;

} // namespace

BOOST_AUTO_TEST_SUITE(coders)

BOOST_AUTO_TEST_CASE(switching_coder_setting_environment_option) {
  CliProject t;
  // The project's setting ...
  BOOST_TEST_REQUIRE(run_quire({"coder", t.file, "ana"}).status == 0);
  BOOST_TEST(run_quire({"coder", t.file}).out == "ana\n");
  BOOST_TEST_REQUIRE(t.code("We met").status == 0);
  // ... $QUIRE_CODER overrides it, and --coder overrides both.
  BOOST_TEST_REQUIRE(t.code("every week", {}, {{"QUIRE_CODER", "ben"}}).status == 0);
  BOOST_TEST_REQUIRE(t.code("The talk", {"--coder", "carl"}, {{"QUIRE_CODER", "ben"}}).status == 0);
  BOOST_TEST(run_quire({"coder", t.file}, {{"QUIRE_CODER", "ben"}}).out == "ben\n");
  BOOST_TEST((t.listed() == Lines{"ana:We met", "ben:every week", "carl:The talk"}));
  // Listing by coder.
  BOOST_TEST((t.listed({"--by", "ben"}) == Lines{"ben:every week"}));
  auto r = run_quire({"coders", t.file, "--json"});
  BOOST_TEST_REQUIRE(r.status == 0, r.err);
  // Every coder, by name (whoever imported the text is one too, with no
  // codings).
  std::map<std::string, nlohmann::json> by_name;
  for (const auto& c : nlohmann::json::parse(r.out)) {
    by_name[c["name"]] = c;
  }
  BOOST_TEST_REQUIRE(by_name.count("ana") == 1u);
  BOOST_TEST(by_name["ana"]["current"] == true);
  BOOST_TEST(by_name["ana"]["codings"] == 1);
  BOOST_TEST(by_name["ben"]["current"] == false);
  BOOST_TEST(by_name["carl"]["codings"] == 1);
  BOOST_TEST(by_name["carl"]["shown"] == true);
}

BOOST_AUTO_TEST_CASE(hiding_other_coders_codings_in_listings) {
  CliProject t;
  BOOST_TEST_REQUIRE(t.code("We met", {"--coder", "ana"}).status == 0);
  BOOST_TEST_REQUIRE(t.code("every week", {"--coder", "ben"}).status == 0);
  BOOST_TEST_REQUIRE(t.code("The talk", {"--coder", "carl"}).status == 0);

  // Show only ana's and ben's: `quire codings` lists theirs and says so.
  auto r = run_quire({"coders", t.file, "--show", "ana,ben"});
  BOOST_TEST_REQUIRE(r.status == 0, r.err);
  BOOST_TEST(r.out.find("hidden") != std::string::npos, r.out);
  BOOST_TEST((t.listed() == Lines{"ana:We met", "ben:every week"}));
  r = run_quire({"codings", t.file});
  BOOST_TEST(r.out.find("2 coding(s) of ana, ben (other coders hidden") != std::string::npos,
             r.out);
  // --all-coders and --by see past the setting.
  BOOST_TEST(t.listed({"--all-coders"}).size() == 3u);
  BOOST_TEST((t.listed({"--by", "carl"}) == Lines{"carl:The talk"}));

  // Only mine (the current coder's).
  BOOST_TEST_REQUIRE(run_quire({"coders", t.file, "--hide-others", "--coder", "carl"}).status == 0);
  BOOST_TEST((t.listed() == Lines{"carl:The talk"}));
  // Everyone's again.
  BOOST_TEST_REQUIRE(run_quire({"coders", t.file, "--show-all"}).status == 0);
  BOOST_TEST(t.listed().size() == 3u);

  // An unknown coder is refused and the setting stays as it was.
  r = run_quire({"coders", t.file, "--show", "ana,zoe"});
  BOOST_TEST(r.status == 1);
  BOOST_TEST(r.err.find("no coder named 'zoe'") != std::string::npos, r.err);
  BOOST_TEST(t.listed().size() == 3u);
}

BOOST_AUTO_TEST_CASE(shown_coders_setting_is_undoable_and_survives_reopening) {
  TempDir dir;
  auto file = dir / "p.quire";
  {
    auto p = Project::create(file);
    Id d = add_text_document(p, "d", "abcdef");
    Id x = add_code(p, "X");
    for (auto who : {"ana", "ben", "ana, jr"}) { // a name with a comma is fine in core
      p.set_session_coder(who);
      code_range(p, d, 0, 2, x);
    }
    set_shown_coders(p, {"ana", "ana, jr"});
  }
  auto p = Project::open(file);
  BOOST_TEST((shown_coders(p) == Lines{"ana", "ana, jr"}));
  std::map<std::string, CoderSummary> sums;
  for (const auto& s : coder_summaries(p)) {
    sums[s.name] = s;
  }
  BOOST_TEST(sums["ana"].shown);
  BOOST_TEST(sums["ana, jr"].shown);
  BOOST_TEST(sums["ana, jr"].codings == 1);
  BOOST_TEST(!sums["ben"].shown);
  CodingFilter f;
  f.coders = shown_coders(p);
  BOOST_TEST(list_codings(p, f).size() == 2u);
  p.set_session_coder("ana, jr"); // undo is per coder: the setting was hers
  undo(p);
  BOOST_TEST(shown_coders(p).empty());
  BOOST_CHECK_THROW(set_shown_coders(p, {"zoe"}), NotFoundError);
  BOOST_CHECK_THROW(set_shown_coders(p, {"a\nb"}), InputError);
}

BOOST_AUTO_TEST_SUITE_END()
