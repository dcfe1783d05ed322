#include "coding_stripes.h"

#include <algorithm>
#include <cstdio>

#include <wx/dcbuffer.h>

#include "colours.h"
#include "quire/model/memos.h"
#include "wx_text.h"

namespace quire::gui {

namespace {
constexpr int column_width = 9;
constexpr int bar_width = 5;
constexpr int pad = 4;
constexpr int label_width = 130;
constexpr int max_columns = 10;
constexpr int lane_label_width = 96; ///< codes' names in a coder's lane
constexpr int max_lane_columns = 6;
constexpr int named_lanes = 3; ///< beyond this many lanes, no codes' names (tooltips tell)
constexpr int heading_height = 18;
constexpr int dash_length = 4; ///< a suggestion's dashes, in pixels
constexpr int dash_gap = 3;

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
    m_hover_suggestion = 0;
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
  // The pane listed, decided or hid suggestions: the dashed stripes follow.
  m_session.suggestion_marks().changed.connect([this] {
    if (m_hover_suggestion != 0) {
      update_tooltip();
    }
    update_width();
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

std::vector<std::pair<const SuggestionMark*, int>> CodingStripes::laid_suggestions() const {
  std::vector<std::pair<const SuggestionMark*, int>> out;
  if (m_text.document() == 0) {
    return out;
  }
  const auto from = m_text.base();
  const auto to = m_text.base() + m_text.length();
  // Greedy interval colouring, as for the codings, in columns after theirs.
  std::vector<std::int64_t> column_end;
  for (const auto* m : m_session.suggestion_marks().in_document(m_text.document())) {
    if (m->end <= from || m->start >= to) {
      continue; // outside the part shown (another survey answer)
    }
    std::size_t k = 0;
    while (k < column_end.size() && column_end[k] > m->start) {
      ++k;
    }
    if (k == column_end.size()) {
      column_end.push_back(m->end);
    } else {
      column_end[k] = m->end;
    }
    out.emplace_back(m, static_cast<int>(k));
  }
  return out;
}

std::vector<CodingStripes::Lane> CodingStripes::lanes() const {
  return lanes(laid_suggestions());
}

std::vector<CodingStripes::Lane>
CodingStripes::lanes(const std::vector<std::pair<const SuggestionMark*, int>>& suggested) const {
  int suggestion_columns = 0;
  for (const auto& [m, column] : suggested) {
    suggestion_columns = std::max(suggestion_columns, column + 1);
  }
  std::vector<Lane> out;
  if (!m_text.by_coder()) {
    // One coder: the codings' columns, then the suggestions', then the names.
    Lane one;
    one.columns = std::clamp(m_text.layers() + suggestion_columns, 1, max_columns);
    one.label_x = pad + one.columns * column_width + 4;
    one.width = pad * 2 + one.columns * column_width + label_width;
    one.label_width = one.width - one.label_x - 2;
    return {one};
  }
  // A lane per coder (and the suggestions'), each its columns and names.
  auto n = m_text.lanes().size() + (suggestion_columns > 0 ? 1 : 0);
  int names = n <= named_lanes ? lane_label_width : 0;
  int x = 0;
  auto add = [&](const std::string& title, int columns) {
    Lane l;
    l.title = title;
    l.x = x;
    l.columns = std::clamp(columns, 1, max_lane_columns);
    l.label_x = x + pad + l.columns * column_width + 2;
    l.label_width = names > 0 ? names - 4 : 0;
    l.width = pad * 2 + l.columns * column_width + names;
    x += l.width;
    out.push_back(std::move(l));
  };
  for (const auto& lane : m_text.lanes()) {
    add(lane.coder, lane.columns);
  }
  if (suggestion_columns > 0) {
    add("Suggested", suggestion_columns);
  }
  return out;
}

int CodingStripes::lane_of(const Stripe& s) const {
  if (!m_text.by_coder()) {
    return 0;
  }
  return s.coding ? s.coding->lane : static_cast<int>(m_text.lanes().size());
}

void CodingStripes::update_width() {
  int width = 0;
  for (const auto& l : lanes()) {
    width += l.width;
  }
  if (GetMinSize().x != width) {
    SetMinSize(wxSize(width, -1));
    GetParent()->Layout();
  }
  if (m_headings) {
    m_headings->sync();
  }
  Refresh(false);
}

std::vector<CodingStripes::Stripe> CodingStripes::stripes() const {
  std::vector<Stripe> out;
  auto& text = m_text;
  auto suggested = laid_suggestions();
  if (text.laid().empty() && suggested.empty()) {
    return out;
  }
  int height = GetClientSize().y;
  int first_line = text.DocLineFromVisible(text.GetFirstVisibleLine());
  int last_line = text.DocLineFromVisible(text.GetFirstVisibleLine() + text.LinesOnScreen() + 1);
  auto first_cp = text.cp_of(text.PositionFromLine(first_line));
  auto last_cp = text.cp_of(text.GetLineEndPosition(std::min(last_line, text.GetLineCount() - 1)));
  int line_height = text.TextHeight(0);
  auto area = lanes(suggested);
  // The stripe of a range in a column of a lane, clipped to the lines in view.
  auto place = [&](std::int64_t start, std::int64_t end, const Lane& lane,
                   int column) -> std::optional<wxRect> {
    if (start > last_cp || end < first_cp) {
      return std::nullopt;
    }
    int y0 = start < first_cp ? 0 : text.PointFromPosition(text.pos_of(start)).y;
    int y1 = end > last_cp ? height : text.PointFromPosition(text.pos_of(end)).y + line_height;
    y0 = std::max(0, y0 + 1);
    y1 = std::min(height, y1 - 1);
    if (y1 <= y0) {
      return std::nullopt;
    }
    column = std::min(column, lane.columns - 1);
    return wxRect(lane.x + pad + column * column_width, y0, bar_width, y1 - y0);
  };
  bool by_coder = text.by_coder();
  for (const auto& l : text.laid()) {
    if (l.coding.start > last_cp) {
      break;
    }
    const auto& lane = area[by_coder ? static_cast<std::size_t>(l.lane) : 0];
    if (auto r = place(l.coding.start, l.coding.end, lane, l.column)) {
      out.push_back({&l, nullptr, false, *r, wxRect()});
    }
  }
  for (const auto& [m, column] : suggested) {
    // After the codings' columns, or in the suggestions' own lane.
    const auto& lane = area.back();
    if (auto r = place(m->start, m->end, lane, by_coder ? column : text.layers() + column)) {
      out.push_back({nullptr, m, true, *r, wxRect()});
    }
  }
  // Names go right of a lane's columns, at the line where a stripe starts,
  // pushed down below the previous name when several start on one line.
  std::stable_sort(out.begin(), out.end(),
                   [](const Stripe& a, const Stripe& b) { return a.rect.y < b.rect.y; });
  wxFont font = label_font();
  int label_h = 0;
  GetTextExtent("Ag", nullptr, &label_h, nullptr, nullptr, &font);
  label_h += 1;
  std::vector<int> free_y(area.size(), 0);
  for (auto& bar : out) {
    auto k = std::min(static_cast<std::size_t>(lane_of(bar)), area.size() - 1);
    const auto& lane = area[k];
    if (lane.label_width <= 0) {
      continue; // many lanes: no room for names (the tooltip tells)
    }
    int y = std::max(bar.rect.y, free_y[k]);
    if (y > bar.rect.GetBottom() + line_height) {
      continue; // too far from its stripe to tell which it names
    }
    bar.label = wxRect(lane.label_x, y, lane.label_width, label_h);
    free_y[k] = y + label_h;
  }
  return out;
}

void CodingStripes::on_paint(wxPaintEvent&) {
  wxAutoBufferedPaintDC dc(this);
  dc.SetBackground(wxBrush(wxColour(248, 248, 250)));
  dc.Clear();
  dc.SetPen(wxPen(wxColour(225, 225, 230)));
  dc.DrawLine(0, 0, 0, GetClientSize().y);
  if (m_text.by_coder()) {
    // Coders' lanes: every other one a shade darker, a line between them.
    int h = GetClientSize().y;
    int i = 0;
    for (const auto& lane : lanes()) {
      if (i++ % 2 == 1) {
        dc.SetPen(*wxTRANSPARENT_PEN);
        dc.SetBrush(wxBrush(wxColour(238, 238, 243)));
        dc.DrawRectangle(lane.x, 0, lane.width, h);
      }
      dc.SetPen(wxPen(wxColour(210, 210, 218)));
      dc.DrawLine(lane.x, 0, lane.x, h);
    }
  }
  auto selected = m_session.selected_coding();
  for (const auto& bar : stripes()) {
    wxRect r = bar.rect;
    if (bar.dashed) {
      // A suggestion: dashes in its code's colour over a pale outline, and
      // its name in italics with a question mark.
      const auto& m = *bar.suggestion;
      wxColour colour = code_colour(m.colour);
      bool hover = m_hover_suggestion == m.id;
      if (hover) {
        r.Inflate(1, 0);
      }
      dc.SetPen(wxPen(colour.ChangeLightness(hover ? 120 : 150)));
      dc.SetBrush(wxBrush(wxColour(255, 255, 255)));
      dc.DrawRectangle(r);
      dc.SetPen(*wxTRANSPARENT_PEN);
      dc.SetBrush(wxBrush(colour));
      for (int y = r.y + 1; y < r.GetBottom(); y += dash_length + dash_gap) {
        dc.DrawRectangle(r.x, y, r.width, std::min(dash_length, r.GetBottom() - y));
      }
      if (bar.label.IsEmpty()) {
        continue;
      }
      wxFont font = label_font();
      font.MakeItalic();
      if (hover) {
        font.MakeBold();
      }
      dc.SetFont(font);
      wxString name = wx(last_segment(m.code_path)) + "?";
      while (name.length() > 2 && dc.GetTextExtent(name).x > bar.label.width) {
        name.RemoveLast(2);
        name += "?";
      }
      dc.SetTextForeground(colour.ChangeLightness(75));
      dc.DrawText(name, bar.label.x, bar.label.y);
      continue;
    }
    const auto& l = *bar.coding;
    bool on = selected && *selected == l.coding.id;
    bool hover = m_hover == l.coding.id;
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

std::optional<CodingStripes::Stripe> CodingStripes::stripe_at(wxPoint p) const {
  std::optional<Stripe> best;
  auto length = [](const Stripe& s) {
    return s.coding ? s.coding->coding.end - s.coding->coding.start
                    : s.suggestion->end - s.suggestion->start;
  };
  for (const auto& bar : stripes()) {
    if (bar.label.Contains(p)) {
      return bar;
    }
    wxRect hit(bar.rect.x - 2, bar.rect.y, column_width, bar.rect.height);
    if (hit.Contains(p) && (!best || length(bar) < length(*best))) {
      best = bar;
    }
  }
  return best;
}

const LaidCoding* CodingStripes::coding_at(wxPoint p) const {
  auto s = stripe_at(p);
  return s ? s->coding : nullptr;
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

std::string CodingStripes::describe(const SuggestionMark& m) {
  char score[16];
  std::snprintf(score, sizeof score, "%.2f", m.score);
  return "Suggested: " + m.code_path + " (score " + score + ") \u2014 because of: " +
         (m.because.empty() ? std::string("(no single word)") : m.because) +
         "\nClick to see it in Suggestions";
}

void CodingStripes::on_motion(wxMouseEvent& e) {
  auto s = stripe_at(e.GetPosition());
  Id coding = s && s->coding ? s->coding->coding.id : 0;
  Id suggestion = s && s->suggestion ? s->suggestion->id : 0;
  if (coding == m_hover && suggestion == m_hover_suggestion) {
    return;
  }
  m_hover = coding;
  m_hover_suggestion = suggestion;
  update_tooltip();
  Refresh(false);
}

void CodingStripes::update_tooltip() {
  std::string tip;
  for (const auto& l : m_text.laid()) {
    if (m_hover != 0 && l.coding.id == m_hover) {
      tip = describe(l);
    }
  }
  for (const auto& m : m_session.suggestion_marks().all()) {
    if (m_hover_suggestion != 0 && m.id == m_hover_suggestion &&
        m_session.suggestion_marks().shown()) {
      tip = describe(m);
    }
  }
  if (tip.empty()) {
    m_hover = 0;
    m_hover_suggestion = 0;
    m_tip.clear();
    UnsetToolTip();
    return;
  }
  if (tip != m_tip) {
    m_tip = tip;
    SetToolTip(wx(tip));
  }
}

void CodingStripes::on_click(wxMouseEvent& e) {
  auto s = stripe_at(e.GetPosition());
  if (!s) {
    m_session.select_coding(std::nullopt);
    Refresh(false);
    return;
  }
  if (s->suggestion) {
    // Picks the suggestion in the pane (which shows its passage selected).
    Id id = s->suggestion->id;
    m_session.select_coding(std::nullopt);
    m_text.select_range_in_place(s->suggestion->start, s->suggestion->end);
    m_session.suggestion_marks().picked.emit(id);
    Refresh(false);
    return;
  }
  Id id = s->coding->coding.id;
  m_text.select_range_in_place(s->coding->coding.start, s->coding->coding.end);
  m_text.SetFocus();
  m_session.select_coding(id);
  Refresh(false);
}

namespace {

/// "Ana Novak" -> "AN", "ana" -> "An": what a narrow lane's heading shows.
wxString initials(const wxString& name) {
  wxString out;
  bool start = true;
  for (auto ch : name) {
    bool letter = wxIsalnum(ch);
    if (letter && start && out.length() < 3) {
      out += wxString(ch).Upper();
    }
    start = !letter;
  }
  if (out.length() == 1 && name.length() > 1) {
    out += name.Mid(1, 1);
  }
  return out.empty() ? name.Left(2) : out;
}

wxFont heading_font() {
  return wxFont(wxFontInfo(8).Family(wxFONTFAMILY_SWISS).Bold());
}

} // namespace

CoderLaneHeadings::CoderLaneHeadings(wxWindow* parent, CodingStripes& stripes)
    : wxWindow(parent, wxID_ANY, wxDefaultPosition, wxSize(-1, heading_height),
               wxFULL_REPAINT_ON_RESIZE, "quire-coder-lanes"),
      m_stripes(stripes) {
  SetBackgroundStyle(wxBG_STYLE_PAINT);
  Bind(wxEVT_PAINT, &CoderLaneHeadings::on_paint, this);
  m_stripes.set_headings(this);
  Hide();
}

void CoderLaneHeadings::sync() {
  auto lanes = m_stripes.lanes();
  bool show = lanes.size() > 1;
  int width = m_stripes.GetMinSize().x;
  bool changed = show != IsShown() || GetMinSize().x != width;
  if (changed) {
    SetMinSize(wxSize(width, heading_height));
    Show(show);
    GetParent()->Layout();
  }
  wxString tip;
  for (const auto& l : lanes) {
    tip += (tip.empty() ? "" : ", ") + wx(l.title);
  }
  SetToolTip(show ? "Coders' lanes, left to right: " + tip +
                        "\nView > Coders chooses whose codings are shown"
                  : wxString());
  Refresh(false);
}

std::vector<std::string> CoderLaneHeadings::texts() const {
  std::vector<std::string> out;
  wxFont font = heading_font();
  for (const auto& l : m_stripes.lanes()) {
    wxString name = wx(l.title);
    int w = 0;
    GetTextExtent(name, &w, nullptr, nullptr, nullptr, &font);
    if (w > l.width - 4) {
      name = initials(name);
    }
    out.push_back(utf8(name));
  }
  return out;
}

void CoderLaneHeadings::on_paint(wxPaintEvent&) {
  wxAutoBufferedPaintDC dc(this);
  dc.SetBackground(wxBrush(wxColour(248, 248, 250)));
  dc.Clear();
  auto lanes = m_stripes.lanes();
  auto names = texts();
  int h = GetClientSize().y;
  dc.SetFont(heading_font());
  for (std::size_t i = 0; i < lanes.size(); ++i) {
    const auto& l = lanes[i];
    if (i % 2 == 1) {
      dc.SetPen(*wxTRANSPARENT_PEN);
      dc.SetBrush(wxBrush(wxColour(238, 238, 243)));
      dc.DrawRectangle(l.x, 0, l.width, h);
    }
    dc.SetPen(wxPen(wxColour(210, 210, 218)));
    dc.DrawLine(l.x, 0, l.x, h);
    wxString name = wx(names[i]);
    while (name.length() > 1 && dc.GetTextExtent(name).x > l.width - 4) {
      name.RemoveLast();
    }
    dc.SetTextForeground(l.title == "Suggested" ? wxColour(120, 120, 130) : wxColour(60, 60, 80));
    dc.SetClippingRegion(l.x, 0, l.width, h);
    dc.DrawText(name, l.x + 3, (h - dc.GetTextExtent(name).y) / 2);
    dc.DestroyClippingRegion();
  }
  dc.SetPen(wxPen(wxColour(210, 210, 218)));
  dc.DrawLine(0, h - 1, GetClientSize().x, h - 1);
}

} // namespace quire::gui
