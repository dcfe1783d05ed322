// The libpq layer: connecting with a short timeout, running statements with
// parameters, and turning the server's refusals into TeamError.
#include <cstring>

#include "team/pg_p.h"

namespace quire::team {

std::string clean_message(const char* m) {
  std::string s = m ? m : "";
  if (s.rfind("ERROR:  ", 0) == 0) {
    s.erase(0, 8);
  }
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) {
    s.pop_back();
  }
  if (auto nl = s.find('\n'); nl != std::string::npos) {
    s.erase(nl); // DETAIL and CONTEXT lines are for developers
  }
  return s;
}

std::string url_without_password(const std::string& url) {
  char* err = nullptr;
  PQconninfoOption* opts = PQconninfoParse(url.c_str(), &err);
  if (!opts) {
    std::string m = err ? clean_message(err) : "cannot be read";
    PQfreemem(err);
    throw TeamError(TeamError::Kind::Offline,
                    "The team database address '" + url + "' cannot be read: " + m + ".");
  }
  bool password = false;
  for (auto* o = opts; o->keyword; ++o) {
    if (std::strcmp(o->keyword, "password") == 0 && o->val && *o->val) {
      password = true;
    }
  }
  PQconninfoFree(opts);
  if (password) {
    throw TeamError(TeamError::Kind::Password,
                    "The team database address holds a password, which would be stored in the "
                    "project file. Leave it out and give it in PGPASSWORD or ~/.pgpass instead.");
  }
  return url;
}

Pg::Pg(const std::string& url) {
  // A short timeout: an unreachable server means working offline, not a hang.
  const char* keys[] = {"dbname", "connect_timeout", "application_name", nullptr};
  const char* vals[] = {url.c_str(), "5", "quire", nullptr};
  m_conn = PQconnectdbParams(keys, vals, 1);
  std::string host = PQhost(m_conn) ? PQhost(m_conn) : "";
  std::string db = PQdb(m_conn) ? PQdb(m_conn) : "";
  m_server = "'" + db + "' on " + (host.empty() || host[0] == '/' ? "this machine" : host);
  if (PQstatus(m_conn) != CONNECTION_OK) {
    std::string m = clean_message(PQerrorMessage(m_conn));
    PQfinish(m_conn);
    m_conn = nullptr;
    throw TeamError(TeamError::Kind::Offline,
                    "Cannot reach the team database " + m_server + ": " + m +
                        ". Work goes on here; changes are sent at the next sync.");
  }
  PQsetNoticeProcessor(
      m_conn, [](void*, const char*) {}, nullptr);
  exec("SET client_min_messages = warning");
}

Pg::~Pg() {
  if (m_conn) {
    PQfinish(m_conn);
  }
}

PgResult Pg::exec(const std::string& sql, const Params& params) {
  std::vector<const char*> values;
  values.reserve(params.size());
  for (const auto& p : params) {
    values.push_back(p ? p->c_str() : nullptr);
  }
  // Without parameters, PQexec: it takes several statements (the schema).
  PGresult* r = params.empty() ? PQexec(m_conn, sql.c_str())
                               : PQexecParams(m_conn, sql.c_str(), static_cast<int>(values.size()),
                                              nullptr, values.data(), nullptr, nullptr, 0);
  auto status = PQresultStatus(r);
  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) {
    return PgResult(r);
  }
  const char* state = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : nullptr;
  std::string code = state ? state : "";
  std::string m = clean_message(r ? PQresultErrorMessage(r) : PQerrorMessage(m_conn));
  PQclear(r);
  if (PQstatus(m_conn) != CONNECTION_OK) {
    throw TeamError(TeamError::Kind::Offline,
                    "Lost the connection to the team database " + m_server + ": " + m +
                        ". Work goes on here; changes are sent at the next sync.");
  }
  // 42501: insufficient privilege (our functions raise it for a role's limits).
  auto kind = code == "42501" ? TeamError::Kind::Refused : TeamError::Kind::NotATeam;
  if (code == "42P01" || code == "3F000" || code == "42883") { // no table / schema / function
    throw TeamError(TeamError::Kind::NotATeam,
                    "The database " + m_server + " holds no Quire team project (" + m + ").");
  }
  throw TeamError(kind, m);
}

std::string Pg::login() {
  return exec("SELECT session_user").str(0, 0);
}

} // namespace quire::team
