// Building the search index and keeping it in sync with the project.
#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

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

struct ProjectFacts {
  std::unordered_map<Id, std::optional<Id>> code_parent;
  std::unordered_map<Id, std::string> case_name;
  std::unordered_map<Id, std::vector<std::pair<Attribute, Value>>> case_values;
  std::unordered_map<Id, std::string> question_name;
};

ProjectFacts load_facts(const Project& p) {
  ProjectFacts f;
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
  Id id;
};

std::vector<DocCoding> read_codings(detail::Db& sdb, Id doc_id) {
  std::vector<DocCoding> codings;
  auto s = sdb.prepare("SELECT c.code_id, c.start, c.end, k.name, c.id FROM coding c JOIN coder k "
                       "ON k.id = c.coder_id WHERE c.document_id = ? ORDER BY c.start");
  s.bind(1, doc_id);
  while (s.step())
    codings.push_back({s.i64(0), s.i64(1), s.i64(2), s.str(3), s.i64(4)});
  return codings;
}

/// The code terms (each overlapping coding's code and its ancestors) and
/// coder terms of each passage (sorted by start).
std::vector<std::set<std::string>>
coding_terms(const std::vector<Passage>& passages, const std::vector<DocCoding>& codings,
             const std::unordered_map<Id, std::optional<Id>>& code_parent) {
  std::vector<std::set<std::string>> terms(passages.size());
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
      auto& t = terms[static_cast<std::size_t>(p - passages.begin())];
      for (std::optional<Id> code = c.code; code;) {
        t.insert(term::code + std::to_string(*code));
        auto up = code_parent.find(*code);
        code = up == code_parent.end() ? std::nullopt : up->second;
      }
      t.insert(make_term(term::coder, c.coder));
    }
  }
  return terms;
}

} // namespace

std::string make_term(const std::string& prefix, const std::string& value) {
  std::string t = prefix + fold_case(value);
  if (t.size() > 240) {
    t.resize(240);
    while (!t.empty() && (static_cast<unsigned char>(t.back()) & 0xC0) == 0x80)
      t.pop_back();
    if (!t.empty() && static_cast<unsigned char>(t.back()) >= 0xC0)
      t.pop_back();
  }
  return t;
}

Xapian::Stem SearchIndex::Impl::stemmer() const {
  try {
    return Xapian::Stem(language);
  } catch (const Xapian::InvalidArgumentError&) {
    return Xapian::Stem("none");
  }
}

void SearchIndex::Impl::stamp() {
  db->set_metadata("quire_generation", std::to_string(project.generation()));
  db->set_metadata("quire_project", project.guid());
  db->set_metadata("quire_language", language);
  db->commit();
}

void SearchIndex::Impl::index_documents(const std::vector<Id>& only, Progress& progress) {
  auto facts = load_facts(project);
  auto& sdb = detail::db(project);
  std::vector<Id> docs = only;
  if (only.empty()) {
    for (auto& d : list_documents(project))
      docs.push_back(d.id);
  }
  Xapian::TermGenerator tg;
  tg.set_stemmer(stemmer());
  tg.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
  tg.set_database(*db);
  tg.set_flags(Xapian::TermGenerator::FLAG_SPELLING | Xapian::TermGenerator::FLAG_CJK_NGRAM);
  std::int64_t done = 0;
  for (Id doc_id : docs) {
    progress.update(done++, static_cast<std::int64_t>(docs.size()));
    progress.check();
    db->delete_document(term::document + std::to_string(doc_id));
    Document d;
    try {
      d = get_document(project, doc_id);
    } catch (const NotFoundError&) {
      continue; // deleted: its passages are gone from the index
    }
    auto text = document_text(project, doc_id);
    CodePointIndex idx(text);
    auto passages = list_passages(project, doc_id);
    auto terms = coding_terms(passages, read_codings(sdb, doc_id), facts.code_parent);
    for (std::size_t pi = 0; pi < passages.size(); ++pi) {
      const auto& ps = passages[pi];
      Xapian::Document xd;
      tg.set_document(xd);
      tg.index_text(std::string(idx.slice(ps.start, ps.end)));
      xd.add_boolean_term(term::passage + std::to_string(ps.id));
      xd.add_boolean_term(term::document + std::to_string(doc_id));
      xd.add_boolean_term(make_term(term::doc_name, d.name));
      xd.add_boolean_term(make_term(term::kind, d.kind));
      auto case_id = ps.case_id ? ps.case_id : d.case_id;
      if (case_id) {
        xd.add_boolean_term(make_term(term::case_, facts.case_name[*case_id]));
        for (auto& [a, v] : facts.case_values[*case_id]) {
          xd.add_boolean_term(make_term(term::attribute, a.name + "=" + v.display()));
          if (v.type == AttrType::Number) {
            xd.add_value(attribute_slot(a.id), Xapian::sortable_serialise(v.number));
          } else if (v.type == AttrType::Date) {
            xd.add_value(attribute_slot(a.id), v.text);
          }
        }
      }
      if (!ps.speaker.empty())
        xd.add_boolean_term(make_term(term::speaker, ps.speaker));
      if (ps.question_id)
        xd.add_boolean_term(make_term(term::question, facts.question_name[*ps.question_id]));
      for (const auto& t : terms[pi])
        xd.add_boolean_term(t);
      db->replace_document(static_cast<Xapian::docid>(ps.id), xd);
    }
  }
  stamp();
}

