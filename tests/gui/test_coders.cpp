// Codes > Coders…: hiding another coder's codings in the document view (an
// undoable project setting) and switching the name this window codes as.
#include <algorithm>

#include <wx/checklst.h>
#include <wx/combobox.h>

#include "coded_text.h"
#include "coders_dialog.h"
#include "document_view.h"
#include "gui_test_support.h"
#include "quire/model/coders.h"
#include "quire/model/coding.h"
#include "quire/model/documents.h"
#include "wx_text.h"

using namespace quire;
using namespace quire::test;

namespace {

/// Unticks a coder and types a new name to code as.
class HideAndSwitch : public wxExpectModalBase<gui::CodersDialog, HideAndSwitch> {
public:
  HideAndSwitch(std::string hide, std::string code_as)
      : m_hide(std::move(hide)), m_as(std::move(code_as)) {}

protected:
  int OnInvoked(gui::CodersDialog* dlg) const override {
    auto& list = dlg->list();
    BOOST_REQUIRE_GE(list.GetCount(), 2u); // ana, bea and whoever made the fixture
    bool found = false;
    for (unsigned i = 0; i < list.GetCount(); ++i) {
      BOOST_CHECK(list.IsChecked(i)); // everyone's are shown at first
      if (gui::utf8(list.GetString(i)).rfind(m_hide + " ", 0) == 0) {
        list.Check(i, false);
        found = true;
      }
    }
    BOOST_CHECK(found);
    dlg->coder_box().SetValue(gui::wx(m_as));
    return wxID_OK;
  }

private:
  std::string m_hide, m_as;
};

} // namespace

BOOST_AUTO_TEST_SUITE(coders)

BOOST_FIXTURE_TEST_CASE(hide_a_coders_codings_and_code_as_another_name, FrameFixture) {
  auto doc = find_document(p(), "interview-cafe");
  auto& s = frame->session();
  s.set_coder("ana");
  auto [a0, a1] = find_in_document(p(), doc.id, "Teachers from");
  code_range(p(), doc.id, a0, a1, code("Purpose/Peer support"));
  s.set_coder("bea");
  auto [b0, b1] = find_in_document(p(), doc.id, "Always time");
  code_range(p(), doc.id, b0, b1, code("Barriers/Time"));
  s.show_document(doc.id);
  pump();
  auto& view = frame->document_view().text();
  BOOST_REQUIRE_EQUAL(view.laid().size(), 2u);

  wxTEST_DIALOG(frame->commands().invoke("codes/coders"), HideAndSwitch("ana", "carl"));
  pump();
  // The setting is in the project file; the view shows only bea's coding.
  auto disk = Project::open(project);
  auto shown = shown_coders(disk);
  BOOST_CHECK(std::find(shown.begin(), shown.end(), "ana") == shown.end());
  BOOST_CHECK(std::find(shown.begin(), shown.end(), "bea") != shown.end());
  BOOST_REQUIRE_EQUAL(view.laid().size(), 1u);
  BOOST_CHECK_EQUAL(view.laid()[0].coding.coder, "bea");
  // New codings carry the new name.
  BOOST_CHECK_EQUAL(p().coder(), "carl");
  auto [c0, c1] = find_in_document(p(), doc.id, "cover costs");
  auto made = code_range(p(), doc.id, c0, c1, code("Barriers/Funding"));
  BOOST_CHECK_EQUAL(get_coding(p(), made.coding_id).coder, "carl");

  // Undo is per coder: carl undoes his coding, and nothing more (hiding ana
  // was bea's step); bea undoes that: ana's coding is back in view.
  BOOST_REQUIRE(frame->commands().invoke("edit/undo"));
  BOOST_CHECK(!frame->commands().enabled("edit/undo"));
  s.set_coder("bea");
  BOOST_REQUIRE(frame->commands().invoke("edit/undo"));
  pump();
  BOOST_CHECK(shown_coders(p()).empty());
  BOOST_CHECK_EQUAL(view.laid().size(), 2u);
}

BOOST_AUTO_TEST_SUITE_END()
