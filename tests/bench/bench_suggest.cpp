// Issue 20's evaluation of code suggestions, repeatable. On the generated
// labelled corpus (suggest_corpus.h: a teachers' survey, 20 codes, 3 answers
// per respondent), learns from the codings of the first 70% of respondents
// and suggests for the answers of the rest, whose true codes the generator
// knows; prints precision, recall and F1 (per passage and over all
// passage-code pairs) at a score of 0.5, the precision of the top
// suggestion, how often suggestions in each score band are right, and the
// targets: training on 10,000 codings <= 2 s, suggestions for a
// 20,000-character document <= 200 ms, peak memory for a 100,000-answer
// survey <= 200 MB. --full: 100,000 answers (default 30,000, a quick check).
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <map>
#include <string>

#include "figures.h"
#include "quire/base/text.h"
#include "quire/model/documents.h"
#include "quire/store/project.h"
#include "quire/suggest/suggest.h"
#include "suggest_corpus.h"

using namespace quire;
namespace fs = std::filesystem;

namespace {

struct Run {
  double wall = -1, peak_mb = -1;
  std::string said;
};

/// Runs work in a forked child: its wall time, peak RSS and what it returned.
Run in_child(const std::function<std::string()>& work) {
  std::fflush(stdout);
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
    r.peak_mb = static_cast<double>(ru.ru_maxrss) / 1024.0;
  }
  return r;
}

std::size_t count_codings(const bench::SuggestCorpus& c, std::size_t below) {
  std::size_t n = 0;
  for (const auto& a : c.answers) {
    n += a.respondent < below ? a.codes.size() : 0;
  }
  return n;
}

/// The respondents to code so that about n codings are made.
std::size_t coded_for(const bench::SuggestCorpus& c, std::size_t n) {
  std::size_t got = 0, r = 0;
  for (const auto& a : c.answers) {
    if (got >= n) {
      break;
    }
    got += a.codes.size();
    r = a.respondent + 1;
  }
  return r;
}

