#include "figures.h"

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fstream>
#include <random>
#include <stdexcept>

namespace quire::bench {

double now_s() {
  using namespace std::chrono;
  return duration<double>(steady_clock::now().time_since_epoch()).count();
}

double thread_cpu_s() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9;
}

double percentile(std::vector<double> s, double p) {
  if (s.empty()) {
    return 0;
  }
  std::sort(s.begin(), s.end());
  auto i = static_cast<std::size_t>(p / 100.0 * static_cast<double>(s.size() - 1) + 0.5);
  return s[std::min(i, s.size() - 1)];
}

double peak_rss_mb() {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("VmHWM:", 0) == 0) {
      return std::stod(line.substr(6)) / 1024.0;
    }
  }
  return 0;
}

bool full_size(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--full") == 0) {
      return true;
    }
  }
  return false;
}

double machine_check_s() {
  std::mt19937_64 rng(20261128);
  std::vector<std::uint64_t> v(4000000);
  for (auto& x : v) {
    x = rng();
  }
  double t0 = thread_cpu_s();
  std::sort(v.begin(), v.end());
  return thread_cpu_s() - t0;
}

void figure(const std::string& name, double value, const std::string& unit) {
  std::printf("  %-58s %12.3f %s\n", name.c_str(), value, unit.c_str());
  std::fflush(stdout);
}

ChildRun in_child(const std::function<std::string()>& work) {
  std::fflush(stdout); // else the child repeats what the parent has buffered
  int fds[2];
  if (pipe(fds) != 0) {
    return {};
  }
  double t0 = now_s();
  pid_t pid = fork();
  if (pid == 0) {
    close(fds[0]);
    try {
      auto out = work();
      if (write(fds[1], out.data(), out.size()) < 0) {
        _exit(2);
      }
    } catch (const std::exception& e) {
      std::fprintf(stderr, "failed: %s\n", e.what());
      _exit(1);
    }
    _exit(0);
  }
  close(fds[1]);
  ChildRun r;
  char buf[512];
  for (ssize_t k; (k = read(fds[0], buf, sizeof buf)) > 0;) {
    r.said.append(buf, static_cast<std::size_t>(k));
  }
  close(fds[0]);
  int status = 0;
  rusage ru{};
  wait4(pid, &status, 0, &ru);
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0) {
    r.wall = now_s() - t0;
    r.cpu = double(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
            double(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
    r.peak_mb = static_cast<double>(ru.ru_maxrss) / 1024.0;
  }
  return r;
}

} // namespace quire::bench
