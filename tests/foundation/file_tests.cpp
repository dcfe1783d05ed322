// The project file: refusing what is not ours, migrating older schemas,
// opening whole projects in every WAL state, checks and their messages.
#include <sqlite3.h>

#include <atomic>
#include <functional>
#include <thread>

#include "quire/base/error.h"
#include "quire/model/codebook.h"
#include "quire/model/coding.h"
#include "quire/model/documents.h"
#include "quire/store/check.h"
#include "quire/store/history.h"
#include "quire/store/project.h"
#include "raw_sql.h"
#include "store/project_p.h"
#include "support/test_support.h"

using namespace quire;
using quire::test::sql;
using quire::test::TempDir;

namespace {

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
  auto why = open_error(dir / "half.quire");
  BOOST_TEST(why.find("truncated") != std::string::npos);
  BOOST_TEST(why.find(std::to_string(bytes.size() / 2) + " bytes") != std::string::npos);
  BOOST_TEST(why.find(".bak") == std::string::npos); // there is none
  try {
    Project::open(dir / "half.quire");
  } catch (const StorageError& e) {
    BOOST_TEST(int(e.kind()) == int(StorageError::Kind::Truncated));
  }
}

// Issue 14.4: in WAL mode the newest pages of a project live in NAME.quire-wal
// until a checkpoint copies them into the file. A project in that state is
// whole, and must open.
BOOST_AUTO_TEST_CASE(a_project_whose_newest_pages_are_only_in_the_wal_opens) {
  TempDir dir, copy;
  auto file = dir / "wal.quire";
  {
    auto p = Project::create(file);
    add_text_document(p, "first", std::string(3000, 'a'));
  }
  auto writer = Project::open(file);
  quire::detail::db(writer).exec("PRAGMA wal_autocheckpoint = 0");
  for (int i = 0; i < 40; ++i) {
    add_text_document(writer, "doc " + std::to_string(i), std::string(4000, 'b' + i % 20));
  }
  const auto pages = quire::detail::db(writer).scalar("PRAGMA page_count");
  // The file itself still holds the first state only; the rest is in the WAL.
  BOOST_TEST_REQUIRE(std::filesystem::file_size(file) < std::uintmax_t(pages) * 4096);
  // Copied by another program (cp), as a backup tool would, while the writer is open.
  auto cp = quire::test::run_program(
      "cp", {file.string(), (file.string() + "-wal"), copy.path().string()});
  BOOST_TEST_REQUIRE(cp.status == 0, cp.err);
  // A checkpoint that wrote the new first page and then stopped (a crash, a
  // full disk): the file's header counts pages that are still only in the
  // WAL. Every page is there; the old header check called it truncated.
  // (Made from the copy before anything opens it: closing the last
  // connection checkpoints and removes the WAL.)
  auto bytes = quire::test::read_file(copy / "wal.quire");
  BOOST_TEST_REQUIRE(bytes.size() < std::size_t(pages) * 4096);
  for (int i = 0; i < 4; ++i) {
    bytes[28 + i] = static_cast<char>((std::uint32_t(pages) >> (24 - 8 * i)) & 0xff);
    bytes[92 + i] = bytes[24 + i]; // the page count is valid for this change counter
  }
  quire::test::write_file(copy / "stopped.quire", bytes);
  quire::test::run_program(
      "cp", {(copy / "wal.quire-wal").string(), (copy / "stopped.quire-wal").string()});
  {
    auto again = Project::open(file); // a second connection beside the writer
    BOOST_TEST(list_documents(again).size() == 41u);
  }
  {
    auto p = Project::open(copy / "wal.quire");
    BOOST_TEST(list_documents(p).size() == 41u);
  }
  auto p = Project::open(copy / "stopped.quire");
  BOOST_TEST(list_documents(p).size() == 41u);
  BOOST_TEST(document_text(p, find_document(p, "doc 39").id) == std::string(4000, 'b' + 19));
}

// Issue 14.4: `quire info` in a loop beside a writer whose commits checkpoint
// all the time: never refused.
BOOST_AUTO_TEST_CASE(opening_beside_checkpoints_never_refuses_the_project) {
  TempDir dir;
  auto file = dir / "busy.quire";
  { auto p = Project::create(file); }
  std::atomic<bool> done{false};
  std::thread writer([&] {
    auto w = Project::open(file);
    quire::detail::db(w).exec("PRAGMA wal_autocheckpoint = 16");
    for (int i = 0; i < 60; ++i) {
      add_text_document(w, "doc " + std::to_string(i), std::string(30000, 'a' + i % 26));
    }
    done = true;
  });
  int opened = 0;
  std::vector<std::string> errors;
  while (!done) {
    try {
      auto p = Project::open(file);
      list_documents(p);
      ++opened;
    } catch (const StorageError& e) {
      errors.push_back(e.what());
    }
  }
  writer.join();
  BOOST_TEST(opened > 0);
  BOOST_TEST(errors.empty(), (errors.empty() ? "" : errors.front()));
}

