// The search index shared by several programs, and an index that cannot be
// written: a rebuild that overlaps another program's codings still ends up
// with them; a full disk, a damaged or a locked index never stops the
// project from opening, coding or undoing; several `quire` processes code,
// undo and search one project at once without a failure, and at the end
// the index agrees with the data.
#include <boost/test/unit_test.hpp>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include <atomic>
#include <filesystem>
#include <mutex>
#include <random>
#include <set>
#include <thread>

#include "quire/base/error.h"
#include "quire/model/codebook.h"
#include "quire/model/coding.h"
#include "quire/model/documents.h"
#include "quire/search/search_index.h"
#include "quire/store/project.h"
#include "search_support.h"
#include "support/test_support.h"

using namespace quire;
using quire::test::found;
using quire::test::run_program;
using quire::test::run_quire;
using quire::test::run_quire_with_file_limit;
using quire::test::RunResult;
using quire::test::TempDir;
namespace fs = std::filesystem;

namespace {

/// A paragraph of words that differ from passage to passage (so the index
/// holds many terms).
std::string paragraph(int doc, int n, int words) {
  static const char* const stems[] = {"river",  "market", "teacher", "garden",  "budget",
                                      "letter", "window", "harvest", "council", "station"};
  std::string out;
  for (int w = 0; w < words; ++w) {
    out += std::string(w ? " " : "") + stems[(doc * 7 + n * 3 + w) % 10] +
           std::to_string((doc * 131 + n * 17 + w * 5) % 997);
  }
  return out + ".";
}

/// A project of `docs` documents of `paras` paragraphs each, and a code X.
void make_project(const fs::path& file, int docs, int paras, int words = 12) {
  auto p = Project::create(file);
  add_code(p, "X");
  for (int d = 0; d < docs; ++d) {
    std::string text;
    for (int n = 0; n < paras; ++n)
      text += (n ? "\n\n" : "") + paragraph(d, n, words);
    add_text_document(p, "doc" + std::to_string(d), text);
  }
}

std::vector<Id> all_passages(const Project& p) {
  std::vector<Id> out;
  for (auto& d : list_documents(p))
    for (auto& ps : list_passages(p, d.id))
      out.push_back(ps.id);
  return out;
}

Id code_x(const Project& p) {
  return find_code(p, "X").id;
}

/// What the index on disk says, read with Xapian itself (no catching up).
struct OnDisk {
  std::int64_t generation = -1;
  std::set<Id> coded_x;
};

OnDisk on_disk(const fs::path& file, Id code) {
  Xapian::Database db(SearchIndex::folder_for(file).string());
  OnDisk d;
  d.generation = std::stoll(db.get_metadata("quire_generation"));
  const std::string t = "XC" + std::to_string(code);
  for (auto it = db.postlist_begin(t); it != db.postlist_end(t); ++it)
    d.coded_x.insert(static_cast<Id>(*it));
  return d;
}

std::string show(const RunResult& r) {
  return "status " + std::to_string(r.status) + "\nstdout: " + r.out + "\nstderr: " + r.err;
}

/// The passages `quire search 'code:"X"'` finds.
std::set<Id> cli_search_x(const fs::path& file) {
  auto r = run_quire({"search", file.string(), "code:\"X\"", "--json", "--limit", "100000"});
  BOOST_TEST_REQUIRE(r.status == 0, show(r));
  std::set<Id> out;
  const auto j = nlohmann::json::parse(r.out);
  for (auto& h : j["hits"])
    out.insert(h["passage_id"].get<Id>());
  return out;
}

/// The passages the data says are coded X (read with SQLite, no index).
std::set<Id> coded_x(const fs::path& file) {
  auto p = Project::open(file);
  auto v = passages_of_code(p, code_x(p));
  return {v.begin(), v.end()};
}

/// Coding ids `quire codings --json` lists.
std::set<Id> cli_codings(const fs::path& file) {
  auto r = run_quire({"codings", file.string(), "--all-coders", "--json"});
  BOOST_TEST_REQUIRE(r.status == 0, show(r));
  std::set<Id> out;
  const auto j = nlohmann::json::parse(r.out);
  for (auto& c : j)
    out.insert(c["id"].get<Id>());
  return out;
}

std::uintmax_t largest_file(const fs::path& folder) {
  std::uintmax_t m = 0;
  for (auto& e : fs::directory_iterator(folder))
    if (e.is_regular_file())
      m = std::max(m, e.file_size());
  return m;
}

} // namespace

BOOST_AUTO_TEST_SUITE(search_concurrency)

