#include "coding_stripes.h"

#include <algorithm>

#include <wx/dcbuffer.h>

#include "quire/model/memos.h"
#include "wx_text.h"

namespace quire::gui {

namespace {
constexpr int column_width = 9;
constexpr int bar_width = 5;
constexpr int pad = 4;
constexpr int label_width = 130;
constexpr int max_columns = 10;

std::string last_segment(const std::string& path) {
  auto slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

wxFont label_font() {
  return wxFont(wxFontInfo(8).Family(wxFONTFAMILY_SWISS));
}
} // namespace

CodingStripes::CodingStripes(wxWindow* parent, CodedText& text, Session& session)
    : wxWindow(parent, wxID_ANY, wxDefaultPosition, wxSize(pad * 2, -1), wxFULL_REPAINT_ON_RESIZE),
      m_text(text), m_session(session) {
  SetBackgroundStyle(wxBG_STYLE_PAINT);
  Bind(wxEVT_PAINT, &CodingStripes::on_paint, this);
  Bind(wxEVT_MOTION, &CodingStripes::on_motion, this);
  Bind(wxEVT_LEFT_DOWN, &CodingStripes::on_click, this);
  // The pointer left: the next visit to a stripe reads its tooltip afresh.
  Bind(wxEVT_LEAVE_WINDOW, [this](wxMouseEvent& e) {
    m_hover = 0;
    m_tip.clear();
    UnsetToolTip();
    Refresh(false);
    e.Skip();
  });
  // A rename, a memo, an undo: the tooltip of the stripe under the pointer
  // says what is true now (the views have reloaded the codings by then).
  m_session.changed.connect([this](const ChangeSet&) {
    if (m_hover != 0) {
      CallAfter([this] { update_tooltip(); });
    }
  });
  m_text.Bind(wxEVT_STC_UPDATEUI, [this](wxStyledTextEvent& e) {
    Refresh(false);
    e.Skip();
  });
  m_text.Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
    Refresh(false);
    e.Skip();
  });
}

void CodingStripes::update_width() {
  int columns = std::clamp(m_text.layers(), 1, max_columns);
  int width = pad * 2 + columns * column_width + label_width;
  if (GetMinSize().x != width) {
    SetMinSize(wxSize(width, -1));
    GetParent()->Layout();
  }
  Refresh(false);
}

std::vector<CodingStripes::Bar> CodingStripes::layout() const {
  std::vector<Bar> out;
  auto& text = m_text;
  if (text.laid().empty()) {
    return out;
  }
  int height = GetClientSize().y;
  int first_line = text.DocLineFromVisible(text.GetFirstVisibleLine());
  int last_line = text.DocLineFromVisible(text.GetFirstVisibleLine() + text.LinesOnScreen() + 1);
  auto first_cp = text.cp_of(text.PositionFromLine(first_line));
  auto last_cp = text.cp_of(text.GetLineEndPosition(std::min(last_line, text.GetLineCount() - 1)));
  int line_height = text.TextHeight(0);
  for (const auto& l : text.laid()) {
    if (l.coding.start > last_cp) {
      break;
    }
    if (l.coding.end < first_cp) {
      continue;
    }
    int y0 = l.coding.start < first_cp ? 0 : text.PointFromPosition(text.pos_of(l.coding.start)).y;
    int y1 = l.coding.end > last_cp
                 ? height
                 : text.PointFromPosition(text.pos_of(l.coding.end)).y + line_height;
    y0 = std::max(0, y0 + 1);
    y1 = std::min(height, y1 - 1);
    if (y1 <= y0) {
      continue;
    }
    int column = std::min(l.layer, max_columns - 1);
    out.push_back({&l, wxRect(pad + column * column_width, y0, bar_width, y1 - y0), wxRect()});
  }
  // Names go right of the columns, at the line where a coding starts, pushed
  // down below the previous name when several start on one line.
  wxFont font = label_font();
  int label_h = 0;
  GetTextExtent("Ag", nullptr, &label_h, nullptr, nullptr, &font);
  label_h += 1;
  int label_x = pad + std::clamp(text.layers(), 1, max_columns) * column_width + 4;
  int free_y = 0;
  for (auto& bar : out) {
    int y = std::max(bar.rect.y, free_y);
    if (y > bar.rect.GetBottom() + line_height) {
      continue; // too far from its stripe to tell which it names
    }
    bar.label = wxRect(label_x, y, GetClientSize().x - label_x - 2, label_h);
    free_y = y + label_h;
  }
  return out;
}

