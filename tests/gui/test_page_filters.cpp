// What the app offers of the CLI's options on the Coding Query and Word
// Frequencies pages (--doc; --query, --lang, --limit, --by, --doc) and File >
// Export Cases… (`quire cases export`), driven through the real window: each
// choice made in a page gives what the built `quire ... --json` prints for
// the same options, and the exported sheet opens (openpyxl) with the cases
// and their attributes.
#include <algorithm>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>
#include <wx/choicdlg.h>
#include <wx/choice.h>
#include <wx/filedlg.h>
#include <wx/listctrl.h>
#include <wx/msgdlg.h>
#include <wx/stattext.h>
#include <wx/statusbr.h>
#include <wx/textctrl.h>

#include "analysis_fixture.h"
#include "analysis_pane.h"
#include "documents_filter.h"
#include "export_runner.h"
#include "gui_test_support.h"
#include "pages.h"
#include "query_page.h"
#include "words_page.h"
#include "wx_text.h"

using namespace quire;
using namespace quire::test;

namespace {

/// The documents checklist answered by ticking the documents named (OK).
class TickDocuments : public wxExpectModalBase<wxMultiChoiceDialog, TickDocuments> {
public:
  TickDocuments(const Project& p, std::vector<std::string> names)
      : m_project(&p), m_names(std::move(names)) {}

protected:
  int OnInvoked(wxMultiChoiceDialog* dlg) const override {
    // The items are the project's documents, in its order.
    auto docs = list_documents(*m_project);
    dlg->TransferDataFromWindow();              // what OK does: the ticks become the selections
    BOOST_CHECK(!dlg->GetSelections().empty()); // what counts now is ticked
    wxArrayInt ticks;
    for (std::size_t i = 0; i < docs.size(); ++i) {
      if (std::find(m_names.begin(), m_names.end(), docs[i].name) != m_names.end()) {
        ticks.Add(static_cast<int>(i));
      }
    }
    dlg->SetSelections(ticks);
    dlg->TransferDataFromWindow();
    return wxID_OK;
  }

private:
  const Project* m_project;
  std::vector<std::string> m_names;
};

struct FiltersFixture : RoleCasesFixture {
  FiltersFixture() : RoleCasesFixture("Zoe B.") {
    p().set_session_coder("ana");
    code_barriers_and_purpose();
    p().set_session_coder("ben");
    code_text(cafe, "Time. Always time. And the cover costs", "Barriers/Time");
    code_text(notes, "rail strike", "Purpose/Peer support");
    p().set_session_coder("ana");
    pump();
  }
  void enter(wxTextCtrl& t, const std::string& text) {
    t.ChangeValue(gui::wx(text));
    press_enter(t);
  }
  /// `quire ARGS... --json` on the project (read-only: the window has it open).
  nlohmann::json cli(std::vector<std::string> args) {
    args.insert(args.begin() + 1, project.string());
    args.push_back("--json");
    args.push_back("--read-only");
    auto r = run_quire(args);
    BOOST_REQUIRE_MESSAGE(r.status == 0, r.err);
    return nlohmann::json::parse(r.out);
  }
};

/// (document, start, end) of each hit, as the CLI's JSON gives them.
std::vector<std::tuple<std::string, std::int64_t, std::int64_t>>
places(const std::vector<Hit>& hits) {
  std::vector<std::tuple<std::string, std::int64_t, std::int64_t>> out;
  for (const auto& h : hits) {
    out.emplace_back(h.document_name, h.start, h.end);
  }
  return out;
}
std::vector<std::tuple<std::string, std::int64_t, std::int64_t>> places(const nlohmann::json& j) {
  std::vector<std::tuple<std::string, std::int64_t, std::int64_t>> out;
  for (const auto& h : j) {
    out.emplace_back(h.at("document").get<std::string>(), h.at("start").get<std::int64_t>(),
                     h.at("end").get<std::int64_t>());
  }
  return out;
}

/// word=count of each word, as the CLI's JSON gives them.
std::vector<std::string> counts(const std::vector<WordCount>& words) {
  std::vector<std::string> out;
  for (const auto& w : words) {
    out.push_back(w.word + "=" + std::to_string(w.count));
  }
  return out;
}
std::vector<std::string> counts(const nlohmann::json& j) {
  std::vector<std::string> out;
  for (const auto& w : j) {
    out.push_back(w.at("word").get<std::string>() + "=" +
                  std::to_string(w.at("count").get<std::int64_t>()));
  }
  return out;
}

} // namespace

BOOST_AUTO_TEST_SUITE(page_filters)

