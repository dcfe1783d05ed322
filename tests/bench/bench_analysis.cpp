// Issue 5's analysis target: "Matrix of 200 codes × 20 attribute values over
// 1M codings ≤ 0.5 s". Builds a project of N codings (N/500 documents, one
// case each; attribute "Region" with 20 values; 200 codes under 20 themes),
// then times, each in its own child process so each has its own peak RSS:
//   matrix codes × Region, cell = cases / codings / words
//   co-occurrence (overlap, counts only)
//   frequencies without and with word counts
// Default N = 50,000 (a quick check for CI); --full: 1,000,000. --project
// PATH times a project kept from an earlier run (QUIRE_BENCH_KEEP=1).
// Prints wall seconds, CPU seconds (user + system) and peak RSS per run.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <functional>
#include <random>
#include <string>

#include "corpus.h"
#include "figures.h"
#include "quire/analysis/analysis.h"
#include "quire/base/text.h"
#include "quire/model/codebook.h"
#include "quire/model/documents.h"
#include "quire/store/project.h"
#include "store/db_p.h"
#include "store/project_p.h"

using namespace quire;
namespace fs = std::filesystem;

namespace {

constexpr int per_doc = 500; // codings per document
constexpr int step = 40;     // a coding starts every 40 characters; they are 30..70 long

/// The project: N/500 documents with a case each ("Region": 20 values,
/// "Years": a number), 200 codes (Theme g/Sub c), N codings by one coder,
/// neighbours overlapping now and then.
void build(const fs::path& file, std::int64_t n) {
  std::mt19937 rng(5);
  auto p = Project::create(file);
  const auto docs = std::max<std::int64_t>(1, n / per_doc);
  ImportData data;
  data.kind = "bench";
  data.attributes.push_back({0, {}, "Region", AttrType::Text});
  data.attributes.push_back({0, {}, "Years", AttrType::Number});
  for (std::int64_t d = 0; d < docs; ++d) {
    ImportedCase c{"R" + std::to_string(d), {}};
    c.attributes.emplace_back("Region", Value::of_text("Region " + std::to_string(rng() % 20)));
    c.attributes.emplace_back("Years", Value::of_number(double(rng() % 30)));
    data.cases.push_back(c);
    ImportedDocument doc;
    doc.name = "respondent-" + std::to_string(d);
    doc.kind = DocumentKind::Text;
    doc.text = bench::sentence(rng, per_doc * step + 80);
    doc.case_name = c.name;
    data.documents.push_back(std::move(doc));
  }
  auto ids = store_import(p, data).documents;
  bench::insert_codings(p, ids, bench::theme_codes(p), n,
                        bench::CodingLayout{per_doc, step, 30, 41}, rng);
}

/// CPU time (user + system) of this process so far.
double cpu_s() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return double(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
         double(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

struct Run {
  double wall = -1, cpu = -1, peak_mb = -1;
  std::string said; ///< what the child wrote to its pipe
};

/// Runs work in a forked child; its wall time, CPU time, peak RSS and what
/// work returned (sent back through a pipe).
Run in_child(const std::function<std::string()>& work) {
  std::fflush(stdout); // else the child repeats what the parent has buffered
  int fds[2];
  if (pipe(fds) != 0) {
    return {};
  }
  double t0 = bench::now_s();
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
  Run r;
  char buf[512];
  for (ssize_t k; (k = read(fds[0], buf, sizeof buf)) > 0;) {
    r.said.append(buf, static_cast<std::size_t>(k));
  }
  close(fds[0]);
  int status = 0;
  rusage ru{};
  wait4(pid, &status, 0, &ru);
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0) {
    r.wall = bench::now_s() - t0;
    r.cpu = double(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
            double(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
    r.peak_mb = static_cast<double>(ru.ru_maxrss) / 1024.0;
  }
  return r;
}

/// Times one analysis in a child: the project is opened outside the clock.
/// Prints the analysis's own wall and CPU time, then the whole child's wall
/// and CPU time (including opening the project) and its peak RSS. On a busy
/// machine the CPU time is the steadier figure.
void measure(const char* name, const fs::path& project,
             const std::function<std::string(Project&)>& f) {
  auto r = in_child([&] {
    auto p = Project::open(project);
    double t0 = bench::now_s(), c0 = cpu_s();
    auto what = f(p);
    char t[64];
    std::snprintf(t, sizeof t, "%8.3f %8.3f", bench::now_s() - t0, cpu_s() - c0);
    return std::string(t) + "|" + what;
  });
  if (r.wall < 0) {
    std::printf("%-48s failed\n", name);
    return;
  }
  auto bar = r.said.find('|');
  std::printf("%-48s %s %8.3f %8.3f %8.1f  %s\n", name, r.said.substr(0, bar).c_str(), r.wall,
              r.cpu, r.peak_mb, r.said.substr(bar + 1).c_str());
}

MatrixSpec region(MatrixCell cell) {
  MatrixSpec spec;
  spec.cols = MatrixCols::Attribute;
  spec.attribute = "Region";
  spec.cell = cell;
  return spec;
}

std::string shape(const Matrix& m) {
  return std::to_string(m.rows.size()) + " rows x " + std::to_string(m.cols.size()) +
         " columns, total " + std::to_string(m.grand_total);
}

} // namespace

int main(int argc, char** argv) {
  const bool full = bench::full_size(argc, argv);
  const std::int64_t n = full ? 1000000 : 50000;
  auto dir = fs::temp_directory_path() / ("quire-bench-analysis-" + std::to_string(getpid()));
  fs::create_directories(dir);
  auto project = dir / "bench.quire";
  // --project PATH: time a project kept from an earlier run (QUIRE_BENCH_KEEP=1)
  for (int i = 1; i + 1 < argc; ++i) {
    if (std::strcmp(argv[i], "--project") == 0) {
      project = argv[i + 1];
    }
  }
  std::printf(
      "Analysis of %lld codings, 200 codes (+20 parents), %lld cases, Region with 20 values\n",
      static_cast<long long>(n), static_cast<long long>(n / per_doc));
  auto setup = fs::exists(project) ? Run{0, 0, 0, {}} : in_child([&] {
    build(project, n);
    return std::string();
  });
  bench::figure("setup (not measured below)", setup.wall, "s");
  std::printf("%-48s %8s %8s %8s %8s %8s\n", "", "query s", "qry CPU", "child s", "CPU s",
              "RSS MB");

  measure("matrix codes x Region, cases (target <= 0.5 s)", project,
          [](Project& p) { return shape(matrix(p, region(MatrixCell::Cases))); });
  measure("matrix codes x Region, codings", project,
          [](Project& p) { return shape(matrix(p, region(MatrixCell::Codings))); });
  measure("matrix codes x Region, cases, --where Years>=10", project, [](Project& p) {
    auto spec = region(MatrixCell::Cases);
    spec.filter.where = {"Years >= 10"};
    return shape(matrix(p, spec));
  });
  measure("matrix codes x Region, words", project,
          [](Project& p) { return shape(matrix(p, region(MatrixCell::Words))); });
  measure("co-occurrence, overlap, counts only", project, [](Project& p) {
    CooccurrenceSpec spec;
    spec.with_hits = false;
    auto co = cooccurrence(p, spec);
    return std::to_string(co.codes.size()) + " codes";
  });
  measure("frequencies without words", project, [](Project& p) {
    auto f = code_frequencies(p, {}, false);
    return std::to_string(f.size()) + " codes";
  });
  measure("frequencies with words", project, [](Project& p) {
    auto f = code_frequencies(p, {}, true);
    return std::to_string(f.size()) + " codes";
  });
  // What a click on a table's cell or row costs in the desktop app.
  measure("one matrix cell's passages (codes x Region, cases)", project, [](Project& p) {
    return std::to_string(matrix_cell_hits(p, region(MatrixCell::Cases), 0, 0).size()) + " hits";
  });
  measure("one frequency row's codings (first code)", project, [](Project& p) {
    auto code = list_codes(p).front().id;
    return std::to_string(code_frequency_hits(p, code).size()) + " hits";
  });
  if (!std::getenv("QUIRE_BENCH_KEEP")) {
    fs::remove_all(dir);
  } else {
    std::printf("kept %s\n", dir.c_str());
  }
  return 0;
}
