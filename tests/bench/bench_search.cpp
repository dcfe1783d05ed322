// Issue 4's benchmark: search over many passages, side by side in one run.
//   Quire's index build (MB/s of passage text) next to a plain single-writer
//   Xapian indexer (positions + stemming, written here) and SQLite FTS5;
//   query latency p50/p95 for a fixed mix (single term, phrase, boolean,
//   wildcard, code-filtered, attribute-filtered) with snippets, answered by
//   Quire, by FTS5, and by a regex scan over every passage's text (C++
//   std::regex, case-insensitive; QualCoder runs Python's re over every text);
//   and the time of one coding action on a 1,000,000-character document with
//   the index open (the index follows every action).
// Default: 20,000 passages (a quick check); --full: 1,000,000 passages;
// --passages N: N passages.
#include <sqlite3.h>
#include <sys/resource.h>
#include <xapian.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <regex>
#include <sstream>
#include <string>
#include <thread>
#include <unistd.h>
#include <vector>

#include "figures.h"
#include "quire/base/text.h"
#include "quire/ingest/import_data.h"
#include "quire/model/codebook.h"
#include "quire/model/coding.h"
#include "quire/model/documents.h"
#include "quire/search/search_index.h"
#include "quire/store/history.h"
#include "quire/store/project.h"

using namespace quire;
namespace fs = std::filesystem;

