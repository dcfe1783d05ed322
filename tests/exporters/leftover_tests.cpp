// What an export leaves when it is killed or the disk fills: the real
// `quire export` in a child process, killed with SIGKILL mid-write, or
// limited with RLIMIT_FSIZE (the disk is "full" past a size).
#include <boost/test/unit_test.hpp>

#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <random>
#include <thread>

#include "exporters/exporter.h"
#include "exporters/held_stderr.h"
#include "exporters/xlsx_book.h"
#include "quire/ingest/import_data.h"
#include "quire/model/documents.h"
#include "quire/store/project.h"
#include "support/test_support.h"

using namespace quire;
using namespace quire::test;
namespace fs = std::filesystem;

namespace {

/// A project big enough that exporting it takes a while: 400 interviews of
/// ~20 KB, each turn coded under one of three themes.
fs::path big_project(const TempDir& dir) {
  auto file = dir / "big.quire";
  auto p = Project::create(file);
  ImportData data;
  const char* const themes[] = {"Themes/Time", "Themes/Trust", "Themes/Funding"};
  const char* const words[] = {"the",   "network", "meetings", "took",    "time",    "café",
                               "talks", "built",   "trust",    "between", "schools", "funding",
                               "ran",   "out",     "in",       "second",  "term",    "we",
                               "met",   "online",  "after",    "that",    "which",   "was",
                               "not",   "same",    "at",       "all",     "Müller",  "naïve"};
  std::mt19937 rng(7);
  for (int d = 0; d < 400; ++d) {
    ImportedDocument doc;
    doc.name = "Interview " + std::to_string(d + 1);
    doc.kind = DocumentKind::Text;
    TextBuilder text;
    for (int t = 0; t < 80; ++t) {
      text.paragraph_break();
      std::string turn = "P" + std::to_string(d) + ", turn " + std::to_string(t) + ":";
      for (int w = 0; w < 40; ++w) {
        turn += std::string(" ") + words[rng() % std::size(words)];
      }
      auto [s, e] = text.append(turn + ".");
      doc.passages.push_back({s, e, {}, {}, {}, {}, {}});
      doc.codings.push_back({themes[(d + t) % 3], s, e});
    }
    doc.text = text.take();
    data.documents.push_back(std::move(doc));
  }
  store_import(p, data);
  return file;
}

/// Names of the files in dir that hold ".part".
std::vector<std::string> part_files(const fs::path& dir) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(dir)) {
    const auto name = e.path().filename().string();
    if (name.find(".part") != std::string::npos) {
      out.push_back(name);
    }
  }
  return out;
}

/// Whether process pid has a file with no name open in dir (O_TMPFILE:
/// /proc shows it as "DIR/#INODE (deleted)").
bool writing_unnamed(pid_t pid, const fs::path& dir) {
  std::error_code ec;
  const auto prefix = dir.string() + "/#";
  for (fs::directory_iterator it(fs::path("/proc") / std::to_string(pid) / "fd", ec), end;
       !ec && it != end; it.increment(ec)) {
    std::error_code lec;
    const auto target = fs::read_symlink(it->path(), lec).string();
    if (!lec && target.rfind(prefix, 0) == 0 && target.find("(deleted)") != std::string::npos) {
      return true;
    }
  }
  return false;
}

struct Child {
  pid_t pid = -1;
  fs::path out, err;
};

