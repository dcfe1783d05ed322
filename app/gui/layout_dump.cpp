#include "layout_dump.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include <wx/checklst.h>
#include <wx/choice.h>
#include <wx/frame.h>
#include <wx/grid.h>
#include <wx/listctrl.h>
#include <wx/menu.h>
#include <wx/stattext.h>
#include <wx/statusbr.h>
#include <wx/stc/stc.h>
#include <wx/textentry.h>
#include <wx/timer.h>
#include <wx/toplevel.h>
#include <wx/treectrl.h>

#include <nlohmann/json.hpp>

#include "wx_text.h"

namespace quire::gui {

namespace {

using nlohmann::json;

void tree_items(const wxTreeCtrl& tree, wxTreeItemId item, json& out) {
  wxTreeItemIdValue cookie;
  for (auto child = tree.GetFirstChild(item, cookie); child.IsOk();
       child = tree.GetNextChild(item, cookie)) {
    out.push_back(utf8(tree.GetItemText(child)));
    tree_items(tree, child, out);
  }
}

/// Each item on screen: its text and screen rectangle (to click or drag it).
void tree_places(const wxTreeCtrl& tree, wxTreeItemId item, json& out) {
  wxTreeItemIdValue cookie;
  for (auto child = tree.GetFirstChild(item, cookie); child.IsOk();
       child = tree.GetNextChild(item, cookie)) {
    wxRect r;
    if (tree.GetBoundingRect(child, r, true)) {
      auto at = tree.ClientToScreen(r.GetPosition());
      out.push_back({{"text", utf8(tree.GetItemText(child))},
                     {"x", at.x},
                     {"y", at.y},
                     {"w", r.width},
                     {"h", r.height}});
    }
    if (tree.IsExpanded(child)) {
      tree_places(tree, child, out);
    }
  }
}

/// A grid as seen: its shape, cursor, and for the first rows each shown
/// column's screen rectangle and text (frozen columns stay at the left).
json grid_json(wxGrid& g) {
  json out = {{"rows", g.GetNumberRows()},
              {"cols", g.GetNumberCols()},
              {"cursor", {g.GetGridCursorRow(), g.GetGridCursorCol()}},
              {"frozen_cols", g.GetNumberFrozenCols()}};
  auto* win = g.GetGridWindow();
  const wxRect area(win->GetScreenPosition(), win->GetClientSize());
  int ppu_x = 0, ppu_y = 0;
  g.GetScrollPixelsPerUnit(&ppu_x, &ppu_y);
  const auto start = g.GetViewStart();
  const int nf = g.GetNumberFrozenCols();
  std::vector<int> left(static_cast<std::size_t>(g.GetNumberCols()) + 1, 0);
  for (int c = 0; c < g.GetNumberCols(); ++c) {
    left[static_cast<std::size_t>(c) + 1] = left[static_cast<std::size_t>(c)] + g.GetColSize(c);
  }
  const int frozen_width = left[static_cast<std::size_t>(nf)];
  const int frozen_x = nf > 0 ? g.GetFrozenColGridWindow()->GetScreenPosition().x : area.x;
  json cols = json::array();
  for (int c = 0; c < g.GetNumberCols(); ++c) {
    const int at = left[static_cast<std::size_t>(c)];
    int x = c < nf ? frozen_x + at : area.x + at - frozen_width - start.x * ppu_x;
    bool shown = c < nf || (x + g.GetColSize(c) > area.x && x < area.GetRight());
    cols.push_back({{"label", utf8(g.GetColLabelValue(c))},
                    {"x", x},
                    {"w", g.GetColSize(c)},
                    {"shown", shown}});
  }
  out["columns"] = std::move(cols);
  json rows = json::array();
  int top = 0;
  for (int r = 0; r < std::min(g.GetNumberRows(), 40); top += g.GetRowSize(r), ++r) {
    json values = json::array();
    for (int c = 0; c < g.GetNumberCols(); ++c) {
      values.push_back(utf8(g.GetCellValue(r, c)));
    }
    rows.push_back({{"y", area.y + top - start.y * ppu_y},
                    {"h", g.GetRowSize(r)},
                    {"values", std::move(values)}});
  }
  out["first_rows"] = std::move(rows);
  return out;
}

/// Names the app gives the windows a test looks for ("document-text",
/// "sources-tree", ...; command buttons are named by their command, with a
/// '/'): wx's own default names are left out.
bool named(const wxString& name) {
  return name.StartsWith("quire-") || name.Contains("/");
}

json rect(const wxRect& r) {
  return {{"x", r.x}, {"y", r.y}, {"w", r.width}, {"h", r.height}};
}

/// A grid's labels, cells (as shown) and where each row and column is on
/// the screen, with the cursor: a test clicks a cell by its place.
void grid_items(wxGrid& grid, json& out) {
  auto origin = grid.GetGridWindow()->GetScreenPosition();
  int scroll_x = 0, scroll_y = 0;
  grid.CalcScrolledPosition(0, 0, &scroll_x, &scroll_y);
  json cols = json::array(), rows = json::array(), cells = json::array();
  for (int c = 0; c < grid.GetNumberCols() && grid.GetNumberRows() > 0; ++c) {
    cols.push_back({{"label", utf8(grid.GetColLabelValue(c))},
                    {"x", origin.x + grid.CellToRect(0, c).x + scroll_x},
                    {"w", grid.GetColSize(c)}});
  }
  for (int r = 0; r < grid.GetNumberRows() && r < 200; ++r) {
    rows.push_back({{"label", utf8(grid.GetRowLabelValue(r))},
                    {"y", origin.y + grid.CellToRect(r, 0).y + scroll_y},
                    {"h", grid.GetRowSize(r)}});
    json row = json::array();
    for (int c = 0; c < grid.GetNumberCols(); ++c) {
      row.push_back(utf8(grid.GetCellValue(r, c)));
    }
    cells.push_back(std::move(row));
  }
  out["columns"] = std::move(cols);
  out["rows"] = std::move(rows);
  out["cells"] = std::move(cells);
  out["cursor"] = {grid.GetGridCursorRow(), grid.GetGridCursorCol()};
}

void add_window(wxWindow* w, json& out) {
  if (named(w->GetName())) {
    json win = rect(w->GetScreenRect());
    win["name"] = utf8(w->GetName());
    win["shown"] = w->IsShownOnScreen();
    if (auto* t = dynamic_cast<wxTreeCtrl*>(w)) {
      json items = json::array();
      json places = json::array();
      if (t->GetRootItem().IsOk()) {
        tree_items(*t, t->GetRootItem(), items);
        tree_places(*t, t->GetRootItem(), places);
      }
      win["items"] = std::move(items);
      win["places"] = std::move(places);
      auto sel = t->GetFocusedItem();
      win["selected"] = sel.IsOk() ? utf8(t->GetItemText(sel)) : std::string();
    } else if (auto* stc = dynamic_cast<wxStyledTextCtrl*>(w)) {
      win["selection"] = utf8(stc->GetSelectedText());
      win["text"] = utf8(stc->GetText().Left(2000));
    } else if (auto* grid = dynamic_cast<wxGrid*>(w)) {
      grid_items(*grid, win);         // cells and their places (analysis journeys)
      win["grid"] = grid_json(*grid); // shown columns, frozen ones (survey journeys)
    } else if (auto* list = dynamic_cast<wxListCtrl*>(w)) {
      json items = json::array();
      for (long i = 0; i < list->GetItemCount() && i < 200; ++i) {
        json row = json::array();
        for (int c = 0; c < list->GetColumnCount(); ++c) {
          row.push_back(utf8(list->GetItemText(i, c)));
        }
        items.push_back(std::move(row));
      }
      win["items"] = std::move(items);
    } else if (auto* items = dynamic_cast<wxItemContainer*>(w)) {
      json list = json::array(), checked = json::array();
      auto* check = dynamic_cast<wxCheckListBox*>(w);
      for (unsigned i = 0; i < std::min(items->GetCount(), 200u); ++i) {
        list.push_back(utf8(items->GetString(i)));
        if (check && check->IsChecked(i)) {
          checked.push_back(utf8(items->GetString(i)));
        }
      }
      win["items"] = std::move(list);
      win["selected"] = utf8(items->GetStringSelection());
      win["selection"] = win["selected"];
      win["enabled"] = w->IsEnabled();
      if (check) {
        win["checked"] = std::move(checked);
      }
    } else if (auto* entry = dynamic_cast<wxTextEntry*>(w)) {
      win["value"] = utf8(entry->GetValue());
    } else if (!w->GetLabel().empty()) {
      win["label"] = utf8(w->GetLabel());
    }
    out.push_back(std::move(win));
  }
  for (auto* child : w->GetChildren()) {
    if (!child->IsTopLevel()) {
      add_window(child, out);
    }
  }
}

std::string describe(wxFrame* frame) {
  json out;
  out["windows"] = json::array();
  for (auto* top : wxTopLevelWindows) {
    if (auto* t = dynamic_cast<wxTopLevelWindow*>(top); t && t->IsShown()) {
      json win = rect(t->GetScreenRect());
      win["title"] = utf8(t->GetTitle());
      out["windows"].push_back(std::move(win));
    }
  }
  auto* bar = frame->GetStatusBar();
  out["status"] = bar ? utf8(bar->GetStatusText(0)) : std::string();
  // The status bar's right field.
  out["counts"] = bar && bar->GetFieldsCount() > 1 ? utf8(bar->GetStatusText(1)) : std::string();
  // A team project's sync (team_sync.h).
  out["team"] = bar && bar->GetFieldsCount() > 2 ? utf8(bar->GetStatusText(2)) : std::string();
  // The menu bar's items as the menus show them (labels change with the
  // project: "Undo Code “…” as Purpose").
  out["menus"] = json::object();
  if (auto* menus = frame->GetMenuBar()) {
    for (std::size_t m = 0; m < menus->GetMenuCount(); ++m) {
      json items = json::array();
      for (auto* item : menus->GetMenu(m)->GetMenuItems()) {
        if (!item->IsSeparator()) {
          items.push_back(utf8(item->GetItemLabelText()));
        }
      }
      out["menus"][utf8(menus->GetMenuLabelText(m))] = std::move(items);
    }
  }
  auto* focus = wxWindow::FindFocus();
  out["focus"] = focus ? utf8(focus->GetName()) : std::string();
  out["named"] = json::array();
  for (auto* top : wxTopLevelWindows) {
    if (top->IsShown()) {
      add_window(top, out["named"]);
    }
  }
  // Text cut inside a UTF-8 sequence is written with U+FFFD, not refused.
  return out.dump(-1, ' ', false, json::error_handler_t::replace) + "\n";
}

} // namespace

void start_layout_dump(wxFrame* frame) {
  const char* env = std::getenv("QUIRE_GUI_DUMP_LAYOUT");
  if (!env || !*env) {
    return;
  }
  std::filesystem::path file(env);
  auto* timer = new wxTimer(); // lives as long as the app
  auto last = std::make_shared<std::string>();
  timer->Bind(wxEVT_TIMER, [frame, file, last](wxTimerEvent&) {
    auto now = describe(frame);
    if (now == *last) {
      return;
    }
    *last = now;
    auto tmp = file;
    tmp += ".tmp";
    std::ofstream(tmp, std::ios::binary) << now;
    std::error_code ec;
    std::filesystem::rename(tmp, file, ec); // whole or not at all, for the reader
  });
  timer->Start(100);
}

} // namespace quire::gui
