// Issue 14.9 and 14.12 through the real `quire` binary: a read-only project
// or folder, a project of another user, a disk that fills up and a damaged
// page each get their own message saying what to do; a read-only copy opened
// read-only can be read, searched and exported; `quire check`.
//
// Permission bits do not stop root, so as root the CLI runs as the user
// nobody (setpriv); as anyone else it runs as that user.
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "support/test_support.h"

using quire::test::run_program;
using quire::test::run_quire;
using quire::test::RunResult;
using quire::test::TempDir;

namespace fs = std::filesystem;

namespace {

/// `quire ARGS` as a user without root's powers over files.
RunResult run_unprivileged(const std::vector<std::string>& args) {
  if (geteuid() != 0) {
    return run_quire(args);
  }
  std::vector<std::string> all = {"--reuid=65534", "--regid=65534", "--clear-groups",
                                  QUIRE_CLI_PATH};
  all.insert(all.end(), args.begin(), args.end());
  return run_program("setpriv", all);
}

/// A project with two documents and a coding, made by the CLI in folder.
std::string make_project(const fs::path& folder) {
  auto p = (folder / "study.quire").string();
  BOOST_REQUIRE(run_quire({"init", p}).status == 0);
  quire::test::write_file(folder / "cafe.txt",
                          "We met at the cafe every week.\n\nThe rail strike kept us apart.");
  quire::test::write_file(folder / "notes.txt", "Notes on lesson plans shared by the team.");
  BOOST_REQUIRE(
      run_quire({"import", p, (folder / "cafe.txt").string(), (folder / "notes.txt").string()})
          .status == 0);
  BOOST_REQUIRE(run_quire({"codes", "add", p, "Barriers"}).status == 0);
  auto r = run_quire({"code", p, "--doc", "cafe", "--match", "rail strike", "--code", "Barriers"});
  BOOST_REQUIRE_MESSAGE(r.status == 0, r.err);
  return p;
}

int documents(const RunResult& info_json) {
  return nlohmann::json::parse(info_json.out).at("documents").get<int>();
}

} // namespace

BOOST_AUTO_TEST_SUITE(file_access)