void SearchIndex::Impl::update_coding_terms(const std::vector<Id>& documents,
                                            const std::set<Id>& changed) {
  std::unordered_map<Id, std::optional<Id>> code_parent; // all a coding's terms need
  for (auto& c : list_codes(project))
    code_parent[c.id] = c.parent_id;
  auto& sdb = detail::db(project);
  for (Id doc_id : documents) {
    auto passages = list_passages(project, doc_id);
    auto codings = read_codings(sdb, doc_id);
    auto terms = coding_terms(passages, codings, code_parent);
    // The passages a changed coding may have left or reached: those under
    // it now, and those indexed with its code (it may have been trimmed). A
    // deleted coding (undo, merge) may have been anywhere: compare them all.
    std::vector<std::pair<std::int64_t, std::int64_t>> where;
    std::set<Id> here, codes;
    for (const auto& c : codings) {
      if (changed.count(c.id)) {
        where.emplace_back(c.start, c.end);
        here.insert(c.id);
        codes.insert(c.code);
      }
    }
    bool everywhere = changed.empty();
    for (Id id : changed) {
      if (!here.count(id) && !everywhere) {
        auto q = sdb.prepare("SELECT 1 FROM coding WHERE id = ?");
        q.bind(1, id);
        everywhere = !q.step(); // gone (else it is in another document)
      }
    }
    std::set<Xapian::docid> marked;
    if (!everywhere) {
      std::set<Xapian::docid> in_doc;
      for (const auto& ps : passages)
        in_doc.insert(static_cast<Xapian::docid>(ps.id));
      for (Id code : codes) {
        auto t = term::code + std::to_string(code);
        for (auto it = db->postlist_begin(t); it != db->postlist_end(t); ++it)
          if (in_doc.count(*it))
            marked.insert(*it);
      }
    }
    for (std::size_t pi = 0; pi < passages.size(); ++pi) {
      const auto& ps = passages[pi];
      if (!everywhere && !marked.count(static_cast<Xapian::docid>(ps.id)) &&
          std::none_of(where.begin(), where.end(),
                       [&](const auto& r) { return r.first < ps.end && ps.start < r.second; }))
        continue;
      auto id = static_cast<Xapian::docid>(ps.id);
      Xapian::Document xd;
      try {
        xd = db->get_document(id);
      } catch (const Xapian::DocNotFoundError&) {
        index_documents({doc_id}, no_progress()); // not indexed as expected: redo it whole
        break;
      }
      std::set<std::string> old;
      for (const auto* prefix : {&term::code, &term::coder}) {
        auto t = xd.termlist_begin();
        for (t.skip_to(*prefix); t != xd.termlist_end() && (*t).rfind(*prefix, 0) == 0; ++t)
          old.insert(*t);
      }
      if (old == terms[pi])
        continue;
      for (const auto& t : old)
        if (!terms[pi].count(t))
          xd.remove_term(t);
      for (const auto& t : terms[pi])
        if (!old.count(t))
          xd.add_boolean_term(t);
      db->replace_document(id, xd);
    }
  }
  stamp();
}

