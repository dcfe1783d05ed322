#include "search_pane.h"

#include <algorithm>
#include <set>

#include <wx/button.h>
#include <wx/checklst.h>
#include <wx/choice.h>
#include <wx/combobox.h>
#include <wx/config.h>
#include <wx/sizer.h>
#include <wx/srchctrl.h>
#include <wx/stattext.h>

#include "autocode_dialog.h"
#include "main_frame.h"
#include "quire/base/error.h"
#include "quire/base/text.h"
#include "quire/model/cases.h"
#include "quire/model/coding.h"
#include "wx_text.h"

namespace quire::gui {

namespace {

const int history_size = 20;
/// A drop-down longer than this is of no use (and slow to fill in GTK).
const std::size_t max_choices = 300;
/// Values listed at once for an attribute; typing narrows the rest.
const std::size_t max_values_shown = 500;

wxString escape(const std::string& text) {
  wxString out;
  for (auto ch : wx(text)) {
    switch (ch.GetValue()) {
    case '<': out += "&lt;"; break;
    case '>': out += "&gt;"; break;
    case '&': out += "&amp;"; break;
    case '\n':
    case '\t': out += ' '; break;
    default: out += ch;
    }
  }
  return out;
}

/// A filter value quoted for the query language.
std::string query_quoted(const std::string& value) {
  std::string v;
  for (char ch : value) {
    if (ch != '"') {
      v += ch;
    }
  }
  return "\"" + v + "\"";
}

} // namespace

wxString snippet_html(const std::string& snippet) {
  wxString html = escape(snippet);
  html.Replace(L"«", "<span style=\"background-color: #ffe066\"><b>");
  html.Replace(L"»", "</b></span>");
  return html;
}

HitList::HitList(wxWindow* parent, const std::vector<SearchHit>& hits)
    : wxHtmlListBox(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxBORDER_NONE),
      m_hits(hits) {}

wxString HitList::OnGetItem(size_t n) const {
  if (n >= m_hits.size()) {
    return {};
  }
  const auto& h = m_hits[n];
  wxString where = "<b>" + escape(h.document_name) + "</b>";
  wxString more;
  for (const auto* part : {&h.case_name, &h.speaker, &h.question}) {
    if (!part->empty()) {
      more += L" · " + escape(*part);
    }
  }
  if (h.start_ms) {
    more += L" · " + wx(clock_text(*h.start_ms, true));
  }
  if (!h.codes.empty()) {
    wxString codes;
    for (const auto& c : h.codes) {
      codes += (codes.empty() ? "" : ", ") + escape(c);
    }
    more += L" · <i>" + codes + "</i>";
  }
  return "<font size=\"-1\">" + where + "<font color=\"#666666\">" + more + "</font></font><br>" +
         snippet_html(h.snippet);
}

SearchPane::SearchPane(wxWindow* parent, MainFrame& frame)
    : wxPanel(parent), m_frame(frame), m_rerun(this,
                                               [this] {
                                                 // Hidden: run when next shown, not after
                                                 // every action meanwhile.
                                                 m_results_stale = !IsShownOnScreen();
                                                 if (!m_results_stale)
                                                   run();
                                               }),
      m_refill(this, [this] { fill_filters(); }) {
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  auto* top = new wxBoxSizer(wxHORIZONTAL);
  m_query = new wxComboBox(this, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, 0, nullptr,
                           wxTE_PROCESS_ENTER);
  m_query->SetHint(L"Search passages…");
  m_query->SetName("quire-search-query");
  m_query->SetToolTip("Words (stemmed), \"a phrase\", OR, NOT, NEAR/5, collab*, and filters: "
                      "code:PATH case:NAME speaker:NAME doc:NAME attr:Role=Teacher "
                      "attr:Years:5..10. The arrow lists recent queries.");
  auto* go = command_button(this, frame.commands(), "search/run", "Search", wxBU_EXACTFIT);
  top->Add(m_query, 1, wxALIGN_CENTER_VERTICAL);
  top->Add(go, 0, wxLEFT | wxALIGN_CENTER_VERTICAL, 4);
  sizer->Add(top, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 4);
  auto* hint = new wxStaticText(this, wxID_ANY,
                                L"e.g. time NOT funding · \"cover costs\" · code:Barriers "
                                "attr:Role=Teacher");
  hint->SetForegroundColour(wxColour(110, 110, 110));
  hint->SetFont(hint->GetFont().Smaller());
  sizer->Add(hint, 0, wxLEFT | wxRIGHT | wxTOP, 4);

  // Compact: code and case side by side, the attribute below, its values
  // (a list typing narrows) only once an attribute is chosen.
  auto* filters = new wxBoxSizer(wxHORIZONTAL);
  m_code = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxSize(60, -1));
  m_case = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxSize(60, -1));
  m_attr = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxSize(60, -1));
  m_code->SetToolTip("Only passages coded with this code (or a subcode)");
  m_case->SetToolTip("Only passages of this case");
  m_attr->SetToolTip("Only passages of cases with a value of this attribute you tick below");
  m_code->SetName("quire-search-code-filter");
  m_case->SetName("quire-search-case-filter");
  m_attr->SetName("quire-search-attribute-filter");
  filters->Add(m_code, 1, wxRIGHT, 3);
  filters->Add(m_case, 1);
  sizer->Add(filters, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 4);
  m_value_find = new wxSearchCtrl(this, wxID_ANY, "", wxDefaultPosition, wxSize(60, -1));
  m_value_find->ShowCancelButton(true);
  m_value_find->SetName("quire-search-value-filter");
  auto* by_attr = new wxBoxSizer(wxHORIZONTAL);
  by_attr->Add(m_attr, 1, wxRIGHT, 3);
  by_attr->Add(m_value_find, 1);
  sizer->Add(by_attr, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 4);
  m_values = new wxCheckListBox(this, wxID_ANY, wxDefaultPosition, wxSize(-1, 84));
  m_values->SetName("quire-search-values");
  sizer->Add(m_values, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 4);
  m_value_find->Hide();
  m_values->Hide();
  sizer->AddSpacer(4);
  // A short pane (a small window) keeps its room for the results: the
  // examples line goes (the query box's tooltip has them too).
  Bind(wxEVT_SIZE, [this, hint](wxSizeEvent& e) {
    e.Skip();
    bool room = e.GetSize().y > 420;
    if (room != hint->IsShown()) {
      hint->Show(room);
      CallAfter([this] { Layout(); });
    }
  });

  m_status = new wxStaticText(this, wxID_ANY, "");
  m_status->SetName("quire-search-status");
  sizer->Add(m_status, 0, wxEXPAND | wxLEFT | wxRIGHT, 4);
  m_list = new HitList(this, m_hits);
  m_list->SetName("quire-search-results");
  sizer->Add(m_list, 1, wxEXPAND | wxTOP, 2);

  auto* actions = new wxBoxSizer(wxHORIZONTAL);
  m_code_all = command_button(this, frame.commands(), "search/code-all", L"Code All Hits…");
  m_similar_button = command_button(this, frame.commands(), "search/similar", "Find Similar");
  m_similar_button->SetToolTip("Passages like the selected result; with none selected, like the "
                               "selected coding or code");
  actions->Add(m_code_all, 0, wxRIGHT, 4);
  actions->Add(m_similar_button, 0);
  sizer->Add(actions, 0, wxALL, 4);
  SetSizer(sizer);

  wxString saved;
  for (int i = 0; i < history_size; ++i) {
    if (wxConfigBase::Get()->Read(wxString::Format("/Search/History%d", i), &saved) &&
        !saved.empty()) {
      m_query->Append(saved);
    }
  }
  fill_filters();

  // Enter, a recent query and a filter run the same command as the button.
  m_query->Bind(wxEVT_TEXT_ENTER,
                [this](wxCommandEvent&) { m_frame.commands().invoke("search/run"); });
  m_query->Bind(wxEVT_COMBOBOX,
                [this](wxCommandEvent&) { m_frame.commands().invoke("search/run"); });
  for (auto* c : {m_code, m_case}) {
    c->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { filter_changed(); });
  }
  m_attr->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
    bool had = !m_ticked.empty();
    m_ticked.clear();
    m_value_find->ChangeValue("");
    fill_values();
    if (had) {
      filter_changed();
    }
  });
  m_value_find->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { fill_values(); });
  m_value_find->Bind(wxEVT_SEARCHCTRL_CANCEL_BTN, [this](wxCommandEvent&) {
    m_value_find->ChangeValue("");
    fill_values();
  });
  m_values->Bind(wxEVT_CHECKLISTBOX, [this](wxCommandEvent& e) {
    auto i = static_cast<std::size_t>(e.GetInt());
    if (i < m_values_shown.size()) {
      if (m_values->IsChecked(static_cast<unsigned>(i))) {
        m_ticked.insert(m_values_shown[i]);
      } else {
        m_ticked.erase(m_values_shown[i]);
      }
      fill_values(); // the note counts what is ticked
      filter_changed();
    }
  });
  m_list->Bind(wxEVT_LISTBOX_DCLICK, [this](wxCommandEvent& e) { open_hit(e.GetSelection()); });

  auto& s = frame.session();
  s.changed.connect([this](const ChangeSet& c) {
    if (c.everything || c.tables.count("code") || c.tables.count("case_") ||
        c.tables.count("case_value") || c.tables.count("attribute")) {
      m_filters_stale = true;
      m_refill.request();
    }
    // The index follows the change; the results show it once the view is idle.
    if (!m_hits.empty() && !m_similar && m_frame.session().has_search_index()) {
      m_rerun.request();
    }
  });
  s.opened.connect([this] {
    m_filters_stale = true;
    m_refill.request();
  });
  // The filters are filled when the pane is first seen: a survey's thousands
  // of cases must not slow down opening a project.
  Bind(wxEVT_SHOW, [this](wxShowEvent& e) {
    if (e.IsShown()) {
      m_refill.request();
      if (m_results_stale)
        m_rerun.request();
    }
    e.Skip();
  });
  s.closed.connect([this] {
    show({}, "");
    m_code->Clear();
    m_case->Clear();
    m_attr->Clear();
    m_attr_values.clear();
    m_ticked.clear();
    fill_values();
  });
}

