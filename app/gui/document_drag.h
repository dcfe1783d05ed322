#pragma once
// Dragging documents from Sources: the data format, and a drop target that
// hands the documents' ids to whoever accepts them (the Cases page links
// them to the case under the mouse).
#include <functional>
#include <vector>

#include <wx/dnd.h>

#include "quire/base/types.h"

namespace quire::gui {

/// The clipboard format of dragged documents ("application/x-quire-documents").
const wxDataFormat& documents_format();
/// Data for dragging these documents.
wxDataObject* make_documents_data(const std::vector<Id>& documents);
/// The documents in such data ("12,14"); empty when it holds none.
std::vector<Id> read_documents_data(const std::string& text);

class DocumentsDropTarget : public wxDropTarget {
public:
  /// accept(documents, point) does the drop and returns true if it took it;
  /// can_drop(point) says whether a drop there would be taken.
  DocumentsDropTarget(std::function<bool(const std::vector<Id>&, wxPoint)> accept,
                      std::function<bool(wxPoint)> can_drop);
  wxDragResult OnDragOver(wxCoord x, wxCoord y, wxDragResult def) override;
  wxDragResult OnData(wxCoord x, wxCoord y, wxDragResult def) override;

private:
  std::function<bool(const std::vector<Id>&, wxPoint)> m_accept;
  std::function<bool(wxPoint)> m_can_drop;
};

} // namespace quire::gui
