#pragma once
// "Code as…": pick a code by typing part of its path (type-ahead over every
// code path); Enter takes the highlighted code, or creates the typed path as
// a new code when allowed. Also used to pick a target ("Merge into…").
#include <optional>
#include <string>
#include <vector>

#include <wx/dialog.h>

#include "quire/base/types.h"

class wxListBox;
class wxTextCtrl;
class wxStaticText;

namespace quire::gui {

class CodePicker : public wxDialog {
public:
  /// allow_new: a typed path that is no code yet can be chosen (to create it).
  CodePicker(wxWindow* parent, std::vector<Code> codes, const wxString& title,
             const wxString& prompt, bool allow_new);

  /// The chosen existing code; nullopt when a new path was chosen.
  std::optional<Id> chosen_code() const;
  /// The path to create when chosen_code() is empty.
  std::string new_path() const;

  wxTextCtrl& input() { return *m_input; }
  wxListBox& list() { return *m_list; }
  /// Refilters the list for the typed text.
  void refilter();
  /// Accepts the highlighted entry (what Enter does).
  void accept();

private:
  std::vector<Code> m_codes;
  std::vector<std::optional<std::size_t>> m_shown; ///< list row -> code index (nullopt: "new")
  bool m_allow_new;
  wxTextCtrl* m_input = nullptr;
  wxListBox* m_list = nullptr;
  wxStaticText* m_hint = nullptr;
};

} // namespace quire::gui