namespace {

// The words a corpus about teachers' professional learning is made of, most
// frequent first; a Zipf distribution over these and generated words.
const char* const common[] = {
    "the",
    "and",
    "to",
    "of",
    "a",
    "in",
    "that",
    "it",
    "is",
    "we",
    "i",
    "for",
    "was",
    "with",
    "they",
    "on",
    "have",
    "but",
    "be",
    "our",
    "not",
    "this",
    "are",
    "you",
    "so",
    "at",
    "as",
    "my",
    "there",
    "what",
    "from",
    "about",
    "all",
    "more",
    "when",
    "would",
    "can",
    "do",
    "one",
    "or",
    "time",
    "school",
    "teachers",
    "network",
    "learning",
    "other",
    "really",
    "some",
    "people",
    "think",
    "because",
    "been",
    "just",
    "like",
    "us",
    "their",
    "them",
    "which",
    "also",
    "if",
    "schools",
    "meeting",
    "meetings",
    "ideas",
    "practice",
    "trust",
    "share",
    "sharing",
    "head",
    "teacher",
    "colleagues",
    "support",
    "planning",
    "funding",
    "release",
    "cover",
    "online",
    "twitter",
    "hashtag",
    "feedback",
    "reading",
    "children",
    "pupils",
    "classroom",
    "lessons",
    "professional",
    "development",
    "network's",
    "networks",
    "networking",
    "coordinator",
    "leadership",
    "curriculum",
    "assessment",
    "workload",
    "protected",
    "collaboration",
    "collaborative",
    "collaborate",
    "visit",
    "visits",
    "observed",
    "observing",
    "coaching",
    "mentoring",
    "research",
    "evidence",
    "inquiry",
    "together",
    "across",
    "local",
    "cluster",
    "partnership",
    "conference",
    "workshop",
    "training",
    "course",
    "courses",
    "staff",
    "staffroom",
    "subject",
    "maths",
    "science",
    "english",
    "literacy",
    "phonics",
    "writing",
    "teaching",
    "taught",
    "teach",
    "learned",
    "learn",
    "learner",
    "learners",
    "improve",
    "improvement",
    "confidence",
    "confident",
    "isolated",
    "isolation",
    "sceptical",
    "worth",
    "value",
    "valued",
    "busy",
    "pressure",
    "difficult",
    "hard",
    "easy",
    "helpful",
    "useful",
    "change",
    "changed",
    "changes",
    "new",
    "years",
    "year",
    "term",
    "week",
    "weeks",
    "day",
    "days",
    "after",
    "before",
    "during",
    "whole",
    "group",
    "groups",
    "small",
    "rural",
    "city",
    "region",
    "area",
    "primary",
    "secondary",
    "governors",
    "parents",
    "community",
    "ofsted",
    "inspection",
    "data",
    "results",
    "budget",
    "money",
    "cost",
    "supply",
    "hours",
    "evening",
    "twilight",
    "session",
    "sessions",
};

// Word pairs researchers search for as phrases; they occur as collocations.
const char* const collocations[] = {
    "protected time",   "learning network", "head teacher",   "professional learning",
    "share ideas",      "release time",     "supply cover",   "twilight sessions",
    "lesson study",     "peer observation", "school visits",  "critical friend",
    "teacher research", "staff meeting",    "local cluster",  "online community",
    "action research",  "shared practice",  "senior leaders", "time to reflect",
};

const char* const syllables[] = {"ka",  "lo",  "mi", "ren",  "tor", "sa",   "vel",
                                 "di",  "pan", "mo", "ther", "li",  "ster", "con",
                                 "ing", "ad",  "um", "pre",  "ta",  "ble"};

struct Corpus {
  std::vector<std::string> passages; // text of each passage (normalised UTF-8)
  std::vector<int> code_of;          // child code index coded on the passage, or -1
  std::vector<int> role_of;          // the case's Role
  std::int64_t bytes = 0;
};

const char* const parents[] = {"Barriers", "Benefits", "Purpose", "Practice", "Feelings"};
const char* const children[] = {"Time", "Money", "Trust", "Workload"};
const char* const roles[] = {"Teacher", "Head teacher", "Coordinator", "Support staff"};
const char* const regions[] = {"North", "South", "East", "West", "Wales", "Scotland"};

std::string code_path(int c) {
  return std::string(parents[c / 4]) + "/" + children[c % 4];
}

/// Sentences of the shared samples' plain-text files (when present).
std::vector<std::string> sample_sentences() {
  std::vector<std::string> out;
#ifdef QUIRE_SHARED_DIR
  fs::path dir = fs::path(QUIRE_SHARED_DIR) / "samples";
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    return out;
  }
  for (auto& e : fs::directory_iterator(dir, ec)) {
    if (e.path().extension() != ".txt") {
      continue;
    }
    std::ifstream in(e.path());
    std::stringstream ss;
    ss << in.rdbuf();
    std::string all = ss.str(), cur;
    for (char ch : all) {
      cur += ch == '\n' || ch == '\r' ? ' ' : ch;
      if (ch == '.' || ch == '?' || ch == '!') {
        auto b = cur.find_first_not_of(' ');
        if (b != std::string::npos && cur.size() - b > 30) {
          try {
            out.push_back(normalize_text(cur.substr(b)));
          } catch (const std::exception&) {
            // a sample in another encoding (the importers' test input): skip it
          }
        }
        cur.clear();
      }
    }
  }
#endif
  return out;
}

Corpus make_corpus(std::size_t n, std::mt19937& rng) {
  std::vector<std::string> vocab(std::begin(common), std::end(common));
  while (vocab.size() < 20000) {
    std::string w;
    int k = 2 + static_cast<int>(rng() % 3);
    for (int i = 0; i < k; ++i) {
      w += syllables[rng() % std::size(syllables)];
    }
    vocab.push_back(w);
  }
  std::vector<double> cdf(vocab.size());
  double sum = 0;
  for (std::size_t i = 0; i < vocab.size(); ++i) {
    sum += 1.0 / std::pow(static_cast<double>(i + 1), 1.05);
    cdf[i] = sum;
  }
  auto samples = sample_sentences();
  std::uniform_real_distribution<double> u(0, sum);
  Corpus c;
  c.passages.reserve(n);
  for (std::size_t p = 0; p < n; ++p) {
    std::string t;
    if (!samples.empty() && rng() % 20 == 0) {
      t = samples[rng() % samples.size()];
    } else {
      int words = 5 + static_cast<int>(rng() % 21);
      for (int w = 0; w < words; ++w) {
        if (!t.empty()) {
          t += ' ';
        }
        if (rng() % 25 == 0) {
          t += collocations[rng() % std::size(collocations)];
        } else {
          auto i = static_cast<std::size_t>(std::lower_bound(cdf.begin(), cdf.end(), u(rng)) -
                                            cdf.begin());
          t += vocab[std::min(i, vocab.size() - 1)];
        }
        if (w == 0) {
          t[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(t[0])));
        }
      }
      t += rng() % 5 == 0 ? "?" : ".";
    }
    c.bytes += static_cast<std::int64_t>(t.size());
    c.passages.push_back(std::move(t));
    c.code_of.push_back(rng() % 100 < 15 ? static_cast<int>(rng() % 20) : -1);
  }
  return c;
}

