#include "query_page.h"

#include <set>

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/textdlg.h>

#include "documents_filter.h"
#include "hints.h"
#include "main_frame.h"
#include "page_parts.h"
#include "quire/base/error.h"
#include "quire/model/code_ranges.h"
#include "quire/model/coding.h"
#include "wx_text.h"

namespace quire::gui {

QueryPage::QueryPage(wxWindow* parent, MainFrame& frame)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, "query-page"),
      m_frame(frame), m_refresh(this, [this] {
        fill_choices();
        if (m_stale && !m_ran.empty() && IsShownOnScreen()) {
          run();
        }
      }) {
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  auto* grid = new wxFlexGridSizer(3, 2, 4, 6);
  grid->AddGrowableCol(1);
  auto label = [this, grid](const char* text) {
    grid->Add(new wxStaticText(this, wxID_ANY, text), 0, wxALIGN_CENTER_VERTICAL);
  };
  m_query = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxSize(420, -1),
                           wxTE_PROCESS_ENTER, wxDefaultValidator, "query");
  m_query->SetHint("e.g. \"Purpose/Sceptical\" AND Time, or (A OR B) NEAR/2 C");
  m_query->SetToolTip("Codes joined by AND (overlapping text), OR, NOT (the left without the "
                      "right), WITHIN (the left wholly inside the right), NEAR/n (at most n "
                      "passages apart); quote a code path that holds spaces");
  label("Query");
  auto* qrow = new wxBoxSizer(wxHORIZONTAL);
  qrow->Add(m_query, 1, wxEXPAND | wxRIGHT, 6);
  qrow->Add(command_button(this, frame.commands(), "analysis/query-run", "Run Query"));
  grid->Add(qrow, 1, wxEXPAND);

  label("Add");
  auto* brow = new wxBoxSizer(wxHORIZONTAL);
  wxString ops[] = {"AND", "OR", "NOT", "WITHIN", "NEAR"};
  m_op = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, 5, ops);
  m_op->SetSelection(0);
  m_op->SetName("operator");
  m_near = new wxSpinCtrl(this, wxID_ANY, "1", wxDefaultPosition, wxDefaultSize, wxSP_ARROW_KEYS, 1,
                          99, 1, "near");
  // Wide enough for two digits and GTK's two buttons (narrower, GTK complains).
  m_near->SetInitialSize(m_near->GetSizeFromTextSize(m_near->GetTextExtent("99")));
  m_near->SetToolTip("NEAR: at most this many passages apart");
  m_code = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxSize(260, -1));
  m_code->SetName("code");
  auto* add = new wxButton(this, wxID_ANY, "Add to Query");
  add->SetName("add-to-query");
  brow->Add(m_op, 0, wxRIGHT, 4);
  brow->Add(m_near, 0, wxRIGHT, 4);
  brow->Add(m_code, 0, wxRIGHT, 4);
  brow->Add(add, 0);
  grid->Add(brow, 1, wxEXPAND);

  label("Cases where");
  auto* crow = new wxBoxSizer(wxHORIZONTAL);
  m_where = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxSize(300, -1),
                           wxTE_PROCESS_ENTER, wxDefaultValidator, "where");
  m_where->SetHint("e.g. Role = Teacher AND Years >= 5");
  m_where->SetToolTip("Only results in cases whose attributes meet these conditions");
  m_coder = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxSize(140, -1));
  m_coder->SetName("coder");
  crow->Add(m_where, 1, wxEXPAND | wxRIGHT, 10);
  crow->Add(new wxStaticText(this, wxID_ANY, "Coder"), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 4);
  crow->Add(m_coder, 0, wxRIGHT, 10);
  m_docs = new DocumentsFilter(this, frame.session());
  m_docs->SetToolTip("Only results in the documents chosen (click to choose them)");
  crow->Add(new wxStaticText(this, wxID_ANY, "In"), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 4);
  crow->Add(m_docs, 0);
  grid->Add(crow, 1, wxEXPAND);

  auto* top = new wxBoxSizer(wxHORIZONTAL);
  top->Add(grid, 1, wxEXPAND | wxALL, 6);
  top->Add(command_button(this, frame.commands(), "analysis/query-code-results"), 0, wxALL, 6);
  sizer->Add(top, 0, wxEXPAND);
  m_status = new wxStaticText(this, wxID_ANY, "Type or build a query, then Run Query.",
                              wxDefaultPosition, wxDefaultSize, 0, "status");
  sizer->Add(m_status, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 6);
  m_list = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                          wxLC_REPORT | wxLC_SINGLE_SEL, wxDefaultValidator, "results");
  m_list->AppendColumn("Document", wxLIST_FORMAT_LEFT, 120);
  m_list->AppendColumn("Case", wxLIST_FORMAT_LEFT, 70);
  m_list->AppendColumn("Before", wxLIST_FORMAT_RIGHT, 240);
  m_list->AppendColumn("Result (double-click to read it)", wxLIST_FORMAT_LEFT, 330);
  m_list->AppendColumn("After", wxLIST_FORMAT_LEFT, 240);
  sizer->Add(m_list, 1, wxEXPAND);
  SetSizer(sizer);

  auto go = [this](wxCommandEvent&) { run(); };
  m_query->Bind(wxEVT_TEXT_ENTER, go);
  m_where->Bind(wxEVT_TEXT_ENTER, go);
  m_coder->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
    if (!m_ran.empty()) {
      run();
    }
  });
  m_docs->on_change = [this] {
    if (!m_ran.empty()) {
      run();
    }
  };
  add->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { add_chosen_code(); });
  m_op->Bind(wxEVT_CHOICE,
             [this](wxCommandEvent&) { m_near->Enable(m_op->GetStringSelection() == "NEAR"); });
  m_near->Enable(false);
  m_list->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent& e) { open_result(e.GetIndex()); });

  auto& s = frame.session();
  s.opened.connect([this] {
    m_choices_stale = true;
    m_hits.clear();
    m_ran.clear();
    m_list->DeleteAllItems();
    m_docs->reset();
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
    m_hits.clear();
    m_ran.clear();
    m_list->DeleteAllItems();
    m_code->Clear();
    m_coder->Clear();
    m_docs->reset();
  });
}

