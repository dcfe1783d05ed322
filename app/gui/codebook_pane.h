#pragma once
// The codebook: a tree of codes with colour swatches and counts (codings ·
// cases). Rename in place, drag a code onto another to move it under it (or
// onto the text to code the selection); the rest goes through codes/ commands.
#include <map>
#include <optional>
#include <set>

#include <wx/panel.h>
#include <wx/treectrl.h>

#include "deferred.h"
#include "quire/store/project.h"

class wxImageList;

class wxStaticText;

namespace quire::gui {

class MainFrame;

class CodebookPane : public wxPanel {
public:
  CodebookPane(wxWindow* parent, MainFrame& frame);

  /// Re-reads the codebook and counts.
  void rebuild();
  /// Selects a code in the tree (and so in the session).
  void select(Id code);
  /// Starts renaming a code in place.
  void edit_label(Id code);
  /// Moves a dragged code under the code at point p of the tree (top level
  /// when p is on no code). Returns false when that is not a move.
  bool drop_code(Id code, wxPoint p);
  wxTreeCtrl& tree() { return *m_tree; }
  /// The sentence on how to start coding, shown while the codebook is empty.
  wxStaticText& start_hint() { return *m_hint; }
  /// The tree item of a code.
  wxTreeItemId item_of(Id code) const;
  /// The text shown for a code in the tree.
  wxString label_of(Id code) const;

private:
  void show_hint(bool show);
  void update_counts();
  wxString label_for(const Code& c) const;
  int image_for(const std::string& colour);
  void on_change(const ChangeSet& c);
  std::optional<Id> id_of(const wxTreeItemId& item) const;

  MainFrame& m_frame;
  wxTreeCtrl* m_tree = nullptr;
  wxStaticText* m_hint = nullptr;
  wxString m_hint_text; ///< unwrapped
  wxImageList* m_images = nullptr;
  std::map<std::string, int> m_image_of;
  std::map<Id, wxTreeItemId> m_items;
  std::map<Id, std::pair<std::int64_t, std::int64_t>> m_counts; ///< codings, cases
  std::set<Id> m_collapsed;
  bool m_rebuilding = false;
  Deferred m_rebuild, m_recount;
  Id m_dragging = 0;
};

} // namespace quire::gui
