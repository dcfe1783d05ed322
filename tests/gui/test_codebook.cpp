// The codebook pane: selecting a code retrieves its segments; new, rename in
// place, merge and delete (with confirmation) are undoable core actions.
#include <wx/msgdlg.h>
#include <wx/textctrl.h>

#include "codebook_pane.h"
#include "document_view.h"
#include "gui_test_support.h"
#include "quire/model/codebook.h"
#include "quire/model/coding.h"
#include "quire/model/documents.h"
#include "segments_pane.h"
#include "wx_text.h"

using namespace quire;
using namespace quire::test;

BOOST_AUTO_TEST_SUITE(codebook)

BOOST_FIXTURE_TEST_CASE(selecting_a_code_in_the_tree_lists_its_segments, FrameFixture) {
  auto doc = find_document(p(), "interview-cafe");
  auto r1 = find_in_document(p(), doc.id, "Time. Always time.");
  auto r2 = find_in_document(p(), doc.id, "£180 a day");
  code_range(p(), doc.id, r1.first, r1.second, code("Barriers/Time"));
  code_range(p(), doc.id, r2.first, r2.second, code("Barriers/Funding"));
  pump();
  auto& tree = frame->codebook().tree();
  auto item = frame->codebook().item_of(code("Barriers"));
  BOOST_REQUIRE(item.IsOk());
  tree.SelectItem(item); // as a click does: the tree sends the selection event
  pump();
  BOOST_REQUIRE(frame->session().selected_code() == code("Barriers"));
  auto& seg = frame->segments();
  BOOST_CHECK_EQUAL(seg.rows().size(), 2u); // with subcodes
  seg.set_with_subcodes(false);
  BOOST_CHECK_EQUAL(seg.rows().size(), 0u);
  seg.set_with_subcodes(true);
  // The counts show in the tree.
  BOOST_CHECK(gui::utf8(tree.GetItemText(frame->codebook().item_of(code("Barriers/Time"))))
                  .find("(1 · 0)") != std::string::npos);

  // Double-click a segment: the document view shows it, selected.
  seg.open_row(1);
  pump();
  auto sel = frame->document_view().text().selection();
  BOOST_CHECK_EQUAL(sel.document, doc.id);
  BOOST_CHECK_EQUAL(sel.start, r2.first);
  BOOST_CHECK_EQUAL(sel.end, r2.second);
}

BOOST_FIXTURE_TEST_CASE(new_code_and_new_child, FrameFixture) {
  wxTEST_DIALOG(frame->commands().invoke("codes/new"), AnswerText("Outcomes"));
  pump();
  BOOST_REQUIRE(try_find_code(p(), "Outcomes").has_value());
  BOOST_CHECK(frame->session().selected_code() == code("Outcomes"));
  wxTEST_DIALOG(frame->commands().invoke("codes/new-child"), AnswerText("Pupils' reading"));
  pump();
  BOOST_CHECK(try_find_code(p(), "Outcomes/Pupils' reading").has_value());
  BOOST_CHECK(frame->codebook().item_of(code("Outcomes/Pupils' reading")).IsOk());
}

BOOST_FIXTURE_TEST_CASE(rename_in_place, FrameFixture) {
  Id id = code("Barriers/Time");
  frame->session().select_code(id);
  pump();
  BOOST_REQUIRE(frame->commands().invoke("codes/rename"));
  auto& tree = frame->codebook().tree();
  auto* edit = tree.GetEditControl();
  BOOST_REQUIRE(edit);
  BOOST_CHECK_EQUAL(gui::utf8(edit->GetValue()), "Time"); // the bare name, not the counts
  edit->SetValue("Lack of time");
  tree.EndEditLabel(frame->codebook().item_of(id), false);
  pump(100);
  BOOST_CHECK_EQUAL(get_code(p(), id).path, "Barriers/Lack of time");
  BOOST_CHECK_EQUAL(gui::utf8(tree.GetItemText(frame->codebook().item_of(id))), "Lack of time");
}

