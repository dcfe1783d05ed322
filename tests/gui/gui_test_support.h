#pragma once
// Helpers for the GUI tests: wx started once per run (global fixture), a main
// window on a project made in the test, event pumping, and dialog
// expectations that type into Quire's own dialogs.
#include <filesystem>
#include <string>

#include <wx/testing.h>
#include <wx/textdlg.h>

class wxChoice;
class wxWindow;

#include "code_picker.h"
#include "main_frame.h"
#include "quire/store/project.h"
#include "support/test_support.h"

namespace quire::test {

/// Lets wx process pending and idle events for about ms milliseconds.
void pump(int ms = 50);

/// Picks item of a drop-down and sends the choice event, as a click does
/// (fails the test when item is not offered).
void choose(wxChoice& c, const wxString& item);

/// Presses Enter in a text field or combo box (its value set before), as a
/// user does.
void press_enter(wxWindow& t);

/// A main window on a new project (fixtures imported), shown and laid out.
struct FrameFixture {
  FrameFixture();
  ~FrameFixture();
  TempDir dir;
  std::filesystem::path project;
  gui::MainFrame* frame = nullptr;
  /// The frame's project (the same file tests check through core).
  Project& p() { return frame->session().project(); }
  /// Opens a document in the document view by name and selects the first
  /// occurrence of needle in it (by bytes, as a user's mouse would).
  void select_text(const std::string& document, const std::string& needle);
  /// Id of a code by path.
  Id code(const std::string& path);
  /// Imports file through the window (as File > Import does), its import
  /// preview answered by expect; returns how many files were imported.
  template <class Expect>
  int import_answering(const std::filesystem::path& file, const Expect& expect) {
    int imported = 0;
    wxTEST_DIALOG(imported = frame->import_files({file}), expect);
    return imported;
  }
};

/// "Code as…" driven as a user: types text, then presses Enter.
class TypeInCodePicker : public wxExpectModalBase<gui::CodePicker, TypeInCodePicker> {
public:
  explicit TypeInCodePicker(std::string text) : m_text(std::move(text)) {}

protected:
  int OnInvoked(gui::CodePicker* dlg) const override;

private:
  std::string m_text;
};

/// A text entry dialog answered with text (OK).
class AnswerText : public wxExpectModalBase<wxTextEntryDialog, AnswerText> {
public:
  explicit AnswerText(std::string text) : m_text(std::move(text)) {}

protected:
  int OnInvoked(wxTextEntryDialog* dlg) const override;

private:
  std::string m_text;
};

} // namespace quire::test
