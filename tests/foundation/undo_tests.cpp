// Undo and redo of every kind of action, across closing and reopening; undo
// per coder; one user action is one step; two programs undoing at once.
#include <sqlite3.h>

#include <functional>
#include <nlohmann/json.hpp>

#include "quire/base/error.h"
#include "quire/model/cases.h"
#include "quire/model/codebook.h"
#include "quire/model/coding.h"
#include "quire/model/documents.h"
#include "quire/model/memos.h"
#include "quire/store/history.h"
#include "quire/store/project.h"
#include "support/project_snapshot.h"
#include "support/test_support.h"

using namespace quire;
using quire::test::run_program;
using quire::test::run_quire;
using quire::test::TempDir;

using quire::test::project_snapshot;

BOOST_AUTO_TEST_SUITE(undo_redo)

BOOST_AUTO_TEST_CASE(every_action_undoes_and_redoes_across_reopen) {
  TempDir dir;
  auto file = dir / "u.quire";
  { Project::create(file); }
  // Each step acts on a freshly opened project, as the CLI does.
  std::vector<std::pair<std::string, std::function<void(Project&)>>> actions = {
      {"import",
       [](Project& p) { add_text_document(p, "doc", "One two three.\n\nFour five six."); }},
      {"add code", [](Project& p) { add_code(p, "Purpose/Sceptical", "#c0392b", "doubts"); }},
      {"code",
       [](Project& p) { code_range(p, 1, 0, 3, find_code(p, "Purpose/Sceptical").id, "memo"); }},
      {"code merge",
       [](Project& p) { code_range(p, 1, 3, 8, find_code(p, "Purpose/Sceptical").id); }},
      {"uncode split",
       [](Project& p) { uncode_range(p, 1, 4, 6, find_code(p, "Purpose/Sceptical").id); }},
      {"rename", [](Project& p) { rename_code(p, find_code(p, "Purpose").id, "Aims"); }},
      {"recolour",
       [](Project& p) { set_code_color(p, find_code(p, "Aims/Sceptical").id, "#00ff00"); }},
      {"describe", [](Project& p) { set_code_description(p, find_code(p, "Aims").id, "why"); }},
      {"move", [](Project& p) { move_code(p, find_code(p, "Aims/Sceptical").id, std::nullopt); }},
      {"add code 2", [](Project& p) { add_code(p, "Other"); }},
      {"merge",
       [](Project& p) { merge_codes(p, find_code(p, "Sceptical").id, find_code(p, "Other").id); }},
      {"add case", [](Project& p) { add_case(p, "P01"); }},
      {"set attr",
       [](Project& p) {
         set_attribute(p, find_case(p, "P01").id, "Role", Value::of_text("Head"));
       }},
      {"link", [](Project& p) { link_document(p, 1, find_case(p, "P01").id); }},
      {"memo", [](Project& p) { add_memo(p, MemoTarget::Project, {}, "note"); }},
      {"edit memo",
       [](Project& p) { edit_memo(p, list_memos(p, MemoTarget::Project)[0].id, "note 2"); }},
      {"delete code", [](Project& p) { delete_code(p, find_code(p, "Other").id, true); }},
      {"rename doc", [](Project& p) { rename_document(p, 1, "renamed"); }},
      {"delete case", [](Project& p) { delete_case(p, find_case(p, "P01").id); }},
      {"delete doc", [](Project& p) { delete_document(p, 1); }},
  };
  for (auto& [name, act] : actions) {
    BOOST_TEST_CONTEXT("action " << name) {
      std::string before, after;
      {
        auto p = Project::open(file);
        before = project_snapshot(p);
        act(p);
        after = project_snapshot(p);
        BOOST_TEST(before != after);
      }
      {
        auto p = Project::open(file);
        BOOST_TEST(undo(p).has_value());
      }
      {
        auto p = Project::open(file);
        BOOST_TEST(project_snapshot(p) == before);
        BOOST_TEST(redo(p).has_value());
      }
      auto p = Project::open(file);
      BOOST_TEST(project_snapshot(p) == after);
    }
  }
  // Then everything undoes back to an empty project.
  auto p = Project::open(file);
  while (undo(p)) {
  }
  BOOST_TEST(list_documents(p).empty());
  BOOST_TEST(list_codes(p).empty());
  BOOST_TEST(list_cases(p).empty());
}