void quality(const fs::path& dir) {
  const std::size_t respondents = 1500, train = 1050;
  auto corpus = bench::make_suggest_corpus(respondents, train);
  auto file = dir / "quality.quire";
  auto p = Project::create(file);
  auto ids = store_import(p, bench::suggest_import(corpus, train)).documents;
  std::printf("Corpus: %zu respondents x 3 answers, %zu codes; learning from the codings of the "
              "first %zu respondents (%zu codings), suggesting for the other %zu (%zu answers, "
              "some in phrasings never learnt)\n",
              respondents, bench::suggest_codes().size(), train, count_codings(corpus, train),
              respondents - train, (respondents - train) * 3);
  Suggester s(p);
  SuggestOptions o;
  o.documents.assign(ids.begin() + static_cast<std::ptrdiff_t>(train), ids.end());
  o.min_score = 0.05;
  o.store = false;
  auto res = s.suggest(p, o);
  // Truth by (document, passage start).
  std::map<std::pair<Id, std::int64_t>, const bench::LabelledAnswer*> truth;
  {
    std::size_t i = train * 3;
    for (std::size_t r = train; r < respondents; ++r) {
      auto ps = list_passages(p, ids[r]);
      for (const auto& x : ps) {
        truth[{ids[r], x.start}] = &corpus.answers[i++];
      }
    }
  }
  std::map<std::string, std::size_t> code_index;
  for (std::size_t k = 0; k < bench::suggest_codes().size(); ++k) {
    code_index[bench::suggest_codes()[k]] = k;
  }
  struct Band {
    int n = 0, right = 0;
  };
  std::map<int, Band> bands;
  std::map<std::pair<Id, std::int64_t>, std::vector<const Suggestion*>> by_passage;
  for (const auto& g : res.suggestions) {
    by_passage[{g.document_id, g.start}].push_back(&g);
    const auto* a = truth.at({g.document_id, g.start});
    bool right = a->codes.count(code_index.at(g.code_path)) != 0;
    auto& b = bands[std::min(9, static_cast<int>(g.score * 10))];
    ++b.n;
    b.right += right ? 1 : 0;
  }
  double tp = 0, fp = 0, fn = 0, sum_p = 0, sum_r = 0, sum_f = 0, top_n = 0, top_right = 0;
  for (const auto& [key, a] : truth) {
    const auto& got = by_passage[key];
    double ptp = 0, pfp = 0;
    const Suggestion* top = nullptr;
    for (const auto* g : got) {
      if (g->score < 0.5) {
        continue;
      }
      bool right = a->codes.count(code_index.at(g->code_path)) != 0;
      (right ? ptp : pfp) += 1;
      if (top == nullptr || g->score > top->score) {
        top = g;
      }
    }
    double pfn = static_cast<double>(a->codes.size()) - ptp;
    tp += ptp;
    fp += pfp;
    fn += pfn;
    double pp = ptp + pfp > 0 ? ptp / (ptp + pfp) : (a->codes.empty() ? 1 : 0);
    double pr = ptp + pfn > 0 ? ptp / (ptp + pfn) : 1;
    sum_p += pp;
    sum_r += pr;
    sum_f += pp + pr > 0 ? 2 * pp * pr / (pp + pr) : 0;
    if (top != nullptr) {
      top_n += 1;
      top_right += a->codes.count(code_index.at(top->code_path)) != 0 ? 1 : 0;
    }
  }
  const double n = static_cast<double>(truth.size());
  std::printf("At score >= 0.5 (the default):\n");
  bench::figure("  precision per passage (mean)", sum_p / n, "");
  bench::figure("  recall per passage (mean)", sum_r / n, "");
  bench::figure("  F1 per passage (mean)", sum_f / n, "");
  double mp = tp / std::max(1.0, tp + fp), mr = tp / std::max(1.0, tp + fn);
  bench::figure("  precision, all passage-code pairs", mp, "");
  bench::figure("  recall, all passage-code pairs", mr, "");
  bench::figure("  F1, all passage-code pairs", 2 * mp * mr / std::max(1e-9, mp + mr), "");
  bench::figure("  precision of the top suggestion", top_right / std::max(1.0, top_n), "");
  std::printf("How often a suggestion is right, by its score (calibration):\n");
  for (const auto& [b, v] : bands) {
    std::printf("  %.1f-%.1f  %6d suggestions  %5.1f%% right\n", b / 10.0, (b + 1) / 10.0, v.n,
                100.0 * v.right / std::max(1, v.n));
  }
  // Three suggestions as a researcher sees them.
  std::printf("Examples:\n");
  int shown = 0;
  for (const auto& g : res.suggestions) {
    if (g.score < 0.6 || shown >= 3 || (shown > 0 && g.text.size() < 60)) {
      continue;
    }
    if (shown > 0 && res.suggestions.front().code_path == g.code_path) {
      continue;
    }
    ++shown;
    std::printf("  %.2f %s  %s %lld:%lld\n    \"%s\"\n    because of:", g.score,
                g.code_path.c_str(), g.document_name.c_str(), static_cast<long long>(g.start),
                static_cast<long long>(g.end), g.text.c_str());
    for (const auto& w : g.words) {
      std::printf(" %s", w.word.c_str());
    }
    if (g.like) {
      std::printf("; like %s %lld:%lld (similarity %.2f)", g.like->document_name.c_str(),
                  static_cast<long long>(g.like->start), static_cast<long long>(g.like->end),
                  g.like->similarity);
    }
    std::printf("\n");
  }
}