void QueryPage::fill_choices() {
  auto& s = m_frame.session();
  if (!take_stale(m_choices_stale, s)) {
    return;
  }
  auto code = m_code->GetStringSelection();
  m_code->Clear();
  m_code_paths.clear();
  for (const auto& c : s.codes().list) {
    m_code_paths.push_back(c.path);
    m_code->Append(wx(c.path));
  }
  if (!m_code->SetStringSelection(code) && !m_code_paths.empty()) {
    m_code->SetSelection(0);
  }
  auto coder = m_coder->GetStringSelection();
  m_coder->Clear();
  m_coder->Append("Everyone");
  for (const auto& c : list_coders(s.project())) {
    m_coder->Append(wx(c));
  }
  if (!m_coder->SetStringSelection(coder)) {
    m_coder->SetSelection(0);
  }
  m_docs->prune();
}

AnalysisFilter QueryPage::filter() const {
  auto f = filter_of(*m_where, m_coder);
  f.documents = m_docs->chosen();
  return f;
}

void QueryPage::run_or_throw() {
  fill_choices();
  auto q = utf8(m_query->GetValue().Strip(wxString::both));
  if (q.empty()) {
    throw InputError("type a query first, or build one with Add to Query");
  }
  auto hits = coding_query(m_frame.session().project(), q, filter());
  m_hits = std::move(hits);
  m_ran = q;
  m_stale = false;
  show_hits();
}

bool QueryPage::run() {
  return run_telling(
      *m_status, [this] { run_or_throw(); },
      [this] {
        m_hits.clear();
        m_list->DeleteAllItems();
      });
}

void QueryPage::show_hits() {
  list_hits(*m_list, m_frame.session().project(), m_hits, 34);
  std::set<Id> docs;
  for (const auto& h : m_hits) {
    docs.insert(h.document_id);
  }
  tell(*m_status,
       wxString::Format("%zu result%s in %zu document%s for %s", m_hits.size(),
                        m_hits.size() == 1 ? "" : "s", docs.size(), docs.size() == 1 ? "" : "s",
                        wx(m_ran)),
       false);
}

void QueryPage::add_chosen_code() {
  fill_choices();
  int i = m_code->GetSelection();
  if (i < 0 || static_cast<std::size_t>(i) >= m_code_paths.size()) {
    tell(*m_status, "There are no codes to add yet: make some in the Codebook first.", true);
    return;
  }
  auto path = "\"" + m_code_paths[static_cast<std::size_t>(i)] + "\"";
  auto q = m_query->GetValue().Strip(wxString::both);
  if (!q.empty()) {
    auto op = m_op->GetStringSelection();
    if (op == "NEAR") {
      op += wxString::Format("/%d", m_near->GetValue());
    }
    q += " " + op + " ";
  }
  m_query->ChangeValue(q + wx(path));
  m_query->SetInsertionPointEnd();
}

void QueryPage::code_results_as(const std::string& path) {
  if (m_ran.empty()) {
    throw InputError("run a query first: its results are what gets coded");
  }
  auto r =
      code_ranges(m_frame.session().project(), ranges_of(m_hits), path, "'" + m_ran + "'", true);
  m_frame.SetStatusText(
      wxString::Format("Coded %lld result(s) as %s", static_cast<long long>(r.ranges), wx(path)),
      0);
}

void QueryPage::ask_and_code_results() {
  if (m_ran.empty() || m_hits.empty()) {
    throw InputError(m_ran.empty() ? "run a query first: its results are what gets coded"
                                   : "the query found nothing to code");
  }
  wxTextEntryDialog dlg(this,
                        wxString::Format("Code the %zu results of %s with a new code named:",
                                         m_hits.size(), wx(m_ran)),
                        "Code Results As New Code", "Query results");
  if (dlg.ShowModal() != wxID_OK) {
    return;
  }
  code_results_as(utf8(dlg.GetValue().Strip(wxString::both)));
}

void QueryPage::open_result(long i) {
  open_hit(m_frame.session(), m_hits, i);
}

} // namespace quire::gui
