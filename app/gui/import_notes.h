#pragma once
// What the importers noted about the files imported in this window ("line
// endings were normalised", "decoded as Windows-1252"): kept whole, because
// the status bar has room for one line only, and shown by View > Import Notes.
#include <string>
#include <vector>

#include <wx/dialog.h>

class wxTextCtrl;

namespace quire::gui {

/// The notes of the imports made in this window, newest last.
class ImportNotes {
public:
  /// Adds a file's notes ("interview.txt: line endings were normalised").
  void add(const std::string& file, const std::vector<std::string>& notes);
  const std::vector<std::string>& all() const { return m_notes; }
  bool empty() const { return m_notes.empty(); }
  void clear() { m_notes.clear(); }

private:
  std::vector<std::string> m_notes;
};

/// The notes in full, one paragraph each, in a text that wraps and can be
/// selected and copied.
class ImportNotesDialog : public wxDialog {
public:
  ImportNotesDialog(wxWindow* parent, const std::vector<std::string>& notes);
  wxTextCtrl& text() { return *m_text; }

private:
  wxTextCtrl* m_text = nullptr;
};

} // namespace quire::gui
