#pragma once
// The open project and what the user has selected, shared by every pane.
// Panes listen to its signals; commands read its selection (the text part
// through a SelectionProvider, the frame: the session holds no view). It
// forwards the core's change notifications (Project::subscribe) to the
// views, on the UI thread, and keeps the project to the job while a long job
// runs: project() refuses the UI thread until it ends.
#include <array>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include "project_lock.h"
#include "quire/base/progress.h"
#include "quire/search/search_index.h"
#include "quire/store/project.h"
#include "selection_provider.h"
#include "signal.h"
#include "suggestion_marks.h"

class wxTimer;
class wxWindow;
class wxString;

namespace quire::gui {

/// The codebook as the views need it: every code, and lookup by id.
struct CodeIndex {
  std::vector<Code> list; ///< depth-first, display order
  std::unordered_map<Id, std::size_t> by_id;
  std::set<Id> question; ///< the surveys' question codes (core's question_codes)
  /// The code with this id, or nullptr.
  const Code* find(Id id) const {
    auto it = by_id.find(id);
    return it == by_id.end() ? nullptr : &list[it->second];
  }
};

class Session {
public:
  Session();
  ~Session();
  Session(const Session&) = delete;

  bool is_open() const { return m_project != nullptr; }
  /// The open project. Throws InputError when none is open, and on the UI
  /// thread while a job runs (the job's worker has it; nothing may race it).
  Project& project();
  const std::filesystem::path& path() const { return m_path; }
  /// Opens (or creates) a project, closing the current one. lock is the
  /// caller's ProjectLock for path (held or not, the caller decided).
  /// Throws StorageError from core.
  void open(const std::filesystem::path& path, bool create, ProjectLock lock);
  void close();

  /// Every code, read once and kept until a change touches the codebook.
  const CodeIndex& codes();

  /// The coder new codings carry in this window ("" = core's default).
  void set_coder(const std::string& name);
  /// Whether the views show this coder's codings (the project's shown
  /// coders, core/include/quire/model/coders.h; read once and kept until a setting changes).
  bool coder_shown(const std::string& coder);
  /// The coders the project's setting names (empty: everyone's shown), in
  /// its order; read once and kept until a setting changes.
  const std::vector<std::string>& shown_coders();
  /// Every coder of the project, by name (core's list_coders); read once and
  /// kept until the coders change. Empty while a job runs.
  const std::vector<std::string>& coders();
  /// Whether the views colour the surveys' question codes (View > Show
  /// Question Codes; off: they are the grid's structure, not codings to see).
  bool show_question_codes() const { return m_show_question_codes; }
  /// Sets it (remembered) and redraws the views.
  void set_show_question_codes(bool on);
  /// Whether the views draw this code's codings (not a hidden question code).
  bool code_shown(Id code);

  // What the user has selected.
  std::optional<Id> selected_code() const { return m_code; }
  void select_code(std::optional<Id> id);
  std::optional<Id> selected_coding() const { return m_coding; }
  void select_coding(std::optional<Id> id);
  std::optional<Id> current_document() const { return m_document; }
  /// Asks the document view to show a document (and select a range in it).
  void show_document(Id id, std::optional<std::pair<std::int64_t, std::int64_t>> range = {});
  /// Asks the survey view to show a survey (folder), optionally one question.
  void show_survey(const std::string& folder, std::optional<Id> question = {});

  /// Where the text selection comes from (the frame; nullptr: nowhere).
  void set_selection_provider(const SelectionProvider* provider) { m_selection = provider; }
  /// The text selection of the coding view in use (the last one focused or
  /// shown: the document view or the survey's answer).
  TextSelection text_selection() const;
  /// The codings an action on the selection applies to: the selected coding
  /// when the view in use shows it, else those overlapping the selection.
  std::vector<PointedCoding> codings_at_selection() const;

  /// The codes on keys 1-9: a code keeps its key once used; a new one takes
  /// a free key or the least recently used one.
  const std::array<std::optional<Id>, 9>& recent_codes() const { return m_recent; }
  void note_code_used(Id code);

  /// Runs work off the UI thread with a progress dialog (see job.h); the
  /// views hear about its changes when it is done. Rethrows its exception.
  void run_job(wxWindow* parent, const wxString& title, const std::function<void(Progress&)>& work);
  /// True while a job runs: views and commands must not touch the project
  /// (project() refuses them, the command registry disables every command).
  bool busy() const { return m_busy; }

  /// The search index, opened on first use (built as a job with progress
  /// when missing or stale; throws Cancelled when the user stops that). It
  /// follows every action until the project closes.
  SearchIndex& search_index(wxWindow* parent);
  bool has_search_index() const { return m_index != nullptr; }

  /// Disconnects every view from the signals (before the views are destroyed).
  void disconnect_views();

  /// Tells the views what other programs (the `quire` command, another
  /// window) committed to the project since the last look; returns whether
  /// there was anything. A timer calls it about every poll_interval_ms while
  /// a project is open, except while a job runs or a dialog is up.
  bool poll_external_changes();
  static constexpr int poll_interval_ms = 1000;

  /// The open suggestions the Suggestions pane lists, marked in the views.
  SuggestionMarks& suggestion_marks() { return m_suggestion_marks; }

  Signal<> opened; ///< a project was opened
  Signal<> closed; ///< the project was closed
  /// An action, undo or redo committed, here or (external) by another program.
  Signal<const ChangeSet&> changed;
  Signal<std::optional<Id>> code_selected;
  Signal<std::optional<Id>> coding_selected;
  Signal<Id, std::optional<std::pair<std::int64_t, std::int64_t>>> document_requested;
  Signal<std::string, std::optional<Id>> survey_requested;
  Signal<> recent_changed;
  /// A problem keeping the search index up to date (the project's data is
  /// safe; the index is repaired later), told once.
  Signal<const std::string&> index_problem;

private:
  void on_core_change(const ChangeSet& c);
  void tell(const ChangeSet& c);
  void flush_pending();
  void tell_index_problem();

  std::unique_ptr<Project> m_project;
  std::unique_ptr<SearchIndex> m_index; ///< goes before the project it listens to
  std::filesystem::path m_path;
  ProjectLock m_lock;
  int m_token = 0;
  std::optional<Id> m_code, m_coding, m_document;
  const SelectionProvider* m_selection = nullptr;
  std::array<std::optional<Id>, 9> m_recent;
  std::array<std::uint64_t, 9> m_recent_used{};
  std::uint64_t m_use_clock = 0;
  CodeIndex m_codes;
  bool m_codes_dirty = true;
  std::optional<std::vector<std::string>> m_shown_coders; ///< empty: everyone's
  std::optional<std::vector<std::string>> m_coders;       ///< every coder, by name
  bool m_show_question_codes = false;
  SuggestionMarks m_suggestion_marks;
  bool m_busy = false;
  std::string m_job;                ///< the running job's title
  std::thread::id m_ui_thread;      ///< the thread that made the session
  std::unique_ptr<wxTimer> m_poll;  ///< looks for other programs' changes
  std::vector<ChangeSet> m_pending; ///< changes made by a job, told when it ends
};

} // namespace quire::gui
