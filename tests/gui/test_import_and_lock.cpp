// Importing through the File menu and by dropping files on Sources, the
// "already imported" question, and a project open in another window.
#include <wx/dirdlg.h>
#include <wx/dnd.h>
#include <wx/filedlg.h>
#include <wx/msgdlg.h>

#include "document_view.h"
#include "gui_test_support.h"
#include "project_lock.h"
#include "quire/base/error.h"
#include "quire/model/documents.h"
#include "sources_pane.h"
#include "wx_text.h"

using namespace quire;
using namespace quire::test;

BOOST_AUTO_TEST_SUITE(import_and_lock)

BOOST_FIXTURE_TEST_CASE(import_a_file_from_the_file_menu, FrameFixture) {
  auto file = dir / "meeting-notes.txt";
  write_file(file, "Notes from the autumn meeting.\n\nWe agreed to visit each other's schools.\n");
  auto before = list_documents(p()).size();
  wxTEST_DIALOG(frame->commands().invoke("file/import"),
                wxExpectModal<wxFileDialog>(gui::wx(file.string())));
  pump(100);
  auto after = Project::open(project);
  auto docs = list_documents(after);
  BOOST_REQUIRE_EQUAL(docs.size(), before + 1);
  auto doc = find_document(after, "meeting-notes");
  BOOST_CHECK_EQUAL(document_text(after, doc.id).substr(0, 30), "Notes from the autumn meeting.");
  // The new document is listed and shown.
  BOOST_CHECK(frame->sources().item_of_document(doc.id).IsOk());
  BOOST_CHECK_EQUAL(frame->document_view().document(), doc.id);

  // The same file again: asked, and "Skip" imports nothing.
  wxTEST_DIALOG(frame->import_files({file}), wxExpectModal<wxMessageDialog>(wxID_NO));
  BOOST_CHECK_EQUAL(list_documents(p()).size(), before + 1);
  // Undo takes the import back as one step.
  frame->commands().invoke("edit/undo");
  pump();
  BOOST_CHECK_EQUAL(list_documents(p()).size(), before);
  BOOST_CHECK(!frame->sources().item_of_document(doc.id).IsOk());
}

namespace {

/// The folder dialog answered with a folder (OK).
class ChooseFolder : public wxExpectModalBase<wxDirDialog, ChooseFolder> {
public:
  explicit ChooseFolder(std::filesystem::path folder) : m_folder(std::move(folder)) {}

protected:
  int OnInvoked(wxDirDialog* dlg) const override {
    dlg->wxDirDialogBase::SetPath(gui::wx(m_folder.string()));
    return wxID_OK;
  }

private:
  std::filesystem::path m_folder;
};

} // namespace

// Issue 17's journey: a folder was imported by a drop only; File > Import
// Folder… (Ctrl+Shift+I) does the same from the keyboard.
BOOST_FIXTURE_TEST_CASE(import_folder_imports_its_files_and_again_only_new_ones, FrameFixture) {
  auto folder = dir / "round-three";
  std::filesystem::create_directories(folder / "late");
  write_file(folder / "visit-c.txt", "Notes from the third school visit.\n");
  write_file(folder / "late" / "visit-d.txt", "Notes from a visit in the summer term.\n");
  write_file(folder / ".hidden.txt", "Not to be imported.\n");
  BOOST_CHECK_EQUAL(frame->commands().get("file/import-folder").shortcut, "Ctrl+Shift+I");
  auto before = list_documents(p()).size();
  wxTEST_DIALOG(frame->commands().invoke("file/import-folder"), ChooseFolder(folder));
  pump(200);
  BOOST_CHECK_EQUAL(list_documents(p()).size(), before + 2);
  BOOST_CHECK_NO_THROW(find_document(p(), "visit-c"));
  BOOST_CHECK_NO_THROW(find_document(p(), "visit-d"));
  BOOST_CHECK_THROW(find_document(p(), ".hidden"), NotFoundError);
  // Again, with one new file: only it, and nothing asked.
  write_file(folder / "visit-e.txt", "Notes from the fourth visit.\n");
  wxTEST_DIALOG(frame->commands().invoke("file/import-folder"), ChooseFolder(folder));
  pump(200);
  BOOST_CHECK_EQUAL(list_documents(p()).size(), before + 3);
  BOOST_CHECK_NO_THROW(find_document(p(), "visit-e"));
}

