// Safety copies (core/include/quire/store/safety_copies.h): every destructive or bulk action
// leaves a copy of the state before it, the copy is a whole project, copies
// roll, a failed copy refuses the action, and restore brings a state back
// (and is itself reversible). The CLI's `backups` and `restore` end to end.
#define BOOST_TEST_MODULE safety_tests
#include <boost/test/unit_test.hpp>
#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>

#include <atomic>
#include <thread>

#include <nlohmann/json.hpp>

#include "quire/ingest/exchange.h"
#include "quire/ingest/import_data.h"
#include "quire/model/codebook.h"
#include "quire/model/coding.h"
#include "quire/model/documents.h"
#include "quire/model/memos.h"
#include "quire/search/search_index.h"
#include "quire/store/history.h"
#include "quire/store/project.h"
#include "quire/store/safety_copies.h"
#include "store/project_p.h"
#include "support/project_snapshot.h"
#include "support/test_support.h"

namespace fs = std::filesystem;
using namespace quire;
using quire::test::project_snapshot;
using quire::test::run_quire;
using quire::test::TempDir;

namespace {

/// Two interviews, a code tree with codings on both, and a memo.
Project sample(const fs::path& file) {
  auto p = Project::create(file);
  auto a = add_text_document(p, "Interview 1", "We met online.\n\nThe network was useful.");
  auto b = add_text_document(p, "Interview 2", "Time was short.\n\nColleagues helped.");
  auto purpose = add_code(p, "Purpose");
  auto sceptical = add_code(p, "Purpose/Sceptical");
  code_range(p, a, 0, 14, purpose);
  code_range(p, b, 0, 15, sceptical);
  add_memo(p, MemoTarget::Project, std::nullopt, "Keep an eye on time.");
  return p;
}

/// What PRAGMA integrity_check says of a file, opened on its own.
std::string integrity(const fs::path& file) {
  sqlite3* db = nullptr;
  std::string out = "cannot open";
  if (sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
    sqlite3_stmt* s = nullptr;
    if (sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &s, nullptr) == SQLITE_OK &&
        sqlite3_step(s) == SQLITE_ROW) {
      out = reinterpret_cast<const char*>(sqlite3_column_text(s, 0));
    }
    sqlite3_finalize(s);
  }
  sqlite3_close(db);
  return out;
}

/// The newest copy must hold exactly `before` and be a sound project.
void newest_copy_holds(const fs::path& project, const std::string& before,
                       const std::string& action) {
  auto copies = list_safety_copies(project);
  BOOST_TEST_REQUIRE(!copies.empty());
  const auto& c = copies.back();
  BOOST_TEST(c.action == action);
  BOOST_TEST(c.name.find(".quire") != std::string::npos);
  BOOST_TEST(c.schema == Project::schema_version);
  BOOST_TEST(c.size > 0u);
  BOOST_TEST(integrity(c.file) == "ok");
  auto copy = Project::open(c.file);
  BOOST_TEST(project_snapshot(copy) == before);
}

Id doc_named(const Project& p, const std::string& name) {
  return find_document(p, name).id;
}

ImportData many_passages(int n, const std::string& sha) {
  ImportData data;
  data.source_file = "survey.csv";
  data.kind = "csv";
  data.sha256 = sha;
  ImportedDocument d;
  d.name = "Survey";
  d.kind = DocumentKind::Survey;
  d.sha256 = sha;
  TextBuilder t;
  for (int i = 0; i < n; ++i) {
    t.paragraph_break();
    auto [s, e] = t.append("Answer number " + std::to_string(i) + ".");
    d.passages.push_back({s, e, {}, {}, {}, {}, {}});
  }
  d.text = t.take();
  data.documents.push_back(std::move(d));
  return data;
}

} // namespace

BOOST_AUTO_TEST_SUITE(safety_copies)

