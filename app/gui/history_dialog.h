#pragma once
// Edit > History: every recorded step, newest first, and "Undo to Here" for
// one of the acting coder's own steps.
#include <vector>

#include <wx/dialog.h>

#include "quire/store/history.h"

class wxButton;
class wxListCtrl;

namespace quire::gui {

class MainFrame;

class HistoryDialog : public wxDialog {
public:
  explicit HistoryDialog(MainFrame& frame);
  wxListCtrl& list() { return *m_list; }
  wxButton& undo_to_button() { return *m_undo_to; }
  /// The steps as the list shows them, newest first.
  const std::vector<HistoryEntry>& steps() const { return m_steps; }
  /// Selects the row of step `id`; false when it is not listed.
  bool select_step(Id id);
  /// Undo to Here on the selected step: the coder's steps back to and
  /// including it, or (refused) nothing and the message in a dialog. Returns
  /// whether anything was undone.
  bool undo_to_selected();

private:
  void fill();
  void update_button();
  long selected() const;

  MainFrame& m_frame;
  wxListCtrl* m_list = nullptr;
  wxButton* m_undo_to = nullptr;
  std::vector<HistoryEntry> m_steps;
};

} // namespace quire::gui
