// Merging projects coded by different people: documents matched by their
// text, codes by GUID then path, cases by name; codings added with their
// coder; nothing of either side lost; a report of what was added, matched
// and in conflict.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "exchange_support.h"
#include "exporters/refi_export.h"
#include "importers/refi_import.h"
#include "quire/base/progress.h"
#include "quire/ingest/exchange.h"
#include "quire/ingest/merge.h"
#include "quire/model/cases.h"
#include "quire/model/codebook.h"
#include "quire/model/coding.h"
#include "quire/model/documents.h"
#include "quire/model/memos.h"
#include "quire/store/history.h"
#include "support/project_snapshot.h"

using namespace quire;
using namespace quire::test;
namespace fs = std::filesystem;

namespace {

const std::string interview =
    "We met every week. The talk was good, the coffee bad. Some left early; most stayed.";
const std::string notes = "Field notes: rain all day.";

/// A team's starting point: two documents, a codebook, a case. Each coder
/// works on a copy of it.
void make_base(const fs::path& file) {
  auto p = Project::create(file);
  Id doc = add_text_document(p, "interview", interview);
  add_text_document(p, "notes", notes);
  add_code(p, "Purpose/Learning", "#33aa00");
  add_code(p, "Purpose/Social", "#0033aa");
  add_code(p, "Barriers", "#777777");
  Id c = add_case(p, "P1");
  set_attribute(p, c, "role", Value::of_text("teacher"));
  link_document(p, doc, c);
}

struct Team {
  TempDir dir;
  fs::path ana = dir / "ana.quire", ben = dir / "ben.quire";
  Team() {
    make_base(dir / "base.quire");
    fs::copy_file(dir / "base.quire", ana);
    fs::copy_file(dir / "base.quire", ben);
    {
      auto p = Project::open(ana);
      p.set_session_coder("ana");
      Id doc = find_document(p, "interview").id;
      code_range(p, doc, 0, 18, find_code(p, "Purpose/Social").id);    // "We met every week."
      code_range(p, doc, 19, 37, find_code(p, "Purpose/Learning").id); // "The talk was good,"
      add_memo(p, MemoTarget::Project, std::nullopt, "Ana's reading.", "Ana");
    }
    {
      auto p = Project::open(ben);
      p.set_session_coder("ben");
      Id doc = find_document(p, "interview").id;
      code_range(p, doc, 0, 18, find_code(p, "Purpose/Social").id);    // the same as ana
      code_range(p, doc, 23, 52, find_code(p, "Purpose/Learning").id); // overlaps ana's
      Id habit = add_code(p, "Purpose/Habit", "#aa00aa");
      code_range(p, doc, 54, 83, habit);
      add_memo(p, MemoTarget::Code, habit, "Coming back out of habit.");
      set_code_color(p, find_code(p, "Purpose/Social").id, "#ff0000");
      Id extra = add_text_document(p, "extra", "A second interview, ben's alone.");
      code_range(p, extra, 0, 20, find_code(p, "Barriers").id);
      auto p1 = find_case(p, "P1").id;
      set_attribute(p, p1, "role", Value::of_text("student"));
      set_attribute(p, p1, "age", Value::of_number(30));
      Id p2 = add_case(p, "P2");
      link_document(p, extra, p2);
    }
  }
};

bool has(const std::vector<ExchangeItem>& items, const std::string& kind, const std::string& name,
         const std::string& detail_part = {}) {
  return std::any_of(items.begin(), items.end(), [&](const ExchangeItem& i) {
    return i.kind == kind && i.name == name && i.detail.find(detail_part) != std::string::npos;
  });
}

bool has_json(const nlohmann::json& items, const std::string& kind, const std::string& name,
              const std::string& detail_part = {}) {
  return std::any_of(items.begin(), items.end(), [&](const nlohmann::json& i) {
    return i.at("kind") == kind && i.at("name") == name &&
           i.at("detail").get<std::string>().find(detail_part) != std::string::npos;
  });
}

std::string items(const std::vector<ExchangeItem>& v) {
  std::string out;
  for (const auto& i : v)
    out += "  " + i.kind + " " + i.name + ": " + i.detail + "\n";
  return out;
}

/// Every line of part is in whole (as many times).
bool contains_all(std::vector<std::string> whole, const std::vector<std::string>& part) {
  for (const auto& x : part) {
    auto it = std::find(whole.begin(), whole.end(), x);
    if (it == whole.end()) {
      return false;
    }
    whole.erase(it);
  }
  return true;
}

} // namespace