std::int64_t code_points(const std::string& s) {
  std::int64_t n = 0;
  for (unsigned char ch : s) {
    n += (ch & 0xC0) != 0x80;
  }
  return n;
}

constexpr std::size_t per_doc = 20;

/// Stores the corpus as documents of 20 passages (one respondent each, a
/// case with Role, Years and Region) with the codings; returns passage ids
/// in corpus order.
void store(Project& p, Corpus& c, std::mt19937& rng) {
  const std::size_t batch = 50000;
  for (std::size_t first = 0; first < c.passages.size(); first += batch) {
    ImportData data;
    data.attributes = {{0, {}, "Role", AttrType::Text},
                       {0, {}, "Years", AttrType::Number},
                       {0, {}, "Region", AttrType::Text}};
    for (std::size_t d = first; d < std::min(first + batch, c.passages.size()); d += per_doc) {
      ImportedDocument doc;
      doc.name = "R" + std::to_string(d / per_doc);
      doc.kind = DocumentKind::Survey;
      doc.sha256 = doc.name;
      doc.case_name = doc.name;
      int role = static_cast<int>(rng() % std::size(roles));
      ImportedCase ic;
      ic.name = doc.name;
      ic.attributes = {{"Role", Value::of_text(roles[role])},
                       {"Years", Value::of_number(static_cast<double>(rng() % 30))},
                       {"Region", Value::of_text(regions[rng() % std::size(regions)])}};
      data.cases.push_back(std::move(ic));
      std::int64_t pos = 0;
      for (std::size_t i = d; i < std::min(d + per_doc, c.passages.size()); ++i) {
        if (i > d) {
          doc.text += "\n\n";
          pos += 2;
        }
        doc.text += c.passages[i];
        auto len = code_points(c.passages[i]);
        doc.passages.push_back({pos, pos + len, {}, {}, {}, {}, {}});
        if (c.code_of[i] >= 0) {
          doc.codings.push_back(
              {code_path(c.code_of[i]), pos, pos + std::max<std::int64_t>(1, len / 2)});
        }
        c.role_of.push_back(role);
        pos += len;
      }
      data.documents.push_back(std::move(doc));
    }
    ImportOptions opt;
    opt.again = true;
    store_import(p, data, opt);
  }
}

struct Query {
  std::string category;
  std::string quire;                       // Quire / Xapian syntax
  std::string fts;                         // FTS5 MATCH syntax
  std::vector<std::string> all, any, none; // regex scan: words that must / may / must not match
  int code = -1; // code filter (a parent: index into parents, as code*4 children)
  int role = -1; // attribute filter
};

