// Issue 17 (found through the desktop app's Import dialog): another program,
// or a library inside Quire's own process, that opens and closes the project
// file never costs work. The GTK file chooser opens NAME.quire to sniff its
// type when it shows the project's folder; closing that descriptor drops every
// POSIX lock the process holds on the file, including the shared lock of the
// app's SQLite connection. The next `quire` command then believed, on closing,
// that it was the project's last program: it checkpointed and deleted the
// -wal and -shm files the app was still writing to. Everything the app did
// afterwards went to deleted files: no other program saw it, and a crash lost
// it. Here the dialog's open/read/close is done by hand, in the process that
// holds the project open, and the real `quire` binary is the other program.
#define BOOST_TEST_MODULE other_program_opens_the_file_tests
#include <boost/test/unit_test.hpp>
#include <fcntl.h>
#include <unistd.h>

#include <sys/stat.h>

#include <fstream>
#include <optional>
#include <sstream>

#include "quire/model/codebook.h"
#include "quire/store/project.h"
#include "support/test_support.h"

namespace fs = std::filesystem;
using namespace quire;
using quire::test::run_program;
using quire::test::run_quire;
using quire::test::TempDir;

namespace {

/// What a file dialog does to a file it shows (GLib's content-type sniffing):
/// open it, read its first 16 KiB, close it.
void sniff(const fs::path& file) {
  int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  BOOST_TEST_REQUIRE(fd >= 0, "cannot open " << file);
  char buf[16384];
  BOOST_TEST(::read(fd, buf, sizeof buf) > 0);
  ::close(fd);
}

/// Descriptors of this process on file's -wal/-shm that the kernel calls
/// "(deleted)": files another program unlinked under us.
std::vector<std::string> deleted_working_files(const fs::path& file) {
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator("/proc/self/fd", ec)) {
    auto target = fs::read_symlink(e.path(), ec).string();
    if (ec) {
      continue;
    }
    bool ours = target.rfind(file.string() + "-wal", 0) == 0 ||
                target.rfind(file.string() + "-shm", 0) == 0;
    if (ours && target.find("(deleted)") != std::string::npos) {
      out.push_back(target);
    }
  }
  return out;
}

/// Whether any lock in the system (/proc/locks) covers byte `at` of file:
/// SQLite marks each program that has a project open by a lock on byte 128
/// of its -shm file.
bool locked(const fs::path& file, long at) {
  struct stat st {};
  BOOST_TEST_REQUIRE(::stat(file.c_str(), &st) == 0);
  const auto inode = ":" + std::to_string(st.st_ino);
  std::ifstream in("/proc/locks");
  std::string line;
  while (std::getline(in, line)) {
    if (line.find("->") != std::string::npos) {
      continue; // a program waiting for that lock
    }
    // "1: OFDLCK  ADVISORY  READ  -1 fd:01:1234 128 128"
    std::istringstream fields(line);
    std::string n, kind, mode, type, pid, dev, start, end;
    fields >> n >> kind >> mode >> type >> pid >> dev >> start >> end;
    if (dev.size() > inode.size() && dev.ends_with(inode) && std::stol(start) <= at &&
        (end == "EOF" || std::stol(end) >= at)) {
      return true;
    }
  }
  return false;
}

/// `quire codes list` as another program sees it.
std::string codes_seen_by_cli(const fs::path& file) {
  auto r = run_quire({"codes", "list", file.string()});
  BOOST_TEST_REQUIRE(r.status == 0, r.err);
  return r.out;
}

bool has_code(const Project& p, const std::string& path) {
  return try_find_code(p, path).has_value();
}

} // namespace

BOOST_AUTO_TEST_SUITE(other_program_opens_the_file)

BOOST_AUTO_TEST_CASE(a_file_dialog_showing_the_project_never_costs_the_apps_work) {
  TempDir dir;
  const auto file = dir / "staff.quire";
  BOOST_TEST_REQUIRE(run_quire({"init", file.string()}).status == 0);
  std::optional<Project> app = Project::open(file); // as the desktop app does
  add_code(*app, "Before the dialog");

  for (int round = 0; round < 3; ++round) {
    BOOST_TEST_CONTEXT("round " << round) {
      // The Import dialog shows the project's folder: it sniffs every file
      // there, the project and its working files.
      sniff(file);
      for (const char* working : {"-wal", "-shm"}) {
        std::error_code ec;
        if (fs::file_size(file.string() + working, ec) > 0 && !ec) {
          sniff(file.string() + working);
        }
      }
      // The app still holds its place in the shared memory (else the next
      // program in would reset it under the app).
      BOOST_TEST(locked(file.string() + "-shm", 128));
      // Another program opens and closes the project: reading, then writing.
      auto r = run_quire({"info", file.string()});
      BOOST_TEST_REQUIRE(r.status == 0, r.err);
      r = run_quire({"codes", "add", file.string(), "CLI " + std::to_string(round)});
      BOOST_TEST_REQUIRE(r.status == 0, r.err);
      BOOST_TEST(deleted_working_files(file).empty());
      BOOST_TEST(fs::exists(file.string() + "-wal"));

      // The app's next action reaches the project: another program sees it.
      const auto mine = "After the dialog " + std::to_string(round);
      add_code(*app, mine);
      BOOST_TEST(has_code(*app, "CLI " + std::to_string(round)));
      BOOST_TEST(codes_seen_by_cli(file).find(mine) != std::string::npos);
      BOOST_TEST(deleted_working_files(file).empty());
    }
  }
  app.reset();

  // After the last program closed it, NAME.quire alone holds everything: a
  // copy of only that file (a backup, a mail attachment) is whole.
  TempDir elsewhere;
  BOOST_TEST_REQUIRE(run_program("cp", {file.string(), elsewhere.path().string()}).status == 0);
  for (const auto& f : {file, elsewhere / "staff.quire"}) {
    BOOST_TEST_CONTEXT(f) {
      auto p = Project::open(f);
      BOOST_TEST(has_code(p, "Before the dialog"));
      for (int round = 0; round < 3; ++round) {
        BOOST_TEST(has_code(p, "After the dialog " + std::to_string(round)));
        BOOST_TEST(has_code(p, "CLI " + std::to_string(round)));
      }
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()