BOOST_AUTO_TEST_SUITE(merge)

BOOST_AUTO_TEST_CASE(two_coders_copies_merge_with_a_report_and_nothing_lost) {
  Team t;
  std::vector<std::string> ana_codings, ben_codings, ben_memos, ana_memos;
  {
    auto a = Project::open(t.ana);
    auto b = Project::open(t.ben);
    ana_codings = coding_lines(a);
    ben_codings = coding_lines(b);
    ana_memos = memo_lines(a);
    ben_memos = memo_lines(b);
  }
  auto ben_digest = file_digest(t.ben);
  auto r = run_quire({"merge", t.ana.string(), t.ben.string(), "--json"});
  BOOST_TEST_REQUIRE(r.status == 0, r.err);
  auto j = nlohmann::json::parse(r.out);
  // Conflicts: the colour ben gave Social, and P1's role; ana's are kept.
  BOOST_TEST(
      has_json(j["conflicts"], "code", "Purpose/Social", "colour #ff0000 there, #0033aa here"),
      j["conflicts"].dump(2));
  BOOST_TEST(has_json(j["conflicts"], "value", "P1: role",
                      "'student' there, 'teacher' here (kept this project's)"),
             j["conflicts"].dump(2));
  BOOST_TEST(j["conflicts"].size() == 2u, j["conflicts"].dump(2));
  // Added: ben's new code, document, case, value, attribute, memo, and ben.
  BOOST_TEST(has_json(j["added"], "code", "Purpose/Habit"));
  BOOST_TEST(has_json(j["added"], "source", "extra"));
  BOOST_TEST(has_json(j["added"], "case", "P2"));
  BOOST_TEST(has_json(j["added"], "value", "P1: age", "30"));
  BOOST_TEST(has_json(j["added"], "attribute", "age"));
  BOOST_TEST(has_json(j["added"], "user", "ben"));
  BOOST_TEST(has_json(j["added"], "note", "Coming back out of habit."));
  // Matched: the codebook by GUID, the documents by their text, P1 by name.
  for (auto code : {"Purpose", "Purpose/Learning", "Purpose/Social", "Barriers"}) {
    BOOST_TEST(has_json(j["matched"], "code", code, "same GUID"), code);
  }
  BOOST_TEST(has_json(j["matched"], "source", "interview", "same text"));
  BOOST_TEST(has_json(j["matched"], "source", "notes", "same text"));
  BOOST_TEST(has_json(j["matched"], "case", "P1"));
  BOOST_TEST(j["codings"]["added"] == 4);
  BOOST_TEST(j["codings"]["merged"] == 0); // different coders never merge

  auto a = Project::open(t.ana);
  auto merged = coding_lines(a);
  BOOST_TEST(merged.size() == ana_codings.size() + ben_codings.size());
  BOOST_TEST(contains_all(merged, ana_codings), diff(ana_codings, merged));
  BOOST_TEST(contains_all(merged, ben_codings), diff(ben_codings, merged));
  BOOST_TEST(contains_all(memo_lines(a), ana_memos));
  BOOST_TEST(contains_all(memo_lines(a), ben_memos), diff(ben_memos, memo_lines(a)));
  BOOST_TEST(find_code(a, "Purpose/Social").color == "#0033aa");
  auto p1 = case_attributes(a, find_case(a, "P1").id);
  BOOST_TEST(p1["role"].display() == "teacher");
  BOOST_TEST(p1["age"].display() == "30");
  BOOST_TEST((get_document(a, find_document(a, "extra").id).case_id == find_case(a, "P2").id));
  // The other project is untouched; the merge is one step that undo takes back.
  BOOST_TEST(file_digest(t.ben) == ben_digest);
  BOOST_TEST(undo_name(a).value_or("") == "Merge 'ben.quire'");
  undo(a);
  BOOST_TEST(coding_lines(a) == ana_codings);
  BOOST_TEST(!try_find_code(a, "Purpose/Habit"));
  BOOST_TEST(list_documents(a).size() == 2u);
}

