// Every path that adds rows writes them through the one writer of each table
// (core/store/rows_p.h), one at a time or gathered and written by one statement.
// Whichever way, the change journal tells another program of every table and
// document written, and one undo takes the whole action back, redo puts it
// back, exactly.
#include "quire/base/text.h"
#include "quire/ingest/exchange.h"
#include "quire/ingest/import_data.h"
#include "quire/model/cases.h"
#include "quire/model/codebook.h"
#include "quire/model/coding.h"
#include "quire/model/documents.h"
#include "quire/model/memos.h"
#include "quire/store/history.h"
#include "quire/store/project.h"
#include "support/project_snapshot.h"
#include "support/test_support.h"

using namespace quire;
using quire::test::project_snapshot;
using quire::test::TempDir;

namespace {

using Tables = std::set<std::string>;

/// What a second connection hears of one action, through the change journal.
ChangeSet journalled(const std::filesystem::path& file, const std::function<void(Project&)>& act) {
  auto writer = Project::open(file);
  auto reader = Project::open(file);
  std::vector<ChangeSet> heard;
  reader.subscribe([&](const ChangeSet& c) { heard.push_back(c); });
  act(writer);
  BOOST_TEST(reader.poll_changes());
  BOOST_TEST_REQUIRE(heard.size() == 1u);
  BOOST_TEST(heard[0].external);
  return heard[0];
}

/// Undo takes the action back to `before`, redo to `after`, each on a
/// freshly opened project.
void undoes_and_redoes(const std::filesystem::path& file, const std::string& before,
                       const std::string& after) {
  {
    auto p = Project::open(file);
    BOOST_TEST(undo(p).has_value());
    BOOST_TEST(project_snapshot(p) == before);
  }
  auto p = Project::open(file);
  BOOST_TEST(redo(p).has_value());
  BOOST_TEST(project_snapshot(p) == after);
}

std::string snapshot(const std::filesystem::path& file) {
  return project_snapshot(Project::open(file));
}

/// A survey-shaped import: a case with values (one of them clearing a value
/// the case had), a respondent document of that case with passages of
/// questions and speakers, codings, a memo.
ImportData survey_data() {
  ImportData data;
  data.source_file = "survey.csv";
  data.kind = "csv";
  data.sha256 = "5e1";
  data.attributes = {{0, {}, "Role", AttrType::Text}, {0, {}, "Years", AttrType::Number}};
  data.cases.push_back({"R1", {{"Role", Value::of_text("Teacher")}, {"Years", Value::none()}}});
  data.cases.push_back({"R2", {{"Years", Value::of_number(4)}}});
  ImportedDocument d;
  d.name = "R2";
  d.kind = DocumentKind::Survey;
  d.folder = "survey";
  d.case_name = "R2";
  d.text = normalize_text("Because of time.\n\nAnn: rarely.");
  d.passages.push_back({0, 16, {}, {}, {}, {}, "Why join"});
  d.passages.push_back({18, 30, "Ann", 1000, 2000, "R1", "How often"});
  d.codings.push_back({"Questions/Why join", 0, 16});
  d.memos.push_back("A note in the file.");
  data.documents.push_back(std::move(d));
  return data;
}

/// Another project's content, as a REFI-QDA file or a merge brings it.
ProjectData exchange_data() {
  ProjectData data;
  data.name = "other";
  data.users.push_back({"00000000-0000-4000-8000-0000000000a1", "ben"});
  data.codes.push_back({"00000000-0000-4000-8000-0000000000c1", {}, "Trust", "#00ff00", "why"});
  data.attributes.push_back({0, "00000000-0000-4000-8000-0000000000b1", "Site", AttrType::Text});
  data.cases.push_back(
      {"00000000-0000-4000-8000-0000000000e1", "S1", "a school", {{"Site", Value::of_text("N")}}});
  ExchangeSource src;
  src.guid = "00000000-0000-4000-8000-0000000000d1";
  src.name = "interview";
  src.text = normalize_text("We trust each other.\n\nMostly.");
  src.case_name = "S1";
  src.passages.push_back({"00000000-0000-4000-8000-0000000000f1", 0, 20, "S1", "Ann", {}, {}, {}});
  src.codings.push_back({"00000000-0000-4000-8000-0000000000a2",
                         "00000000-0000-4000-8000-0000000000c1", 3, 8, "ben",
                         "2024-01-02T03:04:05Z"});
  data.sources.push_back(std::move(src));
  data.notes.push_back({"00000000-0000-4000-8000-0000000000a3",
                        MemoTarget::Coding,
                        "00000000-0000-4000-8000-0000000000a2",
                        "On trust",
                        "Said twice.",
                        "ben",
                        {},
                        {}});
  data.notes.push_back(
      {"00000000-0000-4000-8000-0000000000a4", MemoTarget::Project, {}, {}, "Merged.", {}, {}, {}});
  return data;
}

} // namespace

