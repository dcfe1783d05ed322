#include "word_cloud.h"

#include <algorithm>
#include <cmath>

#include <wx/dcbuffer.h>
#include <wx/dcclient.h>
#include <wx/settings.h>

namespace quire::gui {

namespace {

constexpr std::size_t most_words = 80;
constexpr int smallest = 9, largest = 34;

const wxColour palette[] = {wxColour(31, 78, 121),  wxColour(46, 125, 50), wxColour(173, 76, 16),
                            wxColour(106, 27, 154), wxColour(0, 105, 120), wxColour(136, 14, 79)};

} // namespace

WordCloud::WordCloud(wxWindow* parent)
    : wxWindow(parent, wxID_ANY, wxDefaultPosition, wxSize(300, 200), wxFULL_REPAINT_ON_RESIZE,
               "word-cloud") {
  SetBackgroundStyle(wxBG_STYLE_PAINT);
  Bind(wxEVT_PAINT, &WordCloud::on_paint, this);
  Bind(wxEVT_LEFT_DOWN, &WordCloud::on_mouse, this);
  Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
    m_laid_for = wxSize();
    Refresh();
    e.Skip();
  });
}

void WordCloud::set_words(std::vector<Word> words) {
  if (words.size() > most_words) {
    words.resize(most_words);
  }
  m_words = std::move(words);
  m_chosen = -1;
  m_laid_for = wxSize();
  Refresh();
}

void WordCloud::set_chosen(int i) {
  m_chosen = i;
  Refresh();
}

void WordCloud::lay_out_if_stale() {
  if (m_laid_for != GetClientSize() || m_rects.size() != m_words.size()) {
    wxClientDC dc(this);
    layout(dc);
  }
}

wxRect WordCloud::word_rect(std::size_t i) {
  lay_out_if_stale();
  return i < m_rects.size() ? m_rects[i] : wxRect();
}

void WordCloud::layout(wxDC& dc) {
  // The largest size that lets every word fit the window.
  for (int most = largest; most > smallest; most -= 3) {
    if (layout(dc, most)) {
      return;
    }
  }
  layout(dc, smallest + 1);
}

bool WordCloud::layout(wxDC& dc, int most) {
  auto size = GetClientSize();
  m_laid_for = size;
  m_rects.assign(m_words.size(), wxRect());
  m_sizes.assign(m_words.size(), smallest);
  if (m_words.empty()) {
    return true;
  }
  double top = static_cast<double>(std::max<std::int64_t>(1, m_words.front().count));
  double low = static_cast<double>(std::max<std::int64_t>(1, m_words.back().count));
  // Alphabetical order reads better in a cloud; the size tells the count.
  std::vector<std::size_t> order(m_words.size());
  for (std::size_t i = 0; i < order.size(); ++i) {
    order[i] = i;
  }
  std::sort(order.begin(), order.end(),
            [this](std::size_t a, std::size_t b) { return m_words[a].text < m_words[b].text; });
  const int gap = 10, margin = 8;
  struct Row {
    std::vector<std::size_t> words;
    int width = 0, height = 0;
  };
  std::vector<Row> rows(1);
  for (auto i : order) {
    double t = top > low ? (std::sqrt(static_cast<double>(m_words[i].count)) - std::sqrt(low)) /
                               (std::sqrt(top) - std::sqrt(low))
                         : 1.0;
    int pt = smallest + static_cast<int>(std::lround(t * (most - smallest)));
    m_sizes[i] = pt;
    dc.SetFont(wxFont(wxFontInfo(pt).Bold(pt > 20)));
    auto ext = dc.GetTextExtent(m_words[i].text);
    if (!rows.back().words.empty() && rows.back().width + gap + ext.x > size.x - 2 * margin) {
      rows.emplace_back();
    }
    auto& r = rows.back();
    r.width += (r.words.empty() ? 0 : gap) + ext.x;
    r.height = std::max(r.height, ext.y);
    r.words.push_back(i);
    m_rects[i] = wxRect(0, 0, ext.x, ext.y);
  }
  int total = 0;
  for (const auto& r : rows) {
    total += r.height + 2;
  }
  int y = std::max(margin, (size.y - total) / 2);
  for (const auto& r : rows) {
    int x = std::max(margin, (size.x - r.width) / 2);
    for (auto i : r.words) {
      m_rects[i].x = x;
      m_rects[i].y = y + (r.height - m_rects[i].height) / 2;
      x += m_rects[i].width + gap;
    }
    y += r.height + 2;
  }
  return total + margin <= size.y;
}

void WordCloud::on_paint(wxPaintEvent&) {
  wxAutoBufferedPaintDC dc(this);
  dc.SetBackground(wxBrush(wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOW)));
  dc.Clear();
  if (m_laid_for != GetClientSize() || m_rects.size() != m_words.size()) {
    layout(dc);
  }
  if (m_words.empty()) {
    dc.SetTextForeground(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    dc.DrawText("No words to show", 10, 10);
    return;
  }
  for (std::size_t i = 0; i < m_words.size(); ++i) {
    dc.SetFont(wxFont(wxFontInfo(m_sizes[i]).Bold(m_sizes[i] > 20)));
    if (static_cast<int>(i) == m_chosen) {
      dc.SetBrush(wxBrush(wxColour(255, 236, 150)));
      dc.SetPen(*wxTRANSPARENT_PEN);
      dc.DrawRectangle(m_rects[i].Inflate(3, 1));
    }
    dc.SetTextForeground(palette[i % (sizeof palette / sizeof palette[0])]);
    dc.DrawText(m_words[i].text, m_rects[i].GetTopLeft());
  }
}

void WordCloud::on_mouse(wxMouseEvent& e) {
  lay_out_if_stale();
  for (std::size_t i = 0; i < m_rects.size(); ++i) {
    if (m_rects[i].Contains(e.GetPosition())) {
      set_chosen(static_cast<int>(i));
      if (on_click) {
        on_click(static_cast<int>(i));
      }
      return;
    }
  }
  e.Skip();
}

} // namespace quire::gui