void SearchPane::filter_changed() {
  if (!m_query->GetValue().Strip(wxString::both).empty()) {
    m_frame.commands().invoke("search/run");
  }
}

void SearchPane::fill_values() {
  int sel = m_attr->GetSelection();
  auto it = sel > 0 ? m_attr_values.find(utf8(m_attr->GetStringSelection())) : m_attr_values.end();
  bool on = it != m_attr_values.end();
  bool relayout = on != m_values->IsShown();
  m_value_find->Show(on);
  m_values->Show(on);
  m_values_shown.clear();
  m_values->Clear();
  if (on) {
    const auto& all = it->second;
    auto typed = utf8(m_value_find->GetValue());
    auto matching = values_matching(all, typed);
    m_values_shown.assign(matching.begin(),
                          matching.begin() + static_cast<std::ptrdiff_t>(
                                                 std::min(matching.size(), max_values_shown)));
    wxArrayString items;
    for (const auto& v : m_values_shown) {
      items.Add(wx(v));
    }
    m_values->Append(items);
    for (std::size_t i = 0; i < m_values_shown.size(); ++i) {
      if (m_ticked.count(m_values_shown[i])) {
        m_values->Check(static_cast<unsigned>(i));
      }
    }
    m_value_find->SetDescriptiveText(
        wxString::Format(L"Type to find among %zu values…", all.size()));
    wxString note = m_ticked.empty() ? wxString("Tick the values to keep")
                                     : wxString::Format("%zu ticked", m_ticked.size());
    if (matching.size() > m_values_shown.size()) {
      note += wxString::Format(L" · %zu of %zu shown: type to narrow", m_values_shown.size(),
                               matching.size());
    } else if (!typed.empty()) {
      note += wxString::Format(L" · %zu of %zu match", matching.size(), all.size());
    }
    m_values->SetToolTip(note);
    m_value_find->SetToolTip(note);
  }
  if (relayout) {
    Layout();
  }
}

