// Safety copies: how long a copy takes before a destructive action, and a
// restore, on a survey project of N respondents x 10 open-ended answers (+
// 10 attributes and 50,000 codings). Default N = 1,000; --full N = 10,000
// (100,000 answers); --respondents N any other size. Each figure is the
// median of 5 runs.
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "corpus.h"
#include "figures.h"
#include "importers/importer.h"
#include "quire/model/documents.h"
#include "quire/store/project.h"
#include "quire/store/safety_copies.h"

namespace fs = std::filesystem;
using namespace quire;

namespace {

std::string csv_cell(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    out += c == '"' ? std::string("\"\"") : std::string(1, c);
  }
  return out + "\"";
}

fs::path write_survey(const fs::path& dir, int n) {
  std::mt19937 rng(11);
  auto file = dir / "survey.csv";
  std::ofstream out(file, std::ios::binary);
  out << "id";
  for (int a = 1; a <= 10; ++a) {
    out << ",attr" << a;
  }
  for (int q = 1; q <= 10; ++q) {
    out << ",Q" << q;
  }
  out << "\n";
  for (int r = 0; r < n; ++r) {
    out << "R" << r;
    for (int a = 1; a <= 10; ++a) {
      out << ',' << (a % 2 ? std::to_string(rng() % 90) : "group " + std::to_string(rng() % 7));
    }
    for (int q = 1; q <= 10; ++q) {
      out << ',' << csv_cell(bench::sentence(rng, 60 + rng() % 200));
    }
    out << "\n";
  }
  return file;
}

} // namespace

int main(int argc, char** argv) {
  int n = bench::full_size(argc, argv) ? 10000 : 1000;
  for (int i = 1; i + 1 < argc; ++i) {
    if (std::string(argv[i]) == "--respondents")
      n = std::stoi(argv[i + 1]);
  }
  auto dir = fs::temp_directory_path() / ("quire-bench-safety-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::printf("safety copies: %d respondents x 10 open-ended questions + 10 attributes\n", n);
  bench::figure("machine check (sort 4M ints) before", bench::machine_check_s(), "s");
  auto file = dir / "survey.quire";
  {
    auto p = Project::create(file);
    auto sum = store_import(p, read_file(write_survey(dir, n)));
    std::mt19937 rng(3);
    auto codes = bench::theme_codes(p);
    bench::insert_codings(p, sum.documents, codes, 50000, {}, rng);
    std::printf("%d answers, project %.1f MB\n", sum.passages,
                static_cast<double>(fs::file_size(file)) / (1 << 20));
  }
  auto p = Project::open(file);
  std::vector<double> copy_s, restore_s;
  for (int i = 0; i < 5; ++i) {
    double t0 = bench::now_s();
    auto c = keep_safety_copy(p, "Bench copy " + std::to_string(i));
    copy_s.push_back(bench::now_s() - t0);
    if (i == 0 && c) {
      bench::figure("copy size", static_cast<double>(c->size) / (1 << 20), "MB");
    }
  }
  for (int i = 0; i < 5; ++i) {
    auto copy = list_safety_copies(file).front().file;
    double t0 = bench::now_s();
    restore_safety_copy(p, copy); // keeps a copy of the state first, included
    restore_s.push_back(bench::now_s() - t0);
  }
  bench::figure("safety copy (median of 5)", bench::percentile(copy_s, 50), "s");
  bench::figure("restore incl. its own copy first (median of 5)", bench::percentile(restore_s, 50),
                "s");
  bench::figure("machine check (sort 4M ints) after", bench::machine_check_s(), "s");
  std::error_code ec;
  fs::remove_all(dir, ec);
}