BOOST_AUTO_TEST_CASE(merge_from_qdpx_gives_the_same_as_from_the_project) {
  Team t;
  fs::copy_file(t.ana, t.dir / "ana2.quire");
  auto qdpx = t.dir / "ben.qdpx";
  BOOST_TEST_REQUIRE(run_quire({"export", t.ben.string(), qdpx.string()}).status == 0);
  auto r1 = run_quire({"merge", t.ana.string(), t.ben.string()});
  BOOST_TEST_REQUIRE(r1.status == 0, r1.err);
  auto r2 = run_quire({"merge", (t.dir / "ana2.quire").string(), qdpx.string()});
  BOOST_TEST_REQUIRE(r2.status == 0, r2.err);
  BOOST_TEST(r2.out.find("conflict  code Purpose/Social: colour #ff0000 there, #0033aa here") !=
                 std::string::npos,
             r2.out);
  auto a = Project::open(t.ana);
  auto a2 = Project::open(t.dir / "ana2.quire");
  BOOST_TEST(coding_lines(a) == coding_lines(a2), diff(coding_lines(a), coding_lines(a2)));
  BOOST_TEST(codebook_lines(a) == codebook_lines(a2), diff(codebook_lines(a), codebook_lines(a2)));
  BOOST_TEST(case_lines(a) == case_lines(a2), diff(case_lines(a), case_lines(a2)));
  BOOST_TEST(memo_lines(a) == memo_lines(a2), diff(memo_lines(a), memo_lines(a2)));
}

BOOST_AUTO_TEST_CASE(merging_both_ways_gives_the_same_codings) {
  Team t;
  fs::copy_file(t.ben, t.dir / "ben2.quire");
  BOOST_TEST_REQUIRE(run_quire({"merge", t.ana.string(), t.ben.string()}).status == 0);
  BOOST_TEST_REQUIRE(run_quire({"merge", (t.dir / "ben2.quire").string(), t.ana.string()}).status ==
                     0);
  auto a = Project::open(t.ana);
  auto b = Project::open(t.dir / "ben2.quire");
  BOOST_TEST(coding_lines(a) == coding_lines(b), diff(coding_lines(a), coding_lines(b)));
  BOOST_TEST(document_lines(a) == document_lines(b));
  // Merging again changes nothing.
  auto before = coding_lines(a);
  auto rep = store_exchange(a, collect_exchange(b));
  BOOST_TEST(rep.codings_added == 0);
  BOOST_TEST(coding_lines(a) == before);
}

BOOST_AUTO_TEST_CASE(independent_projects_match_by_text_and_path) {
  TempDir dir;
  auto x = Project::create(dir / "x.quire");
  auto y = Project::create(dir / "y.quire");
  Id dx = add_text_document(x, "int-A", interview);
  Id dy = add_text_document(y, "Interview (Ben's copy)", interview);
  Id tx = add_code(x, "Theme/Sub", "#111111");
  Id ty = add_code(y, "Theme/Sub", "#222222", "Ben's definition");
  x.set_session_coder("ana");
  y.set_session_coder("ben");
  code_range(x, dx, 0, 10, tx);
  code_range(y, dy, 5, 15, ty);
  auto rep = store_exchange(x, collect_exchange(y));
  BOOST_TEST(has(rep.matched, "source", "Interview (Ben's copy)", "same text as 'int-A'"),
             items(rep.matched));
  BOOST_TEST(has(rep.matched, "code", "Theme", "same path"), items(rep.matched));
  BOOST_TEST(has(rep.matched, "code", "Theme/Sub", "same path; description added"),
             items(rep.matched));
  BOOST_TEST(has(rep.conflicts, "code", "Theme/Sub", "colour #222222 there, #111111 here"),
             items(rep.conflicts));
  BOOST_TEST(coding_lines(x) == (std::vector<std::string>{"int-A|Theme/Sub|ana|0|10|We met eve",
                                                          "int-A|Theme/Sub|ben|5|15|t every we"}),
             diff(coding_lines(x), {}));
  BOOST_TEST(find_code(x, "Theme/Sub").description == "Ben's definition");
  BOOST_TEST(list_documents(x).size() == 1u);
}

BOOST_AUTO_TEST_CASE(same_coder_in_both_projects_keeps_the_union) {
  TempDir dir;
  auto file = dir / "a.quire";
  {
    auto p = Project::create(file);
    Id d = add_text_document(p, "doc", interview);
    p.set_session_coder("ana");
    code_range(p, d, 0, 10, add_code(p, "X"));
  }
  fs::copy_file(file, dir / "b.quire");
  fs::copy_file(file, dir / "c.quire");
  {
    // In b, ana extends her coding (code_range merges it into a new one).
    auto b = Project::open(dir / "b.quire");
    b.set_session_coder("ana");
    code_range(b, find_document(b, "doc").id, 5, 20, find_code(b, "X").id);
  }
  {
    // In c, her coding grows by a merge: it keeps its GUID, with a longer
    // range than the same GUID has in a.
    auto c = Project::open(dir / "c.quire");
    auto b = Project::open(dir / "b.quire");
    store_exchange(c, collect_exchange(b));
    auto cs = document_codings(c, find_document(c, "doc").id);
    BOOST_TEST_REQUIRE(cs.size() == 1u);
    BOOST_TEST(cs[0].end == 20);
  }
  auto a = Project::open(file);
  auto c = Project::open(dir / "c.quire");
  auto rep = store_exchange(a, collect_exchange(c));
  BOOST_TEST(coding_lines(a) == std::vector<std::string>{"doc|X|ana|0|20|We met every week. T"},
             diff(coding_lines(a), {}));
  BOOST_TEST(rep.codings_merged == 1);
}

