// Every count the window shows (the codebook's "(codings · cases)", the
// sources' "(n codings)", the retrieved segments, the document view's
// "n codings", the status bar, a stripe's tooltip) agrees with the project
// after each kind of action, without reopening: code, uncode, undo, redo,
// rename, merge, delete, import, a case linked, and a change by another
// program (the `quire` command).
#include <chrono>
#include <fstream>
#include <functional>

#include <wx/evtloop.h>
#include <wx/statusbr.h>
#include <wx/tooltip.h>

#include "codebook_pane.h"
#include "coded_text.h"
#include "coding_stripes.h"
#include "document_view.h"
#include "gui_test_support.h"
#include "quire/model/cases.h"
#include "quire/model/codebook.h"
#include "quire/model/coding.h"
#include "quire/model/documents.h"
#include "quire/model/memos.h"
#include "segments_pane.h"
#include "sources_pane.h"
#include "wx_text.h"

using namespace quire;
using namespace quire::test;

namespace {

/// Runs the event loop (timers too) until done() holds or ms pass.
bool settle(const std::function<bool()>& done, int ms = 2500) {
  wxEventLoopGuarantor loop;
  auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
  while (std::chrono::steady_clock::now() < until) {
    wxEventLoopBase::GetActive()->Yield(true);
    pump(10);
    if (done()) {
      return true;
    }
  }
  return false;
}

/// What differs between the views and a fresh read of the project ("" when
/// they agree).
std::string stale_views(FrameFixture& f) {
  auto& p = f.p();
  std::string out;
  auto& book = f.frame->codebook();
  std::map<Id, std::pair<std::int64_t, std::int64_t>> counts;
  for (const auto& cc : code_counts(p)) {
    counts[cc.code_id] = {cc.codings, cc.cases};
  }
  for (const auto& c : list_codes(p)) {
    auto item = book.item_of(c.id);
    if (!item.IsOk()) {
      out += "codebook lacks " + c.path + "; ";
      continue;
    }
    auto label = gui::utf8(book.tree().GetItemText(item));
    auto [n, cases] = counts[c.id];
    std::string want =
        n > 0 ? c.name + "  (" + std::to_string(n) + " · " + std::to_string(cases) + ")" : c.name;
    if (label != want) {
      out += "codebook shows '" + label + "' for '" + want + "'; ";
    }
  }
  auto& sources = f.frame->sources();
  auto by_doc = coding_counts_by_document(p);
  for (const auto& d : list_documents(p)) {
    auto item = sources.item_of_document(d.id);
    if (!item.IsOk()) {
      out += "sources lack " + d.name + "; ";
      continue;
    }
    auto n = by_doc.count(d.id) ? by_doc[d.id] : 0;
    auto label = gui::utf8(sources.tree().GetItemText(item));
    std::string want =
        n ? d.name + "  (" + std::to_string(n) + (n == 1 ? " coding)" : " codings)") : d.name;
    if (label != want) {
      out += "sources show '" + label + "' for '" + want + "'; ";
    }
  }
  auto& s = f.frame->session();
  if (auto code = s.selected_code(); code && s.codes().find(*code)) {
    CodingFilter filter;
    filter.code_id = *code;
    filter.with_subcodes = f.frame->segments().with_subcodes();
    auto want = list_codings(p, filter).size();
    auto shown = static_cast<std::size_t>(f.frame->segments().list().GetItemCount());
    if (shown != want) {
      out += "segments show " + std::to_string(shown) + " of " + std::to_string(want) + "; ";
    }
  }
  auto& view = f.frame->document_view();
  if (view.document() != 0) {
    auto want = document_codings(p, view.document()).size();
    if (view.text().laid().size() != want) {
      out += "document view lays " + std::to_string(view.text().laid().size()) + " of " +
             std::to_string(want) + "; ";
    }
  }
  auto total = count_codings(p);
  auto status = gui::utf8(f.frame->GetStatusBar()->GetStatusText(1));
  auto word = std::to_string(total) + (total == 1 ? " coding " : " codings ");
  if (status.find(word) == std::string::npos) {
    out += "status bar says '" + status + "' for " + word + "; ";
  }
  return out;
}

/// Runs the loop until the views agree with the project; fails naming what differs.
void check_fresh(FrameFixture& f, const std::string& after) {
  std::string last;
  bool ok = settle([&] {
    last = stale_views(f);
    return last.empty();
  });
  BOOST_CHECK_MESSAGE(ok, "after " << after << ": " << last);
}

} // namespace

