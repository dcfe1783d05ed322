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
class PgResult {
public:
  explicit PgResult(PGresult* r) : m_r(r, &PQclear) {}
  int rows() const { return PQntuples(m_r.get()); }
  bool null(int row, int col) const { return PQgetisnull(m_r.get(), row, col) != 0; }
  std::string str(int row, int col) const { return PQgetvalue(m_r.get(), row, col); }
  std::int64_t i64(int row, int col) const { return std::stoll(str(row, col)); }

private:
  std::unique_ptr<PGresult, decltype(&PQclear)> m_r;
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
