// An edit of a respondent's attribute value shows in the survey grid at
// once: only that row's values are read again (the survey is not reloaded),
// and a value of a new attribute adds its column.
#include "gui_test_support.h"
#include "quire/model/cases.h"
#include "survey_data.h"
#include "survey_pane.h"
#include "wx_text.h"

using namespace quire;
using namespace quire::test;

namespace {

struct Survey : FrameFixture {
  Survey() {
    store_survey(p(), "staff-survey", 60);
    pump(100);
  }
  gui::SurveyPane& pane() { return frame->survey(); }
  int column(const std::string& name) {
    for (int c = 0; c < pane().grid().GetNumberCols(); ++c) {
      if (pane().model().columns()[pane().model_column(c)].name == name)
        return c;
    }
    return -1;
  }
  std::string text(int row, int col) { return gui::utf8(pane().cell_text(row, col)); }
};

} // namespace

BOOST_AUTO_TEST_SUITE(survey_values)

BOOST_FIXTURE_TEST_CASE(an_edited_value_shows_in_its_row_at_once, Survey) {
  BOOST_REQUIRE_EQUAL(text(2, 0), "R0003");
  const int role = column("Role");
  BOOST_REQUIRE(role > 0);
  const auto other = text(3, role);
  set_attribute(p(), find_case(p(), "R0003").id, "Role", Value::of_text("Governor"));
  pump();
  BOOST_CHECK_EQUAL(text(2, role), "Governor");
  BOOST_CHECK_EQUAL(text(3, role), other);
  // Undone (another change to values only): the old value is back.
  frame->commands().invoke("edit/undo");
  pump();
  BOOST_CHECK_NE(text(2, role), "Governor");
  // A value of an attribute the grid has no column for: the column comes.
  BOOST_CHECK_EQUAL(column("Shoe size"), -1);
  set_attribute(p(), find_case(p(), "R0003").id, "Shoe size", Value::of_number(42));
  pump();
  const int shoe = column("Shoe size");
  BOOST_REQUIRE(shoe > 0);
  BOOST_CHECK_EQUAL(text(2, shoe), "42");
}

BOOST_AUTO_TEST_SUITE_END()
