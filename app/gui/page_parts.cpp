#include "page_parts.h"

#include <stdexcept>

#include <wx/choice.h>
#include <wx/listctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "hints.h"
#include "quire/base/error.h"
#include "session.h"
#include "wx_text.h"

namespace quire::gui {

bool take_stale(bool& stale, const Session& s) {
  if (!stale || !s.is_open() || s.busy()) {
    return false;
  }
  stale = false;
  return true;
}

void tell(wxStaticText& status, const wxString& text, bool problem) {
  status.SetLabel(text);
  status.SetForegroundColour(problem ? wxColour(170, 0, 0)
                                     : status.GetParent()->GetForegroundColour());
  status.Refresh();
}

bool run_telling(wxStaticText& status, const std::function<void()>& run,
                 const std::function<void()>& forget) {
  try {
    run();
    return true;
  } catch (const Error& e) {
    if (forget) {
      forget();
    }
    tell(status, wx(error_words(e)), true);
  } catch (const std::exception& e) {
    if (forget) {
      forget();
    }
    tell(status, wx(e.what()), true);
  }
  return false;
}

AnalysisFilter filter_of(const wxTextCtrl& where, const wxChoice* coder) {
  AnalysisFilter f;
  auto condition = utf8(where.GetValue().Strip(wxString::both));
  if (!condition.empty()) {
    f.where.push_back(condition);
  }
  if (coder && coder->GetSelection() > 0) {
    f.coder = utf8(coder->GetStringSelection());
  }
  return f;
}

void list_hits(wxListCtrl& list, const Project& p, const std::vector<Hit>& hits, int width) {
  auto context = in_context(p, hits, width);
  list.Freeze();
  list.DeleteAllItems();
  for (std::size_t i = 0; i < hits.size(); ++i) {
    const auto& h = hits[i];
    long row = list.InsertItem(static_cast<long>(i), wx(h.document_name));
    list.SetItem(row, 1, wx(h.case_name));
    list.SetItem(row, 2, wx(context[i].before));
    list.SetItem(row, 3, wx(context[i].match));
    list.SetItem(row, 4, wx(context[i].after));
  }
  list.Thaw();
}

void open_hit(Session& s, const std::vector<Hit>& hits, long i) {
  if (i < 0 || static_cast<std::size_t>(i) >= hits.size()) {
    return;
  }
  const auto& h = hits[static_cast<std::size_t>(i)];
  s.show_document(h.document_id, std::make_pair(h.start, h.end));
}

std::vector<DocumentRange> ranges_of(const std::vector<Hit>& hits) {
  std::vector<DocumentRange> ranges;
  ranges.reserve(hits.size());
  for (const auto& h : hits) {
    ranges.push_back({h.document_id, h.start, h.end});
  }
  return ranges;
}

} // namespace quire::gui