/// Starts `quire ARGS` with stdout and stderr to files, not waiting for it
/// (to kill it while it works).
Child start_quire(const std::vector<std::string>& args, const fs::path& dir) {
  Child c;
  c.out = dir / "child.out";
  c.err = dir / "child.err";
  std::vector<std::string> all{QUIRE_CLI_PATH};
  all.insert(all.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : all) {
    argv.push_back(a.data());
  }
  argv.push_back(nullptr);
  std::cout.flush();
  std::fflush(nullptr);
  c.pid = ::fork();
  BOOST_REQUIRE(c.pid >= 0);
  if (c.pid == 0) {
    int o = ::open(c.out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    int e = ::open(c.err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    ::dup2(o, 1);
    ::dup2(e, 2);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  return c;
}

int wait_for(const Child& c) {
  int status = 0;
  ::waitpid(c.pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

void killed_mid_write_leaves_nothing_after_the_next_export(const std::string& ext,
                                                           bool named_part = false) {
  TempDir dir;
  auto project = big_project(dir);
  auto out_dir = dir / "out";
  fs::create_directories(out_dir);
  auto out = out_dir / ("report" + ext);
  if (named_part) {
    ::setenv("QUIRE_EXPORT_NAMED_PART", "1", 1); // the child inherits it
  }
  auto child = start_quire({"export", project.string(), out.string()}, dir.path());
  ::unsetenv("QUIRE_EXPORT_NAMED_PART");
  // Mid-write: as soon as a temporary file of the export shows.
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  bool unnamed = false;
  while (part_files(out_dir).empty() && !(unnamed = writing_unnamed(child.pid, out_dir)) &&
         std::chrono::steady_clock::now() < until) {
    int status = 0;
    if (::waitpid(child.pid, &status, WNOHANG) == child.pid) {
      BOOST_FAIL("the export ended before it could be killed; make the project bigger");
    }
    std::this_thread::sleep_for(std::chrono::microseconds(200));
  }
  ::kill(child.pid, SIGKILL);
  BOOST_TEST(wait_for(child) == 128 + SIGKILL);
  BOOST_TEST(!fs::exists(out));
  if (unnamed) {
    // Written as a file with no name (O_TMPFILE): the kill left nothing at all.
    BOOST_TEST(part_files(out_dir).empty());
  }
  BOOST_TEST_MESSAGE(ext << " killed, left: " << part_files(out_dir).size() << " file(s)");
  // Leftovers of older versions, as a killed one could leave them.
  write_file(out_dir / ("report" + ext + ".part.part-1a2b3c4d"), "old");
  write_file(out_dir / ("report" + ext + ".part.part-1a2b3c4d.Xy12Ab"), "old");
  write_file(out_dir / ("report" + ext + ".part.part"), "old");
  write_file(out_dir / ("report" + ext + ".part-0badcafe"), "old");
  write_file(out_dir / "notes.part.txt", "the user's own file"); // not ours: these stay
  write_file(out_dir / ("report" + ext + ".part.backup"), "the user's own file");
  auto again = run_quire({"export", project.string(), out.string()});
  BOOST_TEST(again.status == 0, again.err);
  BOOST_TEST(fs::exists(out));
  auto left = part_files(out_dir);
  std::sort(left.begin(), left.end());
  BOOST_TEST(left == (std::vector<std::string>{"notes.part.txt", "report" + ext + ".part.backup"}));
}

} // namespace

BOOST_AUTO_TEST_SUITE(leftovers)

BOOST_AUTO_TEST_CASE(a_killed_qdpx_export_leaves_nothing_after_the_next) {
  killed_mid_write_leaves_nothing_after_the_next_export(".qdpx");
}

BOOST_AUTO_TEST_CASE(a_killed_xlsx_export_leaves_nothing_after_the_next) {
  killed_mid_write_leaves_nothing_after_the_next_export(".xlsx");
}

BOOST_AUTO_TEST_CASE(where_files_cannot_be_unnamed_a_killed_export_s_part_goes_with_the_next) {
  // File systems without O_TMPFILE (FAT sticks, some network shares) write
  // OUT.part; the next export to OUT clears what a killed one left.
  killed_mid_write_leaves_nothing_after_the_next_export(".xlsx", true);
}

BOOST_AUTO_TEST_CASE(two_exports_to_one_file_at_once_the_second_is_refused) {
  TempDir dir;
  auto project = dir / "p.quire";
  Project::create(project);
  auto out = dir / "codes.csv";
  // Another export is writing codes.csv: it holds the lock on codes.csv.part.
  auto part = dir / "codes.csv.part";
  int fd = ::open(part.c_str(), O_WRONLY | O_CREAT, 0644);
  BOOST_REQUIRE(fd >= 0);
  BOOST_REQUIRE(::flock(fd, LOCK_EX) == 0);
  auto r = run_quire({"export", project.string(), out.string(), "--table", "codebook"});
  BOOST_TEST(r.status != 0);
  BOOST_TEST(r.err.find("another export to this file is being written now") != std::string::npos,
             r.err);
  BOOST_TEST(fs::exists(part)); // the other export's file is left alone
  ::close(fd);
  // Its writer gone (the lock with it), the next export takes over.
  r = run_quire({"export", project.string(), out.string(), "--table", "codebook"});
  BOOST_TEST(r.status == 0, r.err);
  BOOST_TEST(fs::exists(out));
  BOOST_TEST(!fs::exists(part));
}

BOOST_AUTO_TEST_CASE(a_full_disk_gives_one_clear_message_and_no_library_lines) {
  TempDir dir;
  auto project = big_project(dir);
  for (const std::string ext : {".xlsx", ".qdpx", ".csv"}) {
    auto out = dir / ("report" + ext);
    // 256 KB: the project can be opened and read, the export not written.
    auto r = quire::test::run_quire_with_file_limit(256 << 10,
                                                    {"export", project.string(), out.string()});
    const int status = r.status;
    const auto& err = r.err;
    BOOST_TEST_MESSAGE(ext << ": " << err);
    BOOST_TEST(status != 0, ext);
    BOOST_TEST(err.find("[ERROR]") == std::string::npos, err);
    BOOST_TEST(err.find("[WARNING]") == std::string::npos, err);
    BOOST_TEST(err.find(out.string()) != std::string::npos, err);
    BOOST_TEST(err.find(".part") == std::string::npos, err); // the user knows the file as OUT
    BOOST_TEST(err.find("free some space") != std::string::npos, err);
    std::size_t error_lines = 0; // the other lines are progress ("Writing the tables…")
    for (std::size_t at = 0; (at = err.find("error", at)) != std::string::npos; ++at) {
      ++error_lines;
    }
    BOOST_TEST(error_lines == 1u, err);
    BOOST_TEST(!fs::exists(out));
    BOOST_TEST(part_files(dir.path()).empty());
  }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(full_disk)

BOOST_AUTO_TEST_CASE(libxlsxwriter_lines_are_held_back_when_the_workbook_cannot_be_written) {
  // Twenty sheets, each small enough for its temporary file, together too
  // big for the file limit: the zip fails at close, where libxlsxwriter
  // prints "[ERROR]..." lines of its own.
  TempDir dir;
  const auto out = dir / "many.xlsx", err = dir / "err.txt";
  std::cout.flush();
  std::fflush(nullptr); // nothing buffered is written twice
  const pid_t pid = ::fork();
  BOOST_REQUIRE(pid >= 0);
  if (pid == 0) {
    int e = ::open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    ::dup2(e, 2);
    ::signal(SIGXFSZ, SIG_IGN);
    rlimit lim{100 << 10, 100 << 10};
    ::setrlimit(RLIMIT_FSIZE, &lim);
    std::mt19937 rng(3);
    try {
      XlsxBook book(out);
      for (int s = 0; s < 20; ++s) {
        book.begin_sheet("Sheet " + std::to_string(s + 1), {{"N", false}, {"Text", false}});
        for (int r = 0; r < 400; ++r) {
          book.add_row(
              {ExportCell::num(r), ExportCell::of(std::to_string(rng()) + std::to_string(rng()))});
        }
      }
      book.close();
      std::fprintf(stderr, "closed\n");
      ::_exit(0);
    } catch (const std::exception& x) {
      std::fprintf(stderr, "caught: %s\n", x.what());
      ::_exit(3);
    }
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  const auto text = read_file(err);
  BOOST_TEST_MESSAGE(text);
  BOOST_TEST((WIFEXITED(status) && WEXITSTATUS(status) == 3), text);
  BOOST_TEST(text.rfind("caught: ", 0) == 0, text);
  BOOST_TEST(text.find("could not write the workbook") != std::string::npos, text);
  BOOST_TEST(text.find("free some space") != std::string::npos, text);
  BOOST_TEST(text.find("[ERROR]") == std::string::npos, text);
}

BOOST_AUTO_TEST_CASE(other_output_on_stderr_is_passed_on) {
  // What the held-back stretch catches that is not libxlsxwriter's comes
  // out afterwards, in order.
  TempDir dir;
  const auto err = dir / "err.txt";
  std::cout.flush();
  std::fflush(nullptr); // nothing buffered is written twice
  const pid_t pid = ::fork();
  BOOST_REQUIRE(pid >= 0);
  if (pid == 0) {
    int e = ::open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    ::dup2(e, 2);
    std::fprintf(stderr, "before\n");
    {
      HeldStderr held([](std::string_view l) { return l.rfind("[ERROR]", 0) == 0; });
      std::fprintf(stderr, "[ERROR][packager.c:1]: Error in writing member\n");
      std::fprintf(stderr, "a line of someone else\n");
      std::fprintf(stderr, "[ERROR] workbook_close(): Zip error\n");
    }
    std::fprintf(stderr, "after\n");
    ::_exit(0);
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  BOOST_TEST(read_file(err) == "before\na line of someone else\nafter\n");
}

BOOST_AUTO_TEST_SUITE_END()
