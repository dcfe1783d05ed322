// Finding and loading the importers' modules (modules.h).
#include "modules.h"

#include <cstdlib>
#include <filesystem>
#include <map>
#include <mutex>
#include <vector>

#include "quire/base/error.h"
#include "quire/base/platform.h"

namespace fs = std::filesystem;

namespace quire::detail {

namespace {

/// Where modules are looked for, in order.
std::vector<fs::path> module_folders() {
  std::vector<fs::path> out;
  if (const char* dir = std::getenv("QUIRE_MODULE_DIR"); dir && *dir) {
    out.emplace_back(dir);
  }
  if (auto exe = platform::executable_path(); !exe.empty()) {
    out.push_back(exe.parent_path().parent_path() / "lib" / "quire"); // PREFIX/bin/quire
  }
#ifdef QUIRE_BUILD_MODULE_DIR
  out.emplace_back(QUIRE_BUILD_MODULE_DIR); // a program run from its build tree
#endif
  return out;
}

} // namespace

void* module_entry(const std::string& name, const char* symbol, const std::string& needed_for) {
  static std::mutex lock;
  static std::map<std::string, void*> loaded;
  std::lock_guard<std::mutex> hold(lock);
  if (auto it = loaded.find(name); it != loaded.end()) {
    return it->second;
  }
  const auto file_name = platform::module_file_name(name);
  std::string looked;
  for (const auto& folder : module_folders()) {
    const auto file = folder / file_name;
    std::error_code ec;
    if (!fs::exists(file, ec)) {
      looked += (looked.empty() ? "" : ", ") + folder.string();
      continue;
    }
    std::string why;
    void* entry = platform::module_symbol(file, symbol, why);
    if (!entry) {
      throw Error(needed_for + " needs Quire's module " + file.string() +
                  ", which cannot be loaded (" + why +
                  "). Reinstall Quire (a library it needs may be missing)");
    }
    loaded.emplace(name, entry);
    return entry;
  }
  throw Error(needed_for + " needs Quire's module " + file_name +
              ", which is not installed (looked in " + looked + "). Reinstall Quire");
}

} // namespace quire::detail
