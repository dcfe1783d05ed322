#include "segments_pane.h"

#include <wx/checkbox.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "main_frame.h"
#include "quire/model/coders.h"
#include "wx_text.h"

namespace quire::gui {

namespace {

/// One line: "…before [text] after…", white space folded.
wxString context_line(const CodedSegment& s) {
  auto fold = [](std::string t) {
    for (auto& ch : t) {
      if (ch == '\n' || ch == '\t') {
        ch = ' ';
      }
    }
    return t;
  };
  return wx("…" + fold(s.before) + "«" + fold(s.text) + "»" + fold(s.after) + "…");
}

} // namespace

SegmentList::SegmentList(wxWindow* parent, const std::vector<CodedSegment>& rows)
    : wxListCtrl(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                 wxLC_REPORT | wxLC_VIRTUAL | wxLC_SINGLE_SEL | wxBORDER_NONE),
      m_rows(rows) {
  AppendColumn("Document", wxLIST_FORMAT_LEFT, 115);
  AppendColumn("Coded text, in context", wxLIST_FORMAT_LEFT, 430);
  AppendColumn("Case", wxLIST_FORMAT_LEFT, 70);
  AppendColumn("Speaker / question", wxLIST_FORMAT_LEFT, 110);
  AppendColumn("Code", wxLIST_FORMAT_LEFT, 150);
  AppendColumn("Coder", wxLIST_FORMAT_LEFT, 70);
}

wxString SegmentList::OnGetItemText(long item, long column) const {
  if (item < 0 || static_cast<std::size_t>(item) >= m_rows.size()) {
    return {};
  }
  const auto& s = m_rows[static_cast<std::size_t>(item)];
  switch (column) {
  case 0: return wx(s.document_name);
  case 1: return context_line(s);
  case 2: return wx(s.case_name);
  case 3: return wx(s.speaker.empty() ? s.question : s.speaker);
  case 4: return wx(s.code_path);
  case 5: return wx(s.coding.coder);
  default: return {};
  }
}

SegmentsPane::SegmentsPane(wxWindow* parent, MainFrame& frame)
    : wxPanel(parent), m_frame(frame), m_reload(this, [this] { reload(); }) {
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  auto* head = new wxBoxSizer(wxHORIZONTAL);
  m_title = new wxStaticText(this, wxID_ANY, "Select a code to see its coded segments");
  m_subcodes = new wxCheckBox(this, wxID_ANY, "Include subcodes");
  m_subcodes->SetValue(true);
  head->Add(m_title, 1, wxALIGN_CENTER_VERTICAL);
  head->Add(m_subcodes, 0, wxALIGN_CENTER_VERTICAL);
  sizer->Add(head, 0, wxEXPAND | wxALL, 4);
  m_list = new SegmentList(this, m_rows);
  sizer->Add(m_list, 1, wxEXPAND);
  SetSizer(sizer);

  m_subcodes->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) { reload(); });
  m_list->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent& e) { open_row(e.GetIndex()); });
  auto& s = frame.session();
  s.code_selected.connect([this](std::optional<Id>) { reload(); });
  s.changed.connect([this](const ChangeSet& c) {
    if (c.everything || c.tables.count("coding") || c.tables.count("code") ||
        c.tables.count("document") || c.tables.count("passage") || c.tables.count("case_") ||
        c.tables.count("coder") || c.tables.count("memo") || c.tables.count("setting")) {
      m_reload.request();
    }
  });
  s.closed.connect([this] {
    m_rows.clear();
    m_list->SetItemCount(0);
    m_title->SetLabel("Select a code to see its coded segments");
  });
}

bool SegmentsPane::with_subcodes() const {
  return m_subcodes->GetValue();
}

void SegmentsPane::set_with_subcodes(bool on) {
  m_subcodes->SetValue(on);
  reload();
}

void SegmentsPane::reload() {
  auto& s = m_frame.session();
  m_rows.clear();
  auto code = s.selected_code();
  const auto* c = code ? s.codes().find(*code) : nullptr;
  if (c) {
    CodingFilter f;
    f.code_id = c->id;
    f.with_subcodes = with_subcodes();
    f.context_chars = 30;
    f.coders = shown_coders(s.project());
    m_rows = list_codings(s.project(), f);
    m_title->SetLabel(wxString::Format("%zu segment%s coded %s", m_rows.size(),
                                       m_rows.size() == 1 ? "" : "s", wx(c->path)));
  } else {
    m_title->SetLabel("Select a code to see its coded segments");
  }
  m_list->SetItemCount(static_cast<long>(m_rows.size()));
  m_list->Refresh();
}

void SegmentsPane::open_row(long i) {
  if (i < 0 || static_cast<std::size_t>(i) >= m_rows.size()) {
    return;
  }
  const auto& c = m_rows[static_cast<std::size_t>(i)].coding;
  auto& s = m_frame.session();
  guarded(
      [&] {
        s.show_document(c.document_id, std::pair{c.start, c.end});
        s.select_coding(c.id);
      },
      [this](const wxString& m) { m_frame.show_error(m); });
}

} // namespace quire::gui
