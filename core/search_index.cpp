// Building the search index and keeping it in sync with the project.
#include <unistd.h>

#include <algorithm>
#include <map>
#include <unordered_map>

#include "cases.h"
#include "codebook.h"
#include "documents.h"
#include "error.h"
#include "project_p.h"
#include "search_build_p.h"
#include "search_p.h"
#include "text.h"

namespace fs = std::filesystem;

namespace quire {

namespace {

/// What the index holds, and how: an index written otherwise is rebuilt.
/// 2: words as written, their stems' forms in the synonym table.
const std::string index_format = "2";

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
  return Xapian::Stem(stem_language(language));
}

void SearchIndex::Impl::stamp() {
  changing();
  db->set_metadata("quire_boot", boot_id());
  db->set_metadata("quire_generation", std::to_string(project.generation()));
  db->set_metadata("quire_project", project.guid());
  db->set_metadata("quire_language", language);
  db->set_metadata("quire_index_format", index_format);
  db->commit();
}

fs::path SearchIndex::folder_for(const fs::path& project_file) {
  return fs::path(project_file.string() + ".index");
}

SearchIndex::SearchIndex(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}

SearchIndex::~SearchIndex() {
  if (m_impl && m_impl->listener) {
    m_impl->project.unsubscribe(m_impl->listener);
  }
  if (m_impl && m_impl->temporary) {
    m_impl->db.reset();
    std::error_code ec;
    fs::remove_all(m_impl->folder, ec);
    return;
  }
  if (m_impl && m_impl->db && m_impl->changed) {
    try {
      auto generation = m_impl->db->get_metadata("quire_generation");
      m_impl->db->close();
      index_synced(m_impl->folder, generation);
    } catch (const Xapian::Error&) {
      // Not marked as synced: checked (and rebuilt if need be) on the next open.
    }
  }
}

void SearchIndex::Impl::open_db() {
  db = std::make_unique<Xapian::WritableDatabase>(
      folder.string(), Xapian::DB_CREATE_OR_OPEN | (boot_id().empty() ? 0 : Xapian::DB_NO_SYNC));
}

void SearchIndex::Impl::changing() {
  if (!changed) {
    index_changing(folder);
    changed = true;
  }
}

std::unique_ptr<SearchIndex> SearchIndex::open(Project& p, Progress& progress) {
  auto impl = std::make_unique<Impl>(p);
  impl->folder = folder_for(p.path());
  if (p.read_only()) {
    // A read-only copy (a CD, a share, a folder of someone else) can still
    // be searched: where its index cannot be written, one is built in a
    // temporary folder for as long as the project is open.
    std::error_code ec;
    const bool exists = fs::exists(impl->folder, ec);
    const auto where = exists ? impl->folder : p.path().parent_path();
    if (::access(where.empty() ? "." : where.c_str(), W_OK) != 0) {
      impl->temporary = true;
      impl->folder = fs::temp_directory_path() /
                     ("quire-index-" + std::to_string(::getpid()) + "-" + new_guid());
    }
  }
  impl->language = p.setting("language", "english");
  bool rebuild = false;
  for (int attempt = 0; attempt < 2 && !impl->db; ++attempt) {
    try {
      impl->open_db();
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
      db.get_metadata("quire_language") != impl->language ||
      db.get_metadata("quire_index_format") != index_format ||
      !index_on_disk(impl->folder, db.get_metadata("quire_generation"),
                     db.get_metadata("quire_boot"))) {
    rebuild = true;
  }
  auto index = std::unique_ptr<SearchIndex>(new SearchIndex(std::move(impl)));
  if (rebuild) {
    index->rebuild(progress);
  }
  auto* raw = index->m_impl.get();
  raw->codes_moved(); // notes each code's parent, to see a code move later
  raw->listener = p.subscribe([raw](const ChangeSet& c) { raw->follow(c); });
  return index;
}

bool SearchIndex::Impl::most_passages_in(const std::vector<Id>& docs) const {
  if (docs.size() < 2)
    return false;
  std::int64_t in_docs = 0, all = 0;
  auto& d = detail::db(project);
  auto count = d.prepare("SELECT count(*) FROM passage WHERE document_id = ?");
  for (Id id : docs) {
    count.bind(1, id);
    if (count.step())
      in_docs += count.i64(0);
    count.reset();
  }
  auto total = d.prepare("SELECT count(*) FROM passage");
  if (total.step())
    all = total.i64(0);
  // Re-indexing them one by one costs about twice as much per passage as
  // a build on two cores.
  return in_docs >= 2000 && 2 * in_docs >= all;
}

void SearchIndex::Impl::follow(const ChangeSet& c) {
  changing();
  // These change the terms of passages anywhere: build the index again.
  static const char* const global[] = {"case_", "case_value", "attribute", "question"};
  bool all = std::any_of(std::begin(global), std::end(global),
                         [&](const char* t) { return c.tables.count(t) > 0; });
  if (c.tables.count("setting") && project.setting("language", "english") != language) {
    language = project.setting("language", "english");
    all = true;
  }
  if (all) {
    build_all(no_progress());
    return;
  }
  std::vector<Id> docs(c.documents.begin(), c.documents.end());
  bool text = c.tables.count("document") > 0 || c.tables.count("passage") > 0;
  if (text && most_passages_in(docs)) {
    build_all(no_progress()); // a big import: faster on every core
    return;
  }
  bool moved = c.tables.count("code") > 0 && codes_moved();
  if (text) {
    index_documents(docs, no_progress()); // text, passages or names changed
  }
  if (moved) {
    // A code has a new parent: coded passages anywhere may have other ancestors.
    docs.clear();
    for (auto& d : list_documents(project))
      docs.push_back(d.id);
    refresh_codings(docs);
  } else if (!text && !docs.empty()) {
    refresh_codings(docs, c.codings.empty() ? nullptr : &c.codings); // terms, not the text
  } else if (!text) {
    stamp();
  }
}

void SearchIndex::rebuild(Progress& progress) {
  progress.message("Indexing passages for search");
  m_impl->build_all(progress);
}

std::int64_t SearchIndex::size() const {
  return m_impl->db->get_doccount();
}

} // namespace quire