// Issue 14.12: a damaged page in the middle of the file. The whole check
// names it; nothing points to a .bak copy that does not exist.
BOOST_AUTO_TEST_CASE(a_damaged_page_is_found_by_the_check) {
  TempDir dir;
  auto file = dir / "damaged.quire";
  {
    auto p = Project::create(file);
    for (int i = 0; i < 60; ++i) {
      add_text_document(p, "doc " + std::to_string(i), std::string(6000, 'a' + i % 26));
    }
    auto report = check_project(p);
    BOOST_TEST(report.ok());
    BOOST_TEST(report.checks.size() == 4u);
  }
  auto bytes = quire::test::read_file(file);
  const std::size_t page = 4096, pages = bytes.size() / page;
  BOOST_TEST_REQUIRE(pages > 20u);
  // A b-tree page in the middle: its header says what kind it is.
  std::size_t victim = 0;
  for (std::size_t n = pages / 2; n < pages - 2 && !victim; ++n) {
    auto kind = static_cast<unsigned char>(bytes[n * page]);
    if (kind == 0x0d || kind == 0x05 || kind == 0x0a || kind == 0x02) {
      victim = n;
    }
  }
  BOOST_TEST_REQUIRE(victim != 0u);
  for (std::size_t i = 8; i < 200; ++i) {
    bytes[victim * page + i] = static_cast<char>(0xA5);
  }
  quire::test::write_file(file, bytes);

  quire::CheckReport report;
  try {
    auto p = Project::open(file);
    report = check_project(p);
  } catch (const StorageError& e) {
    report = check_unopened(file, e);
  }
  BOOST_TEST_REQUIRE(!report.ok());
  std::string all;
  for (const auto& pr : report.problems) {
    all += pr.check + ": " + pr.message + "\n";
  }
  BOOST_TEST(all.find("damaged") != std::string::npos, all);
  BOOST_TEST(all.find("backup") != std::string::npos, all);
  BOOST_TEST(all.find(".bak") == std::string::npos, all);
}

