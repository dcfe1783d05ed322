// The index is written without fsync (derived data; coding should not wait
// for the disk). It is trusted on open when it was closed cleanly (synced,
// marked at its generation) or written in this boot of the machine (only
// the program stopped: the kernel has every write). Otherwise it is rebuilt.
#include <boost/test/unit_test.hpp>

#include <xapian.h>

#include <filesystem>
#include <fstream>

#include "quire/model/documents.h"
#include "quire/search/search_index.h"
#include "quire/store/project.h"
#include "support/test_support.h"

using namespace quire;
using quire::test::TempDir;
namespace fs = std::filesystem;

namespace {

/// Counts index builds (each starts with a message).
struct Builds : Progress {
  int count = 0;
  void message(const std::string&) override { ++count; }
};

std::size_t hits(const SearchIndex& idx, const std::string& q) {
  return idx.search(q).hits.size();
}

} // namespace

BOOST_AUTO_TEST_CASE(an_index_not_closed_cleanly_is_trusted_only_within_the_same_boot) {
  TempDir dir;
  auto file = dir / "sync.quire";
  const auto folder = SearchIndex::folder_for(file);
  const auto marker = folder / "quire-synced";
  {
    auto p = Project::create(file);
    add_text_document(p, "a", "Alpha words about networks.");
    auto idx = SearchIndex::open(p);
    add_text_document(p, "b", "Beta words about time.");
  }
  // Closed cleanly: marked synced at the project's generation, and trusted.
  {
    std::ifstream in(marker);
    std::string generation;
    std::getline(in, generation);
    BOOST_TEST(generation == Xapian::Database(folder.string()).get_metadata("quire_generation"));
    BOOST_TEST(!generation.empty());
  }
  {
    auto p = Project::open(file);
    Builds b;
    auto idx = SearchIndex::open(p, b);
    BOOST_TEST(b.count == 0);
    BOOST_TEST(hits(*idx, "beta") == 1u);
  }
  // Not closed cleanly (the program stopped) in this boot: trusted.
  fs::remove(marker);
  {
    auto p = Project::open(file);
    Builds b;
    auto idx = SearchIndex::open(p, b);
    BOOST_TEST(b.count == 0);
  }
  // Not closed cleanly and written in another boot (the machine stopped
  // since): its last writes may never have reached the disk, so rebuilt.
  {
    Xapian::WritableDatabase w(folder.string());
    w.set_metadata("quire_boot", "a boot before this one");
    w.commit();
  }
  fs::remove(marker);
  {
    auto p = Project::open(file);
    Builds b;
    auto idx = SearchIndex::open(p, b);
    BOOST_TEST(b.count == 1);
    BOOST_TEST(hits(*idx, "beta") == 1u);
    BOOST_TEST(hits(*idx, "alpha") == 1u);
    // Changing it takes the marker away until it is closed again.
    add_text_document(p, "c", "Gamma words.");
    BOOST_TEST(!fs::exists(marker));
  }
  BOOST_TEST(fs::exists(marker));
}
