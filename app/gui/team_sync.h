#pragma once
// A team project's sync in the desktop app (docs/teams.md): while a team
// project is open, a worker thread syncs it every second through a
// connection of its own — to the window it is another program on the
// project, so colleagues' changes show through the session's usual catch-up
// — and the status bar says online / offline / pending n.
#include <atomic>
#include <condition_variable>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

namespace quire::gui {

class TeamSync {
public:
  /// tell is called on the UI thread with the status bar's words after each
  /// round ("" when no team project is open); arrived, on the UI thread too,
  /// when a round applied colleagues' changes (the window catches up at once
  /// instead of at its next look).
  explicit TeamSync(std::function<void(const std::string&)> tell,
                    std::function<void()> arrived = {});
  TeamSync(const TeamSync&) = delete;
  ~TeamSync();

  /// Starts syncing the team project at path (is_team_project()).
  void start(const std::filesystem::path& path);
  /// Stops (waits for a sync under way to end).
  void stop();
  /// Syncs at once instead of at the next round.
  void sync_now();
  bool running() const { return m_thread.joinable(); }
  /// The last round's words and, when it failed, why.
  std::string last_status() const;

  /// Seconds between rounds.
  static constexpr int interval_s = 1;

private:
  void run(std::filesystem::path path);

  std::function<void(const std::string&)> m_tell;
  std::function<void()> m_arrived;
  std::thread m_thread;
  mutable std::mutex m_mutex;
  std::condition_variable m_wake;
  bool m_stop = false;
  bool m_now = false;
  std::string m_status;
  /// Bumped by each start and stop: words queued by an older round are
  /// dropped (and none reach a window that has gone).
  std::shared_ptr<std::atomic<int>> m_round = std::make_shared<std::atomic<int>>(0);
};

} // namespace quire::gui
