// The search index is written without fsync: it is derived data, and a
// coding action should not wait for the disk. What makes that safe:
// - a program crash loses nothing the kernel has not been given, so the
//   index written in this boot is whole;
// - on a clean close the index files are synced and a marker file says up
//   to which generation they are on disk;
// - on open, an index that was neither closed cleanly nor written in this
//   boot (the machine stopped since) is not trusted: it is rebuilt.
#include <fstream>

#include "search/search_p.h"

namespace fs = std::filesystem;

namespace quire {

namespace {

fs::path marker_path(const fs::path& folder) {
  return folder / "quire-synced";
}

void fsync_path(const fs::path& p, bool directory) {
  if (directory) {
    platform::sync_folder(p);
  } else {
    platform::sync_file(p);
  }
}

} // namespace

const std::string& boot_id() {
  return platform::boot_id(); // read once: every action's stamp asks
}

bool index_on_disk(const fs::path& folder, const std::string& generation,
                   const std::string& written_in_boot) {
  std::ifstream in(marker_path(folder));
  std::string synced;
  std::getline(in, synced);
  if (in && synced == generation)
    return true;
  const auto& now = boot_id();
  // Where the boot is unknown, every commit is synced (see open_db).
  return now.empty() || now == written_in_boot;
}

void index_changing(const fs::path& folder) {
  std::error_code ec;
  if (fs::remove(marker_path(folder), ec))
    fsync_path(folder, true); // the marker is gone before any unsynced write
}

void index_synced(const fs::path& folder, const std::string& generation) {
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(folder, ec)) {
    if (e.is_regular_file(ec))
      fsync_path(e.path(), false);
  }
  fsync_path(folder, true);
  {
    std::ofstream out(marker_path(folder), std::ios::trunc);
    out << generation << "\n";
  }
  fsync_path(marker_path(folder), false);
  fsync_path(folder, true);
}

} // namespace quire
