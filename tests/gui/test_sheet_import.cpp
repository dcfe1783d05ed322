// File > Import Codebook… and File > Import Classification Sheet…: the file
// chosen, the preview of what will be added and updated (from core's dry
// run), a refused sheet shown as such until "Update existing cases" is
// ticked, and Import storing it as one undoable step.
#include <wx/listctrl.h>
#include <wx/stattext.h>

#include "gui_test_support.h"
#include "quire/model/cases.h"
#include "quire/model/codebook.h"
#include "sheet_import_dialog.h"
#include "wx_text.h"

using namespace quire;
using namespace quire::test;

namespace {

std::vector<std::string> column(wxListCtrl& list, int col) {
  std::vector<std::string> out;
  for (long i = 0; i < list.GetItemCount(); ++i)
    out.push_back(gui::utf8(list.GetItemText(i, col)));
  return out;
}

/// Checks the codebook preview, then imports.
class CheckCodebook : public wxExpectModalBase<gui::SheetImportDialog, CheckCodebook> {
protected:
  int OnInvoked(gui::SheetImportDialog* dlg) const override {
    auto names = column(dlg->list(), 1);
    auto changes = column(dlg->list(), 0);
    BOOST_CHECK_EQUAL(names.size(), 5u);
    BOOST_CHECK_EQUAL(names.at(0), "Barriers");
    BOOST_CHECK_EQUAL(changes.at(0), "Update"); // there already: its colour and memo
    BOOST_CHECK_EQUAL(names.at(2), "Barriers/Cost/Travel");
    BOOST_CHECK_EQUAL(changes.at(2), "Add");
    BOOST_CHECK_EQUAL(names.at(3), "Barriers/Time");
    BOOST_CHECK_EQUAL(changes.at(3), "Same");
    BOOST_CHECK(gui::utf8(dlg->summary().GetLabel()).find("3 codes to add") != std::string::npos);
    BOOST_CHECK(dlg->can_import());
    return wxID_OK;
  }
};

/// Sees the sheet refused as it stands, ticks "Update existing cases", imports.
class UpdateCases : public wxExpectModalBase<gui::SheetImportDialog, UpdateCases> {
protected:
  int OnInvoked(gui::SheetImportDialog* dlg) const override {
    BOOST_CHECK(!dlg->can_import());
    dlg->set_update(true);
    BOOST_CHECK(dlg->can_import());
    auto names = column(dlg->list(), 1);
    auto details = column(dlg->list(), 2);
    auto p01 = std::find(names.begin(), names.end(), "P01");
    BOOST_REQUIRE(p01 != names.end());
    BOOST_CHECK_EQUAL(details.at(static_cast<std::size_t>(p01 - names.begin())), "Age 40 -> 34");
    return wxID_OK;
  }
};

} // namespace

BOOST_AUTO_TEST_SUITE(sheet_import)

BOOST_FIXTURE_TEST_CASE(import_a_codebook_from_the_file_menu, FrameFixture) {
  // The fixture's codebook has Barriers and Barriers/Time already.
  auto codes_before = list_codes(p()).size();
  auto book = fixture("sheets/maxqda-codebook.xlsx");
  wxTEST_DIALOG(frame->commands().invoke("file/import-codebook"),
                wxExpectModal<wxFileDialog>(gui::wx(book.string())), CheckCodebook());
  pump();
  BOOST_CHECK_EQUAL(list_codes(p()).size(), codes_before + 3);
  BOOST_CHECK_EQUAL(find_code(p(), "Barriers").color, "#ff8000");
  BOOST_CHECK(try_find_code(p(), "Barriers/Cost/Travel").has_value());
  frame->commands().invoke("edit/undo"); // one step
  BOOST_CHECK_EQUAL(list_codes(p()).size(), codes_before);
}

BOOST_FIXTURE_TEST_CASE(a_sheet_that_differs_is_imported_only_updating_cases, FrameFixture) {
  Id c = add_case(p(), "P01");
  set_attribute(p(), c, "Age", Value::of_number(40));
  auto sheet = fixture("sheets/nvivo-classification.xlsx");
  wxTEST_DIALOG(frame->commands().invoke("file/import-cases"),
                wxExpectModal<wxFileDialog>(gui::wx(sheet.string())), UpdateCases());
  pump();
  BOOST_CHECK_EQUAL(case_attributes(p(), c).at("Age").display(), "34");
  BOOST_CHECK(try_find_case(p(), "P03").has_value());
  frame->commands().invoke("edit/undo");
  BOOST_CHECK_EQUAL(case_attributes(p(), c).at("Age").display(), "40");
  BOOST_CHECK(!try_find_case(p(), "P03").has_value());
}

BOOST_AUTO_TEST_SUITE_END()
