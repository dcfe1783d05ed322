// Round trip: export -> import into an empty project -> export again gives
// the same codebook, selections (offsets and text), cases and variables.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "exchange_support.h"
#include "exporters/refi_export.h"
#include "importers/refi_import.h"
#include "quire/base/text.h"
#include "quire/ingest/exchange.h"
#include "quire/model/codebook.h"
#include "quire/model/coding.h"
#include "quire/model/documents.h"

using namespace quire;
using namespace quire::test;

namespace {

/// What a .qdpx says, as sorted lines independent of element order.
struct Said {
  std::vector<std::string> codes, selections, cases, variables, notes, users, sources;
};

Said said(const std::filesystem::path& qdpx) {
  auto d = read_refi_project(qdpx);
  BOOST_TEST(d.not_imported.empty());
  Said s;
  for (const auto& c : d.codes) {
    s.codes.push_back(c.guid + "|" + c.parent_guid + "|" + c.name + "|" + c.color + "|" +
                      c.description);
  }
  for (const auto& a : d.attributes) {
    s.variables.push_back(a.guid + "|" + a.name + "|" + to_string(a.type));
  }
  for (const auto& c : d.cases) {
    std::string line = c.guid + "|" + c.name + "|" + c.description;
    for (const auto& [n, v] : c.values) {
      line += "|" + n + "=" + v.display();
    }
    s.cases.push_back(line);
  }
  for (const auto& src : d.sources) {
    s.sources.push_back(src.guid + "|" + src.name + "|" + src.case_name + "|" + src.text);
    CodePointIndex idx(src.text);
    for (const auto& c : src.codings) {
      s.selections.push_back(src.name + "|" + c.guid + "|" + c.code_guid + "|" +
                             std::to_string(c.start) + "|" + std::to_string(c.end) + "|" + c.coder +
                             "|" + c.created_at + "|" + std::string(idx.slice(c.start, c.end)));
    }
    for (const auto& ps : src.passages) {
      if (!ps.case_name.empty()) {
        s.selections.push_back(src.name + "|case " + ps.case_name + "|" + ps.guid + "|" +
                               std::to_string(ps.start) + "|" + std::to_string(ps.end) + "|" +
                               std::string(idx.slice(ps.start, ps.end)));
      }
    }
  }
  for (const auto& n : d.notes) {
    s.notes.push_back(n.guid + "|" + to_string(n.target) + "|" + n.target_guid + "|" + n.title +
                      "|" + n.text + "|" + n.author + "|" + n.created_at);
  }
  for (const auto& u : d.users) {
    s.users.push_back(u.guid + "|" + u.name);
  }
  for (auto* v :
       {&s.codes, &s.selections, &s.cases, &s.variables, &s.notes, &s.users, &s.sources}) {
    std::sort(v->begin(), v->end());
  }
  return s;
}

void check_same(const Said& a, const Said& b) {
  BOOST_TEST(a.codes == b.codes, "codebook:\n" << diff(a.codes, b.codes));
  BOOST_TEST(a.selections == b.selections, "selections:\n" << diff(a.selections, b.selections));
  BOOST_TEST(a.cases == b.cases, "cases:\n" << diff(a.cases, b.cases));
  BOOST_TEST(a.variables == b.variables, "variables:\n" << diff(a.variables, b.variables));
  BOOST_TEST(a.notes == b.notes, "notes:\n" << diff(a.notes, b.notes));
  BOOST_TEST(a.users == b.users, "users:\n" << diff(a.users, b.users));
  BOOST_TEST(a.sources == b.sources, "sources:\n" << diff(a.sources, b.sources));
}

void check_same_project(const Project& a, const Project& b) {
  BOOST_TEST(codebook_lines(a) == codebook_lines(b), diff(codebook_lines(a), codebook_lines(b)));
  BOOST_TEST(coding_lines(a) == coding_lines(b), diff(coding_lines(a), coding_lines(b)));
  BOOST_TEST(case_lines(a) == case_lines(b), diff(case_lines(a), case_lines(b)));
  BOOST_TEST(memo_lines(a) == memo_lines(b), diff(memo_lines(a), memo_lines(b)));
  BOOST_TEST(document_lines(a) == document_lines(b), diff(document_lines(a), document_lines(b)));
}

} // namespace

BOOST_AUTO_TEST_SUITE(refi_round_trip)

BOOST_AUTO_TEST_CASE(export_import_export_gives_the_same_project) {
  SampleProject s;
  auto first = s.dir / "first.qdpx";
  export_qdpx(s.project, first);

  auto p2 = Project::create(s.dir / "second.quire");
  auto rep = store_exchange(p2, read_refi_project(first));
  BOOST_TEST(rep.conflicts.empty());
  BOOST_TEST(rep.codings_added == 8);
  BOOST_TEST(rep.codings_merged == 0);
  check_same_project(s.project, p2);

  auto second = s.dir / "second.qdpx";
  export_qdpx(p2, second);
  check_valid(zip_member(second, "project.qde"), "Project-mrt2019.xsd");
  check_same(said(first), said(second));
  // The passages of the survey keep their cases; the other passages are
  // the paragraphs again.
  auto survey = find_document(p2, "Why did you join?");
  auto orig = find_document(s.project, "Why did you join?");
  auto ps2 = list_passages(p2, survey.id), ps1 = list_passages(s.project, orig.id);
  BOOST_TEST_REQUIRE(ps1.size() == ps2.size());
  for (std::size_t i = 0; i < ps1.size(); ++i) {
    BOOST_TEST(ps1[i].start == ps2[i].start);
    BOOST_TEST(ps1[i].end == ps2[i].end);
    BOOST_TEST(ps1[i].guid == ps2[i].guid);
  }
}

