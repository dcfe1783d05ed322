#pragma once
// Writing a zip file (libzip behind the wall). The archive is built in
// memory and written to the file named at finish(), in place: callers write
// to a PartFile (part_file.h) to replace a file only once complete.
#include <filesystem>
#include <memory>
#include <string>

namespace quire {

class ZipWriter {
public:
  /// Starts an archive to be written to out. Throws StorageError.
  explicit ZipWriter(std::filesystem::path out);
  ~ZipWriter();
  ZipWriter(const ZipWriter&) = delete;
  /// Adds a member (compressed) with these bytes.
  void add(const std::string& name, std::string bytes);
  /// Compresses the archive and writes it to out. Throws StorageError.
  void finish();

private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

} // namespace quire