std::vector<Query> query_mix() {
  std::vector<Query> q;
  for (const char* w : {"network", "time", "trust", "funding", "colleagues"}) {
    q.push_back({"single term", w, w, {w}, {}, {}, -1, -1});
  }
  for (auto [a, b] : std::vector<std::pair<std::string, std::string>>{{"protected", "time"},
                                                                      {"learning", "network"},
                                                                      {"head", "teacher"},
                                                                      {"share", "ideas"},
                                                                      {"supply", "cover"}}) {
    q.push_back({"phrase",
                 "\"" + a + " " + b + "\"",
                 "\"" + a + " " + b + "\"",
                 {a + "\\s+" + b},
                 {},
                 {},
                 -1,
                 -1});
  }
  q.push_back({"boolean",
               "trust AND practice",
               "trust AND practice",
               {"trust", "practice"},
               {},
               {},
               -1,
               -1});
  q.push_back({"boolean",
               "time AND (meeting OR planning)",
               "time AND (meeting OR planning)",
               {"time"},
               {"meeting", "planning"},
               {},
               -1,
               -1});
  q.push_back(
      {"boolean", "network NOT online", "network NOT online", {"network"}, {}, {"online"}, -1, -1});
  q.push_back({"boolean",
               "funding OR release",
               "funding OR release",
               {},
               {"funding", "release"},
               {},
               -1,
               -1});
  q.push_back({"boolean",
               "ideas AND colleagues NOT school",
               "ideas AND colleagues NOT school",
               {"ideas", "colleagues"},
               {},
               {"school"},
               -1,
               -1});
  for (const char* w : {"teach", "learn", "net", "plan", "collab"}) {
    q.push_back({"wildcard",
                 std::string(w) + "*",
                 std::string(w) + "*",
                 {std::string(w) + "\\w*"},
                 {},
                 {},
                 -1,
                 -1});
  }
  int k = 0;
  for (const char* w : {"time", "network", "school", "ideas", "support"}) {
    int parent = k++ % 5;
    q.push_back({"code-filtered",
                 std::string(w) + " code:\"" + parents[parent] + "\"",
                 w,
                 {w},
                 {},
                 {},
                 parent,
                 -1});
  }
  k = 0;
  for (const char* w : {"learning", "time", "trust", "meeting", "staff"}) {
    int role = k++ % 4;
    q.push_back({"attribute-filtered",
                 std::string(w) + " attr:Role=\"" + roles[role] + "\"",
                 w,
                 {w},
                 {},
                 {},
                 -1,
                 role});
  }
  return q;
}

/// CPU seconds used by this process so far (every thread).
double cpu_s() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
         static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

/// The machine's 1-minute load average (other programs compete for the cores).
std::string load_average() {
  std::ifstream in("/proc/loadavg");
  std::string one;
  in >> one;
  return one;
}

/// Watches the CPU time of each thread of this process (from /proc) while a
/// step runs, so the busiest thread's share is known: on an idle machine a
/// parallel step takes about as long as its busiest thread.
class ThreadWatch {
public:
  ThreadWatch() {
    m_self = static_cast<int>(gettid());
    sample();
    m_start = m_cpu;
    m_cpu.clear();
    m_thread = std::thread([this] { run(); });
  }
  ~ThreadWatch() { stop(); }
  /// CPU seconds of the busiest thread other than the caller's own.
  double stop() {
    if (m_thread.joinable()) {
      m_stop = true;
      m_thread.join();
    }
    double busiest = 0;
    for (auto& [tid, s] : m_cpu) {
      if (tid != m_self)
        busiest = std::max(busiest, s);
    }
    return busiest;
  }
  /// CPU seconds of the calling (main) thread.
  double main_thread() const {
    auto it = m_cpu.find(m_self);
    return it == m_cpu.end() ? 0 : it->second;
  }

private:
  void run() {
    while (!m_stop) {
      sample();
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    sample();
  }
  void sample() {
    std::error_code ec;
    for (auto& e : fs::directory_iterator("/proc/self/task", ec)) {
      std::ifstream in(e.path() / "stat");
      std::string line;
      std::getline(in, line);
      auto close = line.rfind(')');
      if (close == std::string::npos)
        continue;
      std::istringstream rest(line.substr(close + 2));
      std::string field;
      double ticks = 0;
      for (int i = 3; i <= 15 && rest >> field; ++i) {
        if (i == 14 || i == 15)
          ticks += std::stod(field); // utime, stime
      }
      int tid = std::stoi(e.path().filename().string());
      double secs = ticks / static_cast<double>(sysconf(_SC_CLK_TCK));
      double& best = m_cpu[tid];
      best = std::max(best, secs - m_start[tid]);
    }
  }

private:
  std::map<int, double> m_cpu, m_start;
  int m_self = 0;
  std::atomic<bool> m_stop{false};
  std::thread m_thread;
};

double mb(std::int64_t bytes) {
  return static_cast<double>(bytes) / 1e6;
}

/// A plain single-writer Xapian indexer: positions, English stemming, one
/// document per passage, one commit at the end.
double plain_xapian(const Corpus& c, const fs::path& dir) {
  fs::remove_all(dir);
  double t0 = bench::now_s();
  Xapian::WritableDatabase db(dir.string(), Xapian::DB_CREATE_OR_OVERWRITE);
  Xapian::TermGenerator tg;
  tg.set_stemmer(Xapian::Stem("english"));
  tg.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
  for (std::size_t i = 0; i < c.passages.size(); ++i) {
    Xapian::Document d;
    tg.set_document(d);
    tg.index_text(c.passages[i]);
    d.add_boolean_term("Q" + std::to_string(i + 1));
    db.add_document(d);
  }
  db.commit();
  return bench::now_s() - t0;
}

struct Fts {
  sqlite3* db = nullptr;
  ~Fts() { sqlite3_close(db); }
  void exec(const std::string& sql) {
    char* err = nullptr;
    if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
      std::fprintf(stderr, "FTS5: %s\n", err ? err : "?");
      sqlite3_free(err);
      std::exit(1);
    }
  }
};

