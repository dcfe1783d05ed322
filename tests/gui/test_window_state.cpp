// The window and the document view as a researcher meets them: a click on a
// stripe leaves the text where it is, a transcript shows each turn's time and
// speaker once, import notes can be read whole, the window comes back as it
// was closed, and without a project the start page offers the demo.
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fstream>

#include <wx/button.h>
#include <wx/config.h>
#include <wx/evtloop.h>
#include <wx/notebook.h>
#include <wx/stattext.h>
#include <wx/statusbr.h>
#include <wx/textctrl.h>

#include "analysis_pane.h"
#include "codebook_pane.h"
#include "coded_text.h"
#include "coding_stripes.h"
#include "demo_project.h"
#include "document_view.h"
#include "gui_test_support.h"
#include "import_notes.h"
#include "importers/importer.h"
#include "quire/model/codebook.h"
#include "quire/model/coding.h"
#include "quire/model/documents.h"
#include "sources_pane.h"
#include "start_page.h"
#include "window_state.h"
#include "wx_text.h"

using namespace quire;
using namespace quire::test;

namespace {

/// A point on the stripe of coding id (beside its first line), or none.
std::optional<wxPoint> stripe_point(gui::DocumentView& view, Id coding) {
  auto& text = view.text();
  for (const auto& l : text.laid()) {
    if (l.coding.id != coding) {
      continue;
    }
    int y = text.PointFromPosition(text.pos_of(l.coding.start)).y + 3;
    for (int x = 0; x < view.stripes().GetClientSize().x; ++x) {
      const auto* hit = view.stripes().coding_at(wxPoint(x, y));
      if (hit && hit->coding.id == coding) {
        return wxPoint(x, y);
      }
    }
  }
  return std::nullopt;
}

/// Runs the event loop until the stripe of coding id is laid out (GTK sizes
/// the stripes' window in its own time).
std::optional<wxPoint> wait_for_stripe(gui::DocumentView& view, Id coding) {
  wxEventLoopGuarantor loop;
  auto until = std::chrono::steady_clock::now() + std::chrono::seconds(3);
  while (std::chrono::steady_clock::now() < until) {
    wxEventLoopBase::GetActive()->Yield(true);
    pump(10);
    if (auto p = stripe_point(view, coding)) {
      return p;
    }
  }
  return std::nullopt;
}

/// Sets an environment variable for a test's length.
class ScopedEnv {
public:
  ScopedEnv(const char* name, const std::string& value) : m_name(name) {
    if (const char* old = std::getenv(name)) {
      m_old = old;
    }
    setenv(name, value.c_str(), 1);
  }
  ~ScopedEnv() {
    if (m_old) {
      setenv(m_name, m_old->c_str(), 1);
    } else {
      unsetenv(m_name);
    }
  }

private:
  const char* m_name;
  std::optional<std::string> m_old;
};

} // namespace

BOOST_AUTO_TEST_SUITE(window_and_document)

BOOST_FIXTURE_TEST_CASE(a_click_on_a_stripe_keeps_the_text_where_it_is, FrameFixture) {
  std::string text;
  for (int i = 1; i <= 150; ++i) {
    text += "Paragraph " + std::to_string(i) + " says the network meets when there is time.\n\n";
  }
  auto file = dir / "long-notes.txt";
  std::ofstream(file) << text;
  BOOST_REQUIRE_EQUAL(frame->import_files({file}), 1);
  auto doc = find_document(p(), "long-notes").id;
  auto at = static_cast<std::int64_t>(text.find("Paragraph 80 "));
  code_range(p(), doc, at, at + 12, code("Barriers/Time"));
  frame->session().show_document(doc);
  pump(100);
  auto& view = frame->document_view();
  auto& stc = view.text();
  BOOST_REQUIRE_EQUAL(stc.laid().size(), 1u);
  // GTK sizes a new window in its own time.
  wxEventLoopGuarantor loop;
  for (int i = 0; i < 300 && stc.LinesOnScreen() < 10; ++i) {
    wxEventLoopBase::GetActive()->Yield(true);
    pump(10);
  }
  // Scrolled so that the coding sits in the middle of the view.
  int line = stc.VisibleFromDocLine(stc.LineFromPosition(stc.pos_of(at)));
  stc.SetFirstVisibleLine(line - stc.LinesOnScreen() / 2);
  pump(50);
  int first = stc.GetFirstVisibleLine();
  BOOST_TEST_MESSAGE("coding on line " << line << ", view from " << first << ", "
                                       << stc.LinesOnScreen() << " lines on screen");
  BOOST_REQUIRE(line >= first && line < first + stc.LinesOnScreen());
  Id coding = stc.laid().front().coding.id;
  auto point = wait_for_stripe(view, coding);
  BOOST_REQUIRE_MESSAGE(point, "no stripe beside the coding");
  wxMouseEvent click(wxEVT_LEFT_DOWN);
  click.SetPosition(*point);
  click.SetEventObject(&view.stripes());
  view.stripes().GetEventHandler()->ProcessEvent(click);
  pump(50);
  BOOST_CHECK_EQUAL(frame->session().selected_coding().value_or(0), coding);
  BOOST_CHECK_EQUAL(stc.selection().start, at);
  BOOST_CHECK_EQUAL(stc.selection().end, at + 12);
  BOOST_CHECK_MESSAGE(stc.GetFirstVisibleLine() == first, "the view scrolled from line "
                                                              << first << " to "
                                                              << stc.GetFirstVisibleLine());
}

