#include "main_frame.h"

#include <iostream>

#include <wx/config.h>
#include <wx/filehistory.h>
#include <wx/menu.h>
#include <wx/msgdlg.h>
#include <wx/notebook.h>
#include <wx/simplebook.h>
#include <wx/statusbr.h>
#include <wx/toolbar.h>

#include "analysis_pane.h"
#include "cases_page.h"
#include "codebook_pane.h"
#include "coded_text.h"
#include "commands.h"
#include "document_view.h"
#include "importer_runner.h"
#include "memos_pane.h"
#include "menus.h"
#include "pages.h"
#include "preferences_dialog.h"
#include "quire/base/error.h"
#include "quire/model/codebook.h"
#include "quire/model/documents.h"
#include "quire/team/team.h"
#include "search_pane.h"
#include "segments_pane.h"
#include "sources_pane.h"
#include "start_page.h"
#include "suggestions_pane.h"
#include "survey_pane.h"
#include "team_sync.h"
#include "window_state.h"
#include "wx_text.h"

namespace quire::gui {

MainFrame::MainFrame(const wxSize& size)
    : wxFrame(nullptr, wxID_ANY, "Quire", wxDefaultPosition, size),
      m_commands([this](const wxString& m) { show_error(m); }),
      m_recent(std::make_unique<wxFileHistory>()), m_retitle(this, [this] { refresh_title(); }) {
  m_aui.SetManagedWindow(this);
  m_session.set_selection_provider(this);
  // Before the panes connect (they clear themselves when the project closes):
  // what the window showed of the project is kept for its next opening.
  m_session.closed.connect([this] { save_project_view(*this); });
  m_recent->Load(*wxConfigBase::Get());
  add_all_commands(*this);
  build_panes();
  build_menus();
  m_commands.attach(this);
  m_commands.suspend_while([this] { return m_session.busy(); });
  CreateStatusBar(3);
  int widths[] = {-3, -2, -2}; // messages, the project's counts, a team project's sync
  GetStatusBar()->SetStatusWidths(3, widths);
  apply_preferences(*this, load_preferences());
  refresh_title();

  Bind(wxEVT_CLOSE_WINDOW, &MainFrame::on_close, this);
  Bind(
      wxEVT_MENU,
      [this](wxCommandEvent& e) {
        auto path = m_recent->GetHistoryFile(static_cast<std::size_t>(e.GetId() - wxID_FILE1));
        open_project(std::filesystem::path(utf8(path)));
      },
      wxID_FILE1, wxID_FILE9);
  m_session.changed.connect([this](const ChangeSet& c) {
    m_documents_dirty = m_documents_dirty || c.everything || c.tables.count("document") > 0;
    m_retitle.request();
  });
  m_session.opened.connect([this] { m_documents_dirty = true; });
  // A team project syncs while open; colleagues' changes arrive as another
  // program's, through the session's catch-up (team_sync.h).
  m_team = std::make_unique<TeamSync>(
      [this](const std::string& words) {
        if (GetStatusBar()) {
          SetStatusText(wx(words), 2);
        }
      },
      [this] {
        if (m_session.is_open()) {
          m_session.poll_external_changes();
        }
      });
  m_session.opened.connect([this] {
    if (is_team_project(m_session.project())) {
      m_team->start(m_session.path());
    }
  });
  m_session.closed.connect([this] { m_team->stop(); });
  m_session.index_problem.connect(
      [this](const std::string& problem) { SetStatusText(wx("Search: " + problem), 0); });
}

MainFrame::~MainFrame() {
  m_aui.UnInit();
  m_session.close();
  m_session.disconnect_views();
  DestroyChildren(); // panes hold references to the session: they go first
}

void MainFrame::build_panes() {
  m_sources = new SourcesPane(this, *this);
  m_codebook = new CodebookPane(this, *this);
  m_main = new wxSimplebook(this, wxID_ANY);
  m_start = new StartPage(m_main, *this);
  m_center = new wxNotebook(m_main, wxID_ANY);
  m_main->AddPage(m_start, "Start");
  m_main->AddPage(m_center, "Project");
  // The project's pages show first, so they are laid out with the window;
  // the start page takes their place once it is clear no project opens.
  m_main->ChangeSelection(1);
  CallAfter([this] {
    if (!m_session.is_open()) {
      m_main->ChangeSelection(0);
    }
  });
  m_document = new DocumentView(m_center, *this);
  m_survey = new SurveyPane(m_center, *this);
  m_center->AddPage(m_document, "Document");
  m_analysis = new AnalysisPane(m_center, *this);
  m_center->AddPage(m_survey, "Survey");
  m_center->AddPage(m_analysis, "Analysis");
  m_cases = new CasesPage(m_center, *this);
  m_center->AddPage(m_cases, "Cases");
  add_analysis_pages(*this, *m_center); // Coding Query, Words, Agreement (pages.h)
  m_search = new SearchPane(this, *this);
  m_segments = new SegmentsPane(this, *this);
  m_memos = new MemosPane(this, *this);
  m_suggestions = new SuggestionsPane(this, *this);

  // The default layout gives the document and the survey grid the room:
  // narrow side panes, short bottom panes (each can be dragged wider).
  auto side = [](const char* name, const char* caption) {
    return wxAuiPaneInfo()
        .Name(name)
        .Caption(caption)
        .Left()
        .BestSize(235, 300)
        .MinSize(160, 100)
        .CloseButton(true)
        .MaximizeButton(false);
  };
  m_aui.AddPane(m_sources, side("sources", "Sources").Position(0));
  m_aui.AddPane(m_codebook, side("codebook", "Codebook").Position(1).BestSize(235, 420));
  m_aui.AddPane(m_main, wxAuiPaneInfo().Name("center").CenterPane());
  m_aui.AddPane(m_segments, wxAuiPaneInfo()
                                .Name("segments")
                                .Caption("Retrieved Segments")
                                .Bottom()
                                .BestSize(700, 150)
                                .MinSize(300, 90)
                                .Position(0));
  m_aui.AddPane(m_memos, wxAuiPaneInfo()
                             .Name("memos")
                             .Caption("Memos")
                             .Bottom()
                             .BestSize(380, 150)
                             .MinSize(200, 90)
                             .Position(1));
  m_aui.AddPane(m_search, wxAuiPaneInfo()
                              .Name("search")
                              .Caption("Search")
                              .Right()
                              .BestSize(360, 500)
                              .MinSize(240, 150)
                              .Hide());
  m_aui.AddPane(m_suggestions, wxAuiPaneInfo()
                                   .Name("suggestions")
                                   .Caption("Suggestions")
                                   .Right()
                                   .BestSize(420, 420)
                                   .MinSize(260, 200)
                                   .Hide());
  m_default_layout = m_aui.SavePerspective();
  wxString saved;
  if (wxConfigBase::Get()->Read("/Layout/Perspective", &saved) && !saved.empty()) {
    m_aui.LoadPerspective(saved, false);
  }
  m_aui.Update();

  m_session.opened.connect([this] { m_main->ChangeSelection(1); });
  m_session.closed.connect([this] {
    m_main->ChangeSelection(0);
    m_start->CallAfter([this] { m_start->refresh(); });
  });
  m_session.document_requested.connect([this](Id, auto) { m_center->SetSelection(0); });
  m_session.survey_requested.connect(
      [this](const std::string&, auto) { m_center->SetSelection(1); });
  // Coding commands work on the text of the page in front.
  m_center->Bind(wxEVT_NOTEBOOK_PAGE_CHANGED, [this](wxBookCtrlEvent& e) {
    use_text(e.GetSelection() == 1 ? m_survey->answer_view() : m_document->text());
    if (e.GetSelection() == 2) {
      m_analysis->CallAfter([this] { m_analysis->refresh_if_stale(); });
    }
    e.Skip();
  });
}

void MainFrame::forget_text(const CodedText& text) {
  if (m_text_in_use == &text) {
    m_text_in_use = nullptr;
  }
}

TextSelection MainFrame::text_selection() const {
  return m_text_in_use ? m_text_in_use->selection() : TextSelection{};
}

std::vector<PointedCoding> MainFrame::codings_at_selection(std::optional<Id> clicked) const {
  std::vector<PointedCoding> out;
  if (!m_text_in_use) {
    return out;
  }
  if (clicked) {
    for (const auto& l : m_text_in_use->laid()) {
      if (l.coding.id == *clicked) {
        out.push_back({l.coding, l.path});
      }
    }
    if (!out.empty()) {
      return out;
    }
  }
  for (const auto* l : m_text_in_use->codings_in_selection()) {
    out.push_back({l->coding, l->path});
  }
  return out;
}

void MainFrame::show_analysis() {
  m_center->SetSelection(2);
  m_analysis->refresh_if_stale();
}

void MainFrame::show_cases() {
  show_page(m_cases);
}

void MainFrame::show_page(wxWindow* page) {
  int at = m_center->FindPage(page);
  if (at != wxNOT_FOUND) {
    m_center->SetSelection(static_cast<std::size_t>(at));
  }
}

void MainFrame::build_menus() {
  SetMenuBar(make_menu_bar(*this));
  auto* bar = CreateToolBar(wxTB_HORIZONTAL | wxTB_FLAT);
  bar->SetToolBitmapSize(wxSize(22, 22));
  fill_main_toolbar(*this, bar);
}

void MainFrame::reset_layout() {
  m_aui.LoadPerspective(m_default_layout, true);
}

void MainFrame::save_layout() {
  auto* cfg = wxConfigBase::Get();
  cfg->Write("/Layout/Perspective", m_aui.SavePerspective());
  m_recent->Save(*cfg);
  cfg->Flush();
}

void MainFrame::on_close(wxCloseEvent& e) {
  m_memos->store();
  save_layout();
  save_window_geometry(*this);
  save_last_project(m_session.is_open() ? m_session.path() : std::filesystem::path());
  save_project_view(*this);
  e.Skip();
}

void MainFrame::show_error(const wxString& message) {
  wxMessageDialog dlg(this, message, "Quire", wxOK | wxICON_ERROR);
  dlg.ShowModal();
}

void MainFrame::refresh_title() {
  if (!m_session.is_open()) {
    SetTitle("Quire");
    SetStatusText("Open a project (File > Open) or make one (File > New)", 0);
    SetStatusText("", 1);
    return;
  }
  SetTitle(wx(m_session.path().filename().string()) + L" — Quire");
  if (m_session.busy()) {
    return;
  }
  auto& p = m_session.project();
  if (m_documents_dirty) {
    m_documents = list_documents(p).size();
    m_documents_dirty = false;
  }
  auto counted = [](long long n, const char* what) {
    return wxString::Format("%lld %s%s", n, what, n == 1 ? "" : "s");
  };
  SetStatusText(counted(static_cast<long long>(m_documents), "document") + L" · " +
                    counted(static_cast<long long>(m_session.codes().list.size()), "code") +
                    L" · " + counted(static_cast<long long>(count_codings(p)), "coding") +
                    L" · coder " + wx(p.coder()),
                1);
}

bool MainFrame::open_project(const std::filesystem::path& path, bool create, bool interactive) {
  ProjectLock lock(path);
  // No lock file could be made (a read-only folder, a folder of another
  // user): opening says what is wrong in its own words, not "in use".
  if (!lock.held() && !lock.holder().empty()) {
    wxString who = wx(lock.holder());
    wxString msg = wx(path.filename().string()) + " is open in another Quire window (" + who +
                   ").\n\nEverything you do is saved at once, so both windows stay correct, but "
                   "each shows the other's changes only after reopening, and Undo undoes the "
                   "last action of either window.";
    if (interactive) {
      wxMessageDialog ask(this, msg + "\n\nOpen it here as well?", "Project Already Open",
                          wxYES_NO | wxNO_DEFAULT | wxICON_WARNING);
      ask.SetYesNoLabels("Open Anyway", "Cancel");
      if (ask.ShowModal() != wxID_YES) {
        return false;
      }
    } else {
      std::cerr << "quire-gui: " << utf8(msg) << '\n';
    }
  }
  bool ok = guarded([&] { m_session.open(path, create, std::move(lock)); },
                    [this](const wxString& m) { show_error(m); });
  if (ok) {
    SetStatusText(wx("Opened " + path.string()), 0);
    apply_preferences(*this, load_preferences());
    m_recent->AddFileToHistory(wx(std::filesystem::absolute(path).string()));
    save_layout();
    if (!create) {
      guarded([&] { restore_project_view(*this); }, [this](const wxString& m) { show_error(m); });
    }
  }
  refresh_title();
  return ok;
}

int MainFrame::import_files(const std::vector<std::filesystem::path>& files) {
  if (!m_session.is_open()) {
    show_error("Open or make a project first, then import files into it.");
    return 0;
  }
  return run_imports(*this, files);
}

} // namespace quire::gui
