#include "cases_page.h"

#include <algorithm>

#include <wx/dcclient.h>
#include <wx/menu.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "command.h"
#include "document_drag.h"
#include "main_frame.h"
#include "quire/base/error.h"
#include "quire/model/case_edits.h"
#include "quire/model/cases.h"
#include "quire/store/history.h"
#include "wx_text.h"

namespace quire::gui {

/// The grid's virtual table: asks the model for the cells in view only.
class CasesPage::Table : public wxGridTableBase {
public:
  explicit Table(CasesPage& page) : m_page(page) {
    m_missing = new wxGridCellAttr;
    m_missing->SetTextColour(wxColour(150, 150, 158));
    m_missing->SetAlignment(wxALIGN_CENTRE, wxALIGN_CENTRE);
    m_links = new wxGridCellAttr;
    m_links->SetTextColour(wxColour(90, 90, 100));
    m_links->SetBackgroundColour(wxColour(246, 246, 248));
    m_links->SetReadOnly();
    m_number = new wxGridCellAttr;
    m_number->SetAlignment(wxALIGN_RIGHT, wxALIGN_CENTRE);
    m_name = new wxGridCellAttr;
    m_name->SetFont(page.GetFont().Bold());
  }
  ~Table() override {
    for (auto* a : {m_missing, m_links, m_number, m_name}) {
      a->DecRef();
    }
  }
  int GetNumberRows() override { return static_cast<int>(m_page.m_model.row_count()); }
  int GetNumberCols() override { return static_cast<int>(m_page.m_model.column_count()); }
  wxString GetValue(int row, int col) override { return m_page.cell_text(row, col); }
  void SetValue(int, int, const wxString&) override {} // edits go through edit_cell
  bool IsEmptyCell(int row, int col) override { return GetValue(row, col).empty(); }
  wxString GetColLabelValue(int col) override {
    const auto& m = m_page.m_model;
    wxString label = wx(m.column_label(static_cast<std::size_t>(col)));
    if (m.sort_column().value_or(0) == static_cast<std::size_t>(col)) {
      label += m.sort_ascending() ? L" ▲" : L" ▼";
    }
    return label;
  }
  wxGridCellAttr* GetAttr(int row, int col, wxGridCellAttr::wxAttrKind) override {
    const auto& m = m_page.m_model;
    if (row < 0 || col < 0 || static_cast<std::size_t>(row) >= m.row_count() ||
        static_cast<std::size_t>(col) >= m.column_count()) {
      return nullptr;
    }
    auto c = static_cast<std::size_t>(col);
    wxGridCellAttr* a = nullptr;
    if (m.kind(c) == CasesModel::ColumnKind::Name) {
      a = m_name;
    } else if (m.kind(c) == CasesModel::ColumnKind::Links) {
      a = m_links;
    } else if (m.missing(static_cast<std::size_t>(row), c)) {
      a = m_missing;
    } else if (m.attribute(c)->type == AttrType::Number) {
      a = m_number;
    }
    if (a) {
      a->IncRef();
    }
    return a;
  }

private:
  CasesPage& m_page;
  wxGridCellAttr* m_missing;
  wxGridCellAttr* m_links;
  wxGridCellAttr* m_number;
  wxGridCellAttr* m_name;
};

CasesPage::CasesPage(wxWindow* parent, MainFrame& frame)
    : wxPanel(parent), m_frame(frame), m_reload(this, [this] { reload(); }) {
  SetName("quire-cases-page");
  auto& r = frame.commands();
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  auto* bar = new wxBoxSizer(wxHORIZONTAL);
  bar->Add(new wxStaticText(this, wxID_ANY, "Find:"), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 4);
  m_filter = new wxTextCtrl(this, wxID_ANY, {}, wxDefaultPosition, wxSize(200, -1));
  m_filter->SetName("quire-cases-filter");
  m_filter->SetHint("a case or a value");
  bar->Add(m_filter, 0, wxRIGHT, 10);
  for (const char* name : {"cases/add", "cases/add-attribute", "cases/from-documents"}) {
    bar->Add(command_button(this, r, name, {}, wxBU_EXACTFIT), 0, wxRIGHT, 4);
  }
  m_count = new wxStaticText(this, wxID_ANY, "");
  m_count->SetName("quire-cases-count");
  m_count->SetForegroundColour(wxColour(100, 100, 110));
  bar->Add(m_count, 1, wxALIGN_CENTER_VERTICAL | wxLEFT, 8);
  sizer->Add(bar, 0, wxEXPAND | wxALL, 6);

  m_grid = new wxGrid(this, wxID_ANY);
  m_grid->SetName("quire-cases-grid");
  m_grid->CreateGrid(0, 0);
  m_grid->SetRowLabelSize(0);
  m_grid->SetColLabelSize(24);
  m_grid->DisableDragRowSize();
  m_grid->SetDefaultCellOverflow(false);
  m_grid->SetDefaultRowSize(m_grid->GetCharHeight() + 8, true);
  sizer->Add(m_grid, 1, wxEXPAND);
  m_message = new wxStaticText(this, wxID_ANY, "");
  m_message->SetName("quire-cases-message");
  sizer->Add(m_message, 0, wxEXPAND | wxALL, 6);
  SetSizer(sizer);

  m_filter->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { set_filter(m_filter->GetValue()); });
  m_grid->Bind(wxEVT_GRID_LABEL_LEFT_CLICK, [this](wxGridEvent& e) {
    if (e.GetCol() >= 0) {
      sort_by(e.GetCol());
    }
  });
  m_grid->Bind(wxEVT_GRID_EDITOR_SHOWN, [this](wxGridEvent& e) {
    m_editing = std::make_pair(e.GetRow(), e.GetCol()); // the editor starts from the value
    e.Skip();
  });
  m_grid->Bind(wxEVT_GRID_EDITOR_HIDDEN, [this](wxGridEvent& e) {
    m_editing.reset();
    e.Skip();
  });
  m_grid->Bind(wxEVT_GRID_CELL_CHANGING, [this](wxGridEvent& e) {
    if (!edit_cell(e.GetRow(), e.GetCol(), e.GetString())) {
      e.Veto();
      // Enter moves the cursor on: bring it back to the refused cell, to try again.
      CallAfter([this, row = e.GetRow(), col = e.GetCol()] { select_cell(row, col); });
    }
  });
  auto popup = [this](const std::vector<std::string>& names) {
    std::unique_ptr<wxMenu> menu(m_frame.commands().make_menu(names));
    m_grid->PopupMenu(menu.get());
  };
  m_grid->Bind(wxEVT_GRID_CELL_RIGHT_CLICK, [this, popup](wxGridEvent& e) {
    if (!m_grid->IsInSelection(e.GetRow(), e.GetCol())) {
      select_cell(e.GetRow(), e.GetCol());
    } else {
      m_grid->SetGridCursor(e.GetRow(), e.GetCol());
    }
    popup({"cases/clear-value", "-", "cases/add", "cases/rename", "cases/merge", "cases/delete",
           "-", "cases/add-attribute", "cases/rename-attribute", "cases/retype-attribute",
           "cases/delete-attribute"});
  });
  m_grid->Bind(wxEVT_GRID_LABEL_RIGHT_CLICK, [this, popup](wxGridEvent& e) {
    if (e.GetCol() < 0 || m_model.row_count() == 0) {
      popup({"cases/add-attribute"});
      return;
    }
    select_cell(std::max(m_grid->GetGridCursorRow(), 0), e.GetCol());
    popup({"cases/add-attribute", "cases/rename-attribute", "cases/retype-attribute",
           "cases/delete-attribute"});
  });
  // Delete clears the values of the selected cells (they become missing).
  m_grid->Bind(wxEVT_KEY_DOWN, [this](wxKeyEvent& e) {
    if ((e.GetKeyCode() == WXK_DELETE || e.GetKeyCode() == WXK_BACK) && !e.HasAnyModifiers() &&
        !m_grid->IsCellEditControlEnabled()) {
      m_frame.commands().invoke("cases/clear-value");
      return;
    }
    e.Skip();
  });
  m_grid->GetGridWindow()->SetDropTarget(new DocumentsDropTarget(
      [this](const std::vector<Id>& docs, wxPoint at) {
        int row = m_grid->YToRow(m_grid->CalcUnscrolledPosition(at).y);
        return link_documents(row, docs);
      },
      [this](wxPoint at) { return m_grid->YToRow(m_grid->CalcUnscrolledPosition(at).y) >= 0; }));