BOOST_FIXTURE_TEST_CASE(a_transcript_shows_time_and_speaker_once, FrameFixture) {
  auto doc = find_document(p(), "interview-cafe");
  frame->session().show_document(doc.id);
  pump(50);
  auto& stc = frame->document_view().text();
  // In the text, as transcribed, in the label style; no margin repeating them.
  BOOST_CHECK_EQUAL(stc.margin_labels_width(), 0);
  auto text = document_text(p(), doc.id);
  BOOST_REQUIRE_EQUAL(stc.shown_text(), text); // offsets unchanged
  auto passages = list_passages(p(), doc.id);
  BOOST_REQUIRE(!passages.empty());
  int labelled = 0;
  for (const auto& ps : passages) {
    if (ps.speaker.empty()) {
      continue;
    }
    ++labelled;
    BOOST_CHECK_MESSAGE(ps.start > 0 && stc.is_label_at(ps.start - 2),
                        "the label before '" << text.substr(static_cast<std::size_t>(ps.start), 20)
                                             << "' is not styled");
    BOOST_CHECK_MESSAGE(!stc.is_label_at(ps.start), "the speech is styled as a label");
  }
  BOOST_CHECK(labelled > 2);
}

BOOST_FIXTURE_TEST_CASE(subtitles_keep_their_times_in_the_margin, FrameFixture) {
  auto file = dir / "meeting.vtt";
  std::ofstream(file) << "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Ana>We met at the "
                         "cafe.\n\n00:00:05.000 --> 00:00:09.000\n<v Ben>Only when there was "
                         "time.\n";
  store_import(p(), quire::read_file(file));
  frame->session().show_document(find_document(p(), "meeting").id);
  pump(50);
  // The text holds no times: they show in the margin.
  BOOST_CHECK(frame->document_view().text().margin_labels_width() > 0);
}

BOOST_FIXTURE_TEST_CASE(import_notes_can_be_read_whole, FrameFixture) {
  auto file = dir / "latin1-notes.txt";
  std::ofstream(file, std::ios::binary) << "Notes from the caf\xe9 meeting about the r\xe9seau.\n";
  BOOST_REQUIRE_EQUAL(frame->import_files({file}), 1);
  auto status = gui::utf8(frame->GetStatusBar()->GetStatusText(0));
  BOOST_CHECK_MESSAGE(status.find("1 note: View > Import Notes") != std::string::npos, status);
  const auto& notes = frame->import_notes().all();
  BOOST_REQUIRE_EQUAL(notes.size(), 1u);
  BOOST_CHECK_MESSAGE(notes[0].rfind("latin1-notes.txt: ", 0) == 0 &&
                          notes[0].find("Windows-1252") != std::string::npos,
                      notes[0]);
  gui::ImportNotesDialog dlg(frame, notes);
  BOOST_CHECK(dlg.text().GetValue().Contains(gui::wx(notes[0])));
  BOOST_CHECK(frame->commands().has("view/import-notes"));
}

BOOST_FIXTURE_TEST_CASE(the_window_comes_back_as_it_was_closed, FrameFixture) {
  auto doc = find_document(p(), "notes-short").id;
  frame->session().show_document(doc);
  frame->analysis().set_kind(gui::AnalysisKind::Cooccurrence);
  frame->show_analysis();
  frame->SetSize(wxRect(40, 30, 1100, 700));
  pump(50);
  gui::save_window_geometry(*frame);
  gui::save_last_project(project);
  frame->session().close(); // keeps what it showed for the next opening
  pump(20);
  BOOST_CHECK_EQUAL(frame->document_view().document(), 0);

  auto* other = new gui::MainFrame(wxSize(800, 600));
  BOOST_CHECK(gui::restore_window_geometry(*other));
  BOOST_CHECK(other->GetSize() == wxSize(1100, 700));
  other->Show();
  auto last = gui::last_project();
  BOOST_REQUIRE(last);
  BOOST_CHECK(std::filesystem::equivalent(*last, project));
  BOOST_REQUIRE(other->open_project(*last, false, false));
  pump(100);
  BOOST_CHECK_EQUAL(other->document_view().document(), doc);
  BOOST_CHECK_EQUAL(other->pages().GetSelection(), 2);
  BOOST_CHECK(other->analysis().kind() == gui::AnalysisKind::Cooccurrence);
  other->Destroy();
  pump(20);
  gui::save_last_project({});
  BOOST_CHECK(!gui::last_project());
}

