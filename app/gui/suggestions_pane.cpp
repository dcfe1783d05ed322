#include "suggestions_pane.h"

#include <wx/button.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <cstdio>

#include "main_frame.h"
#include "quire/base/error.h"
#include "quire/store/history.h"
#include "wx_text.h"

namespace quire::gui {

namespace {

std::string two_places(double v) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

} // namespace

SuggestionsPane::SuggestionsPane(wxWindow* parent, MainFrame& frame)
    : wxPanel(parent), m_frame(frame) {
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  auto* top = new wxBoxSizer(wxHORIZONTAL);
  m_status = new wxStaticText(this, wxID_ANY, "Open a project to get suggestions");
  auto* refresh =
      new wxButton(this, wxID_ANY, "Suggest", wxDefaultPosition, wxDefaultSize, wxBU_EXACTFIT);
  refresh->SetToolTip("Learn from the codings as they are now and list suggestions");
  top->Add(m_status, 1, wxALIGN_CENTER_VERTICAL | wxRIGHT, 4);
  top->Add(refresh, 0);
  sizer->Add(top, 0, wxEXPAND | wxALL, 4);
  m_code = new wxStaticText(this, wxID_ANY, "");
  auto bold = m_code->GetFont();
  bold.MakeBold();
  m_code->SetFont(bold);
  sizer->Add(m_code, 0, wxLEFT | wxRIGHT, 4);
  m_text = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxSize(-1, 90),
                          wxTE_MULTILINE | wxTE_READONLY | wxTE_RICH2 | wxBORDER_THEME);
  sizer->Add(m_text, 1, wxEXPAND | wxALL, 4);
  m_reasons = new wxStaticText(this, wxID_ANY, "");
  m_reasons->SetForegroundColour(wxColour(90, 90, 100));
  sizer->Add(m_reasons, 0, wxEXPAND | wxLEFT | wxRIGHT, 4);
  auto* buttons = new wxBoxSizer(wxHORIZONTAL);
  auto* accept_btn = new wxButton(this, wxID_ANY, "Accept (Enter)");
  auto* reject_btn = new wxButton(this, wxID_ANY, "Reject (Delete)");
  auto* skip_btn = new wxButton(this, wxID_ANY, "Skip");
  buttons->Add(accept_btn, 0, wxRIGHT, 4);
  buttons->Add(reject_btn, 0, wxRIGHT, 4);
  buttons->Add(skip_btn, 0);
  sizer->Add(buttons, 0, wxLEFT | wxRIGHT | wxTOP, 4);
  auto* above = new wxBoxSizer(wxHORIZONTAL);
  auto* above_btn = new wxButton(this, wxID_ANY, "Accept all at or above", wxDefaultPosition,
                                 wxDefaultSize, wxBU_EXACTFIT);
  m_threshold = new wxSpinCtrlDouble(this, wxID_ANY, "0.90", wxDefaultPosition, wxDefaultSize,
                                     wxSP_ARROW_KEYS, 0.5, 1.0, 0.9, 0.05);
  m_threshold->SetInitialSize(m_threshold->GetSizeFromTextSize(m_threshold->GetTextExtent("0.99")));
  above->Add(above_btn, 0, wxRIGHT, 4);
  above->Add(m_threshold, 0, wxALIGN_CENTER_VERTICAL);
  sizer->Add(above, 0, wxALL, 4);
  SetSizer(sizer);

  refresh->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { reload(); });
  accept_btn->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { accept(); });
  reject_btn->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { reject(); });
  skip_btn->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { skip(); });
  above_btn->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { accept_above(); });
  Bind(wxEVT_CHAR_HOOK, [this](wxKeyEvent& e) {
    if (e.GetKeyCode() == WXK_RETURN || e.GetKeyCode() == WXK_NUMPAD_ENTER) {
      accept();
    } else if (e.GetKeyCode() == WXK_DELETE) {
      reject();
    } else {
      e.Skip();
    }
  });
  auto& s = frame.session();
  s.closed.connect([this] {
    m_list.clear();
    m_at = 0;
    m_note = "Open a project to get suggestions";
    mark_open();
    show_current();
  });
  // The dashed stripes show while the pane does; a click on one picks it here.
  Bind(wxEVT_SHOW, [this](wxShowEvent& e) {
    m_frame.session().suggestion_marks().set_shown(e.IsShown());
    e.Skip();
  });
  s.suggestion_marks().picked.connect([this](Id id) { pick(id); });
}

void SuggestionsPane::mark_open() {
  auto& s = m_frame.session();
  std::vector<SuggestionMark> marks;
  for (const auto& g : m_list) {
    if (g.status != "open" || g.id == 0) {
      continue;
    }
    SuggestionMark m{g.id, g.document_id, g.start, g.end, g.code_id, g.code_path, {}, g.score, {}};
    if (s.is_open() && !s.busy()) {
      if (const auto* code = s.codes().find(g.code_id)) {
        m.colour = code->color;
      }
    }
    for (const auto& w : g.words) {
      m.because += (m.because.empty() ? "" : ", ") + w.word;
    }
    marks.push_back(std::move(m));
  }
  s.suggestion_marks().set_shown(IsShown());
  s.suggestion_marks().set(std::move(marks));
}

