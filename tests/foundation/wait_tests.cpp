// Another program writing: a change waits its turn (a large import is one
// transaction of several seconds), says so after a few seconds, and gives
// up only after a long bound, changing nothing.
#include <sqlite3.h>
#include <stdlib.h>

#include <chrono>
#include <thread>

#include "quire/base/error.h"
#include "quire/model/codebook.h"
#include "quire/store/project.h"
#include "support/test_support.h"

using namespace quire;
using quire::test::TempDir;

namespace {

/// Another program holding the project's write lock for `hold`.
class OtherWriter {
public:
  OtherWriter(const std::filesystem::path& file, std::chrono::milliseconds hold) {
    BOOST_REQUIRE(sqlite3_open(file.c_str(), &m_db) == SQLITE_OK);
    BOOST_REQUIRE(sqlite3_exec(m_db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) == SQLITE_OK);
    m_thread = std::thread([this, hold] {
      std::this_thread::sleep_for(hold);
      sqlite3_exec(m_db, "COMMIT", nullptr, nullptr, nullptr);
    });
  }
  ~OtherWriter() {
    m_thread.join();
    sqlite3_close(m_db);
  }

private:
  sqlite3* m_db = nullptr;
  std::thread m_thread;
};

struct Told : Progress {
  std::vector<std::string> messages;
  void message(const std::string& text) override { messages.push_back(text); }
};

} // namespace

BOOST_AUTO_TEST_SUITE(write_wait)

BOOST_AUTO_TEST_CASE(a_change_waits_for_a_long_write_of_another_program_and_says_so) {
  // Before: every change gave up after 5 s ("the project is busy").
  TempDir dir;
  auto file = dir / "w.quire";
  { Project::create(file); }
  auto p = Project::open(file);
  Told told;
  p.report_waits_to(&told);
  const auto t0 = std::chrono::steady_clock::now();
  {
    OtherWriter other(file, std::chrono::milliseconds(6500));
    add_code(p, "Purpose");
  }
  const auto waited = std::chrono::steady_clock::now() - t0;
  BOOST_TEST(waited >= std::chrono::seconds(6));
  BOOST_TEST(try_find_code(p, "Purpose").has_value());
  BOOST_TEST_REQUIRE(told.messages.size() == 1u);
  BOOST_TEST(told.messages[0].find("Waiting for another Quire program") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(past_the_bound_a_change_gives_up_and_changes_nothing) {
  TempDir dir;
  auto file = dir / "w.quire";
  { Project::create(file); }
  auto p = Project::open(file);
  ::setenv("QUIRE_WRITE_WAIT_MS", "800", 1);
  std::string error;
  {
    OtherWriter other(file, std::chrono::milliseconds(2000));
    try {
      add_code(p, "Purpose");
    } catch (const StorageError& e) {
      error = e.what();
    }
  }
  ::unsetenv("QUIRE_WRITE_WAIT_MS");
  BOOST_TEST(error.find("busy") != std::string::npos, error);
  BOOST_TEST(error.find("nothing was changed") != std::string::npos, error);
  BOOST_TEST(!try_find_code(p, "Purpose").has_value());
}

BOOST_AUTO_TEST_CASE(the_cli_waits_and_says_so_on_stderr) {
  TempDir dir;
  auto file = dir / "w.quire";
  { Project::create(file); }
  quire::test::RunResult r;
  {
    OtherWriter other(file, std::chrono::milliseconds(4000));
    r = quire::test::run_quire({"codes", "add", file.string(), "Purpose"});
  }
  BOOST_TEST(r.status == 0, r.err);
  BOOST_TEST(r.err.find("Waiting for another Quire program to finish writing") != std::string::npos,
             r.err);
  auto p = Project::open(file);
  BOOST_TEST(try_find_code(p, "Purpose").has_value());
}

BOOST_AUTO_TEST_SUITE_END()