BOOST_AUTO_TEST_CASE(deleting_a_document_keeps_a_copy_of_the_state_before) {
  TempDir dir;
  auto file = dir / "study.quire";
  auto p = sample(file);
  auto before = project_snapshot(p);
  delete_document(p, doc_named(p, "Interview 2"));
  newest_copy_holds(file, before, "Delete document 'Interview 2'");
  BOOST_TEST(safety_folder(file) == dir / "study.quire.safety");
  BOOST_TEST(list_safety_copies(file).back().name.find("Delete document Interview 2.quire") !=
             std::string::npos);
}

BOOST_AUTO_TEST_CASE(deleting_a_code_with_codings_keeps_a_copy_and_an_unused_code_does_not) {
  TempDir dir;
  auto file = dir / "study.quire";
  auto p = sample(file);
  auto spare = add_code(p, "Spare");
  delete_code(p, spare, false);
  BOOST_TEST(list_safety_copies(file).empty()); // nothing but a name: undo is enough
  auto before = project_snapshot(p);
  delete_code(p, find_code(p, "Purpose").id, true);
  newest_copy_holds(file, before, "Delete code 'Purpose'");
  BOOST_TEST(list_safety_copies(file).size() == 1u);
}

BOOST_AUTO_TEST_CASE(merging_a_project_keeps_a_copy_but_a_dry_run_does_not) {
  TempDir dir;
  auto file = dir / "study.quire";
  auto p = sample(file);
  ProjectData data;
  data.name = "other";
  data.codes.push_back({derived_guid("x"), "", "From elsewhere", "", ""});
  ExchangeOptions dry;
  dry.dry_run = true;
  store_exchange(p, data, dry);
  BOOST_TEST(list_safety_copies(file).empty());
  auto before = project_snapshot(p);
  store_exchange(p, data, {});
  newest_copy_holds(file, before, "Merge 'other'");
}

BOOST_AUTO_TEST_CASE(a_bulk_import_and_a_replacing_import_keep_copies_a_small_one_does_not) {
  TempDir dir;
  auto file = dir / "study.quire";
  auto p = sample(file);
  store_import(p, many_passages(1000, "aaaa"));
  BOOST_TEST(list_safety_copies(file).empty()); // 1,000 passages: not more than 1,000
  auto before = project_snapshot(p);
  store_import(p, many_passages(1001, "bbbb"));
  newest_copy_holds(file, before, "Import 'survey.csv'");
  BOOST_TEST(list_safety_copies(file).size() == 1u);
  before = project_snapshot(p);
  ImportOptions replace;
  replace.replace = true;
  auto small = many_passages(3, "aaaa");
  store_import(p, small, replace);
  newest_copy_holds(file, before, "Import 'survey.csv'");
  BOOST_TEST(list_safety_copies(file).size() == 2u); // the deletes inside made none of their own
}

BOOST_AUTO_TEST_CASE(an_empty_project_needs_no_copy) {
  TempDir dir;
  auto file = dir / "empty.quire";
  auto p = Project::create(file);
  store_import(p, many_passages(1500, "cccc"));
  BOOST_TEST(list_safety_copies(file).empty());
  BOOST_TEST(!fs::exists(safety_folder(file)));
}

BOOST_AUTO_TEST_CASE(copies_roll_keeping_the_newest_ten) {
  TempDir dir;
  auto file = dir / "study.quire";
  auto p = sample(file);
  std::vector<std::string> names;
  for (int i = 0; i < safety_copies_kept + 3; ++i) {
    auto id = add_text_document(p, "Extra " + std::to_string(i), "Text " + std::to_string(i));
    delete_document(p, id);
    names.push_back("Delete document 'Extra " + std::to_string(i) + "'");
  }
  auto copies = list_safety_copies(file);
  BOOST_TEST_REQUIRE(copies.size() == static_cast<std::size_t>(safety_copies_kept));
  // Oldest first; the first three went.
  for (std::size_t i = 0; i < copies.size(); ++i) {
    BOOST_TEST(copies[i].action == names[i + 3]);
  }
  // A killed copy's scratch file goes once it is an hour old; a fresh one stays.
  auto stale = safety_folder(file) / ".copy-1-0.tmp";
  auto fresh = safety_folder(file) / ".copy-2-0.tmp";
  quire::test::write_file(stale, "half a copy");
  quire::test::write_file(fresh, "a copy being written");
  fs::last_write_time(stale, fs::file_time_type::clock::now() - std::chrono::hours(2));
  delete_document(p, add_text_document(p, "One more", "Text"));
  BOOST_TEST(!fs::exists(stale));
  BOOST_TEST(fs::exists(fresh));
  fs::remove(fresh);
  copies = list_safety_copies(file);
  BOOST_TEST(copies.back().action == "Delete document 'One more'");
  BOOST_TEST(copies.size() == static_cast<std::size_t>(safety_copies_kept));
  // No stray note or scratch file stays behind.
  int files = 0;
  for (const auto& e : fs::directory_iterator(safety_folder(file))) {
    BOOST_TEST(e.path().filename().string()[0] != '.');
    ++files;
  }
  BOOST_TEST(files == 2 * safety_copies_kept);
}

