#pragma once
// Code suggestions learned from the project's own codings, on this machine
// only: a linear model per code over the words of passages (see
// docs/suggestions.md). Every suggestion carries its reasons (the words that
// weighed most, and the most similar passage already coded with the code);
// accepting one codes it as the current coder and records that the coding
// came from a suggestion and from which model version; a rejected one is not
// suggested again and teaches the model.
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "quire/analysis/agreement.h"
#include "quire/base/types.h"
#include "quire/model/coding.h"

namespace quire {
class Project;

/// What a suggestion is for: a whole passage (a survey answer, a speaker's
/// turn; a paragraph of a document without passages), or one sentence.
enum class SuggestUnit { Passage, Sentence };

/// A code needs this many coded passages before it is suggested.
constexpr int suggest_min_examples = 5;

/// What the model learns from.
struct SuggestTraining {
  std::vector<std::string> coders; ///< these coders' codings (empty: everyone's)
  std::vector<Id> documents;       ///< codings in these documents (empty: every document)
};

struct SuggestOptions {
  std::vector<Id> documents; ///< suggest in these documents (empty: every document)
  std::vector<Id> codes;     ///< suggest these codes (empty: every code that has enough examples)
  SuggestTraining training;  ///< for suggest_codes(): what to learn from
  SuggestUnit unit = SuggestUnit::Passage;
  double min_score = 0.5; ///< 0..1
  std::size_t limit = 0;  ///< the best this many (0: all)
  bool store = true;      ///< keep them as open suggestions (ids), when the project is writable
};

/// A word of the passage that weighed for the code.
struct SuggestWord {
  std::string word;  ///< as written in the passage (its first occurrence)
  std::string stem;  ///< the term the model knows
  double weight = 0; ///< its share of the score, before calibration (> 0)
  std::vector<std::pair<std::int64_t, std::int64_t>> ranges; ///< in the document, code points
};

/// The coded passage most like the suggested one.
struct SuggestExample {
  Id document_id = 0;
  std::string document_name;
  std::int64_t start = 0, end = 0;
  double similarity = 0; ///< cosine of their word vectors, 0..1
};

struct Suggestion {
  Id id = 0; ///< stored suggestion (0 when the project is read-only)
  Id document_id = 0;
  std::string document_name;
  std::int64_t start = 0, end = 0;
  Id code_id = 0;
  std::string code_guid;
  std::string code_path;
  double score = 0; ///< calibrated: about how often a suggestion this sure is right
  std::int64_t model_version = 0;
  std::vector<SuggestWord> words;
  std::optional<SuggestExample> like;
  std::string status; ///< "open", "accepted", "rejected"
  std::string text;   ///< the passage's text
};

/// Whether a code can be suggested.
struct CodeReadiness {
  Id code_id = 0;
  std::string path;
  int examples = 0; ///< coded passages the model learns from
  int needed = 0;   ///< more it needs before it is suggested (0: suggested)
  int rejected = 0; ///< rejected suggestions it learns from
};

struct SuggestResult {
  std::vector<Suggestion> suggestions; ///< best first
  std::vector<CodeReadiness> codes;    ///< every code of the codebook but Questions/, in order
  std::int64_t model_version = 0;      ///< 0 when nothing could be learnt
  int examples = 0;                    ///< passages learnt from (coded, uncoded and rejected)
  double training_seconds = 0;
};

/// A trained model of the project's coding, kept in memory (the desktop app
/// keeps one while the codings it learnt from stay the same).
class Suggester {
public:
  /// Learns from the project's codings now. Registers the model version in
  /// the project unless it is read-only. Never throws for a project with too
  /// little coded: ready() says so.
  explicit Suggester(Project& p, const SuggestTraining& t = {});
  ~Suggester();
  Suggester(Suggester&&) noexcept;
  Suggester(const Suggester&) = delete;

  /// Each code's examples and how many more it needs.
  const std::vector<CodeReadiness>& codes() const;
  /// True when at least one code has enough examples.
  bool ready() const;
  std::int64_t model_version() const;
  double training_seconds() const;
  /// True when the project's codings, rejections or codebook changed since
  /// this model learnt (ask for a new Suggester).
  bool stale(const Project& p) const;

  /// Suggestions for passages not yet coded with the code, best first,
  /// stored as open suggestions (their ids stay the same while they are
  /// suggested again) unless the project is read-only. Throws InputError
  /// when no code has enough examples (the message says how many more).
  SuggestResult suggest(Project& p, const SuggestOptions& o);
  /// The same suggestions, best first, each handed to `each` as it is made
  /// (and stored, in batches) instead of returned: memory stays bounded
  /// however many there are (every suggestion of a 100,000-answer survey).
  /// The result's list of suggestions stays empty.
  SuggestResult suggest_each(Project& p, const SuggestOptions& o,
                             const std::function<void(const Suggestion&)>& each);

private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

/// Trains and suggests in one call.
SuggestResult suggest_codes(Project& p, const SuggestOptions& o);

/// A stored suggestion; throws NotFoundError.
Suggestion get_suggestion(const Project& p, Id id);
/// Stored suggestions of one document (for the document view), by start.
std::vector<Suggestion> document_suggestions(const Project& p, Id document_id,
                                             const std::string& status = "open");

/// Codes the suggestion's passage with its code as the current coder, one
/// undoable step, and records that the coding came from this suggestion and
/// model version. Throws NotFoundError when the suggestion or its code is
/// gone (deleted or merged since), InputError when it was decided before.
CodeResult accept_suggestion(Project& p, Id suggestion_id);
/// Records the suggestion as rejected (one undoable step): it is not
/// suggested again and counts against its code when the model learns.
void reject_suggestion(Project& p, Id suggestion_id);

/// Where a coding came from, when it came from a suggestion.
struct CodingOrigin {
  Id suggestion_id = 0;
  std::int64_t model_version = 0;
};
/// The suggestion a coding came from, if it did.
std::optional<CodingOrigin> coding_origin(const Project& p, Id coding_id);
/// Every coding that came from a suggestion: coding id -> its origin (for
/// exports; empty in a project where none did).
std::unordered_map<Id, CodingOrigin> suggested_codings(const Project& p);

/// How much the suggestions would agree with a coder: the coder's documents
/// are split into `folds` groups; for each, a model learns from the coder's
/// codings in the other groups and suggests (score >= 0.5) for the passages
/// of this group's worked-on stretches; each passage is then compared, per
/// code, with the coder's own coding (coder_b is "suggestions", unit
/// Passage). Only codes with enough examples take part. Writes nothing.
/// Throws NotFoundError for an unknown coder, InputError when too little is
/// coded to compare.
AgreementReport suggestion_agreement(Project& p, const std::string& coder,
                                     const std::vector<Id>& codes = {}, int folds = 5);

} // namespace quire
