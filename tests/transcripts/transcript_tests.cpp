// Transcripts (text), WebVTT and SRT: turns, speakers, times, bad input.
#define BOOST_TEST_MODULE transcripts
#include "importers/importer.h"
#include "quire/base/error.h"
#include "quire/base/text.h"
#include "quire/model/documents.h"
#include "quire/store/project.h"
#include "support/test_support.h"

using namespace quire;
using quire::test::TempDir;

namespace {

struct Turn {
  std::string speaker, text;
  std::optional<std::int64_t> ms;
};

std::vector<Turn> turns(const ImportData& d) {
  BOOST_REQUIRE_EQUAL(d.documents.size(), 1u);
  const auto& doc = d.documents[0];
  CodePointIndex idx(doc.text);
  std::vector<Turn> out;
  for (auto& p : doc.passages) {
    out.push_back({p.speaker, std::string(idx.slice(p.start, p.end)), p.start_ms});
  }
  return out;
}

ImportData read_text(const TempDir& dir, const std::string& name, const std::string& text,
                     const ImportSettings& s = {}) {
  quire::test::write_file(dir / name, text);
  return read_file(dir / name, s);
}

std::string error_of(const TempDir& dir, const std::string& name, const std::string& text) {
  try {
    read_text(dir, name, text);
  } catch (const InputError& e) {
    return e.what();
  }
  return "(read)";
}

} // namespace

BOOST_AUTO_TEST_CASE(stamped_turns_with_speakers) {
  TempDir dir;
  auto d = read_text(dir, "i.txt",
                     "Focus group, site B\n\n"
                     "[00:00:05] Facilitator: Welcome, everyone.\n"
                     "[00:00:09] Dana: Thanks. I'll start,\nif that's all right.\n"
                     "[00:01:02.500] Facilitator: Please do.\n");
  BOOST_TEST(d.kind == "transcript");
  auto t = turns(d);
  BOOST_TEST_REQUIRE(t.size() == 4u);
  BOOST_TEST(t[0].speaker == "");
  BOOST_TEST(t[1].speaker == "Facilitator");
  BOOST_TEST(t[1].text == "Welcome, everyone.");
  BOOST_TEST(*t[1].ms == 5000);
  BOOST_TEST(t[2].text ==
             "Thanks. I'll start,\nif that's all right."); // a wrapped line joins its turn
  BOOST_TEST(*t[3].ms == 62500);
  BOOST_TEST(*d.documents[0].passages[1].end_ms == 9000);
}

BOOST_AUTO_TEST_CASE(labels_without_stamps_and_prose_notes) {
  TempDir dir;
  auto d = read_text(dir, "n.txt",
                     "Interviewer: What changed?\n\n"
                     "Ravi: We plan together now.\n\n"
                     "Note: this is said in passing, not a speaker.\n\n"
                     "Interviewer: Anything else?\n\n"
                     "Ravi: No.\n");
  auto t = turns(d);
  BOOST_TEST_REQUIRE(t.size() == 5u);
  BOOST_TEST(t[2].speaker == "Ravi"); // another paragraph of Ravi's turn, not a speaker "Note"
  BOOST_TEST(t[2].text == "Note: this is said in passing, not a speaker.");
  BOOST_TEST(t[3].speaker == "Interviewer");
}

BOOST_AUTO_TEST_CASE(moderator_labels_mixed_with_unlabelled_speech) {
  TempDir dir;
  auto d = read_text(dir, "m.txt",
                     "MODERATOR: Why did you join?\n"
                     "Because my head asked me to.\n"
                     "MODERATOR: And now?\n"
                     "Now I go because I want to.\n"
                     "MODERATOR: Thank you.\n");
  auto t = turns(d);
  BOOST_TEST_REQUIRE(t.size() == 5u);
  BOOST_TEST(t[1].speaker == "");
  BOOST_TEST(t[1].text == "Because my head asked me to.");
  BOOST_TEST(t[2].speaker == "MODERATOR");
}

BOOST_AUTO_TEST_CASE(bracketed_ids_and_labels_alone_on_a_line) {
  TempDir dir;
  auto d = read_text(dir, "b.txt",
                     "[id1] I coordinate the network.\n"
                     "[id2] I teach year 4.\n"
                     "[id1] We meet monthly.\n"
                     "P07:\n"
                     "This answer starts on the next line.\n"
                     "P07: and this one does not.\n");
  auto t = turns(d);
  BOOST_TEST_REQUIRE(t.size() == 5u);
  BOOST_TEST(t[0].speaker == "id1");
  BOOST_TEST(t[1].speaker == "id2");
  BOOST_TEST(t[3].speaker == "P07");
  BOOST_TEST(t[3].text == "This answer starts on the next line.");
}

