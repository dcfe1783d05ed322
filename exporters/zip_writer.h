#pragma once
// Writing a zip file (libzip behind the wall): to a temporary file next to
// the target, renamed over it only when complete.
#include <filesystem>
#include <memory>
#include <string>

namespace quire {

class ZipWriter {
public:
  /// Starts writing out. Throws StorageError when it cannot be created.
  explicit ZipWriter(std::filesystem::path out);
  ~ZipWriter(); ///< unfinished: the temporary file is removed
  ZipWriter(const ZipWriter&) = delete;
  /// Adds a member (compressed) with these bytes.
  void add(const std::string& name, std::string bytes);
  /// Writes the archive and moves it to its place. Throws StorageError.
  void finish();

private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

} // namespace quire