// Issue 14.9: each reason a project cannot be opened or written has its own
// kind and message (the front ends add their own words by kind).
BOOST_AUTO_TEST_CASE(storage_errors_say_what_happened) {
  TempDir dir;
  auto kind_of = [](const std::function<void()>& f) {
    try {
      f();
    } catch (const StorageError& e) {
      return std::make_pair(e.kind(), std::string(e.what()));
    }
    return std::make_pair(StorageError::Kind::Other, std::string("(no error)"));
  };
  quire::test::write_file(dir / "text.quire", "hello, this is not a database at all\n");
  auto [k1, m1] = kind_of([&] { Project::open(dir / "text.quire"); });
  BOOST_TEST(int(k1) == int(StorageError::Kind::NotAProject), m1);
  sql(dir / "new.quire", "PRAGMA application_id = 1364543826; PRAGMA user_version = 99;"
                         "CREATE TABLE t(x);");
  auto [k2, m2] = kind_of([&] { Project::open(dir / "new.quire"); });
  BOOST_TEST(int(k2) == int(StorageError::Kind::NewerVersion), m2);
  // A read-only project: reading works, changing it says why not.
  {
    auto p = Project::create(dir / "ro.quire");
    add_text_document(p, "kept", "Text that stays readable.");
  }
  auto ro = Project::open(dir / "ro.quire", Project::Access::ReadOnly);
  BOOST_TEST(ro.read_only());
  BOOST_TEST(list_documents(ro).size() == 1u);
  auto [k3, m3] = kind_of([&] { add_text_document(ro, "new", "No."); });
  BOOST_TEST(int(k3) == int(StorageError::Kind::OpenedReadOnly), m3);
  BOOST_TEST(m3.find("nothing was changed") != std::string::npos, m3);
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
  sql(file,
      "INSERT INTO project_info(id, guid, created_at) VALUES (1, "
      "'a0000000-0000-4000-8000-000000000001', '2026-01-01T00:00:00Z');"
      "INSERT INTO document(id, guid, name, kind, imported_at, text, length) VALUES "
      "(1, 'b0000000-0000-4000-8000-000000000001', 'old doc', 'text', '2026-01-01T00:00:00Z', "
      "'Text from an older Quire.', 25);"
      "INSERT INTO passage(guid, document_id, start, end) VALUES "
      "('c0000000-0000-4000-8000-000000000001', 1, 0, 25);"
      "INSERT INTO code(guid, name) VALUES ('d0000000-0000-4000-8000-000000000001', 'Kept');"
      "INSERT INTO coder(guid, name) VALUES ('e0000000-0000-4000-8000-000000000001', 'ann');"
      "INSERT INTO coding(guid, document_id, code_id, start, end, coder_id, created_at) VALUES "
      "('f0000000-0000-4000-8000-000000000001', 1, 1, 5, 9, 1, '2026-01-01T00:00:00Z');");
  auto p = Project::open(file);
  BOOST_TEST(std::filesystem::exists(dir / "old.quire.v1.bak"));
  BOOST_TEST(p.created_by() == ""); // format 1 did not record it
  BOOST_TEST(!p.written_by().empty());
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

namespace {

/// Every value of every row statements return, '|' after each (read-only).
std::string rows_of(const std::filesystem::path& file, const std::string& statement) {
  sqlite3* db = nullptr;
  BOOST_REQUIRE(sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
  sqlite3_stmt* s = nullptr;
  BOOST_REQUIRE(sqlite3_prepare_v2(db, statement.c_str(), -1, &s, nullptr) == SQLITE_OK);
  std::string out;
  while (sqlite3_step(s) == SQLITE_ROW) {
    for (int i = 0; i < sqlite3_column_count(s); ++i) {
      auto t = sqlite3_column_text(s, i);
      out += (t ? reinterpret_cast<const char*>(t) : "") + std::string("|");
    }
  }
  sqlite3_finalize(s);
  sqlite3_close(db);
  return out;
}

} // namespace

BOOST_AUTO_TEST_CASE(a_version_5_project_gets_the_codings_covering_index) {
  TempDir dir;
  auto file = dir / "five.quire";
  Id doc = 0;
  {
    auto p = Project::create(file);
    doc = add_text_document(p, "doc", "Text from a format 5 Quire.");
    code_range(p, doc, 5, 9, add_code(p, "Kept"));
  }
  // Format 5: the codings indexed by document and start only.
  sql(file, "DROP INDEX coding_place; CREATE INDEX coding_doc ON coding(document_id, start);"
            "PRAGMA user_version = 5;");
  const std::string indexes =
      "SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'coding\\_%' "
      "ESCAPE '\\' ORDER BY name";
  // Read-only, it is read as it is: nothing written, no copy kept.
  {
    auto ro = Project::open(file, Project::Access::ReadOnly);
    auto segs = list_codings(ro, {});
    BOOST_TEST_REQUIRE(segs.size() == 1u);
    BOOST_TEST(segs[0].text == "from");
  }
  BOOST_TEST(rows_of(file, "PRAGMA user_version") == "5|");
  BOOST_TEST(rows_of(file, indexes) == "coding_code|coding_doc|");
  BOOST_TEST(!std::filesystem::exists(dir / "five.quire.v5.bak"));
  // Opened to work in, it is migrated after a copy is kept.
  {
    auto p = Project::open(file);
    BOOST_TEST(list_codings(p, {}).size() == 1u);
    code_range(p, doc, 10, 14, find_code(p, "Kept").id);
    BOOST_TEST(list_codings(p, {}).size() == 2u);
  }
  BOOST_TEST(std::filesystem::exists(dir / "five.quire.v5.bak"));
  BOOST_TEST(rows_of(file, "PRAGMA user_version") == std::to_string(Project::schema_version) + "|");
  BOOST_TEST(rows_of(file, indexes) == "coding_code|coding_place|");
  // What the analyses read of every coding comes from the index alone.
  auto plan = rows_of(file, "EXPLAIN QUERY PLAN SELECT id, code_id, document_id, start, end "
                            "FROM coding");
  BOOST_TEST(plan.find("COVERING INDEX coding_place") != std::string::npos, plan);
  plan = rows_of(file, "EXPLAIN QUERY PLAN SELECT start, end, code_id, coder_id FROM coding "
                       "WHERE document_id = 1 AND start < 9 AND end > 5");
  BOOST_TEST(plan.find("COVERING INDEX coding_place") != std::string::npos, plan);
}

BOOST_AUTO_TEST_SUITE_END()
