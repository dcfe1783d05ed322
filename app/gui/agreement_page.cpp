#include "agreement_page.h"

#include <wx/choice.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "command.h"
#include "hints.h"
#include "main_frame.h"
#include "page_parts.h"
#include "quire/base/error.h"
#include "quire/model/coders.h"
#include "quire/model/coding.h"
#include "quire/model/documents.h"
#include "wx_text.h"

namespace quire::gui {

namespace {

wxString number(std::int64_t n) {
  return wxString::Format("%lld", static_cast<long long>(n));
}

wxString figure(const std::optional<double>& v, const char* format) {
  return v ? wxString::Format(format, *v) : wxString(L"–");
}

const AgreementUnit units[] = {AgreementUnit::Character, AgreementUnit::Sentence,
                               AgreementUnit::Passage};

} // namespace

AgreementPage::AgreementPage(wxWindow* parent, MainFrame& frame)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL,
              "agreement-page"),
      m_frame(frame), m_refresh(this, [this] {
        if (IsShownOnScreen()) {
          refresh_if_stale();
        }
      }) {
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  auto* bar = new wxBoxSizer(wxHORIZONTAL);
  auto label = [this, bar](const char* text) {
    bar->Add(new wxStaticText(this, wxID_ANY, text), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 4);
  };
  m_a = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxSize(120, -1));
  m_a->SetName("coder-a");
  m_b = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxSize(120, -1));
  m_b->SetName("coder-b");
  wxString unit_names[] = {"Characters", "Sentences", "Passages"};
  m_unit = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, 3, unit_names);
  m_unit->SetSelection(0);
  m_unit->SetName("unit");
  m_unit->SetToolTip("What is counted: every character (as NVivo), each sentence, or each "
                     "passage (paragraph, speaker turn, answer); a sentence or passage counts "
                     "as coded when a coder's coding overlaps it");
  m_code = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxSize(240, -1));
  m_code->SetName("code");
  m_doc = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxSize(240, -1));
  m_doc->SetName("document");
  auto* bar2 = new wxBoxSizer(wxHORIZONTAL);
  label("Coder A");
  bar->Add(m_a, 0, wxRIGHT, 8);
  label("Coder B");
  bar->Add(m_b, 0, wxRIGHT, 8);
  label("Unit");
  bar->Add(m_unit, 0, wxRIGHT, 8);
  bar->AddStretchSpacer();
  bar->Add(command_button(this, frame.commands(), "analysis/agreement-run"), 0);
  auto label2 = [this, bar2](const char* text) {
    bar2->Add(new wxStaticText(this, wxID_ANY, text), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 4);
  };
  label2("Codes");
  bar2->Add(m_code, 0, wxRIGHT, 8);
  label2("Documents");
  bar2->Add(m_doc, 0, wxRIGHT, 8);
  sizer->Add(bar, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 6);
  sizer->Add(bar2, 0, wxEXPAND | wxALL, 6);
  m_status = new wxStaticText(this, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, 0, "status");
  sizer->Add(m_status, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 6);
  m_table = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                           wxLC_REPORT | wxLC_SINGLE_SEL, wxDefaultValidator, "table");
  m_table->AppendColumn("Code", wxLIST_FORMAT_LEFT, 240);
  for (const char* c : {"Units", "Both", "Only A", "Only B", "Agreement", "Kappa", "Alpha"}) {
    m_table->AppendColumn(c, wxLIST_FORMAT_RIGHT, 90);
  }
  m_list = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                          wxLC_REPORT | wxLC_SINGLE_SEL, wxDefaultValidator, "disagreements");
  m_list->AppendColumn("Document", wxLIST_FORMAT_LEFT, 130);
  m_list->AppendColumn("Code", wxLIST_FORMAT_LEFT, 170);
  m_list->AppendColumn("Coded only by", wxLIST_FORMAT_LEFT, 100);
  m_list->AppendColumn("Text (click to read it beside the other coder's)", wxLIST_FORMAT_LEFT, 560);
  sizer->Add(m_table, 1, wxEXPAND);
  sizer->Add(new wxStaticText(this, wxID_ANY, "Disagreements"), 0, wxLEFT | wxTOP, 6);
  sizer->Add(m_list, 1, wxEXPAND | wxTOP, 2);
  SetSizer(sizer);

  auto rerun = [this](wxCommandEvent&) { run(); };
  for (auto* c : {m_a, m_b, m_unit, m_code, m_doc}) {
    c->Bind(wxEVT_CHOICE, rerun);
  }
  // A click on a disagreement reads it (Enter and a double-click too).
  m_list->Bind(wxEVT_LIST_ITEM_ACTIVATED,
               [this](wxListEvent& e) { open_disagreement(e.GetIndex()); });
  // A click selects the row: read it then. (Only a selection the user made:
  // the list, or the window inside it that draws its rows, has the focus.)
  m_list->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent& e) {
    e.Skip();
    auto* focus = wxWindow::FindFocus();
    if (focus && (focus == m_list || focus->GetParent() == m_list)) {
      CallAfter([this, row = e.GetIndex()] { open_disagreement(row); });
    }
  });

  auto& s = frame.session();
  s.opened.connect([this] {
    m_choices_stale = true;
    m_stale = true;
    m_refresh.request();
  });
  s.changed.connect([this](const ChangeSet& c) {
    if (c.everything || c.tables.count("code") || c.tables.count("coder") ||
        c.tables.count("document")) {
      m_choices_stale = true;
    }
    m_stale = true;
    m_refresh.request();
  });
  s.closed.connect([this] {
    m_report = {};
    m_table->DeleteAllItems();
    m_list->DeleteAllItems();
    for (auto* c : {m_a, m_b, m_code, m_doc}) {
      c->Clear();
    }
  });
}