BOOST_AUTO_TEST_CASE(edited_memo_is_kept_from_both_sides) {
  TempDir dir;
  auto file = dir / "a.quire";
  {
    auto p = Project::create(file);
    add_memo(p, MemoTarget::Project, std::nullopt, "First thoughts.", "Plan");
  }
  fs::copy_file(file, dir / "b.quire");
  {
    auto b = Project::open(dir / "b.quire");
    edit_memo(b, list_memos(b).at(0).id, "First thoughts, revised by Ben.");
  }
  auto a = Project::open(file);
  auto rep = store_exchange(a, collect_exchange(Project::open(dir / "b.quire")));
  auto memos = list_memos(a);
  BOOST_TEST_REQUIRE(memos.size() == 2u);
  std::vector<std::string> texts = {memos[0].text, memos[1].text};
  std::sort(texts.begin(), texts.end());
  BOOST_TEST(texts ==
             (std::vector<std::string>{"First thoughts, revised by Ben.", "First thoughts."}));
  BOOST_TEST(has(rep.conflicts, "note", "Plan", "a different text there"), items(rep.conflicts));
}

BOOST_AUTO_TEST_CASE(moved_code_is_reported) {
  TempDir dir;
  auto file = dir / "a.quire";
  {
    auto p = Project::create(file);
    add_code(p, "A");
    add_code(p, "B/Child");
  }
  fs::copy_file(file, dir / "b.quire");
  {
    auto b = Project::open(dir / "b.quire");
    move_code(b, find_code(b, "B/Child").id, find_code(b, "A").id);
  }
  auto a = Project::open(file);
  auto rep = store_exchange(a, collect_exchange(Project::open(dir / "b.quire")));
  BOOST_TEST(has(rep.conflicts, "code", "B/Child", "under 'A' there"), items(rep.conflicts));
  BOOST_TEST(try_find_code(a, "B/Child").has_value());
}

BOOST_AUTO_TEST_CASE(dry_run_and_refusals_change_nothing) {
  Team t;
  auto before = file_digest(t.ana);
  auto r = run_quire({"merge", t.ana.string(), t.ben.string(), "--dry-run"});
  BOOST_TEST(r.status == 0, r.err);
  BOOST_TEST(r.out.find("Would merge") != std::string::npos, r.out);
  BOOST_TEST(r.out.find("conflict  code Purpose/Social") != std::string::npos, r.out);
  BOOST_TEST(file_digest(t.ana) == before);
  r = run_quire({"merge", t.ana.string(), t.ana.string()});
  BOOST_TEST(r.status == 1);
  BOOST_TEST(r.err.find("cannot merge a project into itself") != std::string::npos, r.err);
  write_file(t.dir / "notes.txt", "just text");
  r = run_quire({"merge", t.ana.string(), (t.dir / "notes.txt").string()});
  BOOST_TEST(r.status == 1);
  BOOST_TEST(r.err.find("is not a Quire project (.quire) or a REFI-QDA project (.qdpx)") !=
                 std::string::npos,
             r.err);
  BOOST_TEST(file_digest(t.ana) == before);
}

// merge_project is core's: what File > Merge in the desktop app will call, and
// what `quire merge` calls for a .quire file. Called directly here.

namespace {

/// Notes the phases it is told, and cancels once it has been told `at`.
class CancelAfter : public Progress {
public:
  explicit CancelAfter(std::string at) : m_at(std::move(at)) {}
  void message(const std::string& text) override { messages.push_back(text); }
  bool cancelled() const override {
    return std::any_of(messages.begin(), messages.end(),
                       [&](const std::string& m) { return m.rfind(m_at, 0) == 0; });
  }
  std::vector<std::string> messages;

private:
  std::string m_at;
};

} // namespace

