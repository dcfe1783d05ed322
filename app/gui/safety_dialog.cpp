#include "safety_dialog.h"

#include <wx/button.h>
#include <wx/listctrl.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "wx_text.h"

namespace quire::gui {

bool unless_copy_refused(wxWindow* parent, Project& p, const std::function<void()>& action) {
  try {
    action();
    return true;
  } catch (const SafetyCopyError& e) {
    wxMessageDialog ask(parent,
                        wx(e.what()) +
                            ".\n\nGo on without a safety copy? Edit > Undo can still take the "
                            "action back.",
                        "No Safety Copy", wxYES_NO | wxNO_DEFAULT | wxICON_WARNING);
    ask.SetYesNoLabels("Go On Without a Copy", "Stop");
    if (ask.ShowModal() != wxID_YES) {
      return false;
    }
  }
  struct Required {
    Project& p;
    ~Required() { set_safety_copy_required(p, true); }
  } restore{p};
  set_safety_copy_required(p, false);
  action();
  return true;
}

wxString size_text(std::uintmax_t bytes) {
  if (bytes >= (1u << 20)) {
    return wxString::Format("%.1f MB", static_cast<double>(bytes) / (1 << 20));
  }
  return wxString::Format("%.0f kB", static_cast<double>(bytes) / 1024);
}

SafetyCopiesDialog::SafetyCopiesDialog(wxWindow* parent, std::vector<SafetyCopy> copies,
                                       const wxString& folder)
    : wxDialog(parent, wxID_ANY, "Restore a Safety Copy", wxDefaultPosition, wxSize(720, 480),
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      m_copies(copies.rbegin(), copies.rend()) {
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  wxString note = m_copies.empty()
                      ? wxString("There are no safety copies of this project yet.")
                      : wxString("Quire keeps a copy of the project before deleting a document "
                                 "or a code with its codings, merging a project in, replacing "
                                 "an import and large imports. Restoring one keeps the project "
                                 "as it is now as a copy first, so you can come back to it.");
  auto* text = new wxStaticText(this, wxID_ANY, note + "\n\n" + folder);
  text->Wrap(680);
  sizer->Add(text, 0, wxALL, 8);
  m_list = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                          wxLC_REPORT | wxLC_SINGLE_SEL);
  m_list->AppendColumn("When (UTC)", wxLIST_FORMAT_LEFT, 170);
  m_list->AppendColumn("Kept before", wxLIST_FORMAT_LEFT, 420);
  m_list->AppendColumn("Size", wxLIST_FORMAT_RIGHT, 90);
  long row = 0;
  for (const auto& c : m_copies) {
    auto when = wx(c.time);
    when.Replace("T", " ");
    when.Replace("Z", "");
    m_list->InsertItem(row, when);
    m_list->SetItem(row, 1, one_line(c.action, 90));
    m_list->SetItem(row, 2, size_text(c.size));
    ++row;
  }
  sizer->Add(m_list, 1, wxEXPAND | wxLEFT | wxRIGHT, 8);
  auto* buttons = new wxBoxSizer(wxHORIZONTAL);
  buttons->AddStretchSpacer();
  auto* restore = new wxButton(this, wxID_OK, L"&Restore…");
  m_restore = restore;
  buttons->Add(restore, 0, wxRIGHT, 8);
  buttons->Add(new wxButton(this, wxID_CANCEL, "Close"));
  sizer->Add(buttons, 0, wxEXPAND | wxALL, 8);
  SetSizer(sizer);
  SetEscapeId(wxID_CANCEL);
  restore->Enable(false);
  auto update = [this](wxListEvent&) { m_restore->Enable(m_list->GetSelectedItemCount() == 1); };
  m_list->Bind(wxEVT_LIST_ITEM_SELECTED, update);
  m_list->Bind(wxEVT_LIST_ITEM_DESELECTED, update);
  m_list->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent&) { EndModal(wxID_OK); });
  if (!m_copies.empty()) {
    select(0);
  }
}

void SafetyCopiesDialog::select(long row) {
  m_list->SetItemState(row, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                       wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
  m_restore->Enable(true);
}

std::optional<SafetyCopy> SafetyCopiesDialog::chosen() const {
  long row = m_list->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
  if (row < 0 || row >= static_cast<long>(m_copies.size())) {
    return std::nullopt;
  }
  return m_copies[static_cast<std::size_t>(row)];
}

} // namespace quire::gui
