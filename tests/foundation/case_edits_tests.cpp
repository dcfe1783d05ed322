// Editing cases and attributes (case_edits.h): merge, rename, retype and
// delete attributes, typed values, cases of documents and speakers; each one
// undo step, and a refused edit changes nothing.
#include "quire/base/error.h"
#include "quire/ingest/import_data.h"
#include "quire/model/case_edits.h"
#include "quire/model/cases.h"
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

struct Fixture {
  TempDir dir;
  Project p = Project::create(dir / "t.quire");
  Id p1 = add_text_document(p, "P1", "First interview.\n\nSecond paragraph.");
  Id p2 = add_text_document(p, "P2", "Another interview.");

  /// A transcript of two speakers' turns (as the transcript importer stores one).
  Id transcript(const std::string& name) {
    ImportData data;
    data.kind = "transcript";
    ImportedDocument d;
    d.name = name;
    d.kind = DocumentKind::Transcript;
    d.text = "Why did you join?\nFor the people.\nAnd now?\nStill the people.";
    d.passages = {{.start = 0, .end = 17, .speaker = "Interviewer"},
                  {.start = 18, .end = 33, .speaker = "Ana"},
                  {.start = 34, .end = 42, .speaker = "Interviewer"},
                  {.start = 43, .end = 60, .speaker = "Ana"}};
    data.documents.push_back(d);
    return store_import(p, data).documents.at(0);
  }
};

std::string value(const Project& p, Id c, const std::string& attr) {
  auto v = case_attributes(p, c);
  auto it = v.find(attr);
  return it == v.end() ? "(missing)" : it->second.display();
}

} // namespace

BOOST_FIXTURE_TEST_SUITE(case_edits, Fixture)

BOOST_AUTO_TEST_CASE(typed_values_are_refused_with_the_attribute_and_what_it_holds) {
  Id c = add_case(p, "P1");
  Id age = add_attribute(p, "Age", AttrType::Number);
  auto before = project_snapshot(p);
  try {
    set_typed_value(p, c, age, "abc");
    BOOST_FAIL("'abc' accepted as a number");
  } catch (const InputError& e) {
    BOOST_TEST(std::string(e.what()) == "'abc' is not a number: attribute Age holds numbers");
  }
  BOOST_TEST(project_snapshot(p) == before);
  set_typed_value(p, c, age, "41");
  BOOST_TEST(case_attributes(p, c).at("Age").number == 41.0);
  // Nothing typed into a number: the value is missing.
  set_typed_value(p, c, age, " ");
  BOOST_TEST(value(p, c, "Age") == "(missing)");
  // Empty text is a value, distinct from missing.
  Id note = add_attribute(p, "Note", AttrType::Text);
  set_typed_value(p, c, note, "");
  BOOST_TEST(case_attributes(p, c).count("Note") == 1u);
  BOOST_TEST(!case_attributes(p, c).at("Note").missing);
  BOOST_TEST(*undo_name(p) == "Set Note of case 'P1' to ''");
}

BOOST_AUTO_TEST_CASE(merging_moves_links_memos_and_missing_values_in_one_step) {
  Id a = add_case(p, "Ana");
  Id b = add_case(p, "Ana B.");
  link_document(p, p1, a);
  link_document(p, p2, b);
  set_attribute(p, a, "Role", Value::of_text("Head"));
  set_attribute(p, a, "Site", Value::of_text("North"));
  set_attribute(p, b, "Role", Value::of_text("Deputy"));
  add_memo(p, MemoTarget::Case, a, "met twice", "About Ana");
  auto before = project_snapshot(p);
  merge_cases(p, a, b);
  BOOST_TEST(!try_find_case(p, "Ana"));
  BOOST_TEST((get_document(p, p1).case_id == b));
  BOOST_TEST((get_document(p, p2).case_id == b));
  BOOST_TEST(value(p, b, "Role") == "Deputy"); // the kept case's value stays
  BOOST_TEST(value(p, b, "Site") == "North");  // a value it lacked is taken
  BOOST_TEST(list_memos(p, MemoTarget::Case, b).size() == 1u);
  BOOST_TEST(*undo_name(p) == "Merge case 'Ana' into 'Ana B.'");
  undo(p);
  BOOST_TEST(project_snapshot(p) == before);
  BOOST_CHECK_THROW(merge_cases(p, a, a), InputError);
}

BOOST_AUTO_TEST_CASE(rename_and_delete_attributes) {
  Id c = add_case(p, "P1");
  set_attribute(p, c, "Role", Value::of_text("Head"));
  Id role = find_attribute(p, "Role").id;
  add_attribute(p, "Site", AttrType::Text);
  BOOST_CHECK_THROW(rename_attribute(p, role, "Site"), InputError);
  BOOST_CHECK_THROW(rename_attribute(p, role, " "), InputError);
  rename_attribute(p, role, "Position");
  BOOST_TEST(value(p, c, "Position") == "Head");
  auto before = project_snapshot(p);
  delete_attribute(p, role);
  BOOST_TEST(list_attributes(p).size() == 1u);
  BOOST_TEST(case_attributes(p, c).empty());
  BOOST_TEST(*undo_name(p) == "Delete attribute 'Position'");
  undo(p);
  BOOST_TEST(project_snapshot(p) == before);
}

