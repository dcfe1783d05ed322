// Word frequencies of the project, a code or a query result, grouped by stem
// (the Snowball stemmers of the search index), without stop words.
#include <algorithm>
#include <cctype>
#include <unordered_map>

#include "analysis/analysis_p.h"
#include "quire/base/error.h"
#include "quire/model/codebook.h"
#include "quire/model/documents.h"
#include "quire/search/search_stemmer.h"
#include "quire/store/project.h"
#include "store/project_p.h"

namespace quire {

namespace {

using detail::Range;

struct Language {
  const char* code;
  const char* stemmer; ///< Xapian's name
};
const Language languages[] = {{"en", "english"},   {"fr", "french"}, {"de", "german"},
                              {"es", "spanish"},   {"nl", "dutch"},  {"it", "italian"},
                              {"pt", "portuguese"}};

const Language& language_of(const std::string& name) {
  for (const auto& l : languages) {
    if (name == l.code || name == l.stemmer) {
      return l;
    }
  }
  std::string known;
  for (const auto& l : languages) {
    known += std::string(known.empty() ? "" : ", ") + l.code;
  }
  throw InputError("no stop words or stemmer for language '" + name + "'; use one of " + known);
}

bool has_letter(std::string_view w) {
  for (unsigned char c : w) {
    if (c >= 0x80 || std::isalpha(c)) {
      return true;
    }
  }
  return false;
}

/// The ranges whose words are counted.
std::vector<Range> scope(const Project& p, const WordFrequencySpec& spec,
                         const detail::AnalysisData& d) {
  if (spec.query) {
    std::vector<Range> out;
    for (const auto& h : coding_query(p, *spec.query, spec.filter)) {
      out.push_back({h.document_id, h.start, h.end});
    }
    return out;
  }
  if (spec.code) {
    auto segs = detail::code_segments(d, true);
    auto it = d.code_at.find(*spec.code);
    if (it == d.code_at.end()) {
      throw NotFoundError("no code with id " + std::to_string(*spec.code));
    }
    return segs[it->second];
  }
  std::vector<Range> out;
  for (auto id : d.documents) {
    auto doc = get_document(p, id);
    if (!d.filtered_by_case) {
      out.push_back({id, 0, doc.length});
      continue;
    }
    auto ps = list_passages(p, id);
    if (ps.empty() && d.case_passes(doc.case_id)) {
      out.push_back({id, 0, doc.length});
    }
    for (const auto& ps1 : ps) {
      if (d.case_passes(ps1.case_id ? ps1.case_id : doc.case_id)) {
        out.push_back({id, ps1.start, ps1.end});
      }
    }
  }
  return detail::merge_ranges(std::move(out));
}

} // namespace

std::vector<std::string> analysis_languages() {
  std::vector<std::string> out;
  for (const auto& l : languages) {
    out.emplace_back(l.code);
  }
  return out;
}

namespace {

/// Calls fn(document, start, end, folded form) for each word of at least
/// min_length code points with a letter in ranges (sorted by document).
template <class Fn>
void each_word(const Project& p, const std::vector<Range>& ranges, int min_length, Fn fn) {
  Id cur = -1;
  std::string text;
  std::vector<std::pair<std::int64_t, std::int64_t>> words;
  std::unique_ptr<CodePointIndex> idx;
  for (const auto& r : ranges) {
    if (r.document_id != cur) {
      cur = r.document_id;
      idx.reset();
      text = document_text(p, cur);
      idx = std::make_unique<CodePointIndex>(text);
      words = detail::word_ranges(text);
    }
    auto it =
        std::lower_bound(words.begin(), words.end(), std::make_pair(r.start, std::int64_t{0}));
    for (; it != words.end() && it->first < r.end; ++it) {
      if (it->second - it->first < min_length) {
        continue;
      }
      auto w = idx->slice(it->first, it->second);
      if (has_letter(w)) {
        fn(cur, it->first, it->second, fold_case(w));
      }
    }
  }
}

const char* const own_stop_words_key = "stop_words";

} // namespace

std::vector<std::string> stop_words(const Project& p, const std::string& language) {
  std::vector<std::string> out;
  auto own = p.setting(own_stop_words_key);
  if (!own.empty()) {
    std::string w;
    for (char c : own + "\n") {
      if (c == '\n') {
        if (!w.empty()) {
          out.push_back(w);
        }
        w.clear();
      } else {
        w += c;
      }
    }
  } else {
    const auto& lang = language_of(language.empty() ? p.setting("language", "en") : language);
    for (auto w : detail::stop_words(lang.code)) {
      out.emplace_back(w);
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

bool has_own_stop_words(const Project& p) {
  return !p.setting(own_stop_words_key).empty();
}

void set_stop_words(Project& p, const std::vector<std::string>& words) {
  std::vector<std::string> clean;
  for (const auto& w : words) {
    auto b = w.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) {
      continue;
    }
    auto t = w.substr(b, w.find_last_not_of(" \t\r\n") - b + 1);
    if (t.find_first_of(" \t\r\n") != std::string::npos) {
      throw InputError("a stop word is one word; '" + t + "' has a space in it");
    }
    clean.push_back(fold_case(t));
  }
  std::sort(clean.begin(), clean.end());
  clean.erase(std::unique(clean.begin(), clean.end()), clean.end());
  std::string joined;
  for (const auto& w : clean) {
    joined += (joined.empty() ? "" : "\n") + w;
  }
  detail::Action act(p, clean.empty() ? std::string("Go back to the language's stop words")
                                      : "Set the project's stop words (" +
                                            std::to_string(clean.size()) + " words)");
  p.set_setting(own_stop_words_key, joined);
  act.commit();
}

std::vector<Hit> word_places(const Project& p, const WordFrequencySpec& spec,
                             const std::string& stem) {
  const auto& lang =
      language_of(spec.language.empty() ? p.setting("language", "en") : spec.language);
  auto d = detail::load_analysis(p, spec.filter);
  auto ranges = scope(p, spec, d);
  const detail::WordStemmer stemmer(lang.stemmer);
  detail::HitMaker maker(p);
  std::vector<Hit> out;
  each_word(p, ranges, spec.min_length,
            [&](Id doc, std::int64_t s, std::int64_t e, const std::string& form) {
              if ((spec.group_by_stem ? stemmer(form) : form) == stem) {
                out.push_back(maker.make({doc, s, e}));
              }
            });
  return out;
}

std::vector<WordCount> word_frequencies(const Project& p, const WordFrequencySpec& spec) {
  const auto& lang =
      language_of(spec.language.empty() ? p.setting("language", "en") : spec.language);
  auto d = detail::load_analysis(p, spec.filter);
  auto ranges = scope(p, spec, d);
  std::vector<std::string> stops;
  if (spec.stop_words) {
    stops = stop_words(p, lang.code); // sorted
  }
  const detail::WordStemmer stem(lang.stemmer);
  std::unordered_map<std::string, std::int64_t> form_counts;
  each_word(p, ranges, spec.min_length,
            [&](Id, std::int64_t, std::int64_t, const std::string& form) { form_counts[form]++; });
  struct Group {
    std::int64_t count = 0;
    std::vector<std::pair<std::string, std::int64_t>> forms;
  };
  std::unordered_map<std::string, Group> groups;
  for (const auto& [form, n] : form_counts) {
    if (std::binary_search(stops.begin(), stops.end(), form)) {
      continue;
    }
    auto key = spec.group_by_stem ? stem(form) : form;
    auto& g = groups[key];
    g.count += n;
    g.forms.emplace_back(form, n);
  }
  std::vector<WordCount> out;
  for (auto& [key, g] : groups) {
    std::sort(g.forms.begin(), g.forms.end(), [](const auto& a, const auto& b) {
      return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    WordCount wc{g.forms.front().first, key, g.count, {}};
    for (const auto& f : g.forms) {
      wc.forms.push_back(f.first);
    }
    out.push_back(std::move(wc));
  }
  std::sort(out.begin(), out.end(), [](const WordCount& a, const WordCount& b) {
    return a.count != b.count ? a.count > b.count : a.word < b.word;
  });
  if (spec.limit && out.size() > spec.limit) {
    out.resize(spec.limit);
  }
  return out;
}

} // namespace quire
