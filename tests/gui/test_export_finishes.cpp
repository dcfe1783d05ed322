// Issue 17: an export long enough to show its progress dialog left the dialog
// up on "Writing coded segments", its timer stopped, until a click on Close.
// The dialog closes itself when the file is written, and the status bar says
// where it went (File > Show Last Export opens the folder).
#include <chrono>
#include <filesystem>

#include <wx/filedlg.h>
#include <wx/progdlg.h>
#include <wx/timer.h>

#include "accept_dialog.h"
#include "analysis_pane.h"
#include "export_options_dialog.h"
#include "export_runner.h"
#include "gui_test_support.h"
#include "quire/model/codebook.h"
#include "quire/model/coding.h"
#include "quire/model/documents.h"
#include "survey_data.h"
#include "wx_text.h"

using namespace quire;
using namespace quire::test;

namespace {

wxGenericProgressDialog* progress_dialog_shown() {
  for (auto* w : wxTopLevelWindows) {
    if (auto* dlg = dynamic_cast<wxGenericProgressDialog*>(w); dlg && dlg->IsShown()) {
      return dlg;
    }
  }
  return nullptr;
}

/// A project big enough that writing its workbook shows the progress dialog.
struct BigFixture : FrameFixture {
  BigFixture() {
    frame->session().close();
    {
      auto q = Project::open(project);
      store_survey(q, "Staff survey", 12000);
      // Coded answers: the workbook's "Writing coded segments" step reaches
      // its total while the tables are still to write.
      auto time = add_code(q, "Survey themes/Workload");
      auto docs = list_documents(q);
      for (std::size_t i = 0; i < docs.size() && i < 150; ++i) {
        code_range(q, docs[i].id, 0, 5, time);
      }
    }
    BOOST_REQUIRE(frame->open_project(project, false, false));
    pump(100);
    looker.Bind(wxEVT_TIMER, [this](wxTimerEvent&) { seen = seen || progress_dialog_shown(); });
    looker.Start(20);
  }
  wxTimer looker;
  bool seen = false;
};

} // namespace

BOOST_AUTO_TEST_SUITE(export_finishes)

BOOST_FIXTURE_TEST_CASE(the_export_dialog_closes_and_says_where_the_file_went, BigFixture) {
  frame->show_analysis();
  pump();
  auto out = dir / "analysis.xlsx";
  auto started = std::chrono::steady_clock::now();
  // Analysis > Export to Excel…, the file named in its dialog.
  wxTEST_DIALOG(frame->commands().invoke("analysis/export-excel"),
                wxExpectModal<wxFileDialog>(gui::wx(out.string())));
  auto took = std::chrono::steady_clock::now() - started;
  BOOST_TEST_MESSAGE("export took "
                     << std::chrono::duration_cast<std::chrono::milliseconds>(took).count()
                     << " ms; the progress dialog was " << (seen ? "" : "not ") << "shown");
  BOOST_CHECK(seen); // long enough to show the dialog, or this test proves nothing
  pump();
  BOOST_CHECK(progress_dialog_shown() == nullptr);
  BOOST_CHECK(!frame->session().busy());
  BOOST_REQUIRE(std::filesystem::exists(out));
  BOOST_CHECK_GT(std::filesystem::file_size(out), 1000u);
  auto status = gui::utf8(frame->GetStatusBar()->GetStatusText(0));
  BOOST_CHECK_MESSAGE(status.find(out.string()) != std::string::npos, status);
  BOOST_CHECK_MESSAGE(status.rfind("Exported ", 0) == 0, status);
  BOOST_CHECK(gui::last_export() == out);
  BOOST_CHECK(frame->commands().enabled("file/show-export"));

  // File > Export… too.
  seen = false;
  auto csv = dir / "segments.csv";
  wxTEST_DIALOG(frame->commands().invoke("file/export"),
                wxExpectModal<wxFileDialog>(gui::wx(csv.string())),
                AcceptDialog<gui::ExportOptionsDialog>()); // the CLI's defaults
  pump();
  BOOST_CHECK(progress_dialog_shown() == nullptr);
  BOOST_REQUIRE(std::filesystem::exists(csv));
  status = gui::utf8(frame->GetStatusBar()->GetStatusText(0));
  BOOST_CHECK_MESSAGE(status.find(csv.string()) != std::string::npos, status);
}

BOOST_AUTO_TEST_SUITE_END()