BOOST_AUTO_TEST_CASE(a_read_only_copy_is_read_searched_and_exported_read_only) {
  TempDir dir;
  auto src = make_project(dir.path());
  auto ro = dir / "cd";
  fs::create_directories(ro);
  BOOST_REQUIRE(run_program("cp", {src, ro.string()}).status == 0);
  const auto file = (ro / "study.quire").string();
  auto out = dir / "out";
  fs::create_directories(out);
  fs::permissions(out, fs::perms::all); // nobody writes the export here
  fs::permissions(file, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
  fs::permissions(ro, fs::perms::owner_read | fs::perms::owner_exec | fs::perms::group_read |
                          fs::perms::group_exec | fs::perms::others_read | fs::perms::others_exec);
  const auto digest = quire::test::file_digest(file);

  // Opened as usual: it says it is read-only and how to read it anyway.
  auto r = run_unprivileged({"info", file});
  BOOST_TEST(r.status == 1);
  BOOST_TEST(r.err.find("read-only") != std::string::npos, r.err);
  BOOST_TEST(r.err.find("--read-only") != std::string::npos, r.err);
  BOOST_TEST(r.err.find("in use by another") == std::string::npos, r.err);

  // Read-only: reading, searching, exporting, checking.
  r = run_unprivileged({"info", file, "--read-only", "--json"});
  BOOST_TEST_REQUIRE(r.status == 0, r.err);
  BOOST_TEST(documents(r) == 2);
  r = run_unprivileged({"codings", file, "--read-only", "--json"});
  BOOST_TEST_REQUIRE(r.status == 0, r.err);
  BOOST_TEST(nlohmann::json::parse(r.out).size() == 1u);
  r = run_unprivileged({"export", file, (out / "copy.xlsx").string(), "--read-only"});
  BOOST_TEST(r.status == 0, r.err);
  BOOST_TEST(fs::exists(out / "copy.xlsx"));
  r = run_unprivileged({"search", file, "strike", "--read-only", "--json"});
  BOOST_TEST(r.status == 0, r.err);
  BOOST_TEST(r.out.find("rail") != std::string::npos, r.out);
  r = run_unprivileged({"check", file, "--read-only"});
  BOOST_TEST(r.status == 0, r.err + r.out);

  // Changing it: refused, nothing changed.
  r = run_unprivileged({"codes", "add", file, "New", "--read-only"});
  BOOST_TEST(r.status == 1);
  BOOST_TEST(r.err.find("read-only; nothing was changed") != std::string::npos, r.err);
  BOOST_TEST(r.err.find("add --read-only") == std::string::npos, r.err);
  BOOST_TEST(quire::test::file_digest(file) == digest);

  // Recent work in a -wal the folder will not let SQLite read: it says to
  // copy both files, rather than show the project without that work.
  fs::permissions(ro, fs::perms::owner_all);
  fs::permissions(file, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read |
                            fs::perms::others_read);
  {
    // A writer that has not checkpointed: its -wal holds a committed change.
    sqlite3* db = nullptr;
    BOOST_REQUIRE(sqlite3_open(file.c_str(), &db) == SQLITE_OK);
    BOOST_REQUIRE(sqlite3_exec(db,
                               "PRAGMA wal_autocheckpoint = 0; INSERT INTO setting(key, "
                               "value) VALUES ('late', 'work')",
                               nullptr, nullptr, nullptr) == SQLITE_OK);
    BOOST_REQUIRE(run_program("cp", {file + "-wal", (dir / "kept-wal").string()}).status == 0);
    sqlite3_close(db); // checkpoints and removes its -wal: put the copy back
    BOOST_REQUIRE(run_program("cp", {(dir / "kept-wal").string(), file + "-wal"}).status == 0);
    std::error_code ec;
    fs::remove(file + "-shm", ec);
  }
  fs::permissions(ro, fs::perms::owner_read | fs::perms::owner_exec | fs::perms::group_read |
                          fs::perms::group_exec | fs::perms::others_read | fs::perms::others_exec);
  r = run_unprivileged({"info", file, "--read-only"});
  BOOST_TEST(r.status == 1);
  BOOST_TEST(r.err.find("together with study.quire-wal") != std::string::npos, r.err);
  fs::permissions(ro, fs::perms::owner_all);
}

// Issue 17: the -wal and -shm files stay beside a closed project (the -wal
// emptied into the project file). Copied along with it to a read-only place
// (a CD, a read-only share), they never stop it opening read-only.
BOOST_AUTO_TEST_CASE(a_read_only_copy_with_its_working_files_opens_read_only) {
  TempDir dir;
  auto src = make_project(dir.path());
  auto ro = dir / "cd";
  fs::create_directories(ro);
  std::vector<std::string> files;
  for (const char* suffix : {"", "-wal", "-shm"}) {
    BOOST_TEST_REQUIRE(fs::exists(src + suffix), src + suffix);
    files.push_back(src + suffix);
  }
  files.push_back(ro.string());
  BOOST_REQUIRE(run_program("cp", files).status == 0);
  const auto file = (ro / "study.quire").string();
  for (const auto& e : fs::directory_iterator(ro)) {
    fs::permissions(e.path(),
                    fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
  }
  fs::permissions(ro, fs::perms::owner_read | fs::perms::owner_exec | fs::perms::group_read |
                          fs::perms::group_exec | fs::perms::others_read | fs::perms::others_exec);
  for (int round = 0; round < 2; ++round) { // a second time: nothing left behind stops it
    auto r = run_unprivileged({"info", file, "--read-only", "--json"});
    BOOST_TEST_REQUIRE(r.status == 0, r.err);
    BOOST_TEST(documents(r) == 2);
    r = run_unprivileged({"codings", file, "--read-only", "--json"});
    BOOST_TEST_REQUIRE(r.status == 0, r.err);
    BOOST_TEST(nlohmann::json::parse(r.out).size() == 1u);
  }
  fs::permissions(ro, fs::perms::owner_all);
}

BOOST_AUTO_TEST_CASE(a_project_of_another_user_says_so) {
  TempDir dir;
  auto src = make_project(dir.path());
  // 0600 and owned by root: nobody may not read it. As a normal user, a
  // file we may not read stands for it.
  fs::permissions(src, fs::perms::owner_read | fs::perms::owner_write);
  RunResult r;
  if (geteuid() == 0) {
    r = run_unprivileged({"info", src});
  } else {
    fs::permissions(src, fs::perms::none);
    r = run_quire({"info", src});
  }
  BOOST_TEST(r.status == 1);
  BOOST_TEST(r.err.find("not allowed to open") != std::string::npos, r.err);
  BOOST_TEST(r.err.find("cannot be read as a Quire project") == std::string::npos, r.err);
  fs::permissions(src, fs::perms::owner_read | fs::perms::owner_write);
}

BOOST_AUTO_TEST_CASE(a_full_disk_says_so_and_changes_nothing) {
  TempDir dir;
  auto p = make_project(dir.path());
  std::string big;
  for (int i = 0; i < 20000; ++i) {
    big += "Paragraph " + std::to_string(i) + " of a long interview about the school.\n\n";
  }
  quire::test::write_file(dir / "long.txt", big);
  // A file size limit makes every write past it fail (EFBIG), as a full disk
  // does (ENOSPC); SIGXFSZ is ignored so the write returns the error.
  // (QUIRE_SAFETY_COPY=optional: the safety copy before the import would
  // hit the limit first, with a message of its own.)
  auto r = quire::test::run_quire_with_file_limit(fs::file_size(p) + (64 << 10),
                                                  {"import", p, (dir / "long.txt").string()},
                                                  {{"QUIRE_SAFETY_COPY", "optional"}});
  BOOST_TEST(r.status == 1);
  BOOST_TEST((r.err.find("full") != std::string::npos ||
              r.err.find("file size limit") != std::string::npos),
             r.err);
  BOOST_TEST(r.err.find("nothing was changed") != std::string::npos, r.err);
  auto info = run_quire({"info", p, "--json"});
  BOOST_TEST_REQUIRE(info.status == 0, info.err);
  BOOST_TEST(documents(info) == 2);
}

// Issue 14.4 as it happened: `quire info` in a loop beside imports in
// another process, whose commits checkpoint as they go. It never calls the
// project truncated (the old header check did in 2 of 4 runs).
BOOST_AUTO_TEST_CASE(info_in_a_loop_beside_imports_never_refuses_the_project) {
  TempDir dir;
  auto p = make_project(dir.path());
  for (int f = 0; f < 12; ++f) {
    std::string text;
    for (int i = 0; i < 3000; ++i) {
      text += "File " + std::to_string(f) + " paragraph " + std::to_string(i) +
              " about networks of teachers.\n\n";
    }
    quire::test::write_file(dir / ("big" + std::to_string(f) + ".txt"), text);
  }
  const std::string script = R"SH(
    Q="$1"; P="$2"; D="$3"
    ( for f in 0 1 2 3 4 5 6 7 8 9 10 11; do "$Q" import "$P" "$D/big$f.txt" >/dev/null || echo import-failed; done; touch "$D/done" ) &
    n=0
    while [ ! -e "$D/done" ]; do
      "$Q" info "$P" >/dev/null 2>"$D/err" || { echo "info-failed: $(cat "$D/err")"; }
      n=$((n+1))
    done
    wait
    echo "runs=$n"
  )SH";
  auto r = run_program("sh", {"-c", script, "sh", QUIRE_CLI_PATH, p, dir.path().string()});
  BOOST_TEST_REQUIRE(r.status == 0, r.err);
  BOOST_TEST(r.out.find("failed") == std::string::npos, r.out);
  BOOST_TEST(r.out.find("runs=") != std::string::npos, r.out);
  BOOST_TEST(r.out.find("runs=0") == std::string::npos, r.out);
  auto info = run_quire({"info", p, "--json"});
  BOOST_TEST(documents(info) == 14);
}

// A real full disk (ENOSPC): a small tmpfs in a mount namespace of our own
// (unshare -rm works as root and, where user namespaces are allowed, as
// anyone). Skipped, saying so, where it cannot be made.
BOOST_AUTO_TEST_CASE(a_really_full_disk_says_so_when_writing_and_when_opening) {
  if (run_program("unshare", {"-rm", "true"}).status != 0) {
    BOOST_TEST_MESSAGE("skipped: no mount namespace here (unshare -rm)");
    return;
  }
  TempDir dir;
  auto p = make_project(dir.path());
  std::string big;
  for (int i = 0; i < 20000; ++i) {
    big += "Paragraph " + std::to_string(i) + " of a long interview about the school.\n\n";
  }
  quire::test::write_file(dir / "long.txt", big);
  fs::create_directories(dir / "disk");
  const std::string script = R"SH(
    Q="$1"; D="$2"; P="$3"; L="$4"
    export QUIRE_SAFETY_COPY=optional # the disk is full for Quire's own writes
    mount -t tmpfs -o size=700k tmpfs "$D" || exit 77
    cp "$P" "$D/s.quire" || exit 78
    "$Q" import "$D/s.quire" "$L"; echo "import=$?"
    "$Q" info "$D/s.quire" --json; echo "info=$?"
    cat /dev/zero > "$D/fill" 2>/dev/null
    "$Q" info "$D/s.quire"; echo "full-info=$?"
    rm -f "$D/s.quire-wal" "$D/s.quire-shm"
    cat /dev/zero >> "$D/fill" 2>/dev/null
    "$Q" info "$D/s.quire"; echo "full-open=$?"
    rm "$D/fill"
    "$Q" info "$D/s.quire" --json; echo "info-again=$?"
  )SH";
  auto r = run_program("unshare", {"-rm", "sh", "-c", script, "sh", QUIRE_CLI_PATH,
                                   (dir / "disk").string(), p, (dir / "long.txt").string()});
  BOOST_TEST_REQUIRE(r.status == 0, r.err + r.out);
  BOOST_TEST(r.out.find("import=1") != std::string::npos, r.out);
  BOOST_TEST(r.out.find("info=0") != std::string::npos, r.out);
  BOOST_TEST(r.out.find("\"documents\": 2") != std::string::npos, r.out); // nothing changed
  // Its working files kept beside it (-wal, -shm), the project opens on
  // the full disk; the project file alone (copied there) cannot, as SQLite
  // must make them: it says why.
  BOOST_TEST(r.out.find("full-info=0") != std::string::npos, r.out);
  BOOST_TEST(r.out.find("full-open=1") != std::string::npos, r.out);
  BOOST_TEST(r.out.find("info-again=0") != std::string::npos, r.out);
  // Both failures say the disk is full, and that nothing was changed.
  auto first = r.err.find("quire: error:");
  BOOST_TEST_REQUIRE(first != std::string::npos, r.err);
  auto second = r.err.find("quire: error:", first + 1);
  BOOST_TEST_REQUIRE(second != std::string::npos, r.err);
  for (auto at : {first, second}) {
    auto line = r.err.substr(at, r.err.find('\n', at) - at);
    BOOST_TEST(line.find("is full") != std::string::npos, line);
    BOOST_TEST(line.find("disk I/O error (PRAGMA") == std::string::npos, line);
  }
}