BOOST_AUTO_TEST_SUITE(fresh_views)

BOOST_FIXTURE_TEST_CASE(counts_follow_every_kind_of_action, FrameFixture) {
  auto& s = frame->session();
  auto& r = frame->commands();
  Id time = code("Barriers/Time");
  Id funding = code("Barriers/Funding");
  s.select_code(time);
  select_text("interview-cafe", "the café next to the station");
  BOOST_REQUIRE(r.invoke("code/with-selected"));
  check_fresh(*this, "code");
  select_text("interview-cafe", "next to the");
  BOOST_REQUIRE(r.invoke("code/uncode"));
  check_fresh(*this, "uncode");
  BOOST_REQUIRE(r.invoke("edit/undo"));
  check_fresh(*this, "undo");
  BOOST_REQUIRE(r.invoke("edit/redo"));
  check_fresh(*this, "redo");
  BOOST_REQUIRE(r.invoke("edit/undo"));
  check_fresh(*this, "undo again");

  // A case for the document: the codebook's second count is of cases.
  auto doc = find_document(p(), "interview-cafe").id;
  link_document(p(), doc, add_case(p(), "Cafe owner"));
  check_fresh(*this, "a case linked");

  rename_code(p(), time, "Time pressure");
  check_fresh(*this, "rename");
  s.select_code(funding);
  select_text("notes-short", "rail strike");
  BOOST_REQUIRE(r.invoke("code/with-selected"));
  check_fresh(*this, "code in another document");
  merge_codes(p(), funding, time);
  check_fresh(*this, "merge");
  s.select_code(time);
  delete_code(p(), time, true);
  check_fresh(*this, "delete");

  auto file = dir / "later.txt";
  std::ofstream(file) << "A later interview about time and funding.\n";
  BOOST_REQUIRE_EQUAL(frame->import_files({file}), 1);
  check_fresh(*this, "import");

  auto result = run_quire({"code", project.string(), "--doc", "later", "--match", "funding",
                           "--code", "Purpose/Peer support", "--coder", "cli"});
  BOOST_REQUIRE_MESSAGE(result.status == 0, result.err);
  check_fresh(*this, "a coding by another program");
}

BOOST_FIXTURE_TEST_CASE(a_stripe_s_tooltip_follows_a_rename_and_a_memo, FrameFixture) {
  auto& s = frame->session();
  s.select_code(code("Barriers/Time"));
  select_text("interview-cafe", "the café next to the station");
  BOOST_REQUIRE(frame->commands().invoke("code/with-selected"));
  pump(100);
  auto& view = frame->document_view();
  BOOST_REQUIRE_EQUAL(view.text().laid().size(), 1u);
  auto& text = view.text();
  auto& stripes = view.stripes();
  Id coding = text.laid().front().coding.id;
  wxPoint at;
  settle([&] {
    const auto& l = text.laid().front();
    int y = text.PointFromPosition(text.pos_of(l.coding.start)).y + 3;
    for (int x = 0; x < stripes.GetClientSize().x; ++x) {
      if (const auto* hit = stripes.coding_at(wxPoint(x, y)); hit && hit->coding.id == coding) {
        at = wxPoint(x, y);
        return true;
      }
    }
    return false;
  });
  BOOST_REQUIRE(at != wxPoint());
  auto hover = [&] {
    wxMouseEvent move(wxEVT_MOTION);
    move.SetPosition(at);
    move.SetEventObject(&stripes);
    stripes.GetEventHandler()->ProcessEvent(move);
  };
  auto tip = [&] {
    auto* t = stripes.GetToolTip();
    return t ? gui::utf8(t->GetTip()) : std::string();
  };
  hover();
  BOOST_CHECK_MESSAGE(tip().find("Barriers/Time") == 0, tip());

  // The pointer leaves the window (no motion over empty stripes), the code
  // is renamed and a memo written; back on the same stripe, the tooltip says so.
  wxMouseEvent leave(wxEVT_LEAVE_WINDOW);
  leave.SetEventObject(&stripes);
  stripes.GetEventHandler()->ProcessEvent(leave);
  rename_code(p(), code("Barriers/Time"), "Time pressure");
  add_memo(p(), MemoTarget::Coding, coding, "Said with a laugh");
  pump(100);
  hover();
  BOOST_CHECK_MESSAGE(tip().find("Barriers/Time pressure") == 0, tip());
  BOOST_CHECK_MESSAGE(tip().find("memo: Said with a laugh") != std::string::npos, tip());
}

BOOST_AUTO_TEST_SUITE_END()
