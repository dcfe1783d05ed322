#pragma once
// Suggestions: works through the code suggestions learnt from the project's
// own codings one by one — the passage (shown in its document too), the
// suggested code, its score and reasons (the words that weighed are
// highlighted) — with Accept (Enter), Reject (Delete), Skip, and accept all
// at or above a score. Nothing leaves the machine (docs/suggestions.md).
#include <string>
#include <vector>

#include <wx/panel.h>

#include "quire/suggest/suggest.h"

class wxStaticText;
class wxTextCtrl;
class wxSpinCtrlDouble;

namespace quire::gui {

class MainFrame;

class SuggestionsPane : public wxPanel {
public:
  SuggestionsPane(wxWindow* parent, MainFrame& frame);

  /// Learns from the project's codings again and lists the best suggestions.
  void reload();
  /// Accepts the suggestion shown (codes it as the current coder).
  void accept();
  /// Rejects the suggestion shown.
  void reject();
  /// Moves on without deciding.
  void skip();
  /// Accepts every listed suggestion scoring at least the chosen score.
  void accept_above();

  const std::vector<Suggestion>& suggestions() const { return m_list; }
  std::size_t current() const { return m_at; }
  /// What the pane says above the passage (for tests and the layout dump).
  std::string status_text() const;

private:
  void show_current();
  /// Tells the views which listed suggestions are still open (dashed stripes).
  void mark_open();
  /// Shows the listed suggestion with this id (its stripe was clicked).
  void pick(Id suggestion);
  MainFrame& m_frame;
  std::vector<Suggestion> m_list;
  std::size_t m_at = 0;
  std::string m_note; ///< why there is nothing to show, when there is not
  wxStaticText* m_status = nullptr;
  wxStaticText* m_code = nullptr;
  wxTextCtrl* m_text = nullptr;
  wxStaticText* m_reasons = nullptr;
  wxSpinCtrlDouble* m_threshold = nullptr;
};

} // namespace quire::gui
