#include "export_options_dialog.h"

#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "quire/analysis/analysis.h"
#include "quire/base/error.h"
#include "quire/model/cases.h"
#include "quire/model/coding.h"
#include "wx_text.h"

namespace quire::gui {

namespace {

const char* const csv_tables[] = {"segments",     "codebook", "frequencies", "theme",
                                  "cooccurrence", "matrix",   "agreement"};

} // namespace

bool ExportOptionsDialog::has_options(const std::string& format) {
  return format == "xlsx" || format == "csv" || format == "html";
}

ExportOptionsDialog::ExportOptionsDialog(wxWindow* parent, const Project& p,
                                         const std::string& format)
    : wxDialog(parent, wxID_ANY, "Export Options", wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER) {
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  auto* grid = new wxFlexGridSizer(2, 6, 8);
  grid->AddGrowableCol(1);
  auto label = [this, grid](const char* text) {
    grid->Add(new wxStaticText(this, wxID_ANY, text), 0, wxALIGN_CENTER_VERTICAL);
  };
  auto coders = list_coders(p);
  m_where = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxSize(320, -1), 0,
                           wxDefaultValidator, "where");
  m_where->SetHint("every case, or e.g. Role = Teacher");
  label("Cases where");
  grid->Add(m_where, 1, wxEXPAND);
  m_coder = new wxChoice(this, wxID_ANY);
  m_coder->SetName("coder");
  m_coder->Append("Everyone's codings");
  m_agree_a = new wxChoice(this, wxID_ANY);
  m_agree_a->SetName("agreement-a");
  m_agree_b = new wxChoice(this, wxID_ANY);
  m_agree_b->SetName("agreement-b");
  m_agree_a->Append("No Agreement sheet");
  m_agree_b->Append("");
  for (const auto& c : coders) {
    m_coder->Append(wx(c) + "'s codings only");
    m_agree_a->Append(wx(c));
    m_agree_b->Append(wx(c));
  }
  m_coder->SetSelection(0);
  m_agree_a->SetSelection(0);
  m_agree_b->SetSelection(0);
  label("Coder");
  grid->Add(m_coder);
  m_theme = new wxChoice(this, wxID_ANY);
  m_theme->SetName("theme");
  m_theme->Append("The default attribute");
  for (const auto& a : list_attributes(p)) {
    m_theme->Append(wx(a.name));
  }
  m_theme->SetSelection(0);
  label("Theme table by");
  grid->Add(m_theme);
  if (format == "csv") {
    m_table = new wxChoice(this, wxID_ANY);
    m_table->SetName("table");
    for (const char* t : csv_tables) {
      m_table->Append(t);
    }
    m_table->SetSelection(0);
    label("Table");
    grid->Add(m_table);
    m_bom = new wxCheckBox(this, wxID_ANY, "Start with a byte order mark (Excel reads UTF-8 then)");
    m_bom->SetName("bom");
    label("");
    grid->Add(m_bom);
  }
  auto* agree = new wxBoxSizer(wxHORIZONTAL);
  agree->Add(m_agree_a, 0, wxRIGHT, 6);
  agree->Add(new wxStaticText(this, wxID_ANY, "and"), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
  agree->Add(m_agree_b);
  label("Agreement of");
  grid->Add(agree);
  m_matrices = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxSize(320, 60),
                              wxTE_MULTILINE, wxDefaultValidator, "matrices");
  m_matrices->SetHint("rows=codes cols=attr:Role cell=cases");
  m_matrices->SetToolTip("Extra matrices, one a line: rows=codes or a code, cols=attr:NAME, "
                         "cases, documents or codes, cell=cases, codings or words");
  label("Extra matrices");
  grid->Add(m_matrices, 1, wxEXPAND);
  sizer->Add(grid, 1, wxEXPAND | wxALL, 10);
  sizer->Add(CreateSeparatedButtonSizer(wxOK | wxCANCEL), 0, wxEXPAND | wxALL, 8);
  if (auto* ok = FindWindow(wxID_OK)) {
    ok->SetLabel("Export");
  }
  SetSizerAndFit(sizer);
}

ExportOptions ExportOptionsDialog::options(const Project& p) const {
  ExportOptions o;
  auto where = utf8(m_where->GetValue().Strip(wxString::both));
  if (!where.empty()) {
    parse_conditions(p, where); // refused here, before the export starts
    o.filter.where.push_back(where);
  }
  if (m_coder->GetSelection() > 0) {
    o.filter.coder = utf8(m_agree_a->GetString(static_cast<unsigned>(m_coder->GetSelection())));
  }
  if (m_theme->GetSelection() > 0) {
    o.theme_attribute = utf8(m_theme->GetStringSelection());
  }
  for (const auto& line : wxSplit(m_matrices->GetValue(), '\n', '\0')) {
    auto text = utf8(line.Strip(wxString::both));
    if (!text.empty()) {
      o.matrices.push_back({parse_matrix_text(p, text), text});
    }
  }
  if (m_agree_a->GetSelection() > 0) {
    auto a = utf8(m_agree_a->GetStringSelection());
    auto b = utf8(m_agree_b->GetStringSelection());
    if (b.empty() || a == b) {
      throw InputError("choose two different coders for the Agreement sheet");
    }
    o.coders = {a, b};
  }
  if (m_table) {
    o.table = csv_tables[std::max(0, m_table->GetSelection())];
  }
  if (m_bom) {
    o.bom = m_bom->GetValue();
  }
  return o;
}

} // namespace quire::gui
