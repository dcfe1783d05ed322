// Issue 5's export benchmark, side by side in one run:
//   Quire:  `export_file(P, OUT.xlsx)` of N coded segments with 10 attribute
//           columns (the whole workbook: codebook, segments, theme table...)
//   floor:  the same number of rows and columns written with bare
//           libxlsxwriter (constant memory) and no Quire logic
//   Python: the same with Python's xlsxwriter (Debian python3-xlsxwriter,
//           what Taguette uses), constant memory
// Each runs in a child process; wall time and the child's peak RSS are
// printed. Default N = 50,000; --full: 1,000,000. Also: the matrix of codes ×
// a 20-value attribute over the same codings.
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <xlsxwriter.h>

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#include "corpus.h"
#include "exporters/exporter.h"
#include "figures.h"
#include "quire/analysis/analysis.h"
#include "quire/base/text.h"
#include "quire/model/codebook.h"
#include "quire/model/documents.h"
#include "quire/store/project.h"
#include "store/project_p.h"

extern char** environ;
using namespace quire;
namespace fs = std::filesystem;

namespace {

constexpr int attributes = 10;
constexpr int per_doc = 500; // codings per document

/// The project: N/500 documents, one case each with 10 attributes (text,
/// number, date; "Region" with 20 values), 200 codes, N codings.
void build(const fs::path& file, std::int64_t n) {
  std::mt19937 rng(11);
  auto p = Project::create(file);
  const auto docs = std::max<std::int64_t>(1, n / per_doc);
  ImportData data;
  data.kind = "bench";
  for (int a = 0; a < attributes; ++a) {
    AttrType t = a % 3 == 1 ? AttrType::Number : a % 3 == 2 ? AttrType::Date : AttrType::Text;
    data.attributes.push_back({0, {}, a == 0 ? "Region" : "Attribute " + std::to_string(a), t});
  }
  for (std::int64_t d = 0; d < docs; ++d) {
    ImportedCase c{"R" + std::to_string(d), {}};
    for (int a = 0; a < attributes; ++a) {
      const auto& def = data.attributes[static_cast<std::size_t>(a)];
      if (def.type == AttrType::Number) {
        c.attributes.emplace_back(def.name, Value::of_number(double(rng() % 40)));
      } else if (def.type == AttrType::Date) {
        c.attributes.emplace_back(def.name,
                                  Value::of_date("2025-0" + std::to_string(rng() % 9 + 1) + "-1" +
                                                 std::to_string(rng() % 10)));
      } else {
        c.attributes.emplace_back(
            def.name, Value::of_text((a == 0 ? "Region " : "Value ") + std::to_string(rng() % 20)));
      }
    }
    data.cases.push_back(c);
    ImportedDocument doc;
    doc.name = "respondent-" + std::to_string(d);
    doc.kind = DocumentKind::Text;
    doc.text = bench::sentence(rng, per_doc * 60);
    doc.case_name = c.name;
    data.documents.push_back(std::move(doc));
  }
  auto ids = store_import(p, data).documents;
  bench::insert_codings(p, ids, bench::theme_codes(p), n, bench::CodingLayout{per_doc, 60, 30, 25},
                        rng);
}

/// The floor: n rows × 24 columns (as Quire's segments sheet has with 10
/// attributes) of the same kinds of cells, bare libxlsxwriter.
int floor_child(const char* out, std::int64_t n) {
  lxw_workbook_options opt{};
  opt.constant_memory = LXW_TRUE;
  opt.use_zip64 = LXW_TRUE;
  auto* wb = workbook_new_opt(out, &opt);
  auto* ws = workbook_add_worksheet(wb, "Coded segments");
  auto* date = workbook_add_format(wb);
  format_set_num_format(date, "yyyy-mm-dd");
  std::mt19937 rng(11);
  const int cols = 3 + attributes + 9;
  for (int c = 0; c < cols; ++c) {
    worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c),
                           ("Column " + std::to_string(c)).c_str(), nullptr);
  }
  lxw_datetime dt{2025, 3, 14, 10, 0, 0};
  for (std::int64_t r = 1; r <= n; ++r) {
    auto row = static_cast<lxw_row_t>(r);
    lxw_col_t c = 0;
    worksheet_write_string(ws, row, c++, "Theme 7/Sub 3", nullptr);
    worksheet_write_string(ws, row, c++, ("respondent-" + std::to_string(r / per_doc)).c_str(),
                           nullptr);
    worksheet_write_string(ws, row, c++, ("R" + std::to_string(r / per_doc)).c_str(), nullptr);
    for (int a = 0; a < attributes; ++a) {
      if (a % 3 == 1) {
        worksheet_write_number(ws, row, c++, double(rng() % 40), nullptr);
      } else if (a % 3 == 2) {
        worksheet_write_datetime(ws, row, c++, &dt, date);
      } else {
        worksheet_write_string(ws, row, c++, "Region 12", nullptr);
      }
    }
    ++c; // speaker
    ++c; // time
    ++c; // question
    worksheet_write_string(ws, row, c++, bench::sentence(rng, 40).c_str(), nullptr);
    ++c; // memo
    worksheet_write_string(ws, row, c++, "bench", nullptr);
    worksheet_write_datetime(ws, row, c++, &dt, date);
    worksheet_write_number(ws, row, c++, double(r * 60), nullptr);
    worksheet_write_number(ws, row, c++, double(r * 60 + 40), nullptr);
  }
  return workbook_close(wb) == LXW_NO_ERROR ? 0 : 1;
}

