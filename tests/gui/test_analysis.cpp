// The Analysis page: theme table, matrix, co-occurrence and frequencies in a
// grid with choices and filters; a clicked cell lists the passages behind it
// (checked against the codings the test made); Export to Excel, File >
// Export… (CSV, REFI-QDA) and importing that .qdpx into a new project.
#include <fstream>

#include <wx/choice.h>
#include <wx/filedlg.h>
#include <wx/grid.h>
#include <wx/listctrl.h>
#include <wx/msgdlg.h>
#include <wx/textctrl.h>

#include "accept_dialog.h"
#include "analysis_fixture.h"
#include "analysis_pane.h"
#include "document_view.h"
#include "export_options_dialog.h"
#include "gui_test_support.h"
#include "quire/model/cases.h"
#include "quire/model/codebook.h"
#include "quire/model/coding.h"
#include "quire/model/documents.h"
#include "wx_text.h"

using namespace quire;
using namespace quire::test;

namespace {

/// Two cases with a Role, five codings (one overlap of Time and Funding).
struct AnalysisFixture : RoleCasesFixture {
  AnalysisFixture() {
    code_barriers_and_purpose();
    code_text(notes, "share lesson plans", "Purpose/Sharing practice");
    pump();
  }
  int row_of(const std::string& path) {
    const auto& rows = frame->analysis().matrix_shown().rows;
    for (std::size_t i = 0; i < rows.size(); ++i) {
      if (rows[i].path == path) {
        return static_cast<int>(i);
      }
    }
    BOOST_FAIL(path << " is no row");
    return -1;
  }
  int col_of(const std::string& label) {
    const auto& cols = frame->analysis().matrix_shown().cols;
    for (std::size_t i = 0; i < cols.size(); ++i) {
      if (cols[i] == label) {
        return static_cast<int>(i);
      }
    }
    BOOST_FAIL(label << " is no column");
    return -1;
  }
};

} // namespace

BOOST_AUTO_TEST_SUITE(analysis)

BOOST_FIXTURE_TEST_CASE(theme_table_cells_open_the_passages_behind_them, AnalysisFixture) {
  BOOST_REQUIRE(frame->commands().invoke("analysis/theme-table"));
  pump();
  auto& pane = frame->analysis();
  BOOST_CHECK(pane.IsShownOnScreen());
  const auto& m = pane.matrix_shown();
  BOOST_REQUIRE_EQUAL(m.cols.size(), 2u); // Role: Head, Teacher
  auto& grid = pane.grid();
  BOOST_CHECK_EQUAL(grid.GetNumberCols(), 2);
  BOOST_CHECK_EQUAL(grid.GetNumberRows(), 6);
  int time = row_of("Barriers/Time"), purpose = row_of("Purpose"),
      peer = row_of("Purpose/Peer support");
  int head = col_of("Head"), teacher = col_of("Teacher");
  BOOST_CHECK_EQUAL(gui::utf8(grid.GetColLabelValue(teacher)), "Teacher");
  BOOST_CHECK_EQUAL(gui::utf8(grid.GetCellValue(time, teacher)), "1  (100%)");
  BOOST_CHECK_EQUAL(gui::utf8(grid.GetCellValue(time, head)), "1  (100%)");
  BOOST_CHECK_EQUAL(gui::utf8(grid.GetCellValue(purpose, head)), "1  (100%)"); // roll-up
  BOOST_CHECK_EQUAL(gui::utf8(grid.GetCellValue(peer, head)), "·");

  // Clicking a cell lists its passages; double-click shows one in its document.
  grid.SetGridCursor(time, teacher);
  pump();
  BOOST_REQUIRE_EQUAL(pane.cell_hits().size(), 1u);
  BOOST_CHECK_EQUAL(pane.cell_hits()[0].text, "Time. Always time.");
  BOOST_CHECK_EQUAL(pane.cell_hits()[0].case_name, "Zoë B.");
  BOOST_CHECK_EQUAL(pane.passages().GetItemCount(), 1);
  pane.open_passage(0);
  pump();
  BOOST_CHECK_EQUAL(frame->document_view().document(), cafe);
  BOOST_CHECK_EQUAL(gui::utf8(frame->document_view().text().GetSelectedText()),
                    "Time. Always time.");
  // The Purpose row of the Head column holds its subcode's coding.
  frame->show_analysis();
  grid.SetGridCursor(purpose, head);
  pump();
  BOOST_REQUIRE_EQUAL(pane.cell_hits().size(), 1u);
  BOOST_CHECK_EQUAL(pane.cell_hits()[0].text, "share lesson plans");
}