/// Builds an FTS5 table (porter stemming) of the passages plus tables of
/// their codes (with parents) and case attributes, as a search would need.
double build_fts(Fts& f, const Corpus& c, const fs::path& file) {
  fs::remove(file);
  double t0 = bench::now_s();
  sqlite3_open(file.string().c_str(), &f.db);
  f.exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;");
  f.exec("CREATE VIRTUAL TABLE fts USING fts5(text, tokenize='porter unicode61');"
         "CREATE TABLE pcode(passage INTEGER, code TEXT);"
         "CREATE TABLE pattr(passage INTEGER, name TEXT, value TEXT);");
  f.exec("BEGIN");
  sqlite3_stmt *ins, *code, *attr;
  sqlite3_prepare_v2(f.db, "INSERT INTO fts(rowid, text) VALUES (?, ?)", -1, &ins, nullptr);
  sqlite3_prepare_v2(f.db, "INSERT INTO pcode VALUES (?, ?)", -1, &code, nullptr);
  sqlite3_prepare_v2(f.db, "INSERT INTO pattr VALUES (?, 'Role', ?)", -1, &attr, nullptr);
  for (std::size_t i = 0; i < c.passages.size(); ++i) {
    auto id = static_cast<sqlite3_int64>(i + 1);
    sqlite3_bind_int64(ins, 1, id);
    sqlite3_bind_text(ins, 2, c.passages[i].data(), static_cast<int>(c.passages[i].size()),
                      SQLITE_STATIC);
    sqlite3_step(ins);
    sqlite3_reset(ins);
    if (c.code_of[i] >= 0) {
      for (const std::string& path :
           {std::string(parents[c.code_of[i] / 4]), code_path(c.code_of[i])}) {
        sqlite3_bind_int64(code, 1, id);
        sqlite3_bind_text(code, 2, path.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_step(code);
        sqlite3_reset(code);
      }
    }
    sqlite3_bind_int64(attr, 1, id);
    sqlite3_bind_text(attr, 2, roles[c.role_of[i]], -1, SQLITE_STATIC);
    sqlite3_step(attr);
    sqlite3_reset(attr);
  }
  sqlite3_finalize(ins);
  sqlite3_finalize(code);
  sqlite3_finalize(attr);
  f.exec("CREATE INDEX pcode_code ON pcode(code, passage); CREATE INDEX pattr_value ON "
         "pattr(name, value, passage); COMMIT");
  return bench::now_s() - t0;
}

/// One FTS5 query: the top 20 by rank with snippets.
int fts_query(Fts& f, const Query& q) {
  std::string sql = "SELECT fts.rowid, snippet(fts, 0, '«', '»', '…', 12) FROM fts ";
  if (q.code >= 0) {
    sql += "JOIN pcode c ON c.passage = fts.rowid AND c.code = ?2 ";
  } else if (q.role >= 0) {
    sql += "JOIN pattr a ON a.passage = fts.rowid AND a.name = 'Role' AND a.value = ?2 ";
  }
  sql += "WHERE fts MATCH ?1 ORDER BY rank LIMIT 20";
  sqlite3_stmt* s = nullptr;
  if (sqlite3_prepare_v2(f.db, sql.c_str(), -1, &s, nullptr) != SQLITE_OK) {
    std::fprintf(stderr, "FTS5: %s\n", sqlite3_errmsg(f.db));
    std::exit(1);
  }
  sqlite3_bind_text(s, 1, q.fts.c_str(), -1, SQLITE_TRANSIENT);
  if (q.code >= 0) {
    sqlite3_bind_text(s, 2, parents[q.code], -1, SQLITE_STATIC);
  } else if (q.role >= 0) {
    sqlite3_bind_text(s, 2, roles[q.role], -1, SQLITE_STATIC);
  }
  int rows = 0;
  while (sqlite3_step(s) == SQLITE_ROW) {
    ++rows;
  }
  sqlite3_finalize(s);
  return rows;
}

/// The regex scan: every passage's text, every time; snippets of the first 20.
std::int64_t regex_scan(const Corpus& c, const Query& q) {
  auto word = [](const std::string& w) {
    return std::regex("\\b" + w + "\\b", std::regex::icase | std::regex::optimize);
  };
  std::vector<std::regex> all, any, none;
  for (auto& w : q.all)
    all.push_back(word(w));
  for (auto& w : q.any)
    any.push_back(word(w));
  for (auto& w : q.none)
    none.push_back(word(w));
  std::int64_t hits = 0;
  std::vector<std::string> snippets;
  for (std::size_t i = 0; i < c.passages.size(); ++i) {
    if (q.code >= 0 && (c.code_of[i] < 0 || c.code_of[i] / 4 != q.code)) {
      continue;
    }
    if (q.role >= 0 && c.role_of[i] != q.role) {
      continue;
    }
    const auto& t = c.passages[i];
    std::smatch m;
    bool ok = true;
    std::size_t at = 0;
    for (auto& r : all) {
      if (!std::regex_search(t, m, r)) {
        ok = false;
        break;
      }
      at = static_cast<std::size_t>(m.position(0));
    }
    if (ok && !any.empty()) {
      ok = std::any_of(any.begin(), any.end(), [&](auto& r) { return std::regex_search(t, r); });
    }
    if (ok) {
      ok = std::none_of(none.begin(), none.end(), [&](auto& r) { return std::regex_search(t, r); });
    }
    if (ok) {
      if (++hits <= 20) {
        snippets.push_back(t.substr(at > 40 ? at - 40 : 0, 100));
      }
    }
  }
  return hits;
}

struct Latency {
  std::vector<double> all;
  std::map<std::string, std::vector<double>> by_category;
  void add(const std::string& cat, double ms) {
    all.push_back(ms);
    by_category[cat].push_back(ms);
  }
};

void print_latency(const std::string& who, const Latency& l) {
  for (auto& [cat, v] : l.by_category) {
    bench::figure(who + " " + cat + " p50", bench::percentile(v, 50), "ms");
  }
  bench::figure(who + " all queries p50", bench::percentile(l.all, 50), "ms");
  bench::figure(who + " all queries p95", bench::percentile(l.all, 95), "ms");
}

void incremental(const fs::path& dir, std::mt19937& rng) {
  std::printf("one coding action on a 1,000,000-character document (2,000 paragraphs)\n");
  auto file = dir / "big.quire";
  std::string text;
  while (text.size() < 1000000) {
    std::string para;
    while (para.size() < 500) {
      para += common[rng() % std::size(common)];
      para += ' ';
    }
    para.back() = '.';
    text += para + "\n\n";
  }
  text.resize(1000000);
  auto p = Project::create(file);
  p.set_session_coder("bench");
  Id doc = add_text_document(p, "big", text);
  Id code = add_code(p, "Bench/Measured");
  auto measure = [&](const std::string& label) {
    std::vector<double> ms;
    for (int i = 0; i < 20; ++i) {
      auto start = static_cast<std::int64_t>(rng() % 999000);
      double a = bench::now_s();
      code_range(p, doc, start, start + 300, code);
      ms.push_back((bench::now_s() - a) * 1000);
    }
    bench::figure(label + ", median", bench::percentile(ms, 50), "ms");
    bench::figure(label + ", p95", bench::percentile(ms, 95), "ms");
  };
  measure("code a range, no index open");
  auto index = SearchIndex::open(p);
  measure("code a range, index open");
  std::vector<double> ms;
  for (int i = 0; i < 10; ++i) {
    double a = bench::now_s();
    undo(p);
    ms.push_back((bench::now_s() - a) * 1000);
  }
  bench::figure("undo a coding, index open, median", bench::percentile(ms, 50), "ms");
}

} // namespace

