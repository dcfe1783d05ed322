#define BOOST_TEST_MODULE gui_tests
#include "gui_test_support.h"

#include <chrono>

#include <wx/app.h>
#include <wx/choice.h>
#include <wx/config.h>
#include <wx/image.h>
#include <wx/memconf.h>
#include <wx/modalhook.h>
#include <wx/msgdlg.h>
#include <wx/textctrl.h>

#include "document_view.h"
#include "importers/importer.h"
#include "quire/model/codebook.h"
#include "quire/model/documents.h"
#include "wx_text.h"

namespace quire::test {

namespace {

class TestApp : public wxApp {
public:
  bool OnInit() override { return true; }
};

/// A dialog no test expected fails the test instead of waiting for a click.
class FailUnexpectedDialogs : public wxModalDialogHook {
protected:
  int Enter(wxDialog* dlg) override {
    std::string what = gui::utf8(dlg->GetTitle());
    if (auto* msg = dynamic_cast<wxMessageDialog*>(dlg)) {
      what += ": " + gui::utf8(msg->GetMessage());
    }
    BOOST_ERROR("unexpected dialog: " << what);
    return wxID_CANCEL;
  }
  void Exit(wxDialog*) override {}
};

void on_assert(const wxString& file, int line, const wxString& func, const wxString& cond,
               const wxString& msg) {
  BOOST_ERROR("wx assertion " << gui::utf8(cond) << " " << gui::utf8(msg) << " at "
                              << gui::utf8(file) << ":" << line << " in " << gui::utf8(func));
}

struct WxEnvironment {
  WxEnvironment() {
    static int argc = 1;
    static char name[] = "gui_tests";
    static char* argv[] = {name, nullptr};
    wxApp::SetInstance(new TestApp);
    if (!wxEntryStart(argc, argv) || !wxTheApp->CallOnInit()) {
      throw std::runtime_error("cannot start wxWidgets (no X display?)");
    }
    wxInitAllImageHandlers();
    wxSetAssertHandler(on_assert);
    // Never read or write the user's real layout and preferences.
    delete wxConfigBase::Set(new wxMemoryConfig);
    m_hook.Register();
  }
  ~WxEnvironment() {
    m_hook.Unregister();
    wxTheApp->OnExit();
    wxEntryCleanup();
  }
  FailUnexpectedDialogs m_hook;
};

} // namespace

BOOST_TEST_GLOBAL_FIXTURE(WxEnvironment);

void pump(int ms) {
  auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
  do {
    wxTheApp->ProcessPendingEvents();
    while (wxTheApp->Pending()) {
      wxTheApp->Dispatch();
    }
    wxTheApp->ProcessIdle();
    wxMilliSleep(5);
  } while (std::chrono::steady_clock::now() < until);
}

FrameFixture::FrameFixture() : project(dir / "study.quire") {
  {
    auto p = Project::create(project);
    for (const char* f : {"gui/interview-cafe.txt", "gui/notes-short.txt"}) {
      store_import(p, quire::read_file(fixture(f)));
    }
    add_code(p, "Purpose/Peer support", "#2c7fb8");
    add_code(p, "Purpose/Sharing practice", "#3cb44b");
    add_code(p, "Barriers/Time", "#f58231");
    add_code(p, "Barriers/Funding", "#911eb4");
  }
  frame = new gui::MainFrame(wxSize(1280, 800));
  frame->Show();
  BOOST_REQUIRE(frame->open_project(project, false, false));
  pump(100);
}

FrameFixture::~FrameFixture() {
  frame->Destroy();
  pump(20);
}

void FrameFixture::select_text(const std::string& document, const std::string& needle) {
  auto doc = find_document(p(), document);
  frame->session().show_document(doc.id);
  pump(20);
  auto text = document_text(p(), doc.id);
  auto at = text.find(needle);
  BOOST_REQUIRE_MESSAGE(at != std::string::npos, needle << " is not in " << document);
  auto& stc = frame->document_view().text();
  stc.SetSelection(static_cast<int>(at), static_cast<int>(at + needle.size()));
  pump(10);
}

void choose(wxChoice& c, const wxString& item) {
  int at = c.FindString(item);
  BOOST_REQUIRE_MESSAGE(at != wxNOT_FOUND, gui::utf8(item) << " is not offered");
  c.SetSelection(at);
  wxCommandEvent e(wxEVT_CHOICE, c.GetId());
  e.SetEventObject(&c);
  e.SetInt(at);
  c.GetEventHandler()->ProcessEvent(e);
  pump(20);
}

void press_enter(wxWindow& t) {
  wxCommandEvent e(wxEVT_TEXT_ENTER, t.GetId());
  e.SetEventObject(&t);
  t.GetEventHandler()->ProcessEvent(e);
  pump(20);
}

Id FrameFixture::code(const std::string& path) {
  return find_code(p(), path).id;
}

int TypeInCodePicker::OnInvoked(gui::CodePicker* dlg) const {
  dlg->input().SetValue(gui::wx(m_text)); // fires wxEVT_TEXT: the list refilters
  wxCommandEvent enter(wxEVT_TEXT_ENTER, dlg->input().GetId());
  enter.SetEventObject(&dlg->input());
  dlg->input().GetEventHandler()->ProcessEvent(enter);
  return dlg->GetReturnCode() == wxID_OK ? wxID_OK : wxID_CANCEL;
}

int AnswerText::OnInvoked(wxTextEntryDialog* dlg) const {
  dlg->SetValue(gui::wx(m_text));
  return wxID_OK;
}

} // namespace quire::test