BOOST_FIXTURE_TEST_CASE(a_dropped_folder_imports_its_files_and_again_only_new_ones, FrameFixture) {
  auto folder = dir / "round-two";
  std::filesystem::create_directories(folder / "late");
  write_file(folder / "visit-a.txt", "Notes from the first school visit.\n");
  write_file(folder / "late" / "visit-b.txt", "Notes from a visit in the spring term.\n");
  write_file(folder / ".hidden.txt", "Not to be imported.\n");
  auto* target = static_cast<wxFileDropTarget*>(frame->sources().GetDropTarget());
  wxArrayString names;
  names.Add(gui::wx(folder.string()));
  BOOST_REQUIRE(target->OnDropFiles(5, 5, names));
  pump(200);
  auto before = list_documents(p()).size();
  BOOST_CHECK_NO_THROW(find_document(p(), "visit-a"));
  BOOST_CHECK_NO_THROW(find_document(p(), "visit-b"));
  BOOST_CHECK_THROW(find_document(p(), ".hidden"), NotFoundError);
  // Dropped again with one new file: no question, only the new file comes in.
  write_file(folder / "visit-c.txt", "Notes from the summer visit.\n");
  BOOST_REQUIRE(target->OnDropFiles(5, 5, names));
  pump(200);
  BOOST_CHECK_EQUAL(list_documents(p()).size(), before + 1);
  BOOST_CHECK_NO_THROW(find_document(p(), "visit-c"));
}

BOOST_FIXTURE_TEST_CASE(drop_files_on_sources_imports_them, FrameFixture) {
  auto a = dir / "drop-one.txt";
  auto b = dir / "drop-two.txt";
  write_file(a, "First dropped note about peer observation.\n");
  write_file(b, "Second dropped note, about release time.\n");
  auto* target = frame->sources().GetDropTarget();
  BOOST_REQUIRE(target);
  wxArrayString names;
  names.Add(gui::wx(a.string()));
  names.Add(gui::wx(b.string()));
  BOOST_REQUIRE(static_cast<wxFileDropTarget*>(target)->OnDropFiles(5, 5, names));
  pump(200);
  auto after = Project::open(project);
  BOOST_CHECK_NO_THROW(find_document(after, "drop-one"));
  BOOST_CHECK_NO_THROW(find_document(after, "drop-two"));
}

BOOST_FIXTURE_TEST_CASE(an_unreadable_file_shows_the_importers_message, FrameFixture) {
  auto empty = dir / "empty.txt";
  write_file(empty, "");
  auto before = list_documents(p()).size();
  wxTEST_DIALOG(frame->import_files({empty}), wxExpectModal<wxMessageDialog>(wxOK));
  BOOST_CHECK_EQUAL(list_documents(p()).size(), before);
}

// One import pipeline with the CLI: a file that cannot be read stops the
// whole import before anything is stored (before, the files dropped before
// it were imported and the rest after it too).
BOOST_FIXTURE_TEST_CASE(an_unreadable_file_among_several_imports_none, FrameFixture) {
  auto ok = dir / "fine-notes.txt";
  auto bad = dir / "broken.txt";
  write_file(ok, "Notes that read well.\n");
  write_file(bad, std::string("ab\0cd\x01\x02", 7));
  auto before = list_documents(p()).size();
  wxTEST_DIALOG(frame->import_files({ok, bad}), wxExpectModal<wxMessageDialog>(wxOK));
  BOOST_CHECK_EQUAL(list_documents(p()).size(), before);
  BOOST_CHECK_THROW(find_document(p(), "fine-notes"), NotFoundError);
}

BOOST_AUTO_TEST_CASE(a_project_open_in_another_window_is_detected) {
  TempDir dir;
  auto file = dir / "shared.quire";
  Project::create(file);
  auto* first = new gui::MainFrame();
  BOOST_REQUIRE(first->open_project(file, false, false));
  // Another window sees the lock, names its holder, and asks.
  gui::ProjectLock probe(file);
  BOOST_CHECK(!probe.held());
  BOOST_CHECK_NE(probe.holder().find(std::to_string(getpid())), std::string::npos);
  auto* second = new gui::MainFrame();
  bool opened = true;
  wxTEST_DIALOG(opened = second->open_project(file), wxExpectModal<wxMessageDialog>(wxID_NO));
  BOOST_CHECK(!opened);
  BOOST_CHECK(!second->session().is_open());
  wxTEST_DIALOG(opened = second->open_project(file), wxExpectModal<wxMessageDialog>(wxID_YES));
  BOOST_CHECK(opened);
  // Closing the first window frees the project (the second never held it).
  first->session().close();
  {
    gui::ProjectLock again(file);
    BOOST_CHECK(again.held());
  }
  first->Destroy();
  second->Destroy();
  pump(20);
}

BOOST_AUTO_TEST_SUITE_END()
