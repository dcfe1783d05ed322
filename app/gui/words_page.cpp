#include "words_page.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/dialog.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/splitter.h>
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
#include "word_cloud.h"
#include "wx_text.h"

namespace quire::gui {

namespace {

constexpr std::size_t words_shown = 200;

/// A language code of analysis_languages() as the choice shows it: "German (de)".
wxString language_name(const std::string& code) {
  static const std::pair<const char*, const char*> names[] = {
      {"en", "English"}, {"fr", "French"},  {"de", "German"},    {"es", "Spanish"},
      {"nl", "Dutch"},   {"it", "Italian"}, {"pt", "Portuguese"}};
  for (const auto& [c, name] : names) {
    if (code == c) {
      return wxString::Format("%s (%s)", name, wx(code));
    }
  }
  return wx(code);
}

} // namespace

WordsPage::WordsPage(wxWindow* parent, MainFrame& frame)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, "words-page"),
      m_frame(frame), m_refresh(this, [this] {
        if (IsShownOnScreen()) {
          refresh_if_stale();
        }
      }) {
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  auto* bar = new wxBoxSizer(wxHORIZONTAL);
  auto* bar2 = new wxBoxSizer(wxHORIZONTAL);
  auto* bar3 = new wxBoxSizer(wxHORIZONTAL);
  auto label = [this](wxBoxSizer* row, const char* text) {
    row->Add(new wxStaticText(this, wxID_ANY, text), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 4);
  };
  m_code = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxSize(220, -1));
  m_code->SetName("code");
  m_query = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxSize(300, -1),
                           wxTE_PROCESS_ENTER, wxDefaultValidator, "query");
  m_query->SetHint("e.g. \"Barriers/Time\" AND \"Barriers/Funding\"");
  m_query->SetToolTip("A coding query, as on the Coding Query page: the words of the text it "
                      "finds are counted");
  m_query->Enable(false);
  m_where = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxSize(220, -1),
                           wxTE_PROCESS_ENTER, wxDefaultValidator, "where");
  m_where->SetHint("e.g. Role = Teacher");
  m_where->SetToolTip("Only the passages of cases whose attributes meet these conditions");
  m_docs = new DocumentsFilter(this, frame.session());
  m_coder = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxSize(140, -1));
  m_coder->SetName("coder");
  m_coder->SetToolTip("Only this coder's codings count (for the words of a code or a query)");
  m_lang = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxDefaultSize);
  m_lang->SetName("language");
  m_lang->SetToolTip("The language whose stop words are left out and whose stems group forms");
  wxString limits[] = {"All", "10", "20", "30", "50", "100", "200", "500", "1000"};
  m_limit = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, 9, limits);
  m_limit->SetName("limit");
  m_limit->SetSelection(0);
  m_limit->SetToolTip("How many of the most frequent words to list");
  m_stop = new wxCheckBox(this, wxID_ANY, "Leave out stop words");
  m_stop->SetName("stop-words");
  m_stop->SetValue(true);
  m_stem = new wxCheckBox(this, wxID_ANY, "Group forms (teach, teaching)");
  m_stem->SetName("stem");
  m_stem->SetValue(true);
  label(bar, "Words of");
  bar->Add(m_code, 0, wxRIGHT, 6);
  bar->Add(m_query, 1, wxRIGHT, 10);
  bar->Add(command_button(this, frame.commands(), "analysis/words-refresh"), 0);
  label(bar2, "Cases where");
  bar2->Add(m_where, 1, wxRIGHT, 10);
  label(bar2, "In");
  bar2->Add(m_docs, 0, wxRIGHT, 10);
  label(bar2, "Coder");
  bar2->Add(m_coder, 0);
  label(bar3, "Language");
  bar3->Add(m_lang, 0, wxRIGHT, 10);
  label(bar3, "Most frequent");
  bar3->Add(m_limit, 0, wxRIGHT, 10);
  bar3->Add(m_stop, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 10);
  bar3->Add(m_stem, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 10);
  bar3->AddStretchSpacer();
  bar3->Add(command_button(this, frame.commands(), "analysis/stop-words"), 0);
  sizer->Add(bar, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 6);
  sizer->Add(bar2, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 6);
  sizer->Add(bar3, 0, wxEXPAND | wxALL, 6);
  m_status = new wxStaticText(this, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, 0, "status");
  m_stop_note = new wxStaticText(this, wxID_ANY, "");
  auto* notes = new wxBoxSizer(wxHORIZONTAL);
  notes->Add(m_status, 1, wxRIGHT, 10);
  notes->Add(m_stop_note, 0);
  sizer->Add(notes, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 6);

  auto* split = new wxSplitterWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                     wxSP_LIVE_UPDATE | wxSP_3DSASH);
  auto* upper = new wxPanel(split);
  auto* upper_sizer = new wxBoxSizer(wxHORIZONTAL);
  m_table = new wxListCtrl(upper, wxID_ANY, wxDefaultPosition, wxSize(330, -1),
                           wxLC_REPORT | wxLC_SINGLE_SEL, wxDefaultValidator, "table");
  m_table->AppendColumn("Word", wxLIST_FORMAT_LEFT, 110);
  m_table->AppendColumn("Count", wxLIST_FORMAT_RIGHT, 60);
  m_table->AppendColumn("Forms", wxLIST_FORMAT_LEFT, 150);
  m_cloud = new WordCloud(upper);
  upper_sizer->Add(m_table, 0, wxEXPAND | wxRIGHT, 4);
  upper_sizer->Add(m_cloud, 1, wxEXPAND);
  upper->SetSizer(upper_sizer);
  auto* lower = new wxPanel(split);
  auto* lower_sizer = new wxBoxSizer(wxVERTICAL);
  m_places_list = new wxListCtrl(lower, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                 wxLC_REPORT | wxLC_SINGLE_SEL, wxDefaultValidator, "places");
  m_places_list->AppendColumn("Document", wxLIST_FORMAT_LEFT, 130);
  m_places_list->AppendColumn("Case", wxLIST_FORMAT_LEFT, 90);
  m_places_list->AppendColumn("Before", wxLIST_FORMAT_RIGHT, 280);
  m_places_list->AppendColumn("Word", wxLIST_FORMAT_CENTER, 100);
  m_places_list->AppendColumn("After (double-click to read it)", wxLIST_FORMAT_LEFT, 300);
  auto* lower_bar = new wxBoxSizer(wxHORIZONTAL);
  lower_bar->AddStretchSpacer();
  lower_bar->Add(command_button(lower, frame.commands(), "analysis/words-code"), 0, wxTOP, 4);
  lower_sizer->Add(m_places_list, 1, wxEXPAND);
  lower_sizer->Add(lower_bar, 0, wxEXPAND);
  lower->SetSizer(lower_sizer);
  split->SplitHorizontally(upper, lower, 330);
  split->SetMinimumPaneSize(80);
  split->SetSashGravity(0.6);
  sizer->Add(split, 1, wxEXPAND);
  SetSizer(sizer);

  auto rerun = [this](wxCommandEvent&) { run(); };
  m_code->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
    bool by_query = m_code->GetSelection() == 1;
    m_query->Enable(by_query);
    if (by_query && m_query->GetValue().Strip(wxString::both).empty()) {
      m_query->SetFocus();
      tell(*m_status, "Type a coding query, then press Enter.", false);
      return;
    }
    run();
  });
  m_query->Bind(wxEVT_TEXT_ENTER, rerun);
  m_where->Bind(wxEVT_TEXT_ENTER, rerun);
  m_coder->Bind(wxEVT_CHOICE, rerun);
  m_lang->Bind(wxEVT_CHOICE, rerun);
  m_limit->Bind(wxEVT_CHOICE, rerun);
  m_docs->on_change = [this] { run(); };
  m_stop->Bind(wxEVT_CHECKBOX, rerun);
  m_stem->Bind(wxEVT_CHECKBOX, rerun);
  m_table->Bind(wxEVT_LIST_ITEM_SELECTED,
                [this](wxListEvent& e) { choose_word(static_cast<std::size_t>(e.GetIndex())); });
  m_cloud->on_click = [this](int i) {
    m_table->SetItemState(i, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                          wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
    m_table->EnsureVisible(i);
    choose_word(static_cast<std::size_t>(i));
  };
  m_places_list->Bind(wxEVT_LIST_ITEM_ACTIVATED,
                      [this](wxListEvent& e) { open_place(e.GetIndex()); });

  auto& s = frame.session();
  s.opened.connect([this] {
    m_choices_stale = true;
    m_stale = true;
    m_docs->reset();
    m_refresh.request();
  });
  s.changed.connect([this](const ChangeSet& c) {
    if (c.everything || c.tables.count("code") || c.tables.count("coder") ||
        c.tables.count("document") || c.tables.count("setting")) {
      m_choices_stale = true;
    }
    // Coding places changes no word count; text, cases and settings do.
    if (c.everything || c.tables.count("document") || c.tables.count("passage") ||
        c.tables.count("setting") || c.tables.count("case_value") || c.tables.count("coding")) {
      m_stale = true;
    }
    m_refresh.request();
  });
  s.closed.connect([this] {
    m_words.clear();
    m_places.clear();
    m_chosen.clear();
    m_table->DeleteAllItems();
    m_places_list->DeleteAllItems();
    m_cloud->set_words({});
    m_code->Clear();
    m_coder->Clear();
    m_lang->Clear();
    m_docs->reset();
  });
}

