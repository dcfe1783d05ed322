// The CLI words each error's hint in its own commands and flags: the real
// `quire` binary, run as a person would.
#include <boost/test/unit_test.hpp>

#include "support/test_support.h"

using quire::test::run_quire;
using quire::test::TempDir;

namespace {

struct Cli {
  TempDir dir;
  std::string p = (dir / "cli.quire").string();
  Cli() { BOOST_REQUIRE(run_quire({"init", p}).status == 0); }
  std::string file(const std::string& name, const std::string& bytes) {
    quire::test::write_file(dir / name, bytes);
    return (dir / name).string();
  }
  /// stderr of a command that must fail with exit code 1.
  std::string fails(const std::vector<std::string>& args) {
    auto r = run_quire(args);
    BOOST_TEST(r.status == 1, r.err);
    BOOST_TEST(r.err.rfind("quire: error: ", 0) == 0u, r.err);
    return r.err;
  }
};

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

} // namespace

BOOST_AUTO_TEST_SUITE(cli_hints)

BOOST_AUTO_TEST_CASE(the_cli_prints_the_message_then_its_flag_hint) {
  Cli c;
  auto t = c.file("i.txt", "We met at the garden.\n\nIt rained.\n");
  BOOST_TEST_REQUIRE(run_quire({"import", c.p, t}).status == 0);
  BOOST_TEST_REQUIRE(
      run_quire({"code", c.p, "--doc", "i", "--range", "0:5", "--code", "Place", "--create"})
          .status == 0);

  // The same lines as before the hint moved out of the message.
  BOOST_TEST(has(c.fails({"codes", "delete", c.p, "Place"}),
                 "quire: error: code 'Place' has 0 subcode(s) and 1 coding(s); use --force to "
                 "delete them too (it can be undone)\n"));
  BOOST_TEST(has(c.fails({"codes", "delete", c.p, "Nope"}),
                 "no code 'Nope' (see 'quire codes list'; add it with 'quire codes add')\n"));
  BOOST_TEST(has(c.fails({"import", c.p, t}),
                 "was already imported into this project (same content). Use --again to import "
                 "another copy, or --replace to replace the earlier import"));
  auto no_id = c.file("no-id.csv", "Colour,Size\nred,1\nred,2\nblue,2\n");
  BOOST_TEST(has(c.fails({"import", c.p, no_id}),
                 "Add an ID column to the file, name one with --id-column, or name respondents "
                 "by their row with --id-column '#row'\n"));
  auto plain = c.file("stamps.txt", "00:00:05\n"); // a time, no turn
  BOOST_TEST(has(c.fails({"import", c.p, plain, "--as", "transcript"}),
                 "no transcript turns found; import it as plain text (--as text)\n"));
  BOOST_TEST(
      has(c.fails({"export", c.p, (c.dir / "m.xlsx").string(), "--matrix", "colums=cases"}),
          "quire: error: matrix 'colums=cases': cannot read 'colums=cases'; write e.g. --matrix "
          "\"rows=codes cols=attr:Role cell=cases\"\n"));
  BOOST_TEST(has(c.fails({"export", c.p, (c.dir / "t.csv").string(), "--table", "matrix"}),
                 "needs exactly one matrix (0 given); write e.g. --matrix"));
  BOOST_TEST(has(c.fails({"info", (c.dir / "none.quire").string()}),
                 "no such project: " + (c.dir / "none.quire").string() +
                     " (create one with 'quire init')\n"));
  // A hint never shows twice, and a message without one gets nothing added.
  auto once = c.fails({"codes", "delete", c.p, "Place"});
  BOOST_TEST(once.find("--force") == once.rfind("--force"));
}

BOOST_AUTO_TEST_SUITE_END()
