// The index built on every core (blocks of small databases, compacted)
// answers exactly as the one built document by document, and a coding action rewrites just the code
// terms of the passages it touches: results checked against codings and text scanned by the test.
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <cstdlib>
#include <random>
#include <regex>
#include <set>

#include "quire/base/text.h"
#include "quire/ingest/import_data.h"
#include "quire/model/code_ranges.h"
#include "quire/model/codebook.h"
#include "quire/model/coding.h"
#include "quire/model/documents.h"
#include "quire/search/search_index.h"
#include "quire/store/history.h"
#include "quire/store/project.h"
#include "search_support.h"
#include "support/test_support.h"

using namespace quire;
using quire::test::containing;
using quire::test::found;
using quire::test::TempDir;

namespace {

const char* const words[] = {"network", "school", "time",    "teacher",   "learning", "meeting",
                             "trust",   "plan",   "head",    "practice",  "share",    "ideas",
                             "funding", "cover",  "support", "protected", "release",  "reading"};

std::string paragraphs(int n, std::mt19937& rng) {
  std::string t;
  for (int i = 0; i < n; ++i) {
    if (i)
      t += "\n\n";
    int len = 4 + static_cast<int>(rng() % 12);
    for (int w = 0; w < len; ++w) {
      t += w ? " " : "";
      t += words[rng() % std::size(words)];
    }
    t += '.';
  }
  return t;
}

struct Answer {
  Id passage;
  double weight;
  std::string snippet;
  std::vector<std::string> codes;
  bool operator==(const Answer& o) const {
    return passage == o.passage && std::abs(weight - o.weight) <= 1e-9 * std::abs(weight) &&
           snippet == o.snippet && codes == o.codes;
  }
};

std::ostream& operator<<(std::ostream& os, const Answer& a) {
  return os << a.passage << " " << a.weight << " " << a.snippet;
}

std::vector<Answer> answers(const SearchIndex& idx, const std::string& q) {
  SearchOptions o;
  o.limit = 100;
  std::vector<Answer> out;
  for (auto& h : idx.search(q, o).hits)
    out.push_back({h.passage_id, h.weight, h.snippet, h.codes});
  return out;
}

/// Passages overlapping a coding of the code or a subcode, worked out here.
std::set<Id> coded_with(const Project& p, const std::vector<Id>& docs, Id code) {
  auto tree = code_subtree(p, code);
  std::set<Id> out;
  for (Id d : docs) {
    auto passages = list_passages(p, d);
    for (auto& c : document_codings(p, d)) {
      if (std::find(tree.begin(), tree.end(), c.code_id) == tree.end())
        continue;
      for (auto& ps : passages) {
        if (ps.start < c.end && c.start < ps.end)
          out.insert(ps.id);
      }
    }
  }
  return out;
}

} // namespace

BOOST_AUTO_TEST_CASE(parallel_build_answers_as_the_document_by_document_index) {
  TempDir dir;
  auto p = Project::create(dir / "b.quire");
  p.set_session_coder("ann");
  auto idx = SearchIndex::open(p); // empty; every document below is indexed as it comes
  std::mt19937 rng(3);
  std::vector<Id> docs;
  Id theme = add_code(p, "Theme");
  Id sub = add_code(p, "Theme/Sub");
  Id other = add_code(p, "Other");
  for (int d = 0; d < 30; ++d) {
    docs.push_back(add_text_document(p, "D" + std::to_string(d), paragraphs(150, rng)));
    auto ps = list_passages(p, docs.back());
    for (int k = 0; k < 6; ++k) {
      auto& a = ps[rng() % ps.size()];
      code_range(p, docs.back(), a.start, a.end, (k % 3 == 0 ? theme : k % 3 == 1 ? sub : other));
    }
  }
  const std::vector<std::string> queries = {
      "network",       "\"protected time\"", "trust AND practice", "funding OR release NOT school",
      "teach*",        "time code:Theme",    "code:\"Theme/Sub\"", "reading code:Other",
      "doc:d7 meeting"};
  std::vector<std::vector<Answer>> before;
  for (auto& q : queries)
    before.push_back(answers(*idx, q));
  auto suggestion = idx->search("netwrk").corrected_query;
  BOOST_TEST(idx->size() == 30 * 150);

  // The whole index in blocks of small databases, compacted: 3 blocks of one
  // database each, then 48 blocks of two (QUIRE_INDEX_CHUNK sets the size).
  for (const char* chunk : {"", "50"}) {
    BOOST_TEST_CONTEXT("QUIRE_INDEX_CHUNK=" << chunk) {
      ::setenv("QUIRE_INDEX_CHUNK", chunk, 1);
      idx->rebuild();
      ::unsetenv("QUIRE_INDEX_CHUNK");
      BOOST_TEST(idx->size() == 30 * 150);
      for (std::size_t i = 0; i < queries.size(); ++i) {
        BOOST_TEST_CONTEXT(queries[i]) {
          BOOST_TEST(!before[i].empty());
          BOOST_TEST(answers(*idx, queries[i]) == before[i], boost::test_tools::per_element());
        }
      }
      BOOST_TEST(idx->search("netwrk").corrected_query == suggestion);
    }
  }
  BOOST_TEST(suggestion == "network");
  // Both shards' passages are there, and the built index follows actions.
  BOOST_TEST(found(*idx, "network") == containing(p, docs, R"(\bnetwork\b)"));
  BOOST_TEST(found(*idx, "code:Theme") == coded_with(p, docs, theme));
  auto last = list_passages(p, docs.back()).back();
  code_range(p, docs.back(), last.start, last.end, sub);
  auto first = list_passages(p, docs.front()).front();
  code_range(p, docs.front(), first.start, first.end, sub);
  BOOST_TEST(found(*idx, "code:Theme") == coded_with(p, docs, theme));
  BOOST_TEST(found(*idx, "code:Theme").count(last.id) == 1u);
  BOOST_TEST(found(*idx, "code:Theme").count(first.id) == 1u);
}

