#include "sources_pane.h"

#include <algorithm>
#include <map>

#include <wx/dnd.h>
#include <wx/menu.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "document_drag.h"
#include "main_frame.h"
#include "quire/model/coding.h"
#include "quire/model/documents.h"
#include "quire/model/surveys.h"
#include "wx_text.h"

namespace quire::gui {

namespace {

/// What a tree item stands for.
struct SourceItem : wxTreeItemData {
  enum Kind { Document, Survey, Question } kind;
  Id id = 0;          ///< document or question
  std::string folder; ///< survey
  SourceItem(Kind k, Id i, std::string f) : kind(k), id(i), folder(std::move(f)) {}
};

/// The group a document kind is listed under.
std::string group_of(const Document& d) {
  switch (document_kind(d)) {
  case DocumentKind::Survey: return "Surveys";
  case DocumentKind::Transcript: return "Interviews";
  default: return "Documents";
  }
}

class FileDrop : public wxFileDropTarget {
public:
  explicit FileDrop(MainFrame& f) : m_frame(f) {}
  bool OnDropFiles(wxCoord, wxCoord, const wxArrayString& names) override {
    std::vector<std::filesystem::path> files;
    for (const auto& n : names) {
      files.emplace_back(utf8(n));
    }
    // Import after the drop's own event loop has ended.
    m_frame.CallAfter([this, files] { m_frame.import_files(files); });
    return true;
  }

private:
  MainFrame& m_frame;
};

wxString count_suffix(std::int64_t n, const char* what) {
  return n ? wxString::Format("  (%lld %s)", static_cast<long long>(n), what) : wxString();
}

wxString survey_label(const std::string& folder, std::int64_t respondents, std::int64_t codings) {
  return wx(folder) + wxString::Format("  (%lld respondents, %lld codings)",
                                       static_cast<long long>(respondents),
                                       static_cast<long long>(codings));
}

} // namespace

SourcesPane::SourcesPane(wxWindow* parent, MainFrame& frame)
    : wxPanel(parent), m_frame(frame), m_rebuild(this, [this] { rebuild(); }),
      m_recount(this, [this] { update_counts(); }) {
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  auto* hint = new wxStaticText(this, wxID_ANY, "Drop files here to import them");
  hint->SetForegroundColour(wxColour(110, 110, 120));
  hint->SetFont(hint->GetFont().Smaller());
  sizer->Add(hint, 0, wxLEFT | wxTOP | wxBOTTOM, 4);
  m_tree = new wxTreeCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                          wxTR_HAS_BUTTONS | wxTR_HIDE_ROOT | wxTR_LINES_AT_ROOT | wxTR_MULTIPLE |
                              wxBORDER_NONE);
  m_tree->SetName("quire-sources-tree");
  sizer->Add(m_tree, 1, wxEXPAND);
  SetSizer(sizer);
  SetDropTarget(new FileDrop(frame));
  m_tree->SetDropTarget(new FileDrop(frame));

  m_tree->Bind(wxEVT_TREE_ITEM_ACTIVATED, [this](wxTreeEvent& e) { activate(e.GetItem()); });
  m_tree->Bind(wxEVT_TREE_ITEM_MENU, [this](wxTreeEvent& e) {
    if (e.GetItem().IsOk() && !m_tree->IsSelected(e.GetItem())) {
      m_tree->UnselectAll();
      m_tree->SelectItem(e.GetItem());
    }
    std::unique_ptr<wxMenu> menu(m_frame.commands().make_menu(
        {"docs/open", "-", "docs/rename", "docs/delete", "-", "cases/from-documents",
         "cases/from-speakers", "-", "file/import"}));
    m_tree->PopupMenu(menu.get(), e.GetPoint());
  });
  // Documents dragged onto a case of the Cases page are linked to it.
  m_tree->Bind(wxEVT_TREE_BEGIN_DRAG, [this](wxTreeEvent& e) {
    auto docs = selected_documents();
    if (docs.empty()) {
      return;
    }
    std::unique_ptr<wxDataObject> data(make_documents_data(docs));
    wxDropSource source(*data, m_tree);
    source.DoDragDrop(wxDrag_AllowMove);
    e.Skip(false);
  });
  auto& s = frame.session();
  s.opened.connect([this] { rebuild(); });
  s.closed.connect([this] { m_tree->DeleteAllItems(); });
  s.changed.connect([this](const ChangeSet& c) {
    if (c.everything || c.tables.count("document") || c.tables.count("question")) {
      m_rebuild.request();
    } else if (c.tables.count("coding")) {
      m_recount.request();
    }
  });
}

