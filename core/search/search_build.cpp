// Writing the search index: the terms of each passage, re-indexing some
// documents, and refreshing only the code and coder terms after a coding
// action. (The whole index is built in parallel in search_parallel.cpp.)
#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>
#include <utility>

#include "quire/base/error.h"
#include "quire/base/text.h"
#include "quire/model/cases.h"
#include "quire/model/codebook.h"
#include "quire/model/coding.h"
#include "quire/model/documents.h"
#include "search/search_build_p.h"
#include "search/search_p.h"
#include "store/project_p.h"

namespace quire {

namespace {

/// The terms and values a case's attribute values give its passages.
void add_value_terms(CaseTerms& ct, const std::vector<Attribute>& attrs,
                     const std::map<std::string, Value>& values) {
  for (const auto& a : attrs) {
    auto it = values.find(a.name);
    if (it == values.end())
      continue;
    // Text values as terms; numbers and dates as values only (attr:Age=30
    // is the range 30..30): a term each as well was a third of a survey
    // answer's terms.
    const Value& v = it->second;
    if (v.type == AttrType::Number || v.type == AttrType::Date) {
      ct.values.emplace_back(attribute_slot(a.id), slot_value(v));
    } else {
      ct.terms.push_back(make_term(term::attribute, a.name + "=" + v.display()));
    }
  }
}

} // namespace

IndexFacts load_index_facts(const Project& p) {
  IndexFacts f;
  for (auto& c : list_codes(p))
    f.code_parent[c.id] = c.parent_id;
  // Each case's terms and values once, not once per passage of the case
  // (folding case is most of the reading's cost).
  for (auto& c : list_cases(p))
    f.cases[c.id].terms.push_back(make_term(term::case_, c.name));
  auto attrs = list_attributes(p);
  for (auto& [cid, values] : all_case_attributes(p))
    add_value_terms(f.cases[cid], attrs, values);
  for (auto& q : list_questions(p))
    f.question_term[q.id] = make_term(term::question, q.name);
  return f;
}

namespace {

/// The code (with ancestors) and coder terms of each passage (sorted by
/// start; any of a document's passages, or some of them). coder_term(c)
/// gives coding c's coder term.
template <class Passages, class Codings, class CoderTerm>
std::vector<std::set<std::string>>
coding_terms(const Passages& passages, const Codings& codings,
             const std::unordered_map<Id, std::optional<Id>>& code_parent, CoderTerm coder_term) {
  std::vector<std::set<std::string>> out(passages.size());
  // reach[i]: the furthest end of passages[0..i] (passages are sorted by
  // start and may nest): walking back from a coding's end stops where no
  // earlier passage reaches its start.
  std::vector<std::int64_t> reach(passages.size());
  for (std::size_t i = 0; i < passages.size(); ++i)
    reach[i] = std::max(passages[i].end, i ? reach[i - 1] : passages[i].end);
  for (const auto& c : codings) {
    auto it = std::upper_bound(passages.begin(), passages.end(), c.end,
                               [](std::int64_t v, const auto& p) { return v <= p.start; });
    for (auto i = static_cast<std::size_t>(it - passages.begin()); i > 0;) {
      --i;
      if (reach[i] <= c.start)
        break;
      if (passages[i].end <= c.start)
        continue;
      auto& terms = out[i];
      for (std::optional<Id> code = c.code_id; code;) {
        terms.insert(term::code + std::to_string(*code));
        auto parent = code_parent.find(*code);
        code = parent == code_parent.end() ? std::nullopt : parent->second;
      }
      terms.insert(coder_term(c));
    }
  }
  return out;
}

/// The code and coder terms of each passage of a document, from its codings.
std::vector<std::set<std::string>>
coding_terms(const std::vector<Passage>& passages, const std::vector<Coding>& codings,
             const std::unordered_map<Id, std::optional<Id>>& code_parent) {
  std::unordered_map<std::string, std::string> coder_term; // folding case once per coder
  return coding_terms(passages, codings, code_parent, [&](const Coding& c) -> const std::string& {
    auto& t = coder_term[c.coder];
    if (t.empty())
      t = make_term(term::coder, c.coder);
    return t;
  });
}

/// A passage or a coding as refreshing code terms needs it: where it is.
struct Span {
  Id id = 0;
  std::int64_t start = 0, end = 0;
  Id code_id = 0, coder_id = 0; ///< a coding's
};

} // namespace

bool collect_items(const Project& p, const IndexFacts& facts, Id doc_id,
                   std::vector<IndexItem>& out) {
  Document d;
  try {
    d = get_document(p, doc_id);
  } catch (const NotFoundError&) {
    return false;
  }
  auto text = document_text(p, doc_id);
  CodePointIndex idx(text);
  auto passages = list_passages(p, doc_id);
  auto coded = coding_terms(passages, document_codings(p, doc_id), facts.code_parent);
  const auto doc_name = make_term(term::doc_name, d.name);
  const auto kind = make_term(term::kind, d.kind);
  std::unordered_map<std::string, std::string> speaker_terms;
  for (std::size_t pi = 0; pi < passages.size(); ++pi) {
    const auto& ps = passages[pi];
    IndexItem it;
    it.id = static_cast<Xapian::docid>(ps.id);
    it.text = std::string(idx.slice(ps.start, ps.end));
    it.terms.push_back(term::document + std::to_string(doc_id));
    it.terms.push_back(doc_name);
    it.terms.push_back(kind);
    auto case_id = ps.case_id ? ps.case_id : d.case_id;
    if (case_id) {
      if (auto c = facts.cases.find(*case_id); c != facts.cases.end()) {
        it.terms.insert(it.terms.end(), c->second.terms.begin(), c->second.terms.end());
        it.values = c->second.values;
      }
    }
    if (!ps.speaker.empty()) {
      auto& t = speaker_terms[ps.speaker];
      if (t.empty())
        t = make_term(term::speaker, ps.speaker);
      it.terms.push_back(t);
    }
    if (ps.question_id) {
      auto q = facts.question_term.find(*ps.question_id);
      it.terms.push_back(q == facts.question_term.end() ? term::question : q->second);
    }
    it.terms.insert(it.terms.end(), coded[pi].begin(), coded[pi].end());
    out.push_back(std::move(it));
  }
  return true;
}

Xapian::TermGenerator index_term_generator() {
  Xapian::TermGenerator tg;
  // Words as written, with positions; their other forms are found through
  // the synonym table (add_word_forms), not indexed as stemmed terms.
  tg.set_stemming_strategy(Xapian::TermGenerator::STEM_NONE);
  tg.set_flags(Xapian::TermGenerator::FLAG_CJK_NGRAM);
  return tg;
}

void write_item(Xapian::TermGenerator& tg, Xapian::WritableDatabase& db, const IndexItem& it,
                SpellingCounts& words) {
  Xapian::Document xd;
  tg.set_document(xd);
  tg.index_text(it.text);
  // The words of the text (terms without a prefix; prefixes are capitals),
  // each as often as it occurs: FLAG_SPELLING would add the same.
  for (auto t = xd.termlist_begin(); t != xd.termlist_end(); ++t) {
    const auto& s = *t;
    if (!s.empty() && !(s[0] >= 'A' && s[0] <= 'Z'))
      words[s] += t.get_wdf();
  }
  for (const auto& t : it.terms)
    xd.add_boolean_term(t);
  for (const auto& [slot, v] : it.values)
    xd.add_value(slot, v);
  db.replace_document(it.id, xd);
}

void add_words(Xapian::WritableDatabase& db, const SpellingCounts& words,
               const Xapian::Stem& stem) {
  for (const auto& [word, freq] : words) {
    db.add_spelling(word, freq);
    db.add_synonym(word_forms_key(stem(word)), word); // a set: adding twice is once
  }
}

std::string word_forms_key(const std::string& stem) {
  return "Z" + stem;
}

std::string stem_language(const std::string& language) {
  try {
    Xapian::Stem check(language);
    return language;
  } catch (const Xapian::InvalidArgumentError&) {
    return "none";
  }
}

void SearchIndex::Impl::index_documents(const std::vector<Id>& docs, Progress& progress) {
  auto facts = load_index_facts(project);
  code_parent = facts.code_parent;
  auto tg = index_term_generator();
  SpellingCounts words;
  std::int64_t done = 0;
  std::vector<IndexItem> items;
  for (Id doc_id : docs) {
    progress.update(done++, static_cast<std::int64_t>(docs.size()));
    progress.check();
    db->delete_document(term::document + std::to_string(doc_id));
    items.clear();
    collect_items(project, facts, doc_id, items);
    for (const auto& it : items)
      write_item(tg, *db, it, words);
  }
  add_words(*db, words, stemmer());
}

void SearchIndex::Impl::refresh_codings(const std::vector<Id>& docs, const std::set<Id>* changed) {
  code_parent.clear();
  for (auto& c : list_codes(project))
    code_parent[c.id] = c.parent_id;
  auto& sql = detail::db(project);
  // The changed codings as they are now, by document. When every one is
  // still there, only the passages under them, or indexed with their codes
  // (a coding trimmed away), can have other terms now: only those are
  // looked at, against only the codings that reach them.
  std::map<Id, std::vector<Span>> changed_in;
  bool all_there = false;
  if (changed && !changed->empty()) {
    auto s = sql.prepare("SELECT document_id, start, end, code_id FROM coding WHERE id = ?");
    std::size_t found = 0;
    for (Id id : *changed) {
      s.bind(1, id);
      if (s.step()) {
        ++found;
        changed_in[s.i64(0)].push_back({id, s.i64(1), s.i64(2), s.i64(3), 0});
      }
      s.reset();
    }
    all_there = found == changed->size();
  }
  std::unordered_map<Id, std::string> coder_terms;
  auto coder_term = [&](const Span& c) -> const std::string& {
    auto& t = coder_terms[c.coder_id];
    if (t.empty()) {
      auto s = sql.prepare("SELECT name FROM coder WHERE id = ?");
      s.bind(1, c.coder_id);
      t = make_term(term::coder, s.step() ? s.str(0) : std::string());
    }
    return t;
  };
  for (Id doc_id : docs) {
    std::vector<Span> passages;
    {
      auto s = sql.prepare("SELECT id, start, end FROM passage WHERE document_id = ? "
                           "ORDER BY start, id");
      s.bind(1, doc_id);
      while (s.step())
        passages.push_back({s.i64(0), s.i64(1), s.i64(2), 0, 0});
    }
    auto under = changed_in.find(doc_id);
    const bool narrow = all_there && under != changed_in.end();
    // The passages whose terms may change (sorted by start): in the index
    // with a changed coding's code, or under a changed coding now; without
    // the changed codings, every passage coded now or in the index.
    std::set<Xapian::docid> was_coded;
    if (narrow) {
      std::set<Id> codes;
      for (const auto& c : under->second)
        codes.insert(c.code_id);
      for (Id code : codes) {
        auto t = term::code + std::to_string(code);
        for (auto it = db->postlist_begin(t); it != db->postlist_end(t); ++it)
          was_coded.insert(*it);
      }
    } else {
      Xapian::Enquire e(*db);
      e.set_weighting_scheme(Xapian::BoolWeight());
      e.set_query(Xapian::Query(Xapian::Query::OP_FILTER,
                                Xapian::Query(term::document + std::to_string(doc_id)),
                                Xapian::Query(Xapian::Query::OP_WILDCARD, term::code)));
      auto m = e.get_mset(0, db->get_doccount());
      for (auto it = m.begin(); it != m.end(); ++it)
        was_coded.insert(*it);
    }
    std::vector<Span> looked_at;
    if (narrow) {
      for (const auto& ps : passages) {
        if (was_coded.count(static_cast<Xapian::docid>(ps.id)) ||
            std::any_of(under->second.begin(), under->second.end(),
                        [&](const Span& c) { return c.start < ps.end && ps.start < c.end; }))
          looked_at.push_back(ps);
      }
    } else {
      looked_at = passages; // those coded now are found below
    }
    if (looked_at.empty())
      continue;
    // The codings that reach the passages looked at.
    std::int64_t from = looked_at.front().start, to = looked_at.front().end;
    for (const auto& ps : looked_at) {
      from = std::min(from, ps.start);
      to = std::max(to, ps.end);
    }
    std::vector<Span> codings;
    {
      auto s = sql.prepare("SELECT start, end, code_id, coder_id FROM coding "
                           "WHERE document_id = ? AND start < ? AND end > ?");
      s.bind(1, doc_id).bind(2, to).bind(3, from);
      while (s.step())
        codings.push_back({0, s.i64(0), s.i64(1), s.i64(2), s.i64(3)});
    }
    auto wanted = coding_terms(looked_at, codings, code_parent, coder_term);
    for (std::size_t pi = 0; pi < looked_at.size(); ++pi) {
      auto id = static_cast<Xapian::docid>(looked_at[pi].id);
      if (!narrow && wanted[pi].empty() && !was_coded.count(id))
        continue; // coded neither now nor in the index
      Xapian::Document xd;
      try {
        xd = db->get_document(id);
      } catch (const Xapian::DocNotFoundError&) {
        index_documents({doc_id}, no_progress()); // not indexed yet: index it all
        break;
      }
      // Only the code and coder terms: skip to each prefix rather than
      // walk every word of the passage.
      std::set<std::string> have;
      for (const std::string* prefix : {&term::code, &term::coder}) {
        auto t = xd.termlist_begin();
        for (t.skip_to(*prefix); t != xd.termlist_end(); ++t) {
          auto s = *t;
          if (s.compare(0, prefix->size(), *prefix) != 0)
            break;
          have.insert(std::move(s));
        }
      }
      if (have == wanted[pi])
        continue;
      for (const auto& t : have)
        xd.remove_term(t);
      for (const auto& t : wanted[pi])
        xd.add_boolean_term(t);
      db->replace_document(id, xd);
    }
  }
}

void SearchIndex::Impl::refresh_cases(const std::set<Id>& cases, const std::set<Id>* reindexed) {
  const auto attrs = list_attributes(project);
  auto& d = detail::db(project);
  auto own = d.prepare("SELECT id, document_id FROM passage WHERE case_id = ?");
  auto docs = d.prepare("SELECT id FROM document WHERE case_id = ?");
  auto in_doc = d.prepare("SELECT id FROM passage WHERE document_id = ? AND case_id IS NULL");
  for (Id cid : cases) {
    Case c;
    try {
      c = get_case(project, cid);
    } catch (const NotFoundError&) {
      continue; // deleted: its passages were unlinked, and re-indexed as such
    }
    CaseTerms ct;
    ct.terms.push_back(make_term(term::case_, c.name));
    add_value_terms(ct, attrs, case_attributes(project, cid));
    // Its passages: those linked to it, and those of its documents linked
    // to no case of their own.
    std::vector<Xapian::docid> passages;
    own.bind(1, cid);
    while (own.step()) {
      if (!reindexed || !reindexed->count(own.i64(1)))
        passages.push_back(static_cast<Xapian::docid>(own.i64(0)));
    }
    own.reset();
    docs.bind(1, cid);
    while (docs.step()) {
      if (reindexed && reindexed->count(docs.i64(0)))
        continue;
      in_doc.bind(1, docs.i64(0));
      while (in_doc.step())
        passages.push_back(static_cast<Xapian::docid>(in_doc.i64(0)));
      in_doc.reset();
    }
    docs.reset();
    for (auto id : passages) {
      Xapian::Document xd;
      try {
        xd = db->get_document(id);
      } catch (const Xapian::DocNotFoundError&) {
        continue; // not indexed yet: indexed whole with its document
      }
      std::vector<std::string> old;
      for (const std::string* prefix : {&term::case_, &term::attribute}) {
        auto t = xd.termlist_begin();
        for (t.skip_to(*prefix); t != xd.termlist_end(); ++t) {
          auto s = *t;
          if (s.compare(0, prefix->size(), *prefix) != 0)
            break;
          old.push_back(std::move(s));
        }
      }
      std::vector<Xapian::valueno> slots;
      for (auto v = xd.values_begin(); v != xd.values_end(); ++v) {
        if (v.get_valueno() >= attribute_slot(0))
          slots.push_back(v.get_valueno());
      }
      for (const auto& t : old)
        xd.remove_term(t);
      for (auto slot : slots)
        xd.remove_value(slot);
      for (const auto& t : ct.terms)
        xd.add_boolean_term(t);
      for (const auto& [slot, v] : ct.values)
        xd.add_value(slot, v);
      db->replace_document(id, xd);
    }
  }
}

} // namespace quire
