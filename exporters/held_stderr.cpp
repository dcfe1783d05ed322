// fd 2 swapped with dup2() for a memfd, and back.
#include "held_stderr.h"

#include <sys/mman.h>
#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <mutex>
#include <string>

namespace quire {

namespace {

std::recursive_mutex& held_lock() {
  static std::recursive_mutex m;
  return m;
}

void write_all(int fd, std::string_view s) {
  while (!s.empty()) {
    auto n = ::write(fd, s.data(), s.size());
    if (n <= 0) {
      return;
    }
    s.remove_prefix(static_cast<std::size_t>(n));
  }
}

} // namespace

HeldStderr::HeldStderr(std::function<bool(std::string_view line)> drop) : m_drop(std::move(drop)) {
  held_lock().lock();
  std::cerr.flush();
  std::fflush(stderr);
  m_held = ::memfd_create("quire-held-stderr", MFD_CLOEXEC);
  m_saved = m_held < 0 ? -1 : ::dup(2);
  if (m_saved < 0 || ::dup2(m_held, 2) < 0) {
    if (m_saved >= 0) {
      ::close(m_saved);
    }
    if (m_held >= 0) {
      ::close(m_held);
    }
    m_saved = m_held = -1;
  }
}

HeldStderr::~HeldStderr() {
  if (m_held >= 0) {
    std::cerr.flush();
    std::fflush(stderr);
    ::dup2(m_saved, 2);
    ::close(m_saved);
    std::string held, line;
    char buf[4096];
    ssize_t n = 0;
    ::lseek(m_held, 0, SEEK_SET);
    while ((n = ::read(m_held, buf, sizeof buf)) > 0) {
      held.append(buf, static_cast<std::size_t>(n));
    }
    ::close(m_held);
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
    write_all(2, kept);
  }
  held_lock().unlock();
}

} // namespace quire