void AgreementPage::fill_choices() {
  auto& s = m_frame.session();
  if (!take_stale(m_choices_stale, s)) {
    return;
  }
  auto& p = s.project();
  auto a = m_a->GetStringSelection(), b = m_b->GetStringSelection();
  m_a->Clear();
  m_b->Clear();
  std::vector<std::string> coders; // those who coded something
  for (const auto& c : coder_summaries(p)) {
    if (c.codings > 0) {
      coders.push_back(c.name);
    }
  }
  for (const auto& c : coders) {
    m_a->Append(wx(c));
    m_b->Append(wx(c));
  }
  if (!m_a->SetStringSelection(a) && !coders.empty()) {
    m_a->SetSelection(0);
  }
  if (!m_b->SetStringSelection(b) && coders.size() > 1) {
    m_b->SetSelection(m_a->GetSelection() == 0 ? 1 : 0);
  }
  auto keep = [](wxChoice* c, std::vector<Id>& ids, const wxString& all, const auto& items,
                 auto id_of, auto label_of) {
    Id chosen = c->GetSelection() > 0 ? ids[static_cast<std::size_t>(c->GetSelection())] : 0;
    c->Clear();
    ids.assign(1, 0);
    c->Append(all);
    c->SetSelection(0);
    for (const auto& item : items) {
      ids.push_back(id_of(item));
      c->Append(label_of(item));
      if (ids.back() == chosen) {
        c->SetSelection(static_cast<int>(ids.size() - 1));
      }
    }
  };
  keep(
      m_code, m_code_ids, "Every code either used", s.codes().list,
      [](const Code& c) { return c.id; }, [](const Code& c) { return wx(c.path); });
  keep(
      m_doc, m_doc_ids, "Every document either coded", list_documents(p),
      [](const Document& d) { return d.id; }, [](const Document& d) { return wx(d.name); });
}

AgreementOptions AgreementPage::options() const {
  AgreementOptions o;
  o.coder_a = utf8(m_a->GetStringSelection());
  o.coder_b = utf8(m_b->GetStringSelection());
  o.unit = units[std::max(0, m_unit->GetSelection())];
  if (m_code->GetSelection() > 0) {
    o.codes.push_back(m_code_ids[static_cast<std::size_t>(m_code->GetSelection())]);
  }
  if (m_doc->GetSelection() > 0) {
    o.documents.push_back(m_doc_ids[static_cast<std::size_t>(m_doc->GetSelection())]);
  }
  return o;
}

void AgreementPage::refresh_if_stale() {
  fill_choices();
  if (m_stale && m_frame.session().is_open() && !m_frame.session().busy()) {
    run();
  }
}

