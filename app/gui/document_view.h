#pragma once
// The document view: a document's text with its codings, coding stripes
// beside it, speakers and times in the margin for transcripts, and a find bar
// (Ctrl+F). Coding itself is done by commands (code/...) on its selection.
#include <optional>

#include <wx/panel.h>

#include "coded_text.h"

class wxSearchCtrl;
class wxStaticText;

namespace quire::gui {

class MainFrame;
class CodingStripes;

class DocumentView : public wxPanel {
public:
  DocumentView(wxWindow* parent, MainFrame& frame);

  /// Shows a document, optionally selecting a range of it.
  void show(Id document, std::optional<std::pair<std::int64_t, std::int64_t>> range = {});
  void clear();
  Id document() const { return m_text->document(); }
  CodedText& text() { return *m_text; }
  CodingStripes& stripes() { return *m_stripes; }

  /// Shows the find bar and puts the cursor in it.
  void show_find();
  /// Finds the next (or previous) occurrence of what, case-insensitively,
  /// and selects it. Returns false when there is none.
  bool find(const wxString& what, bool forward = true);
  /// Finds the text in the find bar again, forward or back (its Next and
  /// Previous buttons: edit/find-next, edit/find-previous).
  bool find_again(bool forward);
  /// Hides the find bar (its Done button: edit/find-done).
  void hide_find();
  /// Applies the text font size from the preferences.
  void set_font_size(int points);

private:
  void reload_codings();
  void update_info();
  void on_change(const ChangeSet& c);
  void on_context_menu(wxContextMenuEvent& e);
  void on_key(wxKeyEvent& e);

  MainFrame& m_frame;
  wxString m_found_for;                                       ///< the text the matches below are of
  std::vector<std::pair<std::int64_t, std::int64_t>> m_found; ///< find matches, shown text
  wxStaticText* m_title = nullptr;
  wxStaticText* m_info = nullptr;
  wxPanel* m_find_bar = nullptr;
  wxSearchCtrl* m_find = nullptr;
  CodedText* m_text = nullptr;
  CodingStripes* m_stripes = nullptr;
};

} // namespace quire::gui