void SearchPane::fill_filters(bool even_hidden) {
  auto& s = m_frame.session();
  if (s.is_open() && (!m_filters_stale || (!even_hidden && !IsShownOnScreen()))) {
    return;
  }
  m_filters_stale = false;
  auto keep = [](wxChoice* c) {
    return c->GetSelection() > 0 ? c->GetStringSelection() : wxString();
  };
  auto old_code = keep(m_code), old_case = keep(m_case), old_attr = keep(m_attr);
  for (auto* c : {m_code, m_case, m_attr}) {
    c->Clear();
  }
  m_code_terms = {""};
  m_case_terms = {""};
  m_code->Append("Any code");
  m_case->Append("Any case");
  m_attr->Append("Any attribute");
  if (s.is_open() && !s.busy()) {
    for (const auto& c : s.codes().list) {
      m_code->Append(wxString(' ', 2 * static_cast<std::size_t>(c.level)) + wx(c.name));
      m_code_terms.push_back("code:" + query_quoted(c.path));
    }
    auto cases = list_cases(s.project());
    if (cases.size() > max_choices) {
      m_case->SetString(0, wxString::Format("Any case (type case:NAME: %zu cases)", cases.size()));
      cases.clear();
    }
    for (const auto& c : cases) {
      m_case->Append(wx(c.name));
      m_case_terms.push_back("case:" + query_quoted(c.name));
    }
    m_attr_values = attribute_values(s.project());
    for (const auto& [name, values] : m_attr_values) {
      if (!values.empty()) {
        m_attr->Append(wx(name));
      }
    }
  } else {
    m_attr_values.clear();
  }
  auto restore = [](wxChoice* c, const wxString& old) {
    int at = old.empty() ? wxNOT_FOUND : c->FindString(old);
    c->SetSelection(at == wxNOT_FOUND ? 0 : at);
  };
  restore(m_code, old_code);
  restore(m_case, old_case);
  restore(m_attr, old_attr);
  if (m_attr->GetSelection() <= 0) {
    m_ticked.clear();
  } else { // ticks on values that went are dropped
    const auto& values = m_attr_values[utf8(m_attr->GetStringSelection())];
    std::set<std::string> still;
    for (const auto& v : m_ticked) {
      if (std::find(values.begin(), values.end(), v) != values.end()) {
        still.insert(v);
      }
    }
    m_ticked = std::move(still);
  }
  fill_values();
}