BOOST_AUTO_TEST_CASE(copies_roll_by_size_but_keep_the_newest_two) {
  TempDir dir;
  auto file = dir / "study.quire";
  auto p = sample(file);
  for (int i = 0; i < 4; ++i) {
    delete_document(p, add_text_document(p, "Extra " + std::to_string(i), "Text"));
  }
  auto copies = list_safety_copies(file);
  BOOST_TEST_REQUIRE(copies.size() == 4u);
  auto one = copies.front().size;
  // Room for three: the oldest goes.
  BOOST_TEST(roll_safety_copies(file, 10, 3 * one) == 1);
  BOOST_TEST(list_safety_copies(file).front().action == copies[1].action);
  // Room for none: the newest two stay all the same.
  BOOST_TEST(roll_safety_copies(file, 10, 0) == 1);
  auto left = list_safety_copies(file);
  BOOST_TEST_REQUIRE(left.size() == 2u);
  BOOST_TEST(left.back().action == copies.back().action);
}

BOOST_AUTO_TEST_CASE(a_copy_that_cannot_be_made_refuses_the_action_unless_optional) {
  TempDir dir;
  auto file = dir / "study.quire";
  auto p = sample(file);
  // A file where the folder should be: the copy cannot be written.
  quire::test::write_file(safety_folder(file), "in the way");
  auto before = project_snapshot(p);
  auto id = doc_named(p, "Interview 1");
  try {
    delete_document(p, id);
    BOOST_FAIL("the delete went on without a safety copy");
  } catch (const SafetyCopyError& e) {
    std::string what = e.what();
    BOOST_TEST(what.find("could not keep a safety copy of study.quire") != std::string::npos);
    BOOST_TEST(what.find("Delete document 'Interview 1'") != std::string::npos);
    BOOST_TEST(what.find("Nothing was changed") != std::string::npos);
  }
  BOOST_TEST(project_snapshot(p) == before);
  set_safety_copy_required(p, false);
  delete_document(p, id);
  BOOST_TEST(list_documents(p).size() == 1u);
}

BOOST_AUTO_TEST_CASE(restore_brings_the_state_back_and_is_itself_reversible) {
  TempDir dir;
  auto file = dir / "study.quire";
  auto p = sample(file);
  auto original = project_snapshot(p);
  delete_document(p, doc_named(p, "Interview 1"));
  delete_code(p, find_code(p, "Purpose").id, true);
  auto after_deletes = project_snapshot(p);
  auto generation = p.generation();
  std::vector<ChangeSet> told;
  p.subscribe([&](const ChangeSet& c) { told.push_back(c); });

  auto copies = list_safety_copies(file);
  BOOST_TEST_REQUIRE(copies.size() == 2u);
  auto before = restore_safety_copy(p, copies.front().file);
  BOOST_TEST(project_snapshot(p) == original);
  BOOST_TEST_REQUIRE(before.has_value());
  BOOST_TEST(before->action.find("Restore the copy kept before Delete document 'Interview 1'") ==
             0u);
  BOOST_TEST(project_snapshot(Project::open(before->file)) == after_deletes);
  // Listeners hear that everything changed, at a generation after all before.
  BOOST_TEST_REQUIRE(told.size() == 1u);
  BOOST_TEST(told[0].everything);
  BOOST_TEST(told[0].tables.count("coding") == 1u);
  BOOST_TEST(told[0].generation > generation);
  BOOST_TEST(p.generation() > generation);
  // The undo history is the copy's: undoing goes back through its actions.
  BOOST_TEST(undo_name(p).value_or("") == "Add memo on project");
  BOOST_TEST(integrity(file) == "ok");

  // And back again: restore the "before restore" copy.
  restore_safety_copy(p, before->file);
  BOOST_TEST(project_snapshot(p) == after_deletes);
  BOOST_TEST(list_safety_copies(file).size() == 4u);
}

