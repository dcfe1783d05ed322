#pragma once
// Sources: the project's documents grouped by kind (interviews, documents,
// surveys with their questions), each with its number of codings. Drop files
// here to import them.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <wx/panel.h>
#include <wx/treectrl.h>

#include "deferred.h"
#include "quire/store/project.h"

namespace quire::gui {

class MainFrame;

class SourcesPane : public wxPanel {
public:
  SourcesPane(wxWindow* parent, MainFrame& frame);

  /// Re-reads the documents and counts.
  void rebuild();
  /// The document selected in the tree (the focused one of several), if one is.
  std::optional<Id> selected_document() const;
  /// Every document selected in the tree (Ctrl+click, Shift+click), in tree order.
  std::vector<Id> selected_documents() const;
  /// Opens what an item stands for (a document or a survey/question).
  void activate(const wxTreeItemId& item);
  wxTreeCtrl& tree() { return *m_tree; }
  /// The tree item of a document, if it is listed.
  wxTreeItemId item_of_document(Id doc) const;

private:
  void update_counts();
  MainFrame& m_frame;
  wxTreeCtrl* m_tree = nullptr;
  std::map<Id, wxTreeItemId> m_doc_items;
  std::map<std::string, wxTreeItemId> m_survey_items;
  std::map<std::string, std::int64_t> m_survey_sizes; ///< respondents per survey
  std::map<Id, std::string> m_doc_names;
  std::map<Id, std::string> m_survey_doc_folder; ///< survey respondents' documents
  Deferred m_rebuild, m_recount;
};

} // namespace quire::gui