BOOST_AUTO_TEST_CASE(a_new_action_clears_redo_and_history_is_named) {
  TempDir dir;
  auto p = Project::create(dir / "h.quire");
  Id d = add_text_document(p, "interview-01", "Some words here.");
  Id c = add_code(p, "A");
  code_range(p, d, 0, 4, c);
  BOOST_TEST(*undo_name(p) == "Code 0:4 of 'interview-01' as A");
  undo(p);
  BOOST_TEST(*redo_name(p) == "Code 0:4 of 'interview-01' as A");
  add_code(p, "B");
  BOOST_TEST(!redo_name(p).has_value());
  auto h = history(p);
  BOOST_TEST_REQUIRE(h.size() == 3u);
  BOOST_TEST(h[0].name == "Import 'interview-01' (1 document)");
  BOOST_TEST(h[2].name == "Add code 'B'");
}

BOOST_AUTO_TEST_CASE(a_failed_action_leaves_no_trace) {
  TempDir dir;
  auto p = Project::create(dir / "f.quire");
  add_code(p, "A");
  auto before = project_snapshot(p);
  auto steps = history(p).size();
  BOOST_CHECK_THROW(add_code(p, "A"), InputError);
  BOOST_CHECK_THROW(rename_code(p, find_code(p, "A").id, ""), InputError);
  BOOST_TEST(project_snapshot(p) == before);
  BOOST_TEST(history(p).size() == steps);
}

BOOST_AUTO_TEST_CASE(listeners_hear_what_changed) {
  TempDir dir;
  auto p = Project::create(dir / "l.quire");
  std::vector<ChangeSet> heard;
  p.subscribe([&](const ChangeSet& c) { heard.push_back(c); });
  Id d = add_text_document(p, "d", "Words.");
  Id c = add_code(p, "A");
  auto gen = p.generation();
  code_range(p, d, 0, 3, c);
  BOOST_TEST(p.generation() > gen);
  BOOST_TEST_REQUIRE(heard.size() == 3u);
  BOOST_TEST(heard[2].tables.count("coding") == 1u);
  BOOST_TEST(heard[2].documents.count(d) == 1u);
  undo(p);
  BOOST_TEST(heard.back().undo_or_redo);
  BOOST_TEST(heard.back().documents.count(d) == 1u);
}

BOOST_AUTO_TEST_SUITE_END()

