#include "start_page.h"

#include <filesystem>

#include <wx/button.h>
#include <wx/filehistory.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "command.h"
#include "main_frame.h"
#include "wx_text.h"

namespace quire::gui {

namespace {

wxStaticText* muted(wxWindow* parent, const wxString& text) {
  auto* t = new wxStaticText(parent, wxID_ANY, text);
  t->SetForegroundColour(wxColour(95, 95, 110));
  return t;
}

} // namespace

StartPage::StartPage(wxWindow* parent, MainFrame& frame) : wxPanel(parent), m_frame(frame) {
  SetName("quire-start-page");
  SetBackgroundColour(*wxWHITE);
  auto* outer = new wxBoxSizer(wxVERTICAL);
  auto* col = new wxBoxSizer(wxVERTICAL);

  auto* title = new wxStaticText(this, wxID_ANY, "Quire");
  title->SetFont(title->GetFont().Bold().Scaled(2.2f));
  col->Add(title, 0, wxBOTTOM, 4);
  auto* what = muted(this, "Code interviews and surveys, find what people said, and see your "
                           "themes against who said them.");
  what->Wrap(560);
  col->Add(what, 0, wxBOTTOM, 20);

  auto& r = frame.commands();
  auto* buttons = new wxBoxSizer(wxHORIZONTAL);
  buttons->Add(command_button(this, r, "file/new", L"New Project…"), 0, wxRIGHT, 8);
  buttons->Add(command_button(this, r, "file/open", L"Open Project…"), 0, wxRIGHT, 8);
  buttons->Add(command_button(this, r, "file/open-demo", "Open the Demo Project"), 0);
  col->Add(buttons, 0, wxBOTTOM, 6);
  auto* demo = muted(this, "The demo project is three coded interviews about a teachers' "
                           "network: a safe place to try things.");
  demo->SetFont(demo->GetFont().Smaller());
  demo->Wrap(560);
  col->Add(demo, 0, wxBOTTOM, 24);

  auto* heading = new wxStaticText(this, wxID_ANY, "Open Recent");
  heading->SetFont(heading->GetFont().Bold());
  col->Add(heading, 0, wxBOTTOM, 6);
  m_recent = new wxBoxSizer(wxVERTICAL);
  col->Add(m_recent, 0, wxEXPAND | wxBOTTOM, 24);

  auto* saved = muted(this, "Everything you do is saved as you do it: there is no Save. "
                            "Edit > Undo takes back any step, even after reopening.");
  saved->Wrap(560);
  col->Add(saved, 0);

  outer->AddStretchSpacer(1);
  outer->Add(col, 0, wxALIGN_CENTER_HORIZONTAL | wxLEFT | wxRIGHT, 40);
  outer->AddStretchSpacer(2);
  SetSizer(outer);
  refresh();
}

void StartPage::refresh() {
  m_recent->Clear(true);
  auto& history = m_frame.recent_files();
  int shown = 0;
  for (std::size_t i = 0; i < history.GetCount() && shown < 6; ++i) {
    std::filesystem::path path(utf8(history.GetHistoryFile(i)));
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) {
      continue;
    }
    ++shown;
    auto* b = new wxButton(
        this, wxID_ANY, wx(path.filename().string()) + L"   — " + wx(path.parent_path().string()),
        wxDefaultPosition, wxDefaultSize, wxBU_LEFT | wxBORDER_NONE);
    b->SetName(wxString::Format("quire-start-recent-%d", shown));
    b->SetToolTip(wx(path.string()));
    b->Bind(wxEVT_BUTTON, [this, path](wxCommandEvent&) {
      // After the click is handled: opening replaces this page.
      CallAfter([this, path] { m_frame.open_project(path); });
    });
    m_recent->Add(b, 0, wxBOTTOM, 2);
  }
  if (shown == 0) {
    m_recent->Add(muted(this, "No recent projects yet."), 0);
  }
  Layout();
}

} // namespace quire::gui
