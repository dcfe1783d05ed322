#include "codebook_pane.h"

#include <wx/imaglist.h>
#include <wx/menu.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "code_drag.h"
#include "colours.h"
#include "main_frame.h"
#include "menus.h"
#include "quire/model/codebook.h"
#include "wx_text.h"

namespace quire::gui {

namespace {

class CodeItem : public wxTreeItemData {
public:
  explicit CodeItem(Id id) : m_id(id) {}
  Id id() const { return m_id; }

private:
  Id m_id;
};

} // namespace

CodebookPane::CodebookPane(wxWindow* parent, MainFrame& frame)
    : wxPanel(parent), m_frame(frame), m_rebuild(this, [this] { rebuild(); }),
      m_recount(this, [this] { update_counts(); }) {
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  auto* legend = new wxStaticText(this, wxID_ANY, L"Counts: codings · cases");
  legend->SetForegroundColour(wxColour(110, 110, 120));
  legend->SetFont(legend->GetFont().Smaller());
  sizer->Add(legend, 0, wxLEFT | wxTOP | wxBOTTOM, 4);
  m_tree = new wxTreeCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                          wxTR_HAS_BUTTONS | wxTR_HIDE_ROOT | wxTR_EDIT_LABELS |
                              wxTR_LINES_AT_ROOT | wxTR_SINGLE | wxBORDER_NONE);
  m_tree->SetName("quire-codebook-tree");
  m_images = new wxImageList(12, 12);
  m_tree->AssignImageList(m_images);
  sizer->Add(m_tree, 1, wxEXPAND);
  // A project without codes says how to start, with the keys as they are.
  auto key = [&frame](const char* name) { return frame.commands().get(name).shortcut; };
  m_hint_text =
      L"No codes yet. To start coding, select text in a document and press " + key("code/code-as") +
      L" (Code As…): type a name for a new code, then Enter. Or make codes first with "
      L"Codes > New Code… (" +
      key("codes/new") + L"). Keys 1–9 then apply your latest codes to the selected text.";
  m_hint = new wxStaticText(this, wxID_ANY, m_hint_text);
  m_hint->SetName("quire-codebook-hint");
  m_hint->SetForegroundColour(wxColour(70, 80, 120));
  m_hint->Hide();
  sizer->Insert(1, m_hint, 0, wxEXPAND | wxALL, 8); // above the (empty) tree
  SetSizer(sizer);
  Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
    // Wraps to the pane's width (a side pane is narrow).
    if (m_hint->IsShown() && e.GetSize().x > 40) {
      m_hint->SetLabel(m_hint_text);
      m_hint->Wrap(e.GetSize().x - 16);
    }
    e.Skip();
  });

  m_tree->Bind(wxEVT_TREE_SEL_CHANGED, [this](wxTreeEvent& e) {
    if (!m_rebuilding) {
      m_frame.session().select_code(id_of(e.GetItem()));
    }
  });
  m_tree->Bind(wxEVT_TREE_ITEM_COLLAPSED, [this](wxTreeEvent& e) {
    if (auto id = id_of(e.GetItem()); id && !m_rebuilding) {
      m_collapsed.insert(*id);
    }
  });
  m_tree->Bind(wxEVT_TREE_ITEM_EXPANDED, [this](wxTreeEvent& e) {
    if (auto id = id_of(e.GetItem()); id && !m_rebuilding) {
      m_collapsed.erase(*id);
    }
  });
  m_tree->Bind(wxEVT_TREE_BEGIN_LABEL_EDIT, [this](wxTreeEvent& e) {
    auto id = id_of(e.GetItem());
    const auto* code = id ? m_frame.session().codes().find(*id) : nullptr;
    if (!code) {
      e.Veto();
      return;
    }
    m_tree->SetItemText(e.GetItem(), wx(code->name)); // edit the bare name, not the counts
  });
  m_tree->Bind(wxEVT_TREE_END_LABEL_EDIT, [this](wxTreeEvent& e) {
    auto id = id_of(e.GetItem());
    e.Veto(); // the label comes back from the codebook after the rename
    if (!id) {
      return;
    }
    m_tree->SetItemText(e.GetItem(), label_of(*id));
    if (e.IsEditCancelled()) {
      return;
    }
    auto name = utf8(e.GetLabel());
    CallAfter([this, code = *id, name] {
      guarded([&] { rename_code(m_frame.session().project(), code, name); },
              [this](const wxString& m) { m_frame.show_error(m); });
    });
  });
  m_tree->Bind(wxEVT_TREE_ITEM_MENU, [this](wxTreeEvent& e) {
    if (e.GetItem().IsOk()) {
      m_tree->SelectItem(e.GetItem());
    }
    std::unique_ptr<wxMenu> menu(codebook_context_menu(m_frame));
    m_tree->PopupMenu(menu.get(), e.GetPoint());
  });
  m_tree->Bind(wxEVT_TREE_KEY_DOWN, [this](wxTreeEvent& e) {
    switch (e.GetKeyCode()) {
    case WXK_DELETE: m_frame.commands().invoke("codes/delete"); break;
    case WXK_F2: m_frame.commands().invoke("codes/rename"); break;
    case WXK_INSERT: m_frame.commands().invoke("codes/new"); break;
    default: e.Skip();
    }
  });
  m_tree->Bind(wxEVT_TREE_BEGIN_DRAG, [this](wxTreeEvent& e) {
    auto id = id_of(e.GetItem());
    if (!id) {
      return;
    }
    std::unique_ptr<wxDataObject> data(make_code_data(*id));
    wxDropSource source(*data, m_tree);
    m_dragging = *id;
    source.DoDragDrop(wxDrag_CopyOnly);
    m_dragging = 0;
  });
  m_tree->SetDropTarget(new CodeDropTarget(
      [this](Id code, wxPoint p) { return drop_code(code, p); }, [](wxPoint) { return true; }));

  auto& s = frame.session();
  s.opened.connect([this] { rebuild(); });
  s.closed.connect([this] {
    m_rebuilding = true;
    m_tree->DeleteAllItems();
    m_items.clear();
    m_rebuilding = false;
    show_hint(false);
  });
  s.changed.connect([this](const ChangeSet& c) { on_change(c); });
  s.code_selected.connect([this](std::optional<Id> id) {
    if (id && m_items.count(*id) && m_tree->GetSelection() != m_items[*id]) {
      select(*id);
    }
  });
}