BOOST_FIXTURE_TEST_CASE(a_project_without_codes_says_how_to_start_coding, FrameFixture) {
  auto& hint = frame->codebook().start_hint();
  BOOST_CHECK(!hint.IsShown()); // the fixture's project has codes
  auto empty = dir / "empty.quire";
  BOOST_REQUIRE(frame->open_project(empty, true, false));
  pump(50);
  BOOST_CHECK(hint.IsShown());
  auto words = gui::utf8(hint.GetLabel());
  std::replace(words.begin(), words.end(), '\n', ' '); // wrapped to the pane
  // The real keys, as the commands have them.
  auto key = gui::utf8(frame->commands().get("code/code-as").shortcut);
  BOOST_CHECK_MESSAGE(words.find("press " + key) != std::string::npos, words);
  BOOST_CHECK_MESSAGE(words.find("New Code") != std::string::npos, words);
  add_code(p(), "Purpose", "#2c7fb8");
  pump(50);
  BOOST_CHECK(!hint.IsShown());
}

BOOST_AUTO_TEST_CASE(the_start_page_opens_the_demo_project) {
  TempDir home;
  ScopedEnv h("HOME", home.path().string());
  ScopedEnv x("XDG_CONFIG_HOME", (home / "config").string());
  auto* frame = new gui::MainFrame(wxSize(1280, 800));
  frame->Show();
  pump(50);
  BOOST_CHECK(frame->start_page().IsShownOnScreen());
  auto* demo = dynamic_cast<wxButton*>(frame->start_page().FindWindow("file/open-demo"));
  BOOST_REQUIRE(demo);
  for (const char* name : {"file/new", "file/open"}) {
    BOOST_CHECK_MESSAGE(frame->start_page().FindWindow(name), name << " is not on the start page");
  }
  wxCommandEvent click(wxEVT_BUTTON, demo->GetId());
  click.SetEventObject(demo);
  demo->GetEventHandler()->ProcessEvent(click);
  pump(100);
  BOOST_REQUIRE(frame->session().is_open());
  auto& p = frame->session().project();
  BOOST_CHECK_EQUAL(list_documents(p).size(), 3u);
  BOOST_CHECK(count_codings(p) > 10);
  BOOST_CHECK(std::filesystem::equivalent(frame->session().path(), gui::demo_project_path()));
  BOOST_CHECK(gui::demo_project_path().string().rfind(home.path().string(), 0) == 0);
  BOOST_CHECK(!frame->start_page().IsShownOnScreen());
  BOOST_CHECK(frame->document_view().document() != 0);
  // Closed, the start page is back and lists the demo under Open Recent.
  BOOST_REQUIRE(frame->commands().invoke("file/close"));
  pump(50);
  BOOST_CHECK(frame->start_page().IsShownOnScreen());
  auto* recent = frame->start_page().FindWindow("quire-start-recent-1");
  BOOST_REQUIRE(recent);
  BOOST_CHECK(recent->GetLabel().Contains("demo.quire"));
  frame->Destroy();
  pump(20);
}

BOOST_AUTO_TEST_CASE(the_demo_is_the_one_make_project_sh_makes) {
  auto material = gui::demo_material();
  BOOST_REQUIRE(material);
  TempDir dir;
  gui::make_demo_project(*material, dir / "app.quire");
  auto r = run_program("/bin/bash",
                       {(*material / "make-project.sh").string(), (dir / "cli.quire").string()},
                       {{"QUIRE", QUIRE_CLI_PATH}});
  BOOST_REQUIRE_MESSAGE(r.status == 0, r.err);
  auto app = Project::open(dir / "app.quire");
  auto cli = Project::open(dir / "cli.quire");
  BOOST_CHECK_EQUAL(list_documents(app).size(), list_documents(cli).size());
  BOOST_CHECK_EQUAL(list_codes(app).size(), list_codes(cli).size());
  BOOST_CHECK_EQUAL(count_codings(app), count_codings(cli));
  BOOST_CHECK(!std::filesystem::exists(dir / "app.quire.making"));
}

BOOST_AUTO_TEST_SUITE_END()
