// Building the whole search index on every core.
//
// The passages are cut, in id order, into blocks of consecutive ids. The
// main thread reads the project and hands each block, once all its passages
// are read, to a pool of writer threads. A writer indexes its block as small
// databases of a few thousand passages each (Xapian writes a small, fresh
// database much faster than it grows a big one) and compacts them into one
// database for the block. Last, the blocks are compacted into the index,
// keeping the passage ids as document ids (their id ranges do not overlap).
// The parts are temporary, so they are written without fsync.
#include <algorithm>
#include <condition_variable>
#include <cstdlib>
#include <deque>
#include <exception>
#include <map>
#include <mutex>
#include <thread>

#include "quire/base/error.h"
#include "quire/model/documents.h"
#include "search/search_build_p.h"
#include "search/search_p.h"
#include "store/project_p.h"

namespace fs = std::filesystem;

namespace quire {

namespace {

/// Passages per small database: at this size Xapian indexes about a third
/// faster than into one growing database (tests/bench/bench_search). The
/// environment variable QUIRE_INDEX_CHUNK sets another (for tests and
/// tuning).
std::size_t chunk_size() {
  const char* v = std::getenv("QUIRE_INDEX_CHUNK");
  long n = v ? std::atol(v) : 0;
  return n >= 10 ? static_cast<std::size_t>(n) : std::size_t{2000};
}

/// At most this many blocks: fewer databases (and open files) to compact
/// at the end.
constexpr std::size_t max_blocks = 64;

struct Block {
  std::size_t index = 0;
  std::vector<IndexItem> items;
};

fs::path block_path(const fs::path& work, std::size_t index) {
  return work / ("b" + std::to_string(index));
}

/// Compacts these databases into `to`, keeping the document ids, and removes them.
void compact_into(const std::vector<fs::path>& parts, const fs::path& to) {
  {
    Xapian::Database all;
    for (const auto& p : parts)
      all.add_database(Xapian::Database(p.string()));
    all.compact(to.string(), Xapian::DBCOMPACT_NO_RENUMBER);
  }
  std::error_code ec;
  for (const auto& p : parts)
    fs::remove_all(p, ec);
}

/// Writer threads taking blocks from a bounded queue.
class Writers {
public:
  Writers(fs::path work, unsigned threads) : m_work(std::move(work)) {
    for (unsigned i = 0; i < threads; ++i)
      m_threads.emplace_back([this] { run(); });
  }
  ~Writers() {
    {
      std::lock_guard l(m_mutex);
      m_closed = m_abort = true;
    }
    m_cv.notify_all();
    join();
  }
  /// Queues a block; waits while the writers are behind (to bound memory).
  void push(Block&& b) {
    std::unique_lock l(m_mutex);
    m_cv.wait(l, [&] { return m_queue.size() < 2 * m_threads.size() || m_error; });
    if (m_error)
      return; // reported by finish()
    m_queue.push_back(std::move(b));
    m_cv.notify_all();
  }
  /// The words of every block written, for the spelling table.
  const SpellingCounts& spelling() const { return m_spelling; }
  /// Waits for every block to be written; rethrows a writer's error.
  void finish() {
    {
      std::lock_guard l(m_mutex);
      m_closed = true;
    }
    m_cv.notify_all();
    join();
    if (m_error)
      std::rethrow_exception(m_error);
  }

private:
  void join() {
    for (auto& t : m_threads)
      if (t.joinable())
        t.join();
  }

  void run() {
    try {
      for (;;) {
        Block b;
        {
          std::unique_lock l(m_mutex);
          m_cv.wait(l, [&] { return !m_queue.empty() || m_closed; });
          if (m_abort || m_error || m_queue.empty())
            return;
          b = std::move(m_queue.front());
          m_queue.pop_front();
        }
        m_cv.notify_all();
        write(b);
      }
    } catch (...) {
      std::lock_guard l(m_mutex);
      if (!m_error)
        m_error = std::current_exception();
      m_cv.notify_all();
    }
  }

