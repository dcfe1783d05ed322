#include "window_state.h"

#include <functional>

#include <wx/config.h>
#include <wx/display.h>
#include <wx/notebook.h>
#include <wx/toplevel.h>

#include "analysis_pane.h"
#include "document_view.h"
#include "main_frame.h"
#include "quire/base/error.h"
#include "quire/model/documents.h"
#include "quire/model/surveys.h"
#include "survey_pane.h"
#include "wx_text.h"

namespace quire::gui {

namespace {

/// The settings group of a project: its absolute path, hashed (a path has
/// characters a settings key cannot hold).
wxString project_group(const std::filesystem::path& project) {
  auto path = std::filesystem::absolute(project).lexically_normal().string();
  return wxString::Format("/Projects/%016llx",
                          static_cast<unsigned long long>(std::hash<std::string>{}(path)));
}

} // namespace

void save_window_geometry(const wxTopLevelWindow& w) {
  auto* cfg = wxConfigBase::Get();
  cfg->Write("/Window/Maximized", w.IsMaximized());
  if (!w.IsMaximized() && !w.IsIconized()) {
    auto r = w.GetRect();
    cfg->Write("/Window/X", r.x);
    cfg->Write("/Window/Y", r.y);
    cfg->Write("/Window/Width", r.width);
    cfg->Write("/Window/Height", r.height);
  }
  cfg->Flush();
}

bool restore_window_geometry(wxTopLevelWindow& w) {
  auto* cfg = wxConfigBase::Get();
  long x = 0, y = 0, width = 0, height = 0;
  if (!cfg->Read("/Window/X", &x) || !cfg->Read("/Window/Y", &y) ||
      !cfg->Read("/Window/Width", &width) || !cfg->Read("/Window/Height", &height) || width < 400 ||
      height < 300) {
    return false;
  }
  wxRect r(static_cast<int>(x), static_cast<int>(y), static_cast<int>(width),
           static_cast<int>(height));
  // A screen taken away since (a laptop off its monitor): keep the size,
  // let the window go where the system puts it.
  if (wxDisplay::GetFromPoint(wxPoint(r.x + r.width / 2, r.y + 20)) == wxNOT_FOUND) {
    w.SetSize(r.GetSize());
  } else {
    w.SetSize(r);
  }
  if (cfg->ReadBool("/Window/Maximized", false)) {
    w.Maximize();
  }
  return true;
}

void save_last_project(const std::filesystem::path& project) {
  auto* cfg = wxConfigBase::Get();
  cfg->Write("/Session/LastProject",
             project.empty() ? wxString() : wx(std::filesystem::absolute(project).string()));
  cfg->Flush();
}

std::optional<std::filesystem::path> last_project() {
  wxString saved;
  if (!wxConfigBase::Get()->Read("/Session/LastProject", &saved) || saved.empty()) {
    return std::nullopt;
  }
  std::filesystem::path path(utf8(saved));
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    return std::nullopt;
  }
  return path;
}

void save_project_view(MainFrame& f) {
  auto& s = f.session();
  if (!s.is_open()) {
    return;
  }
  auto* cfg = wxConfigBase::Get();
  auto group = project_group(s.path());
  cfg->Write(group + "/Path", wx(s.path().string()));
  cfg->Write(group + "/Document", static_cast<long>(f.document_view().document()));
  cfg->Write(group + "/Survey", wx(f.survey().model().folder()));
  cfg->Write(group + "/Page", f.pages().GetSelection());
  // Which table the Analysis page showed (its settings are the project's own).
  cfg->Write(group + "/Analysis", static_cast<long>(f.analysis().kind()));
  cfg->Flush();
}

bool restore_project_view(MainFrame& f) {
  auto& s = f.session();
  if (!s.is_open() || s.busy()) {
    return false;
  }
  auto* cfg = wxConfigBase::Get();
  auto group = project_group(s.path());
  long page = -1;
  if (!cfg->Read(group + "/Page", &page)) {
    return false;
  }
  bool shown = false;
  auto& p = s.project();
  long doc = cfg->ReadLong(group + "/Document", 0);
  if (doc > 0) {
    try {
      get_document(p, doc);
      s.show_document(doc);
      shown = true;
    } catch (const NotFoundError&) {
      // deleted since (by the command line, say): nothing to show
    }
  }
  wxString survey = cfg->Read(group + "/Survey", wxString());
  if (page == 1 && !survey.empty()) {
    try {
      find_survey(p, utf8(survey));
      s.show_survey(utf8(survey));
      shown = true;
    } catch (const NotFoundError&) {
    }
  }
  if (page == 2) {
    long kind = cfg->ReadLong(group + "/Analysis", 0);
    if (kind >= 0 && kind <= static_cast<long>(AnalysisKind::Frequencies)) {
      f.analysis().set_kind(static_cast<AnalysisKind>(kind));
    }
    f.show_analysis();
    shown = true;
  }
  return shown;
}

} // namespace quire::gui