int quire_child(const char* project, const char* out) {
  auto p = Project::open(project);
  export_file(p, out);
  return 0;
}

const char* const python_script = R"PY(
import sys, random, datetime, xlsxwriter
out, n, attrs = sys.argv[1], int(sys.argv[2]), 10
words = ["network","school","time","teacher","learning","meeting","trust","plan","head",
         "practice","share","ideas","funding","release","cover","support","réunion","école"]
wb = xlsxwriter.Workbook(out, {"constant_memory": True})
ws = wb.add_worksheet("Coded segments")
date = wb.add_format({"num_format": "yyyy-mm-dd"})
d = datetime.datetime(2025, 3, 14, 10, 0, 0)
rng = random.Random(11)
for c in range(3 + attrs + 9):
    ws.write_string(0, c, "Column %d" % c)
for r in range(1, n + 1):
    ws.write_string(r, 0, "Theme 7/Sub 3")
    ws.write_string(r, 1, "respondent-%d" % (r // 500))
    ws.write_string(r, 2, "R%d" % (r // 500))
    c = 3
    for a in range(attrs):
        if a % 3 == 1: ws.write_number(r, c, rng.randrange(40))
        elif a % 3 == 2: ws.write_datetime(r, c, d, date)
        else: ws.write_string(r, c, "Region 12")
        c += 1
    text = ""
    while len(text) < 40: text += rng.choice(words) + " "
    ws.write_string(r, c + 3, text)
    ws.write_string(r, c + 5, "bench")
    ws.write_datetime(r, c + 6, d, date)
    ws.write_number(r, c + 7, r * 60)
    ws.write_number(r, c + 8, r * 60 + 40)
wb.close()
)PY";

struct Run {
  double seconds = -1;
  double cpu_seconds = -1; // user + system, all threads: steadier than wall on a busy machine
  double peak_mb = -1;
};

/// Runs a program, returning its wall time and peak RSS (from wait4).
Run run_child(const std::vector<std::string>& args) {
  std::vector<char*> argv;
  for (const auto& a : args) {
    argv.push_back(const_cast<char*>(a.c_str()));
  }
  argv.push_back(nullptr);
  double t0 = bench::now_s();
  pid_t pid = 0;
  if (posix_spawn(&pid, argv[0], nullptr, nullptr, argv.data(), environ) != 0) {
    return {};
  }
  int status = 0;
  rusage ru{};
  wait4(pid, &status, 0, &ru);
  Run r;
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0) {
    r.seconds = bench::now_s() - t0;
    r.peak_mb = static_cast<double>(ru.ru_maxrss) / 1024.0;
    auto tv = [](const timeval& t) { return double(t.tv_sec) + double(t.tv_usec) / 1e6; };
    r.cpu_seconds = tv(ru.ru_utime) + tv(ru.ru_stime);
  }
  return r;
}

} // namespace

int main(int argc, char** argv) {
  if (argc >= 4 && std::strcmp(argv[1], "--quire-child") == 0) {
    return quire_child(argv[2], argv[3]);
  }
  if (argc >= 4 && std::strcmp(argv[1], "--floor-child") == 0) {
    return floor_child(argv[2], std::stoll(argv[3]));
  }
  const std::int64_t n = bench::full_size(argc, argv) ? 1000000 : 50000;
  auto dir = fs::temp_directory_path() / ("quire-bench-export-" + std::to_string(getpid()));
  fs::create_directories(dir);
  auto project = dir / "bench.quire";
  std::printf("Export of %lld coded segments with %d attribute columns\n",
              static_cast<long long>(n), attributes);
  double t0 = bench::now_s();
  // Built in a child, so this process stays small: a spawned child's peak RSS
  // starts from its parent's.
  if (pid_t pid = fork(); pid == 0) {
    build(project, n);
    _exit(0);
  } else {
    int status = 0;
    waitpid(pid, &status, 0);
  }
  bench::figure("setup (not measured below)", bench::now_s() - t0, "s");

  auto quire =
      run_child({argv[0], "--quire-child", project.string(), (dir / "quire.xlsx").string()});
  auto floor =
      run_child({argv[0], "--floor-child", (dir / "floor.xlsx").string(), std::to_string(n)});
  auto script = dir / "bench_xlsxwriter.py";
  std::ofstream(script) << python_script;
  auto python = run_child(
      {"/usr/bin/python3", script.string(), (dir / "python.xlsx").string(), std::to_string(n)});
  std::printf("%-44s %10s %10s %12s %10s\n", "", "wall s", "CPU s", "peak RSS MB", "x floor");
  auto line = [&](const char* name, const Run& r) {
    if (r.seconds < 0) {
      std::printf("%-44s %10s\n", name, "failed (python3-xlsxwriter missing?)");
      return;
    }
    std::printf("%-44s %10.2f %10.2f %12.1f %10.2f\n", name, r.seconds, r.cpu_seconds, r.peak_mb,
                floor.seconds > 0 ? r.seconds / floor.seconds : 0.0);
  };
  line("Quire: whole workbook (target <= 1.25x floor)", quire);
  line("floor: bare libxlsxwriter, segments only", floor);
  line("Python xlsxwriter, segments only", python);
  std::printf("sizes: quire %.1f MB, floor %.1f MB, python %.1f MB\n",
              double(fs::exists(dir / "quire.xlsx") ? fs::file_size(dir / "quire.xlsx") : 0) / 1e6,
              double(fs::exists(dir / "floor.xlsx") ? fs::file_size(dir / "floor.xlsx") : 0) / 1e6,
              double(fs::exists(dir / "python.xlsx") ? fs::file_size(dir / "python.xlsx") : 0) /
                  1e6);

  {
    auto p = Project::open(project);
    MatrixSpec spec;
    spec.cols = MatrixCols::Attribute;
    spec.attribute = "Region";
    spec.cell = MatrixCell::Cases;
    double m0 = bench::now_s();
    auto m = matrix(p, spec);
    bench::figure("matrix codes x Region (cases), target <= 0.5 s", bench::now_s() - m0, "s");
    std::printf("  (%zu rows x %zu columns)\n", m.rows.size(), m.cols.size());
  }
  if (!std::getenv("QUIRE_BENCH_KEEP"))
    fs::remove_all(dir);
  else
    std::printf("kept %s\n", dir.c_str());
  return 0;
}
