#pragma once
// A labelled corpus for code suggestions, generated deterministically from
// sentences of our own writing: a survey of teachers on a new curriculum
// (three open questions), 20 codes under 7 themes, each answer one to three
// sentences, each sentence written for one code (or for none). An answer is
// labelled with the codes of its sentences. Some phrasings of each code
// appear only in the answers held out for testing, and codes share words
// (time, students, support), so it is not a lookup. See docs/suggestions.md.
#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "quire/ingest/import_data.h"

namespace quire::bench {

/// The 20 code paths ("Workload/Paperwork", ...).
const std::vector<std::string>& suggest_codes();

/// One generated answer and its true codes (indices into suggest_codes()).
struct LabelledAnswer {
  std::size_t respondent = 0;
  int question = 0; ///< 0..2
  std::string text;
  std::set<std::size_t> codes;
};

struct SuggestCorpus {
  std::vector<LabelledAnswer> answers;
  std::size_t respondents = 0;
};

/// `respondents` respondents of three answers each; respondents from
/// test_from on write some sentences in phrasings the others never use.
SuggestCorpus make_suggest_corpus(std::size_t respondents, std::size_t test_from,
                                  std::uint32_t seed = 7);

/// The corpus as a survey import: one document per respondent (folder
/// "Curriculum survey"), an answer a passage, each answer coded under
/// Questions/ and, for respondents below coded_below, with its true codes.
ImportData suggest_import(const SuggestCorpus& c, std::size_t coded_below);

/// A plain-text document of about `chars` characters of answers' sentences,
/// a paragraph each (for timing one long document).
std::string suggest_long_text(std::size_t chars, std::uint32_t seed = 11);

} // namespace quire::bench
