#pragma once
// Private to exporters/: where an export is written before it is complete.
// Where the file system allows it, a file with no name in OUT's folder
// (O_TMPFILE on Linux), given a name only when complete: a killed export leaves
// nothing. Elsewhere OUT.part beside OUT, locked while it is written,
// renamed over OUT only when complete; the next export to OUT clears what
// a killed one left.
#include <filesystem>

#include "quire/base/platform.h"

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

  /// Where to write the export, by name: /proc/self/fd/N for the file with
  /// no name, else OUT.part (opening it again for writing keeps the lock,
  /// replacing it by another file would not).
  const std::filesystem::path& path() const { return m_write; }
  /// Puts the written file in place as OUT. Throws StorageError naming OUT.
  void commit();
  /// msg with path() named as OUT (the user knows the file by that name).
  std::string as_out(std::string msg) const;

private:
  std::filesystem::path m_out, m_part, m_write;
  platform::LockFile m_file; ///< OUT.part, locked while it is ours
  platform::LockFile m_anon; ///< the file with no name (also locked), or closed
};

} // namespace quire
