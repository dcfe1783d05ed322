#pragma once
// Private to exporters/: where an export is written before it is complete.
// OUT.part beside OUT, locked while it is written, renamed over OUT only
// when complete; the next export to OUT clears what a killed one left.
#include <filesystem>

namespace quire {

class PartFile {
public:
  /// Creates OUT.part (or takes over the one a killed export left) and
  /// removes the other leftovers of earlier exports to OUT ("OUT.part-*",
  /// "OUT.part.*", as older Quire and libzip named their temporaries).
  /// Throws InputError when another export to OUT is writing it now, and
  /// StorageError when the folder is not writable.
  explicit PartFile(std::filesystem::path out);
  /// Not committed: OUT.part is removed.
  ~PartFile();
  PartFile(const PartFile&) = delete;
  PartFile& operator=(const PartFile&) = delete;

  /// OUT.part: write the export here (by name; opening it again for writing
  /// keeps the lock, replacing it by another file would not).
  const std::filesystem::path& path() const { return m_part; }
  /// Renames OUT.part over OUT. Throws StorageError naming OUT.
  void commit();

private:
  std::filesystem::path m_out, m_part;
  int m_fd = -1; ///< holds the lock (flock) on OUT.part
};

} // namespace quire
