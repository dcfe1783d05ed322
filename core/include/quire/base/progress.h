#pragma once
// Long work reports progress through this interface and checks for
// cancellation. The GUI implements it with a dialog, the CLI on stderr.
#include <atomic>
#include <cstdint>
#include <string>

namespace quire {

class Progress {
public:
  virtual ~Progress() = default;
  /// A new phase of the work ("Indexing passages").
  virtual void message(const std::string& /*text*/) {}
  /// done out of total (total 0 when unknown).
  virtual void update(std::int64_t /*done*/, std::int64_t /*total*/) {}
  /// True when the user asked to stop; long work then throws quire::Cancelled.
  virtual bool cancelled() const { return false; }
  /// Throws Cancelled when cancelled().
  void check() const;
};

/// A Progress that reports nothing and is never cancelled.
Progress& no_progress();

} // namespace quire
