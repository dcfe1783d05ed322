// seeds: fuzz/transcripts
// Fuzzes the transcript and subtitle importers (text transcripts, WebVTT,
// SRT; cues joined or not): any bytes must give ImportData or a
// quire::Error, never a crash, a hang or unbounded memory.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "importers/importer.h"
#include "quire/base/error.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  for (const char* kind : {"transcript", "vtt", "srt"}) {
    std::string name = std::string("fuzz.") + (kind[0] == 't' ? "txt" : kind);
    quire::FileSample sample{name, name.substr(name.find('.')), bytes.substr(0, 64 * 1024), size};
    const auto& importer = quire::pick_importer(sample, kind);
    quire::ImportSettings settings;
    for (bool join : {false, true}) {
      settings.join_cues = join;
      try {
        importer.read(name, bytes, settings, quire::no_progress());
      } catch (const quire::Error&) {
        // A clear refusal is a fine outcome.
      }
    }
  }
  return 0;
}
