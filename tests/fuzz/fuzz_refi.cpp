// seeds: fuzz/refi
// Fuzzes the REFI-QDA readers at the XML level: a project.qde (with every
// source's text the same short string) and a .qdc codebook. The zip layer
// under .qdpx is the one fuzz_survey_xlsx and fuzz_docx exercise. Any bytes
// must give ProjectData or a quire::Error, never a crash, a hang or
// unbounded memory.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "importers/refi_import.h"
#include "quire/base/error.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto text = [](const std::string& path) -> std::optional<std::string> {
    if (path.empty() || path[0] == 'x') {
      return std::nullopt; // a source whose text is missing
    }
    return std::string(
        "Interviewer: How is the network going?\nAna: Well, mostly. Time is short.\n");
  };
  try {
    quire::parse_refi_project(bytes, "fuzz.qde", text);
  } catch (const quire::Error&) {
  }
  try {
    quire::parse_refi_codebook(bytes, "fuzz.qdc");
  } catch (const quire::Error&) {
  }
  return 0;
}
