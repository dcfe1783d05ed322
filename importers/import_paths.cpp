// Folders named for import: the files below them that Quire reads.
#include <algorithm>

#include "importer.h"

namespace quire {

namespace fs = std::filesystem;

namespace {

bool hidden(const fs::path& p) {
  auto name = p.filename().string();
  return name.empty() || name[0] == '.' || name.rfind("~$", 0) == 0;
}

/// Why a file found in a folder is left out, or empty when it is imported.
std::string left_out(const fs::path& file) {
  std::error_code ec;
  auto size = fs::file_size(file, ec);
  if (ec || size == 0) {
    return ec ? "cannot read it" : "empty";
  }
  if (some_importer_reads(file)) {
    return {};
  }
  return "not a kind of file Quire reads";
}

} // namespace

std::vector<ImportPath> files_to_import(const std::vector<fs::path>& given) {
  std::vector<ImportPath> out;
  for (const auto& g : given) {
    std::error_code ec;
    if (!fs::is_directory(g, ec)) {
      out.push_back({g, false, {}}); // read_file says what is wrong with it, if anything
      continue;
    }
    std::vector<fs::path> found;
    fs::recursive_directory_iterator it(g, fs::directory_options::skip_permission_denied, ec), end;
    for (; !ec && it != end; it.increment(ec)) {
      if (hidden(it->path())) {
        if (it->is_directory(ec)) {
          it.disable_recursion_pending();
        }
        continue;
      }
      if (it->is_regular_file(ec)) {
        found.push_back(it->path());
      }
    }
    std::sort(found.begin(), found.end());
    for (auto& f : found) {
      out.push_back({f, true, left_out(f)});
    }
  }
  return out;
}

} // namespace quire
