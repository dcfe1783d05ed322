#pragma once
// Private to exporters/: holding back what a C library prints to stderr on
// its own (libxlsxwriter's "[ERROR]..." lines), where Quire reports the
// failure in its own words.
#include <functional>
#include <memory>
#include <string_view>

#include "quire/base/platform.h"

namespace quire {

/// While it lives, whatever is written to stderr (file descriptor 2) goes to
/// an anonymous file; when it goes, stderr is restored and the lines held
/// back are passed on, except those `drop` says are the library's. One at a
/// time in a process (a lock); other threads' lines in the meantime come
/// out afterwards rather than not at all. When stderr cannot be redirected,
/// nothing is held back.
class HeldStderr {
public:
  explicit HeldStderr(std::function<bool(std::string_view line)> drop);
  ~HeldStderr();
  HeldStderr(const HeldStderr&) = delete;
  HeldStderr& operator=(const HeldStderr&) = delete;

private:
  std::function<bool(std::string_view)> m_drop;
  std::unique_ptr<platform::StderrCapture> m_capture;
};

} // namespace quire