BOOST_FIXTURE_TEST_CASE(query_page_documents_give_what_quire_query_doc_gives, FiltersFixture) {
  gui::show_page(*frame, "query");
  pump(100);
  auto& q = gui::query_page(*frame);
  const std::string query = "\"Barriers/Time\" OR \"Purpose/Peer support\"";
  enter(q.query(), query);
  auto all = cli({"query", query});
  BOOST_REQUIRE(places(q.hits()) == places(all));
  std::set<std::string> docs;
  for (const auto& h : q.hits()) {
    docs.insert(h.document_name);
  }
  BOOST_REQUIRE_EQUAL(docs.size(), 2U); // both documents have results
  BOOST_CHECK_EQUAL(gui::utf8(q.documents().GetLabel()), "All documents");

  // Only notes-short, ticked in the checklist: the query runs again.
  wxTEST_DIALOG(q.documents().ask(), TickDocuments(p(), {"notes-short"}));
  pump();
  BOOST_CHECK_EQUAL(gui::utf8(q.documents().GetLabel()), "notes-short");
  auto only_notes = cli({"query", query, "--doc", "notes-short"});
  BOOST_REQUIRE(!q.hits().empty());
  BOOST_CHECK(places(q.hits()) == places(only_notes));
  BOOST_CHECK(places(q.hits()) != places(all));
  for (const auto& h : q.hits()) {
    BOOST_CHECK_EQUAL(h.document_name, "notes-short");
  }
  BOOST_CHECK_EQUAL(q.results().GetItemCount(), static_cast<int>(only_notes.size()));
  // With the coder too: the CLI's --doc and --by together.
  choose(q.coder_choice(), "ben");
  BOOST_CHECK(places(q.hits()) ==
              places(cli({"query", query, "--doc", "notes-short", "--by", "ben"})));
  choose(q.coder_choice(), "Everyone");

  // Both ticked is every document again.
  wxTEST_DIALOG(q.documents().ask(), TickDocuments(p(), {"notes-short", "interview-cafe"}));
  pump();
  BOOST_CHECK(q.documents().chosen().empty());
  BOOST_CHECK_EQUAL(gui::utf8(q.documents().GetLabel()), "All documents");
  BOOST_CHECK(places(q.hits()) == places(all));
}

BOOST_FIXTURE_TEST_CASE(words_page_options_give_what_quire_words_gives, FiltersFixture) {
  gui::show_page(*frame, "words");
  pump(100);
  auto& w = gui::words_page(*frame);
  w.refresh_if_stale();
  auto all = cli({"words", "--limit", "0"});
  BOOST_REQUIRE(counts(w.words()) == counts(all));

  // --query: the words of the text a coding query finds.
  choose(w.code_choice(), "Text a coding query finds");
  BOOST_CHECK(w.query().IsEnabled());
  const std::string query = "\"Barriers/Time\" AND \"Barriers/Funding\"";
  enter(w.query(), query);
  auto of_query = cli({"words", "--query", query, "--limit", "0"});
  BOOST_REQUIRE(!of_query.empty());
  BOOST_CHECK(counts(w.words()) == counts(of_query));
  BOOST_CHECK(counts(w.words()) != counts(all));

  // --by: one coder's codings of a code.
  choose(w.code_choice(), "   Time");
  BOOST_CHECK(!w.query().IsEnabled());
  auto time_all = cli({"words", "--code", "Barriers/Time", "--limit", "0"});
  BOOST_CHECK(counts(w.words()) == counts(time_all));
  choose(w.coder_choice(), "ben");
  auto time_ben = cli({"words", "--code", "Barriers/Time", "--by", "ben", "--limit", "0"});
  BOOST_CHECK(counts(w.words()) == counts(time_ben));
  BOOST_CHECK(counts(time_ben) != counts(time_all));
  choose(w.coder_choice(), "Everyone");
  choose(w.code_choice(), "All the text");

  // --doc: the documents ticked.
  wxTEST_DIALOG(w.documents().ask(), TickDocuments(p(), {"interview-cafe"}));
  pump();
  auto cafe_words = cli({"words", "--doc", "interview-cafe", "--limit", "0"});
  BOOST_CHECK(counts(w.words()) == counts(cafe_words));
  BOOST_CHECK(counts(cafe_words) != counts(all));

  // --limit: the most frequent N, listed in the table.
  choose(w.limit_choice(), "10");
  auto ten = cli({"words", "--doc", "interview-cafe", "--limit", "10"});
  BOOST_REQUIRE_EQUAL(ten.size(), 10U);
  BOOST_CHECK(counts(w.words()) == counts(ten));
  BOOST_CHECK_EQUAL(w.table().GetItemCount(), 10);

  // --lang: another language's stop words and stems.
  choose(w.language_choice(), "German (de)");
  auto german = cli({"words", "--doc", "interview-cafe", "--limit", "10", "--lang", "de"});
  BOOST_CHECK(counts(w.words()) == counts(german));
  BOOST_CHECK(counts(german) != counts(ten)); // English stop words now count
  BOOST_CHECK_EQUAL(w.spec().language, "de");

  // A query that names no code is told in the page, in words.
  choose(w.language_choice(), w.language_choice().GetString(0));
  choose(w.code_choice(), "Text a coding query finds");
  enter(w.query(), "\"Barriers/Time\" AND Nonsense");
  BOOST_CHECK(gui::utf8(w.status().GetLabel()).find("Nonsense") != std::string::npos);
}

