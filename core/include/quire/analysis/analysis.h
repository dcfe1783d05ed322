#pragma once
// Analysis queries: code frequencies, matrices (theme tables), co-occurrence,
// coding queries and word frequencies. Read-only; see docs/analysis.md for
// what each number means (words coded, roll-up, percentages).
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "quire/base/types.h"

namespace quire {
class Project;

/// Which codings an analysis looks at. A coding belongs to the case that
/// list_codings() gives it (the case of the passage holding its start, else
/// its document's case).
struct AnalysisFilter {
  /// Conditions on the coding's case, all of which must hold:
  /// `Network = "Network 3"`, `Years >= 5`, `Role != Teacher`; one string may
  /// join several with AND. A case without the attribute never matches.
  std::vector<std::string> where;
  std::vector<Id> documents;        ///< only these documents (empty: all)
  std::optional<std::string> coder; ///< only this coder's codings
};

/// One parsed condition on a case attribute.
struct Condition {
  std::string attribute;
  std::string op; ///< "=", "!=", "<", "<=", ">", ">="
  Value value;    ///< typed as the attribute
};
/// Parses `Name OP value [AND ...]` against the project's attributes. Throws
/// InputError (naming the text and what is wrong) or NotFoundError.
std::vector<Condition> parse_conditions(const Project& p, const std::string& text);
/// True when the case's values satisfy every condition.
bool case_matches(const std::vector<Condition>& conds, const std::map<std::string, Value>& values);

// ---- Code frequencies -------------------------------------------------------

struct CodeFrequency {
  Code code;
  struct Counts {
    std::int64_t codings = 0, documents = 0, cases = 0, words = 0;
    double pct_cases = 0; ///< cases / cases in the project that pass the filter, x100
  };
  Counts own;           ///< codings of this code only
  Counts with_subcodes; ///< codings of this code and its descendants (roll-up)
};
/// Per code of the codebook (in codebook order).
/// count_words false leaves words at 0 and skips reading the texts (the
/// Codebook sheet needs no words).
std::vector<CodeFrequency> code_frequencies(const Project& p, const AnalysisFilter& f = {},
                                            bool count_words = true);
struct Hit;
/// The codings a row of code_frequencies() counts, one hit each, in document
/// order: the code's (with its descendants' when with_subcodes) that pass
/// the filter. Throws NotFoundError for an unknown code.
std::vector<Hit> code_frequency_hits(const Project& p, Id code_id, const AnalysisFilter& f = {},
                                     bool with_subcodes = true);

// ---- Matrix (theme table) ---------------------------------------------------

enum class MatrixCell { Cases, Codings, Words };
enum class MatrixCols { Attribute, Cases, Documents, Codes };

struct MatrixSpec {
  std::vector<Id> rows; ///< codes, one row each (empty: every code)
  bool rollup = true;   ///< a row counts its code's descendants too
  MatrixCols cols = MatrixCols::Attribute;
  std::string attribute;     ///< for MatrixCols::Attribute
  std::vector<Id> col_codes; ///< for MatrixCols::Codes (empty: every code)
  MatrixCell cell = MatrixCell::Cases;
  AnalysisFilter filter;
};

struct Matrix {
  MatrixCell cell = MatrixCell::Cases;
  std::vector<Code> rows;
  std::vector<std::string> cols; ///< column labels
  std::vector<Id> col_ids;       ///< case/document/code id per column (0 for attribute values)
  std::vector<std::vector<std::int64_t>> counts; ///< [row][col]
  std::vector<std::int64_t> row_totals;          ///< distinct units of the row over all columns
  std::vector<std::int64_t> col_totals;          ///< distinct units of the column over all rows
  std::int64_t grand_total = 0;                  ///< distinct units over the whole table
  /// Cases in each column whether coded or not (cell = cases with attribute,
  /// case or document columns); column % of a cases matrix is against this.
  std::vector<std::int64_t> col_bases;
  /// cell / row total x100 (0 when the total is 0).
  double row_pct(std::size_t r, std::size_t c) const;
  /// cell / column base (cases) or column total (codings, words) x100.
  double col_pct(std::size_t r, std::size_t c) const;
};
/// A matrix from words a person types: rows "codes" (every code) or a code
/// PATH (it and its descendants); cols "attr:NAME", "cases", "documents" or
/// "codes"; cell "cases", "codings" or "words". Throws InputError naming
/// the part that is wrong, NotFoundError for an unknown code or attribute.
MatrixSpec parse_matrix_spec(const Project& p, const std::vector<std::string>& rows,
                             const std::string& cols, const std::string& cell);
/// A matrix written in one line, as the CLI's --matrix takes it (and any
/// front end that lets a person type one): "rows=codes cols=attr:Role
/// cell=cases", each part optional (rows=codes, cols=cases, cell=cases);
/// rows may list paths with commas; a value runs to the next " key=", so it
/// may hold spaces. Parsed once, into the typed spec exporters take. Throws
/// InputError (Hint::WriteMatrixSpec) for words it cannot read, and what
/// parse_matrix_spec() throws.
MatrixSpec parse_matrix_text(const Project& p, const std::string& text);
/// Builds the matrix. Throws NotFoundError for an unknown attribute.
Matrix matrix(const Project& p, const MatrixSpec& spec);
/// The passages behind one cell of matrix(p, spec): the stretches of the row
/// code's codings (with its descendants' when spec.rollup) that fall in the
/// column, merged. Throws InputError for a row or column out of range.
std::vector<Hit> matrix_cell_hits(const Project& p, const MatrixSpec& spec, std::size_t row,
                                  std::size_t col);
/// The attribute a theme table uses by default: the first text attribute
/// with 2..20 distinct values among the cases, else the first attribute,
/// else empty.
std::string default_theme_attribute(const Project& p);

// ---- Ranges, co-occurrence and coding queries --------------------------------

/// A stretch of one document (code points), with what a reader needs.
struct Hit {
  Id document_id = 0;
  std::int64_t start = 0, end = 0;
  std::string document_name;
  std::optional<Id> case_id;
  std::string case_name;
  std::string text;
};

enum class CooccurrenceMode { Overlap, Passage };
struct CooccurrenceSpec {
  std::vector<Id> codes;      ///< empty: every code
  bool with_subcodes = false; ///< a code stands for its subtree
  CooccurrenceMode mode = CooccurrenceMode::Overlap;
  bool with_hits = true; ///< fill the passages behind each cell
  AnalysisFilter filter;
};
struct Cooccurrence {
  std::vector<Code> codes;
  /// [i][j]: Overlap: places where a coding of i and one of j overlap (the
  /// overlapping stretches, merged); Passage: passages coded with both.
  /// The diagonal holds the code's own coded stretches / passages.
  std::vector<std::vector<std::int64_t>> counts;
  std::vector<std::vector<std::vector<Hit>>> hits; ///< [i][j], when with_hits
};
Cooccurrence cooccurrence(const Project& p, const CooccurrenceSpec& spec);

/// Runs a coding query: code paths combined with AND (overlapping text),
/// OR, NOT (segments of the left without the right), WITHIN (left segments
/// wholly inside right ones), NEAR/n (left segments with a right one at most
/// n passages away; NEAR alone is NEAR/1), with parentheses; quote paths
/// that hold spaces: `"Purpose/Sceptical" AND Time`. Throws InputError for a
/// malformed query, NotFoundError for an unknown code.
std::vector<Hit> coding_query(const Project& p, const std::string& query,
                              const AnalysisFilter& f = {});

// ---- Word frequency ----------------------------------------------------------

struct WordFrequencySpec {
  std::optional<Id> code;           ///< only text coded with it (and subcodes)
  std::optional<std::string> query; ///< only text a coding query finds
  std::string language;             ///< "en", "fr", ... (empty: the project's, else en)
  bool stop_words = true;           ///< leave out the language's stop words
  bool group_by_stem = true;
  int min_length = 2;    ///< in code points
  std::size_t limit = 0; ///< 0: all
  AnalysisFilter filter; ///< restricts the documents and cases
};
struct WordCount {
  std::string word; ///< the group's most frequent form
  std::string stem; ///< the stem (the word itself without grouping)
  std::int64_t count = 0;
  std::vector<std::string> forms; ///< every form seen, most frequent first
};
/// Most frequent words first (ties alphabetically). Throws InputError for an
/// unknown language.
std::vector<WordCount> word_frequencies(const Project& p, const WordFrequencySpec& spec);
/// Languages with a stop-word list and a stemmer.
std::vector<std::string> analysis_languages();

/// The places of one word of word_frequencies() (its stem, or the form
/// itself without grouping) in the text the spec counts, one hit each (the
/// word's range), in document order. spec.limit is ignored.
std::vector<Hit> word_places(const Project& p, const WordFrequencySpec& spec,
                             const std::string& stem);

/// The stop words word frequencies leave out in this project: the project's
/// own list when it has one (set_stop_words), else the language's (empty:
/// the project's language, else en). Sorted, folded to lower case.
std::vector<std::string> stop_words(const Project& p, const std::string& language = {});
/// Stores the project's own stop-word list (folded to lower case, blanks
/// dropped) as one undoable action; an empty list goes back to the
/// language's. Throws InputError for a word with a space in it.
void set_stop_words(Project& p, const std::vector<std::string>& words);
/// Whether the project has its own stop-word list.
bool has_own_stop_words(const Project& p);

/// A stretch of text with some of what surrounds it, on one line, as a
/// key-word-in-context list shows it.
struct InContext {
  std::string before, match, after;
};
/// Each hit's text with up to width code points before and after (line
/// breaks shown as spaces), reading each document once.
std::vector<InContext> in_context(const Project& p, const std::vector<Hit>& hits, int width = 60);

} // namespace quire