/// Coding from a search: a dry run of Code All Hits (it finds every passage,
/// then the units of each that match) for one query of each kind, per unit.
void autocode_figures(Project& p, const SearchIndex& index) {
  Id code = add_code(p, "Bench/Autocode");
  std::printf("coding from a search (dry run: every passage found, then its units)\n");
  const std::pair<AutocodeUnit, const char*> units[] = {{AutocodeUnit::Hit, "hit"},
                                                        {AutocodeUnit::Sentence, "sentence"},
                                                        {AutocodeUnit::Passage, "passage"}};
  double total = 0;
  for (const char* q :
       {"\"protected time\"", "trust AND practice", "time NEAR/5 meeting", "funding OR release",
        "network NOT online", "\"learning network\" attr:Role=\"Head teacher\""}) {
    for (auto [unit, name] : units) {
      double best = 1e9;
      AutocodeResult r;
      for (int rep = 0; rep < 3; ++rep) {
        double a = bench::now_s();
        r = autocode(p, index, q, code, unit, true);
        best = std::min(best, (bench::now_s() - a) * 1000);
      }
      total += best;
      std::printf("  %-46s %-8s %8.1f ms  %7lld ranges in %6lld passages\n", q, name, best,
                  static_cast<long long>(r.ranges), static_cast<long long>(r.passages));
    }
  }
  bench::figure("autocode dry runs, 6 queries x 3 units, best of 3 each, sum", total, "ms");
}

