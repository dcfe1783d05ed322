#include "figures.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fstream>
#include <random>

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

} // namespace quire::bench