  bool aborted() {
    std::lock_guard l(m_mutex);
    return m_abort || m_error;
  }

  /// Writes one block as small databases, then compacts them into one.
  void write(Block& b) {
    std::sort(b.items.begin(), b.items.end(),
              [](const IndexItem& x, const IndexItem& y) { return x.id < y.id; });
    auto tg = index_term_generator();
    // Words are counted here and added to the spelling table of the whole
    // index once each, at the end: far less work than a spelling table per
    // small database, merged by compaction.
    SpellingCounts spelling;
    std::vector<fs::path> chunks;
    const std::size_t chunk = chunk_size();
    for (std::size_t first = 0; first < b.items.size(); first += chunk) {
      if (aborted())
        return;
      auto path = block_path(m_work, b.index);
      path += ".c" + std::to_string(chunks.size());
      Xapian::WritableDatabase db(path.string(),
                                  Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_NO_SYNC);
      const auto last = std::min(b.items.size(), first + chunk);
      for (std::size_t i = first; i < last; ++i)
        write_item(tg, db, b.items[i], spelling);
      db.commit();
      db.close();
      chunks.push_back(path);
    }
    b.items = {};
    {
      std::lock_guard l(m_mutex);
      for (const auto& [word, freq] : spelling)
        m_spelling[word] += freq;
    }
    if (chunks.size() == 1) {
      fs::rename(chunks.front(), block_path(m_work, b.index));
    } else if (!chunks.empty()) {
      compact_into(chunks, block_path(m_work, b.index));
    }
  }

  fs::path m_work;
  std::vector<std::thread> m_threads;
  std::mutex m_mutex;
  std::condition_variable m_cv;
  std::deque<Block> m_queue;
  SpellingCounts m_spelling;
  bool m_closed = false, m_abort = false;
  std::exception_ptr m_error;
};

/// The first passage id of each block, and each block's passage count.
struct Blocks {
  std::vector<Id> first;
  std::vector<std::size_t> size;

