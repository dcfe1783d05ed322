// Team projects (issue 19): the time from an action in one working copy to
// its arrival in another (p50, p95), sending 10,000 actions made offline, and
// joining a project of 100,000 survey answers with the local search index.
// Needs a PostgreSQL: without QUIRE_TEST_PG it runs itself again inside a
// throwaway cluster (tests/team/run_with_pg.sh). Default sizes are small;
// --full uses the issue's (10,000 actions, 100,000 answers).
#include <libpq-fe.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "corpus.h"
#include "figures.h"
#include "importers/importer.h"
#include "quire/model/codebook.h"
#include "quire/model/coding.h"
#include "quire/model/documents.h"
#include "quire/search/search_index.h"
#include "quire/store/project.h"
#include "quire/team/team.h"

namespace fs = std::filesystem;
using namespace quire;

namespace {

void admin_sql(const std::string& q) {
  PGconn* c = PQconnectdb(std::getenv("QUIRE_TEST_PG"));
  PGresult* r = PQexec(c, q.c_str());
  if (PQresultStatus(r) != PGRES_COMMAND_OK && PQresultStatus(r) != PGRES_TUPLES_OK) {
    std::fprintf(stderr, "bench_team: %s: %s\n", q.c_str(), PQresultErrorMessage(r));
    std::exit(1);
  }
  PQclear(r);
  PQfinish(c);
}

std::string new_database(const std::string& owner) {
  static int n = 0;
  std::string db = "quire_bench_" + std::to_string(::getpid()) + "_" + std::to_string(++n);
  admin_sql("CREATE DATABASE " + db + " OWNER " + owner);
  return db;
}

std::string url(const std::string& db, const std::string& who) {
  return "host=" + std::string(std::getenv("QUIRE_TEST_PG_HOST")) + " dbname=" + db +
         " user=" + who;
}

std::string csv_cell(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    out += c == '"' ? std::string("\"\"") : std::string(1, c);
  }
  return out + "\"";
}

fs::path write_survey(const fs::path& dir, int respondents) {
  std::mt19937 rng(11);
  auto file = dir / "survey.csv";
  std::ofstream out(file, std::ios::binary);
  out << "id,role,region";
  for (int q = 1; q <= 10; ++q) {
    out << ",Q" << q;
  }
  out << "\n";
  for (int r = 0; r < respondents; ++r) {
    out << "R" << r << ",role " << rng() % 5 << ",region " << rng() % 9;
    for (int q = 1; q <= 10; ++q) {
      out << ',' << csv_cell(bench::sentence(rng, 60 + rng() % 200));
    }
    out << "\n";
  }
  return file;
}

/// A project of one interview of `chars` characters in paragraphs.
void one_interview(Project& p, std::size_t chars, unsigned seed) {
  std::mt19937 rng(seed);
  ImportData data;
  data.kind = "text";
  ImportedDocument d;
  d.name = "interview";
  std::int64_t points = 0; // passages are in code points
  while (d.text.size() < chars) {
    const auto para = bench::sentence(rng, 400);
    std::int64_t n = 0;
    for (unsigned char c : para) {
      n += (c & 0xC0) != 0x80;
    }
    d.text += para + "\n";
    d.passages.push_back({points, points + n});
    points += n + 1;
  }
  data.documents.push_back(d);
  store_import(p, data);
}