int main(int argc, char** argv) {
  bool full = bench::full_size(argc, argv);
  std::size_t n = full ? 1000000 : 20000;
  for (int i = 1; i + 1 < argc; ++i) {
    if (std::string(argv[i]) == "--passages")
      n = static_cast<std::size_t>(std::stoul(argv[i + 1]));
  }
  auto dir = fs::temp_directory_path() / "quire-bench-search";
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::mt19937 rng(42);
  std::printf(
      "bench_search (%zu passages; --full for the issue's 1,000,000), %u hardware threads\n", n,
      std::thread::hardware_concurrency());
  double t0 = bench::now_s();
  auto corpus = make_corpus(n, rng);
  auto file = dir / "search.quire";
  {
    auto p = Project::create(file);
    store(p, corpus, rng);
  }
  std::printf("corpus: %zu passages, %.1f MB of text, %zu per document, 20 codes, 15%% coded "
              "(set up in %.1f s)\n",
              n, mb(corpus.bytes), per_doc, bench::now_s() - t0);

  std::printf("indexing (load average %s; MB/s of passage text, wall clock)\n",
              load_average().c_str());
  if (std::find_if(argv, argv + argc, [](const char* a) {
        return std::string(a) == "--quire-build-only";
      }) != argv + argc) {
    // For a profiler: only Quire's index build.
    auto p = Project::open(file);
    double q0 = bench::now_s();
    double c0 = cpu_s();
    SearchIndex::open(p);
    bench::figure("Quire index build", mb(corpus.bytes) / (bench::now_s() - q0), "MB/s");
    bench::figure("Quire index build, CPU time", cpu_s() - c0, "s");
    return 0;
  }
  double c0 = cpu_s();
  double plain = plain_xapian(corpus, dir / "plain.xapian");
  double plain_cpu = cpu_s() - c0;
  bench::figure("plain single-writer Xapian indexer", mb(corpus.bytes) / plain, "MB/s");
  bench::figure("plain single-writer Xapian indexer", plain, "s");
  bench::figure("plain single-writer Xapian indexer, CPU time", plain_cpu, "s");
  bench::figure("plain single-writer Xapian indexer, cores used (CPU / wall)", plain_cpu / plain,
                "cores");
  auto p = Project::open(file);
  double q0 = bench::now_s();
  c0 = cpu_s();
  ThreadWatch watch;
  auto index = SearchIndex::open(p); // no index yet: builds it
  double quire_s = bench::now_s() - q0;
  double quire_cpu = cpu_s() - c0;
  double busiest = watch.stop();
  bench::figure("Quire index build (target >= 3)", mb(corpus.bytes) / quire_s, "MB/s");
  bench::figure("Quire index build", quire_s, "s");
  bench::figure("Quire index build, CPU time (both threads)", quire_cpu, "s");
  // On a busy machine the cores are shared: a build can only be as fast as
  // the share of them it is given.
  bench::figure("Quire index build, cores used (CPU / wall)", quire_cpu / quire_s, "cores");
  bench::figure("Quire build speed / plain indexer", plain / quire_s, "x");
  bench::figure("Quire index build, busiest writer thread's CPU time", busiest, "s");
  bench::figure("Quire index build, main thread's CPU time (reading, compacting)",
                watch.main_thread(), "s");
  Fts fts;
  double fts_s = build_fts(fts, corpus, dir / "fts.sqlite");
  bench::figure("SQLite FTS5 build (with code and attribute tables)", mb(corpus.bytes) / fts_s,
                "MB/s");
  bench::figure("SQLite FTS5 build", fts_s, "s");

  auto mix = query_mix();
  std::printf("queries: %zu in 6 kinds, top 20 with snippets\n", mix.size());
  Latency quire_l, fts_l, regex_l;
  SearchOptions opt;
  opt.limit = 20;
  for (int rep = 0; rep < 5; ++rep) {
    for (auto& q : mix) {
      double a = bench::now_s();
      auto r = index->search(q.quire, opt);
      quire_l.add(q.category, (bench::now_s() - a) * 1000);
      a = bench::now_s();
      fts_query(fts, q);
      fts_l.add(q.category, (bench::now_s() - a) * 1000);
    }
  }
  // The scan is slow: in --full, one query of each kind.
  std::map<std::string, int> scanned;
  for (auto& q : mix) {
    if (full && scanned[q.category]++ > 0) {
      continue;
    }
    double a = bench::now_s();
    regex_scan(corpus, q);
    regex_l.add(q.category, (bench::now_s() - a) * 1000);
  }
  print_latency("Quire", quire_l);
  print_latency("FTS5", fts_l);
  print_latency("regex scan", regex_l);
  bench::figure("regex scan p50 / Quire p50 (target >= 10)",
                bench::percentile(regex_l.all, 50) / bench::percentile(quire_l.all, 50), "x");
  bench::figure("Quire p50 / FTS5 p50 (target <= 1)",
                bench::percentile(quire_l.all, 50) / bench::percentile(fts_l.all, 50), "x");
  autocode_figures(p, *index);
  index.reset();

  incremental(dir, rng);
  bench::figure("peak RSS", bench::peak_rss_mb(), "MB");
  std::printf("load average at the end: %s\n", load_average().c_str());
  fs::remove_all(dir);
  return 0;
}
