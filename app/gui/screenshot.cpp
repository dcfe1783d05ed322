#include "screenshot.h"

#include <wx/dcclient.h>
#include <wx/dcmemory.h>
#include <wx/dcscreen.h>
#include <wx/image.h>
#include <wx/window.h>

#include "quire/base/error.h"
#include "wx_text.h"

namespace quire::gui {

namespace {

/// True when every pixel has the same colour.
bool is_blank(const wxImage& img) {
  const unsigned char* d = img.GetData();
  std::size_t n =
      static_cast<std::size_t>(img.GetWidth()) * static_cast<std::size_t>(img.GetHeight()) * 3;
  for (std::size_t i = 3; i < n; i += 3) {
    if (d[i] != d[0] || d[i + 1] != d[1] || d[i + 2] != d[2]) {
      return false;
    }
  }
  return true;
}

} // namespace

void write_screenshot(wxWindow* window, const std::filesystem::path& png) {
  window->Update();
  wxSize size = window->GetSize();
  wxBitmap bmp(size.x, size.y, 24);
  {
    // The window's pixels as the X server shows them (Xvfb has no window
    // manager, so the frame is its client area at its screen position).
    wxScreenDC screen;
    wxMemoryDC mem(bmp);
    wxPoint at = window->GetScreenPosition();
    mem.Blit(0, 0, size.x, size.y, &screen, at.x, at.y);
    mem.SelectObject(wxNullBitmap);
  }
  wxImage img = bmp.ConvertToImage();
  if (!img.IsOk() || is_blank(img)) {
    throw Error("the screenshot came out blank: is the window shown on a display?");
  }
  if (!img.SaveFile(wx(png.string()), wxBITMAP_TYPE_PNG)) {
    throw StorageError("cannot write " + png.string());
  }
}

} // namespace quire::gui
