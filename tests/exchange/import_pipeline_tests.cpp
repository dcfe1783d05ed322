// The one import pipeline (importers/import_pipeline.h) both front ends
// call: a result per file (stored, skipped and why, already imported),
// folders walked, every file read before any is stored, and REFI-QDA
// projects picked by the importer registry like every other format. Real
// files written here, a real project, and the real `quire` for the CLI's
// words.
#include <boost/test/unit_test.hpp>

#include <nlohmann/json.hpp>

#include "exchange_support.h"
#include "importers/import_pipeline.h"
#include "quire/base/error.h"
#include "quire/model/documents.h"

using namespace quire;
using namespace quire::test;

namespace {

/// Remembers what the pipeline told it, and the phases it went through.
class Recorder : public ImportObserver, public Progress {
public:
  Progress& progress() override { return *this; }
  void message(const std::string& text) override { messages.push_back(text); }
  bool cancelled() const override { return cancel; }
  void file_done(const FileImport& r) override { told.push_back(r.file.filename().string()); }
  std::vector<std::string> messages, told;
  bool cancel = false;
};

std::vector<FileImport> import(Project& p, std::vector<std::filesystem::path> paths, Recorder& rec,
                               ImportOptions options = {}) {
  ImportRequest request;
  request.paths = std::move(paths);
  request.options = options;
  return import_files(p, std::move(request), rec);
}

std::vector<FileImport> import(Project& p, std::vector<std::filesystem::path> paths) {
  Recorder rec;
  return import(p, std::move(paths), rec);
}

/// "name: outcome (why)" per result, for one readable comparison.
std::vector<std::string> outcomes(const std::vector<FileImport>& results) {
  std::vector<std::string> out;
  for (const auto& r : results) {
    std::string o = r.outcome == FileOutcome::Stored    ? "stored as " + r.kind
                    : r.outcome == FileOutcome::Skipped ? "skipped (" + r.why + ")"
                                                        : "already imported";
    out.push_back(r.file.filename().string() + ": " + o);
  }
  return out;
}

/// The REFI-QDA fixture of another tool, zipped as that tool would.
std::filesystem::path write_qdpx(const std::filesystem::path& file) {
  auto root = fixture("exchange/other-tool");
  Members members;
  for (const auto& e : std::filesystem::recursive_directory_iterator(root)) {
    if (e.is_regular_file()) {
      members.emplace_back(std::filesystem::relative(e.path(), root).generic_string(),
                           test::read_file(e.path()));
    }
  }
  write_zip(file, members);
  return file;
}

} // namespace

BOOST_AUTO_TEST_SUITE(import_pipeline)

BOOST_AUTO_TEST_CASE(a_folder_and_a_file_give_one_result_each_in_order) {
  TempDir dir;
  auto p = Project::create(dir / "p.quire");
  std::filesystem::create_directories(dir / "in" / "wave2");
  write_file(dir / "in" / "a.txt", "First interview.\n\nIt was about time.");
  write_file(dir / "in" / "empty.txt", "");
  write_file(dir / "in" / "photo.jpg", std::string("\xFF\xD8\xFF\xE0\0\x10JFIF\0", 11));
  write_file(dir / "in" / ".hidden.txt", "Not to be imported.");
  write_file(dir / "in" / "wave2" / "b.vtt",
             "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v Ana>We met on Tuesdays.\n");
  write_file(dir / "c.txt", "A note named on its own.");
  Recorder rec;
  auto results = import(p, {dir / "in", dir / "c.txt"}, rec);
  BOOST_TEST(outcomes(results) ==
                 (std::vector<std::string>{"a.txt: stored as text", "empty.txt: skipped (empty)",
                                           "photo.jpg: skipped (not a kind of file Quire reads)",
                                           "b.vtt: stored as vtt", "c.txt: stored as text"}),
             boost::test_tools::per_element());
  BOOST_TEST(results[0].in_folder);
  BOOST_TEST(!results[4].in_folder);
  BOOST_TEST(results[3].summary.passages == 1);
  // Every result was told, the skips while reading, then the stores in order.
  BOOST_TEST(rec.told ==
                 (std::vector<std::string>{"empty.txt", "photo.jpg", "a.txt", "b.vtt", "c.txt"}),
             boost::test_tools::per_element());
  // It read every file before it stored any.
  auto first_storing = std::find_if(rec.messages.begin(), rec.messages.end(),
                                    [](auto& m) { return m.rfind("Storing", 0) == 0; });
  BOOST_TEST_REQUIRE((first_storing != rec.messages.end()));
  BOOST_TEST(std::none_of(first_storing, rec.messages.end(),
                          [](auto& m) { return m.rfind("Reading", 0) == 0; }));
  BOOST_TEST(list_documents(p).size() == 3u);
  BOOST_TEST(find_document(p, "b").kind == "transcript");
}

