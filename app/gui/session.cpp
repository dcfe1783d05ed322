#include "session.h"

#include <algorithm>

#include <wx/app.h>
#include <wx/config.h>
#include <wx/dialog.h>
#include <wx/string.h>
#include <wx/timer.h>

#include "job.h"
#include "quire/base/error.h"
#include "quire/model/codebook.h"
#include "quire/model/coders.h"
#include "quire/model/coding.h"
#include "quire/model/surveys.h"
#include "wx_text.h"

namespace quire::gui {

namespace {

/// Calls a function on each tick.
class PollTimer : public wxTimer {
public:
  explicit PollTimer(std::function<void()> tick) : m_tick(std::move(tick)) {}
  void Notify() override { m_tick(); }

private:
  std::function<void()> m_tick;
};

/// A modal dialog is up: a command is waiting for the user, perhaps holding
/// what a view showed when it began; the views must not change under it.
bool modal_dialog_up() {
  for (auto* w : wxTopLevelWindows) {
    if (auto* dlg = dynamic_cast<wxDialog*>(w); dlg && dlg->IsModal()) {
      return true;
    }
  }
  return false;
}

} // namespace

Session::Session() : m_ui_thread(std::this_thread::get_id()) {
  m_show_question_codes = wxConfigBase::Get()->ReadBool("/View/ShowQuestionCodes", false);
}

Session::~Session() {
  close();
}

Project& Session::project() {
  if (m_busy && std::this_thread::get_id() == m_ui_thread) {
    throw InputError("Quire is busy with \"" + m_job +
                     "\": wait until it is done (or cancel it), then try again");
  }
  if (!m_project) {
    throw InputError("no project is open: open one with File > Open or make one with File > New");
  }
  return *m_project;
}

void Session::open(const std::filesystem::path& path, bool create, ProjectLock lock) {
  if (m_busy) {
    throw InputError("Quire is busy with \"" + m_job +
                     "\": wait until it is done (or cancel it), then open another project");
  }
  auto p = std::make_unique<Project>(create ? Project::create(path) : Project::open(path));
  close();
  m_project = std::move(p);
  m_path = path;
  m_lock = std::move(lock);
  m_token = m_project->subscribe([this](const ChangeSet& c) { on_core_change(c); });
  m_codes_dirty = true;
  m_shown_coders.reset();
  m_coders.reset();
  opened.emit();
  // Other programs (the `quire` command, another window) may change the
  // project too: their changes reach the views within about a second.
  if (!m_poll) {
    m_poll = std::make_unique<PollTimer>([this] {
      if (!modal_dialog_up()) {
        poll_external_changes();
      }
    });
  }
  m_poll->Start(poll_interval_ms);
}

bool Session::poll_external_changes() {
  if (!m_project || m_busy) {
    return false;
  }
  try {
    return m_project->poll_changes();
  } catch (const Error&) {
    return false; // the file is busy or briefly unreadable: the next tick tries again
  }
}

void Session::close() {
  if (!m_project) {
    return;
  }
  if (m_poll) {
    m_poll->Stop();
  }
  m_index.reset();
  m_project->unsubscribe(m_token);
  m_code.reset();
  m_coding.reset();
  m_document.reset();
  m_recent = {};
  m_recent_used = {};
  m_codes = {};
  m_codes_dirty = true;
  m_shown_coders.reset();
  m_coders.reset();
  closed.emit();
  m_project.reset();
  m_lock = ProjectLock();
  m_path.clear();
}

const CodeIndex& Session::codes() {
  if (m_codes_dirty && m_project && !m_busy) {
    m_codes.list = list_codes(*m_project);
    m_codes.by_id.clear();
    for (std::size_t i = 0; i < m_codes.list.size(); ++i) {
      m_codes.by_id.emplace(m_codes.list[i].id, i);
    }
    m_codes.question = question_codes(*m_project);
    m_codes_dirty = false;
  }
  return m_codes;
}

SearchIndex& Session::search_index(wxWindow* parent) {
  if (!m_index) {
    auto& p = project();
    std::unique_ptr<SearchIndex> index;
    run_job(parent, "Search", [&](Progress& progress) { index = SearchIndex::open(p, progress); });
    m_index = std::move(index);
    tell_index_problem();
  }
  return *m_index;
}

void Session::tell_index_problem() {
  if (m_index) {
    if (auto problem = m_index->take_problem(); !problem.empty()) {
      index_problem.emit(problem);
    }
  }
}

void Session::disconnect_views() {
  opened.clear();
  closed.clear();
  changed.clear();
  code_selected.clear();
  coding_selected.clear();
  document_requested.clear();
  survey_requested.clear();
  recent_changed.clear();
  index_problem.clear();
  m_suggestion_marks.changed.clear();
  m_suggestion_marks.picked.clear();
  m_selection = nullptr;
}

void Session::set_coder(const std::string& name) {
  if (m_project) {
    m_project->set_session_coder(name);
  }
}

bool Session::coder_shown(const std::string& coder) {
  const auto& shown = shown_coders();
  return shown.empty() || std::find(shown.begin(), shown.end(), coder) != shown.end();
}

const std::vector<std::string>& Session::shown_coders() {
  static const std::vector<std::string> everyone;
  if (!m_project || m_busy) {
    return everyone;
  }
  if (!m_shown_coders) {
    m_shown_coders = quire::shown_coders(*m_project);
  }
  return *m_shown_coders;
}

const std::vector<std::string>& Session::coders() {
  static const std::vector<std::string> none;
  if (!m_project || m_busy) {
    return none;
  }
  if (!m_coders) {
    m_coders = list_coders(*m_project);
  }
  return *m_coders;
}

void Session::set_show_question_codes(bool on) {
  m_show_question_codes = on;
  wxConfigBase::Get()->Write("/View/ShowQuestionCodes", on);
  if (m_project && !m_busy) {
    ChangeSet c; // the views redraw their codings as for a change of the coders shown
    c.tables.insert("setting");
    changed.emit(c);
  }
}

bool Session::code_shown(Id code) {
  return m_show_question_codes || !codes().question.count(code);
}

void Session::select_code(std::optional<Id> id) {
  if (id == m_code) {
    return;
  }
  m_code = id;
  code_selected.emit(id);
}

void Session::select_coding(std::optional<Id> id) {
  m_coding = id;
  coding_selected.emit(id);
}

void Session::show_document(Id id, std::optional<std::pair<std::int64_t, std::int64_t>> range) {
  m_document = id;
  document_requested.emit(id, range);
}

void Session::show_survey(const std::string& folder, std::optional<Id> question) {
  survey_requested.emit(folder, question);
}

TextSelection Session::text_selection() const {
  return m_selection ? m_selection->text_selection() : TextSelection{};
}

std::vector<PointedCoding> Session::codings_at_selection() const {
  return m_selection ? m_selection->codings_at_selection(m_coding) : std::vector<PointedCoding>{};
}

void Session::note_code_used(Id code) {
  ++m_use_clock;
  std::size_t slot = m_recent.size();
  for (std::size_t i = 0; i < m_recent.size(); ++i) {
    if (m_recent[i] == code) {
      slot = i;
      break;
    }
  }
  if (slot == m_recent.size()) {
    slot = 0;
    for (std::size_t i = 0; i < m_recent.size(); ++i) {
      if (!m_recent[i]) {
        slot = i;
        break;
      }
      if (m_recent_used[i] < m_recent_used[slot]) {
        slot = i;
      }
    }
  }
  bool is_new = m_recent[slot] != code;
  m_recent[slot] = code;
  m_recent_used[slot] = m_use_clock;
  if (is_new) {
    recent_changed.emit();
  }
}

void Session::on_core_change(const ChangeSet& c) {
  if (m_busy) {
    m_pending.push_back(c); // from the worker: told on the UI thread when the job ends
    return;
  }
  tell(c);
}

void Session::tell(const ChangeSet& c) {
  if (c.everything || c.tables.count("setting")) {
    m_shown_coders.reset();
  }
  if (c.everything || c.tables.count("coder")) {
    m_coders.reset();
  }
  if (c.everything || c.tables.count("code")) {
    m_codes_dirty = true;
    const auto& index = codes();
    for (auto& slot : m_recent) {
      if (slot && !index.find(*slot)) {
        slot.reset();
      }
    }
  }
  changed.emit(c);
  tell_index_problem();
}

void Session::flush_pending() {
  auto pending = std::move(m_pending);
  m_pending.clear();
  for (const auto& c : pending) {
    tell(c);
  }
}

void Session::run_job(wxWindow* parent, const wxString& title,
                      const std::function<void(Progress&)>& work) {
  // Refreshes the views asked for before the job (Deferred) run now, while
  // the project is still theirs.
  if (wxTheApp) {
    wxTheApp->ProcessPendingEvents();
  }
  m_busy = true;
  m_job = utf8(title);
  try {
    run_with_progress(parent, title, work);
  } catch (...) {
    m_busy = false;
    flush_pending();
    throw;
  }
  m_busy = false;
  flush_pending();
}

} // namespace quire::gui
