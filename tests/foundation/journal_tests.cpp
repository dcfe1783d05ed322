// The change journal: two connections to one project (as two programs
// would have) see each other's changes, in order, through poll_changes and
// before their own commits; an old project is migrated to it.
#include <sqlite3.h>

#include "quire/model/codebook.h"
#include "quire/model/coding.h"
#include "quire/model/documents.h"
#include "quire/model/memos.h"
#include "quire/store/history.h"
#include "quire/store/project.h"
#include "support/test_support.h"

using namespace quire;
using quire::test::TempDir;

namespace {

/// Everything a project's listeners were told.
struct Heard {
  std::vector<ChangeSet> changes;
  explicit Heard(Project& p) {
    p.subscribe([this](const ChangeSet& c) { changes.push_back(c); });
  }
};

} // namespace

BOOST_AUTO_TEST_SUITE(change_journal)

BOOST_AUTO_TEST_CASE(another_connections_changes_are_polled_in_order) {
  TempDir dir;
  auto file = dir / "j.quire";
  { Project::create(file); }
  auto a = Project::open(file);
  auto b = Project::open(file);
  Heard heard(b);
  BOOST_TEST(!b.poll_changes()); // nothing yet
  auto doc = add_text_document(a, "doc", "One two three.\n\nFour five six.");
  auto code = add_code(a, "Purpose");
  code_range(a, doc, 0, 3, code);
  add_memo(a, MemoTarget::Project, {}, "a memo: not searched, still journalled");
  BOOST_TEST(b.poll_changes());
  BOOST_TEST_REQUIRE(heard.changes.size() == 4u);
  for (const auto& c : heard.changes) {
    BOOST_TEST(c.external);
    BOOST_TEST(!c.everything);
  }
  BOOST_TEST(heard.changes[0].tables.count("document") == 1u);
  BOOST_TEST(heard.changes[0].documents.count(doc) == 1u);
  BOOST_TEST(heard.changes[1].tables.count("code") == 1u);
  BOOST_TEST(heard.changes[2].tables.count("coding") == 1u);
  BOOST_TEST(heard.changes[2].codings.size() == 1u);
  BOOST_TEST(heard.changes[3].tables.count("memo") == 1u);
  BOOST_TEST(heard.changes[3].generation == a.generation());
  BOOST_TEST(!b.poll_changes()); // told once
  heard.changes.clear();
  undo(a);
  BOOST_TEST(b.poll_changes());
  BOOST_TEST_REQUIRE(heard.changes.size() == 1u);
  BOOST_TEST(heard.changes[0].undo_or_redo);
}

BOOST_AUTO_TEST_CASE(a_commit_tells_of_earlier_external_changes_first) {
  TempDir dir;
  auto file = dir / "j.quire";
  { Project::create(file); }
  auto a = Project::open(file);
  auto b = Project::open(file);
  Heard heard(b);
  auto doc = add_text_document(a, "doc", "One two three.");
  add_code(b, "Mine");
  BOOST_TEST_REQUIRE(heard.changes.size() == 2u);
  BOOST_TEST(heard.changes[0].external);
  BOOST_TEST(heard.changes[0].documents.count(doc) == 1u);
  BOOST_TEST(!heard.changes[1].external);
  BOOST_TEST(heard.changes[1].tables.count("code") == 1u);
  BOOST_TEST(heard.changes[1].generation == heard.changes[0].generation + 1);
  BOOST_TEST(!b.poll_changes());
}

BOOST_AUTO_TEST_CASE(a_reader_far_behind_is_told_everything_changed) {
  TempDir dir;
  auto file = dir / "j.quire";
  { Project::create(file); }
  auto a = Project::open(file);
  auto b = Project::open(file);
  Heard heard(b);
  add_text_document(a, "doc", "One two three.");
  // The journal keeps a bounded number of generations; one pruned away
  // (as a much older one would be) cannot be told apart.
  sqlite3* raw = nullptr;
  BOOST_TEST_REQUIRE(sqlite3_open(file.c_str(), &raw) == SQLITE_OK);
  BOOST_TEST(sqlite3_exec(raw, "DELETE FROM change_journal", nullptr, nullptr, nullptr) ==
             SQLITE_OK);
  sqlite3_close(raw);
  BOOST_TEST(b.poll_changes());
  BOOST_TEST_REQUIRE(heard.changes.size() == 1u);
  BOOST_TEST(heard.changes[0].everything);
  BOOST_TEST(!heard.changes[0].empty());
}

BOOST_AUTO_TEST_CASE(undo_steps_record_their_coder) {
  TempDir dir;
  auto file = dir / "j.quire";
  auto p = Project::create(file);
  p.set_session_coder("alice");
  add_code(p, "Purpose");
  sqlite3* raw = nullptr;
  BOOST_TEST_REQUIRE(sqlite3_open(file.c_str(), &raw) == SQLITE_OK);
  sqlite3_stmt* s = nullptr;
  sqlite3_prepare_v2(raw, "SELECT coder, done_at FROM undo_step ORDER BY id DESC LIMIT 1", -1, &s,
                     nullptr);
  BOOST_TEST_REQUIRE(sqlite3_step(s) == SQLITE_ROW);
  BOOST_TEST(std::string(reinterpret_cast<const char*>(sqlite3_column_text(s, 0))) == "alice");
  BOOST_TEST(sqlite3_column_int64(s, 1) == p.generation());
  sqlite3_finalize(s);
  sqlite3_close(raw);
}

BOOST_AUTO_TEST_SUITE_END()