void WordsPage::fill_choices() {
  auto& s = m_frame.session();
  if (!take_stale(m_choices_stale, s)) {
    return;
  }
  auto chosen = m_code->GetSelection() >= 0 &&
                        static_cast<std::size_t>(m_code->GetSelection()) < m_code_ids.size()
                    ? m_code_ids[static_cast<std::size_t>(m_code->GetSelection())]
                    : 0;
  const bool by_query = m_code->GetSelection() == 1;
  m_code->Clear();
  m_code_ids.clear();
  m_code->Append("All the text");
  m_code_ids.push_back(0);
  m_code->Append("Text a coding query finds");
  m_code_ids.push_back(0);
  for (const auto& c : s.codes().list) {
    m_code->Append(wxString(' ', 3 * static_cast<std::size_t>(c.level)) + wx(c.name));
    m_code_ids.push_back(c.id);
  }
  m_code->SetSelection(by_query ? 1 : 0);
  for (std::size_t i = 2; i < m_code_ids.size(); ++i) {
    if (chosen != 0 && m_code_ids[i] == chosen) {
      m_code->SetSelection(static_cast<int>(i));
    }
  }
  auto& p = s.project();
  auto coder = m_coder->GetStringSelection();
  m_coder->Clear();
  m_coder->Append("Everyone");
  for (const auto& c : list_coders(p)) {
    m_coder->Append(wx(c));
  }
  if (!m_coder->SetStringSelection(coder)) {
    m_coder->SetSelection(0);
  }
  int lang = m_lang->GetSelection();
  m_lang->Clear();
  m_lang->Append("The project's: " + language_name(p.setting("language", "en")));
  m_languages = analysis_languages();
  for (const auto& l : m_languages) {
    m_lang->Append(language_name(l));
  }
  m_lang->SetSelection(lang > 0 && static_cast<unsigned>(lang) < m_lang->GetCount() ? lang : 0);
  m_docs->prune();
}

