// seeds: fuzz/html
// Fuzzes the web page importer (tag soup, entities, boilerplate removal):
// any bytes must give ImportData or a quire::Error, never a crash, a hang
// or unbounded memory.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "importers/importer.h"
#include "quire/base/error.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  quire::FileSample sample{"fuzz.html", ".html", bytes.substr(0, 64 * 1024), size};
  const auto& importer = quire::pick_importer(sample, "html");
  try {
    importer.read("fuzz.html", bytes, {}, quire::no_progress());
  } catch (const quire::Error&) {
    // A clear refusal is a fine outcome.
  }
  return 0;
}
