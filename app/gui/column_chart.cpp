#include "column_chart.h"

#include <algorithm>

#include <wx/dcbuffer.h>
#include <wx/settings.h>

#include "heat_colours.h"

namespace quire::gui {

ColumnChart::ColumnChart(wxWindow* parent) : wxPanel(parent, wxID_ANY) {
  SetName("quire-analysis-chart");
  SetBackgroundStyle(wxBG_STYLE_PAINT);
  SetMinSize(wxSize(260, 100));
  Bind(wxEVT_PAINT, [this](wxPaintEvent&) { paint(); });
  Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
    Refresh();
    e.Skip();
  });
}

void ColumnChart::set(const wxString& title, std::vector<Bar> bars, double max) {
  m_title = title;
  m_bars = std::move(bars);
  m_max = max;
  if (m_max <= 0) {
    for (const auto& b : m_bars) {
      m_max = std::max(m_max, b.value);
    }
  }
  SetToolTip(m_title);
  Refresh();
}

void ColumnChart::clear() {
  set("", {});
}

void ColumnChart::paint() {
  wxAutoBufferedPaintDC dc(this);
  const auto size = GetClientSize();
  dc.SetBackground(*wxWHITE_BRUSH);
  dc.Clear();
  dc.SetFont(GetFont());
  dc.SetTextForeground(*wxBLACK);
  const int pad = 8;
  int y = pad;
  if (!m_title.empty()) {
    auto font = GetFont().Bold();
    dc.SetFont(font);
    dc.DrawText(wxControl::Ellipsize(m_title, dc, wxELLIPSIZE_END, size.x - 2 * pad), pad, y);
    y += dc.GetCharHeight() + 6;
    dc.SetFont(GetFont());
  }
  if (m_bars.empty()) {
    dc.SetTextForeground(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    dc.DrawText("Click a cell to chart its column.", pad, y);
    return;
  }
  const int line = dc.GetCharHeight();
  const int rows = static_cast<int>(m_bars.size());
  const int row_h = std::clamp((size.y - y - pad) / std::max(1, rows), 6, line + 8);
  const int label_w = std::min(size.x / 3, 140);
  const int text_w = dc.GetTextExtent(" 000 (100%)").x;
  const int bar_x = pad + label_w + 6;
  const int bar_max = std::max(10, size.x - bar_x - text_w - pad);
  for (int i = 0; i < rows && y + row_h <= size.y; ++i, y += row_h) {
    const auto& b = m_bars[static_cast<std::size_t>(i)];
    if (row_h >= line) {
      dc.SetTextForeground(*wxBLACK);
      dc.DrawText(wxControl::Ellipsize(b.label, dc, wxELLIPSIZE_END, label_w), pad,
                  y + (row_h - line) / 2);
    }
    const double f = m_max > 0 ? b.value / m_max : 0;
    const int w = static_cast<int>(f * bar_max + 0.5);
    if (w > 0) {
      auto c = heat_colours(std::max(f, 0.35)).background; // pale bars would vanish
      dc.SetBrush(wxBrush(c));
      dc.SetPen(wxPen(c.ChangeLightness(80)));
      dc.DrawRectangle(bar_x, y + 2, w, std::max(2, row_h - 4));
    }
    if (row_h >= line) {
      dc.SetTextForeground(wxColour(60, 60, 60));
      dc.DrawText(b.text, bar_x + w + 4, y + (row_h - line) / 2);
    }
  }
}

} // namespace quire::gui
