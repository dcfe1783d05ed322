// Parsing queries with Quire's field prefixes, and running them.
#include <algorithm>
#include <exception>
#include <memory>
#include <regex>
#include <set>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "base/stop_words_p.h"
#include "quire/base/error.h"
#include "quire/base/text.h"
#include "quire/base/text_units.h"
#include "quire/model/cases.h"
#include "quire/model/codebook.h"
#include "quire/model/coding.h"
#include "quire/model/documents.h"
#include "search/search_build_p.h"
#include "search/search_p.h"
#include "store/project_p.h"

namespace quire {

namespace {

/// A field of the query (code:, attr:, ...). An error in a field is kept
/// and thrown once Xapian's parser has returned: an exception thrown through
/// the parser leaks what it was building (AddressSanitizer saw it).
class Field : public Xapian::FieldProcessor {
public:
  // NOLINTNEXTLINE(bugprone-throw-keyword-missing): holds an error for later, throws nothing
  explicit Field(std::shared_ptr<std::exception_ptr> error) : m_error(std::move(error)) {}
  Xapian::Query operator()(const std::string& value) final {
    try {
      return make(value);
    } catch (...) {
      if (!*m_error)
        *m_error = std::current_exception();
      return Xapian::Query::MatchNothing;
    }
  }

protected:
  virtual Xapian::Query make(const std::string& value) = 0;

private:
  std::shared_ptr<std::exception_ptr> m_error;
};

/// doc:, case:, speaker:... -> a boolean term with the folded value.
class TermField : public Field {
public:
  TermField(std::shared_ptr<std::exception_ptr> e, std::string prefix)
      : Field(std::move(e)), m_prefix(std::move(prefix)) {}
  Xapian::Query make(const std::string& value) override {
    return Xapian::Query(make_term(m_prefix, value));
  }

private:
  std::string m_prefix;
};

/// code:"Purpose/Sceptical" -> the code's term; its subcodes carry it too.
class CodeField : public Field {
public:
  CodeField(std::shared_ptr<std::exception_ptr> e, const Project& p)
      : Field(std::move(e)), m_p(p) {}
  Xapian::Query make(const std::string& value) override {
    auto code = try_find_code(m_p, value);
    if (!code) {
      throw NotFoundError("no code '" + value +
                          "' in this project; give its whole path (Parent/Child), in quotes "
                          "when it has spaces");
    }
    return Xapian::Query(term::code + std::to_string(code->id));
  }

private:
  const Project& m_p;
};

/// attr:"Role=Head teacher" or attr:"Years:5..10" (numbers or dates).
class AttrField : public Field {
public:
  AttrField(std::shared_ptr<std::exception_ptr> e, const Project& p)
      : Field(std::move(e)), m_p(p) {}
  Xapian::Query make(const std::string& value) override {
    auto eq = value.find('=');
    auto colon = value.find(':');
    auto enc = [](const Attribute& a, const std::string& s) {
      return slot_value(parse_value(s, a.type));
    };
    if (eq != std::string::npos && (colon == std::string::npos || eq < colon)) {
      auto a = find_attribute(m_p, value.substr(0, eq));
      auto v = value.substr(eq + 1);
      if (a.type == AttrType::Text) {
        return Xapian::Query(make_term(term::attribute, a.name + "=" + v));
      }
      // Numbers and dates are indexed as values only (search_build.cpp).
      auto e = enc(a, v);
      return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, attribute_slot(a.id), e, e);
    }
    auto dots = value.find("..");
    if (colon == std::string::npos || dots == std::string::npos || dots < colon) {
      throw InputError("attr: takes Name=Value or Name:low..high, e.g. attr:Role=\"Head teacher\" "
                       "or attr:Years:5..10");
    }
    auto a = find_attribute(m_p, value.substr(0, colon));
    if (a.type == AttrType::Text) {
      throw InputError("attribute '" + a.name +
                       "' is text; ranges work on number and date attributes");
    }
    auto lo = value.substr(colon + 1, dots - colon - 1), hi = value.substr(dots + 2);
    auto slot = attribute_slot(a.id);
    if (lo.empty() && hi.empty())
      throw InputError("attr:" + a.name + ": give a low or a high end of the range");
    if (lo.empty())
      return Xapian::Query(Xapian::Query::OP_VALUE_LE, slot, enc(a, hi));
    if (hi.empty())
      return Xapian::Query(Xapian::Query::OP_VALUE_GE, slot, enc(a, lo));
    return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, slot, enc(a, lo), enc(a, hi));
  }

private:
  const Project& m_p;
};

