#include "coded_text.h"

#include <algorithm>
#include <map>
#include <unordered_map>

#include <wx/accel.h>

#include "code_drag.h"
#include "colours.h"
#include "main_frame.h"
#include "quire/base/error.h"
#include "quire/model/coding.h"
#include "wx_text.h"

namespace quire::gui {

namespace {
constexpr int first_indicator = wxSTC_INDIC_CONTAINER; // 8
constexpr int indicator_layers = 8;                    // 8..15
constexpr int margin_style = 1;
constexpr int label_style = 2; ///< a turn's time and speaker in the text
constexpr int label_margin = 0;
} // namespace

CodedText::CodedText(wxWindow* parent, MainFrame& frame)
    : wxStyledTextCtrl(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxBORDER_NONE),
      m_frame(frame), m_session(frame.session()) {
  setup_styles();
  SetReadOnly(true);
  SetUndoCollection(false);
  leave_shortcuts_to_commands(frame.commands());
  SetDropTarget(new CodeDropTarget(
      [this](Id code, wxPoint) {
        if (selection().empty() || !on_code_dropped) {
          return false;
        }
        on_code_dropped(code);
        return true;
      },
      [this](wxPoint) { return !selection().empty(); }));
  Bind(wxEVT_SET_FOCUS, [this](wxFocusEvent& e) {
    m_frame.use_text(*this);
    e.Skip();
  });
}

void CodedText::leave_shortcuts_to_commands(CommandRegistry& commands) {
  // Scintilla's own keymap takes keys such as Ctrl+Z (its undo, which has
  // nothing to undo in this read-only text) before the menu accelerators see
  // them, so Edit > Undo did nothing while the text had focus. (Clearing a
  // key from its keymap does not help: a cleared key still counts as handled.)
  // So the keys of the commands' shortcuts run their commands here, first.
  std::map<std::pair<int, int>, std::string> by_key;
  for (const auto* c : commands.all()) {
    wxAcceleratorEntry a;
    if (!c->shortcut.empty() && a.FromString(c->shortcut)) {
      int key = a.GetKeyCode();
      by_key[{key >= 'a' && key <= 'z' ? key - 'a' + 'A' : key,
              a.GetFlags() & (wxACCEL_CTRL | wxACCEL_SHIFT | wxACCEL_ALT)}] = c->name;
    }
  }
  // The window's own keys (Ctrl+Y for Redo) likewise: Scintilla has its Ctrl+Y.
  Bind(wxEVT_KEY_DOWN, [this, &commands, by_key = std::move(by_key)](wxKeyEvent& e) {
    int key = e.GetKeyCode();
    auto it = by_key.find({key >= 'a' && key <= 'z' ? key - 'a' + 'A' : key,
                           e.GetModifiers() & (wxMOD_CONTROL | wxMOD_SHIFT | wxMOD_ALT)});
    if (it != by_key.end()) {
      commands.invoke(it->second);
      return;
    }
    const auto* window_keys = m_frame.GetAcceleratorTable();
    if (int id = window_keys && window_keys->IsOk() ? window_keys->GetCommand(e) : -1; id != -1) {
      wxCommandEvent menu(wxEVT_MENU, id);
      menu.SetEventObject(&m_frame);
      m_frame.GetEventHandler()->ProcessEvent(menu);
      return;
    }
    e.Skip();
  });
}

CodedText::~CodedText() {
  m_frame.forget_text(*this);
}

void CodedText::setup_styles() {
  SetWrapMode(wxSTC_WRAP_WORD);
  SetWrapIndentMode(wxSTC_WRAPINDENT_SAME);
  SetMarginLeft(10);
  SetMarginRight(10);
  for (int m = 0; m < 5; ++m) {
    SetMarginWidth(m, 0);
  }
  SetMarginType(label_margin, wxSTC_MARGIN_RTEXT);
  SetCaretLineVisible(false);
  SetCaretWidth(2);
  SetExtraDescent(2);
  SetSelBackground(true, wxColour(60, 110, 200));
  SetSelAlpha(70);
  SetUseHorizontalScrollBar(false);
  SetCodePage(wxSTC_CP_UTF8);
  for (int i = 0; i < indicator_layers; ++i) {
    int ind = first_indicator + i;
    IndicatorSetStyle(ind, wxSTC_INDIC_STRAIGHTBOX);
    IndicatorSetFlags(ind, wxSTC_INDICFLAG_VALUEFORE);
    IndicatorSetAlpha(ind, 55);
    IndicatorSetOutlineAlpha(ind, 160);
    IndicatorSetUnder(ind, true);
  }
  set_font_size(11);
}

void CodedText::set_font_size(int points) {
  wxFont text_font(wxFontInfo(points).Family(wxFONTFAMILY_SWISS));
  StyleSetFont(wxSTC_STYLE_DEFAULT, text_font);
  StyleSetForeground(wxSTC_STYLE_DEFAULT, wxColour(30, 30, 30));
  StyleSetBackground(wxSTC_STYLE_DEFAULT, *wxWHITE);
  StyleClearAll();
  wxFont label_font(wxFontInfo(std::max(7, points - 2)).Family(wxFONTFAMILY_SWISS));
  StyleSetFont(margin_style, label_font);
  StyleSetForeground(margin_style, wxColour(90, 90, 120));
  StyleSetBackground(margin_style, wxColour(244, 244, 248));
  StyleSetBackground(wxSTC_STYLE_LINENUMBER, wxColour(244, 244, 248));
  StyleSetFont(label_style, wxFont(wxFontInfo(points).Family(wxFONTFAMILY_SWISS).Bold()));
  StyleSetForeground(label_style, wxColour(80, 90, 130));
}

void CodedText::set_text(Id doc, std::string text, std::int64_t base) {
  m_doc = doc;
  m_base = base;
  m_laid.clear();
  m_layers = 0;
  m_lanes.assign(1, CoderLane{});
  m_index.reset();
  m_text = std::move(text);
  m_index = std::make_unique<CodePointIndex>(m_text);
  SetReadOnly(false);
  MarginTextClearAll();
  SetMarginWidth(label_margin, 0);
  SetTextRaw(m_text.c_str());
  SetReadOnly(true);
  EmptyUndoBuffer();
  GotoPos(0);
}

void CodedText::clear_text() {
  set_text(0, {}, 0);
}

int CodedText::pos_of(std::int64_t cp) const {
  if (!m_index) {
    return 0;
  }
  auto local = std::clamp<std::int64_t>(cp - m_base, 0, m_index->length());
  return static_cast<int>(m_index->byte_at(local));
}

std::int64_t CodedText::cp_of(int pos) const {
  if (!m_index || pos <= 0) {
    return m_base;
  }
  auto b = std::min<std::size_t>(static_cast<std::size_t>(pos), m_text.size());
  return m_base + m_index->code_point_at(b);
}

void CodedText::set_codings(std::vector<Coding> codings) {
  const auto& codes = m_session.codes();
  auto lo = m_base, hi = m_base + length();
  auto old = std::move(m_laid);
  m_laid.clear();
  m_laid.reserve(codings.size());
  // A code's colour is parsed once, not once per coding (10,000 of them).
  std::unordered_map<Id, std::pair<wxColour, const std::string*>> look;
  static const std::string no_path;
  for (auto& c : codings) {
    if (c.end <= lo || c.start >= hi || !m_session.coder_shown(c.coder) ||
        !m_session.code_shown(c.code_id)) {
      continue;
    }
    auto [it, added] = look.try_emplace(c.code_id);
    if (added) {
      const auto* code = codes.find(c.code_id);
      it->second = {code_colour(code ? code->color : std::string()), code ? &code->path : &no_path};
    }
    m_laid.push_back(LaidCoding{std::move(c), 0, it->second.first, *it->second.second});
  }
  std::sort(m_laid.begin(), m_laid.end(), [](const LaidCoding& a, const LaidCoding& b) {
    return a.coding.start != b.coding.start ? a.coding.start < b.coding.start
                                            : a.coding.end > b.coding.end;
  });
  // Greedy interval colouring: a coding takes the first layer free at its start.
  std::vector<std::int64_t> layer_end;
  for (auto& l : m_laid) {
    std::size_t k = 0;
    while (k < layer_end.size() && layer_end[k] > l.coding.start) {
      ++k;
    }
    if (k == layer_end.size()) {
      layer_end.push_back(0);
    }
    layer_end[k] = l.coding.end;
    l.layer = static_cast<int>(k);
  }
  m_layers = static_cast<int>(layer_end.size());
  lay_out_lanes();
  draw_indicators(old);
}

void CodedText::lay_out_lanes() {
  // The coders: those the setting names when it names several (a lane each,
  // so "ben coded nothing here" shows), else those whose codings are shown.
  std::vector<std::string> coders;
  const auto& named = m_session.shown_coders();
  if (named.size() > 1) {
    coders = named;
  } else {
    for (const auto& l : m_laid) {
      if (std::find(coders.begin(), coders.end(), l.coding.coder) == coders.end()) {
        coders.push_back(l.coding.coder);
      }
    }
    std::sort(coders.begin(), coders.end());
  }
  if (coders.size() < 2) {
    // One coder: one lane, the columns as the layers.
    m_lanes.assign(1, CoderLane{coders.empty() ? std::string() : coders[0], std::max(1, m_layers)});
    for (auto& l : m_laid) {
      l.lane = 0;
      l.column = l.layer;
    }
    return;
  }
  m_lanes.clear();
  for (auto& c : coders) {
    m_lanes.push_back(CoderLane{std::move(c), 1});
  }
  // Each lane the same greedy colouring, over its coder's codings alone (by
  // start, as m_laid is sorted).
  std::vector<std::vector<std::int64_t>> column_end(m_lanes.size());
  for (auto& l : m_laid) {
    auto it = std::find_if(m_lanes.begin(), m_lanes.end(),
                           [&](const CoderLane& lane) { return lane.coder == l.coding.coder; });
    if (it == m_lanes.end()) {
      continue; // not named: not laid either (coder_shown), kept for safety
    }
    auto lane = static_cast<std::size_t>(it - m_lanes.begin());
    auto& ends = column_end[lane];
    std::size_t k = 0;
    while (k < ends.size() && ends[k] > l.coding.start) {
      ++k;
    }
    if (k == ends.size()) {
      ends.push_back(0);
    }
    ends[k] = l.coding.end;
    l.lane = static_cast<int>(lane);
    l.column = static_cast<int>(k);
    it->columns = std::max(it->columns, static_cast<int>(k) + 1);
  }
}

void CodedText::draw_indicators(const std::vector<LaidCoding>& old) {
  auto indicator = [](const LaidCoding& l) {
    return first_indicator + std::min(l.layer, indicator_layers - 1);
  };
  auto fill = [&](const LaidCoding& l) {
    SetIndicatorCurrent(indicator(l));
    SetIndicatorValue(indicator_value(l.colour));
    int a = pos_of(l.coding.start), b = pos_of(l.coding.end);
    IndicatorFillRange(a, b - a);
  };
  if (old.empty() ||
      old.size() + m_laid.size() > 4 * std::max<std::size_t>(m_laid.size(), 1) + 64) {
    int len = GetLength();
    for (int i = 0; i < indicator_layers; ++i) {
      SetIndicatorCurrent(first_indicator + i);
      IndicatorClearRange(0, len);
    }
    for (const auto& l : m_laid) {
      fill(l);
    }
    return;
  }
  // Redraw only what changed (an applied code touches a few codings of
  // thousands): clear the ranges of codings that went or moved, then fill
  // every coding on those indicators that overlaps a cleared or new range.
  auto same = [](const LaidCoding& a, const LaidCoding& b) {
    return a.coding.start == b.coding.start && a.coding.end == b.coding.end && a.layer == b.layer &&
           a.colour == b.colour;
  };
  std::unordered_map<Id, const LaidCoding*> now;
  for (const auto& l : m_laid) {
    now.emplace(l.coding.id, &l);
  }
  std::vector<std::vector<std::pair<int, int>>> dirty(indicator_layers);
  auto mark = [&](const LaidCoding& l) {
    dirty[static_cast<std::size_t>(indicator(l) - first_indicator)].emplace_back(
        pos_of(l.coding.start), pos_of(l.coding.end));
  };
  std::unordered_map<Id, const LaidCoding*> before;
  for (const auto& l : old) {
    before.emplace(l.coding.id, &l);
    auto it = now.find(l.coding.id);
    if (it == now.end() || !same(l, *it->second)) {
      mark(l);
    }
  }
  for (const auto& l : m_laid) {
    auto it = before.find(l.coding.id);
    if (it == before.end() || !same(l, *it->second)) {
      mark(l);
    }
  }
  for (int i = 0; i < indicator_layers; ++i) {
    auto& ranges = dirty[static_cast<std::size_t>(i)];
    if (ranges.empty()) {
      continue;
    }
    SetIndicatorCurrent(first_indicator + i);
    for (auto [a, b] : ranges) {
      IndicatorClearRange(a, b - a);
    }
    for (const auto& l : m_laid) {
      if (indicator(l) != first_indicator + i) {
        continue;
      }
      int a = pos_of(l.coding.start), b = pos_of(l.coding.end);
      for (auto [da, db] : ranges) {
        if (a < db && da < b) {
          fill(l);
          SetIndicatorCurrent(first_indicator + i);
          break;
        }
      }
    }
  }
}

void CodedText::reload_codings() {
  if (m_doc != 0) {
    set_codings(document_codings(m_session.project(), m_doc));
  }
}

void CodedText::apply_change(const ChangeSet& c) {
  if (m_doc == 0) {
    return;
  }
  bool only_codings = !c.codings.empty() && c.codings.size() < 2000;
  for (const auto& t : c.tables) {
    only_codings = only_codings && (t == "coding" || t == "coder" || t == "memo");
  }
  if (!only_codings) {
    if (c.everything || c.documents.count(m_doc) || c.tables.count("code") ||
        c.tables.count("coder") || c.tables.count("setting")) {
      reload_codings();
    }
    return;
  }
  if (!c.documents.count(m_doc)) {
    return;
  }
  std::vector<Coding> list;
  list.reserve(m_laid.size() + c.codings.size());
  for (const auto& l : m_laid) {
    if (!c.codings.count(l.coding.id)) {
      list.push_back(l.coding);
    }
  }
  for (Id id : c.codings) {
    try {
      auto coding = get_coding(m_session.project(), id);
      if (coding.document_id == m_doc) {
        list.push_back(std::move(coding));
      }
    } catch (const NotFoundError&) {
      // deleted (or merged into another)
    }
  }
  set_codings(std::move(list));
}

void CodedText::set_margin_labels(const std::vector<std::pair<std::int64_t, std::string>>& labels) {
  MarginTextClearAll();
  int width = 0;
  for (const auto& [cp, text] : labels) {
    int line = LineFromPosition(pos_of(cp));
    MarginSetText(line, wx(text) + " ");
    MarginSetStyle(line, margin_style);
    width = std::max(width, TextWidth(margin_style, wx(text) + "  "));
  }
  SetMarginWidth(label_margin, labels.empty() ? 0 : std::min(width + 8, 260));
}

void CodedText::set_label_ranges(const std::vector<std::pair<std::int64_t, std::int64_t>>& ranges) {
  StartStyling(0);
  SetStyling(GetLength(), wxSTC_STYLE_DEFAULT);
  for (const auto& [start, end] : ranges) {
    int a = pos_of(start), b = pos_of(end);
    if (b > a) {
      StartStyling(a);
      SetStyling(b - a, label_style);
    }
  }
}

bool CodedText::is_label_at(std::int64_t cp) const {
  return GetStyleAt(pos_of(cp)) == label_style;
}

int CodedText::margin_labels_width() const {
  return GetMarginWidth(label_margin);
}

TextSelection CodedText::selection() const {
  int a = GetSelectionStart(), b = GetSelectionEnd();
  if (m_doc == 0 || a == b) {
    return {m_doc, cp_of(a), cp_of(a)};
  }
  return {m_doc, cp_of(a), cp_of(b)};
}

void CodedText::select_range(std::int64_t start, std::int64_t end) {
  int a = pos_of(start), b = pos_of(end);
  int line = LineFromPosition(a);
  // Leave a few lines above the range so its context shows.
  SetFirstVisibleLine(std::max(0, VisibleFromDocLine(line) - 3));
  SetSelection(a, b);
  EnsureCaretVisible();
}

void CodedText::select_range_in_place(std::int64_t start, std::int64_t end) {
  int a = pos_of(start), b = pos_of(end);
  int first = GetFirstVisibleLine();
  int line = VisibleFromDocLine(LineFromPosition(a));
  bool on_screen = line >= first && line < first + LinesOnScreen();
  // Anchor and caret set apart: neither scrolls (SetSelection would bring
  // the range's end into view).
  SetAnchor(a);
  SetCurrentPos(b);
  if (on_screen) {
    SetFirstVisibleLine(first);
  } else {
    ScrollRange(b, a); // the start first, then as much of the range as fits
  }
}

std::vector<const LaidCoding*> CodedText::codings_at(std::int64_t cp) const {
  std::vector<const LaidCoding*> out;
  for (const auto& l : m_laid) {
    if (l.coding.start > cp) {
      break;
    }
    if (cp < l.coding.end) {
      out.push_back(&l);
    }
  }
  return out;
}

std::vector<const LaidCoding*> CodedText::codings_in_selection() const {
  auto sel = selection();
  if (sel.empty()) {
    return codings_at(sel.start);
  }
  std::vector<const LaidCoding*> out;
  for (const auto& l : m_laid) {
    if (l.coding.start >= sel.end) {
      break;
    }
    if (l.coding.end > sel.start) {
      out.push_back(&l);
    }
  }
  return out;
}

} // namespace quire::gui