void CodingStripes::on_paint(wxPaintEvent&) {
  wxAutoBufferedPaintDC dc(this);
  dc.SetBackground(wxBrush(wxColour(248, 248, 250)));
  dc.Clear();
  dc.SetPen(wxPen(wxColour(225, 225, 230)));
  dc.DrawLine(0, 0, 0, GetClientSize().y);
  auto selected = m_session.selected_coding();
  auto bars = layout();
  for (const auto& bar : bars) {
    const auto& l = *bar.coding;
    bool on = selected && *selected == l.coding.id;
    bool hover = m_hover == l.coding.id;
    wxRect r = bar.rect;
    if (on || hover) {
      r.Inflate(1, 0);
    }
    dc.SetPen(wxPen(l.colour.ChangeLightness(on ? 50 : 80)));
    dc.SetBrush(wxBrush(on || hover ? l.colour.ChangeLightness(85) : l.colour));
    dc.DrawRectangle(r);
    if (bar.label.IsEmpty()) {
      continue;
    }
    wxString name = wx(last_segment(l.path));
    while (name.length() > 1 && dc.GetTextExtent(name).x > bar.label.width) {
      name.RemoveLast();
    }
    wxFont font = label_font();
    if (on || hover) {
      font.MakeBold();
    }
    dc.SetFont(font);
    dc.SetTextForeground(l.colour.ChangeLightness(60));
    dc.DrawText(name, bar.label.x, bar.label.y);
  }
}

const LaidCoding* CodingStripes::coding_at(wxPoint p) const {
  const LaidCoding* best = nullptr;
  for (const auto& bar : layout()) {
    if (bar.label.Contains(p)) {
      return bar.coding;
    }
    wxRect hit(bar.rect.x - 2, bar.rect.y, column_width, bar.rect.height);
    if (hit.Contains(p) && (!best || bar.coding->coding.end - bar.coding->coding.start <
                                         best->coding.end - best->coding.start)) {
      best = bar.coding;
    }
  }
  return best;
}

std::string CodingStripes::describe(const LaidCoding& l) const {
  std::string tip =
      l.path + "\ncoded by " + l.coding.coder + ", " + l.coding.created_at.substr(0, 10);
  if (!m_session.busy()) {
    for (const auto& m : list_memos(m_session.project(), MemoTarget::Coding, l.coding.id)) {
      tip += "\nmemo: " + m.text;
    }
  }
  return tip;
}

void CodingStripes::on_motion(wxMouseEvent& e) {
  const auto* l = coding_at(e.GetPosition());
  Id id = l ? l->coding.id : 0;
  if (id == m_hover) {
    return;
  }
  m_hover = id;
  update_tooltip();
  Refresh(false);
}

void CodingStripes::update_tooltip() {
  const LaidCoding* hovered = nullptr;
  for (const auto& l : m_text.laid()) {
    if (l.coding.id == m_hover) {
      hovered = &l;
    }
  }
  if (!hovered) {
    m_hover = 0;
    m_tip.clear();
    UnsetToolTip();
    return;
  }
  auto tip = describe(*hovered);
  if (tip != m_tip) {
    m_tip = tip;
    SetToolTip(wx(tip));
  }
}

void CodingStripes::on_click(wxMouseEvent& e) {
  const auto* l = coding_at(e.GetPosition());
  if (!l) {
    m_session.select_coding(std::nullopt);
    Refresh(false);
    return;
  }
  Id id = l->coding.id;
  m_text.select_range_in_place(l->coding.start, l->coding.end);
  m_text.SetFocus();
  m_session.select_coding(id);
  Refresh(false);
}

} // namespace quire::gui
