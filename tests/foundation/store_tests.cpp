// Invariants of the store: offsets, merging, delete safety, cascades, Unicode.
#include "quire/base/error.h"
#include "quire/base/text.h"
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
using quire::test::TempDir;

namespace {

struct Fixture {
  TempDir dir;
  Project p = Project::create(dir / "t.quire");
  Id doc = add_text_document(p, "doc",
                             "First paragraph about time.\n\nSecond one about trust and time.");
};

/// Every coding as "start:end code", sorted.
std::vector<std::string> ranges(const Project& p) {
  std::vector<std::string> out;
  for (auto& s : list_codings(p, {})) {
    out.push_back(std::to_string(s.coding.start) + ":" + std::to_string(s.coding.end) + " " +
                  s.code_path);
  }
  std::sort(out.begin(), out.end());
  return out;
}

} // namespace

BOOST_FIXTURE_TEST_SUITE(store, Fixture)

BOOST_AUTO_TEST_CASE(paragraphs_become_passages) {
  auto ps = list_passages(p, doc);
  BOOST_TEST_REQUIRE(ps.size() == 2u);
  auto text = document_text(p, doc);
  BOOST_TEST(text.substr(0, 27) == "First paragraph about time.");
  BOOST_TEST(ps[0].start == 0);
  BOOST_TEST(ps[0].end == 27);
  BOOST_TEST(ps[1].start == 29);
}

BOOST_AUTO_TEST_CASE(offsets_are_validated) {
  Id c = add_code(p, "A");
  auto len = get_document(p, doc).length;
  BOOST_CHECK_THROW(code_range(p, doc, -1, 3, c), InputError);
  BOOST_CHECK_THROW(code_range(p, doc, 5, 5, c), InputError);
  BOOST_CHECK_THROW(code_range(p, doc, 6, 5, c), InputError);
  BOOST_CHECK_THROW(code_range(p, doc, 0, len + 1, c), InputError);
  BOOST_CHECK_NO_THROW(code_range(p, doc, 0, len, c));
  BOOST_TEST(count_codings(p) == 1);
}

