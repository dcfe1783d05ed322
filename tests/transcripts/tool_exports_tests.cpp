// Transcription tools' own export layouts, from fixtures written in their
// shape: f4/f5 end stamps "#00:01:02-5#", Rev "Speaker 1 (00:00:03):",
// Descript "Name: [00:00:08] text", Zoom's labelled cues and saved chat,
// "[Name]" in SRT.
#include <boost/test/unit_test.hpp>

#include "importers/importer.h"
#include "quire/base/text.h"
#include "quire/ingest/import_data.h"
#include "support/test_support.h"

using namespace quire;

namespace {

struct Turn {
  std::string speaker, text;
  std::optional<std::int64_t> start, end;
};

std::vector<Turn> fixture_turns(const std::string& name, std::string* kind = nullptr) {
  auto d = read_file(quire::test::fixture("transcripts/" + name), {});
  BOOST_REQUIRE_EQUAL(d.documents.size(), 1u);
  if (kind) {
    *kind = d.kind;
  }
  const auto& doc = d.documents[0];
  CodePointIndex idx(doc.text);
  std::vector<Turn> out;
  for (auto& p : doc.passages) {
    out.push_back({p.speaker, std::string(idx.slice(p.start, p.end)), p.start_ms, p.end_ms});
  }
  return out;
}

} // namespace

BOOST_AUTO_TEST_SUITE(tool_exports)

BOOST_AUTO_TEST_CASE(f4_end_stamps_close_each_paragraph) {
  std::string kind;
  auto t = fixture_turns("f4-interview.txt", &kind);
  BOOST_TEST(kind == "transcript");
  BOOST_TEST_REQUIRE(t.size() == 6u);
  BOOST_TEST(t[0].speaker == "I");
  BOOST_TEST(t[0].text ==
             "Vielleicht erzählen Sie zuerst, wie Sie zu dieser Arbeit gekommen sind.");
  BOOST_TEST(!t[0].start);
  BOOST_TEST(*t[0].end == 7200);
  BOOST_TEST(t[1].speaker == "B");
  BOOST_TEST(*t[1].start == 7200); // where the question ended
  BOOST_TEST(*t[1].end == 31800);
  BOOST_TEST(t[4].text == "Mhm.");
  BOOST_TEST(*t[5].start == 46100);
  BOOST_TEST(*t[5].end == 51900);
  for (auto& turn : t) {
    BOOST_TEST(turn.text.find('#') == std::string::npos);
  }
}

BOOST_AUTO_TEST_CASE(f4_with_windows_line_endings) {
  auto t = fixture_turns("f4-crlf.txt");
  BOOST_TEST_REQUIRE(t.size() == 3u);
  BOOST_TEST(t[1].speaker == "B");
  BOOST_TEST(t[1].text == "Gern, das war so.");
  BOOST_TEST(*t[1].start == 3100);
  BOOST_TEST(*t[1].end == 9000);
}

BOOST_AUTO_TEST_CASE(f4_stamp_at_line_start_and_alone) {
  quire::test::TempDir dir;
  quire::test::write_file(dir / "f5.txt", "#00:00:02-0# I: Wie geht es?\n\n"
                                          "#00:00:04-5# B: Gut.\n#00:00:06-0#\n\n"
                                          "#00:00:07-1# I: Schön.\n");
  auto d = read_file(dir / "f5.txt", {});
  auto& p = d.documents[0].passages;
  BOOST_TEST_REQUIRE(p.size() == 3u);
  BOOST_TEST(p[1].speaker == "B");
  BOOST_TEST(*p[1].start_ms == 4500);
  BOOST_TEST(*p[1].end_ms == 6000);
  BOOST_TEST(*p[2].start_ms == 7100);
}

BOOST_AUTO_TEST_CASE(rev_name_and_time_in_parentheses) {
  std::string kind;
  auto t = fixture_turns("rev-speaker-time.txt", &kind);
  BOOST_TEST(kind == "transcript");
  BOOST_TEST_REQUIRE(t.size() == 4u);
  BOOST_TEST(t[0].speaker == "Speaker 1");
  BOOST_TEST(t[0].text ==
             "Thanks for making the time today. Could you start by telling me about your role?");
  BOOST_TEST(*t[0].start == 3000);
  BOOST_TEST(*t[0].end == 9000);
  BOOST_TEST(t[3].speaker == "Speaker 2");
  BOOST_TEST(*t[3].start == 24000);
}

BOOST_AUTO_TEST_CASE(descript_name_then_stamp) {
  auto t = fixture_turns("descript-name-time.txt");
  BOOST_TEST_REQUIRE(t.size() == 3u);
  BOOST_TEST(t[1].speaker == "Tom Baker"); // speaks once, but after a stamp
  BOOST_TEST(t[1].text == "Really? Even in the morning?");
  BOOST_TEST(*t[1].start == 5000);
  BOOST_TEST(*t[0].start == 0);
}

