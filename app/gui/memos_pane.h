#pragma once
// Memos: read and write memos on the project, a document, a code, a coding or
// a case. What you type is stored as you go (after a pause, or when you leave
// the memo): nothing is ever unsaved.
#include <optional>
#include <vector>

#include <wx/panel.h>
#include <wx/timer.h>

#include "deferred.h"
#include "quire/base/types.h"

class wxListCtrl;
class wxTextCtrl;
class wxStaticText;
class wxChoice;

namespace quire::gui {

class MainFrame;

class MemosPane : public wxPanel {
public:
  MemosPane(wxWindow* parent, MainFrame& frame);

  /// Re-reads the memos.
  void reload();
  /// Adds a memo on a target and opens it for writing.
  void add(MemoTarget target, std::optional<Id> target_id, const std::string& text = {});
  /// Opens memo id in the editor (stores the one being written first).
  void open(Id memo);
  /// Stores the memo being written, if it changed.
  void store();
  /// Asks what the new memo is on (a popup menu under the pointer) and adds it.
  void choose_new();
  /// Deletes the memo open in the editor (nothing when none is).
  void delete_open();
  /// The memo open in the editor.
  std::optional<Id> open_memo() const { return m_open; }
  const std::vector<Memo>& memos() const { return m_memos; }
  wxTextCtrl& editor() { return *m_editor; }
  /// What a memo is on, as a person reads it ("Code Purpose/Sceptical").
  std::string target_label(const Memo& m) const;

private:
  MainFrame& m_frame;
  std::vector<Memo> m_memos;
  std::optional<Id> m_open;
  wxChoice* m_filter = nullptr;
  wxListCtrl* m_list = nullptr;
  wxStaticText* m_about = nullptr;
  wxTextCtrl* m_editor = nullptr;
  wxTimer m_autosave;
  bool m_loading = false;
  Deferred m_reload;
};

} // namespace quire::gui
