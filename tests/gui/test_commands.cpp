// The commands by group: every menu name is a registered command (an unknown
// one fails loudly), pane buttons run the registered commands (one path with
// the menu and the shortcut), and while a job runs the project is refused to
// the UI thread: commands and buttons are off, project() says why.
#include <atomic>
#include <chrono>
#include <set>
#include <stdexcept>
#include <thread>

#include <wx/button.h>
#include <wx/combobox.h>
#include <wx/menu.h>
#include <wx/timer.h>

#include "analysis_pane.h"
#include "commands.h"
#include "document_view.h"
#include "documents_filter.h"
#include "gui_test_support.h"
#include "importers/importer.h"
#include "memos_pane.h"
#include "quire/base/error.h"
#include "quire/model/documents.h"
#include "quire/model/memos.h"
#include "search_pane.h"
#include "wx_text.h"

using namespace quire;
using namespace quire::test;

namespace {

bool names(const std::logic_error& e, const std::string& what) {
  return std::string(e.what()).find(what) != std::string::npos;
}

/// The buttons below a window (panes nest theirs in panels).
void collect_buttons(wxWindow* w, std::vector<wxButton*>& out) {
  for (auto* child : w->GetChildren()) {
    if (auto* b = dynamic_cast<wxButton*>(child)) {
      out.push_back(b);
    }
    collect_buttons(child, out);
  }
}

wxButton& button(wxWindow& pane, const std::string& command) {
  auto* w = wxWindow::FindWindowByName(gui::wx(command), &pane);
  auto* b = dynamic_cast<wxButton*>(w);
  BOOST_REQUIRE_MESSAGE(b, "no button runs " << command);
  return *b;
}

/// Clicks a button as wx does when the user presses it.
void click(wxButton& b) {
  wxCommandEvent e(wxEVT_BUTTON, b.GetId());
  e.SetEventObject(&b);
  b.GetEventHandler()->ProcessEvent(e);
}

} // namespace

BOOST_AUTO_TEST_SUITE(commands)

BOOST_FIXTURE_TEST_CASE(present_fails_loudly_on_an_unknown_command_name, FrameFixture) {
  auto& r = frame->commands();
  std::vector<std::string> known = {"file/open", "-", "edit/undo", "codes/new"};
  BOOST_CHECK(r.present(known) == known);
  BOOST_CHECK_EXCEPTION(r.present({"file/open", "view/no-such-pane"}), std::logic_error,
                        [](const auto& e) { return names(e, "view/no-such-pane"); });
  // Building a menu or a toolbar with it fails the same way, adding nothing.
  wxMenu menu;
  BOOST_CHECK_EXCEPTION(r.append(&menu, {"codes/new", "codes/no-such-verb"}), std::logic_error,
                        [](const auto& e) { return names(e, "codes/no-such-verb"); });
  BOOST_CHECK_EQUAL(menu.GetMenuItemCount(), 0u);
  BOOST_CHECK_THROW(r.make_menu({"help/no-such-help"}), std::logic_error);
  BOOST_CHECK_EXCEPTION(r.invoke("edit/no-such-edit"), std::logic_error,
                        [](const auto& e) { return names(e, "edit/no-such-edit"); });
}

BOOST_FIXTURE_TEST_CASE(every_command_is_in_a_group_of_its_own_file, FrameFixture) {
  const std::set<std::string> groups = {"file",  "edit",   "view",     "code", "codes", "docs",
                                        "memos", "search", "analysis", "help", "cases", "team"};
  std::set<std::string> seen;
  for (const auto* c : frame->commands().all()) {
    auto group = c->name.substr(0, c->name.find('/'));
    BOOST_CHECK_MESSAGE(groups.count(group), c->name << " is in no known group");
    seen.insert(group);
  }
  BOOST_CHECK(seen == groups);
}