BOOST_AUTO_TEST_CASE(another_program_sees_that_everything_changed) {
  TempDir dir;
  auto file = dir / "study.quire";
  auto p = sample(file);
  delete_document(p, doc_named(p, "Interview 2"));
  auto other = Project::open(file); // another program, caught up
  std::vector<ChangeSet> told;
  other.subscribe([&](const ChangeSet& c) { told.push_back(c); });
  BOOST_TEST(!other.poll_changes());
  restore_safety_copy(p, list_safety_copies(file).back().file);
  BOOST_TEST(other.poll_changes());
  BOOST_TEST_REQUIRE(told.size() == 1u);
  BOOST_TEST(told[0].everything);
  BOOST_TEST(told[0].external);
  BOOST_TEST(told[0].tables.count("passage") == 1u); // listeners that look at tables reload too
  BOOST_TEST(list_documents(other).size() == 2u);
}

BOOST_AUTO_TEST_CASE(the_search_index_follows_a_restore) {
  TempDir dir;
  auto file = dir / "study.quire";
  auto p = sample(file);
  auto index = SearchIndex::open(p);
  BOOST_TEST(index->search("colleagues").hits.size() == 1u);
  delete_document(p, doc_named(p, "Interview 2"));
  BOOST_TEST(index->search("colleagues").hits.empty());
  restore_safety_copy(p, list_safety_copies(file).back().file);
  BOOST_TEST(index->search("colleagues").hits.size() == 1u);
}

BOOST_AUTO_TEST_CASE(a_damaged_or_foreign_copy_is_refused_and_nothing_changes) {
  TempDir dir;
  auto file = dir / "study.quire";
  auto p = sample(file);
  auto before = project_snapshot(p);
  quire::test::write_file(dir / "notes.quire", std::string(8192, 'x'));
  BOOST_CHECK_THROW(restore_safety_copy(p, dir / "notes.quire"), InputError);
  BOOST_CHECK_THROW(restore_safety_copy(p, dir / "missing.quire"), NotFoundError);
  BOOST_TEST(project_snapshot(p) == before);
  BOOST_TEST(list_safety_copies(file).empty()); // refused before keeping a "before" copy
}

BOOST_AUTO_TEST_CASE(a_copy_holds_only_what_was_committed_and_does_not_wait_for_a_writer) {
  TempDir dir;
  auto file = dir / "study.quire";
  auto p = sample(file);
  auto before = project_snapshot(p);
  // Another program is in the middle of a write transaction.
  sqlite3* other = nullptr;
  BOOST_TEST_REQUIRE(sqlite3_open(file.c_str(), &other) == SQLITE_OK);
  BOOST_TEST_REQUIRE(sqlite3_exec(other,
                                  "BEGIN IMMEDIATE; DELETE FROM coding; "
                                  "UPDATE document SET name = name || ' half-done'",
                                  nullptr, nullptr, nullptr) == SQLITE_OK);
  auto c = keep_safety_copy(p, "Copy while another writes");
  sqlite3_exec(other, "ROLLBACK", nullptr, nullptr, nullptr);
  sqlite3_close(other);
  BOOST_TEST_REQUIRE(c.has_value());
  BOOST_TEST(integrity(c->file) == "ok");
  BOOST_TEST(project_snapshot(Project::open(c->file)) == before);
}