void SuggestionsPane::pick(Id suggestion) {
  for (std::size_t i = 0; i < m_list.size(); ++i) {
    if (m_list[i].id == suggestion && m_list[i].status == "open") {
      m_at = i;
      show_current();
      return;
    }
  }
}

void SuggestionsPane::reload() {
  auto& s = m_frame.session();
  m_list.clear();
  m_at = 0;
  m_note.clear();
  if (!s.is_open()) {
    m_note = "Open a project to get suggestions";
    show_current();
    return;
  }
  try {
    SuggestOptions o;
    o.limit = 500;
    m_list = suggest_codes(s.project(), o).suggestions;
    if (m_list.empty()) {
      m_note = "No suggestions at 0.5 or more: every likely passage is coded";
    }
  } catch (const InputError& e) {
    m_note = std::string("No suggestions: ") + e.what();
  } catch (const Error& e) {
    m_frame.show_error(wx(e.what()));
  }
  mark_open();
  show_current();
}

std::string SuggestionsPane::status_text() const {
  if (m_at >= m_list.size()) {
    return m_note.empty() ? "No more suggestions (Suggest learns again)" : m_note;
  }
  return "Suggestion " + std::to_string(m_at + 1) + " of " + std::to_string(m_list.size()) +
         " · model version " + std::to_string(m_list[m_at].model_version) +
         " · learnt on this computer only";
}

void SuggestionsPane::show_current() {
  m_status->SetLabel(wx(status_text()));
  m_status->Wrap(std::max(200, GetClientSize().GetWidth() - 80));
  m_text->Clear();
  if (m_at >= m_list.size()) {
    m_code->SetLabel("");
    m_reasons->SetLabel("");
    Layout();
    return;
  }
  const auto& g = m_list[m_at];
  m_code->SetLabel(wx(g.code_path + "   " + two_places(g.score) + "\n" + g.document_name + " " +
                      std::to_string(g.start) + ":" + std::to_string(g.end)));
  m_text->SetValue(wx(g.text));
  // The words that weighed, highlighted where they are in the passage.
  wxTextAttr mark;
  mark.SetBackgroundColour(wxColour(255, 236, 140));
  auto bold = m_text->GetFont();
  bold.MakeBold();
  mark.SetFont(bold);
  std::string because;
  for (const auto& w : g.words) {
    because += (because.empty() ? "" : ", ") + w.word;
    for (const auto& [a, b] : w.ranges) {
      m_text->SetStyle(static_cast<long>(a - g.start), static_cast<long>(b - g.start), mark);
    }
  }
  std::string reasons =
      "Because of: " + (because.empty() ? std::string("(no single word)") : because);
  if (g.like) {
    reasons += "   ·   Like " + g.like->document_name + " " + std::to_string(g.like->start) + ":" +
               std::to_string(g.like->end) + ", coded " + g.code_path + " (similarity " +
               two_places(g.like->similarity) + ")";
  }
  m_reasons->SetLabel(wx(reasons));
  m_reasons->Wrap(std::max(200, GetClientSize().GetWidth() - 10));
  m_frame.session().show_document(g.document_id, std::make_pair(g.start, g.end));
  Layout();
}

void SuggestionsPane::accept() {
  if (m_at >= m_list.size()) {
    return;
  }
  try {
    accept_suggestion(m_frame.session().project(), m_list[m_at].id);
    m_list[m_at].status = "accepted";
    m_frame.session().suggestion_marks().remove(m_list[m_at].id);
  } catch (const Error& e) {
    m_frame.show_error(wx(e.what()));
  }
  skip();
}

void SuggestionsPane::reject() {
  if (m_at >= m_list.size()) {
    return;
  }
  try {
    reject_suggestion(m_frame.session().project(), m_list[m_at].id);
    m_list[m_at].status = "rejected";
    m_frame.session().suggestion_marks().remove(m_list[m_at].id);
  } catch (const Error& e) {
    m_frame.show_error(wx(e.what()));
  }
  skip();
}

void SuggestionsPane::skip() {
  // On to the next one not yet decided (one picked from its stripe may come
  // before others decided already).
  if (m_at < m_list.size()) {
    ++m_at;
  }
  while (m_at < m_list.size() && m_list[m_at].status != "open") {
    ++m_at;
  }
  show_current();
}

void SuggestionsPane::accept_above() {
  const double min = m_threshold->GetValue();
  const auto from = m_at;
  try {
    UserAction act(m_frame.session().project(),
                   "Accept suggestions scoring " + two_places(min) + " or more");
    for (; m_at < m_list.size() && m_list[m_at].score >= min; ++m_at) {
      if (m_list[m_at].status == "open") {
        accept_suggestion(m_frame.session().project(), m_list[m_at].id);
      }
    }
    act.commit();
    for (auto i = from; i < m_at; ++i) {
      if (m_list[i].status == "open") {
        m_list[i].status = "accepted";
      }
    }
    while (m_at < m_list.size() && m_list[m_at].status != "open") {
      ++m_at;
    }
  } catch (const Error& e) {
    m_at = from; // nothing was accepted
    m_frame.show_error(wx(e.what()));
  }
  mark_open();
  show_current();
}

} // namespace quire::gui
