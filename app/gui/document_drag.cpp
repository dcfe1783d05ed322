#include "document_drag.h"

#include <sstream>
#include <string>

namespace quire::gui {

const wxDataFormat& documents_format() {
  static const wxDataFormat format("application/x-quire-documents");
  return format;
}

wxDataObject* make_documents_data(const std::vector<Id>& documents) {
  std::string text;
  for (Id d : documents) {
    text += (text.empty() ? "" : ",") + std::to_string(d);
  }
  auto* data = new wxCustomDataObject(documents_format());
  data->SetData(text.size(), text.data());
  return data;
}

std::vector<Id> read_documents_data(const std::string& text) {
  std::vector<Id> out;
  std::istringstream in(text);
  std::string part;
  while (std::getline(in, part, ',')) {
    try {
      out.push_back(std::stoll(part));
    } catch (const std::exception&) {
      return {};
    }
  }
  return out;
}

DocumentsDropTarget::DocumentsDropTarget(
    std::function<bool(const std::vector<Id>&, wxPoint)> accept,
    std::function<bool(wxPoint)> can_drop)
    : wxDropTarget(new wxCustomDataObject(documents_format())), m_accept(std::move(accept)),
      m_can_drop(std::move(can_drop)) {}

wxDragResult DocumentsDropTarget::OnDragOver(wxCoord x, wxCoord y, wxDragResult def) {
  return m_can_drop(wxPoint(x, y)) ? (def == wxDragNone ? wxDragLink : def) : wxDragNone;
}

wxDragResult DocumentsDropTarget::OnData(wxCoord x, wxCoord y, wxDragResult def) {
  if (!GetData()) {
    return wxDragNone;
  }
  auto* data = static_cast<wxCustomDataObject*>(GetDataObject());
  auto ids =
      read_documents_data(std::string(static_cast<const char*>(data->GetData()), data->GetSize()));
  if (ids.empty()) {
    return wxDragNone;
  }
  return m_accept(ids, wxPoint(x, y)) ? def : wxDragNone;
}

} // namespace quire::gui
