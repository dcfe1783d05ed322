#pragma once
// Reading members of a zip file (DOCX, ODT, XLSX, QDPX) safely: damaged
// archives, unsafe member names and zip bombs give InputError, never a crash
// or an unbounded allocation. (libzip behind the wall: see zip_archive.cpp.)
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace quire {

/// How much a zip may unpack (docs/importing.md, "Limits and safety"). The
/// members read are held in memory, so these bound an import's memory too.
struct ZipLimits {
  std::uint64_t max_member_bytes = 256ull << 20; ///< one member, uncompressed
  std::uint64_t max_total_bytes = 1ull << 30;    ///< all members read, uncompressed
  std::uint64_t max_members = 100000;
  /// All members read may also expand to at most this many times the
  /// archive's own size (text and XML deflate 3 to 30 times; a zip bomb
  /// hundreds of times), once past `ratio_floor_bytes`.
  std::uint64_t max_ratio = 100;
  std::uint64_t ratio_floor_bytes = 64ull << 20;
};

/// True when bytes start like a zip archive ("PK\3\4").
bool looks_like_zip(std::string_view head);

class ZipArchive {
public:
  /// Opens a zip held in memory (bytes must outlive the archive). `file`
  /// names it in messages. Throws InputError for a damaged or truncated zip.
  ZipArchive(std::string_view bytes, std::string file, ZipLimits limits = {});
  ~ZipArchive();
  ZipArchive(const ZipArchive&) = delete;

  /// Member names as stored (folders included, ending in '/').
  std::vector<std::string> names() const;
  bool contains(const std::string& name) const;
  /// A member's uncompressed bytes. Throws InputError when missing, when its
  /// name is unsafe (absolute, "..", backslashes), or when it expands past
  /// the limits: its declared size is checked before inflating, and what it
  /// actually expands to while inflating (a header can lie). The message
  /// names the member and the limit.
  std::string read(const std::string& name) const;
  /// Like read(), but nullopt when the member does not exist.
  std::optional<std::string> try_read(const std::string& name) const;

private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

/// True when a member name is safe to map to a path: relative, no "..",
/// no backslash, no drive letter, no NUL.
bool is_safe_member_name(std::string_view name);

} // namespace quire