BOOST_AUTO_TEST_CASE(a_restore_that_cannot_write_leaves_the_project_as_it_was) {
  // Writes wait two minutes for another program's; three seconds here.
  ::setenv("QUIRE_WRITE_WAIT_MS", "3000", 1);
  struct Unset {
    ~Unset() { ::unsetenv("QUIRE_WRITE_WAIT_MS"); }
  } unset;
  TempDir dir;
  auto file = dir / "study.quire";
  auto p = sample(file);
  delete_document(p, doc_named(p, "Interview 1"));
  auto now = project_snapshot(p);
  auto generation = p.generation();
  // Another program holds the write lock for longer than Quire waits.
  sqlite3* other = nullptr;
  BOOST_TEST_REQUIRE(sqlite3_open(file.c_str(), &other) == SQLITE_OK);
  BOOST_TEST_REQUIRE(sqlite3_exec(other, "BEGIN IMMEDIATE; UPDATE setting SET value = value",
                                  nullptr, nullptr, nullptr) == SQLITE_OK);
  try {
    restore_safety_copy(p, list_safety_copies(file).back().file);
    BOOST_FAIL("the restore went through a held write lock");
  } catch (const StorageError& e) {
    BOOST_TEST(std::string(e.what()).find("busy") != std::string::npos, e.what());
  }
  sqlite3_exec(other, "ROLLBACK", nullptr, nullptr, nullptr);
  sqlite3_close(other);
  BOOST_TEST(project_snapshot(p) == now);
  BOOST_TEST(p.generation() == generation);
  BOOST_TEST(integrity(file) == "ok");
}

