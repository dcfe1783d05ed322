#pragma once
// A read-only table in a dialog (keyboard shortcuts, code frequencies).
#include <string>
#include <vector>

#include <wx/dialog.h>

class wxListCtrl;

namespace quire::gui {

class ListDialog : public wxDialog {
public:
  /// columns: header and width; rows: one string per column.
  ListDialog(wxWindow* parent, const wxString& title,
             const std::vector<std::pair<wxString, int>>& columns,
             const std::vector<std::vector<wxString>>& rows, const wxString& note = {});
  wxListCtrl& list() { return *m_list; }

private:
  wxListCtrl* m_list = nullptr;
};

} // namespace quire::gui