BOOST_AUTO_TEST_CASE(auto_captions_one_passage_per_stamped_line) {
  TempDir dir;
  auto d =
      read_text(dir, "c.txt", "0:00:00so say you are\n0:00:03 at school\n0:00:07getting ready\n");
  auto t = turns(d);
  BOOST_TEST_REQUIRE(t.size() == 3u);
  BOOST_TEST(t[0].text == "so say you are");
  BOOST_TEST(*t[2].ms == 7000);
}

BOOST_AUTO_TEST_CASE(meeting_tool_headers_name_then_time) {
  TempDir dir;
  // Otter.ai and Teams/Meet exports: "Name  time" alone, the speech below it.
  auto d = read_text(dir, "otter.txt",
                     "Speaker 1  0:03\nSo what is the network for, in your view?\n\n"
                     "Jane Doe  0:15\nHonestly, it is mostly about sharing practice.\n"
                     "And time: we never have time.\n\n"
                     "Speaker 1  1:02:10\nThanks.\n");
  BOOST_TEST(d.kind == "transcript");
  auto t = turns(d);
  BOOST_TEST_REQUIRE(t.size() == 3u);
  BOOST_TEST(t[0].speaker == "Speaker 1");
  BOOST_TEST(t[0].text == "So what is the network for, in your view?");
  BOOST_TEST(*t[0].ms == 3000);
  BOOST_TEST(t[1].speaker == "Jane Doe");
  BOOST_TEST(t[1].text ==
             "Honestly, it is mostly about sharing practice.\nAnd time: we never have time.");
  BOOST_TEST(*t[2].ms == 3730000);
  BOOST_TEST(*d.documents[0].passages[0].end_ms == 15000);

  auto z = read_text(dir, "zoom.txt",
                     "[Jane Doe] 10:02:03\nIt is about peer support.\n\n"
                     "[John Roe] 10:02:30\nI doubt it.\n\n"
                     "[Jane Doe] 10:03:01\nWhy?\n");
  auto zt = turns(z);
  BOOST_TEST_REQUIRE(zt.size() == 3u);
  BOOST_TEST(zt[1].speaker == "John Roe");
  BOOST_TEST(zt[1].text == "I doubt it.");
  BOOST_TEST(*zt[1].ms == (10 * 3600 + 2 * 60 + 30) * 1000);
}

BOOST_AUTO_TEST_CASE(teams_cue_times_with_name_lines) {
  TempDir dir;
  auto d = read_text(dir, "teams.txt",
                     "0:0:0.0 --> 0:0:5.360\nJane Doe\nIt is about peer support.\n\n"
                     "0:0:5.360 --> 0:0:9.0\nJohn Roe\nNot sure at all.\n\n"
                     "0:0:9.0 --> 0:0:12.500\nJane Doe\nWhy not?\n");
  BOOST_TEST(d.kind == "transcript");
  auto t = turns(d);
  BOOST_TEST_REQUIRE(t.size() == 3u);
  BOOST_TEST(t[0].speaker == "Jane Doe");
  BOOST_TEST(t[0].text == "It is about peer support.");
  BOOST_TEST(t[1].speaker == "John Roe");
  BOOST_TEST(*t[1].ms == 5360);
  BOOST_TEST(t[2].text == "Why not?");
}

BOOST_AUTO_TEST_CASE(a_line_of_prose_ending_in_a_time_is_not_a_header) {
  TempDir dir;
  auto d = read_text(dir, "notes.txt",
                     "We met the coordinators.\n\nLunch at 12:30\n\nThen we talked about time.\n");
  BOOST_TEST(d.kind == "text");
  CodePointIndex idx(d.documents[0].text);
  bool found = false;
  for (auto& p : d.documents[0].passages) {
    found = found || idx.slice(p.start, p.end) == "Lunch at 12:30";
  }
  BOOST_TEST(found);
}