std::string SearchPane::full_query() const {
  std::string text = utf8(m_query->GetValue().Strip(wxString::both));
  std::string filters;
  auto add = [&filters](const wxChoice* c, const std::vector<std::string>& terms) {
    int sel = c->GetSelection();
    if (sel > 0 && static_cast<std::size_t>(sel) < terms.size()) {
      filters += " " + terms[static_cast<std::size_t>(sel)];
    }
  };
  add(m_code, m_code_terms);
  add(m_case, m_case_terms);
  // Values of the same attribute: any of them (Xapian ORs filters of one field).
  if (m_attr->GetSelection() > 0) {
    auto name = utf8(m_attr->GetStringSelection());
    for (const auto& v : m_ticked) {
      filters += " attr:" + query_quoted(name) + "=" + query_quoted(v);
    }
  }
  // In brackets, so that a filter narrows the whole query, not its last word
  // ("a OR b code:X" is "a OR (b code:X)").
  return filters.empty() ? text : text.empty() ? filters.substr(1) : "(" + text + ")" + filters;
}

void SearchPane::search(const wxString& query) {
  m_query->SetValue(query);
  run();
}

void SearchPane::run() {
  auto& s = m_frame.session();
  if (!s.is_open() || s.busy()) {
    return;
  }
  fill_filters(true);
  auto text = m_query->GetValue().Strip(wxString::both);
  if (text.empty()) {
    show({}, "Type words to search for, then press Enter.");
    return;
  }
  auto& index = s.search_index(&m_frame);
  SearchOptions o;
  o.limit = 500;
  auto r = index.search(full_query(), o);
  remember(text);
  m_similar = false;
  auto n = static_cast<long long>(r.hits.size());
  wxString status = r.estimated_total > n
                        ? wxString::Format("The best %lld of about %lld passages", n,
                                           static_cast<long long>(r.estimated_total))
                        : wxString::Format("%lld passage%s", n, n == 1 ? "" : "s");
  if (!r.corrected_query.empty()) {
    status += L" · Did you mean: " + wx(r.corrected_query) + "?";
  }
  show(std::move(r.hits), status);
}

