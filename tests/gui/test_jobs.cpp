// Long work runs off the UI thread: the window keeps handling events, the
// progress dialog's Cancel stops the work, and changes made by the work reach
// the views when it ends.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <thread>

#include <wx/progdlg.h>
#include <wx/timer.h>

#include "codebook_pane.h"
#include "gui_test_support.h"
#include "quire/base/error.h"
#include "quire/model/codebook.h"

using namespace quire;
using namespace quire::test;

BOOST_AUTO_TEST_SUITE(jobs)

BOOST_FIXTURE_TEST_CASE(cancel_stops_the_work_and_the_window_stays_responsive, FrameFixture) {
  // The UI thread's timers keep firing while the work runs: count them and
  // keep the longest gap between two (a blocked window would show one gap as
  // long as the work). Judged by the gap, not a rate: CI machines are loaded.
  int ticks = 0;
  auto last_tick = std::chrono::steady_clock::now();
  std::chrono::steady_clock::duration longest_gap{};
  wxTimer ticker;
  ticker.Bind(wxEVT_TIMER, [&](wxTimerEvent&) {
    auto now = std::chrono::steady_clock::now();
    longest_gap = std::max(longest_gap, now - last_tick);
    last_tick = now;
    ++ticks;
  });
  ticker.Start(20);
  // Press the progress dialog's Cancel button once it is up.
  wxTimer presser;
  presser.Bind(wxEVT_TIMER, [&](wxTimerEvent&) {
    for (auto* w : wxTopLevelWindows) {
      if (auto* dlg = dynamic_cast<wxGenericProgressDialog*>(w)) {
        wxCommandEvent cancel(wxEVT_BUTTON, wxID_CANCEL);
        dlg->GetEventHandler()->ProcessEvent(cancel);
        presser.Stop();
      }
    }
  });
  presser.Start(700);
  std::atomic<int> steps{0};
  auto started = std::chrono::steady_clock::now();
  BOOST_CHECK_THROW(
      frame->session().run_job(frame, "Working",
                               [&](Progress& progress) {
                                 progress.message("Counting slowly");
                                 for (int i = 0; i < 1000; ++i) { // 20 s unless cancelled
                                   progress.update(i, 1000);
                                   progress.check();
                                   std::this_thread::sleep_for(std::chrono::milliseconds(20));
                                   ++steps;
                                 }
                               }),
      Cancelled);
  auto took = std::chrono::steady_clock::now() - started;
  BOOST_CHECK_LT(std::chrono::duration_cast<std::chrono::seconds>(took).count(), 10);
  BOOST_CHECK_LT(steps.load(), 1000);
  BOOST_CHECK_GE(ticks, 3); // the UI thread ran its timers meanwhile
  BOOST_CHECK_LT(std::chrono::duration_cast<std::chrono::milliseconds>(longest_gap).count(), 2000);
  BOOST_CHECK(!frame->session().busy());
}

BOOST_FIXTURE_TEST_CASE(changes_made_by_a_job_reach_the_views_when_it_ends, FrameFixture) {
  frame->session().run_job(frame, "Adding", [&](Progress&) {
    add_code(p(), "Made/In a job", "#123456");
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
  });
  pump();
  auto id = find_code(p(), "Made/In a job").id;
  BOOST_CHECK(frame->codebook().item_of(id).IsOk());
  BOOST_CHECK(frame->commands().enabled("edit/undo"));
}

namespace {

/// The progress dialog shown now, if any.
wxGenericProgressDialog* progress_dialog_up() {
  for (auto* w : wxTopLevelWindows) {
    if (auto* dlg = dynamic_cast<wxGenericProgressDialog*>(w); dlg && dlg->IsShown()) {
      return dlg;
    }
  }
  return nullptr;
}

} // namespace

// Issue 17: work whose progress reached its total left the dialog up, on its
// last message with its timer stopped, until the user clicked Close (the
// dialog waited, modal). It closes itself when the work is done.
BOOST_FIXTURE_TEST_CASE(the_progress_dialog_closes_itself_when_the_work_is_done, FrameFixture) {
  bool seen = false, stuck = false;
  wxTimer looker;
  looker.Bind(wxEVT_TIMER, [&](wxTimerEvent&) { seen = seen || progress_dialog_up(); });
  looker.Start(30);
  // Were the dialog still up 6 s on, it would wait for ever: note it and close it.
  wxTimer watchdog;
  watchdog.Bind(wxEVT_TIMER, [&](wxTimerEvent&) {
    if (auto* dlg = progress_dialog_up()) {
      stuck = true;
      wxCommandEvent close(wxEVT_BUTTON, wxID_CANCEL);
      dlg->GetEventHandler()->ProcessEvent(close);
    }
  });
  watchdog.Start(6000, wxTIMER_ONE_SHOT);
  auto started = std::chrono::steady_clock::now();
  frame->session().run_job(frame, "Exporting", [&](Progress& progress) {
    progress.message("Writing coded segments");
    for (int i = 0; i <= 10; ++i) {
      progress.update(i, 10); // to the total, as an exporter's last step does
      std::this_thread::sleep_for(std::chrono::milliseconds(60));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
  });
  auto took = std::chrono::steady_clock::now() - started;
  pump();
  BOOST_CHECK(seen); // the work was long enough for the dialog to show
  BOOST_CHECK(!stuck);
  BOOST_CHECK(progress_dialog_up() == nullptr);
  BOOST_CHECK_LT(std::chrono::duration_cast<std::chrono::milliseconds>(took).count(), 5000);
  BOOST_CHECK(!frame->session().busy());
}

BOOST_AUTO_TEST_SUITE_END()
