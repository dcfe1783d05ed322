// Survey import: a generated questionnaire of N respondents x 10 open-ended
// questions + 10 attribute columns, written as CSV and as XLSX (libxlsxwriter),
// each imported into a fresh project. Prints seconds, MB/s and peak RSS per
// format. Default N = 1,000; --full N = 10,000 (100,000 answers, issue 3);
// --respondents N any other size. Then N/10 transcripts (1,000 with --full),
// each imported as its own action, and the search index of each project.
// --surveys-only leaves the transcripts out (for profiling).
#include <xlsxwriter.h>

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "figures.h"
#include "importers/importer.h"
#include "quire/model/documents.h"
#include "quire/search/search_index.h"
#include "quire/store/project.h"

namespace fs = std::filesystem;
using namespace quire;

namespace {

const char* const words[] = {
    "network",  "teachers",     "time",    "colleagues", "meeting",     "online",  "school",
    "practice", "learning",     "useful",  "slow",       "questions",   "support", "shared",
    "ideas",    "planning",     "reading", "project",    "term",        "week",    "honestly",
    "group",    "face-to-face", "memo",    "trust",      "coordinator", "pupils",  "inquiry",
    "results",  "forum",        "rarely",  "often",      "café",        "naïve",   "👍",
    "the",      "and",          "of",      "to",         "we",          "it",      "was",
    "but",      "not"};

struct Respondent {
  std::string id;
  std::vector<std::string> attrs; // 10: text, number or date (ISO) as text
  std::vector<std::string> answers;
};

std::string sentence(std::mt19937& rng) {
  std::uniform_int_distribution<std::size_t> w(0, std::size(words) - 1), len(6, 40);
  std::string s;
  for (std::size_t i = 0, n = len(rng); i < n; ++i) {
    s += (i ? " " : "") + std::string(words[w(rng)]);
  }
  s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
  switch (rng() % 8) {
  case 0: return s + ", \"quoted\" too.";
  case 1: return s + ".\nA second line, after a break.";
  case 2: return s + "? Not sure.";
  default: return s + ".";
  }
}

std::vector<Respondent> generate(int n) {
  std::mt19937 rng(42);
  static const char* roles[] = {"Head teacher", "Classroom teacher", "Teaching assistant",
                                "Officer"};
  std::vector<Respondent> out;
  for (int i = 0; i < n; ++i) {
    Respondent r;
    char id[16];
    std::snprintf(id, sizeof id, "R%05d", i + 1);
    r.id = id;
    char date[16];
    std::snprintf(date, sizeof date, "2026-%02d-%02d", 1 + i % 12, 1 + i % 28);
    r.attrs = {roles[rng() % 4],
               "Network " + std::to_string(1 + rng() % 12),
               std::to_string(20 + rng() % 45),
               std::to_string(rng() % 35),
               date,
               std::to_string(1 + rng() % 5),
               rng() % 2 ? "yes" : "no",
               "Site " + std::string(1, static_cast<char>('A' + rng() % 8)),
               std::to_string(2020 + rng() % 6),
               std::to_string(rng() % 100) + "." + std::to_string(rng() % 10)};
    for (int q = 0; q < 10; ++q)
      r.answers.push_back(sentence(rng));
    out.push_back(std::move(r));
  }
  return out;
}

const char* const attr_names[] = {"Role",   "Network", "Age",  "Years",  "Submitted",
                                  "Rating", "Consent", "Site", "Cohort", "Score"};

std::string header(int q) {
  return "Q" + std::to_string(q + 1) + ". What do you think about part " + std::to_string(q + 1) +
         "?";
}

void write_csv(const fs::path& file, const std::vector<Respondent>& rs) {
  std::ofstream out(file, std::ios::binary);
  auto quoted = [](const std::string& s) {
    std::string q = "\"";
    for (char c : s)
      q += c == '"' ? std::string("\"\"") : std::string(1, c);
    return q + "\"";
  };
  out << "Respondent ID";
  for (auto* a : attr_names)
    out << ',' << a;
  for (int q = 0; q < 10; ++q)
    out << ',' << quoted(header(q));
  out << "\r\n";
  for (const auto& r : rs) {
    out << r.id;
    for (const auto& a : r.attrs)
      out << ',' << a;
    for (const auto& a : r.answers)
      out << ',' << quoted(a);
    out << "\r\n";
  }
}

void write_xlsx(const fs::path& file, const std::vector<Respondent>& rs) {
  lxw_workbook* wb = workbook_new(file.c_str());
  lxw_worksheet* ws = workbook_add_worksheet(wb, "Responses");
  lxw_format* date_fmt = workbook_add_format(wb);
  format_set_num_format(date_fmt, "dd/mm/yyyy");
  worksheet_write_string(ws, 0, 0, "Respondent ID", nullptr);
  for (lxw_col_t c = 0; c < 10; ++c)
    worksheet_write_string(ws, 0, c + 1, attr_names[c], nullptr);
  for (lxw_col_t q = 0; q < 10; ++q)
    worksheet_write_string(ws, 0, q + 11, header(static_cast<int>(q)).c_str(), nullptr);
  for (std::size_t i = 0; i < rs.size(); ++i) {
    const auto& r = rs[i];
    auto row = static_cast<lxw_row_t>(i + 1);
    worksheet_write_string(ws, row, 0, r.id.c_str(), nullptr);
    for (lxw_col_t c = 0; c < 10; ++c) {
      const auto& v = r.attrs[c];
      if (c == 4) {
        lxw_datetime dt = {std::stoi(v.substr(0, 4)),
                           std::stoi(v.substr(5, 2)),
                           std::stoi(v.substr(8, 2)),
                           0,
                           0,
                           0};
        worksheet_write_datetime(ws, row, c + 1, &dt, date_fmt);
      } else if (c == 2 || c == 3 || c == 5 || c == 8 || c == 9) {
        worksheet_write_number(ws, row, c + 1, std::stod(v), nullptr);
      } else {
        worksheet_write_string(ws, row, c + 1, v.c_str(), nullptr);
      }
    }
    for (lxw_col_t q = 0; q < 10; ++q) {
      if (!r.answers[q].empty())
        worksheet_write_string(ws, row, q + 11, r.answers[q].c_str(), nullptr);
    }
  }
  if (workbook_close(wb) != LXW_NO_ERROR) {
    throw std::runtime_error("cannot write " + file.string());
  }
}

/// CPU seconds this process has used (user + system): steadier than wall
/// time on a shared machine.
double cpu_s() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
         static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

void reset_peak_rss() {
  std::ofstream clear("/proc/self/clear_refs");
  clear << "5"; // resets VmHWM to the current RSS
}

/// n interview transcripts ("Name (hh:mm:ss): text" turns), each ~30 KB.
void transcripts(const fs::path& dir, int n) {
  const char* const names[] = {"Interviewer", "Amira", "Ben", "Carla"};
  std::mt19937 rng(5);
  fs::create_directories(dir / "transcripts");
  std::vector<fs::path> files;
  double bytes = 0;
  for (int i = 0; i < n; ++i) {
    std::string t;
    int sec = 0;
    while (t.size() < 30000) {
      char stamp[32];
      std::snprintf(stamp, sizeof stamp, " (%02d:%02d:%02d): ", sec / 3600, sec / 60 % 60,
                    sec % 60);
      t += names[rng() % 4];
      t += stamp;
      for (int w = 0, len = 10 + static_cast<int>(rng() % 60); w < len; ++w) {
        t += words[rng() % std::size(words)];
        t += ' ';
      }
      t += "\n\n";
      sec += 5 + static_cast<int>(rng() % 40);
    }
    files.push_back(dir / "transcripts" / ("interview-" + std::to_string(i) + ".txt"));
    std::ofstream(files.back(), std::ios::binary) << t;
    bytes += static_cast<double>(t.size());
  }
  reset_peak_rss();
  double t0 = bench::now_s();
  auto p = Project::create(dir / "transcripts.quire");
  std::int64_t passages = 0;
  for (const auto& f : files) {
    passages += store_import(p, read_file(f)).passages; // one action per file, as the CLI does
  }
  double t1 = bench::now_s();
  auto index = SearchIndex::open(p);
  double t2 = bench::now_s();
  double mb = bytes / (1024.0 * 1024.0);
  std::printf("transcripts: %d files, %.1f MB, %lld turns\n", n, mb,
              static_cast<long long>(passages));
  bench::figure("transcripts import (one action per file)", t1 - t0, "s");
  bench::figure("transcripts throughput", mb / (t1 - t0), "MB/s");
  bench::figure("transcripts search index build", t2 - t1, "s");
  bench::figure("transcripts peak RSS", bench::peak_rss_mb(), "MB");
}

void import_one(const fs::path& dir, const fs::path& file, const std::string& label) {
  fs::remove(dir / (label + ".quire"));
  reset_peak_rss();
  double c0 = cpu_s();
  double t0 = bench::now_s();
  auto data = read_file(file);
  double t1 = bench::now_s();
  auto p = Project::create(dir / (label + ".quire"));
  auto sum = store_import(p, data);
  double t2 = bench::now_s();
  auto index = SearchIndex::open(p); // builds the search index of every answer
  double t3 = bench::now_s();
  double c2 = cpu_s();
  double mb = static_cast<double>(fs::file_size(file)) / (1024.0 * 1024.0);
  std::printf("%s: %zu respondents, %d answers, %.1f MB file\n", label.c_str(), data.cases.size(),
              sum.passages, mb);
  bench::figure(label + " read (parse + roles)", t1 - t0, "s");
  bench::figure(label + " store (one transaction)", t2 - t1, "s");
  bench::figure(label + " total", t2 - t0, "s");
  bench::figure(label + " search index build", t3 - t2, "s");
  bench::figure(label + " total with index (target <= 10 s)", t3 - t0, "s");
  bench::figure(label + " total CPU (user + system)", c2 - c0, "s");
  bench::figure(label + " throughput", mb / (t2 - t0), "MB/s");
  bench::figure(label + " answers per second", sum.passages / (t2 - t0), "1/s");
  bench::figure(label + " peak RSS", bench::peak_rss_mb(), "MB");
}

} // namespace