const char* const known_fields[] = {"code",     "doc",   "case", "speaker",
                                    "question", "coder", "kind", "attr"};

/// attr:Name="V w" -> attr:"Name=V w"; also attr:"Name"=V and attr:Name:1..5.
std::string quote_attr_fields(const std::string& q) {
  static const std::regex re(R"re(attr:("([^"]+)"|[^\s=:"]+)(=|:)("([^"]*)"|[^\s"]+))re");
  std::string out;
  auto begin = std::sregex_iterator(q.begin(), q.end(), re);
  std::size_t last = 0;
  for (auto it = begin; it != std::sregex_iterator(); ++it) {
    auto& m = *it;
    std::string name = m[2].matched ? m[2].str() : m[1].str();
    std::string val = m[5].matched ? m[5].str() : m[4].str();
    out += q.substr(last, static_cast<std::size_t>(m.position(0)) - last);
    out += "attr:\"" + name + m[3].str() + val + "\"";
    last = static_cast<std::size_t>(m.position(0) + m.length(0));
  }
  return out + q.substr(last);
}

void check_syntax(const std::string& q) {
  if (std::count(q.begin(), q.end(), '"') % 2 != 0) {
    throw InputError(
        "the query has an unbalanced quote (\"); close the phrase or remove the quote");
  }
  // Field names outside quoted text: "attr:Years:5..10" names one field.
  std::string bare = q;
  bool quoted = false;
  for (auto& c : bare) {
    if (c == '"')
      quoted = !quoted;
    else if (quoted)
      c = ' ';
  }
  static const std::regex field(R"(([A-Za-z_]+):(?!//))");
  for (auto it = std::sregex_iterator(bare.begin(), bare.end(), field);
       it != std::sregex_iterator(); ++it) {
    std::string name = (*it)[1].str();
    auto pos = static_cast<std::size_t>(it->position(0));
    if (pos > 0 &&
        (std::isalnum(static_cast<unsigned char>(bare[pos - 1])) || bare[pos - 1] == ':'))
      continue;
    if (std::find(std::begin(known_fields), std::end(known_fields), name) ==
            std::end(known_fields) &&
        name != "http" && name != "https") {
      throw InputError("unknown field '" + name +
                       ":' in the query (known: code, doc, case, speaker, question, "
                       "coder, kind, attr)");
    }
  }
}

/// Splits a query into its words and the filters that stand at its top level
/// (outside brackets, not next to an operator), so that a filter applies to
/// the whole query: Xapian's parser binds `a OR b code:X` as `a OR (b code:X)`,
/// where a researcher means `(a OR b) code:X`.
void split_top_level_filters(const std::string& q, std::string& words, std::string& filters) {
  static const char* const fields[] = {
      "doc:", "case:", "speaker:", "question:", "coder:", "kind:", "code:", "attr:"};
  static const char* const operators[] = {"AND", "OR", "NOT", "XOR", "NEAR", "ADJ", "AND_NOT"};
  struct Token {
    std::string text;
    int depth = 0;
  };
  std::vector<Token> tokens;
  int depth = 0;
  bool quoted = false;
  for (char c : q) {
    if (!quoted && (c == ' ' || c == '\t')) {
      if (!tokens.empty() && !tokens.back().text.empty()) {
        tokens.push_back({});
      }
      continue;
    }
    if (tokens.empty()) {
      tokens.push_back({});
    }
    if (tokens.back().text.empty()) {
      tokens.back().depth = depth;
    }
    if (c == '"') {
      quoted = !quoted;
    } else if (!quoted && c == '(') {
      ++depth;
    } else if (!quoted && c == ')') {
      --depth;
    }
    tokens.back().text += c;
  }
  auto is_operator = [&](std::size_t i) {
    if (i >= tokens.size()) {
      return false;
    }
    const auto& t = tokens[i].text;
    for (const char* op : operators) {
      if (t == op || t.rfind(std::string(op) + "/", 0) == 0) {
        return true;
      }
    }
    return false;
  };
  words.clear();
  filters.clear();
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const auto& t = tokens[i];
    if (t.text.empty()) {
      continue;
    }
    bool field = std::any_of(std::begin(fields), std::end(fields),
                             [&](const char* f) { return t.text.rfind(f, 0) == 0; });
    bool plain = t.depth == 0 && t.text.find_first_of("()") == std::string::npos;
    bool alone = !(i > 0 && is_operator(i - 1)) && !is_operator(i + 1);
    std::string& to = field && plain && alone ? filters : words;
    to += (to.empty() ? "" : " ") + t.text;
  }
}

} // namespace

Xapian::Query parse_query(const SearchIndex::Impl& impl, const std::string& text,
                          std::string* corrected) {
  check_syntax(text);
  check_syntax(quote_attr_fields(text));
  Xapian::QueryParser qp;
  // Words are indexed as written. A word of the query is stemmed, and the
  // stemmed term (not in the index) expanded to the words of that stem from
  // the synonym table (FLAG_AUTO_SYNONYMS; see add_words). Phrases, NEAR,
  // wildcards and capitalised words match the words as written.
  qp.set_stemmer(impl.stemmer());
  qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  qp.set_database(*impl.reader);
  qp.set_default_op(Xapian::Query::OP_AND);
  // The parser owns the fields (release(): reference-counted by Xapian).
  auto error = std::make_shared<std::exception_ptr>();
  qp.add_boolean_prefix("doc", (new TermField(error, term::doc_name))->release());
  qp.add_boolean_prefix("case", (new TermField(error, term::case_))->release());
  qp.add_boolean_prefix("speaker", (new TermField(error, term::speaker))->release());
  qp.add_boolean_prefix("question", (new TermField(error, term::question))->release());
  qp.add_boolean_prefix("coder", (new TermField(error, term::coder))->release());
  qp.add_boolean_prefix("kind", (new TermField(error, term::kind))->release());
  qp.add_boolean_prefix("code", (new CodeField(error, impl.project))->release());
  qp.add_boolean_prefix("attr", (new AttrField(error, impl.project))->release());
  unsigned flags = Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_WILDCARD |
                   Xapian::QueryParser::FLAG_SPELLING_CORRECTION |
                   Xapian::QueryParser::FLAG_AUTO_SYNONYMS | Xapian::QueryParser::FLAG_CJK_NGRAM |
                   Xapian::QueryParser::FLAG_PURE_NOT;
  auto parse = [&](const std::string& q) {
    auto out = qp.parse_query(q, flags);
    if (*error)
      std::rethrow_exception(*error);
    return out;
  };
  try {
    auto full = quote_attr_fields(text);
    std::string words, filters;
    split_top_level_filters(full, words, filters);
    if (words.empty() || filters.empty()) {
      auto q = parse(full);
      if (corrected)
        *corrected = qp.get_corrected_query_string();
      return q;
    }
    auto q = parse(words);
    auto corrected_words = qp.get_corrected_query_string();
    if (corrected)
      *corrected = corrected_words.empty() ? std::string() : corrected_words + " " + filters;
    return Xapian::Query(Xapian::Query::OP_FILTER, q, parse(filters));
  } catch (const Xapian::QueryParserError& e) {
    throw InputError("the query cannot be read: " + e.get_msg());
  }
}

SearchHit describe_hit(const SearchIndex::Impl& impl, Id passage_id, const Xapian::Query& query,
                       const Xapian::MSetIterator& it, const Xapian::MSet& mset,
                       const std::vector<Code>& codes) {
  SearchHit h;
  auto ps = get_passage(impl.project, passage_id);
  auto doc = get_document(impl.project, ps.document_id);
  h.passage_id = ps.id;
  h.document_id = ps.document_id;
  h.document_name = doc.name;
  h.start = ps.start;
  h.end = ps.end;
  h.speaker = ps.speaker;
  h.start_ms = ps.start_ms;
  h.weight = it.get_weight();
  auto case_id = ps.case_id ? ps.case_id : doc.case_id;
  if (case_id)
    h.case_name = get_case(impl.project, *case_id).name;
  auto& db = detail::db(impl.project);
  if (ps.question_id) {
    auto s = db.prepare("SELECT name FROM question WHERE id = ?");
    s.bind(1, *ps.question_id);
    if (s.step())
      h.question = s.str(0);
  }
  std::vector<Id> code_ids;
  {
    auto s = db.prepare(
        "SELECT DISTINCT code_id FROM coding WHERE document_id = ? AND start < ? AND end > ?");
    s.bind(1, ps.document_id).bind(2, ps.end).bind(3, ps.start);
    while (s.step())
      code_ids.push_back(s.i64(0));
  }
  for (auto& c : codes) {
    if (std::find(code_ids.begin(), code_ids.end(), c.id) != code_ids.end())
      h.codes.push_back(c.path);
  }
  // The passage's text, its snippet, and where the matching words are.
  const std::string passage = document_text(impl.project, ps.document_id, ps.start, ps.end);
  auto stem = impl.stemmer();
  h.snippet = mset.snippet(passage, 240, stem, Xapian::MSet::SNIPPET_EXHAUSTIVE, "\xC2\xAB",
                           "\xC2\xBB", "\xE2\x80\xA6");
  // The words taking part in the match: a phrase's words where they make
  // the phrase, NEAR's within the window, never a NOT's.
  const auto tokens = tokenize_words(passage);
  QueryMatcher matcher(*impl.reader, static_cast<Xapian::docid>(passage_id), query);
  if (auto words = matcher.match(tokens, 0, tokens.size())) {
    for (auto [s, e] : *words)
      h.hits.emplace_back(ps.start + s, ps.start + e);
  }
  return h;
}

namespace {

/// Whether a spelling suggestion fits: some word the correction changes is
/// in no passage, as written or in another form of its stem. When every
/// word is in the text, a filter (or how the words combine) left nothing,
/// and a spelling would mislead.
bool misspelt(const SearchIndex::Impl& impl, const std::string& query,
              const std::string& corrected) {
  std::set<std::string> kept;
  for (auto& t : tokenize_words(corrected))
    kept.insert(t.word);
  const auto stem = impl.stemmer();
  for (auto& t : tokenize_words(query)) {
    if (kept.count(t.word) || impl.reader->term_exists(t.word))
      continue;
    auto forms = word_forms_key(stem(t.word));
    if (impl.reader->synonyms_begin(forms) == impl.reader->synonyms_end(forms))
      return true;
  }
  return false;
}

/// Telling terms for "find similar": content words of the text, not its
/// stop words, numbers or filter terms.
class ContentWords : public Xapian::ExpandDecider {
public:
  explicit ContentWords(const std::string& language) {
    for (auto w : detail::stop_words(language))
      m_stop.insert(std::string(w));
  }
  bool operator()(const std::string& term) const override {
    if (term.empty() || (term[0] >= 'A' && term[0] <= 'Z') || m_stop.count(term))
      return false;
    Xapian::Utf8Iterator it(term), end;
    for (; it != end; ++it) {
      if (Xapian::Unicode::is_wordchar(*it) && !u_isdigit(static_cast<UChar32>(*it)) && *it != '_')
        return term.size() > 1 || *it >= 0x80;
    }
    return false;
  }

private:
  std::set<std::string> m_stop;
};

/// Runs f on the index brought up to date, through the Xapian boundary;
/// again on a fresh view when a writer changed the index under the query.
template <class F> auto query_index(SearchIndex::Impl& impl, F&& f) -> decltype(f()) {
  return xapian_call("searched", [&] {
    impl.prepare_query();
    for (int attempt = 0;; ++attempt) {
      try {
        return f();
      } catch (const Xapian::DatabaseModifiedError&) {
        if (attempt == 5)
          throw;
        impl.refresh_reader();
      }
    }
  });
}

} // namespace

SearchResults SearchIndex::search(const std::string& query, const SearchOptions& o) const {
  if (query.find_first_not_of(" \t\n") == std::string::npos) {
    throw InputError("the query is empty");
  }
  return query_index(*m_impl, [&] { return search_once(query, o); });
}

SearchResults SearchIndex::search_once(const std::string& query, const SearchOptions& o) const {
  SearchResults r;
  auto q = parse_query(*m_impl, query, &r.corrected_query);
  if (o.within_code) {
    q = Xapian::Query(Xapian::Query::OP_FILTER, q,
                      Xapian::Query(term::code + std::to_string(*o.within_code)));
  }
  Xapian::Enquire enquire(*m_impl->reader);
  enquire.set_query(q);
  if (!o.within_code) {
    auto mset = enquire.get_mset(static_cast<Xapian::doccount>(std::max(0, o.offset)),
                                 static_cast<Xapian::doccount>(std::max(0, o.limit)));
    r.estimated_total = mset.get_matches_estimated();
    const auto codes = list_codes(m_impl->project);
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      r.hits.push_back(describe_hit(*m_impl, static_cast<Id>(*it), q, it, mset, codes));
    }
    if (r.estimated_total > 0 || !misspelt(*m_impl, query, r.corrected_query)) {
      r.corrected_query.clear(); // suggest only for unknown words that found nothing
    }
    return r;
  }
  // Within coded text: a hit counts when a matching word lies inside one of
  // the code's codings; each such coding is one result.
  auto subtree = code_subtree(m_impl->project, *o.within_code);
  auto mset = enquire.get_mset(0, m_impl->reader->get_doccount());
  const auto codes = list_codes(m_impl->project);
  std::int64_t skipped = 0;
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    auto h = describe_hit(*m_impl, static_cast<Id>(*it), q, it, mset, codes);
    for (auto& c : document_codings(m_impl->project, h.document_id)) {
      if (std::find(subtree.begin(), subtree.end(), c.code_id) == subtree.end() ||
          c.end <= h.start || c.start >= h.end) {
        continue;
      }
      bool inside = std::any_of(h.hits.begin(), h.hits.end(),
                                [&](auto& x) { return x.first >= c.start && x.second <= c.end; });
      if (!inside)
        continue;
      r.estimated_total++;
      if (skipped++ < o.offset || static_cast<int>(r.hits.size()) >= o.limit)
        continue;
      SearchHit ch = h;
      ch.coding_id = c.id;
      ch.start = c.start;
      ch.end = c.end;
      ch.hits.erase(std::remove_if(ch.hits.begin(), ch.hits.end(),
                                   [&](auto& x) { return x.first < c.start || x.second > c.end; }),
                    ch.hits.end());
      r.hits.push_back(std::move(ch));
    }
  }
  if (r.estimated_total > 0 || !misspelt(*m_impl, query, r.corrected_query)) {
    r.corrected_query.clear();
  }
  return r;
}

std::vector<UnitMatches> SearchIndex::match_units(const std::string& query,
                                                  AutocodeUnit unit) const {
  if (query.find_first_not_of(" \t\n") == std::string::npos) {
    throw InputError("the query is empty");
  }
  return query_index(*m_impl, [&] { return match_units_once(query, unit); });
}

std::vector<UnitMatches> SearchIndex::match_units_once(const std::string& query,
                                                       AutocodeUnit unit) const {
  auto q = parse_query(*m_impl, query, nullptr);
  Xapian::Enquire enquire(*m_impl->reader);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  enquire.set_docid_order(Xapian::Enquire::ASCENDING);
  enquire.set_query(q);
  auto mset = enquire.get_mset(0, m_impl->reader->get_doccount());
  std::vector<UnitMatches> out;
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    auto ps = get_passage(m_impl->project, static_cast<Id>(*it));
    UnitMatches um{.passage_id = ps.id, .document_id = ps.document_id, .ranges = {}};
    if (unit == AutocodeUnit::Passage) {
      um.ranges.emplace_back(ps.start, ps.end);
      out.push_back(std::move(um));
      continue;
    }
    const auto text = document_text(m_impl->project, ps.document_id, ps.start, ps.end);
    const auto tokens = tokenize_words(text);
    QueryMatcher matcher(*m_impl->reader, *it, q);
    auto words = matcher.match(tokens, 0, tokens.size());
    if (!words) {
      // The index found it but its words cannot be told apart (CJK text,
      // indexed as character n-grams): the whole passage.
      um.ranges.emplace_back(ps.start, ps.end);
    } else if (unit == AutocodeUnit::Hit) {
      if (words->empty()) {
        um.ranges.emplace_back(ps.start, ps.end); // only filters: the passage
      } else {
        // Matching words with only spaces between them ("lose my job") are
        // one range.
        const CodePointIndex cps(text);
        for (auto [s, e] : *words) {
          auto gap = um.ranges.empty() ? std::string_view("x")
                                       : cps.slice(um.ranges.back().second - ps.start, s);
          if (!um.ranges.empty() && s >= um.ranges.back().second - ps.start &&
              gap.find_first_not_of(' ') == std::string_view::npos)
            um.ranges.back().second = ps.start + e;
          else
            um.ranges.emplace_back(ps.start + s, ps.start + e);
        }
      }
    } else {
      auto stretches =
          unit == AutocodeUnit::Sentence ? sentence_ranges(text) : paragraph_ranges(text);
      std::size_t first = 0;
      for (auto [s, e] : stretches) {
        while (first < tokens.size() && tokens[first].start < s)
          ++first;
        auto last = first;
        while (last < tokens.size() && tokens[last].end <= e)
          ++last;
        if (last > first && matcher.match(tokens, first, last))
          um.ranges.emplace_back(ps.start + s, ps.start + e);
        first = last;
      }
    }
    if (!um.ranges.empty())
      out.push_back(std::move(um));
  }
  return out;
}

std::vector<SearchHit> SearchIndex::similar(const std::vector<Id>& passage_ids,
                                            std::optional<Id> exclude_code, int limit) const {
  if (passage_ids.empty()) {
    throw InputError(
        "nothing to find similar passages to (no passages given, or the code has no codings)");
  }
  return query_index(*m_impl, [&] { return similar_once(passage_ids, exclude_code, limit); });
}

std::vector<SearchHit> SearchIndex::similar_once(const std::vector<Id>& passage_ids,
                                                 std::optional<Id> exclude_code, int limit) const {
  Xapian::Enquire enquire(*m_impl->reader);
  Xapian::RSet rset;
  for (Id id : passage_ids)
    rset.add_document(static_cast<Xapian::docid>(id));
  Xapian::Enquire e0(*m_impl->reader);
  e0.set_query(Xapian::Query::MatchAll);
  // The most telling content words of the examples (stop words, numbers
  // and filter terms never are).
  const ContentWords content(m_impl->language);
  auto eset = e0.get_eset(40, rset, &content);
  std::vector<std::string> terms(eset.begin(), eset.end());
  Xapian::Query q(Xapian::Query::OP_OR, terms.begin(), terms.end());
  if (exclude_code) {
    q = Xapian::Query(Xapian::Query::OP_AND_NOT, q,
                      Xapian::Query(term::code + std::to_string(*exclude_code)));
  }
  enquire.set_query(q);
  // The given passages are left out of the results (the passage id is the
  // document id): ask for as many more.
  const std::set<Id> given(passage_ids.begin(), passage_ids.end());
  auto mset = enquire.get_mset(0, static_cast<Xapian::doccount>(limit + given.size()), &rset);
  std::vector<SearchHit> out;
  const auto codes = list_codes(m_impl->project);
  for (auto it = mset.begin(); it != mset.end() && static_cast<int>(out.size()) < limit; ++it) {
    if (!given.count(static_cast<Id>(*it)))
      out.push_back(describe_hit(*m_impl, static_cast<Id>(*it), q, it, mset, codes));
  }
  return out;
}

std::vector<Id> passages_of_coding(const Project& p, Id coding_id) {
  auto c = get_coding(p, coding_id);
  std::vector<Id> out;
  auto s = detail::db(p).prepare(
      "SELECT id FROM passage WHERE document_id = ? AND start < ? AND end > ?");
  s.bind(1, c.document_id).bind(2, c.end).bind(3, c.start);
  while (s.step())
    out.push_back(s.i64(0));
  return out;
}

std::vector<Id> passages_of_code(const Project& p, Id code_id) {
  std::vector<Id> out;
  std::string in;
  for (auto id : code_subtree(p, code_id))
    in += (in.empty() ? "" : ",") + std::to_string(id);
  auto s = detail::db(p).prepare(
      "SELECT DISTINCT p.id FROM coding c JOIN passage p ON p.document_id = c.document_id "
      "AND p.start < c.end AND p.end > c.start WHERE c.code_id IN (" +
      in + ")");
  while (s.step())
    out.push_back(s.i64(0));
  return out;
}

} // namespace quire