namespace {

/// A project with one document "d" and code "A", made by "lead".
std::filesystem::path team_project(const TempDir& dir) {
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

std::vector<std::string> codings_text(const Project& p) {
  std::vector<std::string> out;
  for (const auto& s : list_codings(p, {})) {
    out.push_back(s.coding.coder + " " + std::to_string(s.coding.start) + ":" +
                  std::to_string(s.coding.end));
  }
  return out;
}

using Strings = std::vector<std::string>;

} // namespace

BOOST_AUTO_TEST_SUITE(undo_per_coder)

BOOST_AUTO_TEST_CASE(each_coder_undoes_and_redoes_their_own_steps) {
  TempDir dir;
  auto file = team_project(dir);
  auto alice = as(file, "alice");
  auto bob = as(file, "bob");
  Id a = find_code(alice, "A").id;
  code_range(alice, 1, 0, 3, a);
  code_range(bob, 1, 4, 11, a);
  BOOST_TEST(*undo_name(alice) == "Code 0:3 of 'd' as A");
  BOOST_TEST(*undo_name(bob) == "Code 4:11 of 'd' as A");

  BOOST_TEST(*undo(alice) == "Code 0:3 of 'd' as A"); // not bob's, the later one
  BOOST_TEST(codings_text(alice) == (Strings{"bob 4:11"}), boost::test_tools::per_element());
  BOOST_TEST(*redo_name(alice) == "Code 0:3 of 'd' as A");
  BOOST_TEST(!redo_name(bob).has_value());
  // Bob's new action does not take alice's redo away.
  add_code(bob, "B");
  BOOST_TEST(*redo(alice) == "Code 0:3 of 'd' as A");
  BOOST_TEST(codings_text(alice) == (Strings{"alice 0:3", "bob 4:11"}),
             boost::test_tools::per_element());

  BOOST_TEST(*undo(bob) == "Add code 'B'");
  BOOST_TEST(*undo(bob) == "Code 4:11 of 'd' as A");
  BOOST_TEST(codings_text(alice) == (Strings{"alice 0:3"}), boost::test_tools::per_element());
  // Bob's own steps only; the project's first steps were lead's.
  BOOST_TEST(!undo(bob).has_value());
  // Redo walks bob's undone steps oldest first.
  BOOST_TEST(*redo(bob) == "Code 4:11 of 'd' as A");

  auto h = history(alice);
  BOOST_TEST_REQUIRE(h.size() == 5u);
  BOOST_TEST(h[0].coder == "lead");
  BOOST_TEST(h[2].coder == "alice");
  BOOST_TEST(h[3].coder == "bob");
  BOOST_TEST(h[4].name == "Add code 'B'");
  BOOST_TEST(h[4].undone);
}

BOOST_AUTO_TEST_CASE(undo_over_another_coders_later_change_is_refused_and_changes_nothing) {
  TempDir dir;
  auto file = team_project(dir);
  auto alice = as(file, "alice");
  auto bob = as(file, "bob");
  Id a = find_code(alice, "A").id;
  code_range(alice, 1, 0, 20, a);
  uncode_range(bob, 1, 5, 8, a, true); // splits alice's coding
  auto before = project_snapshot(alice);
  auto steps = history(alice);
  auto gen = alice.generation();
  try {
    undo(alice);
    BOOST_FAIL("undo over bob's change was not refused");
  } catch (const UndoConflict& e) {
    BOOST_TEST(std::string(e.what()) ==
               "cannot undo \u201cCode 0:20 of 'd' as A\u201d: bob's later step \u201cUncode 5:8 "
               "of 'd' from A\u201d changed the same coding; undo that first, or leave this one");
    BOOST_TEST(e.coder() == "bob");
    BOOST_TEST(e.step() == "Uncode 5:8 of 'd' from A");
  }
  BOOST_TEST(project_snapshot(alice) == before);
  BOOST_TEST(alice.generation() == gen);
  auto after = history(alice);
  BOOST_TEST_REQUIRE(after.size() == steps.size());
  for (std::size_t i = 0; i < after.size(); ++i) {
    BOOST_TEST(after[i].undone == steps[i].undone);
  }
  // Once bob has undone his, alice's undo goes through.
  BOOST_TEST(*undo(bob) == "Uncode 5:8 of 'd' from A");
  BOOST_TEST(*undo(alice) == "Code 0:20 of 'd' as A");
  BOOST_TEST(list_codings(alice, {}).empty());
}

BOOST_AUTO_TEST_CASE(undo_that_would_remove_what_another_coder_used_is_refused) {
  TempDir dir;
  auto file = team_project(dir);
  auto alice = as(file, "alice");
  auto bob = as(file, "bob");
  Id n = add_code(alice, "New");
  code_range(bob, 1, 0, 3, n);
  auto before = project_snapshot(alice);
  try {
    undo(alice);
    BOOST_FAIL("undo of a code bob coded with was not refused");
  } catch (const UndoConflict& e) {
    BOOST_TEST(std::string(e.what()) ==
               "cannot undo \u201cAdd code 'New'\u201d: bob's later step \u201cCode 0:3 of 'd' "
               "as New\u201d made a coding that needs it; undo that first, or leave this one");
  }
  BOOST_TEST(project_snapshot(alice) == before);

  // Undoing an import would delete the codings bob made on its documents.
  Id d2 = add_text_document(alice, "d2", "Second interview about time.");
  code_range(bob, d2, 0, 6, n);
  before = project_snapshot(alice);
  try {
    undo(alice);
    BOOST_FAIL("undo of an import bob coded was not refused");
  } catch (const UndoConflict& e) {
    BOOST_TEST(e.coder() == "bob");
    BOOST_TEST(e.step() == "Code 0:6 of 'd2' as New");
  }
  BOOST_TEST(project_snapshot(alice) == before);
}

BOOST_AUTO_TEST_CASE(redo_over_another_coders_later_change_is_refused) {
  TempDir dir;
  auto file = team_project(dir);
  auto alice = as(file, "alice");
  auto bob = as(file, "bob");
  Id a = find_code(alice, "A").id;
  code_range(alice, 1, 0, 3, a);
  undo(alice);
  // Bob's coding takes the place (the row) alice's undone coding had.
  code_range(bob, 1, 10, 20, a);
  auto before = project_snapshot(alice);
  try {
    redo(alice);
    BOOST_FAIL("redo over bob's coding was not refused");
  } catch (const UndoConflict& e) {
    BOOST_TEST(std::string(e.what()) ==
               "cannot redo \u201cCode 0:3 of 'd' as A\u201d: bob's later step \u201cCode 10:20 "
               "of 'd' as A\u201d changed the same coding; undo that first, or leave this one "
               "undone");
  }
  BOOST_TEST(project_snapshot(alice) == before);
  BOOST_TEST(*redo_name(alice) == "Code 0:3 of 'd' as A");
  undo(bob);
  BOOST_TEST(*redo(alice) == "Code 0:3 of 'd' as A");
  BOOST_TEST(codings_text(alice) == (Strings{"alice 0:3"}), boost::test_tools::per_element());
  // Bob's step now is the one whose rows are no longer as they were.
  try {
    redo(bob);
    BOOST_FAIL("bob's redo over alice's redone coding was not refused");
  } catch (const UndoConflict& e) {
    BOOST_TEST(e.coder() == "alice");
    BOOST_TEST(e.step() == "Code 0:3 of 'd' as A");
  }
}

BOOST_AUTO_TEST_CASE(redo_of_what_another_coder_has_since_undone_the_basis_of_is_refused) {
  TempDir dir;
  auto file = team_project(dir);
  auto alice = as(file, "alice");
  auto bob = as(file, "bob");
  // Alice's coding needs bob's code; bob undoes the code once alice has
  // undone her coding.
  Id b = add_code(bob, "B");
  code_range(alice, 1, 30, 35, b);
  undo(alice);
  BOOST_TEST(*undo(bob) == "Add code 'B'"); // nothing uses it now
  auto before = project_snapshot(alice);
  try {
    redo(alice);
    BOOST_FAIL("redo of a coding whose code bob undid was not refused");
  } catch (const UndoConflict& e) {
    BOOST_TEST(std::string(e.what()) ==
               "cannot redo \u201cCode 30:35 of 'd' as B\u201d: bob has since undone \u201cAdd "
               "code 'B'\u201d, which changed the same code; redo that first, or leave this one "
               "undone");
  }
  BOOST_TEST(project_snapshot(alice) == before);
  BOOST_TEST(*redo(bob) == "Add code 'B'");
  BOOST_TEST(*redo(alice) == "Code 30:35 of 'd' as B");
  BOOST_TEST(codings_text(alice) == (Strings{"alice 30:35"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(steps_from_before_coders_were_recorded_belong_to_everyone) {
  TempDir dir;
  auto file = team_project(dir); // lead: import, add code A
  {
    auto p = as(file, "lead");
    code_range(p, 1, 0, 3, find_code(p, "A").id);
  }
  {
    // As a file from before schema 3 has them: steps without a coder.
    sqlite3* db = nullptr;
    BOOST_TEST_REQUIRE(sqlite3_open(file.string().c_str(), &db) == SQLITE_OK);
    BOOST_TEST(sqlite3_exec(db, "UPDATE undo_step SET coder = NULL, done_at = 0", nullptr, nullptr,
                            nullptr) == SQLITE_OK);
    sqlite3_close(db);
  }
  auto alice = as(file, "alice");
  auto bob = as(file, "bob");
  BOOST_TEST(history(alice)[0].coder == "");
  BOOST_TEST(*undo_name(bob) == "Code 0:3 of 'd' as A");
  BOOST_TEST(*undo(bob) == "Code 0:3 of 'd' as A");
  BOOST_TEST(*redo_name(alice) == "Code 0:3 of 'd' as A");
  BOOST_TEST(*undo(alice) == "Add code 'A'");
  // A new action of alice's drops the undone steps without a coder too.
  add_code(alice, "Z");
  BOOST_TEST(!redo_name(bob).has_value());
  BOOST_TEST(history(bob).size() == 2u);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(one_action_one_step)

BOOST_AUTO_TEST_CASE(coding_with_a_new_code_is_one_step) {
  TempDir dir;
  auto p = Project::create(dir / "n.quire");
  Id d = add_text_document(p, "d", "Some words here.");
  auto before = project_snapshot(p);
  auto r = code_range_creating(p, d, 0, 4, "Fresh/Idea");
  BOOST_TEST(get_code(p, get_coding(p, r.coding_id).code_id).path == "Fresh/Idea");
  BOOST_TEST(*undo_name(p) == "Code 0:4 of 'd' as Fresh/Idea (new code)");
  BOOST_TEST(*undo(p) == "Code 0:4 of 'd' as Fresh/Idea (new code)");
  BOOST_TEST(project_snapshot(p) == before);
  // With a code that exists, it is a plain coding.
  add_code(p, "Old");
  code_range_creating(p, d, 5, 10, "Old");
  BOOST_TEST(*undo_name(p) == "Code 5:10 of 'd' as Old");
  // A failure after the code would have been made leaves no code.
  auto steps = history(p).size();
  before = project_snapshot(p);
  BOOST_CHECK_THROW(code_range_creating(p, d, 5, 500, "Never/Made"), InputError);
  BOOST_CHECK_THROW(code_range_creating(p, d, 0, 4, "Bad//Path"), InputError);
  BOOST_TEST(project_snapshot(p) == before);
  BOOST_TEST(history(p).size() == steps);
}

BOOST_AUTO_TEST_CASE(the_cli_codes_with_a_new_code_in_one_step) {
  TempDir dir;
  auto proj = (dir / "c.quire").string();
  BOOST_TEST_REQUIRE(run_quire({"init", proj}).status == 0);
  quire::test::write_file(dir / "talk.txt", "We meet at the cafe when there is time.");
  BOOST_TEST_REQUIRE(run_quire({"import", proj, (dir / "talk.txt").string()}).status == 0);
  std::string before;
  {
    auto p = Project::open(proj);
    before = project_snapshot(p);
  }
  auto r = run_quire(
      {"code", proj, "--doc", "talk", "--match", "cafe", "--code", "Place/Cafe", "--create"});
  BOOST_TEST_REQUIRE(r.status == 0, r.err);
  r = run_quire({"undo", proj});
  BOOST_TEST(r.out == "Undid: Code 15:19 of 'talk' as Place/Cafe (new code)\n");
  {
    auto p = Project::open(proj);
    BOOST_TEST(project_snapshot(p) == before); // neither the code nor the coding
    BOOST_TEST(list_codes(p).empty());
  }
  // An offset out of range after --create: refused, and no code left behind.
  r = run_quire(
      {"code", proj, "--doc", "talk", "--range", "10:900", "--code", "Place/Cafe", "--create"});
  BOOST_TEST(r.status == 1);
  BOOST_TEST(r.err.find("is not inside document 'talk'") != std::string::npos, r.err);
  auto p = Project::open(proj);
  BOOST_TEST(list_codes(p).empty());
  BOOST_TEST(project_snapshot(p) == before);
}

BOOST_AUTO_TEST_CASE(the_cli_sets_an_attribute_of_a_new_case_in_one_step) {
  TempDir dir;
  auto proj = (dir / "k.quire").string();
  BOOST_TEST_REQUIRE(run_quire({"init", proj}).status == 0);
  quire::test::write_file(dir / "talk.txt", "We meet at the cafe.");
  BOOST_TEST_REQUIRE(run_quire({"import", proj, (dir / "talk.txt").string()}).status == 0);
  std::string before;
  {
    auto p = Project::open(proj);
    before = project_snapshot(p);
  }
  BOOST_TEST_REQUIRE(
      run_quire({"cases", "set", proj, "P01", "Age", "34", "--type", "number"}).status == 0);
  auto r = run_quire({"undo", proj});
  BOOST_TEST(r.out == "Undid: Set Age of case 'P01' to '34' (new case)\n");
  {
    auto p = Project::open(proj);
    BOOST_TEST(project_snapshot(p) == before);
  }
  // A value that does not fit: refused before the new case is made.
  r = run_quire({"cases", "set", proj, "P03", "Born", "yesterday", "--type", "date"});
  BOOST_TEST(r.status == 1);
  {
    auto p = Project::open(proj);
    BOOST_TEST(project_snapshot(p) == before);
  }
  BOOST_TEST_REQUIRE(run_quire({"cases", "link", proj, "talk", "P02"}).status == 0);
  r = run_quire({"undo", proj});
  BOOST_TEST(r.out == "Undid: Link 'talk' to case 'P02' (new case)\n");
  auto p = Project::open(proj);
  BOOST_TEST(project_snapshot(p) == before);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(undo_from_the_cli)

BOOST_AUTO_TEST_CASE(undo_and_redo_act_as_the_coder_and_history_names_them) {
  TempDir dir;
  auto proj = (dir / "t.quire").string();
  BOOST_TEST_REQUIRE(run_quire({"init", proj}).status == 0);
  quire::test::write_file(dir / "talk.txt", "We meet at the cafe when there is time.");
  BOOST_TEST_REQUIRE(
      run_quire({"import", proj, (dir / "talk.txt").string(), "--coder", "lead"}).status == 0);
  BOOST_TEST_REQUIRE(run_quire({"codes", "add", proj, "A", "--coder", "lead"}).status == 0);
  BOOST_TEST_REQUIRE(run_quire({"code", proj, "--doc", "talk", "--range", "0:2", "--code", "A",
                                "--coder", "alice"})
                         .status == 0);
  BOOST_TEST_REQUIRE(
      run_quire({"code", proj, "--doc", "talk", "--range", "3:7", "--code", "A", "--coder", "bob"})
          .status == 0);
  auto r = run_quire({"undo", proj, "--coder", "alice"});
  BOOST_TEST(r.out == "Undid: Code 0:2 of 'talk' as A\n", r.err);
  auto j = nlohmann::json::parse(run_quire({"codings", proj, "--json", "--all-coders"}).out);
  BOOST_TEST_REQUIRE(j.size() == 1u);
  BOOST_TEST(j[0]["coder"] == "bob");
  r = run_quire({"undo", proj, "--coder", "alice"});
  BOOST_TEST(r.out == "Nothing to undo for alice\n");
  // The default coder ($QUIRE_CODER here) when there is no --coder.
  r = run_quire({"redo", proj}, {{"QUIRE_CODER", "alice"}});
  BOOST_TEST(r.out == "Redid: Code 0:2 of 'talk' as A\n", r.err);

  // Bob splits alice's coding; alice's undo is refused, exit code 1.
  BOOST_TEST_REQUIRE(run_quire({"uncode", proj, "--doc", "talk", "--range", "1:2", "--code", "A",
                                "--all-coders", "--coder", "bob"})
                         .status == 0);
  auto digest = quire::test::file_digest(proj);
  r = run_quire({"undo", proj, "--coder", "alice"});
  BOOST_TEST(r.status == 1);
  BOOST_TEST(r.err == "quire: error: cannot undo \u201cCode 0:2 of 'talk' as A\u201d: bob's later "
                      "step \u201cUncode 1:2 of 'talk' from A\u201d changed the same coding; undo "
                      "that first, or leave this one\n");
  BOOST_TEST(quire::test::file_digest(proj) == digest);

  auto h = nlohmann::json::parse(run_quire({"history", proj, "--json"}).out);
  BOOST_TEST_REQUIRE(h.size() == 5u);
  BOOST_TEST(h[0]["coder"] == "lead");
  BOOST_TEST(h[2]["coder"] == "alice");
  BOOST_TEST(h[4]["coder"] == "bob");
  auto table = run_quire({"history", proj}).out;
  BOOST_TEST(table.find("coder") != std::string::npos, table);
  BOOST_TEST(table.find("  bob  ") != std::string::npos, table);
}

BOOST_AUTO_TEST_CASE(two_undos_at_once_undo_two_steps) {
  // Issue 14: two `quire undo` at once both picked the import of the survey;
  // the second "undid" it again and its redo was lost for good.
  TempDir dir;
  auto proj = (dir / "race.quire").string();
  BOOST_TEST_REQUIRE(run_quire({"init", proj}).status == 0);
  quire::test::write_file(dir / "interview.txt",
                          "I have no time to plan.\n\nThe network helps me on Mondays.");
  std::string csv = "id,Role,What helps you most?\n";
  for (int i = 1; i <= 60; ++i) {
    csv += "R" + std::to_string(100 + i) + ",Teacher,Answer number " + std::to_string(i) +
           " talks about time and colleagues.\n";
  }
  quire::test::write_file(dir / "survey.csv", csv);
  BOOST_TEST_REQUIRE(run_quire({"import", proj, (dir / "interview.txt").string()}).status == 0);
  auto r = run_quire({"import", proj, (dir / "survey.csv").string()});
  BOOST_TEST_REQUIRE(r.status == 0, r.err);
  std::string full;
  std::size_t documents = 0;
  {
    auto p = Project::open(proj);
    full = project_snapshot(p);
    documents = list_documents(p).size();
  }
  BOOST_TEST_REQUIRE(documents == 61u);
  const auto cli = std::string(QUIRE_CLI_PATH);
  auto both = [&](const char* cmd) {
    // Two processes at once, as a user with two terminals (or a script) would.
    auto sh = run_program(
        "/bin/sh",
        {"-c", "\"$0\" " + std::string(cmd) + " \"$1\" & \"$0\" " + cmd + " \"$1\"; wait", cli,
         proj});
    BOOST_TEST_REQUIRE(sh.status == 0, sh.err);
  };
  for (int round = 0; round < 20; ++round) {
    BOOST_TEST_CONTEXT("round " << round) {
      both("undo");
      {
        auto p = Project::open(proj);
        BOOST_TEST(list_documents(p).empty());
        auto h = history(p);
        BOOST_TEST_REQUIRE(h.size() == 2u);
        BOOST_TEST((h[0].undone && h[1].undone));
      }
      both("redo");
      auto p = Project::open(proj);
      BOOST_TEST_REQUIRE(project_snapshot(p) == full);
      BOOST_TEST(!redo_name(p).has_value());
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()
