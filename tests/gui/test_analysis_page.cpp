// The Analysis page as issue 17 found it: the theme table's Columns box was
// greyed out and fixed to the first text attribute; co-occurrence showed
// parent codes as blank rows; the page's choices of one project leaked into
// the next (and failed there); cells were plain numbers, with no chart.
#include <algorithm>

#include <wx/choice.h>
#include <wx/grid.h>
#include <wx/msgdlg.h>
#include <wx/textctrl.h>

#include "analysis_fixture.h"
#include "analysis_pane.h"
#include "column_chart.h"
#include "gui_test_support.h"
#include "quire/model/cases.h"
#include "quire/model/codebook.h"
#include "quire/model/coding.h"
#include "quire/model/documents.h"
#include "wx_text.h"

using namespace quire;
using namespace quire::test;

namespace {

/// Two cases with a Role (text), Years (number) and Joined (date); four
/// codings under two parents that have no codings of their own.
struct PageFixture : RoleCasesFixture {
  PageFixture() {
    add_attribute(p(), "Years", AttrType::Number);
    add_attribute(p(), "Joined", AttrType::Date);
    set_attribute(p(), first_case, "Years", parse_value("12", AttrType::Number));
    set_attribute(p(), team, "Years", parse_value("3", AttrType::Number));
    set_attribute(p(), first_case, "Joined", parse_value("2019-09-01", AttrType::Date));
    set_attribute(p(), team, "Joined", parse_value("2015-01-15", AttrType::Date));
    code_barriers_and_purpose();
    code_text(notes, "share lesson plans", "Purpose/Sharing practice");
    pump();
  }
  std::vector<std::string> offered(wxChoice& c) {
    std::vector<std::string> out;
    for (unsigned i = 0; i < c.GetCount(); ++i) {
      out.push_back(gui::utf8(c.GetString(i)));
    }
    return out;
  }
  gui::AnalysisPane& pane() { return frame->analysis(); }
};

/// Collects the message of any error dialog shown (none expected).
std::string g_error_shown;
class NoteError : public wxExpectModalBase<wxMessageDialog, NoteError> {
protected:
  int OnInvoked(wxMessageDialog* dlg) const override {
    g_error_shown = gui::utf8(dlg->GetMessage());
    return wxID_OK;
  }
};

} // namespace

BOOST_AUTO_TEST_SUITE(analysis_page)

// The Columns box of a theme table is the user's to choose: any attribute of
// the cases, numbers and dates grouped by value; the table follows.
BOOST_FIXTURE_TEST_CASE(the_theme_table_columns_are_any_attribute_chosen, PageFixture) {
  BOOST_REQUIRE(frame->commands().invoke("analysis/theme-table"));
  pump();
  auto& cols = pane().cols_choice();
  BOOST_CHECK(cols.IsEnabled());
  auto items = offered(cols);
  BOOST_CHECK_EQUAL(items.front(), "Role"); // the default: the first text attribute
  for (const char* a : {"Years", "Joined"}) {
    BOOST_CHECK_MESSAGE(std::count(items.begin(), items.end(), a) == 1, a << " is offered");
  }
  // A theme table is codes by an attribute: documents are a matrix's columns.
  BOOST_CHECK(std::count(items.begin(), items.end(), "Documents") == 0);

  choose(cols, "Years");
  const auto& m = pane().matrix_shown();
  BOOST_REQUIRE_EQUAL(m.cols.size(), 2u);
  BOOST_CHECK_EQUAL(m.cols[0], "3"); // by value, numerically
  BOOST_CHECK_EQUAL(m.cols[1], "12");
  BOOST_CHECK_EQUAL(pane().grid().GetNumberCols(), 2);
  BOOST_CHECK_EQUAL(gui::utf8(pane().grid().GetColLabelValue(1)), "12");
  BOOST_CHECK_EQUAL(gui::utf8(cols.GetStringSelection()), "Years");
  // The same numbers as the core's theme table by Years.
  MatrixSpec spec;
  spec.attribute = "Years";
  auto core = matrix(p(), spec);
  BOOST_CHECK(core.counts == m.counts);
  BOOST_CHECK(core.cols == m.cols);

  choose(cols, "Joined");
  BOOST_CHECK_EQUAL(pane().matrix_shown().cols.size(), 2u);
  BOOST_CHECK_EQUAL(gui::utf8(cols.GetStringSelection()), "Joined");
  // Refresh keeps the choice (it went back to the first text attribute).
  BOOST_REQUIRE(frame->commands().invoke("analysis/refresh"));
  pump();
  BOOST_CHECK_EQUAL(gui::utf8(cols.GetStringSelection()), "Joined");
  BOOST_CHECK_EQUAL(pane().matrix_shown().cols.size(), 2u);
}

