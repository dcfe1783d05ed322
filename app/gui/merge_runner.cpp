#include "merge_runner.h"

#include <wx/button.h>
#include <wx/dialog.h>
#include <wx/filedlg.h>
#include <wx/sizer.h>
#include <wx/textctrl.h>

#include "importers/refi_import.h"
#include "main_frame.h"
#include "quire/base/error.h"
#include "quire/ingest/exchange.h"
#include "quire/model/memos.h"
#include "wx_text.h"

namespace quire::gui {

namespace {

bool is_quire(const std::filesystem::path& file) {
  auto e = file.extension().string();
  for (auto& c : e) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return e == ".quire";
}

} // namespace

std::string merge_report_text(const MergeReport& r, const std::string& file) {
  const auto& i = r.items;
  std::string out =
      (r.dry_run ? "Merging " + file + " would add " : "Merged " + file + ": added ") +
      count_by_kind(i.added) + " and " + std::to_string(i.codings_added) +
      " coding(s).\nAlready here (matched): " + count_by_kind(i.matched) + " and " +
      std::to_string(i.codings_matched) + " coding(s).\n";
  if (i.codings_merged) {
    out += std::to_string(i.codings_merged) +
           " overlapping coding(s) of the same coder and code were joined.\n";
  }
  if (i.conflicts.empty()) {
    out += "No conflicts.\n";
  } else {
    out += "\n" + std::to_string(i.conflicts.size()) +
           " conflict(s), kept as this project has them:\n";
    for (const auto& c : i.conflicts) {
      out += "  " + c.kind + " " + c.name + ": " + c.detail + "\n";
    }
  }
  if (!i.not_imported.empty()) {
    out += "\nNot merged:\n";
    for (const auto& n : i.not_imported) {
      out += "  " + n + "\n";
    }
  }
  if (!i.warnings.empty()) {
    out += "\nNotes:\n";
    for (const auto& w : i.warnings) {
      out += "  " + w + "\n";
    }
  }
  if (!i.added.empty()) {
    out += std::string("\n") + (r.dry_run ? "Would add" : "Added") + ":\n";
    for (const auto& a : i.added) {
      out += "  " + a.kind + " " + a.name + (a.detail.empty() ? "" : " (" + a.detail + ")") + "\n";
    }
  }
  return out;
}

MergeReport run_merge(MainFrame& f, const std::filesystem::path& other, bool dry_run) {
  auto& s = f.session();
  auto& p = s.project();
  if (!std::filesystem::is_regular_file(other)) {
    throw InputError("there is no file " + other.string() + " to merge");
  }
  bool quire = is_quire(other);
  if (!quire && sniff_exchange_file(other) == ExchangeFormat::None) {
    throw InputError(other.filename().string() +
                     " is not a Quire project (.quire) or a REFI-QDA project (.qdpx)");
  }
  MergeOptions opt;
  opt.dry_run = dry_run;
  MergeReport rep;
  auto name = other.filename().string();
  s.run_job(&f, wx((dry_run ? "Reading " : "Merging ") + name), [&](Progress& progress) {
    rep = quire ? merge_project(p, other, opt, progress)
                : merge_project_data(p, read_exchange_file(other, {}), name, opt, progress);
  });
  if (!dry_run) {
    add_memo(s.project(), MemoTarget::Project, std::nullopt, merge_report_text(rep, name),
             "Merge report: " + name);
    f.SetStatusText(wx(rep.action_name + ": report kept as a project memo"), 0);
  }
  return rep;
}

bool show_report(wxWindow* parent, const wxString& title, const wxString& text,
                 const wxString& go_on) {
  wxDialog dlg(parent, wxID_ANY, title, wxDefaultPosition, wxSize(640, 460),
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER);
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  auto* t = new wxTextCtrl(&dlg, wxID_ANY, text, wxDefaultPosition, wxDefaultSize,
                           wxTE_MULTILINE | wxTE_READONLY | wxTE_DONTWRAP);
  t->SetName("report");
  sizer->Add(t, 1, wxEXPAND | wxALL, 8);
  auto* buttons = new wxStdDialogButtonSizer;
  if (go_on.empty()) {
    buttons->AddButton(new wxButton(&dlg, wxID_OK));
  } else {
    buttons->AddButton(new wxButton(&dlg, wxID_OK, go_on));
    buttons->AddButton(new wxButton(&dlg, wxID_CANCEL));
  }
  buttons->Realize();
  sizer->Add(buttons, 0, wxEXPAND | wxALL, 8);
  dlg.SetSizer(sizer);
  return dlg.ShowModal() == wxID_OK;
}

void ask_and_merge(MainFrame& f) {
  wxFileDialog dlg(&f, "Merge a project into this one", "", "",
                   "Quire and REFI-QDA projects (*.quire;*.qdpx)|*.quire;*.qdpx|All files|*",
                   wxFD_OPEN | wxFD_FILE_MUST_EXIST);
  if (dlg.ShowModal() != wxID_OK) {
    return;
  }
  auto path = dlg.GetPath();
  if (path.empty()) {
    path = dlg.wxFileDialogBase::GetPath();
  }
  std::filesystem::path other(utf8(path));
  auto name = other.filename().string();
  auto preview = run_merge(f, other, true);
  if (!show_report(&f, "Merge " + wx(name), wx(merge_report_text(preview, name)), "Merge")) {
    return;
  }
  auto rep = run_merge(f, other, false);
  show_report(&f, "Merged " + wx(name), wx(merge_report_text(rep, name)));
}

} // namespace quire::gui