  std::size_t of(Id passage) const {
    auto it = std::upper_bound(first.begin(), first.end(), passage);
    return it == first.begin() ? 0 : static_cast<std::size_t>(it - first.begin()) - 1;
  }
};

Blocks cut_blocks(const Project& p) {
  std::vector<Id> ids;
  auto s = detail::db(p).prepare("SELECT id FROM passage ORDER BY id");
  while (s.step())
    ids.push_back(s.i64(0));
  // A block is a whole number of small databases (a last, small database
  // would cost a compaction of its block for a few passages). Up to
  // max_blocks small databases: a block each, no compaction in between;
  // more: at most max_blocks blocks of several.
  const std::size_t chunk = chunk_size();
  const std::size_t per_block =
      chunk *
      std::max<std::size_t>(1, (ids.size() + chunk * max_blocks - 1) / (chunk * max_blocks));
  Blocks b;
  for (std::size_t i = 0; i < ids.size(); i += per_block) {
    b.first.push_back(ids[i]);
    b.size.push_back(std::min(per_block, ids.size() - i));
  }
  return b;
}

/// Documents in the order of their first passage, so blocks fill in turn.
std::vector<Id> documents_by_first_passage(const Project& p) {
  std::vector<Id> docs;
  auto s = detail::db(p).prepare(
      "SELECT document_id FROM passage GROUP BY document_id ORDER BY min(id)");
  while (s.step())
    docs.push_back(s.i64(0));
  return docs;
}

/// Puts the folder `fresh` where `folder` is, in one step where the file
/// system can (readers see the old index or the new one, never none), and
/// removes the old one.
void swap_in(const fs::path& fresh, const fs::path& folder) {
  std::error_code ec;
  if (!fs::exists(fs::symlink_status(folder, ec))) {
    fs::rename(fresh, folder);
    return;
  }
  if (platform::exchange_paths(fresh, folder)) {
    fs::remove_all(fresh, ec); // the old index, now at fresh
    return;
  }
  const fs::path old = fs::path(folder.string() + ".old");
  fs::remove_all(old, ec);
  fs::rename(folder, old);
  fs::rename(fresh, folder);
  fs::remove_all(old, ec);
}

} // namespace

void SearchIndex::Impl::build_all(Progress& progress) {
  progress.message("Indexing passages for search");
  db.reset(); // nothing uncommitted: a build comes before any other write
  // The generation read before the project is: the build holds at least
  // every change up to it; later ones are caught up after (catch_up).
  const std::int64_t generation = project.generation();
  const fs::path work = fs::path(folder.string() + ".build");
  const fs::path fresh = fs::path(folder.string() + ".new");
  std::error_code ec;
  fs::remove_all(work, ec);
  fs::remove_all(fresh, ec);
  auto facts = load_index_facts(project);
  code_parent = facts.code_parent;
  std::vector<Id> late; // documents whose passages changed while reading
  try {
    fs::create_directories(work);
    const auto blocks = cut_blocks(project);
    const auto docs = documents_by_first_passage(project);
    std::vector<bool> sent(blocks.first.size(), false);
    std::map<std::size_t, Block> filling;
    const unsigned threads = std::clamp(std::thread::hardware_concurrency(), 1u, 4u);
    Writers writers(work, threads);
    std::vector<IndexItem> items;
    std::int64_t done = 0;
    for (Id doc_id : docs) {
      progress.update(done++, static_cast<std::int64_t>(docs.size()));
      progress.check();
      items.clear();
      collect_items(project, facts, doc_id, items);
      for (auto& it : items) {
        auto bi = blocks.of(static_cast<Id>(it.id));
        if (sent[bi]) {
          // A passage added after the blocks were cut: indexed at the end.
          if (late.empty() || late.back() != doc_id)
            late.push_back(doc_id);
          continue;
        }
        auto& b = filling[bi];
        b.index = bi;
        b.items.push_back(std::move(it));
        if (b.items.size() >= blocks.size[bi]) {
          sent[bi] = true;
          writers.push(std::move(b));
          filling.erase(bi);
        }
      }
    }
    for (auto& [bi, b] : filling) { // passages removed while reading
      sent[bi] = true;
      writers.push(std::move(b));
    }
    filling.clear();
    writers.finish();
    std::vector<fs::path> parts;
    for (std::size_t bi = 0; bi < blocks.first.size(); ++bi) {
      if (fs::exists(block_path(work, bi)))
        parts.push_back(block_path(work, bi));
    }
    if (!writers.spelling().empty()) {
      // The spelling and synonym tables as a database of their own,
      // compacted in with the rest.
      auto path = work / "spelling";
      Xapian::WritableDatabase sp(path.string(),
                                  Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_NO_SYNC);
      add_words(sp, writers.spelling(), stemmer());
      sp.commit();
      parts.push_back(path);
    }
    if (parts.size() == 1) {
      fs::rename(parts.front(), fresh);
    } else if (!parts.empty()) {
      compact_into(parts, fresh);
    }
    // Stamped before it takes the old index's place: readers never see an
    // unstamped index.
    db = std::make_unique<Xapian::WritableDatabase>(
        fresh.string(), Xapian::DB_CREATE_OR_OPEN | (boot_id().empty() ? 0 : Xapian::DB_NO_SYNC));
    if (!late.empty())
      index_documents(late, no_progress());
    stamp(generation);
    db->close();
    db.reset();
    swap_in(fresh, folder);
  } catch (...) {
    // Cancelled or failed: the index stays as it was (stale, caught up or
    // rebuilt on a later try).
    db.reset();
    fs::remove_all(work, ec);
    fs::remove_all(fresh, ec);
    throw;
  }
  fs::remove_all(work, ec);
  open_db();
}

} // namespace quire
