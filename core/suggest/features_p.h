#pragma once
// Private: the words a suggestion model sees. A passage is a bag of terms:
// its words, case-folded, stop words left out, stemmed by the search index's
// Snowball stemmer for the project's language; weighted by tf-idf (the log
// of the count times the inverse document frequency) and scaled to length 1.
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "quire/search/search_stemmer.h"

namespace quire::detail {

/// A word of a text: its code-point range and its term (an index into Terms).
struct Token {
  std::int64_t start = 0, end = 0;
  std::uint32_t term = 0;
};

/// A sparse vector: (term, value) pairs sorted by term.
using SparseVec = std::vector<std::pair<std::uint32_t, float>>;

/// The vocabulary and the tokeniser of one language.
class Terms {
public:
  /// language: a project's "language" setting ("en", "de", ...; "" is "en").
  explicit Terms(const std::string& language);
  Terms(const Terms&) = delete;

  /// The words of text that carry a term, in order. With add, new terms join
  /// the vocabulary; without, words of unknown terms are left out.
  std::vector<Token> tokens(std::string_view text, bool add);
  std::uint32_t size() const { return static_cast<std::uint32_t>(m_terms.size()); }
  const std::string& term(std::uint32_t id) const { return m_terms[id]; }
  /// The Snowball stemmer's name used ("english").
  const std::string& stemmer_name() const { return m_stemmer_name; }

private:
  static constexpr std::uint32_t none = 0xFFFFFFFFu;
  std::uint32_t term_of(std::string_view word, bool add);
  std::string m_stemmer_name;
  WordStemmer m_stem;
  std::vector<std::string_view> m_stops; ///< sorted
  std::unordered_map<std::string, std::uint32_t> m_ids;
  std::vector<std::string> m_terms;
  /// Folded word -> term (or none), so each word form is stemmed once.
  std::unordered_map<std::string, std::uint32_t> m_forms;
};

/// Counts of the terms of the tokens starting in [start, end) (tokens sorted
/// by start).
SparseVec term_counts(const std::vector<Token>& tokens, std::int64_t start, std::int64_t end);

/// Inverse document frequencies learnt from examples' term counts.
class Idf {
public:
  void fit(const std::vector<const SparseVec*>& counts, std::uint32_t dims);
  /// (1 + log count) * idf, scaled to length 1; unknown terms dropped.
  SparseVec weigh(const SparseVec& counts) const;
  std::uint32_t dims() const { return static_cast<std::uint32_t>(m_idf.size()); }

private:
  std::vector<float> m_idf;
};

/// The dot product of two sparse vectors.
double dot(const SparseVec& a, const SparseVec& b);

} // namespace quire::detail