BOOST_FIXTURE_TEST_CASE(delete_asks_then_deletes_the_subtree_and_undo_restores_it, FrameFixture) {
  auto doc = find_document(p(), "notes-short");
  auto r = find_in_document(p(), doc.id, "rail strike");
  code_range(p(), doc.id, r.first, r.second, code("Barriers/Time"));
  frame->session().select_code(code("Barriers"));
  pump();
  // "Keep" leaves everything.
  wxTEST_DIALOG(frame->commands().invoke("codes/delete"), wxExpectModal<wxMessageDialog>(wxID_NO));
  BOOST_CHECK(try_find_code(p(), "Barriers/Time").has_value());
  wxTEST_DIALOG(frame->commands().invoke("codes/delete"), wxExpectModal<wxMessageDialog>(wxID_YES));
  pump();
  BOOST_CHECK(!try_find_code(p(), "Barriers").has_value());
  BOOST_CHECK(!try_find_code(p(), "Barriers/Funding").has_value());
  BOOST_CHECK(try_find_code(p(), "Purpose/Peer support").has_value());
  BOOST_CHECK_EQUAL(count_codings(p()), 0);
  frame->commands().invoke("edit/undo");
  pump();
  BOOST_CHECK(try_find_code(p(), "Barriers/Time").has_value());
  BOOST_CHECK_EQUAL(count_codings(p()), 1);
  BOOST_CHECK(frame->codebook().item_of(code("Barriers/Time")).IsOk());
}

BOOST_FIXTURE_TEST_CASE(merge_into_moves_codings, FrameFixture) {
  auto doc = find_document(p(), "notes-short");
  auto r = find_in_document(p(), doc.id, "rail strike");
  code_range(p(), doc.id, r.first, r.second, code("Barriers/Funding"));
  frame->session().select_code(code("Barriers/Funding"));
  pump();
  wxTEST_DIALOG(frame->commands().invoke("codes/merge"), TypeInCodePicker("time"));
  pump();
  BOOST_CHECK(!try_find_code(p(), "Barriers/Funding").has_value());
  CodingFilter f;
  f.code_id = code("Barriers/Time");
  BOOST_CHECK_EQUAL(list_codings(p(), f).size(), 1u);
  BOOST_CHECK(frame->session().selected_code() == code("Barriers/Time"));
}

// Issue 17's journey: moving a code was a drag only; Codes > Move To… does it
// by keys (type part of the new parent's path, Enter), and "(top level)".
BOOST_FIXTURE_TEST_CASE(move_to_moves_a_code_under_the_code_typed, FrameFixture) {
  Id funding = code("Barriers/Funding");
  frame->session().select_code(funding);
  pump();
  wxTEST_DIALOG(frame->commands().invoke("codes/move"), TypeInCodePicker("purp"));
  pump();
  BOOST_CHECK_EQUAL(get_code(p(), funding).path, "Purpose/Funding");
  BOOST_CHECK(frame->session().selected_code() == funding);
  BOOST_CHECK(frame->codebook().tree().GetItemParent(frame->codebook().item_of(funding)) ==
              frame->codebook().item_of(code("Purpose")));
  wxTEST_DIALOG(frame->commands().invoke("codes/move"), TypeInCodePicker("top level"));
  pump();
  BOOST_CHECK_EQUAL(get_code(p(), funding).path, "Funding");
  // Each move is one step: Undo puts it back under Purpose.
  frame->commands().invoke("edit/undo");
  pump();
  BOOST_CHECK_EQUAL(get_code(p(), funding).path, "Purpose/Funding");
}

BOOST_FIXTURE_TEST_CASE(drop_a_code_onto_another_moves_it_under_it, FrameFixture) {
  Id funding = code("Barriers/Funding");
  auto& tree = frame->codebook().tree();
  wxRect target;
  BOOST_REQUIRE(tree.GetBoundingRect(frame->codebook().item_of(code("Purpose")), target, true));
  BOOST_REQUIRE(frame->codebook().drop_code(funding, target.GetPosition() + wxPoint(2, 2)));
  pump(100);
  BOOST_CHECK_EQUAL(get_code(p(), funding).path, "Purpose/Funding");
  // Dropping a code onto itself is no move.
  wxRect self;
  BOOST_REQUIRE(tree.GetBoundingRect(frame->codebook().item_of(funding), self, true));
  BOOST_CHECK(!frame->codebook().drop_code(funding, self.GetPosition() + wxPoint(2, 2)));
}

BOOST_AUTO_TEST_SUITE_END()
