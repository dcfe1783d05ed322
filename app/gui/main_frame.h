#pragma once
// The main window: wxAUI panes around the document view, menus and toolbar
// built from named commands. Kept short: panes, dialogs and commands live in
// their own files.
#include <filesystem>
#include <memory>

#include <wx/aui/aui.h>
#include <wx/frame.h>

#include "command.h"
#include "deferred.h"
#include "import_notes.h"
#include "session.h"

class wxFileHistory;
class wxNotebook;
class wxSimplebook;

namespace quire::gui {

class CodedText;
class SourcesPane;
class CodebookPane;
class DocumentView;
class SegmentsPane;
class MemosPane;
class SurveyPane;
class SearchPane;
class AnalysisPane;
class StartPage;
class CasesPage;
class TeamSync;
class SuggestionsPane;

/// The frame is the session's SelectionProvider: it knows the coding view in
/// use (the document view or the survey's answer).
class MainFrame : public wxFrame, public SelectionProvider {
public:
  explicit MainFrame(const wxSize& size = wxSize(1280, 800));
  ~MainFrame() override;

  Session& session() { return m_session; }
  CommandRegistry& commands() { return m_commands; }
  wxAuiManager& aui() { return m_aui; }
  SourcesPane& sources() { return *m_sources; }
  CodebookPane& codebook() { return *m_codebook; }
  DocumentView& document_view() { return *m_document; }
  SegmentsPane& segments() { return *m_segments; }
  MemosPane& memos() { return *m_memos; }
  SurveyPane& survey() { return *m_survey; }
  SearchPane& search() { return *m_search; }
  AnalysisPane& analysis() { return *m_analysis; }
  /// The pages of the main area: Document, Survey, Analysis.
  wxNotebook& pages() { return *m_center; }
  /// What the main area shows without a project.
  StartPage& start_page() { return *m_start; }
  SuggestionsPane& suggestions() { return *m_suggestions; }
  /// Brings the Analysis page to the front (computing its table if stale).
  void show_analysis();
  CasesPage& cases() { return *m_cases; }
  /// A team project's sync (idle for a project of one's own).
  TeamSync& team_sync() { return *m_team; }
  /// Brings the Cases page to the front.
  void show_cases();
  /// Brings a page of the centre (the document view, a page) to the front.
  void show_page(wxWindow* page);

  /// Opens a project, telling the user if another Quire window has it open
  /// (interactive: asks whether to open it anyway; otherwise opens it and
  /// reports on stderr). Errors go to a dialog; returns false on failure.
  bool open_project(const std::filesystem::path& path, bool create = false,
                    bool interactive = true);
  /// Imports files (off the UI thread, with progress); returns how many were
  /// imported. Errors are shown per file.
  int import_files(const std::vector<std::filesystem::path>& files);
  /// Shows an error dialog with a core message.
  void show_error(const wxString& message);
  /// Puts the panes back where they start.
  void reset_layout();
  /// Updates the title and status bar after a change.
  void refresh_title();
  wxFileHistory& recent_files() { return *m_recent; }
  /// What the imports in this window noted (View > Import Notes).
  ImportNotes& import_notes() { return m_import_notes; }

  /// Makes a coding view the one in use (focused or just shown).
  void use_text(CodedText& text) { m_text_in_use = &text; }
  /// Forgets a coding view (when it goes away).
  void forget_text(const CodedText& text);
  /// The coding view in use, or nullptr.
  CodedText* text_in_use() const { return m_text_in_use; }
  TextSelection text_selection() const override;
  std::vector<PointedCoding> codings_at_selection(std::optional<Id> clicked) const override;

private:
  void build_panes();
  void build_menus();
  void on_close(wxCloseEvent& e);
  void save_layout();

  Session m_session;
  CommandRegistry m_commands;
  wxAuiManager m_aui;
  std::unique_ptr<wxFileHistory> m_recent;
  std::unique_ptr<TeamSync> m_team;
  wxString m_default_layout;
  std::size_t m_documents = 0; ///< documents in the project (status bar)
  bool m_documents_dirty = true;
  Deferred m_retitle;
  wxSimplebook* m_main = nullptr; ///< the start page, or the pages of a project
  StartPage* m_start = nullptr;
  wxNotebook* m_center = nullptr;
  SourcesPane* m_sources = nullptr;
  CodebookPane* m_codebook = nullptr;
  DocumentView* m_document = nullptr;
  SegmentsPane* m_segments = nullptr;
  MemosPane* m_memos = nullptr;
  SuggestionsPane* m_suggestions = nullptr;
  SurveyPane* m_survey = nullptr;
  SearchPane* m_search = nullptr;
  AnalysisPane* m_analysis = nullptr;
  CasesPage* m_cases = nullptr;
  CodedText* m_text_in_use = nullptr;
  ImportNotes m_import_notes;
};

} // namespace quire::gui