  auto& s = frame.session();
  s.opened.connect([this] {
    m_filter->ChangeValue({});
    m_model.set_filter({});
    tell({}, false);
    reload();
  });
  s.closed.connect([this] {
    m_model.clear();
    reset_table();
  });
  s.changed.connect([this](const ChangeSet& c) {
    // A value or name typed here changed one case: re-read it alone, so an
    // edit among 100,000 cases reaches the screen at once.
    if (m_edited_case && !c.everything && !c.external && !c.undo_or_redo &&
        std::all_of(c.tables.begin(), c.tables.end(),
                    [](const std::string& t) { return t == "case_value" || t == "case_"; })) {
      if (m_model.refresh_case(m_frame.session().project(), *m_edited_case)) {
        m_grid->ForceRefresh();
        return;
      }
    }
    if (c.everything || c.tables.count("case_") || c.tables.count("attribute") ||
        c.tables.count("case_value") || c.tables.count("document") || c.tables.count("passage")) {
      m_reload.request();
    }
  });
  reset_table();
}

wxString CasesPage::message() const {
  return m_message->GetLabel();
}

void CasesPage::tell(const wxString& text, bool refusal) {
  m_message->SetForegroundColour(refusal ? wxColour(190, 30, 30) : wxColour(90, 90, 100));
  m_message->SetLabel(text);
}

