#pragma once
// A bar chart of one column of the Analysis page's table (the column of the
// cell last clicked), one horizontal bar per row, like the chart of the
// workbook's theme sheet. Drawn with wxDC; it only shows what it is given.
#include <string>
#include <vector>

#include <wx/panel.h>

namespace quire::gui {

class ColumnChart : public wxPanel {
public:
  struct Bar {
    wxString label; ///< the row (a code's name)
    double value = 0;
    wxString text; ///< the value as the table shows it
  };
  explicit ColumnChart(wxWindow* parent);

  /// Shows bars scaled to max (the largest value when max <= 0).
  void set(const wxString& title, std::vector<Bar> bars, double max = 0);
  void clear();
  const wxString& title() const { return m_title; }
  const std::vector<Bar>& bars() const { return m_bars; }

private:
  void paint();

  wxString m_title;
  std::vector<Bar> m_bars;
  double m_max = 0;
};

} // namespace quire::gui