void SearchPane::show(std::vector<SearchHit> hits, const wxString& status) {
  m_hits = std::move(hits);
  m_status->SetLabel(status);
  m_list->SetItemCount(m_hits.size());
  m_list->SetSelection(wxNOT_FOUND);
  m_list->RefreshAll();
  m_code_all->Enable(!m_hits.empty() && !m_similar);
}

wxString SearchPane::status() const {
  return m_status->GetLabel();
}

void SearchPane::remember(const wxString& query) {
  int at = m_query->FindString(query, true);
  if (at == 0) {
    return;
  }
  if (at != wxNOT_FOUND) {
    m_query->Delete(static_cast<unsigned>(at));
  }
  m_query->Insert(query, 0);
  while (m_query->GetCount() > static_cast<unsigned>(history_size)) {
    m_query->Delete(m_query->GetCount() - 1);
  }
  m_query->ChangeValue(query);
  auto* cfg = wxConfigBase::Get();
  for (unsigned i = 0; i < m_query->GetCount(); ++i) {
    cfg->Write(wxString::Format("/Search/History%u", i), m_query->GetString(i));
  }
}

void SearchPane::open_hit(long i) {
  if (i < 0 || static_cast<std::size_t>(i) >= m_hits.size()) {
    return;
  }
  const auto& h = m_hits[static_cast<std::size_t>(i)];
  auto range = h.hits.empty() ? std::pair{h.start, h.end} : h.hits.front();
  guarded([&] { m_frame.session().show_document(h.document_id, range); },
          [this](const wxString& m) { m_frame.show_error(m); });
}

void SearchPane::find_similar() {
  auto& s = m_frame.session();
  auto& p = s.project();
  std::vector<Id> passages;
  std::optional<Id> exclude;
  wxString what;
  int sel = m_list->GetSelection();
  if (sel != wxNOT_FOUND && !m_hits.empty()) {
    const auto& h = m_hits[static_cast<std::size_t>(sel)];
    passages = {h.passage_id};
    what = "the passage in " + wx(h.document_name);
  } else if (auto coding = s.selected_coding()) {
    auto c = get_coding(p, *coding);
    passages = passages_of_coding(p, c.id);
    exclude = c.code_id;
    what = "the selected coding";
  } else if (auto code = s.selected_code()) {
    passages = passages_of_code(p, *code);
    exclude = *code;
    const auto* c = s.codes().find(*code);
    what = "the codings of " + (c ? wx(c->path) : wxString("the code"));
  } else {
    throw InputError("select a result, a coding or a code first: Find Similar lists passages "
                     "like it");
  }
  if (passages.empty()) {
    throw InputError("there is no passage to compare with: the code has no codings yet");
  }
  auto hits = s.search_index(&m_frame).similar(passages, exclude, 50);
  m_similar = true;
  auto n = hits.size();
  show(std::move(hits), wxString::Format("%zu passage%s like %s", n, n == 1 ? "" : "s", what));
}

void SearchPane::code_all_hits() {
  auto& s = m_frame.session();
  if (m_similar || m_hits.empty()) {
    throw InputError("search first: Code All Hits codes what the query in the box finds");
  }
  auto query = full_query();
  auto& index = s.search_index(&m_frame);
  AutocodeDialog dlg(&m_frame, s.project(), index, query, s.codes().list, s.selected_code());
  if (dlg.ShowModal() != wxID_OK || !dlg.code()) {
    return;
  }
  autocode(s.project(), index, query, *dlg.code(), dlg.unit(), false);
  s.note_code_used(*dlg.code());
}

} // namespace quire::gui
