#include "test_support.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <random>
#include <sstream>

#include "quire/base/text.h"

extern char** environ;

namespace quire::test {

namespace fs = std::filesystem;

TempDir::TempDir() {
  std::random_device rd;
  m_path =
      fs::temp_directory_path() / ("quire-test-" + std::to_string(rd()) + std::to_string(rd()));
  fs::create_directories(m_path);
}

TempDir::~TempDir() {
  std::error_code ec;
  fs::remove_all(m_path, ec);
}

fs::path fixture(const std::string& name) {
  return fs::path(QUIRE_FIXTURES_DIR) / name;
}

std::optional<fs::path> shared_dir() {
  fs::path p(QUIRE_SHARED_DIR);
  if (fs::exists(p / "samples")) {
    return p;
  }
  return std::nullopt;
}

std::optional<fs::path> shared_sample(const std::string& name) {
  auto d = shared_dir();
  if (!d) {
    return std::nullopt;
  }
  return *d / "samples" / name;
}

boost::test_tools::assertion_result NeedsShared::operator()(boost::unit_test::test_unit_id) const {
  boost::test_tools::assertion_result r(shared_dir().has_value());
  r.message() << "skipped: ../shared/samples is not beside the repository";
  return r;
}

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void write_file(const fs::path& p, const std::string& bytes) {
  std::ofstream out(p, std::ios::binary);
  out << bytes;
}

RunResult run_program(const std::string& program, const std::vector<std::string>& args,
                      const std::vector<std::pair<std::string, std::string>>& env) {
  TempDir tmp;
  auto out_path = tmp / "out", err_path = tmp / "err";
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&fa, 1, out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_addopen(&fa, 2, err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  std::vector<std::string> all = {program};
  all.insert(all.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : all) {
    argv.push_back(a.data());
  }
  argv.push_back(nullptr);
  std::vector<std::string> envs;
  for (char** e = environ; *e; ++e) {
    std::string kv = *e;
    bool overridden = false;
    for (auto& [k, v] : env) {
      overridden = overridden || kv.rfind(k + "=", 0) == 0;
    }
    if (!overridden) {
      envs.push_back(kv);
    }
  }
  for (auto& [k, v] : env) {
    envs.push_back(k + "=" + v);
  }
  std::vector<char*> envp;
  for (auto& e : envs) {
    envp.push_back(e.data());
  }
  envp.push_back(nullptr);
  pid_t pid = 0;
  RunResult r;
  if (posix_spawnp(&pid, program.c_str(), &fa, nullptr, argv.data(), envp.data()) != 0) {
    posix_spawn_file_actions_destroy(&fa);
    r.err = "cannot start " + program;
    return r;
  }
  posix_spawn_file_actions_destroy(&fa);
  int status = 0;
  waitpid(pid, &status, 0);
  r.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.out = read_file(out_path);
  r.err = read_file(err_path);
  return r;
}

RunResult run_quire(const std::vector<std::string>& args,
                    const std::vector<std::pair<std::string, std::string>>& env) {
  return run_program(QUIRE_CLI_PATH, args, env);
}

RunResult run_quire_with_file_limit(std::uint64_t bytes, const std::vector<std::string>& args,
                                    const std::vector<std::pair<std::string, std::string>>& env) {
  // /bin/sh's ulimit -f counts 512-byte blocks (POSIX; bash as sh too).
  const auto blocks = std::to_string((bytes + 511) / 512);
  std::vector<std::string> all = {
      "-c", "trap '' XFSZ; ulimit -f " + blocks + " && exec \"$0\" \"$@\"", QUIRE_CLI_PATH};
  all.insert(all.end(), args.begin(), args.end());
  return run_program("/bin/sh", all, env);
}

std::string file_digest(const fs::path& p) {
  // Read by another program: a descriptor of this process opened and closed
  // on a project file would drop the locks SQLite holds on it here (a test
  // often has the project open while it checks the file is unchanged).
  auto r = run_program("sha256sum", {p.string()});
  if (r.status == 0 && r.out.size() >= 64) {
    return r.out.substr(0, 64);
  }
  return sha256_hex(read_file(p));
}

} // namespace quire::test
