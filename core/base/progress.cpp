#include "quire/base/progress.h"

#include "quire/base/error.h"

namespace quire {

void Progress::check() const {
  if (cancelled()) {
    throw Cancelled();
  }
}

Progress& no_progress() {
  static Progress p;
  return p;
}

} // namespace quire