BOOST_AUTO_TEST_CASE(retyping_converts_every_value_or_names_the_case_that_does_not_convert) {
  Id a = add_case(p, "P1");
  Id b = add_case(p, "P2");
  Id c = add_case(p, "P3");
  set_attribute(p, a, "Age", Value::of_text("41"));
  set_attribute(p, b, "Age", Value::of_text("about fifty"));
  set_attribute(p, c, "Age", Value::of_text("3,5"));
  Id age = find_attribute(p, "Age").id;
  auto before = project_snapshot(p);
  try {
    retype_attribute(p, age, AttrType::Number);
    BOOST_FAIL("'about fifty' made a number");
  } catch (const InputError& e) {
    BOOST_TEST(
        std::string(e.what()) ==
        "cannot make attribute Age hold numbers: case 'P2' has 'about fifty', which is not a "
        "number; change or clear that value first");
  }
  BOOST_TEST(project_snapshot(p) == before);
  set_attribute(p, b, "Age", Value::none());
  retype_attribute(p, age, AttrType::Number);
  BOOST_TEST((get_attribute(p, age).type == AttrType::Number));
  BOOST_TEST(case_attributes(p, a).at("Age").number == 41.0);
  BOOST_TEST(case_attributes(p, c).at("Age").number == 3.5);
  BOOST_TEST(*undo_name(p) == "Make attribute 'Age' hold numbers");
  // And back to text: every number reads as it showed.
  retype_attribute(p, age, AttrType::Text);
  BOOST_TEST(case_attributes(p, c).at("Age").text == "3.5");
  undo(p);
  undo(p);
  BOOST_TEST((get_attribute(p, age).type == AttrType::Text));
  BOOST_TEST(case_attributes(p, c).at("Age").text == "3,5");
}

BOOST_AUTO_TEST_CASE(a_case_of_each_selected_document_is_one_step) {
  Id existing = add_case(p, "P2");
  auto before = project_snapshot(p);
  auto made = make_document_cases(p, {p1, p2});
  BOOST_TEST_REQUIRE(made.size() == 2u);
  BOOST_TEST(find_case(p, "P1").id == made[0]);
  BOOST_TEST(made[1] == existing); // a case of that name is used, not doubled
  BOOST_TEST((get_document(p, p1).case_id == made[0]));
  BOOST_TEST((get_document(p, p2).case_id == existing));
  BOOST_TEST(*undo_name(p) == "Make a case of each of 2 documents");
  undo(p);
  BOOST_TEST(project_snapshot(p) == before);
  BOOST_CHECK_THROW(make_document_cases(p, {}), InputError);
  BOOST_CHECK_THROW(make_document_cases(p, {p1, 9999}), NotFoundError);
  BOOST_TEST(project_snapshot(p) == before);
}

BOOST_AUTO_TEST_CASE(a_case_of_each_speaker_links_their_turns) {
  Id t = transcript("Interview Ana");
  BOOST_CHECK_THROW(make_speaker_cases(p, {p1}), InputError);
  auto before = project_snapshot(p);
  auto made = make_speaker_cases(p, {t});
  BOOST_TEST_REQUIRE(made.size() == 2u);
  for (const auto& ps : list_passages(p, t)) {
    BOOST_TEST((ps.case_id == made.at(ps.speaker)));
  }
  auto links = case_links(p);
  BOOST_TEST(links[made.at("Ana")].passages == 2);
  BOOST_TEST(links[made.at("Ana")].documents == 0);
  BOOST_TEST(*undo_name(p) == "Make a case of each of 2 speakers");
  undo(p);
  BOOST_TEST(project_snapshot(p) == before);
  // No documents named: every transcript's speakers.
  BOOST_TEST(make_speaker_cases(p, {}).size() == 2u);
}

BOOST_AUTO_TEST_CASE(passages_at_a_selection_are_linked_to_a_case) {
  Id c = add_case(p, "P1");
  // "Second paragraph." starts at 18.
  BOOST_TEST(link_passages(p, p1, 20, 25, c) == 1);
  auto ps = list_passages(p, p1);
  BOOST_TEST(!ps[0].case_id.has_value());
  BOOST_TEST((ps[1].case_id == c));
  BOOST_TEST(case_links(p)[c].passages == 1);
  BOOST_TEST(link_passages(p, p1, 0, 35, std::nullopt) == 2);
  BOOST_TEST(!list_passages(p, p1)[1].case_id.has_value());
}

BOOST_AUTO_TEST_SUITE_END()
