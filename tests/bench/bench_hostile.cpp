// Hostile sizes (issue 14, point 11): each case runs in a child process of
// its own, so its time and peak memory are its own. Prints each figure
// beside what the issue measured before the fix.
//   CSV of 100,000 columns (3 rows): import into a fresh project
//   .qdpx of ~1.3 MB holding five 248 MB members (a zip bomb): refused
//   a 200 MB plain text: import into a fresh project, without and with its
//   search index (which the import keeps up to date)
// Default: a tenth of those sizes (a quick check); --full: the sizes above.
#include <zip.h>

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <random>
#include <string>

#include "figures.h"
#include "importers/importer.h"
#include "importers/refi_import.h"
#include "quire/base/error.h"
#include "quire/ingest/exchange.h"
#include "quire/model/documents.h"
#include "quire/search/search_index.h"
#include "quire/store/project.h"

namespace fs = std::filesystem;
using namespace quire;

namespace {

void wide_csv(const fs::path& file, int columns) {
  std::ofstream f(file, std::ios::binary);
  f << "ID";
  for (int c = 0; c < columns; ++c)
    f << ",Item " << c + 1;
  f << "\n";
  for (int r = 0; r < 3; ++r) {
    f << "R" << r + 1;
    for (int c = 0; c < columns; ++c)
      f << ',' << (c * 7 + r) % 5 + 1;
    f << "\n";
  }
}

/// A .qdpx whose project.qde names `members` sources of `member_mb` MB of
/// one letter each: deflated, each is a few hundred KB.
void zip_bomb(const fs::path& file, int members, int member_mb) {
  int err = 0;
  zip_t* z = zip_open(file.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
  if (!z)
    throw std::runtime_error("cannot create " + file.string());
  std::string qde = "<?xml version=\"1.0\" encoding=\"utf-8\"?><Project "
                    "xmlns=\"urn:QDA-XML:project:1.0\" name=\"bomb\"><Sources>";
  const std::string big(static_cast<std::size_t>(member_mb) << 20, 'a');
  for (int i = 0; i < members; ++i) {
    char guid[40];
    std::snprintf(guid, sizeof guid, "0000000%d-0000-4000-8000-000000000000", i);
    qde += std::string("<TextSource guid=\"") + guid + "\" name=\"S" + std::to_string(i) +
           "\" plainTextPath=\"internal://" + guid + ".txt\"/>";
    auto* src = zip_source_buffer(z, big.data(), big.size(), 0);
    zip_file_add(z, (std::string("Sources/") + guid + ".txt").c_str(), src, 0);
  }
  qde += "</Sources></Project>";
  auto* src = zip_source_buffer(z, qde.data(), qde.size(), 0);
  zip_file_add(z, "project.qde", src, 0);
  if (zip_close(z) != 0)
    throw std::runtime_error("cannot write " + file.string());
}

/// Interview-like paragraphs with accents, about mb MB.
void long_text(const fs::path& file, int mb) {
  const char* const words[] = {"the",  "network", "café",  "teachers", "naïve",  "school",
                               "time", "we",      "often", "met",      "online", "it",
                               "was",  "useful",  "but",   "slow",     "Müller", "said"};
  std::mt19937 rng(1);
  std::ofstream f(file, std::ios::binary);
  std::size_t total = 0, limit = static_cast<std::size_t>(mb) << 20;
  while (total < limit) {
    std::string p;
    for (int w = 0, n = 20 + static_cast<int>(rng() % 100); w < n; ++w)
      p += std::string(w ? " " : "") + words[rng() % std::size(words)];
    p += ".\n\n";
    f << p;
    total += p.size();
  }
}

/// Runs work in a child; prints "label: seconds, peak MB (was: before)".
void measure(const std::string& label, const std::string& before,
             const std::function<std::string()>& work) {
  std::fflush(stdout);
  int pipefd[2];
  if (::pipe(pipefd) != 0)
    return;
  const double t0 = bench::now_s();
  pid_t pid = ::fork();
  if (pid == 0) {
    ::close(pipefd[0]);
    std::string result;
    try {
      result = work();
    } catch (const std::exception& e) {
      result = std::string("refused: ") + e.what();
    }
    (void)!::write(pipefd[1], result.data(), result.size());
    ::_exit(0);
  }
  ::close(pipefd[1]);
  std::string result;
  char buf[4096];
  for (ssize_t n; (n = ::read(pipefd[0], buf, sizeof buf)) > 0;)
    result.append(buf, static_cast<std::size_t>(n));
  ::close(pipefd[0]);
  int status = 0;
  rusage ru{};
  ::wait4(pid, &status, 0, &ru);
  const double t1 = bench::now_s();
  std::printf("%s\n  %s\n", label.c_str(), result.substr(0, 400).c_str());
  bench::figure("  time (was: " + before + ")", t1 - t0, "s");
  bench::figure("  peak RSS", static_cast<double>(ru.ru_maxrss) / 1024.0, "MB");
}

std::string import_into_new_project(const fs::path& dir, const fs::path& file) {
  fs::remove(dir / "p.quire");
  auto p = Project::create(dir / "p.quire");
  auto sum = store_import(p, read_file(file));
  return "imported: " + std::to_string(sum.passages) + " passage(s), " +
         std::to_string(sum.cases_created) + " case(s)";
}

} // namespace

int main(int argc, char** argv) {
  const bool full = bench::full_size(argc, argv);
  auto dir = fs::temp_directory_path() / ("quire-bench-hostile-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::printf("hostile sizes (%s)\n",
              full ? "--full: the issue's sizes" : "a tenth; --full for the issue's");
  bench::figure("machine check before (sort 4M integers, one thread)", bench::machine_check_s(),
                "s");

  const int columns = full ? 100000 : 10000;
  wide_csv(dir / "wide.csv", columns);
  measure("CSV " + std::to_string(columns) + " columns x 3 rows, import",
          full ? "killed at 150 s; 40,000 columns 34 s" : "the issue measured --full",
          [&] { return import_into_new_project(dir, dir / "wide.csv"); });

  const int member_mb = full ? 248 : 25;
  zip_bomb(dir / "bomb.qdpx", 5, member_mb);
  measure(".qdpx of " + std::to_string(fs::file_size(dir / "bomb.qdpx") >> 10) + " KB, five " +
              std::to_string(member_mb) + " MB members, import",
          full ? "1.9 GB peak" : "the issue measured --full", [&] {
            fs::remove(dir / "p.quire");
            auto p = Project::create(dir / "p.quire");
            auto rep = store_exchange(p, read_exchange_file(dir / "bomb.qdpx"));
            return "imported (not refused): " + std::to_string(rep.added.size()) + " item(s)";
          });

  const int text_mb = full ? 200 : 20;
  long_text(dir / "long.txt", text_mb);
  measure(std::to_string(text_mb) + " MB plain text, import (no search index)",
          full ? "over 3 minutes with a search index" : "the issue measured --full",
          [&] { return import_into_new_project(dir, dir / "long.txt"); });

  measure(std::to_string(text_mb) + " MB plain text, import with the search index open",
          full ? "over 3 minutes" : "the issue measured --full", [&] {
            fs::remove(dir / "p.quire");
            fs::remove_all(SearchIndex::folder_for(dir / "p.quire"));
            auto p = Project::create(dir / "p.quire");
            auto index = SearchIndex::open(p); // kept in step with the import, as the CLI does
            auto sum = store_import(p, read_file(dir / "long.txt"));
            return "imported: " + std::to_string(sum.passages) + " passage(s), " +
                   std::to_string(index->size()) + " indexed";
          });

  bench::figure("machine check after (sort 4M integers, one thread)", bench::machine_check_s(),
                "s");
  fs::remove_all(dir);
  return 0;
}
