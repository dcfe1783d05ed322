// Coding text in the document view: Code as… (existing and new codes),
// keys 1-9, uncode, undo/redo by name, exact code-point offsets with accents
// and emoji, memos on codings.
#include <wx/accel.h>

#include "codebook_pane.h"
#include "coded_text.h"
#include "coding_stripes.h"
#include "document_view.h"
#include "gui_test_support.h"
#include "quire/model/codebook.h"
#include "quire/model/coding.h"
#include "quire/model/documents.h"
#include "quire/model/memos.h"
#include "quire/store/history.h"
#include "wx_text.h"

using namespace quire;
using namespace quire::test;

namespace {

std::vector<CodedSegment> codings_of(const std::filesystem::path& file, const std::string& code) {
  auto p = Project::open(file); // a separate connection: what is on disk
  CodingFilter f;
  f.code_id = find_code(p, code).id;
  return list_codings(p, f);
}

} // namespace

BOOST_AUTO_TEST_SUITE(coding)

BOOST_FIXTURE_TEST_CASE(code_as_codes_the_selection_at_code_point_offsets, FrameFixture) {
  // The selection starts after "é", "—" and "☕" and contains an emoji sequence.
  const std::string needle = "Ideas I can use on Monday 👩‍🏫";
  select_text("interview-cafe", needle);
  wxTEST_DIALOG(frame->commands().invoke("code/code-as"), TypeInCodePicker("sharing"));
  pump();

  auto segs = codings_of(project, "Purpose/Sharing practice");
  BOOST_REQUIRE_EQUAL(segs.size(), 1u);
  auto doc = find_document(p(), "interview-cafe");
  auto expected = find_in_document(p(), doc.id, needle);
  BOOST_CHECK_EQUAL(segs[0].coding.start, expected.first);
  BOOST_CHECK_EQUAL(segs[0].coding.end, expected.second);
  BOOST_CHECK_EQUAL(segs[0].text, needle);
  // Code points, not bytes: the bytes before it include multi-byte characters.
  auto text = document_text(p(), doc.id);
  BOOST_CHECK_LT(segs[0].coding.start, static_cast<std::int64_t>(text.find(needle)));

  // The view shows it: one laid coding over exactly those bytes.
  auto& view = frame->document_view().text();
  BOOST_REQUIRE_EQUAL(view.laid().size(), 1u);
  BOOST_CHECK_EQUAL(view.pos_of(view.laid()[0].coding.start), static_cast<int>(text.find(needle)));
}

BOOST_FIXTURE_TEST_CASE(code_as_with_a_new_path_creates_the_code, FrameFixture) {
  select_text("interview-cafe", "the café next to the station");
  wxTEST_DIALOG(frame->commands().invoke("code/code-as"),
                TypeInCodePicker("Setting/Informal venues"));
  pump();
  auto segs = codings_of(project, "Setting/Informal venues");
  BOOST_REQUIRE_EQUAL(segs.size(), 1u);
  BOOST_CHECK_EQUAL(segs[0].text, "the café next to the station");
  // The new code is in the codebook tree.
  BOOST_CHECK(frame->codebook().item_of(code("Setting/Informal venues")).IsOk());
}

BOOST_FIXTURE_TEST_CASE(undo_and_redo_carry_the_actions_name, FrameFixture) {
  select_text("notes-short", "rail strike");
  frame->session().select_code(code("Barriers/Time"));
  BOOST_REQUIRE(frame->commands().invoke("code/with-selected"));
  pump();
  BOOST_CHECK_EQUAL(codings_of(project, "Barriers/Time").size(), 1u);

  auto label = gui::utf8(frame->commands().label("edit/undo"));
  BOOST_CHECK_MESSAGE(label.find("Barriers/Time") != std::string::npos, label);
  BOOST_REQUIRE(frame->commands().invoke("edit/undo"));
  pump();
  BOOST_CHECK_EQUAL(codings_of(project, "Barriers/Time").size(), 0u);
  BOOST_CHECK(frame->document_view().text().laid().empty());
  auto redo_label = gui::utf8(frame->commands().label("edit/redo"));
  BOOST_CHECK_MESSAGE(redo_label.find("Barriers/Time") != std::string::npos, redo_label);

  BOOST_REQUIRE(frame->commands().invoke("edit/redo"));
  pump();
  BOOST_CHECK_EQUAL(codings_of(project, "Barriers/Time").size(), 1u);
  BOOST_CHECK_EQUAL(frame->document_view().text().laid().size(), 1u);
}

