// seeds: fuzz/docx
// Fuzzes the Word and OpenDocument importers (zip, XML, paragraphs, tables,
// speaker labels): any bytes must give ImportData or a quire::Error, never
// a crash, a hang or unbounded memory.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "importers/importer.h"
#include "quire/base/error.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  for (const char* kind : {"docx", "odt"}) {
    std::string name = std::string("fuzz.") + kind;
    quire::FileSample sample{name, "." + std::string(kind), bytes.substr(0, 64 * 1024), size};
    const auto& importer = quire::pick_importer(sample, kind);
    quire::ImportSettings settings;
    settings.max_unpacked_bytes = 16 << 20; // a zip bomb seed should not make every run slow
    try {
      importer.read(name, bytes, settings, quire::no_progress());
    } catch (const quire::Error&) {
      // A clear refusal is a fine outcome.
    }
  }
  return 0;
}
