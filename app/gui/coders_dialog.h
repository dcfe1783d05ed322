#pragma once
// Codes > Coders…: who coded in this project, with how much; which coders'
// codings the views show (an undoable setting of the project), and the name
// this window codes as (a preference, as in Edit > Preferences).
#include <string>
#include <vector>

#include <wx/dialog.h>

#include "quire/model/coders.h"

class wxCheckListBox;
class wxComboBox;

namespace quire::gui {

class MainFrame;

class CodersDialog : public wxDialog {
public:
  CodersDialog(wxWindow* parent, std::vector<CoderSummary> coders, const std::string& current);

  /// The coders ticked to be shown; empty when all are ticked (everyone's).
  std::vector<std::string> shown() const;
  /// The name to code as.
  std::string current() const;

  wxCheckListBox& list() { return *m_list; }
  wxComboBox& coder_box() { return *m_current; }

private:
  std::vector<CoderSummary> m_coders;
  wxCheckListBox* m_list = nullptr;
  wxComboBox* m_current = nullptr;
};

/// Shows the dialog and applies what changed: the shown coders (one undoable
/// action) and the coder name (stored as a preference and used at once).
void edit_coders(MainFrame& f);

} // namespace quire::gui
