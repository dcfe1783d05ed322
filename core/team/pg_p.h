#pragma once
// Private: a thin RAII layer over libpq for the team database. Only
// core/team includes this (libpq stays out of every other file).
#include <libpq-fe.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "quire/team/team.h"

namespace quire::team {

/// One query's result; rows and columns as text (NULL as nullopt).
/// The libpq functions Quire calls, loaded from the system's libpq when a
/// team project is first used: a program that never syncs never loads libpq
/// and the dozen libraries it needs (Kerberos, LDAP, TLS), so `quire
/// --version` and a search start as fast as before (issue 18.5). Throws
/// Error saying to install libpq5 when it cannot be loaded.
struct Libpq {
  decltype(&PQconnectdbParams) connectdb_params;
  decltype(&PQstatus) status;
  decltype(&PQerrorMessage) error_message;
  decltype(&PQfinish) finish;
  decltype(&PQhost) host;
  decltype(&PQdb) db;
  decltype(&PQsetNoticeProcessor) set_notice_processor;
  decltype(&PQexec) exec;
  decltype(&PQexecParams) exec_params;
  decltype(&PQresultStatus) result_status;
  decltype(&PQresultErrorField) result_error_field;
  decltype(&PQresultErrorMessage) result_error_message;
  decltype(&PQntuples) ntuples;
  decltype(&PQgetvalue) getvalue;
  decltype(&PQgetisnull) getisnull;
  decltype(&PQclear) clear;
  decltype(&PQconninfoParse) conninfo_parse;
  decltype(&PQconninfoFree) conninfo_free;
  decltype(&PQfreemem) freemem;
};
const Libpq& libpq();

class PgResult {
public:
  explicit PgResult(PGresult* r) : m_r(r, libpq().clear) {}
  int rows() const { return libpq().ntuples(m_r.get()); }
  bool null(int row, int col) const { return libpq().getisnull(m_r.get(), row, col) != 0; }
  std::string str(int row, int col) const { return libpq().getvalue(m_r.get(), row, col); }
  std::int64_t i64(int row, int col) const { return std::stoll(str(row, col)); }

private:
  std::unique_ptr<PGresult, void (*)(PGresult*)> m_r;
};

using Params = std::vector<std::optional<std::string>>;

class Pg {
public:
  /// Connects (within a few seconds) or throws TeamError Offline, saying
  /// which server and why.
  explicit Pg(const std::string& url);
  Pg(const Pg&) = delete;
  ~Pg();

  /// Runs sql with $1.. params; throws TeamError (Refused for a permission
  /// refusal, Offline for a lost connection) with the server's message.
  PgResult exec(const std::string& sql, const Params& params = {});
  /// The login of this connection (session_user).
  std::string login();
  PGconn* raw() const { return m_conn; }

private:
  PGconn* m_conn = nullptr;
  std::string m_server; ///< host and database, for messages
};

/// The message of a server error without libpq's "ERROR:" prefix and
/// trailing newline.
std::string clean_message(const char* m);

/// url with no password in it; throws TeamError Password when it holds one.
std::string url_without_password(const std::string& url);

} // namespace quire::team
