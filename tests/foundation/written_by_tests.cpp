// The project file says which Quire made it and which last changed it
// (issue 18.4): a new file, a change, opening without changing, a file of
// format 3 (before it was recorded) brought to format 4, and `quire info`.
#include <sqlite3.h>

#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include "quire/base/error.h"
#include "quire/model/documents.h"
#include "quire/store/project.h"
#include "quire_version.h"
#include "raw_sql.h"
#include "support/test_support.h"

using namespace quire;
using quire::test::sql;
using quire::test::TempDir;

namespace {

std::string text_of(const std::filesystem::path& file, const std::string& query) {
  sqlite3* db = nullptr;
  BOOST_REQUIRE(sqlite3_open(file.c_str(), &db) == SQLITE_OK);
  sqlite3_stmt* s = nullptr;
  BOOST_REQUIRE(sqlite3_prepare_v2(db, query.c_str(), -1, &s, nullptr) == SQLITE_OK);
  std::string out;
  if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_text(s, 0)) {
    out = reinterpret_cast<const char*>(sqlite3_column_text(s, 0));
  }
  sqlite3_finalize(s);
  sqlite3_close(db);
  return out;
}

} // namespace

BOOST_AUTO_TEST_SUITE(written_by)

BOOST_AUTO_TEST_CASE(a_new_file_says_this_quire_made_and_wrote_it) {
  TempDir dir;
  auto p = Project::create(dir / "new.quire");
  BOOST_TEST(p.created_by() == QUIRE_VERSION_STRING);
  BOOST_TEST(p.written_by() == QUIRE_VERSION_STRING);
}

BOOST_AUTO_TEST_CASE(every_change_stamps_the_file_and_opening_alone_does_not) {
  TempDir dir;
  auto file = dir / "study.quire";
  Project::create(file);
  // As if another (earlier) Quire had made the file and changed it last.
  sql(file, "UPDATE project_info SET created_by = '0.0.7', written_by = '0.0.9'");
  {
    auto p = Project::open(file);
    BOOST_TEST(p.written_by() == "0.0.9"); // opened, nothing changed: not stamped
    BOOST_TEST(p.created_by() == "0.0.7");
  }
  BOOST_TEST(text_of(file, "SELECT written_by FROM project_info") == "0.0.9");
  {
    auto p = Project::open(file);
    add_text_document(p, "one", "A change made by this Quire.");
    BOOST_TEST(p.written_by() == QUIRE_VERSION_STRING);
    BOOST_TEST(p.created_by() == "0.0.7"); // who made it does not change
  }
  BOOST_TEST(text_of(file, "SELECT written_by FROM project_info") == QUIRE_VERSION_STRING);
}

BOOST_AUTO_TEST_CASE(a_format_3_file_is_brought_to_format_4_and_says_so) {
  TempDir dir;
  auto file = dir / "old.quire";
  {
    auto p = Project::create(file);
    add_text_document(p, "kept", "Text written before format 4.");
  }
  // Exactly a format 3 file: project_info without the two columns.
  sql(file, "ALTER TABLE project_info DROP COLUMN created_by;"
            "ALTER TABLE project_info DROP COLUMN written_by;"
            "PRAGMA user_version = 3;");
  BOOST_TEST_REQUIRE(text_of(file, "PRAGMA user_version") == "3");
  {
    auto p = Project::open(file);
    BOOST_TEST(std::filesystem::exists(dir / "old.quire.v3.bak"));
    BOOST_TEST(p.created_by() == "");                   // not known
    BOOST_TEST(p.written_by() == QUIRE_VERSION_STRING); // the migration wrote it
    BOOST_TEST(list_documents(p).size() == 1u);
    add_text_document(p, "new", "After the upgrade."); // and it works on
    BOOST_TEST(list_documents(p).size() == 2u);
  }
  BOOST_TEST(text_of(file, "PRAGMA user_version") == std::to_string(Project::schema_version));
  // The copy kept is the file as it was: format 3.
  BOOST_TEST(text_of(dir / "old.quire.v3.bak", "PRAGMA user_version") == "3");
  // `quire info` words it.
  auto r = quire::test::run_quire({"info", file.string()});
  BOOST_TEST(r.status == 0, r.err);
  BOOST_TEST(r.out.find("Made by    an older Quire (it did not record which)") != std::string::npos,
             r.out);
  BOOST_TEST(r.out.find(std::string("Written by Quire ") + QUIRE_VERSION_STRING) !=
                 std::string::npos,
             r.out);
  auto j = nlohmann::json::parse(quire::test::run_quire({"info", file.string(), "--json"}).out);
  BOOST_TEST(j["created_by"].is_null());
  BOOST_TEST(j["written_by"] == QUIRE_VERSION_STRING);
  BOOST_TEST(j["schema_version"] == Project::schema_version);
}

BOOST_AUTO_TEST_CASE(a_file_of_a_newer_format_is_refused_saying_what_to_do) {
  TempDir dir;
  auto file = dir / "future.quire";
  Project::create(file);
  sql(file, "PRAGMA user_version = " + std::to_string(Project::schema_version + 1));
  try {
    Project::open(file);
    BOOST_FAIL("a file of a newer format was opened");
  } catch (const StorageError& e) {
    BOOST_TEST(int(e.kind()) == int(StorageError::Kind::NewerVersion));
    const std::string m = e.what();
    BOOST_TEST(m.find("newer Quire") != std::string::npos, m);
    BOOST_TEST(m.find("Update Quire") != std::string::npos, m);
  }
  // And `quire info` says the same, leaving the file as it was.
  auto r = quire::test::run_quire({"info", file.string()});
  BOOST_TEST(r.status == 1);
  BOOST_TEST(r.err.find("written by a newer Quire") != std::string::npos, r.err);
  BOOST_TEST(text_of(file, "PRAGMA user_version") == std::to_string(Project::schema_version + 1));
}

BOOST_AUTO_TEST_SUITE_END()
