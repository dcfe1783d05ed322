// The import wizard's preview: a survey's columns with role drop-downs
// filled with the importer's guesses (changing one changes what is stored),
// a transcript's speakers and times, and Cancel importing nothing.
#include <wx/grid.h>

#include "document_view.h"
#include "gui_test_support.h"
#include "import_preview.h"
#include "quire/model/cases.h"
#include "quire/model/documents.h"
#include "survey_pane.h"
#include "wx_text.h"

using namespace quire;
using namespace quire::test;

namespace {

const char* const survey_csv =
    "Respondent,Role,Years,Why did you join?,Room\n"
    "R1,Teacher,5,\"To meet other teachers and share ideas about teaching reading\",A1\n"
    "R2,Head,12,\"Because the local authority asked our school to take part in the pilot\",B2\n"
    "R3,Teacher,3,\"I wanted fresh ideas for my year 4 class, and some company after school\",A1\n"
    "R4,Assistant,7,\"My head teacher sent me, and I stayed because the meetings were "
    "useful\",C3\n";

/// Checks the guesses, makes the Role column skipped, and imports.
class SkipRole : public wxExpectModalBase<gui::ImportPreview, SkipRole> {
protected:
  int OnInvoked(gui::ImportPreview* dlg) const override {
    BOOST_CHECK_EQUAL(dlg->grid().GetNumberRows(), 5);
    BOOST_CHECK_EQUAL(gui::utf8(dlg->grid().GetCellValue(0, 0)), "Respondent");
    BOOST_CHECK_EQUAL(dlg->role(0), "id");
    BOOST_CHECK_EQUAL(dlg->role(1), "attribute");
    BOOST_CHECK_EQUAL(dlg->role(2), "attribute");
    BOOST_CHECK_EQUAL(gui::utf8(dlg->grid().GetCellValue(2, 2)), "number");
    BOOST_CHECK_EQUAL(dlg->role(3), "text");
    BOOST_CHECK(gui::utf8(dlg->grid().GetCellValue(3, 5)).rfind("To meet other", 0) == 0);
    dlg->set_role(1, "skip");
    return wxID_OK;
  }
};

/// Accepts the guessed roles; meanwhile the file gains a respondent.
class AcceptWhileFileChanges
    : public wxExpectModalBase<gui::ImportPreview, AcceptWhileFileChanges> {
public:
  explicit AcceptWhileFileChanges(std::filesystem::path file) : m_file(std::move(file)) {}

protected:
  int OnInvoked(gui::ImportPreview*) const override {
    write_file(m_file,
               std::string(survey_csv) + "R5,Teacher,1,\"Someone asked me to come along\",A1\n");
    return wxID_OK;
  }

private:
  std::filesystem::path m_file;
};

/// Sets the Role column's role by keyboard: its cell selected, "s" typed.
class SkipRoleByKey : public wxExpectModalBase<gui::ImportPreview, SkipRoleByKey> {
protected:
  int OnInvoked(gui::ImportPreview* dlg) const override {
    auto& g = dlg->grid();
    g.SetGridCursor(1, 1);
    wxKeyEvent key(wxEVT_KEY_DOWN);
    key.m_keyCode = 'S';
    key.SetEventObject(&g);
    g.GetEventHandler()->ProcessEvent(key);
    BOOST_CHECK_EQUAL(dlg->role(1), "skip");
    key.m_keyCode = 'A';
    g.GetEventHandler()->ProcessEvent(key);
    BOOST_CHECK_EQUAL(dlg->role(1), "attribute");
    key.m_keyCode = 'S';
    g.GetEventHandler()->ProcessEvent(key);
    return wxID_OK;
  }
};

/// Checks the speakers and times shown, then cancels.
class SeeSpeakers : public wxExpectModalBase<gui::ImportPreview, SeeSpeakers> {
protected:
  int OnInvoked(gui::ImportPreview* dlg) const override {
    auto& g = dlg->grid();
    BOOST_REQUIRE_EQUAL(g.GetNumberRows(), 4); // the speakers line and three turns
    auto speakers = gui::utf8(g.GetCellValue(0, 2));
    BOOST_CHECK(speakers.find("Amira (2 turns)") != std::string::npos);
    BOOST_CHECK(speakers.find("Ben (1 turn)") != std::string::npos);
    BOOST_CHECK_EQUAL(gui::utf8(g.GetCellValue(1, 0)), "0:01:03"); // as quire inspect shows it
    BOOST_CHECK_EQUAL(gui::utf8(g.GetCellValue(1, 1)), "Amira");
    BOOST_CHECK_EQUAL(gui::utf8(g.GetCellValue(2, 1)), "Ben");
    return wxID_CANCEL;
  }
};

} // namespace

