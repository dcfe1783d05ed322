// The project file: refusing what is not ours, migrating older schemas.
#include <sqlite3.h>

#include "core/codebook.h"
#include "core/coding.h"
#include "core/history.h"
#include "core/project_p.h"
#include "core/documents.h"
#include "core/error.h"
#include "core/project.h"
#include "support/test_support.h"

using namespace quire;
using quire::test::TempDir;

namespace {

void sql(const std::filesystem::path& file, const std::string& statements) {
  sqlite3* db = nullptr;
  BOOST_REQUIRE(sqlite3_open(file.c_str(), &db) == SQLITE_OK);
  char* err = nullptr;
  int rc = sqlite3_exec(db, statements.c_str(), nullptr, nullptr, &err);
  std::string msg = err ? err : "";
  sqlite3_free(err);
  sqlite3_close(db);
  BOOST_REQUIRE_MESSAGE(rc == SQLITE_OK, msg);
}

std::string open_error(const std::filesystem::path& file) {
  try {
    Project::open(file);
  } catch (const StorageError& e) {
    return e.what();
  }
  return "(opened)";
}

} // namespace

BOOST_AUTO_TEST_SUITE(project_file)

BOOST_AUTO_TEST_CASE(refuses_what_is_not_a_quire_project) {
  TempDir dir;
  quire::test::write_file(dir / "empty.quire", "");
  BOOST_TEST(open_error(dir / "empty.quire").find("empty") != std::string::npos);
  quire::test::write_file(dir / "text.quire", "hello, this is not a database at all\n");
  BOOST_TEST(open_error(dir / "text.quire").find("not a Quire project") != std::string::npos);
  sql(dir / "other.db", "CREATE TABLE t(x); INSERT INTO t VALUES (1);");
  BOOST_TEST(open_error(dir / "other.db").find("another program") != std::string::npos);
  BOOST_TEST(open_error(dir / "missing.quire").find("no such project") != std::string::npos);
  BOOST_CHECK_THROW(Project::create(dir / "other.db"), StorageError); // never overwrites
}

BOOST_AUTO_TEST_CASE(refuses_newer_and_truncated_files) {
  TempDir dir;
  {
    auto p = Project::create(dir / "new.quire");
    add_text_document(p, "d", std::string(20000, 'x'));
  }
  sql(dir / "new.quire", "PRAGMA user_version = 99;");
  auto digest = quire::test::file_digest(dir / "new.quire");
  BOOST_TEST(open_error(dir / "new.quire").find("newer Quire") != std::string::npos);
  BOOST_TEST(quire::test::file_digest(dir / "new.quire") == digest); // untouched
  {
    auto p = Project::create(dir / "whole.quire");
    for (int i = 0; i < 20; ++i) {
      add_text_document(p, "d" + std::to_string(i), std::string(5000, 'y'));
    }
  }
  auto bytes = quire::test::read_file(dir / "whole.quire");
  quire::test::write_file(dir / "half.quire", bytes.substr(0, bytes.size() / 2));
  BOOST_TEST(open_error(dir / "half.quire").find("truncated") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(migrates_a_version_1_project_and_keeps_a_backup) {
  TempDir dir;
  auto file = dir / "old.quire";
  {
    // A file as Quire's first schema wrote it: text inside the document
    // row, no folders, no import log.
    quire::detail::Db db(file.string(), SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    quire::detail::create_legacy_schema(db, 1);
  }
  sql(file, "INSERT INTO project_info(id, guid, created_at) VALUES (1, 'a0000000-0000-4000-8000-000000000001', '2026-01-01T00:00:00Z');"
            "INSERT INTO document(id, guid, name, kind, imported_at, text, length) VALUES "
            "(1, 'b0000000-0000-4000-8000-000000000001', 'old doc', 'text', '2026-01-01T00:00:00Z', 'Text from an older Quire.', 25);"
            "INSERT INTO passage(guid, document_id, start, end) VALUES ('c0000000-0000-4000-8000-000000000001', 1, 0, 25);"
            "INSERT INTO code(guid, name) VALUES ('d0000000-0000-4000-8000-000000000001', 'Kept');"
            "INSERT INTO coder(guid, name) VALUES ('e0000000-0000-4000-8000-000000000001', 'ann');"
            "INSERT INTO coding(guid, document_id, code_id, start, end, coder_id, created_at) VALUES "
            "('f0000000-0000-4000-8000-000000000001', 1, 1, 5, 9, 1, '2026-01-01T00:00:00Z');");
  auto p = Project::open(file);
  BOOST_TEST(std::filesystem::exists(dir / "old.quire.v1.bak"));
  auto docs = list_documents(p);
  BOOST_TEST_REQUIRE(docs.size() == 1u);
  BOOST_TEST(docs[0].name == "old doc");
  BOOST_TEST(docs[0].folder == "");
  BOOST_TEST(document_text(p, 1) == "Text from an older Quire.");
  BOOST_TEST(find_code(p, "Kept").name == "Kept");
  auto segs = list_codings(p, {});
  BOOST_TEST_REQUIRE(segs.size() == 1u);
  BOOST_TEST(segs[0].text == "from");
  // The migrated file works fully: a new import, undo of it, delete and undo.
  add_text_document(p, "new doc", "After the upgrade.");
  BOOST_TEST(list_documents(p).size() == 2u);
  BOOST_TEST(undo(p).has_value());
  delete_document(p, 1);
  BOOST_TEST(list_documents(p).empty());
  undo(p);
  BOOST_TEST(document_text(p, 1) == "Text from an older Quire.");
  // A second open does not migrate again.
  auto again = Project::open(file);
  BOOST_TEST(!std::filesystem::exists(dir / "old.quire.v1-2.bak"));
}

BOOST_AUTO_TEST_SUITE_END()
