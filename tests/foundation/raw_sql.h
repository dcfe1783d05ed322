#pragma once
// Changing a project file behind Quire's back, as another program (or an
// older Quire) would: plain SQLite, for the file tests to set up what Quire
// must then cope with.
#include <sqlite3.h>

#include <filesystem>
#include <string>

#include <boost/test/unit_test.hpp>

namespace quire::test {

/// Runs statements on file with SQLite directly (fails the test on error).
inline void sql(const std::filesystem::path& file, const std::string& statements) {
  sqlite3* db = nullptr;
  BOOST_REQUIRE(sqlite3_open(file.c_str(), &db) == SQLITE_OK);
  char* err = nullptr;
  int rc = sqlite3_exec(db, statements.c_str(), nullptr, nullptr, &err);
  std::string msg = err ? err : "";
  sqlite3_free(err);
  sqlite3_close(db);
  BOOST_REQUIRE_MESSAGE(rc == SQLITE_OK, msg);
}

} // namespace quire::test