BOOST_AUTO_TEST_CASE(imported_before_a_folders_file_is_skipped_a_named_one_is_asked_about) {
  TempDir dir;
  auto p = Project::create(dir / "p.quire");
  std::filesystem::create_directories(dir / "in");
  write_file(dir / "in" / "a.txt", "First interview.");
  write_file(dir / "named.txt", "A note named on its own.");
  BOOST_TEST_REQUIRE(import(p, {dir / "in", dir / "named.txt"}).size() == 2u);
  write_file(dir / "in" / "new.txt", "A new interview.");
  auto results = import(p, {dir / "in", dir / "named.txt"});
  BOOST_TEST(outcomes(results) == (std::vector<std::string>{"a.txt: skipped (already imported)",
                                                            "new.txt: stored as text",
                                                            "named.txt: already imported"}),
             boost::test_tools::per_element());
  BOOST_TEST(results[0].skipped_as_imported());
  BOOST_TEST(list_documents(p).size() == 3u);
  // Said yes to: the named file comes in again, the folder's only when asked for.
  Recorder rec;
  ImportOptions again;
  again.again = true;
  results = import(p, {dir / "named.txt"}, rec, again);
  BOOST_TEST(outcomes(results) == std::vector<std::string>{"named.txt: stored as text"},
             boost::test_tools::per_element());
  BOOST_TEST(list_documents(p).size() == 4u);
}

// The rule the two front ends differed on (the CLI stored both, the app
// asked about the second): the same content twice in one import is one
// document, the second file treated as imported before.
BOOST_AUTO_TEST_CASE(the_same_content_twice_in_one_import_is_stored_once) {
  TempDir dir;
  auto p = Project::create(dir / "p.quire");
  std::filesystem::create_directories(dir / "in");
  write_file(dir / "in" / "visit.txt", "Notes from the school visit.");
  write_file(dir / "in" / "visit copy.txt", "Notes from the school visit.");
  auto results = import(p, {dir / "in"});
  BOOST_TEST(outcomes(results) ==
                 (std::vector<std::string>{"visit copy.txt: stored as text",
                                           "visit.txt: skipped (already imported)"}),
             boost::test_tools::per_element());
  write_file(dir / "one.txt", "Same words.");
  write_file(dir / "two.txt", "Same words.");
  results = import(p, {dir / "one.txt", dir / "two.txt"});
  BOOST_TEST(outcomes(results) ==
                 (std::vector<std::string>{"one.txt: stored as text", "two.txt: already imported"}),
             boost::test_tools::per_element());
  BOOST_TEST(list_documents(p).size() == 2u);
}

// The rule the two front ends differed on (the CLI stored nothing, the app
// stored the files before the bad one): a file that cannot be read stops the
// whole import before anything is stored, so doing it again after the fix
// does not find half of it in the project.
BOOST_AUTO_TEST_CASE(a_file_that_cannot_be_read_stores_nothing) {
  TempDir dir;
  auto p = Project::create(dir / "p.quire");
  write_file(dir / "ok.txt", "A paragraph.\n\nAnother.");
  write_file(dir / "binary.txt", std::string("ab\0cd\x01\x02", 7));
  try {
    import(p, {dir / "ok.txt", dir / "binary.txt"});
    BOOST_FAIL("a binary file was read");
  } catch (const InputError& e) {
    BOOST_TEST(std::string(e.what()).find("binary.txt") != std::string::npos, e.what());
  }
  BOOST_TEST(list_documents(p).empty());
  // Cancelled while reading: nothing stored either.
  Recorder rec;
  rec.cancel = true;
  BOOST_CHECK_THROW(import(p, {dir / "ok.txt"}, rec), Cancelled);
  BOOST_TEST(list_documents(p).empty());
}

