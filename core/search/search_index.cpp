// Opening the search index, keeping it up to date with the project, and
// sharing it with other programs on the project.
//
// The index stores the project generation it reflects. Before a search,
// after each action, undo and redo (ours or, through the change journal,
// another program's) and on open, that stamp is compared with the
// project's generation and the changes journalled since are applied (or
// the index rebuilt). Nobody keeps the index open for writing: queries use
// a read-only view, and an update takes the writers' lock, opens the index
// for writing, applies, stamps, commits and closes (see search_lock.cpp).
// Every Xapian error is turned into a StorageError at xapian_call(), and
// none reaches the project's listeners: an index that cannot be updated is
// left stale, and repaired on a later try.
#include <sqlite3.h>

#include <algorithm>
#include <cstdlib>
#include <sstream>
#include <thread>

#include "quire/base/error.h"
#include "quire/base/text.h"
#include "quire/model/cases.h"
#include "quire/model/codebook.h"
#include "quire/model/documents.h"
#include "search/search_build_p.h"
#include "search/search_p.h"
#include "store/project_p.h"

namespace fs = std::filesystem;

namespace quire {

namespace {

/// What the index holds, and how: an index written otherwise is rebuilt.
/// 2: words as written, their stems' forms in the synonym table.
const std::string index_format = "2";

std::int64_t to_generation(const std::string& s) {
  try {
    return s.empty() ? -1 : std::stoll(s);
  } catch (const std::logic_error&) {
    return -1;
  }
}

/// The folder's inode (0 when there is no folder there).
std::uint64_t folder_inode(const fs::path& folder) {
  return platform::folder_identity(folder);
}

/// Each code's parent, as kept in the index ("id:parent id" lines).
std::string parents_text(const std::unordered_map<Id, std::optional<Id>>& parents) {
  std::vector<std::pair<Id, Id>> sorted;
  for (const auto& [id, parent] : parents)
    sorted.emplace_back(id, parent.value_or(0));
  std::sort(sorted.begin(), sorted.end());
  std::string out;
  for (const auto& [id, parent] : sorted)
    out += std::to_string(id) + ':' + std::to_string(parent) + '\n';
  return out;
}

/// Whether p's connection is inside a transaction (an action not yet
/// committed: the index must not take in what may be rolled back).
bool in_transaction(const Project& p) {
  return sqlite3_get_autocommit(detail::db(p).raw()) == 0;
}

/// Whether cases or their values changed.
bool cases_changed(const ChangeSet& c) {
  return c.tables.count("case_") > 0 || c.tables.count("case_value") > 0;
}

/// Changes that alter the terms of passages anywhere: attributes (renamed,
/// retyped, deleted), questions, or cases the change does not list.
bool global_change(const ChangeSet& c) {
  static const char* const global[] = {"attribute", "question"};
  // Thousands of cases (an import): a build on every core is faster.
  return c.everything ||
         (cases_changed(c) && (c.cases_unknown || c.cases.empty() || c.cases.size() > 1000)) ||
         std::any_of(std::begin(global), std::end(global),
                     [&](const char* t) { return c.tables.count(t) > 0; });
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

namespace {

/// The path the index's folder and lock file are named after: the project's,
/// or for a read-only project whose index cannot be written next to it (a
/// CD, a share, a folder of someone else), one in a temporary folder of this
/// run, so the copy can still be searched.
fs::path index_base(const Project& p) {
  if (!p.read_only()) {
    return p.path();
  }
  std::error_code ec;
  const auto folder = SearchIndex::folder_for(p.path());
  const auto where = fs::exists(folder, ec) ? folder : p.path().parent_path();
  if (platform::can_write_in(where)) {
    return p.path();
  }
  auto temp = fs::temp_directory_path() /
              ("quire-read-only-" + std::to_string(platform::process_id()) + "-" + new_guid());
  fs::create_directories(temp, ec);
  return temp / p.path().filename();
}

} // namespace

SearchIndex::Impl::Impl(Project& p)
    : project(p), folder(folder_for(index_base(p))),
      lock(fs::path(folder.string() + ".lock")) { // lock_file_for() of the same base
  temporary = folder != folder_for(p.path());
  language = p.setting("language", "english");
  if (const char* v = std::getenv("QUIRE_INDEX_WAIT_MS"); v && *v)
    wait_bound = std::chrono::milliseconds(std::max(0L, std::atol(v)));
}

Xapian::Stem SearchIndex::Impl::stemmer() const {
  return Xapian::Stem(stem_language(language));
}

void SearchIndex::Impl::stamp(std::int64_t generation) {
  changing();
  db->set_metadata("quire_boot", boot_id());
  db->set_metadata("quire_generation", std::to_string(generation));
  db->set_metadata("quire_project", project.guid());
  db->set_metadata("quire_language", language);
  db->set_metadata("quire_index_format", index_format);
  if (!code_parent.empty()) {
    auto parents = parents_text(code_parent);
    if (db->get_metadata("quire_code_parents") != parents)
      db->set_metadata("quire_code_parents", parents);
  }
  db->commit();
}

fs::path SearchIndex::folder_for(const fs::path& project_file) {
  return fs::path(project_file.string() + ".index");
}

fs::path SearchIndex::lock_file_for(const fs::path& project_file) {
  return fs::path(project_file.string() + ".index.lock");
}

SearchIndex::SearchIndex(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}

SearchIndex::~SearchIndex() {
  if (!m_impl)
    return;
  if (m_impl->listener)
    m_impl->project.unsubscribe(m_impl->listener);
  if (!m_impl->changed)
    return;
  // Written by this program: sync the index's files and mark them synced
  // at the generation they hold (under the lock, so no other program
  // writes in between; it unmarks them before its next write).
  try {
    m_impl->reader.reset();
    // Another program holding the lock syncs what it writes itself.
    if (m_impl->lock.acquire(no_progress(), std::chrono::milliseconds(250))) {
      auto generation = Xapian::Database(m_impl->folder.string()).get_metadata("quire_generation");
      index_synced(m_impl->folder, generation);
    }
  } catch (...) {
    // Not marked as synced: checked (and rebuilt if need be) on the next open.
  }
}

SearchIndex::Impl::~Impl() {
  if (temporary) {
    reader.reset();
    db.reset();
    std::error_code ec;
    fs::remove_all(folder.parent_path(), ec);
  }
}

void SearchIndex::Impl::open_db() {
  db = std::make_unique<Xapian::WritableDatabase>(
      folder.string(), Xapian::DB_CREATE_OR_OPEN | (boot_id().empty() ? 0 : Xapian::DB_NO_SYNC));
}

void SearchIndex::Impl::changing() {
  // Before each write (under the lock): another program may have marked
  // the index synced since this one last wrote.
  index_changing(folder);
  changed = true;
}

bool SearchIndex::Impl::open_reader() {
  const auto inode = folder_inode(folder);
  if (inode == 0) {
    reader.reset();
    return false;
  }
  if (reader && inode == reader_inode) {
    try {
      reader_moved = reader->reopen();
      return true;
    } catch (const Xapian::Error&) {
      reader.reset(); // replaced under it: open it afresh
    }
  }
  reader.reset();
  // A writer may be committing, or swapping a rebuilt folder in: try again.
  for (int attempt = 0; attempt < 5; ++attempt) {
    try {
      reader = std::make_unique<Xapian::Database>(folder.string());
      reader_inode = folder_inode(folder);
      reader_moved = true;
      return true;
    } catch (const Xapian::DatabaseModifiedError&) {
    } catch (const Xapian::DatabaseOpeningError&) {
    } catch (const Xapian::DatabaseCorruptError&) {
    } catch (const Xapian::Error&) {
      return false;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5 << attempt));
  }
  return false;
}

bool SearchIndex::Impl::refresh_reader() {
  for (int attempt = 0; attempt < 5; ++attempt) {
    const bool had = reader != nullptr && reader_stamp >= 0;
    if (!open_reader()) {
      reader_ok = false;
      reader_stamp = -1;
      return false;
    }
    if (had && !reader_moved)
      return true; // the same revision as last read: the same stamp
    reader_ok = false;
    reader_stamp = -1;
    try {
      const auto generation = reader->get_metadata("quire_generation");
      reader_stamp = to_generation(generation);
      reader_ok = !generation.empty() && reader->get_metadata("quire_project") == project.guid() &&
                  reader->get_metadata("quire_language") == language &&
                  reader->get_metadata("quire_index_format") == index_format &&
                  index_on_disk(folder, generation, reader->get_metadata("quire_boot"));
      return true;
    } catch (const Xapian::DatabaseModifiedError&) {
      // Two updates since it was opened: look again.
    } catch (const Xapian::Error&) {
      reader.reset();
      return false;
    }
  }
  return false;
}

bool SearchIndex::Impl::reader_usable() const {
  return reader && reader_ok;
}

std::int64_t SearchIndex::Impl::reader_generation() const {
  return reader ? reader_stamp : -1;
}

bool SearchIndex::Impl::catch_up(Progress& progress, bool force_rebuild, bool patient) {
  return xapian_call("updated", [&] {
    if (!lock.acquire(progress, patient ? wait_bound : std::chrono::milliseconds(0)))
      return false;
    struct Done {
      Impl& impl;
      ~Done() {
        impl.db.reset(); // uncommitted changes (a failure) are dropped
        impl.lock.release();
      }
    } done{*this};
    language = project.setting("language", "english");
    code_parent.clear(); // stored with the stamp only when read in this update
    bool rebuild = force_rebuild, damaged = false;
    try {
      open_db();
      db->get_doccount();
    } catch (const Xapian::DatabaseLockError&) {
      throw StorageError("the search index of " + project.path().filename().string() +
                         " is in use by another program (an older Quire?); close it and try "
                         "again");
    } catch (const Xapian::DatabaseCorruptError&) {
      damaged = true;
    } catch (const Xapian::DatabaseVersionError&) {
      damaged = true;
    } catch (const Xapian::DatabaseOpeningError&) {
      damaged = true; // not an index at all (or unreadable: then it cannot be made either)
    } catch (const Xapian::DatabaseCreateError&) {
      std::error_code ec;
      damaged = fs::exists(fs::symlink_status(folder, ec)) && !fs::is_directory(folder, ec);
      if (!damaged)
        throw; // e.g. a full disk: nothing to remove
    }
    if (damaged) {
      // Damaged: it is derived data, so start again. (Other errors, a full
      // disk say, leave it as it is: it is caught up on a later try.)
      db.reset();
      std::error_code ec;
      fs::remove_all(folder, ec);
      rebuild = true;
      open_db(); // throws (mapped) when the folder cannot be made
    }
    if (!rebuild) {
      const auto generation = db->get_metadata("quire_generation");
      // An index ahead of the project (a project file put back from a
      // copy) holds changes the project does not.
      rebuild = generation.empty() || to_generation(generation) > project.generation() ||
                db->get_metadata("quire_project") != project.guid() ||
                db->get_metadata("quire_language") != language ||
                db->get_metadata("quire_index_format") != index_format ||
                !index_on_disk(folder, generation, db->get_metadata("quire_boot"));
    }
    if (rebuild)
      build_all(progress);
    // Changes committed meanwhile (also by other programs): apply them,
    // until none is left (a few rounds at most; later ones are caught up
    // on the next try).
    for (int round = 0; round < 8; ++round) {
      const auto stamped = to_generation(db->get_metadata("quire_generation"));
      auto changes = detail::changes_since(detail::db(project), std::max<std::int64_t>(0, stamped));
      if (changes.empty())
        break;
      ChangeSet all;
      for (const auto& c : changes)
        all.merge(c);
      if (!follow(all))
        stamp(all.generation);
    }
    db->close();
    db.reset();
    lock.release();
    refresh_reader();
    return true;
  });
}

void SearchIndex::Impl::prepare_query() {
  bool usable = refresh_reader() && reader_usable();
  // Inside an action the project holds uncommitted changes: search what
  // the index has.
  if (!in_transaction(project) && (!usable || reader_generation() != project.generation())) {
    if (!catch_up(reporter ? *reporter : no_progress()))
      throw StorageError("the search index is being updated by another Quire program; search "
                         "again when it has finished");
    usable = reader_usable();
  }
  if (!usable)
    throw StorageError("the search index of " + project.path().filename().string() +
                       " cannot be read; it is rebuilt on the next search");
}

void SearchIndex::Impl::note_problem(const std::string& message) {
  problem = message;
}

void SearchIndex::Impl::catch_up_quietly(const ChangeSet& change) noexcept {
  try {
    if (in_transaction(project))
      return; // inside an action: caught up after it commits
    if (refresh_reader() && reader_usable() && reader_generation() == project.generation())
      return; // another program has brought it up to date
    if (!catch_up(reporter ? *reporter : no_progress(), false, !change.external) &&
        !change.external)
      note_problem("another Quire program kept the search index busy; it is brought up to date "
                   "on the next search");
  } catch (const std::exception& e) {
    note_problem(e.what());
  } catch (...) {
    note_problem("the search index could not be updated");
  }
}

std::unique_ptr<SearchIndex> SearchIndex::open(Project& p, Progress& progress) {
  auto index = std::unique_ptr<SearchIndex>(new SearchIndex(std::make_unique<Impl>(p)));
  auto* raw = index->m_impl.get();
  try {
    bool current = xapian_call("opened", [&] {
      return raw->refresh_reader() && raw->reader_usable() &&
             raw->reader_generation() == p.generation();
    });
    // Another program holding the lock is updating the index: this one
    // does not wait for it here (searches and own changes do).
    if (!current)
      raw->catch_up(progress, false, false);
  } catch (const Cancelled&) {
    throw;
  } catch (const std::exception& e) {
    raw->note_problem(e.what()); // the project opens all the same
  }
  raw->listener = p.subscribe([raw](const ChangeSet& c) { raw->catch_up_quietly(c); });
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

bool SearchIndex::Impl::follow(const ChangeSet& c) {
  // These change the terms of passages anywhere: build the index again.
  if (global_change(c)) {
    build_all(no_progress());
    return true;
  }
  std::vector<Id> docs(c.documents.begin(), c.documents.end());
  bool text = c.tables.count("document") > 0 || c.tables.count("passage") > 0;
  if (text && most_passages_in(docs)) {
    build_all(no_progress()); // a big import: faster on every core
    return true;
  }
  bool moved = c.tables.count("code") > 0 && codes_moved();
  if (text) {
    index_documents(docs, no_progress()); // text, passages or names changed
  }
  if (cases_changed(c)) {
    // Only the passages of these cases: their case and attribute terms.
    refresh_cases(c.cases, text ? &c.documents : nullptr);
  }
  if (moved) {
    // A code has a new parent: coded passages anywhere may have other ancestors.
    docs.clear();
    for (auto& d : list_documents(project))
      docs.push_back(d.id);
    refresh_codings(docs);
  } else if (!text && !docs.empty()) {
    refresh_codings(docs, c.codings.empty() ? nullptr : &c.codings); // terms, not the text
  }
  return false;
}

bool SearchIndex::Impl::codes_moved() {
  // The parents as indexed (by whichever program wrote last).
  std::unordered_map<Id, std::optional<Id>> indexed;
  std::istringstream in(db->get_metadata("quire_code_parents"));
  std::string line;
  bool known = false;
  while (std::getline(in, line)) {
    auto colon = line.find(':');
    if (colon == std::string::npos)
      continue;
    Id id = std::stoll(line.substr(0, colon));
    Id parent = std::stoll(line.substr(colon + 1));
    indexed[id] = parent ? std::optional<Id>(parent) : std::nullopt;
    known = true;
  }
  bool moved = false;
  code_parent.clear();
  for (auto& c : list_codes(project)) {
    auto it = indexed.find(c.id);
    moved = moved || (it != indexed.end() && it->second != c.parent_id) ||
            (!known && c.parent_id); // not recorded: assume it may have moved
    code_parent[c.id] = c.parent_id;
  }
  return moved;
}

void SearchIndex::rebuild(Progress& progress) {
  if (!m_impl->catch_up(progress, true))
    throw StorageError("another Quire program kept the search index busy; try again when it has "
                       "finished");
}

std::int64_t SearchIndex::size() const {
  return xapian_call("read", [&]() -> std::int64_t {
    m_impl->refresh_reader();
    return m_impl->reader ? static_cast<std::int64_t>(m_impl->reader->get_doccount()) : 0;
  });
}

std::string SearchIndex::take_problem() {
  auto p = std::move(m_impl->problem);
  m_impl->problem.clear();
  if (p.empty() || !m_impl->told.insert(p).second)
    return {};
  return p;
}

void SearchIndex::report_to(Progress* progress) {
  m_impl->reporter = progress;
}

} // namespace quire
