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
    out.emplace_back(m, m_text.layers() + static_cast<int>(k));
  }
  return out;
}

int CodingStripes::columns() const {
  int n = m_text.layers();
  for (const auto& [m, column] : laid_suggestions()) {
    n = std::max(n, column + 1);
  }
  return std::clamp(n, 1, max_columns);
}

void CodingStripes::update_width() {
  int width = pad * 2 + columns() * column_width + label_width;
  if (GetMinSize().x != width) {
    SetMinSize(wxSize(width, -1));
    GetParent()->Layout();
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
  // The stripe of a range in a column, clipped to the lines in view.
  auto place = [&](std::int64_t start, std::int64_t end, int column) -> std::optional<wxRect> {
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
    column = std::min(column, max_columns - 1);
    return wxRect(pad + column * column_width, y0, bar_width, y1 - y0);
  };
  for (const auto& l : text.laid()) {
    if (l.coding.start > last_cp) {
      break;
    }
    if (auto r = place(l.coding.start, l.coding.end, l.layer)) {
      out.push_back({&l, nullptr, false, *r, wxRect()});
    }
  }
  for (const auto& [m, column] : suggested) {
    if (auto r = place(m->start, m->end, column)) {
      out.push_back({nullptr, m, true, *r, wxRect()});
    }
  }
  // Names go right of the columns, at the line where a stripe starts, pushed
  // down below the previous name when several start on one line.
  std::stable_sort(out.begin(), out.end(),
                   [](const Stripe& a, const Stripe& b) { return a.rect.y < b.rect.y; });
  wxFont font = label_font();
  int label_h = 0;
  GetTextExtent("Ag", nullptr, &label_h, nullptr, nullptr, &font);
  label_h += 1;
  int label_x = pad + columns() * column_width + 4;
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

} // namespace quire::gui