BOOST_AUTO_TEST_CASE(merge_project_gives_counts_and_conflicts_for_the_front_end) {
  Team t;
  auto ben_digest = file_digest(t.ben);
  auto a = Project::open(t.ana);
  auto ana_codings = coding_lines(a);
  CancelAfter progress("never");
  auto rep = merge_project(a, t.ben, {}, progress);
  BOOST_TEST(rep.action_name == "Merge 'ben.quire'");
  BOOST_TEST(!rep.dry_run);
  BOOST_TEST(rep.conflicts() == 2);
  BOOST_TEST(rep.counts["code"].conflicts == 1);  // Purpose/Social's colour
  BOOST_TEST(rep.counts["value"].conflicts == 1); // P1's role
  BOOST_TEST(rep.counts["code"].added == 1);      // Purpose/Habit
  BOOST_TEST(rep.counts["code"].matched == 4);
  BOOST_TEST(rep.counts["source"].added == 1);   // extra
  BOOST_TEST(rep.counts["source"].matched == 2); // interview, notes
  BOOST_TEST(rep.counts["case"].added == 1);     // P2
  BOOST_TEST(rep.counts["case"].matched == 1);   // P1
  BOOST_TEST(rep.items.codings_added == 4);
  BOOST_TEST(
      has(rep.items.conflicts, "code", "Purpose/Social", "colour #ff0000 there, #0033aa here"),
      items(rep.items.conflicts));
  BOOST_TEST(
      (progress.messages == std::vector<std::string>{"Reading ben.quire", "Merging ben.quire"}));
  BOOST_TEST(coding_lines(a).size() == ana_codings.size() + 4);
  BOOST_TEST(undo_name(a).value_or("") == "Merge 'ben.quire'");
  BOOST_TEST(file_digest(t.ben) == ben_digest);
  undo(a);
  BOOST_TEST(coding_lines(a) == ana_codings);
}

BOOST_AUTO_TEST_CASE(merge_project_dry_run_reports_the_same_and_changes_nothing) {
  Team t;
  auto a = Project::open(t.ana);
  auto before = project_snapshot(a);
  auto last_step = undo_name(a);
  MergeOptions opt;
  opt.dry_run = true;
  auto dry = merge_project(a, t.ben, opt);
  BOOST_TEST(dry.dry_run);
  BOOST_TEST(project_snapshot(a) == before);
  BOOST_TEST((undo_name(a) == last_step));
  auto real = merge_project(a, t.ben);
  BOOST_TEST(dry.conflicts() == real.conflicts());
  BOOST_TEST(dry.items.codings_added == real.items.codings_added);
  BOOST_TEST(dry.counts["code"].added == real.counts["code"].added);
  BOOST_TEST(dry.counts["source"].matched == real.counts["source"].matched);
  BOOST_TEST(project_snapshot(a) != before);
}

BOOST_AUTO_TEST_CASE(merge_project_refusals_and_failures_leave_the_project_as_it_was) {
  Team t;
  auto a = Project::open(t.ana);
  auto before = project_snapshot(a);
  auto last_step = undo_name(a);
  // Itself, also by another spelling of its path.
  for (auto self : {t.ana, t.dir / "." / "ana.quire"}) {
    try {
      merge_project(a, self);
      BOOST_FAIL("merged a project into itself");
    } catch (const MergeRefused& e) {
      BOOST_TEST(int(e.reason()) == int(MergeRefused::Reason::IntoItself));
      BOOST_TEST(std::string(e.what()) == "cannot merge a project into itself");
    }
  }
  // Not a project: the StorageError's kind says so, for the front end to word.
  write_file(t.dir / "notes.quire", "just text, named like a project");
  try {
    merge_project(a, t.dir / "notes.quire");
    BOOST_FAIL("merged a text file");
  } catch (const StorageError& e) {
    BOOST_TEST(int(e.kind()) == int(StorageError::Kind::NotAProject), e.what());
    BOOST_TEST(std::string(e.what()).find("notes.quire") != std::string::npos, e.what());
  }
  BOOST_CHECK_THROW(merge_project(a, t.dir / "missing.quire"), StorageError);
  // Cancelled after reading the other project: nothing stored.
  CancelAfter progress("Reading");
  BOOST_CHECK_THROW(merge_project(a, t.ben, {}, progress), Cancelled);
  BOOST_TEST(progress.messages.size() == 1u);
  BOOST_TEST(project_snapshot(a) == before);
  BOOST_TEST((undo_name(a) == last_step));
}

BOOST_AUTO_TEST_SUITE_END()
