#include "documents_filter.h"

#include <algorithm>

#include <wx/choicdlg.h>

#include "quire/model/documents.h"
#include "session.h"
#include "wx_text.h"

namespace quire::gui {

namespace {

/// What the checklist shows of a document: its name, and its folder (the
/// survey a respondent's answers came from) when it has one.
wxString item_of(const Document& d) {
  wxString s = wx(d.name);
  if (!d.folder.empty()) {
    s += L"  —  " + wx(d.folder);
  }
  return s;
}

} // namespace

DocumentsFilter::DocumentsFilter(wxWindow* parent, Session& s)
    : wxButton(parent, wxID_ANY, "All documents", wxDefaultPosition, wxDefaultSize, 0,
               wxDefaultValidator, "documents"),
      m_session(s) {
  SetToolTip("Only the documents chosen count; click to choose them");
  Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { ask(); });
}

void DocumentsFilter::set_chosen(std::vector<Id> ids) {
  if (!m_session.is_open() || m_session.busy()) {
    return;
  }
  auto all = list_documents(m_session.project());
  std::vector<Id> kept;
  for (const auto& d : all) {
    if (std::find(ids.begin(), ids.end(), d.id) != ids.end()) {
      kept.push_back(d.id);
    }
  }
  if (kept.size() == all.size()) {
    kept.clear(); // every one of them: every document, also those imported later
  }
  m_chosen = std::move(kept);
  show_label(all.size());
}

bool DocumentsFilter::ask() {
  if (!m_session.is_open() || m_session.busy()) {
    return false;
  }
  auto all = list_documents(m_session.project());
  wxArrayString items;
  wxArrayInt ticked;
  for (std::size_t i = 0; i < all.size(); ++i) {
    items.Add(item_of(all[i]));
    if (m_chosen.empty() ||
        std::find(m_chosen.begin(), m_chosen.end(), all[i].id) != m_chosen.end()) {
      ticked.Add(static_cast<int>(i));
    }
  }
  wxMultiChoiceDialog dlg(GetParent(),
                          "Tick the documents to count. Ticking all of them, or none, "
                          "counts every document.",
                          "Documents", items);
  dlg.SetSelections(ticked);
  if (dlg.ShowModal() != wxID_OK) {
    return false;
  }
  std::vector<Id> ids;
  for (int i : dlg.GetSelections()) {
    if (i >= 0 && static_cast<std::size_t>(i) < all.size()) {
      ids.push_back(all[static_cast<std::size_t>(i)].id);
    }
  }
  auto before = m_chosen;
  set_chosen(std::move(ids));
  if (m_chosen == before) {
    return false;
  }
  if (on_change) {
    on_change();
  }
  return true;
}

void DocumentsFilter::reset() {
  m_chosen.clear();
  SetLabel("All documents");
}

void DocumentsFilter::show_label(std::size_t documents) {
  if (m_chosen.empty()) {
    SetLabel("All documents");
  } else if (m_chosen.size() == 1) {
    SetLabel(wx(get_document(m_session.project(), m_chosen.front()).name));
  } else {
    SetLabel(wxString::Format("%zu of %zu documents", m_chosen.size(), documents));
  }
  if (auto* parent = GetParent()) {
    parent->Layout();
  }
}

} // namespace quire::gui
