// The libpq layer: connecting with a short timeout, running statements with
// parameters, and turning the server's refusals into TeamError.
#include <cstring>
#include <mutex>

#include "quire/base/platform.h"
#include "team/pg_p.h"

namespace quire::team {

namespace {

template <class F> void load(F& f, const char* name) {
  std::string why;
  // The system's libpq by its soname (the library search path finds it).
  f = reinterpret_cast<F>(platform::module_symbol("libpq.so.5", name, why));
  if (!f) {
    throw Error("Team projects need PostgreSQL's client library, libpq (" + why +
                "). Install it (on Debian: apt-get install libpq5).");
  }
}

} // namespace

const Libpq& libpq() {
  static std::once_flag once;
  static Libpq api{};
  static std::string failed;
  std::call_once(once, [] {
    try {
      load(api.connectdb_params, "PQconnectdbParams");
      load(api.status, "PQstatus");
      load(api.error_message, "PQerrorMessage");
      load(api.finish, "PQfinish");
      load(api.host, "PQhost");
      load(api.db, "PQdb");
      load(api.set_notice_processor, "PQsetNoticeProcessor");
      load(api.exec, "PQexec");
      load(api.exec_params, "PQexecParams");
      load(api.result_status, "PQresultStatus");
      load(api.result_error_field, "PQresultErrorField");
      load(api.result_error_message, "PQresultErrorMessage");
      load(api.ntuples, "PQntuples");
      load(api.getvalue, "PQgetvalue");
      load(api.getisnull, "PQgetisnull");
      load(api.clear, "PQclear");
      load(api.conninfo_parse, "PQconninfoParse");
      load(api.conninfo_free, "PQconninfoFree");
      load(api.freemem, "PQfreemem");
    } catch (const Error& e) {
      failed = e.what();
    }
  });
  if (!failed.empty()) {
    throw Error(failed);
  }
  return api;
}

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
  PQconninfoOption* opts = libpq().conninfo_parse(url.c_str(), &err);
  if (!opts) {
    std::string m = err ? clean_message(err) : "cannot be read";
    libpq().freemem(err);
    throw TeamError(TeamError::Kind::Offline,
                    "The team database address '" + url + "' cannot be read: " + m + ".");
  }
  bool password = false;
  for (auto* o = opts; o->keyword; ++o) {
    if (std::strcmp(o->keyword, "password") == 0 && o->val && *o->val) {
      password = true;
    }
  }
  libpq().conninfo_free(opts);
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
  m_conn = libpq().connectdb_params(keys, vals, 1);
  std::string host = libpq().host(m_conn) ? libpq().host(m_conn) : "";
  std::string db = libpq().db(m_conn) ? libpq().db(m_conn) : "";
  m_server = "'" + db + "' on " + (host.empty() || host[0] == '/' ? "this machine" : host);
  if (libpq().status(m_conn) != CONNECTION_OK) {
    std::string m = clean_message(libpq().error_message(m_conn));
    libpq().finish(m_conn);
    m_conn = nullptr;
    throw TeamError(TeamError::Kind::Offline,
                    "Cannot reach the team database " + m_server + ": " + m +
                        ". Work goes on here; changes are sent at the next sync.");
  }
  libpq().set_notice_processor(
      m_conn, [](void*, const char*) {}, nullptr);
  exec("SET client_min_messages = warning");
}

Pg::~Pg() {
  if (m_conn) {
    libpq().finish(m_conn);
  }
}

PgResult Pg::exec(const std::string& sql, const Params& params) {
  std::vector<const char*> values;
  values.reserve(params.size());
  for (const auto& p : params) {
    values.push_back(p ? p->c_str() : nullptr);
  }
  // Without parameters, PQexec: it takes several statements (the schema).
  PGresult* r = params.empty()
                    ? libpq().exec(m_conn, sql.c_str())
                    : libpq().exec_params(m_conn, sql.c_str(), static_cast<int>(values.size()),
                                          nullptr, values.data(), nullptr, nullptr, 0);
  auto status = libpq().result_status(r);
  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) {
    return PgResult(r);
  }
  const char* state = r ? libpq().result_error_field(r, PG_DIAG_SQLSTATE) : nullptr;
  std::string code = state ? state : "";
  std::string m =
      clean_message(r ? libpq().result_error_message(r) : libpq().error_message(m_conn));
  libpq().clear(r);
  if (libpq().status(m_conn) != CONNECTION_OK) {
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
