#include "job.h"

#include <algorithm>
#include <chrono>
#include <exception>
#include <thread>

#include <wx/app.h>
#include <wx/evtloop.h>
#include <wx/progdlg.h>
#include <wx/utils.h>

#include "wx_text.h"

namespace quire::gui {

void ProgressBridge::message(const std::string& text) {
  std::lock_guard lock(m_mutex);
  m_message = text;
}

void ProgressBridge::update(std::int64_t done, std::int64_t total) {
  m_total = total;
  m_done = done;
}

std::string ProgressBridge::current_message() const {
  std::lock_guard lock(m_mutex);
  return m_message;
}

int ProgressBridge::permille() const {
  auto total = m_total.load();
  if (total <= 0) {
    return -1;
  }
  auto done = std::min(m_done.load(), total);
  return static_cast<int>(done * 1000 / total);
}

void run_with_progress(wxWindow* parent, const wxString& title,
                       const std::function<void(Progress&)>& work) {
  ProgressBridge bridge;
  std::exception_ptr failure;
  std::atomic<bool> finished{false};
  std::thread worker([&] {
    try {
      work(bridge);
    } catch (...) {
      failure = std::current_exception();
    }
    finished = true;
  });
  {
    // Short work finishes before the dialog would even be seen: wait a moment first.
    for (int i = 0; i < 10 && !finished; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(15));
    }
    if (!finished) {
      wxProgressDialog dlg(title, wx(bridge.current_message()) + wxString(' ', 60), 1000, parent,
                           wxPD_APP_MODAL | wxPD_AUTO_HIDE | wxPD_CAN_ABORT | wxPD_ELAPSED_TIME |
                               wxPD_SMOOTH);
      while (!finished) {
        // Never the maximum: a wxProgressDialog that reaches it (without
        // wxPD_AUTO_HIDE) turns Cancel into Close and waits, modal, for a
        // click — the dialog stayed up after the work, its timer stopped.
        int pm = std::min(bridge.permille(), 999);
        auto msg = bridge.cancelled() ? wxString(L"Stopping…") : wx(bridge.current_message());
        bool go_on = pm < 0 ? dlg.Pulse(msg) : dlg.Update(pm, msg);
        if (!go_on) {
          bridge.cancel();
          dlg.Resume(); // keep showing until the work notices and stops
        }
        // Everything but input to the (disabled) other windows goes on:
        // repaints, timers, the dialog's own Cancel button.
        wxEventLoopGuarantor loop;
        wxEventLoopBase::GetActive()->Yield(true);
        wxMilliSleep(30);
      }
    }
  }
  worker.join();
  if (failure) {
    std::rethrow_exception(failure);
  }
}

} // namespace quire::gui
