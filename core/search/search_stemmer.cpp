// The search index's stemmers, for word frequencies.
#include "quire/search/search_stemmer.h"

#include "search/search_build_p.h"
#include "search/search_p.h"

namespace quire::detail {

struct WordStemmer::Impl {
  Xapian::Stem stem;
};

WordStemmer::WordStemmer(const std::string& language)
    : m_impl(xapian_call("opened", [&] {
        return std::make_unique<Impl>(Impl{Xapian::Stem(stem_language(language))});
      })) {}

WordStemmer::~WordStemmer() = default;

std::string WordStemmer::operator()(const std::string& word) const {
  return xapian_call("read", [&] { return m_impl->stem(word); });
}

} // namespace quire::detail