void AgreementPage::run_or_throw() {
  fill_choices();
  auto o = options();
  if (m_a->GetCount() < 2) {
    throw InputError(m_a->GetCount() == 0
                         ? "nobody has coded yet: agreement compares two coders' codings"
                         : "only " + o.coder_a +
                               " has coded: agreement needs the codings of a second coder "
                               "(merge a colleague's project with File > Merge Project)");
  }
  if (o.coder_a == o.coder_b) {
    throw InputError("choose two different coders to compare");
  }
  auto r = compute_agreement(m_frame.session().project(), o);
  m_report = std::move(r);
  m_stale = false;
  auto add_row = [this](const wxString& name, const AgreementFigures& f) {
    long row = m_table->InsertItem(m_table->GetItemCount(), name);
    m_table->SetItem(row, 1, number(f.units));
    m_table->SetItem(row, 2, number(f.both));
    m_table->SetItem(row, 3, number(f.only_a));
    m_table->SetItem(row, 4, number(f.only_b));
    m_table->SetItem(row, 5, figure(f.percent, "%.1f%%"));
    m_table->SetItem(row, 6, figure(f.kappa, "%.2f"));
    m_table->SetItem(row, 7, figure(f.alpha, "%.2f"));
    return row;
  };
  m_table->Freeze();
  m_table->DeleteAllItems();
  for (const auto& c : m_report.codes) {
    add_row(wx(c.code_path), c.figures);
  }
  auto overall = add_row("All codes", m_report.overall);
  auto font = m_table->GetFont();
  font.SetWeight(wxFONTWEIGHT_BOLD);
  m_table->SetItemFont(overall, font);
  m_table->Thaw();
  m_list->Freeze();
  m_list->DeleteAllItems();
  for (std::size_t i = 0; i < m_report.disagreements.size(); ++i) {
    const auto& d = m_report.disagreements[i];
    auto text = d.text;
    for (auto& ch : text) {
      if (ch == '\n' || ch == '\r' || ch == '\t') {
        ch = ' ';
      }
    }
    long row = m_list->InsertItem(static_cast<long>(i), wx(d.document));
    m_list->SetItem(row, 1, wx(d.code_path));
    m_list->SetItem(row, 2, wx(d.coded_by));
    m_list->SetItem(row, 3, wx(text));
  }
  m_list->Thaw();
  tell(*m_status,
       wxString::Format("%s (A) and %s (B), by %s, over %lld document%s: %zu disagreement%s",
                        wx(m_report.coder_a), wx(m_report.coder_b),
                        m_report.unit == AgreementUnit::Character ? wxString("character")
                                                                  : wx(to_string(m_report.unit)),
                        static_cast<long long>(m_report.documents),
                        m_report.documents == 1 ? "" : "s", m_report.disagreements.size(),
                        m_report.disagreements.size() == 1 ? "" : "s"),
       false);
}

bool AgreementPage::run() {
  return run_telling(
      *m_status, [this] { run_or_throw(); },
      [this] {
        m_report = {};
        m_table->DeleteAllItems();
        m_list->DeleteAllItems();
      });
}

void AgreementPage::open_disagreement(long i) {
  if (i < 0 || static_cast<std::size_t>(i) >= m_report.disagreements.size()) {
    return;
  }
  const auto d = m_report.disagreements[static_cast<std::size_t>(i)]; // a copy: a change reruns
  auto& s = m_frame.session();
  // The two coders compared, side by side in their lanes: core's one
  // setting of whose codings are shown (as View > Coders sets it).
  std::vector<std::string> pair{m_report.coder_a, m_report.coder_b};
  bool shown = guarded(
      [&] {
        if (s.shown_coders() != pair) {
          set_shown_coders(s.project(), pair);
        }
        s.show_document(d.document_id, std::make_pair(d.start, d.end));
      },
      [this](const wxString& problem) { tell(*m_status, problem, true); });
  if (!shown) {
    return;
  }
  auto other = d.coded_by == m_report.coder_a ? m_report.coder_b : m_report.coder_a;
  m_frame.SetStatusText(wx("Showing only " + m_report.coder_a + "'s and " + m_report.coder_b +
                           "'s codings, side by side: " + d.code_path + " here is " + d.coded_by +
                           "'s, not " + other +
                           "'s. View > Coders > Everyone shows all coders again"),
                        0);
}

} // namespace quire::gui
