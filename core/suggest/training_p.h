#pragma once
// Private: what a suggestion model learns from, gathered from the project.
//
// Examples: each coded range (one example per distinct range, labelled with
// every code coded there); each passage of a worked-on stretch of a
// document (from its first coding to its last) that no coding touches,
// labelled with no code; each rejected suggestion, teaching only its code
// that it is not that code. Codes under the survey import's "Questions" are
// not learnt (every answer has one) and never suggested.
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "quire/base/types.h"
#include "quire/suggest/suggest.h"
#include "suggest/features_p.h"
#include "suggest/linear_p.h"

namespace quire::detail {

struct ExampleSource {
  Id document_id = 0;
  std::int64_t start = 0, end = 0;
};

struct TrainingSet {
  std::unique_ptr<Terms> terms;
  Idf idf;
  std::vector<Example> examples;
  std::vector<ExampleSource> sources; ///< where each example is
  std::vector<Code> codes;            ///< the codebook but Questions/, in order
  std::unordered_map<Id, std::size_t> code_index;
  std::vector<int> positives, rejections; ///< per code
  std::string fingerprint;                ///< of everything learnt from
};

/// Gathers the examples of the project's codings.
TrainingSet collect_training(const Project& p, const SuggestTraining& t);

/// The ranges suggestions are made for in a document: its passages (or, when
/// it has none, its paragraphs), or their sentences.
std::vector<std::pair<std::int64_t, std::int64_t>>
suggestion_units(const Project& p, Id document_id, const std::string& text, SuggestUnit unit);

/// Whether code path is the survey import's Questions or under it.
bool is_question_code(const Code& c);

} // namespace quire::detail
