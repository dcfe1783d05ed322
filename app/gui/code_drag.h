#pragma once
// Dragging a code from the codebook: the data format, and a drop target that
// hands the code's id to whoever accepts it (the text views code the
// selection with it; the codebook moves it under another code).
#include <functional>
#include <optional>

#include <wx/dnd.h>

#include "quire/base/types.h"

namespace quire::gui {

/// The clipboard format of a dragged code ("application/x-quire-code").
const wxDataFormat& code_format();
/// Data for dragging the code with this id.
wxDataObject* make_code_data(Id code);

class CodeDropTarget : public wxDropTarget {
public:
  /// accept(code, point) does the drop and returns true if it took it;
  /// can_drop(point) says whether a drop there would be taken.
  CodeDropTarget(std::function<bool(Id, wxPoint)> accept, std::function<bool(wxPoint)> can_drop);
  wxDragResult OnDragOver(wxCoord x, wxCoord y, wxDragResult def) override;
  wxDragResult OnData(wxCoord x, wxCoord y, wxDragResult def) override;

private:
  std::function<bool(Id, wxPoint)> m_accept;
  std::function<bool(wxPoint)> m_can_drop;
};

} // namespace quire::gui