BOOST_AUTO_TEST_CASE(a_copy_from_an_older_quire_is_brought_to_this_format) {
  TempDir dir;
  auto old = dir / "old.quire";
  {
    // A file as Quire's first schema wrote it (text inside the document row).
    quire::detail::Db db(old.string(), SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    quire::detail::create_legacy_schema(db, 1);
    db.exec("INSERT INTO project_info(id, guid, created_at) VALUES (1, "
            "'a0000000-0000-4000-8000-000000000001', '2026-01-01T00:00:00Z');"
            "INSERT INTO document(id, guid, name, kind, imported_at, text, length) VALUES "
            "(1, 'b0000000-0000-4000-8000-000000000001', 'old doc', 'text', "
            "'2026-01-01T00:00:00Z', 'Text from an older Quire.', 25);"
            "INSERT INTO passage(guid, document_id, start, end) VALUES "
            "('c0000000-0000-4000-8000-000000000001', 1, 0, 25);");
  }
  auto digest = quire::test::file_digest(old);
  auto file = dir / "study.quire";
  auto p = sample(file);
  restore_safety_copy(p, old);
  auto docs = list_documents(p);
  BOOST_TEST_REQUIRE(docs.size() == 1u);
  BOOST_TEST(document_text(p, docs[0].id) == "Text from an older Quire.");
  BOOST_TEST(integrity(file) == "ok");
  BOOST_TEST(quire::test::file_digest(old) == digest); // the copy itself is left alone
  // The project works on: a new document, and its undo.
  add_text_document(p, "new doc", "After the restore.");
  BOOST_TEST(list_documents(p).size() == 2u);
  BOOST_TEST(undo(p).has_value());
  BOOST_TEST(list_documents(Project::open(file)).size() == 1u);
}

BOOST_AUTO_TEST_CASE(find_a_copy_by_number_name_or_path) {
  TempDir dir;
  auto file = dir / "study.quire";
  auto p = sample(file);
  delete_document(p, doc_named(p, "Interview 1"));
  delete_document(p, doc_named(p, "Interview 2"));
  auto copies = list_safety_copies(file);
  BOOST_TEST(find_safety_copy(file, "1").name == copies[1].name);
  BOOST_TEST(find_safety_copy(file, "2").name == copies[0].name);
  BOOST_TEST(find_safety_copy(file, copies[0].name).name == copies[0].name);
  BOOST_TEST(find_safety_copy(file, copies[1].file.string()).name == copies[1].name);
  BOOST_CHECK_THROW(find_safety_copy(file, "3"), NotFoundError);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(safety_cli)

BOOST_AUTO_TEST_CASE(backups_lists_and_restore_brings_back_with_json) {
  TempDir dir;
  auto file = (dir / "cli.quire").string();
  { sample(file); }
  auto r = run_quire({"backups", file, "--json"});
  BOOST_TEST_REQUIRE(r.status == 0, r.err);
  BOOST_TEST(nlohmann::json::parse(r.out).empty());
  r = run_quire({"docs", "delete", file, "Interview 1"});
  BOOST_TEST_REQUIRE(r.status == 0, r.err);
  r = run_quire({"codes", "delete", file, "Purpose", "--force"});
  BOOST_TEST_REQUIRE(r.status == 0, r.err);
  r = run_quire({"backups", file, "--json"});
  BOOST_TEST_REQUIRE(r.status == 0, r.err);
  auto j = nlohmann::json::parse(r.out);
  BOOST_TEST_REQUIRE(j.size() == 2u);
  BOOST_TEST(j[0]["number"] == 1);
  BOOST_TEST(j[0]["action"] == "Delete code 'Purpose'");
  BOOST_TEST(j[1]["action"] == "Delete document 'Interview 1'");
  BOOST_TEST(j[1]["schema_version"] == Project::schema_version);
  BOOST_TEST(j[1]["size"].get<std::uintmax_t>() > 0u);
  BOOST_TEST(!j[1]["quire_version"].get<std::string>().empty());
  BOOST_TEST(j[1]["time"].get<std::string>().size() == 20u);

  r = run_quire({"restore", file, "2", "--json"});
  BOOST_TEST_REQUIRE(r.status == 0, r.err);
  auto rj = nlohmann::json::parse(r.out);
  BOOST_TEST(rj["restored"]["action"] == "Delete document 'Interview 1'");
  BOOST_TEST(rj["before"]["action"].get<std::string>().find("Restore the copy kept before") == 0u);
  auto docs = nlohmann::json::parse(run_quire({"docs", "list", file, "--json"}).out);
  BOOST_TEST(docs.size() == 2u);
  auto codings = nlohmann::json::parse(run_quire({"codings", file, "--json"}).out);
  BOOST_TEST(codings.size() == 2u);

  // Back to the state before the restore: the newest copy.
  r = run_quire({"restore", file, "1"});
  BOOST_TEST_REQUIRE(r.status == 0, r.err);
  BOOST_TEST(r.out.find("Restored ") == 0u);
  docs = nlohmann::json::parse(run_quire({"docs", "list", file, "--json"}).out);
  BOOST_TEST(docs.size() == 1u);

  r = run_quire({"restore", file, "99"});
  BOOST_TEST(r.status == 1);
  BOOST_TEST(r.err.find("no safety copy '99'") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_failed_copy_refuses_in_the_cli_and_the_variable_lets_it_go_on) {
  TempDir dir;
  auto file = (dir / "cli.quire").string();
  { sample(file); }
  quire::test::write_file(file + ".safety", "in the way");
  auto r = run_quire({"docs", "delete", file, "Interview 1"});
  BOOST_TEST(r.status == 1);
  BOOST_TEST(r.err.find("could not keep a safety copy") != std::string::npos);
  BOOST_TEST(r.err.find("QUIRE_SAFETY_COPY=optional") != std::string::npos);
  auto docs = nlohmann::json::parse(run_quire({"docs", "list", file, "--json"}).out);
  BOOST_TEST(docs.size() == 2u);
  r = run_quire({"docs", "delete", file, "Interview 1"}, {{"QUIRE_SAFETY_COPY", "optional"}});
  BOOST_TEST(r.status == 0, r.err);
  docs = nlohmann::json::parse(run_quire({"docs", "list", file, "--json"}).out);
  BOOST_TEST(docs.size() == 1u);
}

BOOST_AUTO_TEST_CASE(a_full_disk_refuses_the_delete_and_leaves_the_project_as_it_was) {
  TempDir dir;
  auto file = dir / "full.quire";
  {
    auto p = sample(file);
    std::string big;
    for (int i = 0; big.size() < 3'000'000; ++i) {
      big += "Line " + std::to_string(i) + " of a long report on the network.\n"; // one passage
    }
    add_text_document(p, "Report", big);
  } // closed: the log is folded into the file, so the next one starts small
  std::string before;
  {
    auto p = Project::open(file);
    before = project_snapshot(p);
  }
  BOOST_TEST_REQUIRE(fs::file_size(file) > 3'000'000u);
  BOOST_TEST_REQUIRE(list_safety_copies(file).empty());
  // Room for the delete itself, not for a 3 MB copy.
  auto r = quire::test::run_quire_with_file_limit(1'000'000,
                                                  {"docs", "delete", file.string(), "Interview 1"});
  BOOST_TEST(r.status == 1, r.err);
  BOOST_TEST(r.err.find("could not keep a safety copy of full.quire before 'Delete document "
                        "'Interview 1''") != std::string::npos,
             r.err);
  BOOST_TEST(r.err.find("it could not be written (File too large)") != std::string::npos, r.err);
  {
    auto p = Project::open(file);
    BOOST_TEST(project_snapshot(p) == before);
  }
  BOOST_TEST(integrity(file) == "ok");
  BOOST_TEST(list_safety_copies(file).empty());
  for (const auto& e : fs::directory_iterator(safety_folder(file))) {
    BOOST_TEST(false, "left behind: " << e.path()); // no half-written copy or scratch file
  }
  // Going on without a copy is a choice.
  r = quire::test::run_quire_with_file_limit(1'000'000,
                                             {"docs", "delete", file.string(), "Interview 1"},
                                             {{"QUIRE_SAFETY_COPY", "optional"}});
  BOOST_TEST(r.status == 0, r.err);
  auto p = Project::open(file);
  BOOST_TEST(list_documents(p).size() == 2u);
}

BOOST_AUTO_TEST_CASE(a_copy_is_consistent_while_another_connection_writes) {
  // Another connection codes passages in a loop while this one deletes
  // documents (each delete keeps a copy first): every copy is a sound project.
  TempDir dir;
  auto file = dir / "busy.quire";
  {
    auto p = sample(file);
    for (int i = 0; i < 6; ++i) {
      add_text_document(p, "Extra " + std::to_string(i), "Some text to code here.");
    }
  }
  std::atomic<bool> stop{false};
  std::atomic<int> written{0};
  std::string writer_error;
  std::thread writer([&] {
    try {
      auto w = Project::open(file);
      auto doc = find_document(w, "Interview 1").id;
      auto code = ensure_code(w, "Busy");
      for (std::int64_t i = 0; !stop; i = (i + 1) % 20) {
        code_range(w, doc, i, i + 2, code);
        ++written;
        // A person's pace, roughly: a writer that never lets go starves
        // every other writer's busy wait, safety copy or not.
        std::this_thread::sleep_for(std::chrono::milliseconds(3));
      }
    } catch (const std::exception& e) {
      writer_error = e.what();
    }
  });
  std::string error;
  try {
    auto p = Project::open(file);
    for (int i = 0; i < 6; ++i) {
      delete_document(p, doc_named(p, "Extra " + std::to_string(i)));
    }
  } catch (const std::exception& e) {
    error = e.what();
  }
  stop = true;
  writer.join();
  BOOST_TEST(error.empty(), error);
  BOOST_TEST(writer_error.empty(), writer_error);
  BOOST_TEST(written > 0);
  auto copies = list_safety_copies(file);
  BOOST_TEST(copies.size() == 6u);
  for (const auto& c : copies) {
    BOOST_TEST(integrity(c.file) == "ok");
  }
}

BOOST_AUTO_TEST_SUITE_END()
