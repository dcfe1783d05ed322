#include "progress.h"

#include "error.h"

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
