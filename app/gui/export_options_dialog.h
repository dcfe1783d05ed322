#pragma once
// The options of File > Export… that `quire export` has, with its defaults
// (shown after the file is chosen, for Excel, CSV and HTML): only cases
// where (--where), one coder's work (--by), the theme table's attribute
// (--theme), extra matrices (--matrix, one a line), an Agreement sheet of
// two coders (--agreement), and for CSV which table (--table) and a BOM
// (--bom). The words are read by core (parse_matrix_text) as the CLI reads them.
#include <string>
#include <vector>

#include <wx/dialog.h>

#include "exporters/exporter.h"

class wxCheckBox;
class wxChoice;
class wxTextCtrl;

namespace quire {
class Project;
}

namespace quire::gui {

class ExportOptionsDialog : public wxDialog {
public:
  /// format: the exporter's ("xlsx", "csv", "html").
  ExportOptionsDialog(wxWindow* parent, const Project& p, const std::string& format);

  /// Whether a format has options here.
  static bool has_options(const std::string& format);
  /// The options chosen. Throws InputError (a matrix that cannot be read,
  /// the same coder twice for agreement) naming what is wrong.
  ExportOptions options(const Project& p) const;

  wxTextCtrl& where() { return *m_where; }
  wxChoice& coder() { return *m_coder; }
  wxChoice& theme() { return *m_theme; }
  wxTextCtrl& matrices() { return *m_matrices; }
  wxChoice& agreement_a() { return *m_agree_a; }
  wxChoice& agreement_b() { return *m_agree_b; }
  wxChoice* table() { return m_table; }
  wxCheckBox* bom() { return m_bom; }

private:
  wxTextCtrl* m_where = nullptr;
  wxChoice* m_coder = nullptr;
  wxChoice* m_theme = nullptr;
  wxTextCtrl* m_matrices = nullptr;
  wxChoice* m_agree_a = nullptr;
  wxChoice* m_agree_b = nullptr;
  wxChoice* m_table = nullptr;
  wxCheckBox* m_bom = nullptr;
};

} // namespace quire::gui
