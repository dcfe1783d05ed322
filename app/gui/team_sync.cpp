#include "team_sync.h"

#include <optional>

#include <wx/app.h>

#include "quire/base/error.h"
#include "quire/store/project.h"
#include "quire/team/team.h"

namespace quire::gui {

TeamSync::TeamSync(std::function<void(const std::string&)> tell, std::function<void()> arrived)
    : m_tell(std::move(tell)), m_arrived(std::move(arrived)) {}

TeamSync::~TeamSync() {
  stop();
  ++*m_round;
}

void TeamSync::start(const std::filesystem::path& path) {
  stop();
  m_stop = false;
  ++*m_round;
  m_thread = std::thread([this, path] { run(path); });
}

void TeamSync::stop() {
  if (!m_thread.joinable()) {
    return;
  }
  {
    std::lock_guard lock(m_mutex);
    m_stop = true;
  }
  m_wake.notify_all();
  m_thread.join();
  ++*m_round;
  if (m_tell) {
    m_tell("");
  }
}

void TeamSync::sync_now() {
  {
    std::lock_guard lock(m_mutex);
    m_now = true;
  }
  m_wake.notify_all();
}

std::string TeamSync::last_status() const {
  std::lock_guard lock(m_mutex);
  return m_status;
}

void TeamSync::run(std::filesystem::path path) {
  std::optional<Project> p;
  const int round = *m_round;
  for (;;) {
    std::string words;
    bool received = false;
    try {
      if (!p) {
        p.emplace(Project::open(path));
      }
      auto r = team_sync(*p);
      received = r.received > 0 || r.refused > 0;
      auto st = team_status(*p, false);
      words = "Team: online";
      if (st.pending > 0) {
        words += " · " + std::to_string(st.pending) + " to send";
      }
      if (r.refused > 0) {
        words += " · " + std::to_string(r.refused) + " refused (Team > Status)";
      }
    } catch (const TeamError& e) {
      std::int64_t pending = 0;
      try {
        pending = p ? team_status(*p, false).pending : 0;
      } catch (const Error&) {
      }
      words = e.kind() == TeamError::Kind::Offline
                  ? "Team: offline · " + std::to_string(pending) + " kept to send"
                  : "Team: " + std::string(e.what());
    } catch (const Error& e) {
      words = std::string("Team: not synced: ") + e.what();
    }
    {
      std::lock_guard lock(m_mutex);
      m_status = words;
    }
    if (m_tell && wxTheApp) {
      wxTheApp->CallAfter([this, words, received, round, alive = m_round] {
        if (*alive == round) {
          m_tell(words);
          if (received && m_arrived) {
            m_arrived();
          }
        }
      });
    }
    std::unique_lock lock(m_mutex);
    m_wake.wait_for(lock, std::chrono::seconds(interval_s), [this] { return m_stop || m_now; });
    m_now = false;
    if (m_stop) {
      return;
    }
  }
}

} // namespace quire::gui
