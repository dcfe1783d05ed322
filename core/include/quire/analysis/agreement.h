#pragma once
// Agreement between two coders: percent agreement, Cohen's kappa and
// Krippendorff's alpha (nominal), per code and overall, over characters (as
// NVivo does), sentences, or passages (natural for survey answers). Formulas and the
// degenerate cases: docs/exchange.md.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "quire/base/types.h"

namespace quire {
class Project;

/// Sentence: each sentence (ICU's boundaries) of a document is one unit,
/// coded by a coder when a coding of theirs overlaps it.
enum class AgreementUnit { Character, Passage, Sentence };
std::string to_string(AgreementUnit u);
/// "char"/"character", "sentence" or "passage"; throws InputError.
AgreementUnit agreement_unit_from_string(const std::string& s);

/// The 2x2 table of units (coded or not by each coder) and its figures.
struct AgreementFigures {
  std::int64_t units = 0;
  std::int64_t both = 0, only_a = 0, only_b = 0, neither = 0;
  std::optional<double> percent; ///< (both + neither) / units, in %; none without units
  std::optional<double> kappa;   ///< none when chance agreement is 1 (or no units)
  std::optional<double> alpha;   ///< none when only one value occurs (or no units)
};

/// Figures of a table: percent agreement, Cohen's kappa and Krippendorff's
/// alpha (nominal, two coders, no missing values).
AgreementFigures agreement_figures(std::int64_t both, std::int64_t only_a, std::int64_t only_b,
                                   std::int64_t neither);

struct AgreementOptions {
  std::string coder_a, coder_b;
  std::vector<Id> codes;     ///< each compared on its own; empty: every code either coder used
  std::vector<Id> documents; ///< empty: every document either coder coded (with any code)
  AgreementUnit unit = AgreementUnit::Character;
};

struct CodeAgreement {
  Id code_id = 0;
  std::string code_path;
  AgreementFigures figures;
};

/// A stretch coded by one coder and not the other: a run of characters, or
/// a passage.
struct Disagreement {
  Id document_id = 0;
  std::string document;
  Id code_id = 0;
  std::string code_path;
  std::int64_t start = 0, end = 0;
  std::string coded_by; ///< the coder who coded it
  std::string text;
};

struct AgreementReport {
  std::string coder_a, coder_b;
  AgreementUnit unit = AgreementUnit::Character;
  std::int64_t documents = 0;
  std::vector<CodeAgreement> codes;
  AgreementFigures overall; ///< the tables of every code added together
  std::vector<Disagreement> disagreements;
};

/// Compares two coders' codings. Throws InputError unless two different
/// coders are named, NotFoundError for a coder the project does not know.
AgreementReport compute_agreement(const Project& p, const AgreementOptions& opt);

} // namespace quire