BOOST_AUTO_TEST_CASE(a_rebuild_overlapping_another_connections_codings_ends_up_with_them) {
  // Issue 14.3: the rebuild stamped the generation read after it had read
  // the project, so codings committed meanwhile (by another program) were
  // missing from an index marked current: 34 coded, code:"X" found 13.
  TempDir dir;
  auto file = dir / "overlap.quire";
  make_project(file, 20, 4);
  auto p = Project::open(file);
  auto other = Project::open(file); // another program on the same project
  const auto passages = all_passages(other);
  const Id x = code_x(other);
  // Halfway through reading the documents, the other program codes a
  // passage of every document: half already read, half not yet.
  struct CodeMidway : Progress {
    Project& other;
    const std::vector<Id>& passages;
    Id x;
    bool done = false;
    CodeMidway(Project& o, const std::vector<Id>& ps, Id code) : other(o), passages(ps), x(code) {}
    void update(std::int64_t n, std::int64_t total) override {
      if (done || total == 0 || n < total / 2)
        return;
      done = true;
      for (std::size_t i = 0; i < passages.size(); i += 2) {
        auto ps = get_passage(other, passages[i]);
        code_range(other, ps.document_id, ps.start, ps.end, x);
      }
    }
  } midway(other, passages, x);
  auto idx = SearchIndex::open(p);
  idx->rebuild(midway);
  BOOST_TEST_REQUIRE(midway.done);
  const auto expected = coded_x(file);
  BOOST_TEST(expected.size() == passages.size() / 2);
  // The index on disk (read without any catching up) holds every coding,
  // and its stamp is the project's generation.
  auto disk = on_disk(file, x);
  BOOST_TEST(disk.coded_x == expected);
  BOOST_TEST(disk.generation == p.generation());
  BOOST_TEST(found(*idx, "code:\"X\"") == expected);
  idx.reset();
  auto again = SearchIndex::open(p);
  BOOST_TEST(found(*again, "code:\"X\"") == expected);
}

BOOST_AUTO_TEST_CASE(an_index_follows_what_another_program_commits) {
  // The desktop app keeps the index open; `quire` codes beside it, and
  // then searches beside it.
  TempDir dir;
  auto file = dir / "beside.quire";
  make_project(file, 3, 4);
  auto p = Project::open(file);
  auto idx = SearchIndex::open(p);
  BOOST_TEST(found(*idx, "code:\"X\"").empty());
  auto passages = all_passages(p);
  auto r = run_quire({"code", file.string(), "--doc", "doc1", "--passage",
                      std::to_string(passages[5]), "--code", "X"});
  BOOST_TEST_REQUIRE(r.status == 0, show(r));
  BOOST_TEST(r.err.empty(), r.err);
  // The command updated the index itself; this program sees it too.
  BOOST_TEST(on_disk(file, code_x(p)).coded_x == std::set<Id>{passages[5]});
  BOOST_TEST(found(*idx, "code:\"X\"") == std::set<Id>{passages[5]});
  BOOST_TEST(cli_search_x(file) == std::set<Id>{passages[5]});
  // This program codes; the CLI searches while it has the index open.
  auto ps = get_passage(p, passages[7]);
  code_range(p, ps.document_id, ps.start, ps.end, code_x(p));
  BOOST_TEST(cli_search_x(file) == (std::set<Id>{passages[5], passages[7]}));
}

