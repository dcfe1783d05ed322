#pragma once
// Small helpers for benchmarks: timing, percentiles, peak memory, sizes.
#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace quire::bench {

/// Seconds since an arbitrary start, as a double.
double now_s();
/// CPU seconds (user + system) this thread has used: steadier than wall time
/// on a busy machine, for single-threaded work.
double thread_cpu_s();
/// The p-th percentile (0..100) of samples (copied and sorted).
double percentile(std::vector<double> samples, double p);
/// Peak resident memory of this process so far, in MB (VmHWM).
double peak_rss_mb();
/// True when --full is among the arguments.
bool full_size(int argc, char** argv);
/// Seconds one thread takes to sort 4,000,000 fixed pseudo-random integers:
/// the same work every run, so a slow spell of a shared machine shows (the
/// benchmarks print it before and after their figures).
double machine_check_s();
/// What a forked child did: wall and CPU seconds, peak resident MB, and what
/// its work returned (-1 figures when it failed).
struct ChildRun {
  double wall = -1, cpu = -1, peak_mb = -1;
  std::string said; ///< what the child wrote to its pipe
};
/// Runs work in a forked child (so its peak memory is its own), sending back
/// what work returns through a pipe.
ChildRun in_child(const std::function<std::string()>& work);
/// Prints "name: value unit" aligned, for a figures table.
void figure(const std::string& name, double value, const std::string& unit);

} // namespace quire::bench
