#include "demo_project.h"

#include <algorithm>
#include <fstream>
#include <string>
#include <vector>

#include <wx/stdpaths.h>
#include <wx/utils.h>

#include "app.h"
#include "document_view.h"
#include "importers/import_pipeline.h"
#include "main_frame.h"
#include "quire/base/error.h"
#include "quire/model/cases.h"
#include "quire/model/codebook.h"
#include "quire/model/coding.h"
#include "quire/model/documents.h"
#include "wx_text.h"

namespace quire::gui {

namespace {

/// The '|'-separated fields of each non-empty line of a material file.
std::vector<std::vector<std::string>> rows_of(const std::filesystem::path& file,
                                              std::size_t fields) {
  std::ifstream in(file);
  if (!in) {
    throw InputError("the demo material is incomplete: " + file.string() + " is missing");
  }
  std::vector<std::vector<std::string>> rows;
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.empty()) {
      continue;
    }
    std::vector<std::string> row;
    std::size_t at = 0;
    while (row.size() + 1 < fields) {
      auto bar = line.find('|', at);
      if (bar == std::string::npos) {
        throw InputError(file.string() + " line " + std::to_string(number) + ": wants " +
                         std::to_string(fields) + " fields separated by '|'");
      }
      row.push_back(line.substr(at, bar - at));
      at = bar + 1;
    }
    row.push_back(line.substr(at));
    rows.push_back(std::move(row));
  }
  return rows;
}

bool is_material(const std::filesystem::path& dir) {
  std::error_code ec;
  return std::filesystem::is_regular_file(dir / "codebook.txt", ec) &&
         std::filesystem::is_regular_file(dir / "codings.txt", ec);
}

void build_demo(Project& p, const std::filesystem::path& material) {
  p.set_session_coder("demo");
  ImportRequest request;
  for (const auto& entry : std::filesystem::directory_iterator(material)) {
    auto name = entry.path().filename().string();
    if (name.rfind("interview-", 0) == 0 && entry.path().extension() == ".txt") {
      request.paths.push_back(entry.path());
    }
  }
  std::sort(request.paths.begin(), request.paths.end());
  if (request.paths.empty()) {
    throw InputError("the demo material in " + material.string() + " has no interviews");
  }
  request.options.speaker_cases = true;
  ImportObserver quiet;
  import_files(p, std::move(request), quiet);
  for (const auto& r : rows_of(material / "codebook.txt", 3)) {
    add_code(p, r[0], r[1], r[2]);
  }
  for (const auto& r : rows_of(material / "codings.txt", 3)) {
    auto doc = find_document(p, r[0]);
    auto [start, end] = find_in_document(p, doc.id, r[1]);
    code_range(p, doc.id, start, end, find_code(p, r[2]).id);
  }
  if (std::filesystem::exists(material / "cases.txt")) {
    for (const auto& r : rows_of(material / "cases.txt", 3)) {
      auto c = try_find_case(p, r[0]);
      Id id = c ? c->id : add_case(p, r[0]);
      bool known = false;
      for (const auto& a : list_attributes(p)) {
        known = known || a.name == r[1];
      }
      if (!known) {
        add_attribute(p, r[1], AttrType::Text);
      }
      set_attribute(p, id, r[1], parse_value(r[2], AttrType::Text));
    }
  }
}

void remove_project_files(const std::filesystem::path& project) {
  std::error_code ec;
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
    auto f = project;
    f += suffix;
    std::filesystem::remove(f, ec);
  }
  for (const char* folder : {".index", ".safety"}) {
    auto f = project;
    f += folder;
    std::filesystem::remove_all(f, ec);
  }
}

} // namespace

std::optional<std::filesystem::path> demo_material() {
  std::vector<std::filesystem::path> places;
  std::filesystem::path exe(utf8(wxStandardPaths::Get().GetExecutablePath()));
  places.push_back(exe.parent_path().parent_path() / "share" / "quire" / "demo");
#ifdef QUIRE_DEMO_SOURCE_DIR
  places.emplace_back(QUIRE_DEMO_SOURCE_DIR);
#endif
  for (const auto& dir : places) {
    if (is_material(dir)) {
      return dir;
    }
  }
  return std::nullopt;
}

void make_demo_project(const std::filesystem::path& material,
                       const std::filesystem::path& project) {
  std::filesystem::create_directories(project.parent_path());
  auto part = project;
  part += ".making";
  remove_project_files(part);
  try {
    {
      auto p = Project::create(part);
      build_demo(p, material);
    }
    std::filesystem::rename(part, project);
    remove_project_files(part);
  } catch (...) {
    remove_project_files(part);
    throw;
  }
}

std::filesystem::path demo_project_path() {
  std::filesystem::path docs(utf8(wxStandardPaths::Get().GetDocumentsDir()));
  return docs / "Quire Demo" / "demo.quire";
}

void open_demo_project(MainFrame& f) {
  auto project = demo_project_path();
  if (!std::filesystem::exists(project)) {
    auto material = demo_material();
    if (!material) {
      throw InputError("the demo material is not installed (it comes with Quire in "
                       "share/quire/demo); reinstall Quire to get it");
    }
    wxBusyCursor busy;
    make_demo_project(*material, project);
  }
  if (f.open_project(project)) {
    if (f.document_view().document() == 0) {
      apply_start_options(f, StartOptions{}); // the interview with most codings
    }
    f.SetStatusText(wx("Opened the demo project, " + project.string() +
                       ": three coded interviews to try things on"),
                    0);
  }
}

} // namespace quire::gui
