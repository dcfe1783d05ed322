// The one tail of the text importers (importers/text_document.h): plain
// text, transcripts, subtitles (VTT, SRT) and HTML all decode the same way
// (a fallback encoding is a warning naming the file), name the document
// after the file's stem, normalise the text, and refuse a blank text the
// same way, a text of no-break spaces included.
#include <boost/test/unit_test.hpp>

#include "importers/importer.h"
#include "importers/text_document.h"
#include "quire/base/error.h"
#include "support/test_support.h"

using namespace quire;
using quire::test::TempDir;
using quire::test::write_file;

namespace {

/// One text importer and how a file of it wraps a line of text.
struct TextFormat {
  std::string kind, extension;
  std::string (*wrap)(const std::string& line);
};

const std::vector<TextFormat> formats = {
    {"text", ".txt", [](const std::string& l) { return l + "\r\n\r\nSecond paragraph.\r\n"; }},
    {"transcript", ".txt",
     [](const std::string& l) { return "Ana: " + l + "\r\nBen: Second turn.\r\n"; }},
    {"vtt", ".vtt",
     [](const std::string& l) {
       return "WEBVTT\r\n\r\n00:00:01.000 --> 00:00:02.000\r\n" + l + "\r\n";
     }},
    {"srt", ".srt",
     [](const std::string& l) { return "1\r\n00:00:01,000 --> 00:00:02,000\r\n" + l + "\r\n"; }},
    {"html", ".html",
     [](const std::string& l) { return "<html><body><p>" + l + "</p></body></html>\r\n"; }},
};

ImportData read_as(const TextFormat& f, const std::filesystem::path& file) {
  ImportSettings s;
  s.as_kind = f.kind;
  return read_file(file, s);
}

const std::string blank_message = ": the file has no text (only white space)";

} // namespace

BOOST_AUTO_TEST_SUITE(text_importer_tail)

BOOST_AUTO_TEST_CASE(blank_means_white_space_and_no_break_spaces) {
  BOOST_TEST(is_blank_text(""));
  BOOST_TEST(is_blank_text(" \t\n\r\f\v"));
  BOOST_TEST(is_blank_text("\xC2\xA0\n\xE2\x80\xAF \xE2\x80\x87"));
  BOOST_TEST(!is_blank_text("\xC2\xA0x"));
  BOOST_TEST(!is_blank_text("\xC2\xA9"));     // ©, whose first byte is that of U+00A0
  BOOST_TEST(!is_blank_text("\xE2\x80\x8B")); // a zero-width space is not white space here
}

BOOST_AUTO_TEST_CASE(every_text_importer_decodes_names_and_normalises_the_same_way) {
  TempDir dir;
  // Windows-1252 (not UTF-8) with CRLF line ends: "Le café était fermé, déjà."
  const std::string cp1252 = "Le caf\xE9 \xE9tait ferm\xE9, d\xE9j\xE0 \xE0 midi.";
  for (const auto& f : formats) {
    BOOST_TEST_CONTEXT(f.kind) {
      auto file = dir / ("caf notes " + f.kind + f.extension);
      write_file(file, f.wrap(cp1252));
      auto data = read_as(f, file);
      BOOST_TEST(data.kind == f.kind);
      BOOST_TEST_REQUIRE(data.documents.size() == 1u);
      const auto& d = data.documents[0];
      BOOST_TEST(d.name == "caf notes " + f.kind);
      BOOST_TEST(d.text.find("Le caf\xC3\xA9 \xC3\xA9tait ferm\xC3\xA9") != std::string::npos,
                 d.text);
      BOOST_TEST(d.text.find('\r') == std::string::npos);
      BOOST_TEST(!d.passages.empty());
      BOOST_TEST_REQUIRE(data.warnings.size() == 1u);
      BOOST_TEST(data.warnings[0].rfind(file.filename().string() + ": not valid UTF-8; decoded as ",
                                        0) == 0u,
                 data.warnings[0]);
    }
  }
}

BOOST_AUTO_TEST_CASE(a_decomposed_accent_is_composed_by_every_text_importer) {
  TempDir dir;
  for (const auto& f : formats) {
    BOOST_TEST_CONTEXT(f.kind) {
      auto file = dir / ("nfc" + f.extension);
      write_file(file, f.wrap("Re\xCC\x81sume\xCC\x81 of the visit."));
      auto data = read_as(f, file);
      BOOST_TEST(data.documents.at(0).text.find("R\xC3\xA9sum\xC3\xA9 of the visit.") !=
                 std::string::npos);
      BOOST_TEST(data.warnings.empty());
    }
  }
}

// Before, only plain text counted a no-break space as blank: a transcript of
// no-break spaces was read as a text, subtitles and HTML said other things.
BOOST_AUTO_TEST_CASE(a_file_of_no_break_spaces_is_refused_as_blank_by_every_text_importer) {
  TempDir dir;
  for (const auto& f : formats) {
    BOOST_TEST_CONTEXT(f.kind) {
      auto file = dir / ("blank" + f.extension);
      write_file(file, "\xC2\xA0\xC2\xA0\r\n \xC2\xA0\n\t");
      try {
        read_as(f, file);
        BOOST_ERROR("a blank file was read");
      } catch (const InputError& e) {
        BOOST_TEST(std::string(e.what()) == file.string() + blank_message);
      }
    }
  }
}

// Subtitles and HTML keep only what their markup holds: when that is no-break
// spaces only, the document would be blank, and is refused the same way.
BOOST_AUTO_TEST_CASE(markup_holding_only_no_break_spaces_is_refused_as_blank) {
  TempDir dir;
  for (const auto& f : formats) {
    if (f.kind != "vtt" && f.kind != "srt" && f.kind != "html") {
      continue;
    }
    BOOST_TEST_CONTEXT(f.kind) {
      auto file = dir / ("nbsp" + f.extension);
      write_file(file, f.wrap(f.kind == "html" ? "&nbsp;&nbsp;" : "\xC2\xA0\xC2\xA0"));
      try {
        read_as(f, file);
        BOOST_ERROR("a document of no-break spaces was read");
      } catch (const InputError& e) {
        BOOST_TEST(std::string(e.what()) == file.string() + blank_message);
      }
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()