int main(int argc, char** argv) {
  int n = bench::full_size(argc, argv) ? 10000 : 1000;
  for (int i = 1; i + 1 < argc; ++i) {
    if (std::string(argv[i]) == "--respondents")
      n = std::stoi(argv[i + 1]); // for profiling
  }
  auto dir = fs::temp_directory_path() / ("quire-bench-survey-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::printf("survey import: %d respondents x 10 open-ended questions + 10 attributes\n", n);
  // On a shared machine the same work can take half as long again in a slow
  // spell: this fixed task, timed before and after, says which kind of spell
  // the figures fell in.
  bench::figure("machine check before (sort 4M integers, one thread)", bench::machine_check_s(),
                "s");
  {
    auto rs = generate(n);
    write_csv(dir / "survey.csv", rs);
    write_xlsx(dir / "survey.xlsx", rs);
  }
  for (const char* format : {"csv", "xlsx"}) {
    try {
      import_one(dir, dir / (std::string("survey.") + format), format);
    } catch (const std::exception& e) {
      std::printf("%s: failed: %s\n", format, e.what());
    }
  }
  const bool surveys_only = std::find_if(argv, argv + argc, [](const char* a) {
                              return std::string(a) == "--surveys-only";
                            }) != argv + argc; // for profiling the survey import
  try {
    if (!surveys_only)
      transcripts(dir, n / 10);
  } catch (const std::exception& e) {
    std::printf("transcripts: failed: %s\n", e.what());
  }
  bench::figure("machine check after (sort 4M integers, one thread)", bench::machine_check_s(),
                "s");
  fs::remove_all(dir);
  return 0;
}
