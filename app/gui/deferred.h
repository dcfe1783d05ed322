#pragma once
// A refresh that runs once, after the current event has been handled and the
// window repainted, however often it was asked for meanwhile. Panes that are
// not where the user just acted (counts, lists) refresh this way, so applying
// a code reaches the screen first.
#include <functional>

#include <wx/event.h>

namespace quire::gui {

class Deferred {
public:
  Deferred(wxEvtHandler* owner, std::function<void()> run)
      : m_owner(owner), m_run(std::move(run)) {}
  /// Asks for a run (coalesced with other requests before it happens).
  void request() {
    if (m_pending) {
      return;
    }
    m_pending = true;
    // Queued on the owner: dropped with it if the owner goes first.
    m_owner->CallAfter([this] {
      m_pending = false;
      m_run();
    });
  }

private:
  wxEvtHandler* m_owner;
  std::function<void()> m_run;
  bool m_pending = false;
};

} // namespace quire::gui
