// Safe zip reading on libzip: limits are checked while inflating, because a
// zip's headers can lie about sizes.
#include "zip_archive.h"

#include <zip.h>

#include <algorithm>
#include <unordered_set>

#include "quire/base/error.h"

namespace quire {

namespace {

/// "248 MB", "1.2 MB" (one decimal below 10 MB), "12 KB" below a megabyte.
std::string mb(std::uint64_t bytes) {
  if (bytes < (1u << 20)) {
    return std::to_string((bytes + 512) >> 10) + " KB";
  }
  if (bytes < (10u << 20)) {
    const auto tenths = (bytes * 10 + (1u << 19)) >> 20;
    return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) + " MB";
  }
  return std::to_string((bytes + (1u << 19)) >> 20) + " MB";
}

} // namespace

struct ZipArchive::Impl {
  zip_t* zip = nullptr;
  std::string file;
  std::uint64_t size = 0; ///< the archive's own bytes
  ZipLimits limits;
  std::uint64_t total_allowed = 0; ///< max_total_bytes, or less for a small archive
  mutable std::uint64_t total_read = 0;
  std::unordered_set<std::string> names;
  std::vector<std::string> ordered;
  ~Impl() {
    if (zip) {
      zip_discard(zip);
    }
  }
};

bool looks_like_zip(std::string_view head) {
  return head.size() >= 4 && head.substr(0, 4) == std::string_view("PK\x03\x04", 4);
}

bool is_safe_member_name(std::string_view name) {
  if (name.empty() || name.front() == '/' || name.find('\\') != std::string_view::npos ||
      name.find('\0') != std::string_view::npos) {
    return false;
  }
  if (name.size() >= 2 && name[1] == ':') {
    return false; // a drive letter
  }
  std::size_t start = 0;
  while (start <= name.size()) {
    auto end = name.find('/', start);
    auto part =
        name.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    if (part == "..") {
      return false;
    }
    if (end == std::string_view::npos) {
      break;
    }
    start = end + 1;
  }
  return true;
}

ZipArchive::ZipArchive(std::string_view bytes, std::string file, ZipLimits limits)
    : m_impl(std::make_unique<Impl>()) {
  m_impl->file = std::move(file);
  m_impl->limits = limits;
  m_impl->size = bytes.size();
  const auto by_ratio = std::max<std::uint64_t>(limits.ratio_floor_bytes,
                                                limits.max_ratio * std::uint64_t{bytes.size()});
  m_impl->total_allowed = std::min(limits.max_total_bytes, by_ratio);
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
  if (!src) {
    std::string msg = zip_error_strerror(&err);
    zip_error_fini(&err);
    throw InputError(m_impl->file + ": cannot read the zip archive (" + msg + ")");
  }
  m_impl->zip = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &err);
  if (!m_impl->zip) {
    std::string msg = zip_error_strerror(&err);
    zip_source_free(src);
    zip_error_fini(&err);
    throw InputError(m_impl->file + ": the file is damaged or not a complete zip archive (" + msg +
                     "). Open and save it again in the program that made it");
  }
  zip_error_fini(&err);
  auto n = zip_get_num_entries(m_impl->zip, 0);
  if (n < 0 || static_cast<std::uint64_t>(n) > m_impl->limits.max_members) {
    throw InputError(m_impl->file + ": the archive has too many members (" + std::to_string(n) +
                     ")");
  }
  for (zip_int64_t i = 0; i < n; ++i) {
    const char* name = zip_get_name(m_impl->zip, static_cast<zip_uint64_t>(i), ZIP_FL_ENC_GUESS);
    if (name) {
      m_impl->ordered.emplace_back(name);
      m_impl->names.insert(name);
    }
  }
}

ZipArchive::~ZipArchive() = default;

std::vector<std::string> ZipArchive::names() const {
  return m_impl->ordered;
}

bool ZipArchive::contains(const std::string& name) const {
  return m_impl->names.count(name) > 0;
}

std::optional<std::string> ZipArchive::try_read(const std::string& name) const {
  if (!contains(name)) {
    return std::nullopt;
  }
  return read(name);
}

std::string ZipArchive::read(const std::string& name) const {
  const std::string where = m_impl->file + ": " + name;
  if (!is_safe_member_name(name)) {
    throw InputError(m_impl->file + ": the archive has an unsafe member name '" + name +
                     "' (absolute or with ..); it was not read");
  }
  zip_int64_t index = zip_name_locate(m_impl->zip, name.c_str(), 0);
  if (index < 0) {
    throw InputError(m_impl->file + ": the archive has no '" + name +
                     "'; it is not the kind of file its name says");
  }
  const auto& lim = m_impl->limits;
  const auto member_limit = lim.max_member_bytes;
  const auto total_limit = m_impl->total_allowed;
  // What passing a limit says: the member, which limit, how large. `one`:
  // the limit for one member (else for all together); `declared`: the size
  // the zip's header gives (0: found while inflating).
  auto refuse = [&](bool one, std::uint64_t declared) {
    const auto limit = one ? member_limit : total_limit;
    const std::string which = one ? "the limit for one member"
                              : total_limit < lim.max_total_bytes
                                  ? "the limit for all members of an archive of this size (" +
                                        std::to_string(lim.max_ratio) + " times its " +
                                        mb(m_impl->size) + ")"
                                  : "the limit for all members together";
    const std::string before = one || m_impl->total_read == 0
                                   ? ""
                                   : " (with the " + mb(m_impl->total_read) + " read before it)";
    const std::string size =
        declared > 0 ? "says it expands to " + mb(declared) + before + "," : "expands" + before;
    return InputError(
        m_impl->file + ": the member '" + name + "' " + size + " past " + which + " of " +
        mb(limit) +
        "; refused as a possible zip bomb. If the file is genuine, split it into smaller files");
  };
  zip_stat_t st;
  zip_stat_init(&st);
  std::uint64_t declared = 0;
  if (zip_stat_index(m_impl->zip, static_cast<zip_uint64_t>(index), 0, &st) == 0 &&
      (st.valid & ZIP_STAT_SIZE)) {
    declared = st.size;
    if (declared > member_limit || m_impl->total_read + declared > total_limit) {
      throw refuse(declared > member_limit, declared);
    }
  }
  zip_file_t* f = zip_fopen_index(m_impl->zip, static_cast<zip_uint64_t>(index), 0);
  if (!f) {
    throw InputError(where + ": cannot be read (" + zip_strerror(m_impl->zip) + ")");
  }
  std::string out;
  out.reserve(static_cast<std::size_t>(declared)); // within the limits: checked above
  char buf[65536];
  for (;;) {
    zip_int64_t got = zip_fread(f, buf, sizeof buf);
    if (got < 0) {
      std::string msg = zip_file_strerror(f);
      zip_fclose(f);
      throw InputError(where + ": the archive is damaged (" + msg + ")");
    }
    if (got == 0) {
      break;
    }
    out.append(buf, static_cast<std::size_t>(got));
    m_impl->total_read += static_cast<std::uint64_t>(got);
    if (out.size() > member_limit || m_impl->total_read > total_limit) {
      zip_fclose(f);
      const bool one = out.size() > member_limit;
      out = std::string(); // give the memory back before the message is built
      throw refuse(one, 0);
    }
  }
  if (zip_fclose(f) != 0) {
    throw InputError(where + ": the archive is damaged (checksum error)");
  }
  return out;
}

} // namespace quire