BOOST_AUTO_TEST_CASE(a_qdpx_is_picked_by_the_registry_and_merged_in_order) {
  TempDir dir;
  auto p = Project::create(dir / "p.quire");
  std::filesystem::create_directories(dir / "in");
  write_qdpx(dir / "in" / "b-study.qdpx");
  write_file(dir / "in" / "a.txt", "First interview.");
  write_file(dir / "in" / "c.txt", "Third interview.");
  const Importer& refi = importer_for(dir / "in" / "b-study.qdpx");
  BOOST_TEST(refi.kind() == "refi-qda");
  BOOST_TEST(refi.reads_projects());
  BOOST_TEST(is_project_file(dir / "in" / "b-study.qdpx"));
  BOOST_TEST(!is_project_file(dir / "in" / "a.txt"));
  auto kinds = importers();
  BOOST_TEST(std::count(kinds.begin(), kinds.end(), &refi) == 1);
  auto results = import(p, {dir / "in"});
  BOOST_TEST(outcomes(results) == (std::vector<std::string>{"a.txt: stored as text",
                                                            "b-study.qdpx: stored as refi-qda",
                                                            "c.txt: stored as text"}),
             boost::test_tools::per_element());
  BOOST_TEST_REQUIRE(results[1].exchange.has_value());
  BOOST_TEST(results[1].exchange->codings_added == 4);
  BOOST_TEST(results[1].summary.codings == 4);
  BOOST_TEST(!results[1].summary.documents.empty());
  // Read as documents (`quire inspect`), it says what it is.
  try {
    quire::read_file(dir / "in" / "b-study.qdpx");
    BOOST_FAIL("a .qdpx was read as documents");
  } catch (const InputError& e) {
    BOOST_TEST(std::string(e.what()).find("REFI-QDA project") != std::string::npos, e.what());
  }
}

// The CLI words the results: notes for skips, a line per stored file, and
// a file named on its own that was imported before is refused, naming it,
// after the others are stored (the app asks instead).
BOOST_AUTO_TEST_CASE(the_cli_stores_the_others_and_refuses_a_named_file_imported_before) {
  TempDir dir;
  auto p = (dir / "p.quire").string();
  BOOST_TEST_REQUIRE(run_quire({"init", p}).status == 0);
  write_file(dir / "old.txt", "Imported the day before.");
  write_file(dir / "new.txt", "Written today.");
  BOOST_TEST_REQUIRE(run_quire({"import", p, (dir / "old.txt").string()}).status == 0);
  auto r = run_quire({"import", p, (dir / "old.txt").string(), (dir / "new.txt").string()});
  BOOST_TEST(r.status == 1);
  BOOST_TEST(r.err.find("old.txt was already imported into this project (same content). Use "
                        "--again") != std::string::npos,
             r.err);
  BOOST_TEST(r.out.find("Imported " + (dir / "new.txt").string() + " as text") != std::string::npos,
             r.out);
  auto q = Project::open(p);
  BOOST_TEST(list_documents(q).size() == 2u);
  BOOST_CHECK_NO_THROW(find_document(q, "new"));
  // A .qdpx in a folder comes in through the same command, in the folder's order.
  std::filesystem::create_directories(dir / "in");
  write_qdpx(dir / "in" / "b.qdpx");
  write_file(dir / "in" / "a.txt", "First interview.");
  r = run_quire({"import", p, (dir / "in").string(), "--json"});
  BOOST_TEST_REQUIRE(r.status == 0, r.err);
  auto j = nlohmann::json::parse(r.out);
  BOOST_TEST_REQUIRE(j.size() == 2u);
  BOOST_TEST(j[0]["kind"] == "text");
  BOOST_TEST(j[1]["kind"] == "refi-qda");
  BOOST_TEST(j[1]["codings"]["added"] == 4);
}

BOOST_AUTO_TEST_SUITE_END()