void SourcesPane::rebuild() {
  auto& p = m_frame.session().project();
  auto selected = selected_documents();
  m_tree->Freeze();
  m_tree->DeleteAllItems();
  m_doc_items.clear();
  m_survey_items.clear();
  m_survey_sizes.clear();
  m_doc_names.clear();
  m_survey_doc_folder.clear();
  auto root = m_tree->AddRoot("Sources");
  auto counts = coding_counts_by_document(p);
  auto docs = list_documents(p);
  std::map<std::string, wxTreeItemId> groups;
  auto group = [&](const std::string& name) {
    auto it = groups.find(name);
    if (it != groups.end()) {
      return it->second;
    }
    auto item = m_tree->AppendItem(root, wx(name));
    m_tree->SetItemBold(item);
    return groups[name] = item;
  };
  for (const char* g : {"Interviews", "Documents", "Surveys"}) {
    for (const auto& d : docs) {
      if (group_of(d) == g) {
        group(g);
        break;
      }
    }
  }
  std::map<std::string, std::int64_t> survey_codings;
  std::map<std::string, wxTreeItemId> folders;
  for (const auto& d : docs) {
    auto g = group_of(d);
    auto it = counts.find(d.id);
    std::int64_t n = it == counts.end() ? 0 : it->second;
    if (g == "Surveys") {
      m_survey_doc_folder[d.id] = d.folder;
      survey_codings[d.folder] += n;
      continue;
    }
    auto parent = group(g);
    if (!d.folder.empty()) {
      auto key = g + '\x1f' + d.folder;
      if (!folders.count(key)) {
        folders[key] = m_tree->AppendItem(parent, wx(d.folder));
      }
      parent = folders[key];
    }
    auto item =
        m_tree->AppendItem(parent, wx(d.name) + count_suffix(n, n == 1 ? "coding" : "codings"), -1,
                           -1, new SourceItem(SourceItem::Document, d.id, {}));
    m_doc_items[d.id] = item;
    m_doc_names[d.id] = d.name;
    if (std::find(selected.begin(), selected.end(), d.id) != selected.end()) {
      m_tree->SelectItem(item);
    }
  }
  for (const auto& survey : list_surveys(p)) {
    const auto& folder = survey.name;
    auto item = m_tree->AppendItem(group("Surveys"),
                                   survey_label(folder, survey.respondents, survey_codings[folder]),
                                   -1, -1, new SourceItem(SourceItem::Survey, 0, folder));
    m_survey_items[folder] = item;
    m_survey_sizes[folder] = survey.respondents;
    for (const auto& q : survey_questions(p, folder)) {
      m_tree->AppendItem(item, wx(q.name), -1, -1,
                         new SourceItem(SourceItem::Question, q.id, folder));
    }
  }
  for (const auto& [name, item] : groups) {
    m_tree->Expand(item);
  }
  m_tree->Thaw();
}

void SourcesPane::update_counts() {
  // Codings changed, documents did not: new labels, same tree.
  auto counts = coding_counts_by_document(m_frame.session().project());
  for (const auto& [id, item] : m_doc_items) {
    auto it = counts.find(id);
    std::int64_t n = it == counts.end() ? 0 : it->second;
    auto label = wx(m_doc_names[id]) + count_suffix(n, n == 1 ? "coding" : "codings");
    if (m_tree->GetItemText(item) != label) {
      m_tree->SetItemText(item, label);
    }
  }
  if (!m_survey_items.empty()) {
    std::map<std::string, std::int64_t> per_survey;
    for (const auto& [id, n] : counts) {
      if (auto it = m_survey_doc_folder.find(id); it != m_survey_doc_folder.end()) {
        per_survey[it->second] += n;
      }
    }
    for (const auto& [folder, item] : m_survey_items) {
      m_tree->SetItemText(item, survey_label(folder, m_survey_sizes[folder], per_survey[folder]));
    }
  }
}

std::optional<Id> SourcesPane::selected_document() const {
  auto focused = m_tree->GetFocusedItem();
  if (focused.IsOk() && m_tree->IsSelected(focused)) {
    auto* data = dynamic_cast<SourceItem*>(m_tree->GetItemData(focused));
    if (data && data->kind == SourceItem::Document) {
      return data->id;
    }
  }
  auto docs = selected_documents();
  return docs.empty() ? std::nullopt : std::optional<Id>(docs.front());
}

std::vector<Id> SourcesPane::selected_documents() const {
  wxArrayTreeItemIds items;
  m_tree->GetSelections(items);
  std::vector<Id> out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    wxTreeItemId item = items[i];
    auto* data = item.IsOk() ? dynamic_cast<SourceItem*>(m_tree->GetItemData(item)) : nullptr;
    if (data && data->kind == SourceItem::Document) {
      out.push_back(data->id);
    }
  }
  return out;
}

wxTreeItemId SourcesPane::item_of_document(Id doc) const {
  std::vector<wxTreeItemId> stack{m_tree->GetRootItem()};
  while (!stack.empty()) {
    auto item = stack.back();
    stack.pop_back();
    if (!item.IsOk()) {
      continue;
    }
    auto* data = dynamic_cast<SourceItem*>(m_tree->GetItemData(item));
    if (data && data->kind == SourceItem::Document && data->id == doc) {
      return item;
    }
    wxTreeItemIdValue cookie;
    for (auto c = m_tree->GetFirstChild(item, cookie); c.IsOk();
         c = m_tree->GetNextChild(item, cookie)) {
      stack.push_back(c);
    }
  }
  return {};
}

void SourcesPane::activate(const wxTreeItemId& item) {
  auto* data = item.IsOk() ? dynamic_cast<SourceItem*>(m_tree->GetItemData(item)) : nullptr;
  if (!data) {
    return;
  }
  auto& s = m_frame.session();
  guarded(
      [&] {
        switch (data->kind) {
        case SourceItem::Document: s.show_document(data->id); break;
        case SourceItem::Survey: s.show_survey(data->folder); break;
        case SourceItem::Question: s.show_survey(data->folder, data->id); break;
        }
      },
      [this](const wxString& m) { m_frame.show_error(m); });
}

} // namespace quire::gui