BOOST_AUTO_TEST_CASE(a_full_disk_never_stops_coding_undoing_or_opening) {
  // Issue 14.5: with the disk full during an index build, a Xapian error
  // escaped (exit 134), and every command aborted from then on.
  TempDir dir;
  auto file = dir / "full.quire";
  // Words of random letters: the index's spelling table (every word's
  // letter groups) is then several times the project's size.
  std::mt19937 rng(7);
  auto random_text = [&](int paras) {
    std::string text;
    for (int n = 0; n < paras; ++n) {
      text += n ? "\n\n" : "";
      for (int w = 0; w < 40; ++w) {
        text += w ? " " : "";
        for (int c = 0; c < 12; ++c)
          text += static_cast<char>('a' + rng() % 26);
      }
      text += '.';
    }
    return text;
  };
  std::vector<Id> passages;
  {
    auto p = Project::create(file);
    add_code(p, "X");
    for (int d = 0; d < 20; ++d)
      add_text_document(p, "doc" + std::to_string(d), random_text(30));
    passages = all_passages(p);
    SearchIndex::open(p);
  }
  // Writes to any file limited to above the project file (and the few
  // pages of its write-ahead log) but below the index's spelling table:
  // the project can be written, the index cannot take new words.
  const auto project_size = fs::file_size(file);
  const auto index_size = largest_file(SearchIndex::folder_for(file));
  const auto limit = project_size + 1'000'000;
  BOOST_TEST_REQUIRE(index_size > limit + 500'000,
                     "project " << project_size << ", index " << index_size);
  const int blocks = static_cast<int>(limit / 512);
  auto code = [&](std::size_t i) {
    return run_quire_with_file_limit(blocks * 512,
                                     {"code", file.string(), "--doc", "doc0", "--passage",
                                      std::to_string(passages[i]), "--code", "X"});
  };
  auto no_abort = [](const RunResult& r) {
    return r.status < 128 && r.err.find("terminate") == std::string::npos;
  };
  // A build on a full disk: a clear error, never an abort; nothing lost.
  auto build = run_quire_with_file_limit(blocks * 512, {"reindex", file.string()});
  BOOST_TEST(build.status == 1, show(build));
  BOOST_TEST(build.err.find("the disk is full") != std::string::npos, show(build));
  BOOST_TEST(no_abort(build), show(build));
  // Coding with the index caught up, as before.
  auto c1 = code(0);
  BOOST_TEST(c1.status == 0, show(c1));
  // Importing a document: its words cannot be indexed. The import is
  // kept; the user is told once.
  quire::test::write_file(dir / "late.txt", "A zebracrossing paragraph, late.");
  auto import = run_quire_with_file_limit(blocks * 512,
                                          {"import", file.string(), (dir / "late.txt").string()});
  BOOST_TEST(import.status == 0, show(import));
  BOOST_TEST(import.err.find("quire: warning: the search index could not be updated: the disk "
                             "is full") != std::string::npos,
             show(import));
  // Every command goes on while the index cannot be brought up to date.
  for (const auto& r :
       {run_quire_with_file_limit(blocks * 512, {"info", file.string()}), code(1),
        run_quire_with_file_limit(blocks * 512, {"undo", file.string()}), code(2)}) {
    BOOST_TEST(r.status == 0, show(r));
    BOOST_TEST(no_abort(r), show(r));
  }
  // A search that needs the index brought up to date says why it cannot.
  auto search = run_quire_with_file_limit(blocks * 512, {"search", file.string(), "zebracrossing"});
  BOOST_TEST(search.status == 1, show(search));
  BOOST_TEST(search.err.find("the disk is full") != std::string::npos, show(search));
  BOOST_TEST(no_abort(search), show(search));
  // Space again: the index is caught up and agrees with the data.
  const auto expected = coded_x(file);
  BOOST_TEST(expected == (std::set<Id>{passages[0], passages[2]}));
  BOOST_TEST(cli_search_x(file) == expected);
  auto late = run_quire({"search", file.string(), "zebracrossing"});
  BOOST_TEST(late.out.find("late 0:") != std::string::npos, show(late));
  auto p = Project::open(file);
  BOOST_TEST(on_disk(file, code_x(p)).coded_x == expected);
}

BOOST_AUTO_TEST_CASE(a_damaged_index_folder_never_stops_the_project) {
  TempDir dir;
  auto file = dir / "damaged.quire";
  make_project(file, 3, 4);
  const auto folder = SearchIndex::folder_for(file);
  std::vector<Id> passages;
  {
    auto p = Project::open(file);
    passages = all_passages(p);
    SearchIndex::open(p);
  }
  // Garbage in the index's files, then a file where the folder should be.
  for (auto& e : fs::directory_iterator(folder))
    if (e.is_regular_file())
      quire::test::write_file(e.path(), "not an index at all");
  auto c1 = run_quire({"code", file.string(), "--doc", "doc0", "--passage",
                       std::to_string(passages[0]), "--code", "X"});
  BOOST_TEST(c1.status == 0, show(c1));
  BOOST_TEST(cli_search_x(file) == std::set<Id>{passages[0]});
  fs::remove_all(folder);
  quire::test::write_file(folder, "a file, not a folder");
  for (const auto& args :
       std::vector<std::vector<std::string>>{{"info", file.string()},
                                             {"code", file.string(), "--doc", "doc0", "--passage",
                                              std::to_string(passages[1]), "--code", "X"},
                                             {"undo", file.string()}}) {
    auto r = run_quire(args);
    BOOST_TEST(r.status == 0, show(r));
    BOOST_TEST(r.err.find("terminate") == std::string::npos, show(r));
  }
  BOOST_TEST(cli_search_x(file) == coded_x(file));
  BOOST_TEST(fs::is_directory(folder));
}