std::optional<Id> CodebookPane::id_of(const wxTreeItemId& item) const {
  if (!item.IsOk()) {
    return std::nullopt;
  }
  auto* data = dynamic_cast<CodeItem*>(m_tree->GetItemData(item));
  return data ? std::optional<Id>(data->id()) : std::nullopt;
}

int CodebookPane::image_for(const std::string& colour) {
  auto it = m_image_of.find(colour);
  if (it != m_image_of.end()) {
    return it->second;
  }
  int index = m_images->Add(swatch(code_colour(colour), 12));
  m_image_of.emplace(colour, index);
  return index;
}

wxString CodebookPane::label_for(const Code& c) const {
  wxString label = wx(c.name);
  auto it = m_counts.find(c.id);
  if (it != m_counts.end() && it->second.first > 0) {
    label += wxString::Format(L"  (%lld · %lld)", static_cast<long long>(it->second.first),
                              static_cast<long long>(it->second.second));
  }
  return label;
}

wxString CodebookPane::label_of(Id code) const {
  const auto* c = m_frame.session().codes().find(code);
  return c ? label_for(*c) : wxString();
}

wxTreeItemId CodebookPane::item_of(Id code) const {
  auto it = m_items.find(code);
  return it == m_items.end() ? wxTreeItemId() : it->second;
}

void CodebookPane::rebuild() {
  auto& s = m_frame.session();
  m_rebuilding = true;
  m_tree->Freeze();
  m_tree->DeleteAllItems();
  m_items.clear();
  m_counts.clear();
  for (const auto& cc : code_counts(s.project())) {
    m_counts[cc.code_id] = {cc.codings, cc.cases};
  }
  auto root = m_tree->AddRoot("Codes");
  for (const auto& c : s.codes().list) {
    auto parent = c.parent_id ? item_of(*c.parent_id) : root;
    if (!parent.IsOk()) {
      parent = root;
    }
    int image = image_for(c.color);
    m_items[c.id] = m_tree->AppendItem(parent, label_for(c), image, image, new CodeItem(c.id));
  }
  for (const auto& c : s.codes().list) {
    auto item = m_items[c.id];
    if (m_tree->HasChildren(item) && !m_collapsed.count(c.id)) {
      m_tree->Expand(item);
    }
  }
  if (auto sel = s.selected_code(); sel && m_items.count(*sel)) {
    m_tree->SelectItem(m_items[*sel]);
    m_tree->EnsureVisible(m_items[*sel]);
  } else if (sel) {
    s.select_code(std::nullopt);
  }
  m_tree->Thaw();
  m_rebuilding = false;
  show_hint(s.codes().list.empty());
}

void CodebookPane::show_hint(bool show) {
  if (m_hint->IsShown() == show) {
    return;
  }
  m_hint->Show(show);
  if (show) {
    m_hint->SetLabel(m_hint_text);
    m_hint->Wrap(std::max(GetClientSize().x - 16, 160));
  }
  Layout();
}

void CodebookPane::update_counts() {
  m_counts.clear();
  for (const auto& cc : code_counts(m_frame.session().project())) {
    m_counts[cc.code_id] = {cc.codings, cc.cases};
  }
  for (const auto& [id, item] : m_items) {
    auto label = label_of(id);
    if (m_tree->GetItemText(item) != label) {
      m_tree->SetItemText(item, label);
    }
  }
}

void CodebookPane::on_change(const ChangeSet& c) {
  if (c.everything || c.tables.count("code")) {
    m_rebuild.request();
  } else if (c.tables.count("coding") || c.tables.count("passage") || c.tables.count("document") ||
             c.tables.count("case_")) { // the second count is of cases
    m_recount.request();
  }
}

void CodebookPane::select(Id code) {
  auto item = item_of(code);
  if (item.IsOk()) {
    m_tree->SelectItem(item);
    m_tree->EnsureVisible(item);
  }
}

void CodebookPane::edit_label(Id code) {
  auto item = item_of(code);
  if (item.IsOk()) {
    m_tree->EnsureVisible(item);
    m_tree->EditLabel(item);
  }
}

bool CodebookPane::drop_code(Id code, wxPoint p) {
  int flags = 0;
  auto target_item = m_tree->HitTest(p, flags);
  auto target = id_of(target_item);
  if (target == code) {
    return false;
  }
  const auto* c = m_frame.session().codes().find(code);
  if (!c || c->parent_id == target) {
    return false;
  }
  // After the drag's own event loop ends: the move rebuilds the tree.
  CallAfter([this, code, target] {
    guarded([&] { move_code(m_frame.session().project(), code, target); },
            [this](const wxString& m) { m_frame.show_error(m); });
  });
  return true;
}

} // namespace quire::gui
