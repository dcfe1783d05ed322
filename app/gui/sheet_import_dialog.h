#pragma once
// The preview of File > Import Codebook… and File > Import Classification
// Sheet…: what the import will add and update (a row each), the reader's
// notes, and for a sheet of cases the choice to update existing cases. The
// lists come from core's dry runs; Import applies the same import.
#include <functional>
#include <string>
#include <vector>

#include <wx/dialog.h>

class wxCheckBox;
class wxListCtrl;
class wxStaticText;

namespace quire::gui {

/// One row of the preview: what happens ("Add", "Update", "Same"), to what,
/// and how.
struct PreviewRow {
  std::string change, name, detail;
};

/// What a preview shows: a summary line, the rows, and when the import would
/// be refused as it stands, why (Import is then disabled).
struct PreviewContent {
  std::string summary;
  std::vector<PreviewRow> rows;
  std::string refused;
};

class SheetImportDialog : public wxDialog {
public:
  /// `preview(update)` makes the content (update: whether existing cases are
  /// to be updated); `update_label` non-empty adds that check box.
  SheetImportDialog(wxWindow* parent, const wxString& title, const std::vector<std::string>& notes,
                    std::function<PreviewContent(bool)> preview, const wxString& update_label = {});

  bool update() const;
  wxListCtrl& list() { return *m_list; }
  wxStaticText& summary() { return *m_summary; }
  /// Ticks or clears "update existing" and shows the preview again.
  void set_update(bool on);
  bool can_import() const;

private:
  void show(bool update);
  std::function<PreviewContent(bool)> m_preview;
  wxListCtrl* m_list = nullptr;
  wxStaticText* m_summary = nullptr;
  wxStaticText* m_refused = nullptr;
  wxCheckBox* m_update = nullptr;
};

} // namespace quire::gui
