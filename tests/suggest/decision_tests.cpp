// Accepting and rejecting suggestions: one undoable step, the coding's
// record of where it came from, rejected ones never again and learnt from,
// a codebook changed since (renamed, merged, deleted), and an older project
// file upgraded to hold suggestions.
#include <sqlite3.h>

#include "quire/base/error.h"
#include "quire/model/codebook.h"
#include "quire/model/coding.h"
#include "quire/model/documents.h"
#include "quire/store/history.h"
#include "quire/store/project.h"
#include "quire/suggest/suggest.h"
#include "store/db_p.h"
#include "store/project_p.h"
#include "suggest_corpus.h"
#include "support/test_support.h"

using namespace quire;
using quire::test::TempDir;

namespace {

struct Labelled {
  TempDir dir;
  Project p = Project::create(dir / "d.quire");
  bench::SuggestCorpus corpus = bench::make_suggest_corpus(150, 100);
  std::vector<Id> docs = store_import(p, bench::suggest_import(corpus, 100)).documents;

  /// The best open suggestion in the uncoded respondents.
  Suggestion best(const std::string& code = {}) {
    SuggestOptions o;
    o.documents.assign(docs.begin() + 100, docs.end());
    if (!code.empty()) {
      o.codes = {find_code(p, code).id};
    }
    o.limit = 1;
    auto r = suggest_codes(p, o);
    BOOST_REQUIRE(!r.suggestions.empty());
    return r.suggestions.front();
  }
};

bool contains(const std::string& s, const std::string& part) {
  return s.find(part) != std::string::npos;
}

} // namespace

BOOST_AUTO_TEST_SUITE(decisions)

BOOST_AUTO_TEST_CASE(accepting_codes_as_the_coder_in_one_undoable_step_and_keeps_its_origin) {
  Labelled l;
  l.p.set_session_coder("ann");
  auto g = l.best();
  auto before = count_codings(l.p);
  auto r = accept_suggestion(l.p, g.id);
  BOOST_TEST(count_codings(l.p) == before + 1);
  auto c = get_coding(l.p, r.coding_id);
  BOOST_TEST(c.code_id == g.code_id);
  BOOST_TEST(c.document_id == g.document_id);
  BOOST_TEST(c.start == g.start);
  BOOST_TEST(c.end == g.end);
  BOOST_TEST(c.coder == "ann");
  auto origin = coding_origin(l.p, r.coding_id);
  BOOST_TEST_REQUIRE(origin.has_value());
  BOOST_TEST(origin->suggestion_id == g.id);
  BOOST_TEST(origin->model_version == g.model_version);
  BOOST_TEST(get_suggestion(l.p, g.id).status == "accepted");
  BOOST_TEST(contains(*undo_name(l.p), "Accept suggestion"));
  // Accepting twice is refused.
  BOOST_CHECK_THROW(accept_suggestion(l.p, g.id), InputError);
  // One undo takes the coding, its origin and the decision back.
  BOOST_TEST(undo(l.p).has_value());
  BOOST_TEST(count_codings(l.p) == before);
  BOOST_TEST(!coding_origin(l.p, r.coding_id).has_value());
  BOOST_TEST(get_suggestion(l.p, g.id).status == "open");
  BOOST_TEST(redo(l.p).has_value());
  BOOST_TEST(coding_origin(l.p, r.coding_id).has_value());
  // Once accepted it is coded: not suggested again.
  SuggestOptions o;
  o.documents = {g.document_id};
  o.min_score = 0;
  for (const auto& s : suggest_codes(l.p, o).suggestions) {
    BOOST_TEST(!(s.start == g.start && s.code_id == g.code_id));
  }
}

BOOST_AUTO_TEST_CASE(a_rejected_suggestion_is_not_suggested_again_and_is_learnt_from) {
  Labelled l;
  auto g = l.best();
  reject_suggestion(l.p, g.id);
  BOOST_TEST(get_suggestion(l.p, g.id).status == "rejected");
  BOOST_CHECK_THROW(reject_suggestion(l.p, g.id), InputError);
  Suggester s(l.p);
  bool counted = false;
  for (const auto& c : s.codes()) {
    counted = counted || (c.code_id == g.code_id && c.rejected == 1);
  }
  BOOST_TEST(counted);
  SuggestOptions o;
  o.documents = {g.document_id};
  o.min_score = 0;
  for (const auto& x : s.suggest(l.p, o).suggestions) {
    BOOST_TEST(!(x.start == g.start && x.end == g.end && x.code_id == g.code_id));
  }
  // The rejection made a new model version (it learnt something new).
  BOOST_TEST(s.model_version() > g.model_version);
  // Undo brings it back as open.
  BOOST_TEST(undo(l.p).has_value());
  BOOST_TEST(get_suggestion(l.p, g.id).status == "open");
}

BOOST_AUTO_TEST_CASE(the_same_suggestion_keeps_its_id_and_the_same_codings_their_version) {
  Labelled l;
  auto a = l.best();
  auto b = l.best();
  BOOST_TEST(a.id == b.id);
  BOOST_TEST(a.model_version == b.model_version);
}

BOOST_AUTO_TEST_CASE(a_renamed_code_is_accepted_under_its_new_name) {
  Labelled l;
  auto g = l.best();
  rename_code(l.p, g.code_id, "Renamed");
  auto r = accept_suggestion(l.p, g.id);
  BOOST_TEST(get_code(l.p, get_coding(l.p, r.coding_id).code_id).name == "Renamed");
}

