// Edit > History's Undo to Here: the window's coder's actions back to a
// chosen one, each an ordinary undo; refused whole, with the app's message
// naming the step and the coder, when a colleague's later step is in the way.
#include <wx/button.h>
#include <wx/listctrl.h>
#include <wx/msgdlg.h>

#include "gui_test_support.h"
#include "history_dialog.h"
#include "quire/model/codebook.h"
#include "quire/model/coding.h"
#include "quire/model/documents.h"
#include "quire/store/history.h"
#include "wx_text.h"

using namespace quire;
using namespace quire::test;

namespace {

/// An error dialog answered with OK, its message kept.
class KeepMessage : public wxExpectModalBase<wxMessageDialog, KeepMessage> {
public:
  explicit KeepMessage(std::string* out) : m_out(out) {}

protected:
  int OnInvoked(wxMessageDialog* dlg) const override {
    *m_out = gui::utf8(dlg->GetMessage());
    return wxID_OK;
  }

private:
  std::string* m_out;
};

Id step_named(const Project& p, const std::string& name) {
  for (const auto& e : history(p)) {
    if (e.name == name) {
      return e.id;
    }
  }
  BOOST_FAIL("no step " + name);
  return 0;
}

} // namespace

BOOST_AUTO_TEST_SUITE(history_dialog)

BOOST_FIXTURE_TEST_CASE(undo_to_here_undoes_own_actions_and_redo_brings_them_back, FrameFixture) {
  auto doc = find_document(p(), "interview-cafe");
  auto& s = frame->session();
  s.set_coder("ana");
  auto [a0, a1] = find_in_document(p(), doc.id, "Teachers from");
  code_range(p(), doc.id, a0, a1, code("Purpose/Peer support"));
  auto first = history(p()).back().id;
  s.set_coder("bea");
  auto [b0, b1] = find_in_document(p(), doc.id, "Always time");
  code_range(p(), doc.id, b0, b1, code("Barriers/Time"));
  s.set_coder("ana");
  add_code(p(), "Later");
  const auto codings = list_codings(p(), {}).size();

  gui::HistoryDialog dlg(*frame);
  BOOST_REQUIRE_EQUAL(dlg.list().GetItemCount(), static_cast<int>(history(p()).size()));
  // Newest first; bea's action cannot be chosen, ana's can.
  BOOST_CHECK_EQUAL(gui::utf8(dlg.list().GetItemText(0, 2)), "Add code 'Later'");
  BOOST_REQUIRE(dlg.select_step(step_named(p(), "Code \u201cAlways time\u201d as Barriers/Time")));
  BOOST_CHECK(!dlg.undo_to_button().IsEnabled());
  BOOST_REQUIRE(dlg.select_step(first));
  BOOST_CHECK(dlg.undo_to_button().IsEnabled());
  // The button, as a click sends it.
  wxCommandEvent click(wxEVT_BUTTON, dlg.undo_to_button().GetId());
  click.SetEventObject(&dlg.undo_to_button());
  dlg.undo_to_button().GetEventHandler()->ProcessEvent(click);
  pump();
  BOOST_CHECK(!try_find_code(p(), "Later").has_value());
  BOOST_CHECK_EQUAL(list_codings(p(), {}).size(), codings - 1); // bea's stays
  BOOST_CHECK_EQUAL(gui::utf8(dlg.list().GetItemText(0, 3)), "undone");
  BOOST_CHECK(!dlg.undo_to_button().IsEnabled()); // the chosen step is undone now
  BOOST_CHECK(gui::utf8(frame->GetStatusBar()->GetStatusText(0)).find("Undone 2 action") !=
              std::string::npos);
  // Each was an ordinary undo: Redo brings back the oldest first.
  BOOST_REQUIRE(frame->commands().invoke("edit/redo"));
  BOOST_CHECK_EQUAL(list_codings(p(), {}).size(), codings);
  BOOST_CHECK(!try_find_code(p(), "Later").has_value());
  BOOST_REQUIRE(frame->commands().invoke("edit/redo"));
  BOOST_CHECK(try_find_code(p(), "Later").has_value());
}

BOOST_FIXTURE_TEST_CASE(undo_to_here_refused_by_a_colleagues_change_undoes_nothing, FrameFixture) {
  auto doc = find_document(p(), "interview-cafe");
  auto& s = frame->session();
  s.set_coder("ana");
  Id fresh = add_code(p(), "Fresh");
  auto added = history(p()).back().id;
  s.set_coder("bea");
  auto [b0, b1] = find_in_document(p(), doc.id, "Always time");
  code_range(p(), doc.id, b0, b1, fresh);
  s.set_coder("ana");
  auto [a0, a1] = find_in_document(p(), doc.id, "Teachers from");
  code_range(p(), doc.id, a0, a1, code("Purpose/Peer support"));
  const auto codings = list_codings(p(), {}).size();

  gui::HistoryDialog dlg(*frame);
  BOOST_REQUIRE(dlg.select_step(added));
  std::string message;
  bool undone = true;
  wxTEST_DIALOG(undone = dlg.undo_to_selected(), KeepMessage(&message));
  BOOST_CHECK(!undone);
  // Which step is in the way and whose, in the app's words; nothing undone,
  // not even ana's later coding that was free to go.
  BOOST_CHECK_MESSAGE(message.find("Nothing was undone") == 0, message);
  BOOST_CHECK_MESSAGE(message.find("bea's later step \u201cCode \u201cAlways time\u201d as "
                                   "Fresh\u201d") != std::string::npos,
                      message);
  BOOST_CHECK_EQUAL(list_codings(p(), {}).size(), codings);
  BOOST_CHECK(try_find_code(p(), "Fresh").has_value());
  for (const auto& e : history(p())) {
    BOOST_CHECK(!e.undone);
  }
}

BOOST_AUTO_TEST_SUITE_END()