// Issue 17's journey: Ctrl+Y did nothing (no key of the app's; in the
// document view Scintilla took it as its own, empty, redo). It redoes too.
BOOST_FIXTURE_TEST_CASE(ctrl_y_redoes_in_the_document_and_in_the_window, FrameFixture) {
  select_text("notes-short", "rail strike");
  frame->session().select_code(code("Barriers/Time"));
  BOOST_REQUIRE(frame->commands().invoke("code/with-selected"));
  BOOST_REQUIRE(frame->commands().invoke("edit/undo"));
  pump();
  BOOST_REQUIRE_EQUAL(codings_of(project, "Barriers/Time").size(), 0u);
  auto ctrl_y = [](wxWindow& w) {
    wxKeyEvent key(wxEVT_KEY_DOWN);
    key.m_keyCode = 'Y';
    key.m_controlDown = true;
    key.SetEventObject(&w);
    return key;
  };
  auto& stc = frame->document_view().text();
  auto key = ctrl_y(stc);
  stc.GetEventHandler()->ProcessEvent(key);
  pump();
  BOOST_CHECK_EQUAL(codings_of(project, "Barriers/Time").size(), 1u);
  // Elsewhere in the window it is the frame's accelerator for Redo.
  const auto* table = frame->GetAcceleratorTable();
  BOOST_REQUIRE(table && table->IsOk());
  BOOST_CHECK_EQUAL(table->GetCommand(ctrl_y(*frame)), frame->commands().get("edit/redo").id);
}

BOOST_FIXTURE_TEST_CASE(number_keys_apply_recently_used_codes, FrameFixture) {
  select_text("interview-cafe", "Time. Always time.");
  frame->session().select_code(code("Barriers/Time"));
  frame->commands().invoke("code/with-selected");
  select_text("interview-cafe", "the cover costs");
  frame->session().select_code(code("Barriers/Funding"));
  frame->commands().invoke("code/with-selected");
  pump();
  BOOST_CHECK(gui::utf8(frame->commands().label("code/recent-2")).find("Barriers/Funding") !=
              std::string::npos);

  // Key 1 codes with the first code used, whatever is selected in the codebook now.
  select_text("notes-short", "the agenda was cut in half");
  auto& stc = frame->document_view().text();
  wxKeyEvent key(wxEVT_CHAR);
  key.m_keyCode = '1';
  key.SetEventObject(&stc);
  stc.GetEventHandler()->ProcessEvent(key);
  pump();
  auto segs = codings_of(project, "Barriers/Time");
  BOOST_REQUIRE_EQUAL(segs.size(), 2u);
  BOOST_CHECK_EQUAL(segs[1].text, "the agenda was cut in half");
}

