#include "layout_dump.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include <wx/frame.h>
#include <wx/menu.h>
#include <wx/stattext.h>
#include <wx/statusbr.h>
#include <wx/stc/stc.h>
#include <wx/timer.h>
#include <wx/toplevel.h>
#include <wx/treectrl.h>

#include "wx_text.h"

namespace quire::gui {

namespace {

std::string quoted(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    switch (c) {
    case '"': out += "\\\""; break;
    case '\\': out += "\\\\"; break;
    case '\n': out += "\\n"; break;
    case '\t': out += "\\t"; break;
    default:
      if (static_cast<unsigned char>(c) < 0x20) {
        out += ' ';
      } else {
        out += c;
      }
    }
  }
  return out + "\"";
}

void tree_items(const wxTreeCtrl& tree, wxTreeItemId item, std::string& out) {
  wxTreeItemIdValue cookie;
  for (auto child = tree.GetFirstChild(item, cookie); child.IsOk();
       child = tree.GetNextChild(item, cookie)) {
    out += (out.back() == '[' ? "" : ",") + quoted(utf8(tree.GetItemText(child)));
    tree_items(tree, child, out);
  }
}

/// Names the app gives the windows a test looks for ("document-text",
/// "sources-tree", ...; command buttons are named by their command, with a
/// '/'): wx's own default names are left out.
bool named(const wxString& name) {
  return name.StartsWith("quire-") || name.Contains("/");
}

void add_window(wxWindow* w, std::string& out) {
  if (named(w->GetName())) {
    auto r = w->GetScreenRect();
    out += "{\"name\":" + quoted(utf8(w->GetName())) + ",\"x\":" + std::to_string(r.x) +
           ",\"y\":" + std::to_string(r.y) + ",\"w\":" + std::to_string(r.width) +
           ",\"h\":" + std::to_string(r.height) +
           ",\"shown\":" + (w->IsShownOnScreen() ? "true" : "false");
    if (auto* t = dynamic_cast<wxTreeCtrl*>(w)) {
      std::string items = "[";
      if (t->GetRootItem().IsOk()) {
        tree_items(*t, t->GetRootItem(), items);
      }
      out += ",\"items\":" + items + "]";
    } else if (auto* stc = dynamic_cast<wxStyledTextCtrl*>(w)) {
      out += ",\"selection\":" + quoted(utf8(stc->GetSelectedText()));
    } else if (!w->GetLabel().empty()) {
      out += ",\"label\":" + quoted(utf8(w->GetLabel()));
    }
    out += "},";
  }
  for (auto* child : w->GetChildren()) {
    if (!child->IsTopLevel()) {
      add_window(child, out);
    }
  }
}

std::string describe(wxFrame* frame) {
  std::string out = "{\"windows\":[";
  for (auto* top : wxTopLevelWindows) {
    if (auto* t = dynamic_cast<wxTopLevelWindow*>(top); t && t->IsShown()) {
      auto r = t->GetScreenRect();
      out += "{\"title\":" + quoted(utf8(t->GetTitle())) + ",\"x\":" + std::to_string(r.x) +
             ",\"y\":" + std::to_string(r.y) + ",\"w\":" + std::to_string(r.width) +
             ",\"h\":" + std::to_string(r.height) + "},";
    }
  }
  if (out.back() == ',') {
    out.pop_back();
  }
  out += "],\"status\":";
  auto* bar = frame->GetStatusBar();
  out += quoted(bar ? utf8(bar->GetStatusText(0)) : std::string());
  out += ",\"counts\":"; // the status bar's right field
  out += quoted(bar && bar->GetFieldsCount() > 1 ? utf8(bar->GetStatusText(1)) : std::string());
  // The menu bar's items as the menus show them (labels change with the
  // project: "Undo Code “…” as Purpose").
  out += ",\"menus\":{";
  if (auto* menus = frame->GetMenuBar()) {
    for (std::size_t m = 0; m < menus->GetMenuCount(); ++m) {
      out += (m ? "," : "") + quoted(utf8(menus->GetMenuLabelText(m))) + ":[";
      bool first = true;
      for (auto* item : menus->GetMenu(m)->GetMenuItems()) {
        if (!item->IsSeparator()) {
          out += (first ? "" : ",") + quoted(utf8(item->GetItemLabelText()));
          first = false;
        }
      }
      out += "]";
    }
  }
  out += "}";
  auto* focus = wxWindow::FindFocus();
  out += ",\"focus\":" + quoted(focus ? utf8(focus->GetName()) : std::string());
  out += ",\"named\":[";
  for (auto* top : wxTopLevelWindows) {
    if (top->IsShown()) {
      add_window(top, out);
    }
  }
  if (out.back() == ',') {
    out.pop_back();
  }
  return out + "]}\n";
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