BOOST_AUTO_TEST_SUITE(import_preview)

BOOST_FIXTURE_TEST_CASE(a_surveys_column_roles_are_guessed_and_can_be_changed, FrameFixture) {
  auto csv = dir / "joining.csv";
  write_file(csv, survey_csv);
  BOOST_CHECK_EQUAL(import_answering(csv, SkipRole()), 1);
  pump();
  auto after = Project::open(project);
  bool role = false, years = false;
  for (const auto& a : list_attributes(after)) {
    role = role || a.name == "Role";
    years = years || a.name == "Years";
  }
  BOOST_CHECK(!role); // skipped in the preview
  BOOST_CHECK(years);
  bool why = false;
  for (const auto& q : list_questions(after)) {
    why = why || q.name == "Why did you join?";
  }
  BOOST_CHECK(why);
  BOOST_CHECK_NO_THROW(find_case(after, "R4"));
}

// With the guessed roles accepted, what the preview read is what is stored:
// the file is not read a second time (a big survey takes seconds to read).
BOOST_FIXTURE_TEST_CASE(the_previewed_survey_is_what_is_imported, FrameFixture) {
  auto csv = dir / "joining.csv";
  write_file(csv, survey_csv);
  BOOST_CHECK_EQUAL(import_answering(csv, AcceptWhileFileChanges(csv)), 1);
  pump();
  auto after = Project::open(project);
  BOOST_CHECK_NO_THROW(find_case(after, "R4"));
  BOOST_CHECK(!try_find_case(after, "R5")); // written after the preview read the file
}

// Issue 17: after a survey import the app opened one respondent's document
// instead of the survey grid. Also: a role is set by typing its first letter.
BOOST_FIXTURE_TEST_CASE(a_survey_import_opens_the_survey_grid, FrameFixture) {
  auto csv = dir / "joining.csv";
  write_file(csv, survey_csv);
  BOOST_CHECK_EQUAL(import_answering(csv, SkipRoleByKey()), 1);
  pump(200);
  BOOST_CHECK(frame->survey().IsShownOnScreen());
  BOOST_CHECK(!frame->document_view().IsShownOnScreen());
  BOOST_CHECK_EQUAL(frame->survey().model().folder(), "joining");
  BOOST_CHECK_EQUAL(frame->survey().grid().GetNumberRows(), 4);
  bool role = false;
  for (const auto& a : list_attributes(Project::open(project))) {
    role = role || a.name == "Role";
  }
  BOOST_CHECK(!role); // skipped by key
}

BOOST_FIXTURE_TEST_CASE(a_transcripts_speakers_and_times_are_shown_and_cancel_imports_nothing,
                        FrameFixture) {
  auto file = dir / "interview-amira.txt";
  write_file(file, "[00:01:03] Amira: We meet on Thursdays after school.\n\n"
                   "[00:01:20] Ben: Who comes?\n\n"
                   "[00:01:24] Amira: Teachers from four schools, mostly.\n");
  auto before = list_documents(p()).size();
  BOOST_CHECK_EQUAL(import_answering(file, SeeSpeakers()), 0);
  pump();
  BOOST_CHECK_EQUAL(list_documents(Project::open(project)).size(), before);
}

BOOST_AUTO_TEST_SUITE_END()
