#pragma once
// What the benchmarks build their projects from: words, text, a codebook of
// 200 codes, and codings added in bulk (setup, never measured).
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "quire/base/types.h"
#include "quire/store/project.h"

namespace quire::bench {

/// Words of the generated text (accented ones included).
extern const std::vector<std::string> corpus_words;
/// Words separated by spaces, at least `chars` bytes long.
std::string sentence(std::mt19937& rng, std::size_t chars);
/// 200 codes "Theme g/Sub c" (20 themes of 10), created if missing.
std::vector<Id> theme_codes(Project& p);

/// Where the codings of a bulk insert go.
struct CodingLayout {
  int per_doc = 500; ///< codings per document
  int step = 60;     ///< a coding starts every `step` characters
  int min_len = 30;  ///< each is min_len + 0..spread-1 characters long
  int spread = 25;
};
/// Inserts n codings by coder "bench" over the documents (n / per_doc per
/// document, each with a random code), in one action not recorded for undo.
void insert_codings(Project& p, const std::vector<Id>& docs, const std::vector<Id>& codes,
                    std::int64_t n, const CodingLayout& layout, std::mt19937& rng);

} // namespace quire::bench
