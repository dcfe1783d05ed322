// Zip writing on libzip.
#include "zip_writer.h"

#include <zip.h>

#include <deque>

#include "core/error.h"
#include "core/text.h"

namespace quire {

struct ZipWriter::Impl {
  std::filesystem::path out, tmp;
  zip_t* zip = nullptr;
  std::deque<std::string> buffers; // libzip reads them at zip_close()
};

ZipWriter::ZipWriter(std::filesystem::path out) : m_impl(std::make_unique<Impl>()) {
  m_impl->out = std::move(out);
  m_impl->tmp = m_impl->out;
  m_impl->tmp += ".part-" + new_guid().substr(0, 8);
  int err = 0;
  m_impl->zip = zip_open(m_impl->tmp.string().c_str(), ZIP_CREATE | ZIP_EXCL, &err);
  if (!m_impl->zip) {
    zip_error_t e;
    zip_error_init_with_code(&e, err);
    std::string msg = zip_error_strerror(&e);
    zip_error_fini(&e);
    throw StorageError("cannot write " + m_impl->out.string() + ": " + msg);
  }
}

ZipWriter::~ZipWriter() {
  if (m_impl->zip) {
    zip_discard(m_impl->zip);
  }
  std::error_code ec;
  std::filesystem::remove(m_impl->tmp, ec);
}

void ZipWriter::add(const std::string& name, std::string bytes) {
  auto& buf = m_impl->buffers.emplace_back(std::move(bytes));
  zip_source_t* src = zip_source_buffer(m_impl->zip, buf.data(), buf.size(), 0);
  if (!src || zip_file_add(m_impl->zip, name.c_str(), src, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE) < 0) {
    if (src) {
      zip_source_free(src);
    }
    throw StorageError("cannot add " + name + " to " + m_impl->out.string() + ": " + zip_strerror(m_impl->zip));
  }
}

void ZipWriter::finish() {
  if (zip_close(m_impl->zip) != 0) {
    std::string msg = zip_strerror(m_impl->zip);
    throw StorageError("cannot write " + m_impl->out.string() + ": " + msg);
  }
  m_impl->zip = nullptr;
  std::error_code ec;
  std::filesystem::rename(m_impl->tmp, m_impl->out, ec);
  if (ec) {
    throw StorageError("cannot write " + m_impl->out.string() + ": " + ec.message());
  }
}

} // namespace quire
