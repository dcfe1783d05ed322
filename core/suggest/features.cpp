// The words a suggestion model sees: tokens, terms, tf-idf vectors.
#include "suggest/features_p.h"

#include <algorithm>
#include <cctype>
#include <cmath>

#include "analysis/analysis_p.h"
#include "base/stop_words_p.h"
#include "quire/base/text.h"

namespace quire::detail {

namespace {

struct Language {
  const char* code;
  const char* stemmer;
};
const Language languages[] = {{"en", "english"},   {"fr", "french"}, {"de", "german"},
                              {"es", "spanish"},   {"nl", "dutch"},  {"it", "italian"},
                              {"pt", "portuguese"}};

const Language* language_of(const std::string& name) {
  for (const auto& l : languages) {
    if (name == l.code || name == l.stemmer) {
      return &l;
    }
  }
  return nullptr;
}

bool has_letter(std::string_view w) {
  return std::any_of(w.begin(), w.end(), [](char ch) {
    auto c = static_cast<unsigned char>(ch);
    return c >= 0x80 || std::isalpha(c) != 0;
  });
}

std::string fold(std::string_view w) {
  bool ascii = std::all_of(w.begin(), w.end(), [](char c) { return (c & 0x80) == 0; });
  if (!ascii) {
    return fold_case(w);
  }
  std::string out(w);
  for (auto& c : out) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

} // namespace

Terms::Terms(const std::string& language)
    : m_stemmer_name(language_of(language.empty() ? "en" : language)
                         ? language_of(language.empty() ? "en" : language)->stemmer
                         : "none"),
      m_stem(m_stemmer_name) {
  const auto* l = language_of(language.empty() ? "en" : language);
  if (l != nullptr) {
    m_stops = stop_words(l->code);
    std::sort(m_stops.begin(), m_stops.end());
  }
}

std::uint32_t Terms::term_of(std::string_view word, bool add) {
  std::string folded = fold(word);
  auto f = m_forms.find(folded);
  if (f != m_forms.end() && (f->second != none || !add)) {
    return f->second;
  }
  std::uint32_t id = none;
  if (!std::binary_search(m_stops.begin(), m_stops.end(), std::string_view(folded))) {
    std::string stem = m_stem(folded);
    auto it = m_ids.find(stem);
    if (it != m_ids.end()) {
      id = it->second;
    } else if (add) {
      id = static_cast<std::uint32_t>(m_terms.size());
      m_ids.emplace(stem, id);
      m_terms.push_back(std::move(stem));
    }
  }
  // A stop word is none for good; an unknown word only until it is added.
  if (id != none || add ||
      std::binary_search(m_stops.begin(), m_stops.end(), std::string_view(folded))) {
    m_forms[folded] = id;
  }
  return id;
}

std::vector<Token> Terms::tokens(std::string_view text, bool add) {
  std::vector<Token> out;
  CodePointIndex idx(text);
  for (const auto& [s, e] : word_ranges(text)) {
    if (e - s < 2) {
      continue;
    }
    auto w = idx.slice(s, e);
    if (!has_letter(w)) {
      continue;
    }
    auto id = term_of(w, add);
    if (id != none) {
      out.push_back({s, e, id});
    }
  }
  return out;
}

SparseVec term_counts(const std::vector<Token>& tokens, std::int64_t start, std::int64_t end) {
  auto it = std::lower_bound(tokens.begin(), tokens.end(), start,
                             [](const Token& t, std::int64_t v) { return t.start < v; });
  SparseVec out;
  for (; it != tokens.end() && it->start < end; ++it) {
    out.emplace_back(it->term, 1.0F);
  }
  std::sort(out.begin(), out.end());
  SparseVec merged;
  for (const auto& [t, v] : out) {
    if (!merged.empty() && merged.back().first == t) {
      merged.back().second += v;
    } else {
      merged.emplace_back(t, v);
    }
  }
  return merged;
}

void Idf::fit(const std::vector<const SparseVec*>& counts, std::uint32_t dims) {
  std::vector<std::uint32_t> df(dims, 0);
  for (const auto* c : counts) {
    for (const auto& [t, v] : *c) {
      if (t < dims) {
        ++df[t];
      }
    }
  }
  const auto n = static_cast<double>(counts.size());
  m_idf.assign(dims, 0.0F);
  for (std::uint32_t t = 0; t < dims; ++t) {
    m_idf[t] = static_cast<float>(std::log((n + 1.0) / (df[t] + 1.0)) + 1.0);
  }
}

SparseVec Idf::weigh(const SparseVec& counts) const {
  SparseVec out;
  out.reserve(counts.size());
  double norm = 0;
  for (const auto& [t, v] : counts) {
    if (t >= m_idf.size()) {
      continue;
    }
    float w = (1.0F + std::log(v)) * m_idf[t];
    out.emplace_back(t, w);
    norm += static_cast<double>(w) * w;
  }
  if (norm > 0) {
    auto inv = static_cast<float>(1.0 / std::sqrt(norm));
    for (auto& tv : out) {
      tv.second *= inv;
    }
  }
  return out;
}

double dot(const SparseVec& a, const SparseVec& b) {
  double s = 0;
  auto i = a.begin();
  auto j = b.begin();
  while (i != a.end() && j != b.end()) {
    if (i->first < j->first) {
      ++i;
    } else if (j->first < i->first) {
      ++j;
    } else {
      s += static_cast<double>(i->second) * j->second;
      ++i;
      ++j;
    }
  }
  return s;
}

} // namespace quire::detail