BOOST_AUTO_TEST_CASE(a_deleted_or_merged_code_is_never_suggested_and_its_suggestions_say_so) {
  Labelled l;
  auto g = l.best();
  auto path = g.code_path;
  delete_code(l.p, g.code_id, true);
  try {
    accept_suggestion(l.p, g.id);
    BOOST_FAIL("accepted a suggestion of a deleted code");
  } catch (const NotFoundError& e) {
    BOOST_TEST(contains(e.what(), "no longer in the codebook"), e.what());
  }
  BOOST_TEST(get_suggestion(l.p, g.id).code_path.empty());
  SuggestOptions o;
  o.min_score = 0;
  for (const auto& s : suggest_codes(l.p, o).suggestions) {
    BOOST_TEST(s.code_path != path);
  }
  // Merged: the source is gone, its codings teach the target.
  auto h = l.best();
  Id target = 0;
  for (const auto& c : list_codes(l.p)) {
    if (c.id != h.code_id && c.path.rfind("Questions", 0) != 0 && c.parent_id) {
      target = c.id;
      break;
    }
  }
  auto source_path = h.code_path;
  merge_codes(l.p, h.code_id, target);
  BOOST_CHECK_THROW(accept_suggestion(l.p, h.id), NotFoundError);
  for (const auto& s : suggest_codes(l.p, o).suggestions) {
    BOOST_TEST(s.code_path != source_path);
  }
}

BOOST_AUTO_TEST_CASE(a_read_only_project_gets_suggestions_without_ids_and_cannot_accept) {
  Labelled l;
  auto g = l.best();
  auto file = l.p.path();
  auto ro = Project::open(file, Project::Access::ReadOnly);
  SuggestOptions o;
  o.documents = {g.document_id};
  auto r = suggest_codes(ro, o);
  BOOST_TEST_REQUIRE(!r.suggestions.empty());
  BOOST_TEST(r.suggestions.front().id == 0);
  BOOST_CHECK_THROW(accept_suggestion(ro, g.id), StorageError);
}

BOOST_AUTO_TEST_CASE(a_version_3_project_opens_upgraded_and_takes_suggestions) {
  TempDir dir;
  auto file = dir / "v3.quire";
  {
    quire::detail::Db db(file.string(), SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    quire::detail::create_legacy_schema(db, 3);
    db.exec("INSERT INTO project_info(id, guid, created_at) VALUES (1, "
            "'a0000000-0000-4000-8000-000000000001', '2026-01-01T00:00:00Z')");
    BOOST_TEST(db.scalar("SELECT count(*) FROM sqlite_master WHERE name = 'suggestion'") == 0);
  }
  {
    auto p = Project::open(file);
    BOOST_TEST(std::filesystem::exists(dir / "v3.quire.v3.bak"));
    // Coded as before the upgrade, then suggested and accepted.
    std::string text;
    for (int i = 0; i < 8; ++i) {
      text += "Parents complain about the homework again.\nThe weather was fine today.\n";
    }
    text += "Parents complain about homework.\n";
    auto d = add_text_document(p, "notes", text);
    for (int i = 0; i < 6; ++i) {
      auto [s, e] = find_in_document(p, d, "Parents complain about the homework again.", i);
      code_range_creating(p, d, s, e, "Parents");
    }
    SuggestOptions o;
    o.min_score = 0.3;
    auto r = suggest_codes(p, o);
    BOOST_TEST_REQUIRE(!r.suggestions.empty());
    BOOST_TEST(r.suggestions.front().code_path == "Parents");
    auto c = accept_suggestion(p, r.suggestions.front().id);
    BOOST_TEST(coding_origin(p, c.coding_id).has_value());
  }
  auto again = Project::open(file);
  BOOST_TEST(!std::filesystem::exists(dir / "v3.quire.v3-2.bak"));
}

BOOST_AUTO_TEST_CASE(
    agreement_with_the_suggestions_judges_each_passage_by_a_model_that_did_not_see_it) {
  TempDir dir;
  auto p = Project::create(dir / "a.quire");
  p.set_session_coder("ann");
  auto corpus = bench::make_suggest_corpus(150, 150);
  store_import(p, bench::suggest_import(corpus, 120));
  auto gen = p.generation();
  auto r = suggestion_agreement(p, "ann");
  BOOST_TEST(p.generation() == gen); // writes nothing
  BOOST_TEST(r.coder_a == "ann");
  BOOST_TEST(r.coder_b == "suggestions");
  BOOST_TEST(r.documents == 120);
  BOOST_TEST_REQUIRE(!r.codes.empty());
  for (const auto& c : r.codes) {
    BOOST_TEST(!contains(c.code_path, "Questions"));
  }
  BOOST_TEST_REQUIRE(r.overall.kappa.has_value());
  BOOST_TEST(*r.overall.kappa > 0.6, *r.overall.kappa);
  BOOST_TEST(*r.overall.kappa < 1.0); // held-out phrasings: not a lookup
  BOOST_TEST(!r.disagreements.empty());
  BOOST_CHECK_THROW(suggestion_agreement(p, "nobody"), NotFoundError);
}

BOOST_AUTO_TEST_SUITE_END()