BOOST_FIXTURE_TEST_CASE(pane_buttons_run_the_registered_commands, FrameFixture) {
  // Every button of the panes names the command it runs.
  for (wxWindow* pane : std::initializer_list<wxWindow*>{
           &frame->memos(), &frame->search(), &frame->analysis(), &frame->document_view()}) {
    std::vector<wxButton*> buttons;
    collect_buttons(pane, buttons);
    BOOST_CHECK(!buttons.empty());
    for (auto* b : buttons) {
      if (dynamic_cast<gui::DocumentsFilter*>(b)) {
        continue; // a choice of documents drawn as a button (it opens a checklist)
      }
      auto name = gui::utf8(b->GetName());
      BOOST_CHECK_MESSAGE(frame->commands().has(name),
                          "the button " << gui::utf8(b->GetLabel()) << " runs no command");
    }
  }

  // Memos > Delete: the button runs memos/delete, which is off with no memo open.
  auto& del = button(frame->memos(), "memos/delete");
  pump(50);
  BOOST_CHECK(!frame->commands().enabled("memos/delete"));
  del.UpdateWindowUI();
  BOOST_CHECK(!del.IsEnabled());
  frame->memos().add(MemoTarget::Project, std::nullopt, "A memo to delete");
  pump(50);
  BOOST_REQUIRE_EQUAL(list_memos(p(), MemoTarget::Project).size(), 1u);
  del.UpdateWindowUI();
  BOOST_CHECK(del.IsEnabled());
  click(del);
  pump(50);
  BOOST_CHECK(list_memos(p(), MemoTarget::Project).empty());
  BOOST_CHECK(!frame->memos().open_memo());
  // One undoable action, as from any other path.
  BOOST_CHECK(frame->commands().invoke("edit/undo"));
  BOOST_CHECK_EQUAL(list_memos(p(), MemoTarget::Project).size(), 1u);

  // Search > the Search button runs search/run: hits for the query in the box.
  frame->search().query_box().SetValue("time");
  click(button(frame->search(), "search/run"));
  pump(50);
  BOOST_CHECK(!frame->search().hits().empty());
  // The document's find bar: Next runs edit/find-next, Done edit/find-done.
  select_text("interview-cafe", "time");
  BOOST_REQUIRE(frame->commands().invoke("edit/find")); // takes the selected word
  auto& text = frame->document_view().text();
  text.SetSelection(0, 0);
  click(button(frame->document_view(), "edit/find-next"));
  pump(20);
  BOOST_CHECK_EQUAL(gui::utf8(text.GetSelectedText().Lower()), "time");
  auto& done = button(frame->document_view(), "edit/find-done");
  BOOST_CHECK(done.GetParent()->IsShown());
  click(done);
  BOOST_CHECK(!done.GetParent()->IsShown());

  // Code All Hits follows search/code-all's state (on with hits).
  auto& code_all = button(frame->search(), "search/code-all");
  code_all.UpdateWindowUI();
  BOOST_CHECK(code_all.IsEnabled());
}

BOOST_FIXTURE_TEST_CASE(while_an_import_runs_the_project_is_refused_to_the_ui, FrameFixture) {
  auto& project = p(); // the job's own reference, taken before it starts
  auto documents_before = list_documents(project).size();
  auto& refresh = button(frame->analysis(), "analysis/refresh");
  bool command_enabled = true, command_ran = true, button_enabled = true;
  std::string refusal;
  std::atomic<bool> looked{false};
  // The UI thread keeps running while the import works: try the project then.
  wxTimer probe;
  probe.Bind(wxEVT_TIMER, [&](wxTimerEvent&) {
    if (looked || !frame->session().busy()) {
      return;
    }
    command_enabled = frame->commands().enabled("codes/new");
    command_ran = frame->commands().invoke("analysis/frequencies"); // reads the project
    refresh.UpdateWindowUI();
    button_enabled = refresh.IsEnabled();
    click(refresh); // refused by the registry: no dialog, no race
    try {
      frame->session().project();
    } catch (const InputError& e) {
      refusal = e.what();
    }
    looked = true;
  });
  probe.Start(30);
  frame->session().run_job(frame, "Importing notes-short.txt", [&](Progress& progress) {
    auto data = read_file(fixture("gui/notes-short.txt"), {}, progress);
    ImportOptions again;
    again.again = true;
    store_import(project, data, again);
    // Keep the job running until the UI thread has tried (at most 5 s).
    for (int i = 0; i < 500 && !looked; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
  });
  probe.Stop();
  BOOST_REQUIRE(looked);
  BOOST_CHECK(!command_enabled);
  BOOST_CHECK(!command_ran);
  BOOST_CHECK(!button_enabled);
  BOOST_CHECK_MESSAGE(refusal.find("busy with \"Importing notes-short.txt\"") != std::string::npos,
                      "refusal: " << refusal);
  // The job's work is there, and the project is the UI's again.
  BOOST_CHECK_EQUAL(list_documents(p()).size(), documents_before + 1);
  BOOST_CHECK(frame->commands().enabled("codes/new"));
  BOOST_CHECK(frame->commands().enabled("edit/undo"));
}

// File > New: the GTK dialog selects "study" of "study.quire", so a name
// typed over it arrives as "x.quire.quire"; the project is x.quire.
BOOST_AUTO_TEST_CASE(new_project_takes_the_name_as_typed) {
  BOOST_CHECK_EQUAL(gui::project_path_typed("/tmp/a/x.quire.quire").string(), "/tmp/a/x.quire");
  BOOST_CHECK_EQUAL(gui::project_path_typed("/tmp/a/x.quire").string(), "/tmp/a/x.quire");
  BOOST_CHECK_EQUAL(gui::project_path_typed("/tmp/a/x").string(), "/tmp/a/x.quire");
  BOOST_CHECK_EQUAL(gui::project_path_typed("/tmp/a/study 2.quire.quire.quire").string(),
                    "/tmp/a/study 2.quire");
  BOOST_CHECK_EQUAL(gui::project_path_typed("/tmp/a/v1.2").string(), "/tmp/a/v1.2.quire");
}

BOOST_AUTO_TEST_SUITE_END()
