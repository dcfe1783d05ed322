// Editing a case (its attribute values, its name) changes the search terms
// of that case's passages only: the index is not rebuilt (its folder stays
// the one it was), and queries answer as the project now says, for edits
// made here, undone, and made by another program on the project.
#include <boost/test/unit_test.hpp>
#include <sys/stat.h>

#include "importers/importer.h"
#include "quire/model/cases.h"
#include "quire/model/documents.h"
#include "quire/search/search_index.h"
#include "quire/store/history.h"
#include "quire/store/project.h"
#include "search_support.h"
#include "support/test_support.h"

using namespace quire;
using quire::test::found;
using quire::test::TempDir;

namespace {

ino_t inode_of(const std::filesystem::path& p) {
  struct stat st {};
  ::stat(p.c_str(), &st);
  return st.st_ino;
}

/// A survey of six respondents, each a case with one answer (a passage of
/// the survey's document linked to the case).
struct Survey {
  TempDir dir;
  std::filesystem::path file = dir / "s.quire";
  Project p = Project::create(file);
  Survey() {
    auto csv = dir / "survey.csv";
    quire::test::write_file(csv, "ID,Role,Age,Why\n"
                                 "R1,Teacher,30,Protected time for planning would help most\n"
                                 "R2,Teacher,41,We never have time because meetings run late\n"
                                 "R3,Head,52,The learning network gave me ideas for reading\n"
                                 "R4,Teacher,38,Our learning network meets twice a term\n"
                                 "R5,Head,47,Sharing practice across schools builds trust\n"
                                 "R6,Assistant,25,Time is the barrier every single week\n");
    ImportSettings s;
    s.text_columns = {"Why"};
    store_import(p, read_file(csv, s));
  }
  /// The passages of these respondents.
  std::set<Id> of(std::initializer_list<const char*> names) {
    std::set<Id> out;
    for (const char* n : names) {
      Id c = find_case(p, n).id;
      for (const auto& d : list_documents(p))
        for (const auto& ps : list_passages(p, d.id))
          if (ps.case_id == c)
            out.insert(ps.id);
    }
    return out;
  }
};

} // namespace

BOOST_FIXTURE_TEST_SUITE(case_terms, Survey)

BOOST_AUTO_TEST_CASE(an_attribute_edit_rewrites_only_that_case_s_passages) {
  auto idx = SearchIndex::open(p);
  const auto folder = SearchIndex::folder_for(file);
  BOOST_TEST_REQUIRE(found(*idx, "attr:Role=teacher") == of({"R1", "R2", "R4"}));
  const auto inode = inode_of(folder);

  set_attribute(p, find_case(p, "R2").id, "Role", Value::of_text("Head"));
  BOOST_TEST(found(*idx, "attr:Role=teacher") == of({"R1", "R4"}));
  BOOST_TEST(found(*idx, "attr:Role=head") == of({"R2", "R3", "R5"}));
  BOOST_TEST(found(*idx, "time attr:Role=head") == of({"R2"}));

  set_attribute(p, find_case(p, "R6").id, "Age", Value::of_number(60));
  BOOST_TEST(found(*idx, "attr:Age:50..70") == of({"R3", "R6"}));
  set_attribute(p, find_case(p, "R3").id, "Age", Value::none());
  BOOST_TEST(found(*idx, "attr:Age:50..70") == of({"R6"}));

  rename_case(p, find_case(p, "R5").id, "Rita");
  BOOST_TEST(found(*idx, "case:Rita") == of({"Rita"}));
  BOOST_TEST(found(*idx, "case:R5").empty());

  // Undone, the old terms come back.
  undo(p);
  BOOST_TEST(found(*idx, "case:R5") == of({"R5"}));
  undo(p);
  BOOST_TEST(found(*idx, "attr:Age:50..70") == of({"R3", "R6"}));
  BOOST_TEST(inode_of(folder) == inode); // no edit rebuilt the index
}

BOOST_AUTO_TEST_CASE(another_program_s_edit_is_followed_without_a_rebuild) {
  auto idx = SearchIndex::open(p);
  const auto folder = SearchIndex::folder_for(file);
  const auto inode = inode_of(folder);
  {
    auto other = Project::open(file);
    set_attribute(other, find_case(other, "R1").id, "Role", Value::of_text("Assistant"));
  }
  BOOST_TEST(found(*idx, "attr:Role=assistant") == of({"R1", "R6"}));
  BOOST_TEST(found(*idx, "attr:Role=teacher") == of({"R2", "R4"}));
  BOOST_TEST(inode_of(folder) == inode);
}

BOOST_AUTO_TEST_CASE(a_case_linked_by_its_document) {
  auto idx = SearchIndex::open(p);
  Id d = add_text_document(p, "Interview", "We talked about funding and cover.");
  Id c = add_case(p, "Jo");
  link_document(p, d, c);
  set_attribute(p, c, "Role", Value::of_text("Teacher"));
  std::set<Id> jo;
  for (const auto& ps : list_passages(p, d))
    jo.insert(ps.id);
  const auto inode = inode_of(SearchIndex::folder_for(file));
  BOOST_TEST(found(*idx, "funding attr:Role=teacher") == jo);
  set_attribute(p, c, "Role", Value::of_text("Governor"));
  BOOST_TEST(found(*idx, "attr:Role=governor") == jo);
  BOOST_TEST(found(*idx, "funding attr:Role=teacher").empty());
  BOOST_TEST(inode_of(SearchIndex::folder_for(file)) == inode);
}

BOOST_AUTO_TEST_SUITE_END()
