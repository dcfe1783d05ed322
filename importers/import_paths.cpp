// Folders named for import: the files below them that Quire reads.
#include <algorithm>
#include <fstream>

#include "importer.h"
#include "refi_import.h"

namespace quire {

namespace fs = std::filesystem;

namespace {

bool hidden(const fs::path& p) {
  auto name = p.filename().string();
  return name.empty() || name[0] == '.' || name.rfind("~$", 0) == 0;
}

/// Whether an importer would take the file, judged from its first bytes.
bool readable(const fs::path& file, std::string& why) {
  std::error_code ec;
  auto size = fs::file_size(file, ec);
  if (ec || size == 0) {
    why = ec ? "cannot read it" : "empty";
    return false;
  }
  if (sniff_exchange_file(file.string()) != ExchangeFormat::None) {
    return true; // REFI-QDA project or codebook
  }
  std::string head(static_cast<std::size_t>(std::min<std::uintmax_t>(size, 64 * 1024)), '\0');
  std::ifstream in(file, std::ios::binary);
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  FileSample f;
  f.path = file;
  f.extension = file.extension().string();
  std::transform(f.extension.begin(), f.extension.end(), f.extension.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  f.head = head;
  f.size = size;
  for (auto* i : importers()) {
    if (i->sniff(f) > 0) {
      return true;
    }
  }
  why = "not a kind of file Quire reads";
  return false;
}

} // namespace

std::vector<ImportPath> files_to_import(const std::vector<fs::path>& given,
                                        std::vector<std::string>& skipped) {
  std::vector<ImportPath> out;
  for (const auto& g : given) {
    std::error_code ec;
    if (!fs::is_directory(g, ec)) {
      out.push_back({g, false}); // read_file says what is wrong with it, if anything
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
      std::string why;
      if (readable(f, why)) {
        out.push_back({f, true});
      } else {
        skipped.push_back(f.string() + ": skipped (" + why + ")");
      }
    }
  }
  return out;
}

} // namespace quire
