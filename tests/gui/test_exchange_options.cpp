// The options `quire import` and `quire export` have, offered by the app's
// import preview and export options dialog with the CLI's defaults (issue
// 16.8): what is chosen reaches the importer and the exporter, and the
// project stored or the file written shows it.
#include <fstream>

#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/filedlg.h>
#include <wx/textctrl.h>

#include "export_options_dialog.h"
#include "export_runner.h"
#include "gui_test_support.h"
#include "import_preview.h"
#include "quire/base/error.h"
#include "quire/model/cases.h"
#include "quire/model/codebook.h"
#include "quire/model/coding.h"
#include "quire/model/documents.h"
#include "wx_text.h"

using namespace quire;
using namespace quire::test;

namespace {

const char* const transcript = "[00:01:03] Amira: We meet on Thursdays after school.\n\n"
                               "[00:01:20] Ben: Who comes?\n\n"
                               "[00:01:24] Amira: Teachers from four schools, mostly.\n";

const char* const survey_csv = "Respondent,Role,Why did you join?\n"
                               "R1,Teacher,\"To meet other teachers and share ideas\"\n"
                               "R2,-,\"Because the local authority asked our school\"\n"
                               "R3,Head,\"I wanted fresh ideas for my class\"\n";

/// Ticks "Make a case of each speaker" and "Code each turn with its speaker".
class SpeakerOptions : public wxExpectModalBase<gui::ImportPreview, SpeakerOptions> {
protected:
  int OnInvoked(gui::ImportPreview* dlg) const override {
    BOOST_REQUIRE(dlg->speaker_cases());
    BOOST_REQUIRE(dlg->code_speakers());
    BOOST_CHECK(!dlg->speaker_cases()->GetValue()); // the CLI's default: off
    BOOST_CHECK(!dlg->code_speakers()->GetValue());
    BOOST_CHECK(!dlg->missing()); // a transcript has no cells
    dlg->speaker_cases()->SetValue(true);
    dlg->code_speakers()->SetValue(true);
    return wxID_OK;
  }
};

/// Reads "-" as a real value (not missing) and imports the cases only.
class SurveyOptions : public wxExpectModalBase<gui::ImportPreview, SurveyOptions> {
protected:
  int OnInvoked(gui::ImportPreview* dlg) const override {
    BOOST_REQUIRE(dlg->missing());
    BOOST_CHECK_EQUAL(gui::utf8(dlg->missing()->GetValue()), "NA N/A n/a - .");
    BOOST_REQUIRE(dlg->cases_only());
    BOOST_CHECK(!dlg->cases_only()->GetValue());
    BOOST_CHECK(!dlg->speaker_cases());
    dlg->missing()->ChangeValue("NA");
    dlg->cases_only()->SetValue(true);
    return wxID_OK;
  }
};

} // namespace

BOOST_AUTO_TEST_SUITE(exchange_options)

BOOST_FIXTURE_TEST_CASE(import_preview_offers_speaker_cases_and_coding_speakers, FrameFixture) {
  auto file = dir / "interview-amira.txt";
  write_file(file, transcript);
  BOOST_CHECK_EQUAL(import_answering(file, SpeakerOptions()), 1);
  pump();
  BOOST_CHECK_NO_THROW(find_case(p(), "Amira"));
  BOOST_CHECK_NO_THROW(find_case(p(), "Ben"));
  auto amira = try_find_code(p(), "Speakers/Amira");
  BOOST_REQUIRE(amira);
  CodingFilter f;
  f.code_id = amira->id;
  BOOST_CHECK_EQUAL(list_codings(p(), f).size(), 2U);
}

BOOST_FIXTURE_TEST_CASE(import_preview_offers_missing_values_and_cases_only, FrameFixture) {
  auto csv = dir / "joining.csv";
  write_file(csv, survey_csv);
  auto docs = list_documents(p()).size();
  BOOST_CHECK_EQUAL(import_answering(csv, SurveyOptions()), 1);
  pump();
  BOOST_CHECK_EQUAL(list_documents(p()).size(), docs); // cases only: no answers
  auto r2 = find_case(p(), "R2");
  auto values = case_attributes(p(), r2.id);
  BOOST_REQUIRE(values.count("Role"));
  BOOST_CHECK(!values.at("Role").missing); // "-" is no marker any more
  BOOST_CHECK_EQUAL(values.at("Role").display(), "-");
}

BOOST_FIXTURE_TEST_CASE(export_options_reach_the_exporter, FrameFixture) {
  auto doc = find_document(p(), "notes-short").id;
  auto [s, e] = find_in_document(p(), doc, "rail strike");
  p().set_session_coder("ana");
  code_range(p(), doc, s, e, code("Barriers/Time"));
  p().set_session_coder("ben");
  code_range(p(), doc, s, e, code("Barriers/Time"));
  pump();
  gui::ExportOptionsDialog dlg(frame, p(), "csv");
  // The CLI's defaults: everyone, every case, no agreement sheet, no BOM.
  auto defaults = dlg.options(p());
  BOOST_CHECK(defaults.filter.where.empty());
  BOOST_CHECK(!defaults.filter.coder);
  BOOST_CHECK(defaults.coders.empty());
  BOOST_CHECK(!defaults.bom);
  BOOST_CHECK(defaults.matrices.empty());
  BOOST_REQUIRE(dlg.bom());
  dlg.bom()->SetValue(true);
  dlg.coder().SetStringSelection("ben's codings only");
  auto o = dlg.options(p());
  BOOST_CHECK(o.bom);
  BOOST_REQUIRE(o.filter.coder);
  BOOST_CHECK_EQUAL(*o.filter.coder, "ben");
  auto out = dir / "segments.csv";
  gui::run_export(*frame, out, {}, o);
  std::ifstream in(out, std::ios::binary);
  std::string head(3, '\0');
  in.read(head.data(), 3);
  BOOST_CHECK_EQUAL(head, "\xEF\xBB\xBF");
  // Bad input is refused in words before anything is written.
  dlg.matrices().ChangeValue("rows=codes cols=nowhere");
  BOOST_CHECK_THROW(dlg.options(p()), Error);
  dlg.matrices().ChangeValue("");
  dlg.agreement_a().SetStringSelection("ana");
  dlg.agreement_b().SetStringSelection("ana");
  BOOST_CHECK_THROW(dlg.options(p()), InputError);
  dlg.agreement_b().SetStringSelection("ben");
  auto with_sheet = dlg.options(p());
  BOOST_CHECK((with_sheet.coders == std::vector<std::string>{"ana", "ben"}));
  dlg.where().ChangeValue("Shoe size = 9");
  BOOST_CHECK_THROW(dlg.options(p()), Error);
}

BOOST_AUTO_TEST_SUITE_END()
