// Issue 14.1: exporting from the desktop app, with the project open, leaves
// the project's live WAL in place: after each export the -wal file is still
// linked (no descriptor of ours points to a deleted one), and the real
// `quire` CLI, a separate program, sees every later action of the app.
#include <chrono>
#include <filesystem>

#include <nlohmann/json.hpp>
#include <wx/filedlg.h>

#include "accept_dialog.h"
#include "analysis_pane.h"
#include "export_options_dialog.h"
#include "gui_test_support.h"
#include "quire/model/codebook.h"
#include "quire/model/coding.h"
#include "quire/model/documents.h"
#include "wx_text.h"

using namespace quire;
using namespace quire::test;

namespace {

/// Descriptors of this process on the project's -wal/-shm that the kernel
/// calls "(deleted)".
std::vector<std::string> deleted_wal_descriptors(const std::filesystem::path& project) {
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator("/proc/self/fd", ec)) {
    auto target = std::filesystem::read_symlink(e.path(), ec).string();
    if (ec) {
      continue;
    }
    bool ours = target.rfind(project.string() + "-wal", 0) == 0 ||
                target.rfind(project.string() + "-shm", 0) == 0;
    if (ours && target.find("(deleted)") != std::string::npos) {
      out.push_back(target);
    }
  }
  return out;
}

std::int64_t codings_seen_by_cli(const std::filesystem::path& project) {
  auto r = run_quire({"info", project.string(), "--json"});
  BOOST_REQUIRE_MESSAGE(r.status == 0, r.err);
  return nlohmann::json::parse(r.out).at("codings").get<std::int64_t>();
}

} // namespace

BOOST_AUTO_TEST_SUITE(never_lose_work)

BOOST_FIXTURE_TEST_CASE(exporting_to_excel_keeps_the_live_wal, FrameFixture) {
  const auto wal = std::filesystem::path(project.string() + "-wal");
  auto doc = find_document(p(), "interview-cafe");
  std::int64_t made = count_codings(p());
  frame->show_analysis();
  for (int round = 0; round < 4; ++round) {
    BOOST_TEST_CONTEXT("export " << round) {
      auto started = std::chrono::steady_clock::now();
      // Analysis > Export to Excel and File > Export… (.xlsx) in turn: both
      // run the workbook exporter, which counts on a second connection.
      auto out = dir / ("analysis-" + std::to_string(round) + ".xlsx");
      if (round % 2 == 0) {
        frame->analysis().export_excel(out);
      } else {
        wxTEST_DIALOG(frame->commands().invoke("file/export"),
                      wxExpectModal<wxFileDialog>(gui::wx(out.string())),
                      AcceptDialog<gui::ExportOptionsDialog>());
      }
      pump();
      auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started);
      BOOST_TEST(std::filesystem::exists(out));
      BOOST_TEST(seconds.count() < 20.0); // "hung once in four tries"

      // Another program opens and closes the project: with our locks lost,
      // its close would checkpoint and delete the WAL the app still writes.
      BOOST_TEST(codings_seen_by_cli(project) == made);
      BOOST_TEST(std::filesystem::exists(wal));
      auto deleted = deleted_wal_descriptors(project);
      BOOST_TEST(deleted.empty(), (deleted.empty() ? "" : deleted.front()));

      // The app codes something after the export; the CLI sees it.
      code_range(p(), doc.id, 20 * round, 20 * round + 5, code("Barriers/Time"));
      ++made;
      BOOST_TEST(codings_seen_by_cli(project) == made);
      BOOST_TEST(std::filesystem::exists(wal));
      BOOST_TEST(deleted_wal_descriptors(project).empty());
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()
