#pragma once
// File > Restore a Safety Copy: the project's safety copies (newest first,
// with when, what action they were kept before, and size) and a Restore
// button. ShowModal() returns wxID_OK when the user chose one to restore.
#include <functional>
#include <optional>
#include <vector>

#include <wx/dialog.h>

#include "quire/store/safety_copies.h"

class wxListCtrl;

namespace quire::gui {

class SafetyCopiesDialog : public wxDialog {
public:
  /// copies: oldest first, as list_safety_copies() gives them.
  SafetyCopiesDialog(wxWindow* parent, std::vector<SafetyCopy> copies, const wxString& folder);
  wxListCtrl& list() { return *m_list; }
  /// The copy selected (when ShowModal() returned wxID_OK).
  std::optional<SafetyCopy> chosen() const;
  /// Selects the row-th copy (0 = newest), as a click would.
  void select(long row);

private:
  std::vector<SafetyCopy> m_copies; ///< newest first, as listed
  wxListCtrl* m_list = nullptr;
  wxWindow* m_restore = nullptr;
};

/// Runs action (a destructive core action that keeps a safety copy first).
/// When the copy cannot be made, says why and asks whether to go on without
/// one: Yes runs it again without a copy; No leaves everything as it was and
/// returns false.
bool unless_copy_refused(wxWindow* parent, Project& p, const std::function<void()>& action);

/// "1.2 MB", "340 kB".
wxString size_text(std::uintmax_t bytes);

} // namespace quire::gui
