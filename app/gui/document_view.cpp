#include "document_view.h"

#include <algorithm>

#include <wx/button.h>
#include <wx/menu.h>
#include <wx/sizer.h>
#include <wx/srchctrl.h>
#include <wx/stattext.h>

#include "coding_stripes.h"
#include "main_frame.h"
#include "menus.h"
#include "quire/base/error.h"
#include "quire/base/text.h"
#include "quire/model/cases.h"
#include "quire/model/coding.h"
#include "quire/model/documents.h"
#include "wx_text.h"

namespace quire::gui {

namespace {

/// Whether the text before a turn's speech on its line (bytes from..to of
/// text) writes the turn's speaker and time, as "[00:00:04] Amira: " does.
bool label_in_text(const std::string& text, int from, int to, const Passage& ps) {
  if (to <= from) {
    return false;
  }
  auto before = std::string_view(text).substr(static_cast<std::size_t>(from),
                                              static_cast<std::size_t>(to - from));
  bool speaker = ps.speaker.empty() || before.find(ps.speaker) != std::string_view::npos;
  bool time = !ps.start_ms || (before.find(':') != std::string_view::npos &&
                               std::any_of(before.begin(), before.end(),
                                           [](char c) { return c >= '0' && c <= '9'; }));
  return speaker && time;
}

} // namespace

DocumentView::DocumentView(wxWindow* parent, MainFrame& frame)
    : wxPanel(parent, wxID_ANY), m_frame(frame) {
  auto& session = frame.session();
  SetBackgroundColour(*wxWHITE);
  auto* sizer = new wxBoxSizer(wxVERTICAL);

  auto* head = new wxBoxSizer(wxHORIZONTAL);
  m_title = new wxStaticText(this, wxID_ANY, "No document open");
  m_title->SetFont(m_title->GetFont().Bold().Larger());
  m_info =
      new wxStaticText(this, wxID_ANY, "Double-click a document in Sources to read and code it.");
  m_info->SetForegroundColour(wxColour(100, 100, 110));
  head->Add(m_title, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 12);
  head->Add(m_info, 1, wxALIGN_CENTER_VERTICAL);
  sizer->Add(head, 0, wxEXPAND | wxALL, 8);

  m_find_bar = new wxPanel(this);
  auto* fb = new wxBoxSizer(wxHORIZONTAL);
  m_find = new wxSearchCtrl(m_find_bar, wxID_ANY, "", wxDefaultPosition, wxSize(260, -1),
                            wxTE_PROCESS_ENTER);
  m_find->SetDescriptiveText("Find in document");
  auto& r = frame.commands();
  auto* next = command_button(m_find_bar, r, "edit/find-next", "Next", wxBU_EXACTFIT);
  auto* prev = command_button(m_find_bar, r, "edit/find-previous", "Previous", wxBU_EXACTFIT);
  auto* done = command_button(m_find_bar, r, "edit/find-done", "Done", wxBU_EXACTFIT);
  fb->Add(m_find, 0, wxRIGHT, 4);
  fb->Add(next, 0, wxRIGHT, 4);
  fb->Add(prev, 0, wxRIGHT, 4);
  fb->Add(done, 0);
  m_find_bar->SetSizer(fb);
  m_find_bar->Hide();
  sizer->Add(m_find_bar, 0, wxLEFT | wxRIGHT | wxBOTTOM, 8);

  auto* body = new wxBoxSizer(wxHORIZONTAL);
  m_text = new CodedText(this, frame);
  m_stripes = new CodingStripes(this, *m_text, session);
  // The coders' names above their lanes (shown only with several coders).
  auto* lanes_row = new wxBoxSizer(wxHORIZONTAL);
  lanes_row->AddStretchSpacer();
  lanes_row->Add(new CoderLaneHeadings(this, *m_stripes), 0);
  sizer->Add(lanes_row, 0, wxEXPAND);
  m_text->SetName("quire-document-text"); // names a test finds the window by
  m_stripes->SetName("quire-coding-stripes");
  m_title->SetName("quire-document-title");
  m_info->SetName("quire-document-info");
  body->Add(m_text, 1, wxEXPAND);
  body->Add(m_stripes, 0, wxEXPAND);
  sizer->Add(body, 1, wxEXPAND);
  SetSizer(sizer);

  m_find->Bind(wxEVT_TEXT_ENTER,
               [this](wxCommandEvent&) { find(m_find->GetValue(), !wxGetKeyState(WXK_SHIFT)); });
  m_find->Bind(wxEVT_SEARCH, [this](wxCommandEvent&) { find(m_find->GetValue()); });
  m_find->Bind(wxEVT_CHAR_HOOK, [this](wxKeyEvent& e) {
    if (e.GetKeyCode() == WXK_ESCAPE) {
      m_find_bar->Hide();
      Layout();
      m_text->SetFocus();
    } else {
      e.Skip();
    }
  });
  m_text->Bind(wxEVT_CONTEXT_MENU, &DocumentView::on_context_menu, this);
  m_text->Bind(wxEVT_CHAR, &DocumentView::on_key, this);
  m_text->Bind(wxEVT_STC_UPDATEUI, [this](wxStyledTextEvent& e) {
    // A selection that is no longer the selected coding's range deselects it.
    auto& s = m_frame.session();
    if ((e.GetUpdated() & wxSTC_UPDATE_SELECTION) && s.selected_coding()) {
      auto sel = m_text->selection();
      bool same = false;
      for (const auto& l : m_text->laid()) {
        if (l.coding.id == *s.selected_coding()) {
          same = l.coding.start == sel.start && l.coding.end == sel.end;
        }
      }
      if (!same) {
        s.select_coding(std::nullopt);
      }
    }
    e.Skip();
  });
  m_text->on_code_dropped = [this](Id code) {
    m_frame.session().select_code(code);
    m_frame.commands().invoke("code/with-selected");
  };

  session.document_requested.connect([this](Id id, auto range) { show(id, range); });
  session.changed.connect([this](const ChangeSet& c) { on_change(c); });
  session.coding_selected.connect([this](std::optional<Id>) { m_stripes->Refresh(false); });
  session.closed.connect([this] { clear(); });
}

void DocumentView::show(Id document, std::optional<std::pair<std::int64_t, std::int64_t>> range) {
  auto& p = m_frame.session().project();
  if (document != m_text->document()) {
    auto text = document_text(p, document);
    m_text->set_text(document, std::move(text));
    m_found_for.clear();
    // A turn's time and speaker show once: where the transcript wrote them
    // before the speech on its line ("[00:00:04] Amira: ..."), in the label
    // style; in the margin only when the text does not hold them (subtitles).
    std::vector<std::pair<std::int64_t, std::string>> labels;
    std::vector<std::pair<std::int64_t, std::int64_t>> written;
    for (const auto& ps : list_passages(p, document)) {
      std::string label;
      if (ps.start_ms) {
        label = clock_text(*ps.start_ms, true);
      }
      if (!ps.speaker.empty()) {
        label += (label.empty() ? "" : "  ") + ps.speaker;
      }
      if (label.empty()) {
        continue;
      }
      auto line_start = m_text->cp_of(
          m_text->PositionFromLine(m_text->LineFromPosition(m_text->pos_of(ps.start))));
      if (label_in_text(m_text->shown_text(), m_text->pos_of(line_start), m_text->pos_of(ps.start),
                        ps)) {
        written.emplace_back(line_start, ps.start);
      } else {
        labels.emplace_back(ps.start, label);
      }
    }
    m_text->set_margin_labels(labels);
    m_text->set_label_ranges(written);
    reload_codings();
  }
  update_info();
  // The view just shown is the one whose selection the coding commands use.
  m_frame.use_text(*m_text);
  if (range) {
    m_text->select_range(range->first, range->second);
  }
  m_text->SetFocus();
}

void DocumentView::clear() {
  m_text->clear_text();
  m_stripes->update_width();
  m_title->SetLabel("No document open");
  m_info->SetLabel("Double-click a document in Sources to read and code it.");
  Layout();
}

void DocumentView::reload_codings() {
  if (m_text->document() == 0) {
    return;
  }
  m_text->reload_codings();
  m_stripes->update_width();
}

void DocumentView::update_info() {
  auto& p = m_frame.session().project();
  auto d = get_document(p, m_text->document());
  m_title->SetLabel(wx(d.name));
  wxString info = wx(d.kind);
  if (d.case_id) {
    info += wx(" · case " + get_case(p, *d.case_id).name);
  }
  auto n = m_text->laid().size();
  info += wxString::Format(L" · %lld characters · %zu coding%s", static_cast<long long>(d.length),
                           n, n == 1 ? "" : "s");
  // Whose codings these are, when not everyone's (View > Coders).
  const auto& shown = m_frame.session().shown_coders();
  if (!shown.empty()) {
    wxString who;
    for (std::size_t i = 0; i < shown.size(); ++i) {
      who += (i == 0 ? "" : i + 1 == shown.size() ? " and " : ", ") + wx(shown[i]);
    }
    info += L" of " + who + L" only (View > Coders > Everyone shows all)";
  }
  m_info->SetLabel(info);
  Layout();
}

void DocumentView::on_change(const ChangeSet& c) {
  Id doc = m_text->document();
  if (doc == 0) {
    return;
  }
  if (c.everything || c.tables.count("document")) {
    try {
      get_document(m_frame.session().project(), doc);
    } catch (const NotFoundError&) {
      clear();
      return;
    }
  }
  if (c.everything || c.documents.count(doc) || c.tables.count("code") ||
      c.tables.count("document") || c.tables.count("case_") || c.tables.count("coder") ||
      c.tables.count("setting")) { // setting: coders shown
    m_text->apply_change(c);
    m_stripes->update_width();
    update_info();
  }
}

void DocumentView::set_font_size(int points) {
  m_text->set_font_size(points);
  m_stripes->Refresh(false);
}

void DocumentView::show_find() {
  m_find_bar->Show();
  Layout();
  auto sel = m_text->GetSelectedText();
  if (!sel.empty() && !sel.Contains("\n")) {
    m_find->SetValue(sel);
  }
  m_find->SetFocus();
  m_find->SelectAll();
}

bool DocumentView::find_again(bool forward) {
  return find(m_find->GetValue(), forward);
}

void DocumentView::hide_find() {
  m_find_bar->Hide();
  Layout();
}

bool DocumentView::find(const wxString& what, bool forward) {
  if (what.empty() || m_text->document() == 0) {
    return false;
  }
  if (what != m_found_for) {
    m_found = find_ignoring_case(m_text->shown_text(), utf8(what));
    m_found_for = what;
  }
  if (m_found.empty()) {
    m_frame.SetStatusText(wxString::Format("'%s' is not in this document", what));
    return false;
  }
  auto sel = m_text->selection();
  auto base = m_text->base();
  const std::pair<std::int64_t, std::int64_t>* hit = nullptr;
  if (forward) {
    auto it = std::find_if(m_found.begin(), m_found.end(),
                           [&](const auto& m) { return m.first + base >= sel.end; });
    hit = it == m_found.end() ? &m_found.front() : &*it; // wraps around
  } else {
    auto it = std::find_if(m_found.rbegin(), m_found.rend(),
                           [&](const auto& m) { return m.first + base < sel.start; });
    hit = it == m_found.rend() ? &m_found.back() : &*it;
  }
  m_text->select_range(base + hit->first, base + hit->second);
  m_frame.SetStatusText(wxString::Format(
      "Match %zu of %zu", static_cast<std::size_t>(hit - m_found.data()) + 1, m_found.size()));
  return true;
}

void DocumentView::on_context_menu(wxContextMenuEvent& e) {
  if (m_text->document() == 0) {
    return;
  }
  wxPoint p = m_text->ScreenToClient(e.GetPosition());
  if (e.GetPosition() == wxDefaultPosition) {
    p = m_text->PointFromPosition(m_text->GetCurrentPos());
  }
  std::unique_ptr<wxMenu> menu(text_context_menu(m_frame));
  m_text->PopupMenu(menu.get(), p);
}

void DocumentView::on_key(wxKeyEvent& e) {
  int key = e.GetKeyCode();
  if (!e.HasAnyModifiers() && key >= '1' && key <= '9') {
    m_frame.commands().invoke("code/recent-" + std::string(1, static_cast<char>(key)));
    return;
  }
  e.Skip();
}

} // namespace quire::gui
