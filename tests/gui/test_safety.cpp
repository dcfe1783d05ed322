// File > Restore a Safety Copy on a real window: the dialog lists the copies
// core kept (newest first), a confirmed restore brings the state back and the
// views reload; restoring the "before" copy goes back again.
#include <wx/listctrl.h>
#include <wx/msgdlg.h>

#include "codebook_pane.h"
#include "gui_test_support.h"
#include "quire/model/codebook.h"
#include "quire/model/coding.h"
#include "quire/model/documents.h"
#include "quire/store/safety_copies.h"
#include "safety_dialog.h"
#include "wx_text.h"

using namespace quire;
using namespace quire::test;

namespace {

/// Picks a row of the Restore dialog (0 = newest) and presses Restore;
/// notes what the rows said.
class PickSafetyCopy : public wxExpectModalBase<gui::SafetyCopiesDialog, PickSafetyCopy> {
public:
  PickSafetyCopy(long row, std::vector<std::string>* rows) : m_row(row), m_rows(rows) {}

protected:
  int OnInvoked(gui::SafetyCopiesDialog* dlg) const override {
    auto& list = dlg->list();
    for (long i = 0; i < list.GetItemCount(); ++i) {
      m_rows->push_back(gui::utf8(list.GetItemText(i, 1)));
    }
    if (m_row < 0 || m_row >= list.GetItemCount()) {
      return wxID_CANCEL;
    }
    dlg->select(m_row);
    return wxID_OK;
  }

private:
  long m_row;
  std::vector<std::string>* m_rows;
};

} // namespace

BOOST_AUTO_TEST_SUITE(safety)

BOOST_FIXTURE_TEST_CASE(restore_a_safety_copy_brings_back_a_deleted_code, FrameFixture) {
  auto doc = find_document(p(), "notes-short");
  auto r = find_in_document(p(), doc.id, "rail strike");
  code_range(p(), doc.id, r.first, r.second, code("Barriers/Time"));
  frame->session().select_code(code("Barriers"));
  pump();
  wxTEST_DIALOG(frame->commands().invoke("codes/delete"), wxExpectModal<wxMessageDialog>(wxID_YES));
  pump();
  BOOST_REQUIRE(!try_find_code(p(), "Barriers").has_value());

  // Cancel at the confirmation: nothing changes.
  std::vector<std::string> rows;
  wxTEST_DIALOG(frame->commands().invoke("file/restore"), PickSafetyCopy(0, &rows),
                wxExpectModal<wxMessageDialog>(wxID_NO));
  BOOST_REQUIRE_EQUAL(rows.size(), 1u);
  BOOST_CHECK_EQUAL(rows[0], "Delete code 'Barriers'");
  BOOST_CHECK(!try_find_code(p(), "Barriers").has_value());

  rows.clear();
  wxTEST_DIALOG(frame->commands().invoke("file/restore"), PickSafetyCopy(0, &rows),
                wxExpectModal<wxMessageDialog>(wxID_YES));
  pump(100);
  BOOST_REQUIRE(try_find_code(p(), "Barriers/Time").has_value());
  const Id time = code("Barriers/Time");
  BOOST_CHECK_EQUAL(count_codings(p()), 1);
  // The codebook view reloaded from the change.
  BOOST_CHECK(frame->codebook().item_of(code("Barriers/Time")).IsOk());

  // The state before the restore was kept: restoring it goes back.
  rows.clear();
  wxTEST_DIALOG(frame->commands().invoke("file/restore"), PickSafetyCopy(0, &rows),
                wxExpectModal<wxMessageDialog>(wxID_YES));
  pump(100);
  BOOST_REQUIRE_EQUAL(rows.size(), 2u);
  BOOST_CHECK(rows[0].rfind("Restore the copy kept before Delete code 'Barriers'", 0) == 0);
  BOOST_CHECK(!try_find_code(p(), "Barriers").has_value());
  BOOST_CHECK_EQUAL(count_codings(p()), 0);
  BOOST_CHECK(!frame->codebook().item_of(time).IsOk());
  BOOST_CHECK_EQUAL(list_safety_copies(frame->session().path()).size(), 3u);
}

BOOST_FIXTURE_TEST_CASE(a_copy_that_cannot_be_made_asks_before_going_on, FrameFixture) {
  auto doc = find_document(p(), "notes-short");
  auto r = find_in_document(p(), doc.id, "rail strike");
  code_range(p(), doc.id, r.first, r.second, code("Barriers/Time"));
  // A file where the copies' folder should be: no copy can be made.
  write_file(safety_folder(project), "in the way");
  frame->session().select_code(code("Barriers"));
  pump();
  // "Stop": nothing changes.
  wxTEST_DIALOG(frame->commands().invoke("codes/delete"), wxExpectModal<wxMessageDialog>(wxID_YES),
                wxExpectModal<wxMessageDialog>(wxID_NO).Describe("no safety copy: go on?"));
  pump();
  BOOST_CHECK(try_find_code(p(), "Barriers/Time").has_value());
  BOOST_CHECK_EQUAL(count_codings(p()), 1);
  // "Go on without a copy": deleted, and undo still brings it back.
  wxTEST_DIALOG(frame->commands().invoke("codes/delete"), wxExpectModal<wxMessageDialog>(wxID_YES),
                wxExpectModal<wxMessageDialog>(wxID_YES).Describe("no safety copy: go on?"));
  pump();
  BOOST_CHECK(!try_find_code(p(), "Barriers").has_value());
  frame->commands().invoke("edit/undo");
  pump();
  BOOST_CHECK(try_find_code(p(), "Barriers/Time").has_value());
  // Only that once: the next destructive action is refused again.
  frame->session().select_code(code("Barriers"));
  pump();
  wxTEST_DIALOG(frame->commands().invoke("codes/delete"), wxExpectModal<wxMessageDialog>(wxID_YES),
                wxExpectModal<wxMessageDialog>(wxID_NO).Describe("no safety copy: go on?"));
  BOOST_CHECK(try_find_code(p(), "Barriers").has_value());
}

BOOST_AUTO_TEST_SUITE_END()
