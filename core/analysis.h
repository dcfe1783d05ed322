#pragma once
// Analysis queries: code frequencies, matrices (theme tables), co-occurrence,
// coding queries and word frequencies. Read-only; each runs in one read
// transaction, so it sees one consistent state of the project.
//
// The case of a coding is the case of the passage its start lies in (a survey
// answer), else the case of its document (an interview).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "types.h"

namespace quire {
class Project;

/// One condition on a case attribute: `Role = "Head teacher"`, `Years >= 5`,
/// `Region != North`, `Role is missing`. Numbers compare as numbers, dates as
/// ISO dates, text case-sensitively.
struct AttrCondition {
  std::string attribute;
  std::string op; ///< "=", "!=", "<", "<=", ">", ">=", "contains", "missing", "present"
  std::string value;
};
/// Parses one condition. Throws InputError saying what a condition looks like.
AttrCondition parse_condition(const std::string& text);

/// Which codings an analysis counts. Empty parts do not filter.
struct AnalysisFilter {
  std::vector<AttrCondition> cases; ///< all must hold for a coding's case (no case: excluded)
  std::vector<Id> documents;        ///< only codings in these documents
  std::optional<std::string> coder; ///< only this coder's codings
};

// --- Code frequencies -------------------------------------------------------

struct FrequencyCounts {
  std::int64_t codings = 0, documents = 0, cases = 0, words = 0;
  double case_percent = 0; ///< cases / all cases passing the filter, in %
};
struct CodeFrequency {
  Code code;
  FrequencyCounts own;           ///< codings of this code itself
  FrequencyCounts with_subcodes; ///< of the code and its descendants (distinct docs/cases)
};
/// One row per code, in codebook order. case_base is the number of cases the
/// percentages are of (all cases that pass the filter's case conditions).
struct FrequencyTable {
  std::vector<CodeFrequency> rows;
  std::int64_t case_base = 0;
};
FrequencyTable code_frequencies(const Project& p, const AnalysisFilter& f = {});

// --- Matrix (theme table) ---------------------------------------------------

enum class MatrixColumns { Attribute, Cases, Documents, Codes };
enum class MatrixCell { Cases, Codings, Words };

struct MatrixSpec {
  std::vector<Id> row_codes; ///< the rows; empty = every code
  bool roll_up = true;       ///< a row counts its code's descendants too
  MatrixColumns columns = MatrixColumns::Attribute;
  std::string attribute;     ///< for Attribute columns
  std::vector<Id> col_codes; ///< for Codes columns; empty = every code
  MatrixCell cell = MatrixCell::Cases;
  AnalysisFilter filter;
};
/// Parses "rows=codes cols=attr:Role cell=cases" (also rows=Purpose for a
/// subtree, rows=A,B for chosen codes, cols=cases|documents|codes,
/// cell=cases|codings|words, rollup=no, where=<condition>, coder=NAME).
/// Throws InputError naming the part it could not read.
MatrixSpec parse_matrix_spec(const Project& p, const std::string& text);

struct Matrix {
  std::string title;                   ///< "Codes × Role (cases)"
  std::vector<Id> row_ids;             ///< code ids
  std::vector<std::string> row_labels; ///< code paths
  std::vector<std::string> col_labels; ///< attribute values ("(missing)" last), case/document names, code paths
  std::vector<std::vector<std::int64_t>> cells; ///< [row][col]
  std::vector<std::int64_t> row_totals; ///< distinct cases (cell=cases) or sums
  std::vector<std::int64_t> col_totals; ///< distinct cases with any row code, or sums
  std::int64_t total = 0;
  /// Cases in each column whether coded or not (Attribute and Cases columns;
  /// 0 otherwise): the base for "% of head teachers who raised it".
  std::vector<std::int64_t> col_bases;
  MatrixCell cell = MatrixCell::Cases;

  double row_percent(std::size_t r, std::size_t c) const; ///< cell / row total, %
  double col_percent(std::size_t r, std::size_t c) const; ///< cell / column total, %
  double base_percent(std::size_t r, std::size_t c) const; ///< cell / column base, % (0 if no base)
};
Matrix build_matrix(const Project& p, const MatrixSpec& spec);

// --- Co-occurrence ----------------------------------------------------------

enum class CooccurrenceUnit {
  Overlap, ///< two codings overlap in the text
  Passage  ///< two codes are on the same passage (survey answer, speaker turn)
};
struct TextRef {
  Id document_id = 0;
  std::string document_name;
  std::int64_t start = 0, end = 0;
  std::string text;
  std::optional<Id> case_id;
  std::string case_name;
};
struct Cooccurrence {
  std::vector<Code> codes;                      ///< rows and columns
  std::vector<std::vector<std::int64_t>> cells; ///< symmetric; diagonal = the code's own units
  /// The passages (Passage) or overlapping ranges (Overlap) behind cell (i,j), i<j.
  std::vector<TextRef> behind(std::size_t i, std::size_t j) const;

  struct Unit {
    std::size_t i, j;
    TextRef ref;
  };
  std::vector<Unit> units; ///< every co-occurrence, for behind()
};
/// codes empty = every code. with_subcodes: a code counts its descendants' codings.
Cooccurrence cooccurrence(const Project& p, const std::vector<Id>& codes, CooccurrenceUnit unit,
                          const AnalysisFilter& f = {}, bool with_subcodes = false);

// --- Coding query -----------------------------------------------------------

enum class QueryOp {
  And,    ///< text coded with both (the overlap)
  Or,     ///< text coded with either (merged)
  Not,    ///< text coded with A and not with B
  Within, ///< A codings that lie wholly inside a B coding
  Near    ///< A codings within `distance` passages of a B coding (same document)
};
struct CodingQuery {
  Id a = 0, b = 0;
  QueryOp op = QueryOp::And;
  int distance = 1;          ///< for Near, in passages (0 = same passage)
  bool with_subcodes = true; ///< A and B include their descendants
  AnalysisFilter filter;
};
/// "and", "or", "not", "within", "near". Throws InputError.
QueryOp query_op_from_string(const std::string& s);
std::string to_string(QueryOp op);
/// The ranges the query finds, by document then start, with their text.
std::vector<TextRef> coding_query(const Project& p, const CodingQuery& q);

// --- Word frequency ---------------------------------------------------------

struct WordFrequencyOptions {
  std::string language;  ///< "english", "french", ... (default: project "language" setting)
  bool stop_words = true;///< leave out the language's stop words
  bool group_stems = true;
  int min_length = 3;    ///< in characters
  std::size_t limit = 100;
};
struct WordCount {
  std::string word;               ///< the most frequent form
  std::int64_t count = 0;         ///< all forms together
  std::vector<std::string> forms; ///< the forms grouped under its stem, most frequent first
  std::int64_t documents = 0;
};
/// Word frequencies over the whole project (ranges empty) or over ranges
/// (a code's codings, a query result).
std::vector<WordCount> word_frequencies(const Project& p, const std::vector<TextRef>& ranges,
                                        const WordFrequencyOptions& o = {});
/// The ranges of a code's codings (with subcodes), for word_frequencies.
std::vector<TextRef> code_ranges(const Project& p, Id code_id, const AnalysisFilter& f = {});
/// Stop words of a language ("english", "en", ...); empty for unknown ones.
const std::vector<std::string>& stop_words(const std::string& language);

} // namespace quire