wxString CasesPage::cell_text(int row, int column) const {
  if (row < 0 || column < 0 || static_cast<std::size_t>(row) >= m_model.row_count() ||
      static_cast<std::size_t>(column) >= m_model.column_count()) {
    return {};
  }
  auto r = static_cast<std::size_t>(row);
  auto c = static_cast<std::size_t>(column);
  if (m_editing && m_editing->first == row && m_editing->second == column) {
    return wx(m_model.edit_text(r, c));
  }
  return wx(m_model.cell(r, c));
}

void CasesPage::reload() {
  auto& s = m_frame.session();
  if (!s.is_open() || s.busy()) {
    return;
  }
  if (m_grid->IsCellEditControlEnabled()) {
    m_reload.request(); // after the editor closes
    return;
  }
  auto kept_case = current_case();
  auto kept_attr = current_attribute();
  int kept_col = m_grid->GetGridCursorCol();
  auto rows = m_model.row_count();
  auto cols = m_model.column_count();
  m_model.load(s.project());
  if (rows != m_model.row_count() || cols != m_model.column_count()) {
    reset_table();
  } else {
    m_grid->ForceRefresh();
    update_count();
  }
  if (kept_case) {
    focus_case(kept_case->id, kept_attr ? std::optional<Id>(kept_attr->id) : std::nullopt);
    if (!kept_attr && kept_col >= 0 && m_model.row_of(kept_case->id) &&
        static_cast<std::size_t>(kept_col) < m_model.column_count()) {
      select_cell(static_cast<int>(*m_model.row_of(kept_case->id)), kept_col);
    }
  }
}

void CasesPage::reset_table() {
  m_grid->Freeze();
  if (m_grid->GetNumberRows() > 0 && m_grid->GetNumberCols() > 0) {
    m_grid->SetGridCursor(0, 0);
  }
  m_grid->SetTable(new Table(*this), true, wxGrid::wxGridSelectCells);
  wxClientDC dc(m_grid);
  dc.SetFont(m_grid->GetLabelFont());
  for (int c = 0; c < m_grid->GetNumberCols(); ++c) {
    auto kind = m_model.kind(static_cast<std::size_t>(c));
    int width = kind == CasesModel::ColumnKind::Name    ? 170
                : kind == CasesModel::ColumnKind::Links ? 190
                                                        : 130;
    // A title is never cut: "Interviewed (date) ▲" fits.
    auto title = wx(m_model.column_label(static_cast<std::size_t>(c))) + L" ▲";
    m_grid->SetColSize(c, std::max(width, dc.GetTextExtent(title).x + 16));
  }
  m_grid->Thaw();
  m_grid->ForceRefresh();
  update_count();
}

void CasesPage::update_count() {
  if (!m_frame.session().is_open()) {
    m_count->SetLabel({});
    return;
  }
  if (m_model.case_count() == 0) {
    m_count->SetLabel("No cases yet: select documents in Sources and make a case of each");
    return;
  }
  m_count->SetLabel(wxString::Format(L"%zu of %zu cases · %zu attributes", m_model.row_count(),
                                     m_model.case_count(), m_model.attributes().size()));
}

bool CasesPage::edit_cell(int row, int column, const wxString& text) {
  if (row < 0 || column < 0 || static_cast<std::size_t>(row) >= m_model.row_count() ||
      static_cast<std::size_t>(column) >= m_model.column_count()) {
    return false;
  }
  const auto& r = m_model.row(static_cast<std::size_t>(row));
  const auto* attr = m_model.attribute(static_cast<std::size_t>(column));
  Id case_id = r.c.id;
  m_edited_case = case_id;
  bool ok = guarded(
      [&] {
        auto& p = m_frame.session().project();
        switch (m_model.kind(static_cast<std::size_t>(column))) {
        case CasesModel::ColumnKind::Name: rename_case(p, case_id, utf8(text)); break;
        case CasesModel::ColumnKind::Attribute:
          set_typed_value(p, case_id, attr->id, utf8(text));
          break;
        case CasesModel::ColumnKind::Links:
          throw InputError("the Linked column counts what is linked to a case: drop documents "
                           "from Sources on the case to link them");
        }
      },
      [this](const wxString& m) { tell(m, true); });
  m_edited_case.reset();
  if (ok) {
    tell({}, false);
  } else {
    wxBell();
  }
  return ok;
}