BOOST_AUTO_TEST_CASE(an_index_locked_by_another_program_is_searched_read_only_and_caught_up) {
  // A program that keeps Xapian's own write lock (an older Quire, or one
  // stuck): the project is still coded and undone; a search runs on the
  // index while it is current, and says why when it is not.
  TempDir dir;
  auto file = dir / "locked.quire";
  make_project(file, 3, 4);
  std::vector<Id> passages;
  {
    auto p = Project::open(file);
    passages = all_passages(p);
    auto idx = SearchIndex::open(p);
    auto ps = get_passage(p, passages[0]);
    code_range(p, ps.document_id, ps.start, ps.end, code_x(p));
  }
  {
    Xapian::WritableDatabase holder(SearchIndex::folder_for(file).string());
    BOOST_TEST(cli_search_x(file) == std::set<Id>{passages[0]});
    auto c = run_quire({"code", file.string(), "--doc", "doc0", "--passage",
                        std::to_string(passages[1]), "--code", "X"});
    BOOST_TEST(c.status == 0, show(c));
    BOOST_TEST(c.err.find("quire: warning: the search index") != std::string::npos, show(c));
    auto s = run_quire({"search", file.string(), "code:\"X\""});
    BOOST_TEST(s.status == 1, show(s));
    BOOST_TEST(s.err.find("in use by another program") != std::string::npos, show(s));
    auto u = run_quire({"undo", file.string()});
    BOOST_TEST(u.status == 0, show(u));
  }
  BOOST_TEST(cli_search_x(file) == std::set<Id>{passages[0]});
}

BOOST_AUTO_TEST_CASE(an_update_that_fails_never_fails_the_action_and_is_told_once) {
  // The listener run after COMMIT never throws: the action is done, the
  // problem is kept and told once, and the index is repaired later.
  TempDir dir;
  auto file = dir / "told.quire";
  make_project(file, 2, 3);
  auto p = Project::open(file);
  auto idx = SearchIndex::open(p);
  BOOST_TEST(idx->take_problem().empty());
  const auto passages = all_passages(p);
  auto code = [&](std::size_t i) {
    auto ps = get_passage(p, passages[i]);
    code_range(p, ps.document_id, ps.start, ps.end, code_x(p));
  };
  {
    Xapian::WritableDatabase holder(SearchIndex::folder_for(file).string());
    BOOST_CHECK_NO_THROW(code(0));
    BOOST_CHECK_NO_THROW(code(1));
    auto problem = idx->take_problem();
    BOOST_TEST(problem.find("in use by another program") != std::string::npos, problem);
    BOOST_TEST(idx->take_problem().empty()); // told once
    BOOST_CHECK_THROW(idx->search("code:\"X\""), StorageError);
    BOOST_TEST(count_codings(p) == 2);
  }
  BOOST_TEST(found(*idx, "code:\"X\"") == (std::set<Id>{passages[0], passages[1]}));
  BOOST_TEST(idx->take_problem().empty()); // the same problem again is not told twice
}