BOOST_AUTO_TEST_CASE(check_finds_a_damaged_page_and_info_says_damaged) {
  TempDir dir;
  auto p = make_project(dir.path());
  for (int i = 0; i < 30; ++i) {
    std::string text;
    for (int k = 0; k < 80; ++k) {
      text += "Answer " + std::to_string(i) + "." + std::to_string(k) + " about the school.\n\n";
    }
    quire::test::write_file(dir / ("a" + std::to_string(i) + ".txt"), text);
    BOOST_REQUIRE(
        run_quire({"import", p, (dir / ("a" + std::to_string(i) + ".txt")).string()}).status == 0);
  }
  // With a search index: it is checked too (it holds every passage).
  BOOST_TEST_REQUIRE(run_quire({"search", p, "school"}).status == 0);
  auto r = run_quire({"check", p, "--json"});
  BOOST_TEST_REQUIRE(r.status == 0, r.err + r.out);
  auto ok = nlohmann::json::parse(r.out);
  BOOST_TEST(ok.at("ok") == true);
  BOOST_TEST(ok.at("checks").dump() == R"(["file","foreign keys","undo","journal","index"])");
  fs::remove_all(p + ".index"); // the damage below is the file's alone

  // Damage a b-tree page in the middle of the file (no program has it open).
  auto bytes = quire::test::read_file(p);
  const std::size_t page = 4096, pages = bytes.size() / page;
  std::size_t victim = 0;
  for (std::size_t n = pages / 2; n < pages - 2 && !victim; ++n) {
    auto kind = static_cast<unsigned char>(bytes[n * page]);
    if (kind == 0x0d || kind == 0x0a || kind == 0x05 || kind == 0x02) {
      victim = n;
    }
  }
  BOOST_TEST_REQUIRE(victim != 0u);
  for (std::size_t i = 8; i < 300; ++i) {
    bytes[victim * page + i] = static_cast<char>(0x5A);
  }
  quire::test::write_file(p, bytes);

  r = run_quire({"check", p, "--json"});
  BOOST_TEST(r.status == 1);
  auto j = nlohmann::json::parse(r.out);
  BOOST_TEST(j.at("ok") == false);
  BOOST_TEST_REQUIRE(!j.at("problems").empty());
  auto message = j["problems"][0]["message"].get<std::string>();
  BOOST_TEST(message.find("damaged") != std::string::npos, message);
  BOOST_TEST(message.find("backup") != std::string::npos, message);
  BOOST_TEST(r.out.find(".bak") == std::string::npos, r.out);
  r = run_quire({"check", p});
  BOOST_TEST(r.status == 1);
  BOOST_TEST(r.err.find("problem") != std::string::npos, r.err);

  // `quire info` looks at every page too: it says the file is damaged and
  // points to check.
  r = run_quire({"info", p});
  BOOST_TEST(r.status == 1);
  BOOST_TEST(r.err.find("damaged") != std::string::npos, r.err);
  BOOST_TEST(r.err.find("quire check") != std::string::npos, r.err);
  BOOST_TEST(r.err.find(".bak") == std::string::npos, r.err);
}

BOOST_AUTO_TEST_SUITE_END()