// A parent code's row holds its subcodes' codings, as a theme table's row
// does (the CLI's `cooccurrence --subcodes`): it showed blank.
BOOST_FIXTURE_TEST_CASE(cooccurrence_parent_rows_show_their_subcodes, PageFixture) {
  BOOST_REQUIRE(frame->commands().invoke("analysis/cooccurrence"));
  pump();
  const auto& shown = pane().cooccurrence_shown();
  CooccurrenceSpec spec;
  spec.with_subcodes = true;
  auto core = cooccurrence(p(), spec);
  BOOST_REQUIRE_EQUAL(shown.codes.size(), core.codes.size());
  BOOST_CHECK(shown.counts == core.counts);
  auto& grid = pane().grid();
  int barriers = -1, funding = -1, time = -1;
  for (std::size_t i = 0; i < shown.codes.size(); ++i) {
    const auto& path = shown.codes[i].path;
    barriers = path == "Barriers" ? static_cast<int>(i) : barriers;
    funding = path == "Barriers/Funding" ? static_cast<int>(i) : funding;
    time = path == "Barriers/Time" ? static_cast<int>(i) : time;
  }
  BOOST_REQUIRE(barriers >= 0 && funding >= 0 && time >= 0);
  // Barriers: its subcodes' stretches merged (the cafe's overlap is one).
  BOOST_CHECK_EQUAL(gui::utf8(grid.GetCellValue(barriers, barriers)), "2");
  BOOST_CHECK_EQUAL(gui::utf8(grid.GetCellValue(barriers, time)), "2");
  BOOST_CHECK_EQUAL(gui::utf8(grid.GetCellValue(time, funding)), "1");
  for (int c = 0; c < grid.GetNumberCols(); ++c) {
    BOOST_CHECK_EQUAL(
        gui::utf8(grid.GetCellValue(barriers, c)),
        core.counts[static_cast<std::size_t>(barriers)][static_cast<std::size_t>(c)]
            ? std::to_string(
                  core.counts[static_cast<std::size_t>(barriers)][static_cast<std::size_t>(c)])
            : std::string("·"));
  }
  grid.SetGridCursor(barriers, time);
  pump();
  BOOST_CHECK_EQUAL(pane().cell_hits().size(), 2u);
}

// Issue 17: the choices of one project leaked into the next and failed there
// with an error; each project keeps its own, and one the project cannot
// have falls back to the default without a word.
BOOST_FIXTURE_TEST_CASE(analysis_settings_belong_to_their_project, PageFixture) {
  BOOST_REQUIRE(frame->commands().invoke("analysis/theme-table"));
  pump();
  choose(pane().cols_choice(), "Years");
  pane().where().SetValue("Role = Teacher");
  press_enter(pane().where());
  BOOST_REQUIRE_EQUAL(pane().matrix_shown().cols.size(), 1u); // the Teacher's 12 years

  // Project B: cases with a Region, no Role, no Years.
  auto b = dir / "other.quire";
  {
    auto q = Project::create(b);
    add_attribute(q, "Region", AttrType::Text);
    set_attribute(q, add_case(q, "North school"), "Region", parse_value("North", AttrType::Text));
    set_attribute(q, add_case(q, "South school"), "Region", parse_value("South", AttrType::Text));
  }
  g_error_shown.clear();
  wxTEST_DIALOG(
      {
        BOOST_REQUIRE(frame->open_project(b, false, false));
        pump(100);
        frame->show_analysis();
        pump(100);
      },
      NoteError().Optional());
  BOOST_CHECK_MESSAGE(g_error_shown.empty(), "an error was shown: " << g_error_shown);
  BOOST_CHECK_EQUAL(gui::utf8(pane().cols_choice().GetStringSelection()), "Region");
  BOOST_CHECK_EQUAL(gui::utf8(pane().where().GetValue()), "");
  BOOST_CHECK_EQUAL(pane().matrix_shown().cols.size(), 2u); // North, South
  choose(pane().cols_choice(), "Region");

  // Back to A: its own choices again, whether the page is shown by its tab
  // or by Analysis > Theme Table (which asks for the kind before the page
  // has applied the project's choices: they are not lost).
  for (bool by_menu : {true, false}) {
    wxTEST_DIALOG(
        {
          if (by_menu) {
            BOOST_REQUIRE(frame->open_project(project, false, false));
            pump(100);
            frame->session().show_document(cafe); // the Analysis page out of sight
            pump();
          }
          BOOST_REQUIRE(frame->open_project(b, false, false));
          pump(100);
          BOOST_REQUIRE(frame->open_project(project, false, false));
          pump(100);
          if (by_menu) {
            BOOST_REQUIRE(frame->commands().invoke("analysis/theme-table"));
          } else {
            frame->show_analysis();
          }
          pump(100);
        },
        NoteError().Optional());
  }
  BOOST_CHECK_MESSAGE(g_error_shown.empty(), "an error was shown: " << g_error_shown);
  BOOST_CHECK(pane().kind() == gui::AnalysisKind::ThemeTable);
  BOOST_CHECK_EQUAL(gui::utf8(pane().cols_choice().GetStringSelection()), "Years");
  BOOST_CHECK_EQUAL(gui::utf8(pane().where().GetValue()), "Role = Teacher");
  BOOST_CHECK_EQUAL(pane().matrix_shown().cols.size(), 1u);
  BOOST_CHECK_EQUAL(pane().matrix_shown().cols.at(0), "12");
}