/// Two copies of an interview project; each action in A is sent, then B
/// takes it: the time until B has it (what the app does on each action and
/// on the server's notification).
void latency(const fs::path& dir, int actions) {
  const auto db = new_database("alice");
  auto a_file = dir / "lat-a.quire";
  auto a = Project::create(a_file);
  one_interview(a, 20000, 5);
  const auto doc = list_documents(a).front();
  auto code = add_code(a, "Purpose");
  team_create(a, url(db, "alice"));
  team_set_member(a, "bob", "coder");
  team_join(url(db, "bob"), dir / "lat-b.quire");
  auto b = Project::open(dir / "lat-b.quire");
  std::vector<double> ms;
  for (int i = 0; i < actions; ++i) {
    const double t0 = bench::now_s();
    std::int64_t s = (i * 97) % 19000;
    code_range(a, doc.id, s, s + 50, code);
    team_sync(a);
    team_sync(b);
    ms.push_back((bench::now_s() - t0) * 1000);
  }
  bench::figure("action to colleague's copy p50 (target p95 <= 2000)", bench::percentile(ms, 50),
                "ms");
  bench::figure("action to colleague's copy p95 (target <= 2000)", bench::percentile(ms, 95), "ms");
}

void offline_actions(const fs::path& dir, int actions) {
  const auto db = new_database("alice");
  auto p = Project::create(dir / "off.quire");
  one_interview(p, 200000, 6);
  auto doc = list_documents(p).front();
  auto code = add_code(p, "Purpose");
  team_create(p, url(db, "alice"));
  for (int i = 0; i < actions; ++i) {
    std::int64_t s = (static_cast<std::int64_t>(i) * 19) % 199000;
    code_range(p, doc.id, s, s + 40, code);
  }
  const double t0 = bench::now_s();
  auto r = team_sync(p);
  const double took = bench::now_s() - t0;
  std::printf("  (%lld changes sent)\n", static_cast<long long>(r.sent));
  bench::figure("send " + std::to_string(actions) + " offline actions (target <= 10)", took, "s");
}

void join(const fs::path& dir, int respondents) {
  const auto db = new_database("alice");
  auto p = Project::create(dir / "survey.quire");
  auto sum = store_import(p, read_file(write_survey(dir, respondents)));
  double t0 = bench::now_s();
  team_create(p, url(db, "alice"));
  bench::figure("publish " + std::to_string(sum.passages) + " answers", bench::now_s() - t0, "s");
  team_set_member(p, "bob", "reader");
  t0 = bench::now_s();
  team_join(url(db, "bob"), dir / "joined.quire");
  const double joined = bench::now_s() - t0;
  auto b = Project::open(dir / "joined.quire");
  auto index = SearchIndex::open(b);
  const double total = bench::now_s() - t0;
  bench::figure("join (copy made)", joined, "s");
  bench::figure("join with the local index (target <= 60)", total, "s");
}

} // namespace

int main(int argc, char** argv) {
  if (!std::getenv("QUIRE_TEST_PG")) {
    // Run again inside a throwaway cluster.
    const std::string runner = std::string(QUIRE_SOURCE_DIR) + "/tests/team/run_with_pg.sh";
    std::vector<char*> args;
    args.push_back(const_cast<char*>(runner.c_str()));
    for (int i = 0; i < argc; ++i) {
      args.push_back(argv[i]);
    }
    args.push_back(nullptr);
    ::execv(runner.c_str(), args.data());
    std::printf("bench_team: skipped (cannot start %s)\n", runner.c_str());
    return 0;
  }
  const bool full = bench::full_size(argc, argv);
  for (const char* who : {"alice", "bob"}) {
    admin_sql(std::string("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '") +
              who + "') THEN CREATE ROLE " + who + " LOGIN; END IF; END $$");
  }
  admin_sql("ALTER ROLE alice CREATEROLE");
  auto dir = fs::temp_directory_path() / ("quire-bench-team-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  ::setenv("QUIRE_CODER", "alice", 1);
  std::printf("team projects on a local PostgreSQL (Unix socket)\n");
  bench::figure("machine check (sort 4M ints) before", bench::machine_check_s(), "s");
  latency(dir, 40);
  offline_actions(dir, full ? 10000 : 2000);
  join(dir, full ? 10000 : 1000);
  bench::figure("machine check (sort 4M ints) after", bench::machine_check_s(), "s");
  fs::remove_all(dir);
  return 0;
}
