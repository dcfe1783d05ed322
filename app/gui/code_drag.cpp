#include "code_drag.h"

#include <string>

namespace quire::gui {

const wxDataFormat& code_format() {
  static const wxDataFormat format("application/x-quire-code");
  return format;
}

wxDataObject* make_code_data(Id code) {
  auto* data = new wxCustomDataObject(code_format());
  auto text = std::to_string(code);
  data->SetData(text.size(), text.data());
  return data;
}

CodeDropTarget::CodeDropTarget(std::function<bool(Id, wxPoint)> accept,
                               std::function<bool(wxPoint)> can_drop)
    : wxDropTarget(new wxCustomDataObject(code_format())), m_accept(std::move(accept)),
      m_can_drop(std::move(can_drop)) {}

wxDragResult CodeDropTarget::OnDragOver(wxCoord x, wxCoord y, wxDragResult def) {
  return m_can_drop(wxPoint(x, y)) ? (def == wxDragNone ? wxDragCopy : def) : wxDragNone;
}

wxDragResult CodeDropTarget::OnData(wxCoord x, wxCoord y, wxDragResult def) {
  if (!GetData()) {
    return wxDragNone;
  }
  auto* data = static_cast<wxCustomDataObject*>(GetDataObject());
  std::string text(static_cast<const char*>(data->GetData()), data->GetSize());
  Id code = 0;
  try {
    code = std::stoll(text);
  } catch (const std::exception&) {
    return wxDragNone;
  }
  return m_accept(code, wxPoint(x, y)) ? def : wxDragNone;
}

} // namespace quire::gui
