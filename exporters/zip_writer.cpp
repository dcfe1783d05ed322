// Zip writing on libzip. libzip writing to a path makes a temporary file of
// its own beside it ("OUT.XXXXXX") and renames it over the path, which a
// killed export would leave behind and which would take the file from under
// its lock; so the archive goes to a buffer and is written here.
#include "zip_writer.h"

#include <zip.h>

#include <deque>
#include <fstream>

#include "quire/base/error.h"

namespace quire {

struct ZipWriter::Impl {
  std::filesystem::path out;
  zip_source_t* target = nullptr; ///< the archive's bytes, in memory
  zip_t* zip = nullptr;
  std::deque<std::string> buffers; // libzip reads them at zip_close()
};

ZipWriter::ZipWriter(std::filesystem::path out) : m_impl(std::make_unique<Impl>()) {
  m_impl->out = std::move(out);
  zip_error_t err;
  zip_error_init(&err);
  m_impl->target = zip_source_buffer_create(nullptr, 0, 0, &err);
  if (m_impl->target) {
    zip_source_keep(m_impl->target); // it outlives zip_close(), which writes into it
    m_impl->zip = zip_open_from_source(m_impl->target, ZIP_TRUNCATE, &err);
  }
  if (!m_impl->zip) {
    std::string msg = zip_error_strerror(&err);
    zip_error_fini(&err);
    if (m_impl->target) {
      zip_source_free(m_impl->target);
    }
    throw StorageError("cannot write " + m_impl->out.string() + ": " + msg);
  }
  zip_error_fini(&err);
}

ZipWriter::~ZipWriter() {
  if (m_impl->zip) {
    zip_discard(m_impl->zip);
  }
  if (m_impl->target) {
    zip_source_free(m_impl->target);
  }
}

void ZipWriter::add(const std::string& name, std::string bytes) {
  auto& buf = m_impl->buffers.emplace_back(std::move(bytes));
  zip_source_t* src = zip_source_buffer(m_impl->zip, buf.data(), buf.size(), 0);
  if (!src ||
      zip_file_add(m_impl->zip, name.c_str(), src, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE) < 0) {
    if (src) {
      zip_source_free(src);
    }
    throw StorageError("cannot add " + name + " to " + m_impl->out.string() + ": " +
                       zip_strerror(m_impl->zip));
  }
}

void ZipWriter::finish() {
  if (zip_close(m_impl->zip) != 0) {
    std::string msg = zip_strerror(m_impl->zip);
    throw StorageError("cannot write " + m_impl->out.string() + ": " + msg);
  }
  m_impl->zip = nullptr;
  m_impl->buffers.clear();
  auto* src = m_impl->target;
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_source_stat(src, &st) != 0 || !(st.valid & ZIP_STAT_SIZE) || zip_source_open(src) != 0) {
    throw StorageError("cannot write " + m_impl->out.string() + ": the archive was not built");
  }
  std::ofstream f(m_impl->out, std::ios::binary | std::ios::trunc);
  char buf[1 << 16];
  zip_int64_t got = 0;
  while (f && (got = zip_source_read(src, buf, sizeof buf)) > 0) {
    f.write(buf, got);
  }
  zip_source_close(src);
  f.close();
  if (got < 0 || !f) {
    throw StorageError(m_impl->out.string() +
                       ": could not write the file. The disk may be full or the folder not "
                       "writable: free some space or choose another folder, then export again");
  }
}

} // namespace quire
