// Standard error held back (platform::StderrCapture) and passed on filtered.
#include "held_stderr.h"

#include <cstdio>
#include <mutex>
#include <string>

namespace quire {

namespace {

std::recursive_mutex& held_lock() {
  static std::recursive_mutex m;
  return m;
}

} // namespace

HeldStderr::HeldStderr(std::function<bool(std::string_view line)> drop) : m_drop(std::move(drop)) {
  held_lock().lock();
  m_capture = std::make_unique<platform::StderrCapture>();
}

HeldStderr::~HeldStderr() {
  const std::string held = m_capture->end();
  std::string kept;
  for (std::size_t at = 0; at < held.size();) {
    auto end = held.find('\n', at);
    end = end == std::string::npos ? held.size() : end + 1;
    std::string_view l(held.data() + at, end - at);
    if (!m_drop(l)) {
      kept += l;
    }
    at = end;
  }
  if (!kept.empty()) {
    std::fwrite(kept.data(), 1, kept.size(), stderr);
    std::fflush(stderr);
  }
  held_lock().unlock();
}

} // namespace quire
