#pragma once
// Long work (import, later reindex and export) on a worker thread, with a
// progress dialog that can cancel. The window keeps repainting meanwhile.
#include <atomic>
#include <functional>
#include <mutex>
#include <string>

#include "quire/base/progress.h"

class wxWindow;
class wxString;

namespace quire::gui {

/// quire::Progress filled in by a worker thread and read by the UI thread.
class ProgressBridge : public Progress {
public:
  void message(const std::string& text) override;
  void update(std::int64_t done, std::int64_t total) override;
  bool cancelled() const override { return m_cancel.load(); }

  /// UI side: asks the work to stop (it throws quire::Cancelled at its next check).
  void cancel() { m_cancel = true; }
  /// UI side: the latest message, and progress as 0..1000 (-1 when unknown).
  std::string current_message() const;
  int permille() const;

private:
  mutable std::mutex m_mutex;
  std::string m_message;
  std::atomic<std::int64_t> m_done{0}, m_total{0};
  std::atomic<bool> m_cancel{false};
};

/// Runs work on a worker thread while a modal progress dialog (titled title)
/// shows its messages and offers Cancel. Returns when the work is done; an
/// exception it threw (quire::Cancelled after Cancel) is rethrown here, on
/// the UI thread. The caller must not touch the project while this runs;
/// Session::run_job wraps this with that guarantee.
void run_with_progress(wxWindow* parent, const wxString& title,
                       const std::function<void(Progress&)>& work);

} // namespace quire::gui
