#pragma once
// Helpers for Quire's test suites: temporary folders, fixtures, the shared
// samples (optional: tests that need them are skipped when absent), and
// running the `quire` binary.
#include <boost/test/unit_test.hpp>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace quire::test {

/// A fresh temporary folder, removed when the object goes.
class TempDir {
public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  const std::filesystem::path& path() const { return m_path; }
  std::filesystem::path operator/(const std::string& name) const { return m_path / name; }

private:
  std::filesystem::path m_path;
};

/// tests/fixtures/NAME.
std::filesystem::path fixture(const std::string& name);
/// ../shared/samples/NAME, or nullopt when ../shared is absent.
std::optional<std::filesystem::path> shared_sample(const std::string& name);
/// The ../shared folder, or nullopt.
std::optional<std::filesystem::path> shared_dir();
/// Boost.Test precondition: skips a test (with a message) without ../shared.
struct NeedsShared {
  boost::test_tools::assertion_result operator()(boost::unit_test::test_unit_id) const;
};

/// Reads a whole file.
std::string read_file(const std::filesystem::path& p);
/// Writes a whole file.
void write_file(const std::filesystem::path& p, const std::string& bytes);

struct RunResult {
  int status = -1;
  std::string out, err;
};
/// Runs `quire ARGS...` (no shell), capturing stdout and stderr.
RunResult run_quire(const std::vector<std::string>& args,
                    const std::vector<std::pair<std::string, std::string>>& env = {});
/// Runs `quire ARGS...` with every file it writes limited to `bytes` (rounded
/// up to 512): writes past it fail with EFBIG, as on a full disk (SIGXFSZ is
/// ignored). A full disk without mounting a small file system.
RunResult
run_quire_with_file_limit(std::uint64_t bytes, const std::vector<std::string>& args,
                          const std::vector<std::pair<std::string, std::string>>& env = {});
/// Runs any program with arguments, capturing stdout and stderr.
RunResult run_program(const std::string& program, const std::vector<std::string>& args,
                      const std::vector<std::pair<std::string, std::string>>& env = {});

/// SHA-256 of a file's bytes (to check a project is unchanged), read by a
/// child process so a project open in this one keeps its locks.
std::string file_digest(const std::filesystem::path& p);

} // namespace quire::test