BOOST_FIXTURE_TEST_CASE(export_cases_writes_the_classification_sheet, FiltersFixture) {
  add_attribute(p(), "Years", AttrType::Number);
  set_attribute(p(), first_case, "Years", parse_value("12", AttrType::Number));
  pump();
  BOOST_REQUIRE(frame->commands().has("file/export-cases"));
  auto* menu = frame->GetMenuBar()->GetMenu(0);
  BOOST_CHECK(menu->FindItem(frame->commands().get("file/export-cases").id) != nullptr);

  // Excel, through the menu command and its file dialog.
  auto xlsx = dir / "cases.xlsx";
  wxTEST_DIALOG(frame->commands().invoke("file/export-cases"),
                wxExpectModal<wxFileDialog>(gui::wx(xlsx.string())));
  pump();
  BOOST_REQUIRE(std::filesystem::exists(xlsx));
  BOOST_CHECK(gui::utf8(frame->GetStatusBar()->GetStatusText(0)).find("Exported 2 cases") !=
              std::string::npos);
  auto r = run_program(
      "/usr/bin/python3",
      {"-c",
       "import sys, json, openpyxl\n"
       "ws = openpyxl.load_workbook(sys.argv[1]).active\n"
       "print(json.dumps([[c for c in row] for row in ws.iter_rows(values_only=True)]))",
       xlsx.string()});
  BOOST_REQUIRE_MESSAGE(r.status == 0, r.err);
  auto rows = nlohmann::json::parse(r.out);
  BOOST_REQUIRE_EQUAL(rows.size(), 3U);
  BOOST_CHECK_EQUAL(rows[0].dump(), R"(["Case","Role","Years"])");
  std::set<std::string> body{rows[1].dump(), rows[2].dump()};
  BOOST_CHECK(body.count(R"(["Zoe B.","Teacher",12])")); // a number stays a number
  BOOST_CHECK(body.count(R"(["Field team","Head",null])"));

  // CSV, as `quire cases export` writes it.
  auto csv = dir / "cases.csv";
  BOOST_CHECK_EQUAL(gui::run_case_export(*frame, csv), 2);
  auto cli_csv = dir / "cli-cases.csv";
  auto c = run_quire({"cases", "export", project.string(), cli_csv.string(), "--read-only"});
  BOOST_REQUIRE_MESSAGE(c.status == 0, c.err);
  BOOST_CHECK_EQUAL(read_file(csv), read_file(cli_csv));
  BOOST_CHECK(read_file(csv).find("Zoe B.,Teacher,12") != std::string::npos);

  // A folder that is not there: told, and no file is left behind.
  auto bad = dir / "missing" / "cases.xlsx";
  wxTEST_DIALOG(frame->commands().invoke("file/export-cases"),
                wxExpectModal<wxFileDialog>(gui::wx(bad.string())),
                wxExpectModal<wxMessageDialog>(wxOK));
  BOOST_CHECK(!std::filesystem::exists(bad));
}

BOOST_FIXTURE_TEST_CASE(analysis_page_documents_give_what_quire_matrix_doc_gives, FiltersFixture) {
  gui::show_page(*frame, "analysis");
  pump(100);
  auto& pane = frame->analysis();
  pane.run();
  // The theme table's counts per code, as `quire matrix --json` gives them.
  auto shown = [&] {
    std::vector<std::string> out;
    const auto& m = pane.matrix_shown();
    for (std::size_t r = 0; r < m.rows.size(); ++r) {
      out.push_back(m.rows[r].path + "=" + nlohmann::json(m.counts[r]).dump());
    }
    return out;
  };
  auto of_cli = [](const nlohmann::json& j) {
    std::vector<std::string> out;
    for (const auto& r : j.at("rows")) {
      out.push_back(r.at("code").get<std::string>() + "=" + r.at("counts").dump());
    }
    return out;
  };
  auto all = of_cli(cli({"matrix"}));
  BOOST_REQUIRE(shown() == all);
  BOOST_CHECK_EQUAL(gui::utf8(pane.documents_filter().GetLabel()), "All documents");

  // Only notes-short: the table counts its codings alone, as --doc does.
  wxTEST_DIALOG(pane.documents_filter().ask(), TickDocuments(p(), {"notes-short"}));
  pump();
  auto notes = of_cli(cli({"matrix", "--doc", "notes-short"}));
  BOOST_CHECK(shown() == notes);
  BOOST_CHECK(notes != all);
  // Every passage behind a cell is in notes-short.
  const auto& m = pane.matrix_shown();
  int cells = 0;
  for (std::size_t r = 0; r < m.rows.size(); ++r) {
    for (std::size_t c = 0; c < m.cols.size(); ++c) {
      if (m.counts[r][c] == 0) {
        continue;
      }
      pane.show_cell(static_cast<int>(r), static_cast<int>(c));
      for (const auto& h : pane.cell_hits()) {
        BOOST_CHECK_EQUAL(h.document_name, "notes-short");
        ++cells;
      }
    }
  }
  BOOST_CHECK_GT(cells, 0);
}

BOOST_AUTO_TEST_SUITE_END()