void CasesPage::set_filter(const wxString& text) {
  if (m_filter->GetValue() != text) {
    m_filter->ChangeValue(text);
  }
  m_model.set_filter(utf8(text));
  reset_table();
}

void CasesPage::sort_by(int column) {
  if (column < 0 || static_cast<std::size_t>(column) >= m_model.column_count()) {
    return;
  }
  auto col = static_cast<std::size_t>(column);
  bool ascending = m_model.sort_column().value_or(0) == col ? !m_model.sort_ascending() : true;
  auto kept = current_case();
  m_model.sort(col, ascending);
  m_grid->ForceRefresh();
  m_grid->GetGridColLabelWindow()->Refresh();
  if (kept) {
    focus_case(kept->id,
               current_attribute() ? std::optional<Id>(current_attribute()->id) : std::nullopt);
  }
}

bool CasesPage::link_documents(int row, const std::vector<Id>& documents) {
  if (row < 0 || static_cast<std::size_t>(row) >= m_model.row_count() || documents.empty()) {
    return false;
  }
  auto c = m_model.row(static_cast<std::size_t>(row)).c;
  return guarded(
      [&] {
        auto& p = m_frame.session().project();
        UserAction act(p, documents.size() == 1 ? "Link a document to case '" + c.name + "'"
                                                : "Link " + std::to_string(documents.size()) +
                                                      " documents to case '" + c.name + "'");
        for (Id d : documents) {
          link_document(p, d, c.id);
        }
        act.commit();
      },
      [this](const wxString& m) { m_frame.show_error(m); });
}

void CasesPage::select_cell(int row, int column) {
  if (row < 0 || column < 0 || row >= m_grid->GetNumberRows() ||
      column >= m_grid->GetNumberCols()) {
    return;
  }
  m_grid->ClearSelection();
  m_grid->SetGridCursor(row, column);
  m_grid->MakeCellVisible(row, column);
}

std::optional<Case> CasesPage::current_case() const {
  int row = m_grid->GetGridCursorRow();
  if (row < 0 || static_cast<std::size_t>(row) >= m_model.row_count()) {
    return std::nullopt;
  }
  return m_model.row(static_cast<std::size_t>(row)).c;
}

std::vector<Case> CasesPage::selected_cases() const {
  std::vector<Case> out;
  auto rows = m_grid->GetSelectedRows();
  for (int row : rows) {
    if (row >= 0 && static_cast<std::size_t>(row) < m_model.row_count()) {
      out.push_back(m_model.row(static_cast<std::size_t>(row)).c);
    }
  }
  if (out.empty()) {
    // A block of cells selected down several rows counts as those rows.
    auto tops = m_grid->GetSelectionBlockTopLeft();
    auto bottoms = m_grid->GetSelectionBlockBottomRight();
    for (std::size_t i = 0; i < tops.size() && i < bottoms.size(); ++i) {
      for (int row = tops[i].GetRow(); row <= bottoms[i].GetRow(); ++row) {
        if (row >= 0 && static_cast<std::size_t>(row) < m_model.row_count()) {
          out.push_back(m_model.row(static_cast<std::size_t>(row)).c);
        }
      }
    }
  }
  if (out.empty()) {
    if (auto c = current_case()) {
      out.push_back(*c);
    }
  }
  return out;
}

std::optional<Attribute> CasesPage::current_attribute() const {
  int col = m_grid->GetGridCursorCol();
  if (col < 0 || static_cast<std::size_t>(col) >= m_model.column_count()) {
    return std::nullopt;
  }
  const auto* a = m_model.attribute(static_cast<std::size_t>(col));
  return a ? std::optional<Attribute>(*a) : std::nullopt;
}

void CasesPage::focus_case(Id case_id, std::optional<Id> attribute) {
  auto row = m_model.row_of(case_id);
  if (!row) {
    return;
  }
  int col = std::max(m_grid->GetGridCursorCol(), 0);
  if (attribute) {
    if (auto c = m_model.column_of(*attribute)) {
      col = static_cast<int>(*c);
    }
  }
  select_cell(static_cast<int>(*row), col);
}

} // namespace quire::gui
