// Another program on the open project (the `quire` command): what it changes
// reaches the window's views within two seconds, without reopening. And
// undo in the window: one step per user action, the window's coder's own.
#include <sqlite3.h>

#include <chrono>
#include <functional>

#include <wx/evtloop.h>

#include "codebook_pane.h"
#include "coded_text.h"
#include "coding_stripes.h"
#include "document_view.h"
#include "gui_test_support.h"
#include "quire/model/codebook.h"
#include "quire/model/coding.h"
#include "quire/model/documents.h"
#include "quire/store/history.h"
#include "segments_pane.h"
#include "sources_pane.h"
#include "wx_text.h"

using namespace quire;
using namespace quire::test;

namespace {

/// Runs the event loop, timers included (the session looks for other
/// programs' changes on a timer), until done() or ms pass. Returns how long
/// it took, or -1 when done() never held.
int wait_for(const std::function<bool()>& done, int ms) {
  wxEventLoopGuarantor loop;
  auto start = std::chrono::steady_clock::now();
  auto elapsed = [&] {
    return static_cast<int>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                std::chrono::steady_clock::now() - start)
                                .count());
  };
  while (true) {
    wxEventLoopBase::GetActive()->Yield(true);
    pump(10);
    if (done()) {
      return elapsed();
    }
    if (elapsed() > ms) {
      return -1;
    }
  }
}

/// Whether a stripe of coding id is drawn beside line y of the text.
bool stripe_shown(gui::DocumentView& view, Id coding) {
  auto& text = view.text();
  auto& stripes = view.stripes();
  for (const auto& l : text.laid()) {
    if (l.coding.id != coding) {
      continue;
    }
    int y = text.PointFromPosition(text.pos_of(l.coding.start)).y + 3;
    for (int x = 0; x < stripes.GetClientSize().x; ++x) {
      const auto* hit = stripes.coding_at(wxPoint(x, y));
      if (hit && hit->coding.id == coding) {
        return true;
      }
    }
  }
  return false;
}

std::optional<Code> code_on_disk(const std::filesystem::path& file, const std::string& path) {
  auto p = Project::open(file);
  return try_find_code(p, path);
}

} // namespace

BOOST_AUTO_TEST_SUITE(live_updates)

BOOST_FIXTURE_TEST_CASE(a_code_and_coding_made_by_the_cli_show_within_two_seconds, FrameFixture) {
  auto doc = find_document(p(), "notes-short");
  frame->session().show_document(doc.id);
  pump(50);
  BOOST_REQUIRE(frame->document_view().text().laid().empty());

  auto r = run_quire({"code", project.string(), "--doc", "notes-short", "--match", "rail strike",
                      "--code", "Outside/From the command line", "--create", "--coder", "cli"});
  BOOST_REQUIRE_MESSAGE(r.status == 0, r.err);
  auto made = code_on_disk(project, "Outside/From the command line");
  BOOST_REQUIRE(made);
  Id code = made->id;
  Id coding = 0;
  {
    auto other = Project::open(project);
    auto codings = document_codings(other, doc.id);
    BOOST_REQUIRE_EQUAL(codings.size(), 1u);
    coding = codings[0].id;
  }
  auto& book = frame->codebook();
  int took = wait_for(
      [&] {
        return book.item_of(code).IsOk() &&
               book.tree().GetItemText(book.item_of(code)).Contains(L"(1 · ") &&
               stripe_shown(frame->document_view(), coding);
      },
      2000);
  BOOST_CHECK_MESSAGE(took >= 0, "the codebook and the document view did not show the change "
                                 "within 2 s: "
                                     << gui::utf8(book.label_of(code)) << ", "
                                     << frame->document_view().text().laid().size()
                                     << " coding(s) laid");
  BOOST_TEST_MESSAGE("shown after " << took << " ms");

  // And back: the CLI's undo (as the same coder) reaches the views too.
  r = run_quire({"undo", project.string(), "--coder", "cli"});
  BOOST_REQUIRE_MESSAGE(r.status == 0, r.err);
  took = wait_for(
      [&] { return !book.item_of(code).IsOk() && frame->document_view().text().laid().empty(); },
      2000);
  BOOST_CHECK_MESSAGE(took >= 0, "the undo by the CLI did not reach the views within 2 s");
}