fs::path SearchIndex::folder_for(const fs::path& project_file) {
  return fs::path(project_file.string() + ".index");
}

SearchIndex::SearchIndex(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}

SearchIndex::~SearchIndex() {
  if (m_impl && m_impl->listener) {
    m_impl->project.unsubscribe(m_impl->listener);
  }
}

std::unique_ptr<SearchIndex> SearchIndex::open(Project& p, Progress& progress) {
  auto impl = std::make_unique<Impl>(p);
  impl->folder = folder_for(p.path());
  impl->language = p.setting("language", "english");
  bool rebuild = false;
  for (int attempt = 0; attempt < 2 && !impl->db; ++attempt) {
    try {
      impl->db = std::make_unique<Xapian::WritableDatabase>(impl->folder.string(),
                                                            Xapian::DB_CREATE_OR_OPEN);
      impl->db->get_doccount();
    } catch (const Xapian::DatabaseLockError&) {
      throw StorageError("the search index of " + p.path().filename().string() +
                         " is in use by another Quire program; close it and try again");
    } catch (const Xapian::Error& e) {
      // Damaged: it is derived data, so start again.
      impl->db.reset();
      std::error_code ec;
      fs::remove_all(impl->folder, ec);
      rebuild = true;
      if (attempt == 1) {
        throw StorageError("the search index cannot be created in " + impl->folder.string() + ": " +
                           e.get_description());
      }
    }
  }
  auto& db = *impl->db;
  if (db.get_metadata("quire_project") != p.guid() ||
      db.get_metadata("quire_generation") != std::to_string(p.generation()) ||
      db.get_metadata("quire_language") != impl->language) {
    rebuild = true;
  }
  auto index = std::unique_ptr<SearchIndex>(new SearchIndex(std::move(impl)));
  if (rebuild) {
    index->rebuild(progress);
  }
  auto* raw = index->m_impl.get();
  raw->listener = p.subscribe([raw](const ChangeSet& c) {
    static const char* const global[] = {"code",      "case_",    "case_value",
                                         "attribute", "question", "coder"};
    bool all = std::any_of(std::begin(global), std::end(global),
                           [&](const char* t) { return c.tables.count(t) > 0; });
    if (c.tables.count("setting") && raw->project.setting("language", "english") != raw->language) {
      raw->language = raw->project.setting("language", "english");
      all = true;
    }
    if (all) {
      raw->db->close();
      raw->db.reset();
      std::error_code ec;
      fs::remove_all(raw->folder, ec);
      raw->db = std::make_unique<Xapian::WritableDatabase>(raw->folder.string(),
                                                           Xapian::DB_CREATE_OR_OPEN);
      raw->index_documents({}, no_progress());
    } else if (!c.documents.empty() &&
               std::all_of(c.tables.begin(), c.tables.end(),
                           [](const std::string& t) { return t == "coding" || t == "memo"; })) {
      // Codings only: the text is as it was; only code and coder terms change.
      raw->update_coding_terms({c.documents.begin(), c.documents.end()}, c.codings);
    } else if (!c.documents.empty()) {
      raw->index_documents({c.documents.begin(), c.documents.end()}, no_progress());
    } else {
      raw->stamp();
    }
  });
  return index;
}

void SearchIndex::rebuild(Progress& progress) {
  progress.message("Indexing passages for search");
  m_impl->db->close();
  m_impl->db.reset();
  std::error_code ec;
  fs::remove_all(m_impl->folder, ec);
  m_impl->db = std::make_unique<Xapian::WritableDatabase>(m_impl->folder.string(),
                                                          Xapian::DB_CREATE_OR_OPEN);
  m_impl->index_documents({}, progress);
}

std::int64_t SearchIndex::size() const {
  return m_impl->db->get_doccount();
}

} // namespace quire
