#pragma once
// Small helpers for benchmarks: timing, percentiles, peak memory, sizes.
#include <chrono>
#include <cstdint>
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
/// Prints "name: value unit" aligned, for a figures table.
void figure(const std::string& name, double value, const std::string& unit);

} // namespace quire::bench
