// Undo to here: the coder's steps back to a chosen one, each an ordinary
// undo, all or nothing when another coder's later work is in the way; and
// `quire undo --to`.
#include <string>
#include <vector>

#include "quire/base/error.h"
#include "quire/model/codebook.h"
#include "quire/model/coding.h"
#include "quire/model/documents.h"
#include "quire/store/history.h"
#include "quire/store/project.h"
#include "support/project_snapshot.h"
#include "support/test_support.h"

using namespace quire;
using quire::test::project_snapshot;
using quire::test::run_quire;
using quire::test::TempDir;

namespace {

std::filesystem::path team_file(const TempDir& dir) {
  auto file = dir / "team.quire";
  auto p = Project::create(file);
  p.set_session_coder("lead");
  add_text_document(p, "d", "The network helps me when I have no time at all to plan.");
  add_code(p, "A");
  return file;
}

Project as(const std::filesystem::path& file, const std::string& coder) {
  auto p = Project::open(file);
  p.set_session_coder(coder);
  return p;
}

Id step_named(const Project& p, const std::string& name) {
  for (const auto& e : history(p)) {
    if (e.name == name) {
      return e.id;
    }
  }
  BOOST_FAIL("no step " + name);
  return 0;
}

using Strings = std::vector<std::string>;

} // namespace

BOOST_AUTO_TEST_SUITE(undo_to_here)

BOOST_AUTO_TEST_CASE(undoes_own_steps_newest_first_and_redo_brings_them_back_one_by_one) {
  TempDir dir;
  auto file = team_file(dir);
  auto alice = as(file, "alice");
  auto bob = as(file, "bob");
  Id a = find_code(alice, "A").id;
  code_range(alice, 1, 0, 3, a);  // The
  code_range(bob, 1, 20, 22, a);  // me
  code_range(alice, 1, 4, 11, a); // network
  add_code(alice, "B");
  auto target = step_named(alice, "Code \u201cThe\u201d as A");
  auto names = undo_to(alice, target);
  BOOST_TEST(names == (Strings{"Add code 'B'", "Code \u201cnetwork\u201d as A",
                               "Code \u201cThe\u201d as A"}),
             boost::test_tools::per_element());
  // Bob's coding stays; alice's are gone.
  auto left = list_codings(alice, {});
  BOOST_TEST_REQUIRE(left.size() == 1u);
  BOOST_TEST(left[0].coding.coder == "bob");
  BOOST_TEST(!try_find_code(alice, "B").has_value());
  // Ordinary undos: redo walks them back oldest first, one at a time.
  BOOST_TEST(*redo(alice) == "Code \u201cThe\u201d as A");
  BOOST_TEST(list_codings(alice, {}).size() == 2u);
  BOOST_TEST(*redo(alice) == "Code \u201cnetwork\u201d as A");
  BOOST_TEST(*redo(alice) == "Add code 'B'");
  BOOST_TEST(list_codings(alice, {}).size() == 3u);
  BOOST_TEST(!redo(alice).has_value());
}

BOOST_AUTO_TEST_CASE(refused_when_a_colleagues_later_change_is_in_the_way_and_nothing_undone) {
  TempDir dir;
  auto file = team_file(dir);
  auto alice = as(file, "alice");
  auto bob = as(file, "bob");
  Id a = find_code(alice, "A").id;
  code_range(alice, 1, 0, 20, a);      // step 1 of alice
  uncode_range(bob, 1, 5, 8, a, true); // bob splits it
  code_range(alice, 1, 40, 44, a);     // alice's later step: undoable on its own
  auto before = project_snapshot(alice);
  auto steps = history(alice);
  auto gen = alice.generation();
  try {
    undo_to(alice, step_named(alice, "Code \u201cThe network helps me\u201d as A"));
    BOOST_FAIL("undo to a step under bob's change was not refused");
  } catch (const UndoConflict& e) {
    BOOST_TEST(e.coder() == "bob");
    BOOST_TEST(e.step() == "Uncode \u201cetw\u201d from A");
    BOOST_TEST(std::string(e.what()).find(
                   "\u201cCode \u201cThe network helps me\u201d as A\u201d") != std::string::npos);
  }
  // Not even the later, free step was undone.
  BOOST_TEST(project_snapshot(alice) == before);
  BOOST_TEST(alice.generation() == gen);
  auto after = history(alice);
  BOOST_TEST_REQUIRE(after.size() == steps.size());
  for (std::size_t i = 0; i < after.size(); ++i) {
    BOOST_TEST(after[i].undone == steps[i].undone);
  }
}

BOOST_AUTO_TEST_CASE(refuses_a_colleagues_step_an_undone_one_and_an_unknown_one) {
  TempDir dir;
  auto file = team_file(dir);
  auto alice = as(file, "alice");
  auto bob = as(file, "bob");
  Id a = find_code(alice, "A").id;
  code_range(bob, 1, 0, 3, a);
  code_range(alice, 1, 4, 11, a);
  auto before = project_snapshot(alice);
  BOOST_CHECK_THROW(undo_to(alice, step_named(alice, "Code \u201cThe\u201d as A")), InputError);
  BOOST_CHECK_THROW(undo_to(alice, 9999), InputError);
  BOOST_TEST(project_snapshot(alice) == before);
  undo(alice);
  BOOST_CHECK_THROW(undo_to(alice, step_named(alice, "Code \u201cnetwork\u201d as A")), InputError);
}

BOOST_AUTO_TEST_CASE(cli_undo_to_step) {
  TempDir dir;
  auto file = team_file(dir);
  {
    auto p = as(file, "lead");
    add_code(p, "B");
    add_code(p, "C");
  }
  Id b = 0;
  {
    auto p = Project::open(file);
    b = step_named(p, "Add code 'B'");
  }
  auto r = run_quire({"undo", file.string(), "--coder", "lead", "--to", std::to_string(b)});
  BOOST_TEST(r.status == 0);
  BOOST_TEST(r.out == "Undid: Add code 'C'\nUndid: Add code 'B'\n");
  auto p = Project::open(file);
  BOOST_TEST(!try_find_code(p, "B").has_value());
  BOOST_TEST(try_find_code(p, "A").has_value());
  auto bad = run_quire({"undo", file.string(), "--to", "9999"});
  BOOST_TEST(bad.status != 0);
  BOOST_TEST(bad.err.find("no step 9999") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
