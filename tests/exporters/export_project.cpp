#include "export_project.h"

#include <boost/test/unit_test.hpp>

#include "importers/importer.h"
#include "quire/base/error.h"
#include "quire/model/codebook.h"
#include "quire/model/coding.h"
#include "quire/model/documents.h"

namespace quire::test {

namespace {

Project make(const std::filesystem::path& file) {
  auto p = Project::create(file);
  p.set_session_coder("ana");
  store_import(p, quire::read_file(fixture("export/survey.csv")));
  // Themes coded where the answers say them.
  const std::pair<const char*, const char*> themes[] = {{"Barriers/Time", "time"},
                                                        {"Purpose/Sharing practice", "haring"},
                                                        {"Purpose/Peer support", "peer support"},
                                                        {"Barriers/Funding", "Funding"}};
  for (const auto& d : list_documents(p)) {
    for (const auto& [code, word] : themes) {
      try {
        auto [s, e] = find_in_document(p, d.id, word);
        code_range(p, d.id, s, e, ensure_code(p, code));
      } catch (const NotFoundError&) {
      }
    }
  }
  return p;
}

} // namespace

SurveyProject::SurveyProject() : file(dir / "survey.quire"), project(make(file)) {}

nlohmann::json read_back(const std::filesystem::path& file) {
  auto r = run_program("/usr/bin/python3", {QUIRE_READ_BACK, file.string()});
  BOOST_REQUIRE_MESSAGE(r.status == 0, "read_back.py failed: " + r.err);
  return nlohmann::json::parse(r.out);
}

std::vector<std::vector<nlohmann::json>> values(const nlohmann::json& sheet) {
  std::vector<std::vector<nlohmann::json>> out;
  for (const auto& row : sheet.at("rows")) {
    std::vector<nlohmann::json> r;
    for (const auto& c : row) {
      r.push_back(c.contains("v") ? c["v"] : nlohmann::json(nullptr));
    }
    out.push_back(r);
  }
  return out;
}

} // namespace quire::test
