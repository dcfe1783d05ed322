// Undo and redo of every kind of action, across closing and reopening.
#include <functional>

#include "core/cases.h"
#include "core/codebook.h"
#include "core/coding.h"
#include "core/documents.h"
#include "core/error.h"
#include "core/history.h"
#include "core/memos.h"
#include "core/project.h"
#include "support/project_snapshot.h"
#include "support/test_support.h"

using namespace quire;
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