BOOST_AUTO_TEST_CASE(webvtt_voice_tags_and_zoom_labels) {
  TempDir dir;
  auto d = read_text(dir, "v.vtt",
                     "WEBVTT\n\nNOTE made by a meeting tool\n\n1\n00:00:01.000 --> 00:00:04.200\n"
                     "<v Zoë Okafor>We share <i>everything</i> &amp; more.</v>\n\n"
                     "2\n00:00:05.000 --> 00:00:06.000\n<v Zoë Okafor>Really.\n\n"
                     "00:00:07.000 --> 00:00:09.000\n<v.loud Sam Lee>Me too.\n");
  BOOST_TEST(d.kind == "vtt");
  auto t = turns(d);
  BOOST_TEST_REQUIRE(t.size() == 3u);
  BOOST_TEST(t[0].speaker == "Zoë Okafor");
  BOOST_TEST(t[0].text == "We share everything & more.");
  BOOST_TEST(*t[0].ms == 1000);
  BOOST_TEST(*d.documents[0].passages[0].end_ms == 4200);
  BOOST_TEST(t[2].speaker == "Sam Lee");
  ImportSettings join;
  join.join_cues = true;
  auto j = read_file(dir / "v.vtt", join);
  BOOST_TEST(turns(j).size() == 2u);
  BOOST_TEST(turns(j)[0].text == "We share everything & more. Really.");

  auto z = read_text(dir, "zoom.vtt",
                     "WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\nAna Ruiz: Hello.\n\n"
                     "2\n00:00:03.000 --> 00:00:04.000\nBo Chen: Hi Ana.\n\n"
                     "3\n00:00:05.000 --> 00:00:06.000\nAna Ruiz: Shall we start?\n");
  auto zt = turns(z);
  BOOST_TEST(zt[0].speaker == "Ana Ruiz");
  BOOST_TEST(zt[0].text == "Hello.");
}

BOOST_AUTO_TEST_CASE(srt_cues) {
  TempDir dir;
  auto d = read_text(dir, "s.srt",
                     "1\r\n00:00:01,000 --> 00:00:02,500\r\nFirst line\r\nwraps here\r\n\r\n"
                     "2\r\n00:01:00,000 --> 00:01:03,000\r\nSecond\r\n");
  BOOST_TEST(d.kind == "srt");
  auto t = turns(d);
  BOOST_TEST_REQUIRE(t.size() == 2u);
  BOOST_TEST(t[0].text == "First line wraps here");
  BOOST_TEST(*t[1].ms == 60000);
}

BOOST_AUTO_TEST_CASE(dash_cues_split_into_a_passage_per_voice) {
  TempDir dir;
  auto d = read_text(dir, "d.vtt",
                     "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n- Are you coming?\n"
                     "-Yes, in a minute.\n\n"
                     "00:00:04.000 --> 00:00:06.000\n- Ana: Ready?\n- Bo: Almost.\n\n"
                     "00:00:07.000 --> 00:00:08.000\n<v Ana>- Now?\n<v Bo>- Now.\n\n"
                     "00:00:09.000 --> 00:00:10.000\n-5 degrees tonight,\n-3 tomorrow.\n\n"
                     "00:00:11.000 --> 00:00:12.000\n- Are you sure\nabout that?\n\n"
                     "00:00:13.000 --> 00:00:14.000\n- Only me here.\n");
  auto t = turns(d);
  const auto& ps = d.documents[0].passages;
  BOOST_TEST_REQUIRE(t.size() == 9u);
  BOOST_TEST(t[0].text == "Are you coming?");
  BOOST_TEST(t[1].text == "Yes, in a minute.");
  BOOST_TEST(t[0].speaker == "");
  BOOST_TEST(t[1].speaker == "");
  BOOST_TEST(*ps[1].start_ms == 1000); // the cue's times, for both voices
  BOOST_TEST(*ps[1].end_ms == 3000);
  // A name after every dash of the cue is the speaker, once or not.
  BOOST_TEST(t[2].speaker == "Ana");
  BOOST_TEST(t[2].text == "Ready?");
  BOOST_TEST(t[3].speaker == "Bo");
  BOOST_TEST(t[3].text == "Almost.");
  // A voice tag on each line is that line's speaker.
  BOOST_TEST(t[4].speaker == "Ana");
  BOOST_TEST(t[5].speaker == "Bo");
  BOOST_TEST(t[5].text == "Now.");
  // Minus signs, a wrapped line, a single dash: one passage, as written.
  BOOST_TEST(t[6].text == "-5 degrees tonight, -3 tomorrow.");
  BOOST_TEST(t[7].text == "- Are you sure about that?");
  BOOST_TEST(t[8].text == "- Only me here.");
  // The document keeps each voice on its line, dash included.
  BOOST_TEST(d.documents[0].text.find("- Are you coming?\n- Yes, in a minute.\n- Ana: Ready?\n") ==
             0u);

  // SRT the same; --join-cues does not join the unnamed voices.
  ImportSettings join;
  join.join_cues = true;
  auto s = read_text(dir, "d.srt",
                     "1\n00:00:01,000 --> 00:00:02,000\n- Coming?\n- Yes.\n\n"
                     "2\n00:00:03,000 --> 00:00:04,000\n- Now?\n- Now.\n",
                     join);
  auto st = turns(s);
  BOOST_TEST_REQUIRE(st.size() == 4u);
  BOOST_TEST(st[1].text == "Yes.");
  BOOST_TEST(*st[2].ms == 3000);
}

