// Issue 18.5's benchmark: how long Quire takes to start, as a user meets it.
//   `quire --version` and `quire search PROJECT WORD` as whole processes
//   (wall and CPU time, median of N runs) on a project of 1,000 speeches
//   (~14 MB, built here with the real CLI), and the time from launching
//   quire-gui on the demo project to its window being shown (under the
//   display in $DISPLAY, else an Xvfb started here; skipped when neither).
// Printed beside the figures: 30 ms of CPU for --version and 55 ms
// for a search before, targets <= 5 ms, <= 20 ms and 0.5 s for the window.
// Default: 20 runs of each (3 of the window); --full: 100 (10); --runs N;
// --cli PATH and --gui PATH time other builds (--gui '' skips the window).
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "figures.h"

extern char** environ;

namespace fs = std::filesystem;
using namespace quire::bench;

namespace {

struct Run {
  double wall_ms = 0;
  double cpu_ms = 0; ///< user + system of the child
  int status = -1;
};

std::vector<char*> argv_of(std::vector<std::string>& args) {
  std::vector<char*> out;
  for (auto& a : args) {
    out.push_back(a.data());
  }
  out.push_back(nullptr);
  return out;
}

/// Runs args with stdout and stderr to /dev/null; wall and CPU time.
Run run(std::vector<std::string> args, const std::vector<std::string>& env_extra = {}) {
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
  std::vector<std::string> env_s;
  for (char** e = environ; *e; ++e) {
    env_s.emplace_back(*e);
  }
  env_s.insert(env_s.end(), env_extra.begin(), env_extra.end());
  auto argv = argv_of(args);
  auto envp = argv_of(env_s);
  Run r;
  pid_t pid = 0;
  const double t0 = now_s();
  if (posix_spawn(&pid, argv[0], &fa, nullptr, argv.data(), envp.data()) != 0) {
    posix_spawn_file_actions_destroy(&fa);
    return r;
  }
  struct rusage ru {};
  int status = 0;
  wait4(pid, &status, 0, &ru);
  r.wall_ms = (now_s() - t0) * 1000;
  r.cpu_ms = (static_cast<double>(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1000 +
              static_cast<double>(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1000);
  r.status = status;
  posix_spawn_file_actions_destroy(&fa);
  return r;
}

bool ok(const Run& r) {
  return WIFEXITED(r.status) && WEXITSTATUS(r.status) == 0;
}

/// Words of 1,000 speeches: a few hundred common words and 5,000 rarer
/// made-up ones, Zipf-like, so that a search term matches some passages.
std::string speech(std::mt19937& rng, std::size_t chars, const std::vector<std::string>& words) {
  std::string t;
  std::uniform_real_distribution<double> u(0, 1);
  int in_sentence = 0;
  while (t.size() < chars) {
    // index ~ N^u: frequent words often, rare ones now and then.
    auto i = static_cast<std::size_t>(std::pow(static_cast<double>(words.size()), u(rng))) - 1;
    std::string w = words[std::min(i, words.size() - 1)];
    if (in_sentence == 0 && !w.empty()) {
      w[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(w[0])));
    }
    t += w;
    if (++in_sentence > 8 + static_cast<int>(rng() % 14)) {
      t += rng() % 6 == 0 ? ".\n\n" : ". ";
      in_sentence = 0;
    } else {
      t += ' ';
    }
  }
  return t + ".\n";
}

std::vector<std::string> vocabulary() {
  std::vector<std::string> words = {
      "the",      "and",      "to",       "of",      "a",       "in",       "that",    "it",
      "is",       "we",       "i",        "for",     "was",     "with",     "they",    "on",
      "have",     "but",      "be",       "our",     "not",     "this",     "are",     "you",
      "so",       "at",       "as",       "my",      "there",   "what",     "from",    "people",
      "school",   "teachers", "learning", "network", "time",    "meeting",  "trust",   "plan",
      "practice", "share",    "ideas",    "funding", "support", "children", "parents", "change",
      "country",  "work",     "years",    "future",  "policy",  "together", "council", "health"};
  const char* syll[] = {"ka",  "lo", "mi",  "ren", "sta", "vor", "del", "qui", "bas", "tel",
                        "nor", "fi", "gan", "pel", "dor", "sen", "tra", "mun", "ver", "lis"};
  std::mt19937 rng(18);
  while (words.size() < 5000) {
    std::string w;
    for (int s = 0, n = 2 + static_cast<int>(rng() % 3); s < n; ++s) {
      w += syll[rng() % 20];
    }
    words.push_back(w);
  }
  return words;
}

void print_row(const char* what, const std::vector<Run>& runs, const char* before,
               const char* target) {
  std::vector<double> wall, cpu;
  for (const auto& r : runs) {
    wall.push_back(r.wall_ms);
    cpu.push_back(r.cpu_ms);
  }
  std::printf("%-36s %9.1f %9.1f %9.1f   %-16s %s\n", what, percentile(wall, 50),
              percentile(cpu, 50), percentile(wall, 90), before, target);
}

/// A display for quire-gui: $DISPLAY, else an Xvfb started here (its pid in
/// xvfb_pid); nullopt when neither.
std::optional<std::string> display(pid_t& xvfb_pid) {
  if (const char* d = std::getenv("DISPLAY"); d && *d) {
    return std::string(d);
  }
  for (const char* dir : {"/usr/bin/Xvfb", "/usr/local/bin/Xvfb"}) {
    if (::access(dir, X_OK) != 0) {
      continue;
    }
    for (int n = 90 + static_cast<int>(getpid() % 50); n < 200; ++n) {
      const std::string sock = "/tmp/.X11-unix/X" + std::to_string(n);
      const std::string lock = "/tmp/.X" + std::to_string(n) + "-lock";
      if (fs::exists(sock) || fs::exists(lock)) {
        continue;
      }
      std::vector<std::string> args = {
          dir, ":" + std::to_string(n), "-screen", "0", "1280x800x24", "-nolisten", "tcp"};
      auto argv = argv_of(args);
      posix_spawn_file_actions_t fa;
      posix_spawn_file_actions_init(&fa);
      posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
      int rc = posix_spawn(&xvfb_pid, argv[0], &fa, nullptr, argv.data(), environ);
      posix_spawn_file_actions_destroy(&fa);
      if (rc != 0) {
        return std::nullopt;
      }
      for (int i = 0; i < 200 && !fs::exists(sock); ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
      }
      return fs::exists(sock) ? std::optional<std::string>(":" + std::to_string(n)) : std::nullopt;
    }
  }
  return std::nullopt;
}

/// Launches quire-gui on project and times it until it says its window is
/// shown (QUIRE_GUI_REPORT_SHOWN, app/gui/startup_report.h).
std::optional<Run> time_to_window(const std::string& gui, const fs::path& project,
                                  const std::string& disp, const fs::path& home) {
  int fds[2];
  if (pipe(fds) != 0) {
    return std::nullopt;
  }
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_adddup2(&fa, fds[1], 1);
  posix_spawn_file_actions_addclose(&fa, fds[0]);
  posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
  std::vector<std::string> args = {gui, project.string()};
  std::vector<std::string> env_s = {"DISPLAY=" + disp, "HOME=" + home.string(),
                                    "XDG_CONFIG_HOME=" + (home / ".config").string(),
                                    "QUIRE_GUI_REPORT_SHOWN=exit", "NO_AT_BRIDGE=1"};
  if (const char* path = std::getenv("PATH")) {
    env_s.push_back(std::string("PATH=") + path);
  }
  auto argv = argv_of(args);
  auto envp = argv_of(env_s);
  Run r;
  pid_t pid = 0;
  const double t0 = now_s();
  int rc = posix_spawn(&pid, argv[0], &fa, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&fa);
  close(fds[1]);
  if (rc != 0) {
    close(fds[0]);
    return std::nullopt;
  }
  std::string out;
  char buf[256];
  bool shown = false;
  for (ssize_t n; !shown && (n = read(fds[0], buf, sizeof buf)) > 0;) {
    out.append(buf, static_cast<std::size_t>(n));
    shown = out.find("window shown") != std::string::npos;
  }
  r.wall_ms = (now_s() - t0) * 1000;
  close(fds[0]);
  struct rusage ru {};
  int status = 0;
  wait4(pid, &status, 0, &ru); // it quits once shown
  r.cpu_ms = (static_cast<double>(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1000 +
              static_cast<double>(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1000);
  r.status = shown ? 0 : 1;
  return r;
}

} // namespace

int main(int argc, char** argv) {
  int runs = full_size(argc, argv) ? 100 : 20;
  for (int i = 1; i + 1 < argc; ++i) {
    if (std::strcmp(argv[i], "--runs") == 0) {
      runs = std::max(1, std::atoi(argv[i + 1]));
    }
  }
  const int window_runs = std::max(3, runs / 10);
  // --cli PATH, --gui PATH: other builds (another checkout's, to compare).
  std::string cli = QUIRE_CLI_PATH;
  std::string gui = QUIRE_GUI_PATH;
  for (int i = 1; i + 1 < argc; ++i) {
    if (std::strcmp(argv[i], "--cli") == 0) {
      cli = argv[i + 1];
    } else if (std::strcmp(argv[i], "--gui") == 0) {
      gui = argv[i + 1];
    }
  }
  std::printf("Start-up (issue 18.5): %d runs each; %s\n", runs, cli.c_str());
  std::printf("machine check (sort of 4M integers): %.3f s\n", machine_check_s());

  const auto dir = fs::temp_directory_path() / ("quire-bench-startup-" + std::to_string(getpid()));
  fs::create_directories(dir / "speeches");
  // 1,000 speeches of ~14 KB (setup, not measured).
  std::mt19937 rng(20261207);
  const auto words = vocabulary();
  std::uintmax_t bytes = 0;
  for (int i = 0; i < 1000; ++i) {
    char name[32];
    std::snprintf(name, sizeof name, "speech-%04d.txt", i);
    std::ofstream(dir / "speeches" / name) << speech(rng, 14000, words);
    bytes += fs::file_size(dir / "speeches" / name);
  }
  const auto project = (dir / "speeches.quire").string();
  double t0 = now_s();
  if (!ok(run({cli, "init", project})) ||
      !ok(run({cli, "import", project, (dir / "speeches").string()})) ||
      !ok(run({cli, "search", project, "funding"}))) { // builds the index
    std::fprintf(stderr, "bench_startup: could not build the project with %s\n", cli.c_str());
    fs::remove_all(dir);
    return 1;
  }
  std::printf("project: 1,000 speeches, %.1f MB, imported and indexed in %.1f s (setup)\n\n",
              static_cast<double>(bytes) / 1e6, now_s() - t0);

  std::printf("%-36s %9s %9s %9s   %-16s %s\n", "", "wall p50", "CPU p50", "wall p90",
              "issue: before", "target");
  std::vector<Run> version, search, help;
  for (int i = 0; i < runs; ++i) {
    version.push_back(run({cli, "--version"}));
    search.push_back(run({cli, "search", project, "funding"}));
    help.push_back(run({cli, "--help"}));
  }
  print_row("quire --version (ms)", version, "30 ms CPU", "<= 5 ms");
  print_row("quire search, 1,000 speeches (ms)", search, "55 ms", "<= 20 ms");
  print_row("quire --help (ms)", help, "-", "-");

  pid_t xvfb = 0;
  auto disp = gui.empty() ? std::nullopt : display(xvfb);
  if (gui.empty()) {
    std::printf("\nquire-gui: not built (QUIRE_GUI=OFF); no time to first window\n");
  } else if (!disp) {
    std::printf("\nquire-gui: no display ($DISPLAY unset, no Xvfb); no time to first window\n");
  } else {
    const auto demo = dir / "demo.quire";
    const std::string make = "QUIRE='" + cli +
                             "' bash '" QUIRE_SOURCE_DIR "/docs/demo/make-project.sh' '" +
                             demo.string() + "' >/dev/null 2>&1";
    if (std::system(make.c_str()) != 0) {
      std::printf("\nquire-gui: the demo project could not be made; no time to first window\n");
    } else {
      fs::create_directories(dir / "home");
      std::vector<Run> window;
      for (int i = 0; i < window_runs + 1; ++i) {
        auto r = time_to_window(gui, demo, *disp, dir / "home");
        if (!r || r->status != 0) {
          std::printf("\nquire-gui: did not report its window shown\n");
          window.clear();
          break;
        }
        if (i > 0) { // the first run warms the caches of a just-built program
          window.push_back(*r);
        }
      }
      if (!window.empty()) {
        print_row("quire-gui demo: window shown (ms)", window, "-", "<= 500 ms");
      }
    }
  }
  if (xvfb > 0) {
    kill(xvfb, SIGTERM);
    waitpid(xvfb, nullptr, 0);
  }
  std::printf("\nmachine check (sort of 4M integers): %.3f s\n", machine_check_s());
  fs::remove_all(dir);
  return 0;
}
