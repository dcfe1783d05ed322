// Building the search index: the terms of each passage, the whole index built
// on both cores (two shards indexed in parallel, then compacted into one
// database with the passage ids as document ids), re-indexing some documents,
// and refreshing only the code and coder terms after a coding action.
#include <algorithm>
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <set>
#include <thread>
#include <unordered_map>
#include <utility>

#include "cases.h"
#include "codebook.h"
#include "documents.h"
#include "error.h"
#include "project_p.h"
#include "search_p.h"
#include "text.h"

namespace fs = std::filesystem;

namespace quire {

namespace {

/// What the index holds about one passage, gathered from the project.
struct Item {
  Xapian::docid id = 0;
  std::string text;
  std::vector<std::string> terms; ///< boolean filter terms
  std::vector<std::pair<Xapian::valueno, std::string>> values;
};

struct Facts {
  std::unordered_map<Id, std::optional<Id>> code_parent;
  std::unordered_map<Id, std::string> case_name;
  std::unordered_map<Id, std::vector<std::pair<Attribute, Value>>> case_values;
  std::unordered_map<Id, std::string> question_name;
};

Facts load_facts(const Project& p) {
  Facts f;
  for (auto& c : list_codes(p))
    f.code_parent[c.id] = c.parent_id;
  for (auto& c : list_cases(p))
    f.case_name[c.id] = c.name;
  auto attrs = list_attributes(p);
  for (auto& [cid, values] : all_case_attributes(p)) {
    for (auto& a : attrs) {
      if (auto it = values.find(a.name); it != values.end())
        f.case_values[cid].emplace_back(a, it->second);
    }
  }
  for (auto& q : list_questions(p))
    f.question_name[q.id] = q.name;
  return f;
}

struct DocCoding {
  Id code;
  std::int64_t start, end;
  std::string coder;
  Id id = 0;
};

std::vector<DocCoding> codings_of(const Project& p, Id doc_id) {
  std::vector<DocCoding> out;
  auto s = detail::db(p).prepare(
      "SELECT c.code_id, c.start, c.end, k.name, c.id FROM coding c JOIN "
      "coder k ON k.id = c.coder_id WHERE c.document_id = ? ORDER BY c.start");
  s.bind(1, doc_id);
  while (s.step())
    out.push_back({s.i64(0), s.i64(1), s.i64(2), s.str(3), s.i64(4)});
  return out;
}

/// The code (with ancestors) and coder terms of each passage (sorted by start).
std::vector<std::set<std::string>>
coding_terms(const std::vector<Passage>& passages, const std::vector<DocCoding>& codings,
             const std::unordered_map<Id, std::optional<Id>>& code_parent) {
  std::vector<std::set<std::string>> out(passages.size());
  for (const auto& c : codings) {
    auto it = std::upper_bound(passages.begin(), passages.end(), c.end,
                               [](std::int64_t v, const Passage& p) { return v <= p.start; });
    for (auto p = it; p != passages.begin();) {
      --p;
      if (p->end <= c.start) {
        if (p->start + 100000 < c.start)
          break; // passages do not nest deeply
        continue;
      }
      auto& terms = out[static_cast<std::size_t>(p - passages.begin())];
      for (std::optional<Id> code = c.code; code;) {
        terms.insert(term::code + std::to_string(*code));
        auto parent = code_parent.find(*code);
        code = parent == code_parent.end() ? std::nullopt : parent->second;
      }
      terms.insert(make_term(term::coder, c.coder));
    }
  }
  return out;
}

/// Every passage of one document as index items; false when it is gone.
bool collect(const Project& p, const Facts& facts, Id doc_id, std::vector<Item>& out) {
  Document d;
  try {
    d = get_document(p, doc_id);
  } catch (const NotFoundError&) {
    return false;
  }
  auto text = document_text(p, doc_id);
  CodePointIndex idx(text);
  auto passages = list_passages(p, doc_id);
  auto coded = coding_terms(passages, codings_of(p, doc_id), facts.code_parent);
  for (std::size_t pi = 0; pi < passages.size(); ++pi) {
    const auto& ps = passages[pi];
    Item it;
    it.id = static_cast<Xapian::docid>(ps.id);
    it.text = std::string(idx.slice(ps.start, ps.end));
    it.terms.push_back(term::passage + std::to_string(ps.id));
    it.terms.push_back(term::document + std::to_string(doc_id));
    it.terms.push_back(make_term(term::doc_name, d.name));
    it.terms.push_back(make_term(term::kind, d.kind));
    auto case_id = ps.case_id ? ps.case_id : d.case_id;
    if (case_id) {
      if (auto c = facts.case_name.find(*case_id); c != facts.case_name.end())
        it.terms.push_back(make_term(term::case_, c->second));
      if (auto vs = facts.case_values.find(*case_id); vs != facts.case_values.end()) {
        for (auto& [a, v] : vs->second) {
          it.terms.push_back(make_term(term::attribute, a.name + "=" + v.display()));
          if (v.type == AttrType::Number) {
            it.values.emplace_back(attribute_slot(a.id), Xapian::sortable_serialise(v.number));
          } else if (v.type == AttrType::Date) {
            it.values.emplace_back(attribute_slot(a.id), v.text);
          }
        }
      }
    }
    if (!ps.speaker.empty())
      it.terms.push_back(make_term(term::speaker, ps.speaker));
    if (ps.question_id) {
      auto q = facts.question_name.find(*ps.question_id);
      it.terms.push_back(
          make_term(term::question, q == facts.question_name.end() ? std::string() : q->second));
    }
    it.terms.insert(it.terms.end(), coded[pi].begin(), coded[pi].end());
    out.push_back(std::move(it));
  }
  return true;
}

/// A term generator as every path of the index sets it up; with db, it adds
/// each word to db's spelling table as it goes.
Xapian::TermGenerator term_generator(const Xapian::Stem& stem, Xapian::WritableDatabase* db) {
  Xapian::TermGenerator tg;
  tg.set_stemmer(stem);
  tg.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
  if (db) {
    tg.set_database(*db);
    tg.set_flags(Xapian::TermGenerator::FLAG_SPELLING | Xapian::TermGenerator::FLAG_CJK_NGRAM);
  } else {
    tg.set_flags(Xapian::TermGenerator::FLAG_CJK_NGRAM);
  }
  return tg;
}

/// Writes one passage. With spelling, its words are counted there (to be
/// added to the spelling table at the end, once per word) instead.
void write_item(Xapian::TermGenerator& tg, Xapian::WritableDatabase& db, const Item& it,
                std::unordered_map<std::string, Xapian::termcount>* spelling = nullptr) {
  Xapian::Document xd;
  tg.set_document(xd);
  tg.index_text(it.text);
  if (spelling) {
    // The words FLAG_SPELLING would add, as often: the unprefixed terms
    // (prefixes are capitals), each as many times as it occurs.
    for (auto t = xd.termlist_begin(); t != xd.termlist_end(); ++t) {
      const auto& s = *t;
      if (!s.empty() && !(s[0] >= 'A' && s[0] <= 'Z'))
        (*spelling)[s] += t.get_wdf();
    }
  }
  for (const auto& t : it.terms)
    xd.add_boolean_term(t);
  for (const auto& [slot, v] : it.values)
    xd.add_value(slot, v);
  db.replace_document(it.id, xd);
}

/// One shard of a parallel build: its own database, written by its own thread
/// from batches of items.
class Shard {
public:
  /// language: a name Xapian::Stem accepts. Each thread makes its own
  /// stemmer (Xapian objects are not shared between threads).
  Shard(const fs::path& folder, const std::string& language)
      : m_db(folder.string(), Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_NO_SYNC),
        m_language(language) {
    m_thread = std::thread([this] { run(); });
  }
  ~Shard() {
    if (m_thread.joinable()) {
      {
        std::lock_guard l(m_mutex);
        m_closed = m_abort = true;
      }
      m_cv.notify_all();
      m_thread.join();
    }
  }
  void push(std::vector<Item>&& batch) {
    std::unique_lock l(m_mutex);
    // A deep queue: on a busy machine the reader and the writers are not
    // scheduled together, and a writer should not starve meanwhile.
    m_cv.wait(l, [&] { return m_queue.size() < 32 || m_error; });
    if (m_error)
      return; // reported by finish()
    m_queue.push_back(std::move(batch));
    m_cv.notify_all();
  }
  /// Waits for the thread to write and commit everything; rethrows its error.
  void finish() {
    {
      std::lock_guard l(m_mutex);
      m_closed = true;
    }
    m_cv.notify_all();
    m_thread.join();
    if (m_error)
      std::rethrow_exception(m_error);
  }
  Xapian::doccount size() const { return m_db.get_doccount(); }
  void close() { m_db.close(); }

private:
  void run() {
    try {
      // Spelling words counted here and added once each: far fewer updates
      // of the spelling table than one per word occurrence.
      auto tg = term_generator(Xapian::Stem(m_language), nullptr);
      std::unordered_map<std::string, Xapian::termcount> spelling;
      for (;;) {
        std::vector<Item> batch;
        {
          std::unique_lock l(m_mutex);
          m_cv.wait(l, [&] { return !m_queue.empty() || m_closed; });
          if (m_abort || m_queue.empty())
            break;
          batch = std::move(m_queue.front());
          m_queue.pop_front();
        }
        m_cv.notify_all();
        for (const auto& it : batch)
          write_item(tg, m_db, it, &spelling);
      }
      for (const auto& [word, freq] : spelling)
        m_db.add_spelling(word, freq);
      if (!m_abort)
        m_db.commit();
    } catch (...) {
      std::lock_guard l(m_mutex);
      m_error = std::current_exception();
      m_cv.notify_all();
    }
  }