BOOST_AUTO_TEST_CASE(zoom_cues_all_labelled_one_speaker_once) {
  auto t = fixture_turns("zoom-labels.vtt");
  BOOST_TEST_REQUIRE(t.size() == 3u);
  BOOST_TEST(t[1].speaker == "Daniel Brooks");
  BOOST_TEST(t[1].text == "Yes, loud and clear.");
}

BOOST_AUTO_TEST_CASE(srt_speakers_in_brackets) {
  auto t = fixture_turns("bracket-speakers.srt");
  BOOST_TEST_REQUIRE(t.size() == 5u);
  BOOST_TEST(t[0].speaker == "Anna");
  BOOST_TEST(t[0].text == "Did you bring the forms?");
  BOOST_TEST(t[1].speaker == "Ben"); // once, but every other cue is labelled
  // "- Good." / "- Shall I hand them out?": two voices, no names, a passage each
  BOOST_TEST(t[2].speaker == "");
  BOOST_TEST(t[2].text == "Good.");
  BOOST_TEST(t[3].speaker == "");
  BOOST_TEST(t[3].text == "Shall I hand them out?");
  BOOST_TEST(*t[3].start == 7500);
  BOOST_TEST(*t[3].end == 10000);
  BOOST_TEST(t[4].speaker == "Anna");
}

BOOST_AUTO_TEST_CASE(zoom_saved_chat_both_layouts) {
  for (const char* name : {"zoom-chat.txt", "zoom-chat-old.txt"}) {
    BOOST_TEST_CONTEXT(name) {
      std::string kind;
      auto t = fixture_turns(name, &kind);
      BOOST_TEST(kind == "transcript");
      BOOST_TEST_REQUIRE(t.size() == 3u);
      BOOST_TEST(t[0].speaker == "Priya Shah");
      BOOST_TEST(t[0].text == "Here is the link to the shared folder.");
      BOOST_TEST(*t[0].start == (10 * 3600 + 2 * 60 + 15) * 1000);
      BOOST_TEST(t[1].speaker == "Daniel Brooks");
      BOOST_TEST(t[2].speaker == "Priya Shah"); // a direct message, still hers
      BOOST_TEST(t[2].text == "Can you stay on after?");
    }
  }
}

BOOST_AUTO_TEST_CASE(f4_saved_as_utf16) {
  // Windows' "Unicode" text: UTF-16 with a BOM and CRLF.
  std::string kind;
  auto t = fixture_turns("f4-utf16.txt", &kind);
  BOOST_TEST(kind == "transcript");
  BOOST_TEST_REQUIRE(t.size() == 3u);
  BOOST_TEST(t[1].speaker == "B");
  BOOST_TEST(t[1].text == "Schön, aber anstrengend. Die Kollegen waren nett.");
  BOOST_TEST(*t[1].end == 11000);
}

BOOST_AUTO_TEST_CASE(google_meet_stamp_lines_above_labelled_turns) {
  // Meet: a time alone on its line every few minutes, "Name: text" below it.
  std::string kind;
  auto t = fixture_turns("google-meet.txt", &kind);
  BOOST_TEST(kind == "transcript");
  BOOST_TEST_REQUIRE(t.size() == 5u);
  BOOST_TEST(t[1].speaker == "Jane Doe");
  BOOST_TEST(*t[1].start == 0);
  BOOST_TEST(t[2].speaker == "Ahmed Karimi");
  BOOST_TEST(!t[2].start);
  BOOST_TEST(t[3].text == "Let's look at the rota.");
  BOOST_TEST(*t[3].start == 312000);
}

BOOST_AUTO_TEST_CASE(teams_cue_end_times_are_kept) {
  // The last turn has no next stamp: its end is its cue's end.
  quire::test::TempDir dir;
  quire::test::write_file(dir / "teams.txt", "0:0:0.0 --> 0:0:5.360\nJane Doe\nOkay, I think.\n\n"
                                             "0:0:5.360 --> 0:0:9.120\nAhmed Karimi\nYes.\n\n"
                                             "0:0:9.120 --> 0:0:10.500\nJane Doe\nPlease do.\n");
  auto p = read_file(dir / "teams.txt", {}).documents.at(0).passages;
  BOOST_TEST_REQUIRE(p.size() == 3u);
  BOOST_TEST(*p[0].end_ms == 5360);
  BOOST_TEST(*p[2].start_ms == 9120);
  BOOST_TEST(*p[2].end_ms == 10500);
}

BOOST_AUTO_TEST_SUITE_END()