BOOST_AUTO_TEST_CASE(importing_the_same_file_again_adds_nothing) {
  SampleProject s;
  auto file = s.dir / "sample.qdpx";
  export_qdpx(s.project, file);
  auto before = coding_lines(s.project);
  auto rep = store_exchange(s.project, read_refi_project(file));
  std::string added;
  for (const auto& a : rep.added)
    added += a.kind + " " + a.name + "; ";
  BOOST_TEST(rep.added.empty(), "added: " << added);
  BOOST_TEST(rep.conflicts.empty());
  BOOST_TEST(rep.codings_added == 0);
  BOOST_TEST(rep.codings_matched == 8);
  BOOST_TEST(coding_lines(s.project) == before);
  BOOST_TEST(list_documents(s.project).size() == 2u);
}

BOOST_AUTO_TEST_CASE(cli_round_trip_into_a_new_project) {
  SampleProject s;
  auto first = (s.dir / "first.qdpx").string(), second = (s.dir / "second.qdpx").string();
  auto copy = (s.dir / "copy.quire").string();
  BOOST_TEST_REQUIRE(run_quire({"export", s.file.string(), first}).status == 0);
  BOOST_TEST_REQUIRE(run_quire({"init", copy}).status == 0);
  auto r = run_quire({"import", copy, first, "--json"});
  BOOST_TEST_REQUIRE(r.status == 0, r.err);
  auto j = nlohmann::json::parse(r.out);
  BOOST_TEST(j.at(0).at("codings").at("added").get<int>() == 8);
  BOOST_TEST(j.at(0).at("conflicts").empty());
  BOOST_TEST_REQUIRE(run_quire({"export", copy, second}).status == 0);
  check_same(said(first), said(second));
  // And the codebook alone.
  auto qdc = (s.dir / "codes.qdc").string(), qdc2 = (s.dir / "codes2.qdc").string();
  auto empty = (s.dir / "codes-only.quire").string();
  BOOST_TEST_REQUIRE(run_quire({"export", s.file.string(), qdc}).status == 0);
  BOOST_TEST_REQUIRE(run_quire({"init", empty}).status == 0);
  BOOST_TEST_REQUIRE(run_quire({"import", empty, qdc}).status == 0);
  BOOST_TEST_REQUIRE(run_quire({"export", empty, qdc2}).status == 0);
  BOOST_TEST(test::read_file(qdc) == test::read_file(qdc2));
}

BOOST_AUTO_TEST_CASE(handmade_crlf_file_round_trips_in_quire_positions) {
  // A file with CRLF: imported, its positions count the stored text ('\n');
  // exported again, the text has '\n' and the positions match it.
  TempDir dir;
  const std::string src = "b0000000-0000-4000-8000-000000000001",
                    code = "c0000000-0000-4000-8000-000000000001";
  auto qde = R"(<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="CRLF">
  <CodeBook><Codes><Code guid=")" +
             code + R"(" name="X" isCodable="true" color="#010203"/></Codes></CodeBook>
  <Sources><TextSource guid=")" +
             src + R"(" name="doc" plainTextPath="internal://)" + src + R"(.txt">
    <PlainTextSelection guid="d0000000-0000-4000-8000-000000000001" startPosition="10" endPosition="14">
      <Coding guid="e0000000-0000-4000-8000-000000000001" creationDateTime="2024-01-01T00:00:00Z"><CodeRef targetGUID=")" +
             code + R"("/></Coding>
    </PlainTextSelection>
  </TextSource></Sources>
</Project>)";
  write_zip(dir / "crlf.qdpx",
            {{"project.qde", qde}, {"Sources/" + src + ".txt", "One two.\r\nSix seven."}});
  auto p = Project::create(dir / "p.quire");
  store_exchange(p, read_refi_project(dir / "crlf.qdpx"));
  export_qdpx(p, dir / "out.qdpx");
  BOOST_TEST(zip_member(dir / "out.qdpx", "Sources/" + src + ".txt") == "One two.\nSix seven.");
  auto again = read_refi_project(dir / "out.qdpx");
  BOOST_TEST_REQUIRE(again.sources.size() == 1u);
  BOOST_TEST_REQUIRE(again.sources[0].codings.size() == 1u);
  BOOST_TEST(again.sources[0].codings[0].start == 9);
  BOOST_TEST(again.sources[0].codings[0].end == 13);
  BOOST_TEST(again.warnings.empty()); // nothing to map any more
}

BOOST_AUTO_TEST_SUITE_END()