WordFrequencySpec WordsPage::spec() const {
  WordFrequencySpec s;
  int i = m_code->GetSelection();
  if (i == 1) {
    auto q = utf8(m_query->GetValue().Strip(wxString::both));
    if (q.empty()) {
      throw InputError(
          "type a coding query first, e.g. \"Barriers/Time\" AND \"Barriers/Funding\"");
    }
    s.query = q;
  } else if (i > 1 && static_cast<std::size_t>(i) < m_code_ids.size()) {
    s.code = m_code_ids[static_cast<std::size_t>(i)];
  }
  s.filter = filter_of(*m_where, m_coder);
  s.filter.documents = m_docs->chosen();
  int lang = m_lang->GetSelection();
  if (lang > 0 && static_cast<std::size_t>(lang) <= m_languages.size()) {
    s.language = m_languages[static_cast<std::size_t>(lang - 1)];
  }
  unsigned long limit = 0;
  if (m_limit->GetSelection() > 0) {
    m_limit->GetStringSelection().ToULong(&limit);
  }
  s.limit = limit;
  s.stop_words = m_stop->GetValue();
  s.group_by_stem = m_stem->GetValue();
  return s;
}

void WordsPage::refresh_if_stale() {
  fill_choices();
  if (m_stale && m_frame.session().is_open() && !m_frame.session().busy()) {
    run();
  }
}

