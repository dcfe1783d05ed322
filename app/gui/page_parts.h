#pragma once
// What the pages of Analysis (Coding Query, Word Frequencies, Coder
// Agreement, the analysis pane) share: the status line that tells a problem
// in red, running with a problem told there, the filter of the "where" box
// and coder choice, and the list of places (hits) with the text around them.
#include <functional>
#include <vector>

#include <wx/string.h>

#include "quire/analysis/analysis.h"
#include "quire/model/code_ranges.h"

class wxChoice;
class wxListCtrl;
class wxStaticText;
class wxTextCtrl;

namespace quire::gui {

class Session;

/// Whether a part of a page marked stale (its choices) is to be filled
/// again now: it is stale, the project open and no job holding it. If so, it
/// is no longer marked stale.
bool take_stale(bool& stale, const Session& s);

/// Shows text in a page's status line, in red when it tells a problem.
void tell(wxStaticText& status, const wxString& text, bool problem);

/// Runs run(); when it throws, calls forget (to empty what no longer holds)
/// and tells the problem in status: an Error in the app's words, another
/// exception by its what(). Returns whether it ran.
bool run_telling(wxStaticText& status, const std::function<void()>& run,
                 const std::function<void()>& forget = {});

/// The filter of a page's "where" box (a case condition, "" for none) and,
/// when there is one, its coder choice (item 0: everyone).
AnalysisFilter filter_of(const wxTextCtrl& where, const wxChoice* coder);

/// Fills list (columns: document, case, before, match, after) with hits and
/// width characters of text around each.
void list_hits(wxListCtrl& list, const Project& p, const std::vector<Hit>& hits, int width);

/// Shows hit i in its document, selected (what a double-click on a listed
/// hit does); nothing for an i out of range.
void open_hit(Session& s, const std::vector<Hit>& hits, long i);

/// The ranges of hits, to code them.
std::vector<DocumentRange> ranges_of(const std::vector<Hit>& hits);

} // namespace quire::gui