BOOST_FIXTURE_TEST_CASE(changes_too_old_to_tell_apart_reload_every_view, FrameFixture) {
  auto doc = find_document(p(), "interview-cafe");
  frame->session().show_document(doc.id);
  frame->session().select_code(code("Barriers/Time"));
  pump(50);
  auto r = run_quire({"code", project.string(), "--doc", "interview-cafe", "--range", "0:5",
                      "--code", "Barriers/Time", "--coder", "cli"});
  BOOST_REQUIRE_MESSAGE(r.status == 0, r.err);
  {
    // The journal no longer says what changed: the window must reload all.
    sqlite3* db = nullptr;
    BOOST_REQUIRE(sqlite3_open(project.string().c_str(), &db) == SQLITE_OK);
    BOOST_CHECK(sqlite3_exec(db, "DELETE FROM change_journal", nullptr, nullptr, nullptr) ==
                SQLITE_OK);
    sqlite3_close(db);
  }
  auto& book = frame->codebook();
  Id time = code("Barriers/Time");
  int took = wait_for(
      [&] {
        return book.tree().GetItemText(book.item_of(time)).Contains(L"(1 · ") &&
               frame->document_view().text().laid().size() == 1 &&
               frame->segments().list().GetItemCount() == 1;
      },
      2000);
  BOOST_CHECK_MESSAGE(took >= 0, "a change the journal cannot name did not reload the views");
}

BOOST_FIXTURE_TEST_CASE(code_as_a_new_code_is_one_undo_step, FrameFixture) {
  auto steps = history(p()).size();
  select_text("interview-cafe", "the café next to the station");
  wxTEST_DIALOG(frame->commands().invoke("code/code-as"),
                TypeInCodePicker("Setting/Informal venues"));
  pump();
  BOOST_REQUIRE(code_on_disk(project, "Setting/Informal venues"));
  BOOST_CHECK_EQUAL(history(p()).size(), steps + 1);
  auto name = undo_name(p()).value_or("");
  BOOST_CHECK_MESSAGE(name.find("as Setting/Informal venues (new code)") != std::string::npos,
                      name);
  BOOST_REQUIRE(frame->commands().invoke("edit/undo"));
  pump();
  // One undo: neither the coding nor the code it made.
  BOOST_CHECK(!code_on_disk(project, "Setting/Informal venues"));
  BOOST_CHECK(!code_on_disk(project, "Setting"));
  BOOST_CHECK(frame->document_view().text().laid().empty());
}

BOOST_FIXTURE_TEST_CASE(edit_undo_undoes_the_windows_coder_s_own_step, FrameFixture) {
  frame->session().set_coder("alice");
  select_text("notes-short", "rail strike");
  frame->session().select_code(code("Barriers/Time"));
  BOOST_REQUIRE(frame->commands().invoke("code/with-selected"));
  pump();
  // Bob codes later, from the command line.
  auto r = run_quire({"code", project.string(), "--doc", "notes-short", "--range", "0:4", "--code",
                      "Barriers/Funding", "--coder", "bob"});
  BOOST_REQUIRE_MESSAGE(r.status == 0, r.err);
  wait_for([&] { return frame->document_view().text().laid().size() == 2; }, 2000);
  auto label = gui::utf8(frame->commands().label("edit/undo"));
  BOOST_CHECK_MESSAGE(label.find("Barriers/Time") != std::string::npos, label);
  BOOST_REQUIRE(frame->commands().invoke("edit/undo"));
  pump();
  auto other = Project::open(project);
  auto left = document_codings(other, find_document(other, "notes-short").id);
  BOOST_REQUIRE_EQUAL(left.size(), 1u);
  BOOST_CHECK_EQUAL(left[0].coder, "bob");
  BOOST_CHECK_EQUAL(frame->document_view().text().laid().size(), 1u);
}

BOOST_AUTO_TEST_SUITE_END()