namespace {

/// Several `quire` processes at once on one indexed project: `writers`
/// code passages of their own (each as its own coder), one undoes now and
/// then, one searches and lists codings. Every command must succeed; at
/// the end the index agrees with the data.
void run_at_once(int writers, int codings_each) {
  TempDir dir;
  auto file = dir / "busy.quire";
  make_project(file, writers, codings_each + 2);
  std::vector<std::vector<Id>> mine(static_cast<std::size_t>(writers));
  {
    auto p = Project::open(file);
    auto docs = list_documents(p);
    for (int w = 0; w < writers; ++w)
      for (auto& ps : list_passages(p, docs[static_cast<std::size_t>(w)].id))
        mine[static_cast<std::size_t>(w)].push_back(ps.id);
    // Harmless steps for the undoer to take back before any coding exists.
    for (int i = 0; i < 4; ++i)
      p.set_setting("note", std::to_string(i));
    SearchIndex::open(p);
  }
  std::mutex m;
  std::vector<std::string> failures;
  std::set<Id> acknowledged; // coding ids (an undone coding's id may be used again)
  std::size_t acknowledged_count = 0;
  int undone_codings = 0;
  std::atomic<int> writers_left{writers};
  auto fail = [&](const std::vector<std::string>& args, const RunResult& r) {
    std::lock_guard l(m);
    std::string cmd;
    for (auto& a : args)
      cmd += a + " ";
    failures.push_back(cmd + "-> " + show(r));
  };
  std::vector<std::thread> threads;
  for (int w = 0; w < writers; ++w) {
    threads.emplace_back([&, w] {
      for (int i = 0; i < codings_each; ++i) {
        std::vector<std::string> args = {
            "code",
            file.string(),
            "--doc",
            "doc" + std::to_string(w),
            "--passage",
            std::to_string(mine[static_cast<std::size_t>(w)][static_cast<std::size_t>(i)]),
            "--code",
            "X",
            "--coder",
            "w" + std::to_string(w),
            "--json"};
        auto r = run_quire(args);
        if (r.status != 0 || !r.err.empty()) {
          fail(args, r);
          continue;
        }
        std::lock_guard l(m);
        acknowledged.insert(nlohmann::json::parse(r.out)["coding_id"].get<Id>());
        ++acknowledged_count;
      }
      --writers_left;
    });
  }
  threads.emplace_back([&] { // undoes a few actions, whoever's they are
    for (int i = 0; i < 3 && writers_left > 0; ++i) {
      std::vector<std::string> args = {"undo", file.string()};
      auto r = run_quire(args);
      if (r.status != 0 || !r.err.empty()) {
        fail(args, r);
        continue;
      }
      if (r.out.find("Undid: Code") != std::string::npos) {
        std::lock_guard l(m);
        ++undone_codings;
      }
    }
  });
  threads.emplace_back([&] { // reads beside the writers
    while (writers_left > 0) {
      for (const auto& args :
           std::vector<std::vector<std::string>>{{"search", file.string(), "code:\"X\"", "--json"},
                                                 {"codings", file.string(), "--json"}}) {
        auto r = run_quire(args);
        if (r.status != 0 || !r.err.empty())
          fail(args, r);
      }
    }
  });
  for (auto& t : threads)
    t.join();
  for (const auto& f : failures)
    BOOST_ERROR(f);
  BOOST_TEST(failures.empty());
  const auto present = cli_codings(file);
  for (Id id : present)
    BOOST_TEST(acknowledged.count(id) == 1u, "coding " << id << " was never acknowledged");
  BOOST_TEST(present.size() + static_cast<std::size_t>(undone_codings) == acknowledged_count);
  const auto expected = coded_x(file);
  BOOST_TEST(expected.size() == present.size());
  // The index on disk already agrees (each program caught it up), and a
  // search says the same.
  auto p = Project::open(file);
  auto disk = on_disk(file, code_x(p));
  BOOST_TEST(disk.generation == p.generation());
  BOOST_TEST(disk.coded_x == expected);
  BOOST_TEST(cli_search_x(file) == expected);
}

} // namespace

BOOST_AUTO_TEST_CASE(two_programs_code_undo_and_search_one_index_at_once) {
  // Issue 14.6: 12 of 50 commands failed with 2 writers.
  run_at_once(2, 10);
}

BOOST_AUTO_TEST_CASE(four_programs_code_undo_and_search_one_index_at_once) {
  // Issue 14.6: 23 of 60 commands failed with 4 writers.
  run_at_once(4, 6);
}

BOOST_AUTO_TEST_CASE(a_reindex_beside_coding_programs_loses_nothing) {
  // Issue 14.5: `quire code` beside `quire reindex` aborted (exit 134).
  TempDir dir;
  auto file = dir / "reindex.quire";
  make_project(file, 30, 20, 30);
  std::vector<Id> passages;
  {
    auto p = Project::open(file);
    passages = all_passages(p);
    SearchIndex::open(p);
  }
  std::atomic<bool> coding{true};
  std::vector<std::string> failures;
  std::mutex m;
  std::thread reindexer([&] {
    while (coding) {
      auto r = run_quire({"reindex", file.string()});
      if (r.status != 0) {
        std::lock_guard l(m);
        failures.push_back("reindex: " + show(r));
      }
    }
  });
  for (int i = 0; i < 12; ++i) {
    auto r = run_quire({"code", file.string(), "--doc", "doc" + std::to_string(i), "--passage",
                        std::to_string(passages[static_cast<std::size_t>(i) * 20]), "--code", "X"});
    if (r.status != 0 || r.err.find("warning") != std::string::npos) {
      std::lock_guard l(m);
      failures.push_back("code: " + show(r));
    }
  }
  coding = false;
  reindexer.join();
  for (const auto& f : failures)
    BOOST_ERROR(f);
  const auto expected = coded_x(file);
  BOOST_TEST(expected.size() == 12u);
  auto p = Project::open(file);
  BOOST_TEST(on_disk(file, code_x(p)).coded_x == expected);
  BOOST_TEST(cli_search_x(file) == expected);
}

BOOST_AUTO_TEST_SUITE_END()
