#pragma once
// Retrieved segments: the codings of the selected code (with its subcodes or
// not), each with document, case, speaker and a line of context.
// Double-click one to see it in its document.
#include <vector>

#include <wx/listctrl.h>
#include <wx/panel.h>

#include "deferred.h"
#include "quire/model/coding.h"

class wxCheckBox;
class wxStaticText;

namespace quire::gui {

class MainFrame;

class SegmentList : public wxListCtrl {
public:
  SegmentList(wxWindow* parent, const std::vector<CodedSegment>& rows);
  wxString OnGetItemText(long item, long column) const override;

private:
  const std::vector<CodedSegment>& m_rows;
};

class SegmentsPane : public wxPanel {
public:
  SegmentsPane(wxWindow* parent, MainFrame& frame);

  /// Re-reads the segments of the selected code.
  void reload();
  /// Whether subcodes' codings are included.
  void set_with_subcodes(bool on);
  bool with_subcodes() const;
  const std::vector<CodedSegment>& rows() const { return m_rows; }
  /// Shows row i in its document (what double-click does).
  void open_row(long i);
  wxListCtrl& list() { return *m_list; }

private:
  MainFrame& m_frame;
  std::vector<CodedSegment> m_rows;
  wxStaticText* m_title = nullptr;
  wxCheckBox* m_subcodes = nullptr;
  SegmentList* m_list = nullptr;
  Deferred m_reload;
};

} // namespace quire::gui
