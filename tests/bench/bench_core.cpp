// Issue 2's benchmark: the engine on big projects.
//   (a) one 1,000,000-character document with 100,000 codings
//   (b) 1,000,000 codings across 10,000 documents
// Figures: median/p95 of one durable coding action (code_range, fsynced),
// listing every coding of one code, opening the project.
// Default: 1/10 of the sizes; --full: the sizes.
#include <cstdio>
#include <filesystem>
#include <random>
#include <string>

#include "figures.h"
#include "quire/base/text.h"
#include "quire/model/codebook.h"
#include "quire/model/coding.h"
#include "quire/model/documents.h"
#include "quire/store/project.h"
#include "store/project_p.h"

using namespace quire;
namespace fs = std::filesystem;

namespace {

const char* const words[] = {"network", "school",  "time",  "teacher",  "learning", "meeting",
                             "trust",   "plan",    "head",  "practice", "share",    "ideas",
                             "funding", "release", "cover", "support"};

std::string make_text(std::size_t chars, std::mt19937& rng) {
  std::string t;
  t.reserve(chars + 16);
  while (t.size() < chars) {
    t += words[rng() % std::size(words)];
    t += (rng() % 12 == 0) ? ".\n\n" : " ";
  }
  t.resize(chars);
  return t;
}

/// Adds n codings spread over documents in one bulk action (setup, not measured).
void bulk_code(Project& p, const std::vector<Id>& docs, std::int64_t doc_len, std::int64_t n,
               const std::vector<Id>& codes, std::mt19937& rng) {
  detail::Action act(p, "bench setup");
  auto& db = act.db();
  Id coder = detail::coder_id(db, "bench");
  // Setup rows are not undo history: pause the recording triggers.
  db.exec("UPDATE undo_state SET recording = 0");
  auto per_doc = n / static_cast<std::int64_t>(docs.size());
  for (Id d : docs) {
    for (std::int64_t i = 0; i < per_doc; ++i) {
      std::int64_t start = static_cast<std::int64_t>(rng() % static_cast<unsigned>(doc_len - 60));
      db.prepare("INSERT INTO coding(guid, document_id, code_id, start, end, coder_id, created_at) "
                 "VALUES (?, ?, ?, ?, ?, ?, ?)")
          .bind(1, new_guid())
          .bind(2, d)
          .bind(3, codes[static_cast<std::size_t>(i) % codes.size()])
          .bind(4, start)
          .bind(5, start + 20 + static_cast<std::int64_t>(rng() % 40))
          .bind(6, coder)
          .bind(7, now_iso())
          .run();
    }
  }
  act.commit();
}

void measure(const std::string& label, const fs::path& file, Id some_doc, std::int64_t doc_len,
             Id list_code) {
  std::printf("%s\n", label.c_str());
  double t0 = bench::now_s();
  {
    auto p = Project::open(file);
    bench::figure("open the project (target <= 1 s)", bench::now_s() - t0, "s");
  }
  auto p = Project::open(file);
  p.set_session_coder("bench");
  Id code = add_code(p, "Bench/Measured");
  std::mt19937 rng(7);
  std::vector<double> ms;
  for (int i = 0; i < 200; ++i) {
    std::int64_t start = static_cast<std::int64_t>(rng() % static_cast<unsigned>(doc_len - 100));
    double a = bench::now_s();
    code_range(p, some_doc, start, start + 30, code);
    ms.push_back((bench::now_s() - a) * 1000);
  }
  bench::figure("one coding action, median (target <= 5 ms)", bench::percentile(ms, 50), "ms");
  bench::figure("one coding action, p95", bench::percentile(ms, 95), "ms");
  CodingFilter f;
  f.code_id = list_code;
  f.context_chars = 40;
  double l0 = bench::now_s(), c0 = bench::thread_cpu_s();
  auto segs = list_codings(p, f);
  double secs = bench::now_s() - l0, cpu = bench::thread_cpu_s() - c0;
  bench::figure("list all codings of one code: " + std::to_string(segs.size()) +
                    " rows (target 100k <= 0.5 s)",
                secs, "s");
  bench::figure("  the same, CPU time of the listing thread", cpu, "s");
  bench::figure("peak RSS", bench::peak_rss_mb(), "MB");
}

} // namespace

int main(int argc, char** argv) {
  bool full = bench::full_size(argc, argv);
  int scale = full ? 1 : 10;
  auto dir = fs::temp_directory_path() / "quire-bench-core";
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::mt19937 rng(42);
  std::printf("bench_core (%s sizes; --full for the issue's)\n", full ? "full" : "1/10");

  {
    // (a) one big document, 100k codings, every one of the same code.
    auto file = dir / "one-doc.quire";
    std::int64_t len = 1000000 / scale;
    Id doc, code;
    {
      auto p = Project::create(file);
      doc = add_text_document(p, "big", make_text(static_cast<std::size_t>(len), rng));
      code = add_code(p, "Theme");
      bulk_code(p, {doc}, len, 100000 / scale, {code}, rng);
    }
    measure("(a) 1 document of " + std::to_string(len) + " characters, " +
                std::to_string(100000 / scale) + " codings",
            file, doc, len, code);
  }
  {
    // (b) many documents; 10 codes, so one code has a tenth of the codings.
    auto file = dir / "many-docs.quire";
    std::int64_t len = 3000;
    int ndocs = 10000 / scale;
    std::vector<Id> docs, codes;
    {
      auto p = Project::create(file);
      ImportData data;
      for (int i = 0; i < ndocs; ++i) {
        ImportedDocument d;
        d.name = "doc" + std::to_string(i);
        d.kind = DocumentKind::Text;
        d.text = normalize_text(make_text(static_cast<std::size_t>(len), rng));
        d.sha256 = std::to_string(i);
        for (auto [s, e] : paragraph_ranges(d.text))
          d.passages.push_back({s, e, {}, {}, {}, {}, {}});
        data.documents.push_back(std::move(d));
      }
      docs = store_import(p, data).documents;
      for (int c = 0; c < 10; ++c)
        codes.push_back(add_code(p, "Theme " + std::to_string(c)));
      bulk_code(p, docs, len, 1000000 / scale, codes, rng);
    }
    measure("(b) " + std::to_string(ndocs) + " documents, " + std::to_string(1000000 / scale) +
                " codings",
            file, docs[docs.size() / 2], len, codes[0]);
  }
  fs::remove_all(dir);
  return 0;
}
