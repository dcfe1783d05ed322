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
#include "session.h"

class wxFileHistory;
class wxNotebook;

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
  SuggestionsPane& suggestions() { return *m_suggestions; }
  /// Brings the Analysis page to the front (computing its table if stale).
  void show_analysis();

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
  wxString m_default_layout;
  std::size_t m_documents = 0; ///< documents in the project (status bar)
  bool m_documents_dirty = true;
  Deferred m_retitle;
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
  CodedText* m_text_in_use = nullptr;
};

} // namespace quire::gui
