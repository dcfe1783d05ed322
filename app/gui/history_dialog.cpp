#include "history_dialog.h"

#include <wx/button.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "command.h"
#include "main_frame.h"
#include "wx_text.h"

namespace quire::gui {

HistoryDialog::HistoryDialog(MainFrame& frame)
    : wxDialog(&frame, wxID_ANY, "History", wxDefaultPosition, wxSize(720, 520),
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      m_frame(frame) {
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  sizer->Add(new wxStaticText(
                 this, wxID_ANY,
                 "Every action is saved as it happens; Edit > Undo steps back through your own "
                 "actions in this list (those of the coder set in Preferences).\nChoose one of "
                 "yours and Undo to Here to undo it and all of yours after it; Redo brings them "
                 "back one by one."),
             0, wxALL, 8);
  m_list = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                          wxLC_REPORT | wxLC_SINGLE_SEL);
  m_list->AppendColumn("When (UTC)", wxLIST_FORMAT_LEFT, 150);
  m_list->AppendColumn("Coder", wxLIST_FORMAT_LEFT, 90);
  m_list->AppendColumn("Action", wxLIST_FORMAT_LEFT, 380);
  m_list->AppendColumn("", wxLIST_FORMAT_LEFT, 70);
  sizer->Add(m_list, 1, wxEXPAND | wxLEFT | wxRIGHT, 8);
  auto* buttons = new wxBoxSizer(wxHORIZONTAL);
  m_undo_to = new wxButton(this, wxID_ANY, "&Undo to Here");
  m_undo_to->SetToolTip("Undo this action and all of your actions after it, newest first");
  buttons->Add(m_undo_to, 0, wxRIGHT, 8);
  buttons->AddStretchSpacer();
  buttons->Add(new wxButton(this, wxID_CLOSE, "&Close"));
  sizer->Add(buttons, 0, wxEXPAND | wxALL, 8);
  SetSizer(sizer);
  SetEscapeId(wxID_CLOSE);
  SetAffirmativeId(wxID_CLOSE);
  m_list->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent&) { update_button(); });
  m_list->Bind(wxEVT_LIST_ITEM_DESELECTED, [this](wxListEvent&) { update_button(); });
  m_list->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent&) { undo_to_selected(); });
  m_undo_to->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { undo_to_selected(); });
  fill();
  m_list->SetFocus();
}

void HistoryDialog::fill() {
  auto all = history(m_frame.session().project());
  m_steps.assign(all.rbegin(), all.rend());
  m_list->DeleteAllItems();
  long row = 0;
  for (const auto& e : m_steps) {
    m_list->InsertItem(row, wx(e.time));
    m_list->SetItem(row, 1, wx(e.coder.empty() ? std::string("·") : e.coder));
    m_list->SetItem(row, 2, wx(e.name));
    m_list->SetItem(row, 3, e.undone ? "undone" : "");
    ++row;
  }
  update_button();
}

long HistoryDialog::selected() const {
  return m_list->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
}

void HistoryDialog::update_button() {
  auto row = selected();
  const auto coder = m_frame.session().project().coder();
  bool mine = row >= 0 && static_cast<std::size_t>(row) < m_steps.size() && !m_steps[row].undone &&
              (m_steps[row].coder.empty() || m_steps[row].coder == coder);
  m_undo_to->Enable(mine);
}

bool HistoryDialog::select_step(Id id) {
  for (std::size_t i = 0; i < m_steps.size(); ++i) {
    if (m_steps[i].id == id) {
      auto row = static_cast<long>(i);
      m_list->SetItemState(row, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                           wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
      m_list->EnsureVisible(row);
      update_button();
      return true;
    }
  }
  return false;
}

bool HistoryDialog::undo_to_selected() {
  auto row = selected();
  if (row < 0 || static_cast<std::size_t>(row) >= m_steps.size()) {
    return false;
  }
  const auto step = m_steps[row];
  std::vector<std::string> names;
  bool done =
      guarded([&] { names = undo_to(m_frame.session().project(), step.id); },
              [this](const wxString& m) { m_frame.show_error("Nothing was undone: " + m); });
  fill();
  if (done && !names.empty()) {
    m_frame.SetStatusText(
        wxString::Format(L"Undone %zu action(s) back to “%s”", names.size(), wx(step.name)));
    select_step(step.id);
  }
  return done && !names.empty();
}

} // namespace quire::gui
