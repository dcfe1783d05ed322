// Team projects against a real PostgreSQL (tests/team/run_with_pg.sh starts a
// throwaway cluster and sets QUIRE_TEST_PG; without it every test skips with
// a message). Each member works through the real `quire` binary on their own
// working copy, as researchers would; the server is checked with SQL.
#define BOOST_TEST_MODULE team
#include <libpq-fe.h>
#include <sqlite3.h>

#include <atomic>
#include <cstdlib>
#include <set>
#include <sstream>

#include "support/test_support.h"

namespace {

using quire::test::run_quire;
using quire::test::RunResult;
using quire::test::TempDir;

const char* admin_url() {
  return std::getenv("QUIRE_TEST_PG");
}

struct NeedsServer {
  boost::test_tools::assertion_result operator()(boost::unit_test::test_unit_id) const {
    boost::test_tools::assertion_result r(admin_url() != nullptr);
    r.message() << "no PostgreSQL for team tests (run through tests/team/run_with_pg.sh)";
    return r;
  }
};

/// Runs SQL on the cluster as url's login; returns the first row's first
/// value, or "ERROR: ..." when the server refused.
std::string sql(const std::string& url, const std::string& q) {
  PGconn* c = PQconnectdb(url.c_str());
  BOOST_REQUIRE_MESSAGE(PQstatus(c) == CONNECTION_OK, PQerrorMessage(c));
  PGresult* r = PQexec(c, q.c_str());
  std::string out;
  auto st = PQresultStatus(r);
  if (st == PGRES_TUPLES_OK && PQntuples(r) > 0) {
    out = PQgetvalue(r, 0, 0);
  } else if (st != PGRES_TUPLES_OK && st != PGRES_COMMAND_OK) {
    out = std::string("ERROR: ") + PQresultErrorMessage(r);
  }
  PQclear(r);
  PQfinish(c);
  return out;
}

/// A fresh team database and logins for alice, bob, carol and mallory.
struct Team {
  std::string db;
  std::string host;
  TempDir dir;
  Team() {
    static std::atomic<int> n{0};
    db = "quire_t" + std::to_string(getpid()) + "_" + std::to_string(++n);
    host = std::getenv("QUIRE_TEST_PG_HOST") ? std::getenv("QUIRE_TEST_PG_HOST") : "";
    const std::string admin = admin_url();
    for (const char* who : {"alice", "bob", "carol", "mallory"}) {
      sql(admin,
          std::string("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '") + who +
              "') THEN CREATE ROLE " + who + " LOGIN; END IF; END $$");
    }
    // alice publishes: she may create the schema (as a research group's
    // lead would be allowed by the server's administrator).
    sql(admin, "ALTER ROLE alice CREATEROLE");
    sql(admin, "CREATE DATABASE " + db + " OWNER alice");
  }
  std::string url(const std::string& who) const {
    return "host=" + host + " user=" + who + " dbname=" + db;
  }
  std::filesystem::path copy(const std::string& who) const { return dir / (who + ".quire"); }
  RunResult as(const std::string& who, std::vector<std::string> args) const {
    return run_quire(args, {{"QUIRE_CODER", who}});
  }
};

void ok(const RunResult& r) {
  BOOST_REQUIRE_MESSAGE(r.status == 0, "quire failed: " << r.err << r.out);
}

/// The project's shared content, by GUID and name, one line a row: what every
/// copy and the server must agree on.
std::string dump(const std::filesystem::path& file) {
  sqlite3* db = nullptr;
  BOOST_REQUIRE(sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
  std::ostringstream out;
  for (const char* q :
       {"SELECT 'code', guid, name, coalesce((SELECT guid FROM code p WHERE p.id = c.parent_id), "
        "'')"
        " FROM code c ORDER BY guid",
        "SELECT 'coding', c.guid, d.guid, k.guid, c.start, c.end, r.name FROM coding c "
        "JOIN document d ON d.id = c.document_id JOIN code k ON k.id = c.code_id "
        "JOIN coder r ON r.id = c.coder_id ORDER BY c.guid",
        "SELECT 'document', guid, name, length FROM document ORDER BY guid",
        "SELECT 'memo', guid, text FROM memo ORDER BY guid"}) {
    sqlite3_stmt* s = nullptr;
    BOOST_REQUIRE(sqlite3_prepare_v2(db, q, -1, &s, nullptr) == SQLITE_OK);
    while (sqlite3_step(s) == SQLITE_ROW) {
      for (int i = 0; i < sqlite3_column_count(s); ++i) {
        const auto* t = sqlite3_column_text(s, i);
        out << (t ? reinterpret_cast<const char*>(t) : "") << '|';
      }
      out << '\n';
    }
    sqlite3_finalize(s);
  }
  sqlite3_close(db);
  return out.str();
}

std::size_t count_lines(const std::string& s, const std::string& prefix) {
  std::size_t n = 0;
  std::istringstream in(s);
  for (std::string line; std::getline(in, line);) {
    n += line.rfind(prefix, 0) == 0;
  }
  return n;
}

/// alice's project: one interview, two codes, one coding; published; bob a
/// coder and carol a reader, each with a working copy.
void set_up(const Team& t) {
  const auto a = t.copy("alice").string();
  ok(t.as("alice", {"init", a}));
  ok(t.as("alice", {"import", a, quire::test::fixture("transcripts/f4-interview.txt").string()}));
  ok(t.as("alice", {"codes", "add", a, "Purpose/Sharing"}));
  ok(t.as("alice", {"codes", "add", a, "Scepticism"}));
  ok(t.as("alice", {"code", a, "-d", "f4-interview", "-r", "10:60", "-c", "Purpose/Sharing"}));
  ok(t.as("alice", {"team", "create", a, t.url("alice")}));
  ok(t.as("alice", {"team", "members", "add", a, "bob", "coder"}));
  ok(t.as("alice", {"team", "members", "add", a, "carol", "reader"}));
  ok(t.as("bob", {"team", "join", t.url("bob"), t.copy("bob").string()}));
  ok(t.as("carol", {"team", "join", t.url("carol"), t.copy("carol").string()}));
}

} // namespace

BOOST_AUTO_TEST_SUITE(team, *boost::unit_test::precondition(NeedsServer()))

BOOST_AUTO_TEST_CASE(a_colleague_joins_codes_and_everyone_sees_the_same_project) {
  Team t;
  set_up(t);
  const auto a = t.copy("alice").string();
  const auto b = t.copy("bob").string();
  BOOST_TEST(dump(a) == dump(b));
  BOOST_TEST(count_lines(dump(b), "coding|") == 1u);

  ok(t.as("bob", {"code", b, "-d", "f4-interview", "-r", "100:180", "-c", "Scepticism"}));
  ok(t.as("bob", {"codes", "add", b, "Purpose/Learning"}));
  auto status = t.as("bob", {"team", "status", b, "--json"});
  ok(status);
  BOOST_TEST(status.out.find("\"pending\": 3") != std::string::npos, status.out);
  ok(t.as("bob", {"team", "sync", b}));
  ok(t.as("alice", {"team", "sync", a}));
  BOOST_TEST(dump(a) == dump(b));
  BOOST_TEST(count_lines(dump(a), "coding|") == 2u);
  BOOST_TEST(dump(a).find("|bob|") != std::string::npos);

  // The log has no gap and the state holds what the copies hold.
  const auto admin = std::string(admin_url()) + " dbname=" + t.db;
  BOOST_TEST(sql(admin, "SELECT count(*) = max(seq) FROM quire.change") == "t");
  BOOST_TEST(sql(admin, "SELECT count(*) FROM quire.state WHERE tbl = 'coding'") == "2");
}

BOOST_AUTO_TEST_CASE(the_server_refuses_what_a_role_does_not_allow_and_the_copy_takes_it_back) {
  Team t;
  set_up(t);
  const auto a = t.copy("alice").string();
  const auto b = t.copy("bob").string();
  const auto c = t.copy("carol").string();
  const auto before = dump(c);

  // carol reads only: her coding is refused and undone in her copy.
  ok(t.as("carol", {"code", c, "-d", "f4-interview", "-r", "5:20", "-c", "Scepticism"}));
  auto r = t.as("carol", {"team", "sync", c});
  ok(r);
  BOOST_TEST(r.out.find("refused") != std::string::npos, r.out);
  BOOST_TEST(dump(c) == before);
  auto conflicts = t.as("carol", {"team", "conflicts", c});
  BOOST_TEST(conflicts.out.find("reader") != std::string::npos, conflicts.out);

  // bob codes as alice (a forged coder name): refused.
  ok(run_quire({"code", b, "-d", "f4-interview", "-r", "5:20", "-c", "Scepticism"},
               {{"QUIRE_CODER", "alice"}}));
  ok(t.as("bob", {"team", "sync", b}));
  ok(t.as("alice", {"team", "sync", a}));
  BOOST_TEST(count_lines(dump(a), "coding|") == 1u);
  BOOST_TEST(dump(b) == dump(a));

  // mallory is no member: she cannot join, nor read the tables.
  auto m = t.as("mallory", {"team", "join", t.url("mallory"), (t.dir / "m.quire").string()});
  BOOST_TEST(m.status != 0);
  BOOST_TEST(m.err.find("not a member") != std::string::npos, m.err);
  BOOST_TEST(!std::filesystem::exists(t.dir / "m.quire"));
  BOOST_TEST(sql(t.url("mallory"), "SELECT count(*) FROM quire.state") == "0");
  // Nobody writes the tables but through quire.push, which checks the role.
  BOOST_TEST(sql(t.url("bob"), "DELETE FROM quire.change").rfind("ERROR", 0) == 0);
  BOOST_TEST(sql(t.url("bob"), "SELECT quire.append('bob','x',1,'code','k','del',NULL)")
                 .rfind("ERROR", 0) == 0);
}

BOOST_AUTO_TEST_CASE(offline_work_waits_and_is_sent_later) {
  Team t;
  set_up(t);
  const auto b = t.copy("bob").string();
  // (2 changes: bob as a coder, and his coding.) The server is unreachable (libpq reads the port
  // the address leaves out from PGPORT: nothing listens on 1): sync says so, the work stays queued.
  ok(t.as("bob", {"code", b, "-d", "f4-interview", "-r", "100:180", "-c", "Scepticism"}));
  auto off = run_quire({"team", "status", b, "--json"}, {{"QUIRE_CODER", "bob"}, {"PGPORT", "1"}});
  ok(off);
  BOOST_TEST(off.out.find("\"online\": false") != std::string::npos, off.out);
  BOOST_TEST(off.out.find("\"pending\": 2") != std::string::npos, off.out);
  auto s = run_quire({"team", "sync", b}, {{"QUIRE_CODER", "bob"}, {"PGPORT", "1"}});
  BOOST_TEST(s.status != 0);
  BOOST_TEST(s.err.find("Cannot reach the team database") != std::string::npos, s.err);
  BOOST_TEST(count_lines(dump(b), "coding|") == 2u);
  // Back online: sent.
  ok(t.as("bob", {"team", "sync", b}));
  ok(t.as("alice", {"team", "sync", t.copy("alice").string()}));
  BOOST_TEST(count_lines(dump(t.copy("alice")), "coding|") == 2u);
}

BOOST_AUTO_TEST_CASE(a_code_deleted_while_a_colleague_coded_with_it_is_kept) {
  Team t;
  set_up(t);
  const auto a = t.copy("alice").string();
  const auto b = t.copy("bob").string();
  // bob codes with Scepticism (not yet sent); alice deletes Scepticism.
  ok(t.as("bob", {"code", b, "-d", "f4-interview", "-r", "100:180", "-c", "Scepticism"}));
  ok(t.as("alice", {"codes", "delete", a, "Scepticism", "--force"}));
  ok(t.as("alice", {"team", "sync", a}));
  ok(t.as("bob", {"team", "sync", b}));
  ok(t.as("alice", {"team", "sync", a}));
  BOOST_TEST(dump(a) == dump(b));
  BOOST_TEST(dump(a).find("|Scepticism|") != std::string::npos);
  BOOST_TEST(count_lines(dump(a), "coding|") == 2u);
  auto c = t.as("alice", {"team", "conflicts", a});
  BOOST_TEST(c.out.find("Scepticism") != std::string::npos, c.out);
}

BOOST_AUTO_TEST_CASE(undo_refuses_over_a_colleagues_later_change_and_names_them) {
  Team t;
  set_up(t);
  const auto a = t.copy("alice").string();
  const auto b = t.copy("bob").string();
  // bob, made an owner, renames a code alice added; alice's undo of adding
  // it would overwrite his rename: refused, naming him.
  ok(t.as("alice", {"team", "members", "role", a, "bob", "owner"}));
  ok(t.as("alice", {"codes", "add", a, "Trust"}));
  ok(t.as("alice", {"team", "sync", a}));
  ok(t.as("bob", {"team", "sync", b}));
  ok(t.as("bob", {"codes", "rename", b, "Trust", "Trust in peers"}));
  ok(t.as("bob", {"team", "sync", b}));
  ok(t.as("alice", {"team", "sync", a}));
  auto u = t.as("alice", {"undo", a});
  BOOST_TEST(u.status != 0);
  BOOST_TEST(u.err.find("bob") != std::string::npos, u.err);
  BOOST_TEST(dump(a).find("|Trust in peers|") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(two_members_making_one_code_keep_both_named_apart_in_every_copy) {
  Team t;
  set_up(t);
  const auto a = t.copy("alice").string();
  const auto b = t.copy("bob").string();
  ok(t.as("alice", {"codes", "add", a, "Workload/Marking"}));
  ok(t.as("bob", {"codes", "add", b, "Workload/Marking"}));
  ok(t.as("bob", {"code", b, "-d", "f4-interview", "-r", "30:90", "-c", "Workload/Marking"}));
  ok(t.as("alice", {"team", "sync", a}));
  ok(t.as("bob", {"team", "sync", b}));
  ok(t.as("alice", {"team", "sync", a}));
  BOOST_TEST(dump(a) == dump(b));
  BOOST_TEST(dump(a).find("|Workload (bob)|") != std::string::npos, dump(a));
  BOOST_TEST(count_lines(dump(a), "coding|") == 2u);
  auto c = t.as("bob", {"team", "conflicts", b});
  BOOST_TEST(c.out.find("Workload (bob)") != std::string::npos, c.out);
}

BOOST_AUTO_TEST_CASE(a_code_the_server_renamed_and_its_maker_undid_is_gone_from_every_copy) {
  // bob makes a path alice has made too, and undoes it before he syncs: the
  // server renames his code (a name made unique) and then deletes it (his
  // undo). His copy must not keep the renamed code (the team stress test
  // found it there when the rename and the delete came in one sync).
  Team t;
  set_up(t);
  const auto a = t.copy("alice").string();
  const auto b = t.copy("bob").string();
  ok(t.as("alice", {"codes", "add", a, "Workload/Marking"}));
  ok(t.as("alice", {"team", "sync", a}));
  ok(t.as("bob", {"codes", "add", b, "Workload/Marking"}));
  ok(t.as("bob", {"undo", b}));
  ok(t.as("bob", {"team", "sync", b}));
  ok(t.as("alice", {"team", "sync", a}));
  BOOST_TEST(dump(a) == dump(b));
  BOOST_TEST(dump(b).find("(bob)") == std::string::npos, dump(b));
  BOOST_TEST(dump(b).find("|Workload|") != std::string::npos, dump(b));
}

BOOST_AUTO_TEST_SUITE_END()
