// Long work runs off the UI thread: the window keeps handling events, the
// progress dialog's Cancel stops the work, and changes made by the work reach
// the views when it ends.
#include <atomic>
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
  int ticks = 0;
  wxTimer ticker;
  ticker.Bind(wxEVT_TIMER, [&](wxTimerEvent&) { ++ticks; });
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
  BOOST_CHECK_GT(ticks, 5); // the UI thread ran its timers meanwhile
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

BOOST_AUTO_TEST_SUITE_END()
