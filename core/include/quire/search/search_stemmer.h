#pragma once
// Private: a word stemmer (the search index's Snowball stemmers) for core
// code outside the search index, so that nothing of Xapian shows beyond
// core/search*.
#include <memory>
#include <string>

namespace quire::detail {

class WordStemmer {
public:
  /// language: a Snowball name ("english", "german", ...); a language
  /// without a stemmer leaves words as they are.
  explicit WordStemmer(const std::string& language);
  ~WordStemmer();
  WordStemmer(const WordStemmer&) = delete;
  /// The stem of a (case-folded) word.
  std::string operator()(const std::string& word) const;

private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

} // namespace quire::detail
