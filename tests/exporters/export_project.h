#pragma once
// A small survey project (our own fixture, with answers that look like
// formulas) coded with a few themes, and a reader for what was exported.
#include <nlohmann/json.hpp>
#include <string>

#include "quire/store/project.h"
#include "support/test_support.h"

namespace quire::test {

struct SurveyProject {
  TempDir dir;
  std::filesystem::path file;
  Project project;
  SurveyProject();
};

/// The exported file read back by tests/exporters/read_back.py (openpyxl or
/// Python's csv module) as JSON.
nlohmann::json read_back(const std::filesystem::path& file);

/// Rows of a sheet as plain values (strings, numbers, null).
std::vector<std::vector<nlohmann::json>> values(const nlohmann::json& sheet);

} // namespace quire::test