BOOST_AUTO_TEST_CASE(bad_subtitles_say_where) {
  TempDir dir;
  auto e = error_of(dir, "bad.vtt", "WEBVTT\n\n1\n00:00:01.000 -> nonsense\nText\n");
  BOOST_TEST(e.find("bad.vtt: line 3") != std::string::npos, e);
  auto e2 = error_of(dir, "nohead.vtt", "1\n00:00:01.000 --> 00:00:02.000\nText\n");
  BOOST_TEST(e2.find("WEBVTT") != std::string::npos, e2);
  auto e3 = error_of(dir, "empty.vtt", "WEBVTT\n\n");
  BOOST_TEST(e3.find("no cues") != std::string::npos, e3);
  std::string bin("WEBVTT\n\x00\x01\x02", 10);
  BOOST_TEST(error_of(dir, "bin.vtt", bin).find("binary") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(mac_roman_told_from_windows_1252) {
  // uchardet has no Mac Roman (it calls these ISO-8859-13, ISO-8859-2, ...);
  // read as Windows-1252 they show "MŸller", "CafŽ", "DonÕt".
  TempDir dir;
  auto de = read_text(dir, "mac-de.txt",
                      "Interviewer: Was hat Sie motiviert?\n"
                      "P05: Ich habe \xD2Ja\xD3 gesagt, weil ich M\x9Fller vertraut habe. Es war "
                      "ein Caf\x8E in der N\x8Ahe, das ist sch\x9An.\n"
                      "Interviewer: Und dann?\n"
                      "P05: Die Stra\xA7"
                      "e war gr\x9A\xA7"
                      "er.\n");
  BOOST_TEST_REQUIRE(de.warnings.size() == 1u);
  BOOST_TEST(de.warnings[0].find("decoded as Mac Roman") != std::string::npos, de.warnings[0]);
  auto t = turns(de);
  BOOST_TEST_REQUIRE(t.size() == 4u);
  BOOST_TEST(t[1].speaker == "P05");
  BOOST_TEST(t[1].text == "Ich habe “Ja” gesagt, weil ich Müller vertraut habe. Es war ein Café in "
                          "der Nähe, das ist schön.");
  BOOST_TEST(t[3].text == "Die Straße war größer.");
  // English: only curly quotes and apostrophes tell.
  auto en = read_text(dir, "mac-en.txt",
                      "I\xD5"
                      "d say it was my head. She said \xD2just try it\xD3 and I didn\xD5t "
                      "want to let her down.\n");
  BOOST_TEST(en.warnings.at(0).find("Mac Roman") != std::string::npos);
  BOOST_TEST(en.documents[0].text ==
             "I’d say it was my head. She said “just try it” and I didn’t want to let her down.\n");
  // French: è, ç, ê are C1 controls in Windows-1252.
  auto fr = read_text(dir, "mac-fr.txt",
                      "C\xD5\x8Etait tr\x8Fs simple, \x8D"
                      "a valait la peine d\x90tre l\x88.\n");
  BOOST_TEST(fr.documents[0].text == "C’était très simple, ça valait la peine dêtre là.\n");
}

BOOST_AUTO_TEST_CASE(windows_1252_stays_windows_1252) {
  TempDir dir;
  // The same words from Windows: smart quotes, dashes, accents.
  auto de = read_text(dir, "cp-de.txt",
                      "P05: Ich habe \x93Ja\x94 gesagt, weil ich M\xFCller vertraut habe. Es war "
                      "ein Caf\xE9 in der N\xE4he \x96 sch\xF6n. Die Stra\xDF"
                      "e war gr\xF6\xDF"
                      "er.\n");
  BOOST_TEST(de.warnings.at(0).find("Windows-1252") != std::string::npos);
  BOOST_TEST(de.documents[0].text.find("“Ja” gesagt, weil ich Müller vertraut habe. Es war ein "
                                       "Café in der Nähe – schön. Die Straße war größer.") !=
             std::string::npos);
  auto en = read_text(dir, "cp-en.txt",
                      "We met\x97twice\x97"
                      "and it\x92s fine. She\x92s \x93the boss\x94\x85 "
                      "na\xEFve, 20\xB0"
                      "C, \x80 5.\n");
  BOOST_TEST(en.warnings.at(0).find("Windows-1252") != std::string::npos);
  BOOST_TEST(en.documents[0].text ==
             "We met—twice—and it’s fine. She’s “the boss”… naïve, 20°C, € 5.\n");
  auto fr = read_text(dir, "cp-fr.txt",
                      "C\x92\xE9tait tr\xE8s simple, \xE7"
                      "a valait la peine, l\x92\xC9tat "
                      "aussi.\n");
  BOOST_TEST(fr.documents[0].text == "C’était très simple, ça valait la peine, l’État aussi.\n");
  // One telling character is not enough to leave Windows-1252: Mac "Café"
  // alone stays "CafŽ" (see docs/importing.md).
  auto one = read_text(dir, "one.txt", "Caf\x8E notes.\n");
  BOOST_TEST(one.warnings.at(0).find("Windows-1252") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(failed_import_leaves_project_unchanged) {
  TempDir dir;
  auto file = dir / "p.quire";
  { Project::create(file); }
  quire::test::write_file(dir / "bad.vtt", "WEBVTT\n\n00:00:01.000 --> broken\nx\n");
  auto before = quire::test::file_digest(file);
  auto r = quire::test::run_quire({"import", file.string(), (dir / "bad.vtt").string()});
  BOOST_TEST(r.status == 1);
  BOOST_TEST(r.err.find("bad.vtt") != std::string::npos);
  BOOST_TEST(quire::test::file_digest(file) == before);
}

BOOST_AUTO_TEST_SUITE(samples, *boost::unit_test::precondition(quire::test::NeedsShared()))

BOOST_AUTO_TEST_CASE(interview_01_stamped_turns) {
  auto d = read_file(*quire::test::shared_sample("interview-coordinator-01.txt"));
  BOOST_TEST(d.kind == "transcript");
  auto t = turns(d);
  int interviewer = 0, p01 = 0;
  for (auto& x : t) {
    interviewer += x.speaker == "Interviewer";
    p01 += x.speaker == "P01";
  }
  BOOST_TEST(interviewer == 6);
  BOOST_TEST(p01 == 9);
  BOOST_TEST(*t[1].ms == 15000);
  BOOST_TEST(t[2].text.rfind("Honestly?", 0) == 0u);
}

BOOST_AUTO_TEST_CASE(interview_03_vtt_voices) {
  auto d = read_file(*quire::test::shared_sample("interview-coordinator-03.vtt"));
  auto t = turns(d);
  BOOST_TEST(t.size() == 14u);
  BOOST_TEST(t[1].speaker == "Zo\xC3\xAB Okafor");
  for (std::size_t i = 1; i < t.size(); ++i) {
    BOOST_TEST(*t[i].ms >= *t[i - 1].ms);
  }
}

BOOST_AUTO_TEST_CASE(interview_04_cp1252_labels) {
  auto d = read_file(*quire::test::shared_sample("interview-coordinator-04.txt"));
  BOOST_TEST(d.warnings.at(0).find("Windows-1252") != std::string::npos);
  auto t = turns(d);
  BOOST_TEST(t[2].speaker == "P04");
  BOOST_TEST(t[2].text.find("government\xE2\x80\x99s") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(talk_one_passage_per_stamped_line) {
  auto path = *quire::test::shared_sample("learning-networks-talk.transcript.txt");
  auto d = read_file(path);
  auto t = turns(d);
  auto bytes = quire::test::read_file(path);
  std::size_t lines = 0; // non-empty lines, the last one may lack its newline
  for (std::size_t b = 0; b < bytes.size();) {
    auto e = std::min(bytes.find('\n', b), bytes.size());
    lines += e > b;
    b = e + 1;
  }
  BOOST_TEST(t.size() == lines);
  for (auto& x : t) {
    BOOST_TEST_REQUIRE(x.ms.has_value());
    BOOST_TEST(!std::isdigit(static_cast<unsigned char>(x.text[0])));
  }
}

BOOST_AUTO_TEST_SUITE_END()