  Xapian::WritableDatabase m_db;
  std::string m_language;
  std::thread m_thread;
  std::mutex m_mutex;
  std::condition_variable m_cv;
  std::deque<std::vector<Item>> m_queue;
  bool m_closed = false, m_abort = false;
  std::exception_ptr m_error;
};

fs::path shard_folder(const fs::path& folder, int i) {
  return fs::path(folder.string() + ".part" + std::to_string(i));
}

} // namespace

void SearchIndex::Impl::index_documents(const std::vector<Id>& docs, Progress& progress) {
  auto facts = load_facts(project);
  code_parent = facts.code_parent;
  auto tg = term_generator(stemmer(), db.get());
  std::int64_t done = 0;
  std::vector<Item> items;
  for (Id doc_id : docs) {
    progress.update(done++, static_cast<std::int64_t>(docs.size()));
    progress.check();
    db->delete_document(term::document + std::to_string(doc_id));
    items.clear();
    collect(project, facts, doc_id, items);
    for (const auto& it : items)
      write_item(tg, *db, it);
  }
  stamp();
}

void SearchIndex::Impl::build_all(Progress& progress) {
  if (db) {
    db->close();
    db.reset();
  }
  std::error_code ec;
  fs::remove_all(folder, ec);
  for (int i = 0; i < 2; ++i)
    fs::remove_all(shard_folder(folder, i), ec);
  auto facts = load_facts(project);
  code_parent = facts.code_parent;
  std::vector<Id> docs;
  for (auto& d : list_documents(project))
    docs.push_back(d.id);
  // Passages up to the median id go to the first shard, so the shards' id
  // ranges do not overlap and compaction can keep the ids.
  Id split = 0;
  {
    auto s = detail::db(project).prepare(
        "SELECT id FROM passage ORDER BY id LIMIT 1 OFFSET (SELECT count(*) / 2 FROM passage)");
    if (s.step())
      split = s.i64(0);
  }
  try {
    // The stemmer's language, or "none" when Xapian has no stemmer for it.
    std::string stem_language = language;
    try {
      Xapian::Stem check(stem_language);
    } catch (const Xapian::InvalidArgumentError&) {
      stem_language = "none";
    }
    std::vector<std::unique_ptr<Shard>> shards;
    for (int i = 0; i < 2; ++i)
      shards.push_back(std::make_unique<Shard>(shard_folder(folder, i), stem_language));
    std::vector<Item> items, batch[2];
    std::int64_t done = 0;
    for (Id doc_id : docs) {
      progress.update(done++, static_cast<std::int64_t>(docs.size()));
      progress.check();
      items.clear();
      collect(project, facts, doc_id, items);
      for (auto& it : items) {
        auto& b = batch[static_cast<Id>(it.id) <= split ? 0 : 1];
        b.push_back(std::move(it));
        if (b.size() >= 256)
          shards[static_cast<std::size_t>(&b - batch)]->push(std::exchange(b, {}));
      }
    }
    for (int i = 0; i < 2; ++i) {
      if (!batch[i].empty())
        shards[static_cast<std::size_t>(i)]->push(std::move(batch[i]));
    }
    Xapian::Database parts;
    for (int i = 0; i < 2; ++i) {
      shards[static_cast<std::size_t>(i)]->finish();
      if (shards[static_cast<std::size_t>(i)]->size() > 0)
        parts.add_database(Xapian::Database(shard_folder(folder, i).string()));
    }
    if (parts.size() > 0)
      parts.compact(folder.string(), Xapian::DBCOMPACT_NO_RENUMBER);
    parts.close();
    for (auto& s : shards)
      s->close();
    shards.clear();
  } catch (...) {
    // Cancelled or failed: leave an empty, unstamped index (rebuilt on the
    // next open) rather than none.
    for (int i = 0; i < 2; ++i)
      fs::remove_all(shard_folder(folder, i), ec);
    fs::remove_all(folder, ec);
    db = std::make_unique<Xapian::WritableDatabase>(folder.string(), Xapian::DB_CREATE_OR_OPEN);
    throw;
  }
  for (int i = 0; i < 2; ++i)
    fs::remove_all(shard_folder(folder, i), ec);
  db = std::make_unique<Xapian::WritableDatabase>(folder.string(), Xapian::DB_CREATE_OR_OPEN);
  stamp();
}

void SearchIndex::Impl::refresh_codings(const std::vector<Id>& docs, const std::set<Id>* changed) {
  code_parent.clear();
  for (auto& c : list_codes(project))
    code_parent[c.id] = c.parent_id;
  for (Id doc_id : docs) {
    auto passages = list_passages(project, doc_id);
    auto codings = codings_of(project, doc_id);
    auto wanted = coding_terms(passages, codings, code_parent);
    // Only passages coded now or coded as the index has it can change. When
    // every changed coding is still there, only those under the changed
    // codings, or indexed with their codes (a coding trimmed away), can.
    std::set<Xapian::docid> was_coded;
    std::size_t found = 0;
    std::set<Id> codes;
    std::vector<std::pair<std::int64_t, std::int64_t>> under;
    if (changed) {
      for (const auto& c : codings) {
        if (changed->count(c.id)) {
          ++found;
          codes.insert(c.code);
          under.emplace_back(c.start, c.end);
        }
      }
    }
    const bool narrow = changed && found > 0 && found == changed->size();
    if (narrow) {
      std::set<Xapian::docid> in_doc;
      for (const auto& ps : passages)
        in_doc.insert(static_cast<Xapian::docid>(ps.id));
      for (Id code : codes) {
        auto t = term::code + std::to_string(code);
        for (auto it = db->postlist_begin(t); it != db->postlist_end(t); ++it)
          if (in_doc.count(*it))
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
    for (std::size_t pi = 0; pi < passages.size(); ++pi) {
      auto id = static_cast<Xapian::docid>(passages[pi].id);
      const auto& ps = passages[pi];
      bool candidate = narrow ? was_coded.count(id) > 0 ||
                                    std::any_of(under.begin(), under.end(),
                                                [&](const auto& r) {
                                                  return r.first < ps.end && ps.start < r.second;
                                                })
                              : !wanted[pi].empty() || was_coded.count(id) > 0;
      if (!candidate)
        continue;
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
  stamp();
}

bool SearchIndex::Impl::codes_moved() {
  bool moved = false;
  std::unordered_map<Id, std::optional<Id>> now;
  for (auto& c : list_codes(project)) {
    auto it = code_parent.find(c.id);
    moved = moved || (it != code_parent.end() && it->second != c.parent_id);
    now[c.id] = c.parent_id;
  }
  code_parent = std::move(now);
  return moved;
}

} // namespace quire