BOOST_FIXTURE_TEST_CASE(matrix_choices_and_filters_change_the_grid, AnalysisFixture) {
  frame->show_analysis();
  auto& pane = frame->analysis();
  BOOST_REQUIRE(frame->commands().invoke("analysis/matrix"));
  choose(pane.cols_choice(), "Documents");
  choose(pane.cell_choice(), "Codings");
  choose(pane.rows_choice(), "Barriers");
  const auto& m = pane.matrix_shown();
  BOOST_REQUIRE_EQUAL(m.rows.size(), 3u); // Barriers and its two subcodes
  int time = row_of("Barriers/Time");
  BOOST_CHECK_EQUAL(gui::utf8(pane.grid().GetCellValue(time, col_of("interview-cafe"))), "1");
  BOOST_CHECK_EQUAL(
      gui::utf8(pane.grid().GetCellValue(row_of("Barriers"), col_of("interview-cafe"))), "2");

  // A filter on the cases' attributes: only the Teacher's codings.
  pane.where().SetValue("Role = Teacher");
  press_enter(pane.where());
  BOOST_CHECK_EQUAL(gui::utf8(pane.grid().GetCellValue(time, col_of("notes-short"))), "·");
  BOOST_CHECK_EQUAL(gui::utf8(pane.grid().GetCellValue(time, col_of("interview-cafe"))), "1");
  // A bad condition is the core's message in a dialog.
  pane.where().SetValue("Colour = blue");
  wxTEST_DIALOG(press_enter(pane.where()), wxExpectModal<wxMessageDialog>(wxOK));
}

BOOST_FIXTURE_TEST_CASE(cooccurrence_and_frequencies, AnalysisFixture) {
  BOOST_REQUIRE(frame->commands().invoke("analysis/cooccurrence"));
  pump();
  auto& pane = frame->analysis();
  choose(pane.rows_choice(), "Barriers");
  auto& grid = pane.grid();
  BOOST_REQUIRE_EQUAL(grid.GetNumberRows(), 3);
  // Rows and columns: Barriers, Barriers/Funding, Barriers/Time (codebook order).
  int time = -1, funding = -1;
  for (int r = 0; r < grid.GetNumberRows(); ++r) {
    auto label = gui::utf8(grid.GetRowLabelValue(r));
    time = label.find("Time") != std::string::npos ? r : time;
    funding = label.find("Funding") != std::string::npos ? r : funding;
  }
  BOOST_REQUIRE(time >= 0 && funding >= 0);
  BOOST_CHECK_EQUAL(gui::utf8(grid.GetCellValue(time, funding)), "1");
  grid.SetGridCursor(time, funding);
  pump();
  BOOST_REQUIRE_EQUAL(pane.cell_hits().size(), 1u);
  BOOST_CHECK_EQUAL(pane.cell_hits()[0].text, "Always time.");

  pane.set_kind(gui::AnalysisKind::Frequencies);
  pump();
  BOOST_CHECK_EQUAL(grid.GetNumberCols(), 5);
  int barriers = -1;
  for (int r = 0; r < grid.GetNumberRows(); ++r) {
    barriers = gui::utf8(grid.GetRowLabelValue(r)) == "Barriers" ? r : barriers;
  }
  BOOST_REQUIRE_GE(barriers, 0);
  BOOST_CHECK_EQUAL(gui::utf8(grid.GetCellValue(barriers, 0)), "3"); // codings with subcodes
  BOOST_CHECK_EQUAL(gui::utf8(grid.GetCellValue(barriers, 2)), "2"); // cases
  grid.SetGridCursor(barriers, 0);
  pump();
  BOOST_CHECK_EQUAL(pane.cell_hits().size(), 3u);

  // With "Cases where", a row's passages are the codings it counts.
  pane.where().SetValue("Role = Teacher");
  press_enter(pane.where());
  auto shown = gui::utf8(grid.GetCellValue(barriers, 0));
  BOOST_CHECK(shown == "1" || shown == "2");
  grid.SetGridCursor(barriers, 1);
  grid.SetGridCursor(barriers, 0);
  pump();
  BOOST_CHECK_EQUAL(std::to_string(pane.cell_hits().size()), shown);
}