BOOST_AUTO_TEST_SUITE(row_writers)

BOOST_AUTO_TEST_CASE(an_import_written_in_bulk_is_journalled_and_undone_whole) {
  TempDir dir;
  auto file = dir / "w.quire";
  {
    auto p = Project::create(file);
    Id r1 = add_case(p, "R1");
    set_attribute(p, r1, "Years", Value::of_number(9));
  }
  const auto before = snapshot(file);
  ImportOptions opt;
  opt.code_speakers = true;
  auto c = journalled(file, [&](Project& p) { store_import(p, survey_data(), opt); });
  const auto after = snapshot(file);
  BOOST_TEST(before != after);
  for (const char* t : {"case_", "case_value", "document", "document_text", "passage", "coding",
                        "memo", "question", "code", "coder", "import_log"}) {
    BOOST_TEST_CONTEXT("table " << t) {
      BOOST_TEST(c.tables.count(t) == 1u);
    }
  }
  BOOST_TEST(c.documents.size() == 1u);
  BOOST_TEST(c.codings.size() == 2u); // the question's coding and Ann's speaker coding
  {
    auto p = Project::open(file);
    BOOST_TEST(case_attributes(p, find_case(p, "R1").id).count("Years") == 0u); // cleared
    BOOST_TEST(list_memos(p, MemoTarget::Document).size() == 1u);
  }
  undoes_and_redoes(file, before, after);
}

BOOST_AUTO_TEST_CASE(storing_another_projects_data_is_journalled_and_undone_whole) {
  TempDir dir;
  auto file = dir / "x.quire";
  { Project::create(file); }
  const auto before = snapshot(file);
  auto c = journalled(file, [&](Project& p) {
    auto rep = store_exchange(p, exchange_data());
    BOOST_TEST(rep.codings_added == 1);
  });
  const auto after = snapshot(file);
  for (const char* t : {"case_", "case_value", "attribute", "document", "document_text", "passage",
                        "coding", "memo", "code", "coder"}) {
    BOOST_TEST_CONTEXT("table " << t) {
      BOOST_TEST(c.tables.count(t) == 1u);
    }
  }
  BOOST_TEST(c.codings.size() == 1u);
  {
    auto p = Project::open(file);
    auto docs = list_documents(p);
    BOOST_TEST_REQUIRE(docs.size() == 1u);
    BOOST_TEST(docs[0].guid == "00000000-0000-4000-8000-0000000000d1"); // the data's GUID kept
    auto codings = document_codings(p, docs[0].id);
    BOOST_TEST_REQUIRE(codings.size() == 1u);
    BOOST_TEST(codings[0].coder == "ben");
    BOOST_TEST(codings[0].created_at == "2024-01-02T03:04:05Z");
    BOOST_TEST(list_memos(p, MemoTarget::Coding).size() == 1u);
  }
  undoes_and_redoes(file, before, after);
}

BOOST_AUTO_TEST_CASE(interactive_writes_are_journalled_one_step_each) {
  TempDir dir;
  auto file = dir / "i.quire";
  Id doc = 0, code = 0;
  {
    auto p = Project::create(file);
    doc = add_text_document(p, "d", "One two three four five.");
    code = add_code(p, "A");
  }
  struct Step {
    const char* name;
    std::function<void(Project&)> act;
    Tables tables;
  };
  const std::vector<Step> steps = {
      {"code with a memo",
       [&](Project& p) { code_range(p, doc, 0, 13, code, "why"); },
       {"coding", "memo"}},
      {"uncode the middle (a coding split in two)",
       [&](Project& p) { uncode_range(p, doc, 4, 8, code); },
       {"coding"}},
      {"memo",
       [&](Project& p) { add_memo(p, MemoTarget::Document, doc, "text", "title"); },
       {"memo"}},
      {"case", [&](Project& p) { add_case(p, "P1", "first"); }, {"case_"}},
      {"value",
       [&](Project& p) { set_attribute(p, find_case(p, "P1").id, "Age", Value::of_number(3)); },
       {"attribute", "case_value"}},
  };
  for (const auto& s : steps) {
    BOOST_TEST_CONTEXT("step " << s.name) {
      const auto before = snapshot(file);
      auto c = journalled(file, s.act);
      const auto after = snapshot(file);
      BOOST_TEST(before != after);
      for (const auto& t : s.tables) {
        BOOST_TEST_CONTEXT("table " << t) {
          BOOST_TEST(c.tables.count(t) == 1u);
        }
      }
      undoes_and_redoes(file, before, after);
    }
  }
  auto p = Project::open(file);
  auto codings = document_codings(p, doc);
  BOOST_TEST_REQUIRE(codings.size() == 2u); // 0:4 and 8:13
  BOOST_TEST(codings[1].start == 8);
  BOOST_TEST(codings[1].created_at == codings[0].created_at); // the split keeps its age
}

BOOST_AUTO_TEST_SUITE_END()
