#pragma once
// Analysis > Coder Agreement: two coders, the documents and codes, the unit
// (character, sentence, passage), compared by core's compute_agreement()
// (what `quire agreement` runs): a table per code (units, both, only A,
// only B, % agreement, kappa, alpha) with an overall row, and the list of
// disagreements. A click (or Enter) on one reads it in its document,
// selected, with only the two coders' codings shown, in lanes side by side.
#include <string>
#include <vector>

#include <wx/panel.h>

#include "deferred.h"
#include "quire/analysis/agreement.h"

class wxChoice;
class wxListCtrl;
class wxStaticText;

namespace quire::gui {

class MainFrame;

class AgreementPage : public wxPanel {
public:
  AgreementPage(wxWindow* parent, MainFrame& frame);

  /// Compares the coders chosen; a problem (fewer than two coders) is told
  /// in the status line. Returns whether it compared.
  bool run();
  void run_or_throw();
  void refresh_if_stale();
  /// The options of the choices made.
  AgreementOptions options() const;
  /// Shows disagreement i in its document, selected, with the codings of
  /// the two coders compared only (core's shown coders: an undoable step
  /// when they were others), and says so in the status bar (what a click or
  /// Enter on it does). A problem is told in the page's status line.
  void open_disagreement(long i);

  wxChoice& coder_a() { return *m_a; }
  wxChoice& coder_b() { return *m_b; }
  wxChoice& unit_choice() { return *m_unit; }
  wxChoice& code_choice() { return *m_code; }
  wxChoice& document_choice() { return *m_doc; }
  wxListCtrl& table() { return *m_table; }
  wxListCtrl& disagreements() { return *m_list; }
  wxStaticText& status() { return *m_status; }
  const AgreementReport& report() const { return m_report; }

private:
  void fill_choices();

  MainFrame& m_frame;
  wxChoice* m_a = nullptr;
  wxChoice* m_b = nullptr;
  wxChoice* m_unit = nullptr;
  wxChoice* m_code = nullptr;
  wxChoice* m_doc = nullptr;
  wxListCtrl* m_table = nullptr;
  wxListCtrl* m_list = nullptr;
  wxStaticText* m_status = nullptr;
  std::vector<Id> m_code_ids, m_doc_ids; ///< per choice item (0: every one)
  AgreementReport m_report;
  bool m_stale = true;
  bool m_choices_stale = true;
  Deferred m_refresh;
};

} // namespace quire::gui