BOOST_FIXTURE_TEST_CASE(export_to_excel_and_file_export_write_files, AnalysisFixture) {
  frame->show_analysis();
  auto xlsx = dir / "analysis.xlsx";
  frame->analysis().export_excel(xlsx);
  BOOST_REQUIRE(std::filesystem::exists(xlsx));
  std::string head(2, '\0');
  std::ifstream(xlsx, std::ios::binary).read(head.data(), 2);
  BOOST_CHECK_EQUAL(head, "PK");

  // A matrix shown goes into the workbook titled in words, not as the CLI's
  // --matrix text (issue 17: the sheet said "rows=codes cols=attr:E…").
  frame->analysis().set_kind(gui::AnalysisKind::Matrix);
  pump();
  auto with_matrix = dir / "matrix.xlsx";
  frame->analysis().export_excel(with_matrix);
  auto strings = test::run_program("unzip", {"-p", with_matrix.string()}).out; // every part
  BOOST_CHECK_MESSAGE(strings.find("Codes by ") != std::string::npos, strings.substr(0, 400));
  BOOST_CHECK(strings.find(", counting cases") != std::string::npos);
  BOOST_CHECK(strings.find("rows=") == std::string::npos);
  BOOST_CHECK(strings.find("cols=") == std::string::npos);

  // File > Export…: the format follows the file's extension.
  auto csv = dir / "segments.csv";
  wxTEST_DIALOG(frame->commands().invoke("file/export"),
                wxExpectModal<wxFileDialog>(gui::wx(csv.string())),
                AcceptDialog<gui::ExportOptionsDialog>()); // the CLI's defaults
  BOOST_REQUIRE(std::filesystem::exists(csv));
  std::ifstream in(csv);
  std::string first;
  std::getline(in, first);
  BOOST_CHECK(first.find("Code") != std::string::npos || first.find("code") != std::string::npos);
  std::size_t lines = 1;
  for (std::string l; std::getline(in, l);) {
    ++lines;
  }
  BOOST_CHECK_GE(lines, 6u); // a header and five codings

  // A folder that does not exist: the core's message, and no file.
  auto bad = dir / "missing" / "out.xlsx";
  wxTEST_DIALOG(frame->commands().invoke("file/export"),
                wxExpectModal<wxFileDialog>(gui::wx(bad.string())),
                AcceptDialog<gui::ExportOptionsDialog>(), wxExpectModal<wxMessageDialog>(wxOK));
  BOOST_CHECK(!std::filesystem::exists(bad));

  // REFI-QDA out, and in again through File > Import into a new project.
  auto qdpx = dir / "study.qdpx";
  wxTEST_DIALOG(frame->commands().invoke("file/export"),
                wxExpectModal<wxFileDialog>(gui::wx(qdpx.string())));
  BOOST_REQUIRE(std::filesystem::exists(qdpx));
  auto copy = dir / "copy.quire";
  BOOST_REQUIRE(frame->open_project(copy, true, false));
  BOOST_CHECK_EQUAL(frame->import_files({qdpx}), 1);
  pump();
  auto q = Project::open(copy);
  BOOST_CHECK_EQUAL(list_documents(q).size(), 2u);
  BOOST_CHECK_EQUAL(count_codings(q), 5);
  BOOST_CHECK_NO_THROW(find_code(q, "Barriers/Funding"));
}

// A count of 1 among hundreds of cases is there: it shows as "<1%", never
// "(0%)"; one short of all is not "100%".
BOOST_AUTO_TEST_CASE(a_count_that_is_there_never_shows_as_zero_percent) {
  BOOST_CHECK_EQUAL(gui::utf8(gui::percent_text(100.0 / 300.0)), "<1%");
  BOOST_CHECK_EQUAL(gui::utf8(gui::percent_text(0)), "0%");
  BOOST_CHECK_EQUAL(gui::utf8(gui::percent_text(0.5)), "<1%"); // printf rounds it to even: 0
  BOOST_CHECK_EQUAL(gui::utf8(gui::percent_text(0.7)), "1%");
  BOOST_CHECK_EQUAL(gui::utf8(gui::percent_text(50)), "50%");
  BOOST_CHECK_EQUAL(gui::utf8(gui::percent_text(299.0 / 3.0)), ">99%");
  BOOST_CHECK_EQUAL(gui::utf8(gui::percent_text(100)), "100%");
}

BOOST_AUTO_TEST_SUITE_END()
