#pragma once
// A minimal signal: views connect callbacks; the session emits. No wx here,
// so the session's announcements read like Aegisub's controller signals.
#include <functional>
#include <map>

namespace quire::gui {

template <class... Args> class Signal {
public:
  using Slot = std::function<void(Args...)>;
  /// Connects a slot; returns a token for disconnect().
  int connect(Slot s) {
    m_slots.emplace(m_next, std::move(s));
    return m_next++;
  }
  void disconnect(int token) { m_slots.erase(token); }
  /// Disconnects every slot.
  void clear() { m_slots.clear(); }
  /// Calls every slot (a copy, so a slot may disconnect itself).
  void emit(Args... args) const {
    auto slots = m_slots;
    for (auto& [token, slot] : slots) {
      slot(args...);
    }
  }

private:
  std::map<int, Slot> m_slots;
  int m_next = 1;
};

} // namespace quire::gui