void speed(const fs::path& dir, bool full) {
  const std::size_t answers = full ? 100000 : 30000;
  const std::size_t respondents = answers / 3 + 1;
  auto file = dir / "speed.quire";
  std::size_t coded = 0, codings = 0;
  auto built = in_child([&] {
    auto corpus = bench::make_suggest_corpus(respondents, respondents);
    coded = coded_for(corpus, 10000);
    auto p = Project::create(file);
    store_import(p, bench::suggest_import(corpus, coded));
    add_text_document(p, "long interview", bench::suggest_long_text(20000));
    return std::to_string(coded) + " " + std::to_string(count_codings(corpus, coded));
  });
  std::sscanf(built.said.c_str(), "%zu %zu", &coded, &codings);
  std::printf("Speed: a survey of %zu answers (%zu respondents), the first %zu respondents "
              "coded (%zu codings), and one 20,000-character document; set-up %.1f s\n",
              respondents * 3, respondents, coded, codings, built.wall);
  std::printf("%-52s %10s %10s\n", "", "measured", "target");
  auto r = in_child([&] {
    auto p = Project::open(file);
    double c0 = bench::thread_cpu_s();
    Suggester s(p);
    double train_cpu = bench::thread_cpu_s() - c0;
    Id long_doc = find_document(p, "long interview").id;
    SuggestOptions o;
    o.documents = {long_doc};
    std::vector<double> t;
    std::size_t n = 0;
    for (int i = 0; i < 5; ++i) {
      double t0 = bench::now_s();
      n = s.suggest(p, o).suggestions.size();
      t.push_back(bench::now_s() - t0);
    }
    // A review session's worth over the whole survey: the best 1,000.
    double t0 = bench::now_s();
    SuggestOptions best;
    best.limit = 1000;
    s.suggest(p, best);
    double best_s = bench::now_s() - t0;
    char out[256];
    std::snprintf(out, sizeof out, "%.3f %.3f %.4f %zu %.3f", s.training_seconds(), train_cpu,
                  bench::percentile(t, 50), n, best_s);
    return std::string(out);
  });
  double train_s = 0, train_cpu = 0, doc_s = 0, best_s = 0;
  std::size_t n = 0;
  std::sscanf(r.said.c_str(), "%lf %lf %lf %zu %lf", &train_s, &train_cpu, &doc_s, &n, &best_s);
  std::printf("%-56s %8.2f s %8.2f s\n",
              ("training on " + std::to_string(codings) + " codings").c_str(), train_s, 2.0);
  std::printf("%-56s %8.2f s\n", "  (its CPU time)", train_cpu);
  std::printf("%-56s %7.0f ms %7.0f ms\n",
              ("suggestions for the 20,000-char document (" + std::to_string(n) + ")").c_str(),
              doc_s * 1000, 200.0);
  std::printf("%-56s %8.2f s\n", "the best 1,000 suggestions over every answer", best_s);
  std::printf(
      "%-56s %7.0f MB %7.0f MB\n",
      ("peak memory of the above, " + std::to_string(respondents * 3) + "-answer survey").c_str(),
      r.peak_mb, 200.0);
  // Every suggestion at 0.5 or more, each stored: the most a person could ask
  // for, streamed as `quire suggest` without --limit prints them.
  auto all = in_child([&] {
    auto p = Project::open(file);
    Suggester s(p);
    double t0 = bench::now_s();
    std::size_t got = 0;
    s.suggest_each(p, {}, [&](const Suggestion& g) { got += g.id != 0 ? 1 : 0; });
    char out[64];
    std::snprintf(out, sizeof out, "%zu %.3f", got, bench::now_s() - t0);
    return std::string(out);
  });
  std::size_t every = 0;
  double every_s = 0;
  std::sscanf(all.said.c_str(), "%zu %lf", &every, &every_s);
  std::printf(
      "%-56s %8.2f s\n",
      ("every suggestion over every answer (" + std::to_string(every) + ", streamed, stored)")
          .c_str(),
      every_s);
  std::printf("%-56s %7.0f MB\n", "  its peak memory", all.peak_mb);
}

} // namespace

int main(int argc, char** argv) {
  const bool full = bench::full_size(argc, argv);
  auto dir = fs::temp_directory_path() / ("quire-bench-suggest-" + std::to_string(getpid()));
  fs::create_directories(dir);
  bench::figure("machine check (before)", bench::machine_check_s(), "s");
  quality(dir);
  speed(dir, full);
  bench::figure("machine check (after)", bench::machine_check_s(), "s");
  fs::remove_all(dir);
  return 0;
}