BOOST_AUTO_TEST_CASE(coding_actions_rewrite_code_terms_only_where_they_changed) {
  TempDir dir;
  auto p = Project::create(dir / "c.quire");
  p.set_session_coder("ann");
  std::mt19937 rng(5);
  std::vector<Id> docs = {add_text_document(p, "big", paragraphs(200, rng)),
                          add_text_document(p, "small", paragraphs(5, rng))};
  Id purpose = add_code(p, "Purpose");
  Id sceptical = add_code(p, "Purpose/Sceptical");
  Id barriers = add_code(p, "Barriers");
  auto idx = SearchIndex::open(p);
  auto ps = list_passages(p, docs[0]);
  auto check = [&](const std::string& when) {
    BOOST_TEST_CONTEXT(when) {
      for (auto& c : list_codes(p)) {
        BOOST_TEST_CONTEXT(c.path) {
          BOOST_TEST(found(*idx, "code:\"" + c.path + "\"") == coded_with(p, docs, c.id));
        }
      }
      // The text terms and positions of recoded passages are intact.
      BOOST_TEST(found(*idx, "\"protected release\"") ==
                 containing(p, docs, R"(\bprotected release\b)"));
      BOOST_TEST(found(*idx, "time") == containing(p, docs, R"(\btime\b)"));
      BOOST_TEST(idx->size() == 205);
    }
  };
  // A coding across three passages, one inside a passage, one on the small document.
  code_range(p, docs[0], ps[10].start + 2, ps[12].end - 2, sceptical);
  code_range(p, docs[0], ps[50].start, ps[50].start + 4, barriers);
  code_range(p, docs[1], 0, 3, purpose);
  check("coded");
  BOOST_TEST(found(*idx, "code:\"Purpose/Sceptical\"") ==
             (std::set<Id>{ps[10].id, ps[11].id, ps[12].id}));
  // One action coding both documents, by another coder: each document's
  // passages under its own new codings get the code and the coder.
  p.set_session_coder("ben");
  code_ranges(p, {{docs[0], ps[100].start + 1, ps[101].start + 3}, {docs[1], 5, 9}}, "Barriers",
              "both documents");
  check("coded in two documents");
  BOOST_TEST(found(*idx, "coder:ben").count(ps[100].id) == 1u);
  BOOST_TEST(found(*idx, "coder:ben").count(ps[101].id) == 1u);
  BOOST_TEST(found(*idx, "coder:ben").size() == 3u);
  undo(p);
  check("two documents undone");
  BOOST_TEST(found(*idx, "coder:ben").empty());
  p.set_session_coder("ann");
  uncode_range(p, docs[0], ps[11].start, ps[12].end, sceptical);
  check("uncoded part");
  BOOST_TEST(found(*idx, "code:\"Purpose/Sceptical\"") == std::set<Id>{ps[10].id});
  undo(p);
  check("undone");
  redo(p);
  check("redone");
  move_code(p, sceptical, barriers); // its codings' ancestors change
  check("moved");
  BOOST_TEST(found(*idx, "code:Barriers").count(ps[10].id) == 1u);
  undo(p);
  check("move undone");
  merge_codes(p, barriers, purpose);
  check("merged");
  delete_code(p, purpose, true);
  check("deleted");
  BOOST_TEST(list_codes(p).empty());
  BOOST_TEST(found(*idx, "coder:ann").empty());
  undo(p);
  check("delete undone");
  // What the index holds is what a fresh build holds.
  std::vector<std::set<Id>> now = {found(*idx, "code:Purpose"), found(*idx, "coder:ann")};
  BOOST_TEST(!now[0].empty());
  idx->rebuild();
  BOOST_TEST(found(*idx, "code:Purpose") == now[0]);
  BOOST_TEST(found(*idx, "coder:ann") == now[1]);
}

BOOST_AUTO_TEST_CASE(a_big_import_with_the_index_open_is_indexed_whole) {
  TempDir dir;
  auto p = Project::create(dir / "big.quire");
  auto idx = SearchIndex::open(p);
  std::mt19937 rng(9);
  std::vector<Id> docs{add_text_document(p, "Before", paragraphs(10, rng))};
  // One action importing 3,000 passages, most of the project: the index is
  // built again on every core rather than re-indexed document by document.
  ImportData data;
  for (int d = 0; d < 3; ++d) {
    ImportedDocument doc;
    doc.name = "Big " + std::to_string(d);
    doc.kind = DocumentKind::Text;
    doc.sha256 = doc.name;
    std::int64_t pos = 0;
    for (int i = 0; i < 1000; ++i) {
      auto para = paragraphs(1, rng);
      if (i) {
        doc.text += "\n\n";
        pos += 2;
      }
      doc.text += para;
      doc.passages.push_back(
          {pos, pos + static_cast<std::int64_t>(para.size()), {}, {}, {}, {}, {}});
      pos += static_cast<std::int64_t>(para.size());
    }
    data.documents.push_back(std::move(doc));
  }
  for (Id d : store_import(p, data).documents)
    docs.push_back(d);
  BOOST_TEST(idx->size() == 3010);
  BOOST_TEST(found(*idx, "network") == containing(p, docs, R"(\bnetwork\b)"));
  BOOST_TEST(found(*idx, "\"protected time\"") == containing(p, docs, R"(\bprotected time\b)"));
  // Undone: the index follows back to the one document.
  undo(p);
  BOOST_TEST(idx->size() == 10);
  BOOST_TEST(found(*idx, "network") == containing(p, {docs.front()}, R"(\bnetwork\b)"));
}