BOOST_FIXTURE_TEST_CASE(clicking_a_stripe_selects_its_coding_and_uncode_removes_it, FrameFixture) {
  select_text("notes-short", "share lesson plans through one folder");
  frame->session().select_code(code("Purpose/Sharing practice"));
  frame->commands().invoke("code/with-selected");
  select_text("notes-short", "rail strike");
  frame->session().select_code(code("Barriers/Time"));
  frame->commands().invoke("code/with-selected");
  pump(50);
  auto& text = frame->document_view().text();
  auto& stripes = frame->document_view().stripes();
  BOOST_REQUIRE_EQUAL(text.laid().size(), 2u);
  const auto& sharing = text.laid()[1];
  BOOST_REQUIRE_EQUAL(sharing.path, "Purpose/Sharing practice");

  // Click its stripe: the coding is selected and its range too.
  int y = text.PointFromPosition(text.pos_of(sharing.coding.start)).y + 3;
  wxPoint at;
  bool found = false;
  for (int x = 0; x < stripes.GetClientSize().x && !found; ++x) {
    const auto* hit = stripes.coding_at(wxPoint(x, y));
    if (hit && hit->coding.id == sharing.coding.id) {
      at = wxPoint(x, y);
      found = true;
    }
  }
  BOOST_REQUIRE(found);
  BOOST_CHECK_NE(stripes.describe(sharing).find("coded by"), std::string::npos);
  wxMouseEvent click(wxEVT_LEFT_DOWN);
  click.SetPosition(at);
  click.SetEventObject(&stripes);
  stripes.GetEventHandler()->ProcessEvent(click);
  pump();
  BOOST_REQUIRE(frame->session().selected_coding().has_value());
  Id selected = *frame->session().selected_coding();
  BOOST_CHECK_EQUAL(text.selection().start, sharing.coding.start);
  BOOST_CHECK_EQUAL(text.selection().end, sharing.coding.end);

  // A memo on it, then uncode: the coding goes, the other stays.
  wxTEST_DIALOG(frame->commands().invoke("code/memo-coding"), AnswerText("check with P2"));
  pump();
  BOOST_REQUIRE_EQUAL(list_memos(p(), MemoTarget::Coding, selected).size(), 1u);
  BOOST_CHECK_NE(stripes.describe(text.laid()[1]).find("check with P2"), std::string::npos);
  BOOST_REQUIRE(frame->commands().invoke("code/uncode"));
  pump();
  BOOST_CHECK_EQUAL(codings_of(project, "Purpose/Sharing practice").size(), 0u);
  BOOST_CHECK_EQUAL(codings_of(project, "Barriers/Time").size(), 1u);
  BOOST_CHECK_EQUAL(text.laid().size(), 1u);
}

BOOST_FIXTURE_TEST_CASE(overlapping_codings_go_on_separate_layers, FrameFixture) {
  select_text("interview-cafe", "Time. Always time. And the cover costs");
  frame->session().select_code(code("Barriers/Time"));
  frame->commands().invoke("code/with-selected");
  select_text("interview-cafe", "the cover costs — £180 a day");
  frame->session().select_code(code("Barriers/Funding"));
  frame->commands().invoke("code/with-selected");
  pump();
  auto& text = frame->document_view().text();
  BOOST_REQUIRE_EQUAL(text.laid().size(), 2u);
  BOOST_CHECK_NE(text.laid()[0].layer, text.laid()[1].layer);
  BOOST_CHECK_EQUAL(text.layers(), 2);
  // Both show at a character they share, each in its own indicator.
  int shared = text.pos_of(text.laid()[1].coding.start) + 1;
  int on = 0;
  for (int ind = wxSTC_INDIC_CONTAINER; ind < wxSTC_INDIC_CONTAINER + 8; ++ind) {
    on += text.IndicatorValueAt(ind, shared) != 0 ? 1 : 0;
  }
  BOOST_CHECK_EQUAL(on, 2);
}

BOOST_FIXTURE_TEST_CASE(coding_without_a_selection_says_what_to_do, FrameFixture) {
  frame->session().show_document(find_document(p(), "notes-short").id);
  pump();
  frame->document_view().text().SetEmptySelection(0);
  wxTEST_DIALOG(BOOST_CHECK(!frame->commands().invoke("code/code-as")),
                wxExpectModal<wxMessageDialog>(wxOK));
  BOOST_CHECK_EQUAL(count_codings(p()), 0);
}

BOOST_FIXTURE_TEST_CASE(find_selects_the_next_match, FrameFixture) {
  frame->session().show_document(find_document(p(), "interview-cafe").id);
  pump();
  auto& view = frame->document_view();
  BOOST_REQUIRE(frame->commands().invoke("edit/find"));
  BOOST_CHECK(view.find(wxString::FromUTF8("CAFÉ")));
  auto sel = view.text().selection();
  auto doc = find_document(p(), "interview-cafe");
  BOOST_CHECK_EQUAL(sel.start, find_in_document(p(), doc.id, "café").first);
  BOOST_CHECK(view.find("time"));
  BOOST_CHECK(view.find("time")); // "Time. Always time": the second one
  BOOST_CHECK_EQUAL(view.text().selection().start, find_in_document(p(), doc.id, "time", 0).first);
  BOOST_CHECK(!view.find("no such words"));
}

BOOST_AUTO_TEST_SUITE_END()