void WordsPage::run_or_throw() {
  fill_choices();
  auto& p = m_frame.session().project();
  auto s = spec();
  auto words = word_frequencies(p, s);
  m_spec = s;
  m_words = std::move(words);
  m_stale = false;
  m_places.clear();
  m_chosen.clear();
  m_places_list->DeleteAllItems();
  std::int64_t total = 0;
  for (const auto& w : m_words) {
    total += w.count;
  }
  m_table->Freeze();
  m_table->DeleteAllItems();
  std::vector<WordCloud::Word> cloud;
  // A limit chosen lists that many; else the table and the cloud stop at words_shown.
  const std::size_t listed =
      m_spec.limit > 0 ? m_words.size() : std::min(m_words.size(), words_shown);
  for (std::size_t i = 0; i < listed; ++i) {
    const auto& w = m_words[i];
    std::string forms;
    for (const auto& f : w.forms) {
      forms += (forms.empty() ? "" : ", ") + f;
    }
    long row = m_table->InsertItem(static_cast<long>(i), wx(w.word));
    m_table->SetItem(row, 1, wxString::Format("%lld", static_cast<long long>(w.count)));
    m_table->SetItem(row, 2, wx(forms));
    if (i < words_shown) {
      cloud.push_back({wx(w.word), w.count});
    }
  }
  m_table->Thaw();
  m_cloud->set_words(std::move(cloud));
  if (m_spec.limit > 0) {
    tell(*m_status,
         wxString::Format("The %zu most frequent words, %lld times in all; click a word to see "
                          "where it is",
                          m_words.size(), static_cast<long long>(total)),
         false);
  } else {
    tell(*m_status,
         wxString::Format("%zu different words, %lld in all%s; click a word to see where it is",
                          m_words.size(), static_cast<long long>(total),
                          m_words.size() > words_shown
                              ? wxString::Format(" (the %zu most frequent shown)", words_shown)
                              : wxString()),
         false);
  }
  auto stops = stop_words(p, m_spec.language);
  m_stop_note->SetLabel(
      wxString::Format("%zu stop words (%s)", stops.size(),
                       has_own_stop_words(p) ? "this project's list" : "the language's list"));
  Layout();
}

bool WordsPage::run() {
  return run_telling(*m_status, [this] { run_or_throw(); });
}

void WordsPage::choose_word(std::size_t i) {
  if (i >= m_words.size()) {
    return;
  }
  auto& p = m_frame.session().project();
  m_chosen = m_words[i].word;
  m_places = word_places(p, m_spec, m_words[i].stem);
  list_hits(*m_places_list, p, m_places, 38);
  if (i < words_shown) {
    m_cloud->set_chosen(static_cast<int>(i));
  }
  tell(*m_status, wxString::Format("'%s': %zu places", wx(m_chosen), m_places.size()), false);
}

void WordsPage::code_places(const std::string& path) {
  if (m_places.empty()) {
    throw InputError("choose a word first: its places are what gets coded");
  }
  auto r = code_ranges(m_frame.session().project(), ranges_of(m_places), path,
                       "the word '" + m_chosen + "'");
  m_frame.SetStatusText(wxString::Format("Coded %lld place(s) of '%s' as %s",
                                         static_cast<long long>(r.ranges), wx(m_chosen), wx(path)),
                        0);
}

void WordsPage::ask_and_code_places() {
  if (m_places.empty()) {
    throw InputError("choose a word first: its places are what gets coded");
  }
  wxTextEntryDialog dlg(this,
                        wxString::Format("Code the %zu places of '%s' with the code (a new one "
                                         "is made when the codebook has none by this name):",
                                         m_places.size(), wx(m_chosen)),
                        "Code These Places", wx(m_chosen));
  if (dlg.ShowModal() != wxID_OK) {
    return;
  }
  code_places(utf8(dlg.GetValue().Strip(wxString::both)));
}

void WordsPage::edit_stop_words() {
  auto& p = m_frame.session().project();
  wxString text;
  for (const auto& w : stop_words(p)) {
    text += wx(w) + "\n";
  }
  wxDialog dlg(this, wxID_ANY, "Stop Words", wxDefaultPosition, wxSize(380, 520),
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER);
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  sizer->Add(new wxStaticText(&dlg, wxID_ANY,
                              "Words the word frequencies of this project leave out, one a "
                              "line.\nEmpty the list to go back to the language's."),
             0, wxALL, 8);
  auto* edit = new wxTextCtrl(&dlg, wxID_ANY, text, wxDefaultPosition, wxDefaultSize,
                              wxTE_MULTILINE, wxDefaultValidator, "stop-word-list");
  sizer->Add(edit, 1, wxEXPAND | wxLEFT | wxRIGHT, 8);
  sizer->Add(dlg.CreateSeparatedButtonSizer(wxOK | wxCANCEL), 0, wxEXPAND | wxALL, 8);
  dlg.SetSizer(sizer);
  if (dlg.ShowModal() != wxID_OK) {
    return;
  }
  std::vector<std::string> words;
  wxString all = edit->GetValue();
  for (auto& line : wxSplit(all, '\n', '\0')) {
    words.push_back(utf8(line));
  }
  if (edit->GetValue() == text) {
    return; // unchanged: the language's list stays the language's
  }
  set_stop_words(p, words);
  run();
}

void WordsPage::open_place(long i) {
  open_hit(m_frame.session(), m_places, i);
}

} // namespace quire::gui