// Cells are shaded by value (the number stays), and the chosen column is
// charted beside the table.
BOOST_FIXTURE_TEST_CASE(cells_are_shaded_by_value_and_the_chosen_column_charted, PageFixture) {
  BOOST_REQUIRE(frame->commands().invoke("analysis/matrix"));
  pump();
  choose(pane().cols_choice(), "Documents");
  choose(pane().cell_choice(), "Codings");
  auto& grid = pane().grid();
  const auto& m = pane().matrix_shown();
  int barriers = -1, peer = -1, cafe_col = -1;
  for (std::size_t i = 0; i < m.rows.size(); ++i) {
    barriers = m.rows[i].path == "Barriers" ? static_cast<int>(i) : barriers;
    peer = m.rows[i].path == "Purpose/Peer support" ? static_cast<int>(i) : peer;
  }
  for (std::size_t c = 0; c < m.cols.size(); ++c) {
    cafe_col = m.cols[c] == "interview-cafe" ? static_cast<int>(c) : cafe_col;
  }
  BOOST_REQUIRE(barriers >= 0 && peer >= 0 && cafe_col >= 0);
  BOOST_CHECK_EQUAL(gui::utf8(grid.GetCellValue(barriers, cafe_col)), "2");
  BOOST_CHECK_EQUAL(gui::utf8(grid.GetCellValue(peer, cafe_col)), "1");
  auto deep = grid.GetCellBackgroundColour(barriers, cafe_col);
  auto pale = grid.GetCellBackgroundColour(peer, cafe_col);
  auto blank = grid.GetCellBackgroundColour(peer, 1 - cafe_col);
  BOOST_CHECK_EQUAL(gui::utf8(grid.GetCellValue(peer, 1 - cafe_col)), "·");
  BOOST_CHECK(blank == *wxWHITE);
  BOOST_CHECK(pale != *wxWHITE);
  BOOST_CHECK_LT(deep.Red() + deep.Green() + deep.Blue(), pale.Red() + pale.Green() + pale.Blue());
  // The text on the deepest cell is readable: far from its background.
  auto text = grid.GetCellTextColour(barriers, cafe_col);
  auto lum = [](const wxColour& c) {
    return 0.2126 * c.Red() + 0.7152 * c.Green() + 0.0722 * c.Blue();
  };
  BOOST_CHECK_GT(std::abs(lum(text) - lum(deep)), 100);

  // A click on a cell charts its column: a bar per row, the values shown.
  grid.SetGridCursor(peer, cafe_col);
  pump();
  const auto& chart = pane().chart();
  BOOST_CHECK(chart.IsShownOnScreen());
  BOOST_REQUIRE_EQUAL(chart.bars().size(), m.rows.size());
  BOOST_CHECK_EQUAL(chart.bars()[static_cast<std::size_t>(barriers)].value, 2.0);
  BOOST_CHECK_EQUAL(gui::utf8(chart.bars()[static_cast<std::size_t>(barriers)].text), "2");
  BOOST_CHECK(gui::utf8(chart.title()).find("interview-cafe") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
