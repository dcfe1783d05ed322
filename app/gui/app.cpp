#include "app.h"

#include <algorithm>
#include <cctype>
#include <clocale>
#include <filesystem>
#include <iostream>
#include <map>

#include <wx/cmdline.h>
#include <wx/config.h>
#include <wx/filedlg.h>
#include <wx/image.h>
#include <wx/memconf.h>
#include <wx/msgdlg.h>
#include <wx/textctrl.h>
#include <wx/timer.h>

#include "analysis_pane.h"
#include "fonts.h"
#include "layout_dump.h"
#include "main_frame.h"
#include "pages.h"
#include "query_page.h"
#include "quire/base/error.h"
#include "quire/base/platform.h"
#include "quire/model/codebook.h"
#include "quire/model/coding.h"
#include "quire/model/documents.h"
#include "quire/model/surveys.h"
#include "screenshot.h"
#include "search_pane.h"
#include "start_pages.h"
#include "startup_report.h"
#include "suggestions_pane.h"
#include "window_state.h"
#include "words_page.h"
#include "wx_text.h"

namespace quire::gui {

namespace {

/// --show's help names the pages of start_pages.h.
const std::string& show_help() {
  static const std::string help = "open on this page: " + start_page_names();
  return help;
}

} // namespace

const std::vector<CommandLineOption>& command_line_options() {
  static const std::vector<CommandLineOption> options = {
      {"screenshot", "FILE", "write a PNG of the window to FILE and exit (needs PROJECT)"},
      {"size", "WxH", "window size for --screenshot, WIDTHxHEIGHT (default 1280x800)"},
      {"select-code", "PATH", "select this code (its path) in the codebook"},
      {"open-doc", "NAME", "show this document"},
      {"open-survey", "NAME", "show this survey (its name) in the survey grid"},
      {"search", "QUERY", "show the Search pane with this query run"},
      {"analysis", "KIND", "show the Analysis page: theme, matrix, cooccurrence or frequencies"},
      {"show", "PAGE", show_help().c_str()},
      {"query", "QUERY", "show the Coding Query page with this query of codes run"},
  };
  return options;
}

std::string help_text() {
  std::string out = "quire-gui: the Quire desktop app for qualitative data analysis.\n"
                    "Opens PROJECT (a NAME.quire file) to code interviews and survey answers,\n"
                    "search what people said and export theme tables; without PROJECT it\n"
                    "opens the project open when it last closed, else its start page (New,\n"
                    "Open, Open Recent, the demo project). A REFI-QDA\n"
                    "project or codebook (.qdpx, .qdc) as PROJECT asks which project to\n"
                    "import it into.\n"
                    "\n"
                    "Usage: quire-gui [OPTIONS] [PROJECT]\n"
                    "\n"
                    "Options:\n";
  auto line = [&out](std::string left, const std::string& help) {
    left = "  " + left;
    left.resize(std::max<std::size_t>(left.size() + 2, 28), ' ');
    out += left + help + "\n";
  };
  line("-h, --help", "show this help and exit");
  line("--version", "show the version and exit");
  for (const auto& o : command_line_options()) {
    line(std::string("--") + o.name + "=" + o.value, o.help);
  }
  out += "\nThe command line, quire(1), works on the same project files.\n";
  return out;
}

namespace {

/// A REFI-QDA project or codebook (the desktop offers them to Quire).
bool is_exchange_file(const std::filesystem::path& file) {
  auto ext = file.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  return ext == ".qdpx" || ext == ".qde" || ext == ".qdc";
}

/// quire-gui FILE.qdpx (a double-click on one): asks which project to import
/// it into (a new one next to it by default) and imports it there.
void import_into_a_project(MainFrame& frame, const std::filesystem::path& file) {
  auto suggested = file.stem().string() + ".quire";
  wxFileDialog dlg(&frame, "Import " + wx(file.filename().string()) + " into a project",
                   wx(file.parent_path().string()), wx(suggested),
                   "Quire projects (*.quire)|*.quire|All files|*", wxFD_SAVE);
  if (dlg.ShowModal() != wxID_OK) {
    return;
  }
  std::filesystem::path project(utf8(dlg.GetPath()));
  if (project.extension() != ".quire") {
    project += ".quire";
  }
  if (frame.open_project(project, !std::filesystem::exists(project))) {
    frame.import_files({file});
  }
}

} // namespace

void App::OnInitCmdLine(wxCmdLineParser& parser) {
  wxApp::OnInitCmdLine(parser);
  for (const auto& o : command_line_options()) {
    parser.AddOption("", o.name, o.help);
  }
  parser.AddParam("project", wxCMD_LINE_VAL_STRING, wxCMD_LINE_PARAM_OPTIONAL);
}

bool App::OnCmdLineParsed(wxCmdLineParser& parser) {
  wxString v;
  if (parser.Found("screenshot", &v)) {
    m_opts.screenshot = utf8(v);
  }
  if (parser.Found("size", &v)) {
    long w = 0, h = 0;
    wxString hs;
    if (!v.BeforeFirst('x', &hs).ToLong(&w) || !hs.ToLong(&h) || w < 200 || h < 150) {
      std::cerr << "quire-gui: --size wants WIDTHxHEIGHT, e.g. 1280x800\n";
      return false;
    }
    m_opts.width = static_cast<int>(w);
    m_opts.height = static_cast<int>(h);
  }
  if (parser.Found("select-code", &v)) {
    m_opts.select_code = utf8(v);
  }
  if (parser.Found("open-doc", &v)) {
    m_opts.open_doc = utf8(v);
  }
  if (parser.Found("open-survey", &v)) {
    m_opts.open_survey = utf8(v);
  }
  if (parser.Found("search", &v)) {
    m_opts.search = utf8(v);
  }
  if (parser.Found("analysis", &v)) {
    m_opts.analysis = utf8(v);
  }
  if (parser.Found("show", &v)) {
    m_opts.show = utf8(v);
  }
  if (parser.Found("query", &v)) {
    m_opts.query = utf8(v);
  }
  if (parser.GetParamCount() > 0) {
    m_opts.project = utf8(parser.GetParam(0));
  }
  if (!m_opts.screenshot.empty() && m_opts.project.empty()) {
    std::cerr << "quire-gui: --screenshot needs a PROJECT\n";
    return false;
  }
  return wxApp::OnCmdLineParsed(parser);
}

void apply_start_options(MainFrame& frame, const StartOptions& opts) {
  auto& s = frame.session();
  auto& p = s.project();
  if (!opts.select_code.empty()) {
    s.select_code(find_code(p, opts.select_code).id);
  }
  if (!opts.open_survey.empty()) {
    find_survey(p, opts.open_survey); // throws NotFoundError naming it
  }
  if (!opts.open_doc.empty()) {
    s.show_document(find_document(p, opts.open_doc).id);
  } else if (opts.open_survey.empty() && opts.analysis.empty() && restore_project_view(frame)) {
    // what was showing when the project was last closed here
  } else {
    auto counts = coding_counts_by_document(p);
    std::optional<Id> best;
    std::int64_t most = -1;
    for (const auto& d : list_documents(p)) {
      auto n = counts.count(d.id) ? counts[d.id] : 0;
      if (n > most && document_kind(d) != DocumentKind::Survey) {
        most = n;
        best = d.id;
      }
    }
    if (best) {
      s.show_document(*best);
    }
  }
  if (!opts.open_survey.empty()) {
    s.show_survey(opts.open_survey);
  }
  if (!opts.search.empty()) {
    frame.aui().GetPane("search").Show(true);
    frame.aui().Update();
    frame.search().search(wx(opts.search));
  }
  if (!opts.analysis.empty()) {
    static const std::map<std::string, AnalysisKind> kinds = {
        {"theme", AnalysisKind::ThemeTable},
        {"matrix", AnalysisKind::Matrix},
        {"cooccurrence", AnalysisKind::Cooccurrence},
        {"frequencies", AnalysisKind::Frequencies}};
    auto it = kinds.find(opts.analysis);
    if (it == kinds.end()) {
      throw InputError("--analysis takes theme, matrix, cooccurrence or frequencies, not '" +
                       opts.analysis + "'");
    }
    frame.analysis().set_kind(it->second); // computed once, as the page shows
    frame.show_analysis();
    if (s.selected_code()) {
      frame.analysis().select_code_row(*s.selected_code());
    }
  }
  if (!opts.show.empty()) {
    show_start_page(frame, opts.show); // start_pages.h
    if (opts.show == "words") {
      words_page(frame).refresh_if_stale(); // counted now, not after a --screenshot
    }
  }
  if (!opts.query.empty()) {
    show_page(frame, "query");
    query_page(frame).query().ChangeValue(wx(opts.query));
    query_page(frame).run_or_throw();
  }
}

bool App::OnInit() {
  // Narrow strings are UTF-8 everywhere in Quire; a plain "C" locale would
  // make wx read them as ASCII.
  platform::use_utf8_text();
  if (!wxApp::OnInit()) {
    return false;
  }
  SetAppName("quire");
  SetVendorName("Quire");
  wxInitAllImageHandlers();
  disable_ligatures();
  bool shot = !m_opts.screenshot.empty();
  if (shot) {
    // A screenshot shows the default layout, whatever this user arranged.
    delete wxConfigBase::Set(new wxMemoryConfig);
  }
  m_frame = new MainFrame(wxSize(m_opts.width, m_opts.height));
  if (!shot) {
    restore_window_geometry(*m_frame);
  }
  m_frame->Show();
  start_layout_dump(m_frame);
  if (!shot && !m_opts.project.empty() && is_exchange_file(m_opts.project)) {
    import_into_a_project(*m_frame, std::filesystem::path(m_opts.project));
  } else if (!shot && m_opts.project.empty()) {
    // Without a project named: the one open when Quire last closed (else the start page).
    if (auto last = last_project()) {
      m_frame->open_project(*last);
    }
  } else if (!m_opts.project.empty()) {
    if (m_frame->open_project(std::filesystem::path(m_opts.project), false, !shot)) {
      guarded([&] { apply_start_options(*m_frame, m_opts); },
              [&](const wxString& m) {
                if (shot) {
                  std::cerr << "quire-gui: " << utf8(m) << '\n';
                  m_exit_code = 1;
                } else {
                  m_frame->show_error(m);
                }
              });
    } else if (shot) {
      m_exit_code = 1;
    }
  }
  report_when_shown(m_frame);
  if (shot) {
    if (m_exit_code != 0) {
      return false;
    }
    // Let the window map, lay out and paint before taking the picture.
    auto* timer = new wxTimer();
    timer->Bind(wxEVT_TIMER, [this, timer](wxTimerEvent&) {
      take_screenshot();
      delete timer;
    });
    timer->StartOnce(800);
  }
  return true;
}

void App::take_screenshot() {
  try {
    write_screenshot(m_frame, std::filesystem::path(m_opts.screenshot));
    std::cout << "Wrote " << m_opts.screenshot << " (" << m_frame->GetSize().x << "x"
              << m_frame->GetSize().y << ")\n";
  } catch (const std::exception& e) {
    std::cerr << "quire-gui: " << e.what() << '\n';
    m_exit_code = 1;
  }
  m_frame->Destroy();
  ExitMainLoop();
}

int App::OnRun() {
  int rc = wxApp::OnRun();
  return m_exit_code != 0 ? m_exit_code : rc;
}

bool App::OnExceptionInMainLoop() {
  // Commands catch quire errors themselves; this is the last resort.
  wxString what = "An unexpected error happened. Your work up to the last action is saved.";
  try {
    throw;
  } catch (const std::exception& e) {
    what += "\n\n" + wx(e.what());
  } catch (...) {
  }
  if (!m_opts.screenshot.empty()) {
    std::cerr << "quire-gui: " << utf8(what) << '\n';
    m_exit_code = 1;
    return false;
  }
  wxMessageBox(what, "Quire", wxOK | wxICON_ERROR);
  return true; // keep running: the project is consistent (each action is one transaction)
}

} // namespace quire::gui