BOOST_AUTO_TEST_CASE(touching_codings_of_one_code_and_coder_merge) {
  Id a = add_code(p, "A");
  Id b = add_code(p, "B");
  code_range(p, doc, 0, 5, a);
  auto r = code_range(p, doc, 5, 10, a); // touches
  BOOST_TEST(r.merged == 1);
  code_range(p, doc, 20, 25, a);
  code_range(p, doc, 3, 8, b); // another code: overlaps, stays separate
  p.set_session_coder("other");
  code_range(p, doc, 8, 12, a); // another coder: stays separate
  auto got = ranges(p);
  std::vector<std::string> want = {"0:10 A", "20:25 A", "3:8 B", "8:12 A"};
  BOOST_TEST(got == want, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(uncode_trims_splits_and_deletes) {
  Id a = add_code(p, "A");
  code_range(p, doc, 0, 20, a);
  uncode_range(p, doc, 5, 10, a); // split
  auto got = ranges(p);
  BOOST_TEST_REQUIRE(got.size() == 2u);
  BOOST_TEST(got[0] == "0:5 A");
  BOOST_TEST(got[1] == "10:20 A");
  uncode_range(p, doc, 0, 20, a); // delete both
  BOOST_TEST(count_codings(p) == 0);
  BOOST_CHECK_THROW(uncode_range(p, doc, 0, 5, a), InputError);
}

BOOST_AUTO_TEST_CASE(deleting_a_code_touches_nothing_else) {
  Id parent = add_code(p, "Purpose");
  Id child = add_code(p, "Purpose/Sceptical");
  Id other = add_code(p, "Barriers/Time");
  code_range(p, doc, 0, 5, child);
  code_range(p, doc, 0, 5, other);
  code_range(p, doc, 10, 15, other);
  BOOST_CHECK_THROW(delete_code(p, parent, false), InputError);
  BOOST_TEST(list_codes(p).size() == 4u); // refused: nothing changed
  auto rep = delete_code(p, parent, true);
  BOOST_TEST(rep.codes == 2);
  BOOST_TEST(rep.codings == 1);
  auto codes = list_codes(p);
  BOOST_TEST(codes.size() == 2u);
  BOOST_TEST(codes[0].path == "Barriers");
  BOOST_TEST(ranges(p).size() == 2u); // Barriers/Time's codings intact
  // An empty leaf code deletes without force.
  Id empty = add_code(p, "Empty");
  BOOST_CHECK_NO_THROW(delete_code(p, empty, false));
}

BOOST_AUTO_TEST_CASE(merge_moves_codings_and_children) {
  Id a = add_code(p, "A");
  add_code(p, "A/Child");
  Id b = add_code(p, "B");
  Id b_child = add_code(p, "B/Child");
  code_range(p, doc, 0, 5, a);
  code_range(p, doc, 3, 9, b); // overlaps: merges after the move
  code_range(p, doc, 12, 14, find_code(p, "A/Child").id);
  merge_codes(p, a, b);
  BOOST_CHECK_THROW(find_code(p, "A"), NotFoundError);
  auto got = ranges(p);
  std::vector<std::string> want = {"0:9 B", "12:14 B/Child"};
  BOOST_TEST(got == want, boost::test_tools::per_element());
  BOOST_TEST(find_code(p, "B/Child").id == b_child);
}

BOOST_AUTO_TEST_CASE(move_refuses_cycles) {
  Id a = add_code(p, "A");
  Id ab = add_code(p, "A/B");
  BOOST_CHECK_THROW(move_code(p, a, ab), InputError);
  move_code(p, ab, std::nullopt);
  BOOST_TEST(get_code(p, ab).path == "B");
}

BOOST_AUTO_TEST_CASE(deleting_a_document_cascades_deleting_a_case_unlinks) {
  Id a = add_code(p, "A");
  auto r = code_range(p, doc, 0, 5, a, "a memo");
  Id c = add_case(p, "P01");
  link_document(p, doc, c);
  delete_case(p, c);
  BOOST_TEST(list_documents(p).size() == 1u);
  BOOST_TEST(!get_document(p, doc).case_id.has_value());
  BOOST_TEST(list_memos(p, MemoTarget::Coding, r.coding_id).size() == 1u);
  delete_document(p, doc);
  BOOST_TEST(count_codings(p) == 0);
  BOOST_TEST(count_passages(p) == 0);
  BOOST_TEST(list_memos(p).empty());
  BOOST_TEST(list_codes(p).size() == 1u); // codes stay
}

BOOST_AUTO_TEST_CASE(typed_attributes_missing_is_not_empty) {
  Id c = add_case(p, "R1");
  add_attribute(p, "Years", AttrType::Number);
  add_attribute(p, "Joined", AttrType::Date);
  set_attribute(p, c, "Years", parse_value("7", AttrType::Number));
  set_attribute(p, c, "Joined", parse_value("01/03/2024", AttrType::Date));
  set_attribute(p, c, "Note", Value::of_text(""));
  auto v = case_attributes(p, c);
  BOOST_TEST(v["Years"].number == 7.0);
  BOOST_TEST(v["Joined"].text == "2024-03-01");
  BOOST_TEST(!v["Note"].missing);
  BOOST_TEST(v["Note"].text == "");
  BOOST_TEST(v.count("Missing") == 0u);
  set_attribute(p, c, "Note", Value::none());
  BOOST_TEST(case_attributes(p, c).count("Note") == 0u);
  BOOST_CHECK_THROW(parse_value("about 10", AttrType::Number), InputError);
  BOOST_CHECK_THROW(parse_value("31/02/2024", AttrType::Date), InputError);
}

BOOST_AUTO_TEST_CASE(unicode_offsets_are_code_points) {
  // "e" + combining acute is stored composed; emoji and CJK count one each.
  std::string text = "Cafe\xCC\x81 \xF0\x9F\x91\xA9\xF0\x9F\x8F\xBD\xE2\x80\x8D\xF0\x9F\x92\xBB "
                     "\xE5\xAD\xA6\xE6\xA0\xA1 time";
  Id d = add_text_document(p, "uni", text);
  auto stored = document_text(p, d);
  BOOST_TEST(stored.substr(0, 5) == "Caf\xC3\xA9"); // NFC
  // What the store checks importers' texts with: is the text as normalize_text() leaves it?
  BOOST_TEST(is_normalized_text(stored));
  BOOST_TEST(!is_normalized_text(text));     // decomposed é
  BOOST_TEST(!is_normalized_text("a\r\nb")); // CRLF
  BOOST_TEST(!is_normalized_text("a\xC3"));  // invalid UTF-8
  BOOST_TEST(is_normalized_text(normalize_text("x\ry\r\nCafe\xCC\x81")));
  Id a = add_code(p, "A");
  auto [s, e] = find_in_document(p, d, "\xE5\xAD\xA6\xE6\xA0\xA1");
  BOOST_TEST(s == 10); // C a f é ␠ 👩 🏽 ZWJ 💻 ␠
  BOOST_TEST(e == 12);
  code_range(p, d, s, e, a);
  CodingFilter f;
  f.document_id = d;
  auto segs = list_codings(p, f);
  BOOST_TEST_REQUIRE(segs.size() == 1u);
  BOOST_TEST(segs[0].text == "\xE5\xAD\xA6\xE6\xA0\xA1");
}

BOOST_AUTO_TEST_CASE(every_entity_has_a_guid) {
  Id a = add_code(p, "A");
  auto r = code_range(p, doc, 0, 5, a);
  add_case(p, "P1");
  BOOST_TEST(get_document(p, doc).guid.size() == 36u);
  BOOST_TEST(get_code(p, a).guid.size() == 36u);
  BOOST_TEST(get_coding(p, r.coding_id).guid.size() == 36u);
  BOOST_TEST(find_case(p, "P1").guid.size() == 36u);
  BOOST_TEST(list_passages(p, doc)[0].guid != list_passages(p, doc)[1].guid);
  BOOST_TEST(p.guid().size() == 36u);
}

// An import gives its documents ids and names before writing them in bulk
// (core/store/bulk_insert_p.h): two documents wanting one name, a name already in
// the project, and cases made for speakers along the way all come out as
// one-at-a-time inserts would make them; one undo takes it all back.
BOOST_AUTO_TEST_CASE(an_imports_documents_and_cases_are_named_and_linked_as_one_by_one) {
  add_text_document(p, "notes", "Already here.");
  Id kept_case = add_case(p, "Amira");
  const auto before = quire::test::project_snapshot(p);
  ImportData data;
  data.kind = "transcript";
  for (const char* text : {"Amira: We meet on Thursdays.\n\nBen: Who comes?",
                           "Ben: Teachers, mostly.\n\nCarla: And heads."}) {
    ImportedDocument d;
    d.name = "notes";
    d.kind = DocumentKind::Transcript;
    d.text = text;
    // A turn per paragraph, its speaker the name before the colon.
    const std::string t = text;
    for (std::size_t at = 0; at < t.size();) {
      auto end = std::min(t.find("\n\n", at), t.size());
      ImportedPassage ps;
      ps.start = static_cast<std::int64_t>(at); // ASCII: bytes are code points
      ps.end = static_cast<std::int64_t>(end);
      ps.speaker = t.substr(at, t.find(':', at) - at);
      d.passages.push_back(ps);
      at = end + 2;
    }
    data.documents.push_back(std::move(d));
  }
  ImportOptions opt;
  opt.speaker_cases = true;
  opt.again = true;
  auto sum = store_import(p, data, opt);
  BOOST_TEST_REQUIRE(sum.documents.size() == 2u);
  BOOST_TEST(get_document(p, sum.documents[0]).name == "notes (2)");
  BOOST_TEST(get_document(p, sum.documents[1]).name == "notes (3)");
  BOOST_TEST(sum.cases_created == 2); // Ben and Carla; Amira was there
  auto first = list_passages(p, sum.documents[0]);
  auto second = list_passages(p, sum.documents[1]);
  BOOST_TEST_REQUIRE(first.size() == 2u);
  BOOST_TEST_REQUIRE(second.size() == 2u);
  BOOST_TEST(first[0].case_id.value_or(0) == kept_case);
  BOOST_TEST(first[1].case_id.value_or(0) == find_case(p, "Ben").id);
  BOOST_TEST(second[0].case_id.value_or(0) == find_case(p, "Ben").id);
  BOOST_TEST(second[1].case_id.value_or(0) == find_case(p, "Carla").id);
  BOOST_TEST(document_text(p, sum.documents[1], second[1].start, second[1].end) ==
             "Carla: And heads.");
  const auto after = quire::test::project_snapshot(p);
  BOOST_TEST(undo(p).has_value());
  BOOST_TEST(quire::test::project_snapshot(p) == before);
  BOOST_TEST(redo(p).has_value());
  BOOST_TEST(quire::test::project_snapshot(p) == after);
}

BOOST_AUTO_TEST_SUITE_END()
