// WebVTT and SRT subtitles (meeting-tool exports): cues become passages with
// start and end times; speakers from <v Name> voice tags or "Name: text"; a
// cue of "- line" lines (two voices) becomes a passage per line.
#include <algorithm>
#include <cstring>
#include <map>
#include <regex>

#include "builtin.h"
#include "quire/base/error.h"
#include "quire/base/text.h"
#include "text_decode.h"
#include "text_document.h"
#include "transcript_parse.h"

namespace quire {

namespace {

struct Cue {
  std::int64_t start_ms = 0, end_ms = 0;
  std::string speaker;
  std::string text;
  std::size_t line = 0;
  bool dash = false;       ///< one line of a "- line" / "- line" cue
  bool sure_label = false; ///< every line of its dash cue has a "Name:" label
};

const std::regex& timing_re() {
  static const std::regex re(
      R"(^\s*((?:\d+:)?\d{1,2}:\d{2}[.,]\d{1,3})\s*-->\s*((?:\d+:)?\d{1,2}:\d{2}[.,]\d{1,3}))");
  return re;
}

std::string decode_entities(std::string s) {
  static const std::pair<const char*, const char*> ents[] = {{"&lt;", "<"},
                                                             {"&gt;", ">"},
                                                             {"&quot;", "\""},
                                                             {"&apos;", "'"},
                                                             {"&nbsp;", "\xC2\xA0"},
                                                             {"&lrm;", "\xE2\x80\x8E"},
                                                             {"&rlm;", "\xE2\x80\x8F"},
                                                             {"&amp;", "&"}};
  for (auto& [from, to] : ents) {
    for (std::size_t pos = 0; (pos = s.find(from, pos)) != std::string::npos;
         pos += std::strlen(to)) {
      s.replace(pos, std::strlen(from), to);
    }
  }
  return s;
}

/// Takes the speaker from a <v Name> tag and strips all tags.
std::string strip_tags(const std::string& in, std::string& speaker) {
  static const std::regex voice(R"(<v(?:\.[^ \t>]*)?[ \t]+([^>]+)>)");
  std::smatch m;
  if (speaker.empty() && std::regex_search(in, m, voice)) {
    speaker = decode_entities(m[1].str());
    while (!speaker.empty() && speaker.back() == ' ')
      speaker.pop_back();
  }
  std::string out;
  bool in_tag = false;
  for (char c : in) {
    if (c == '<') {
      in_tag = true;
    } else if (c == '>' && in_tag) {
      in_tag = false;
    } else if (!in_tag) {
      out += c;
    }
  }
  return decode_entities(out);
}

/// A speaker label at the start of a cue: "Name: text" (Zoom) or "[Name] text"
/// (subtitles made for interviews). Returns the name and how much to strip.
std::pair<std::string, std::size_t> cue_label(const std::string& t) {
  std::string name;
  std::size_t skip = 0;
  if (!t.empty() && t[0] == '[') {
    auto close = t.find(']');
    if (close == std::string::npos || close < 2 || close > 41 || close + 1 >= t.size())
      return {};
    name = t.substr(1, close - 1);
    skip = close + 1;
    if (skip < t.size() && t[skip] == ':')
      ++skip;
  } else {
    auto colon = t.find(": ");
    if (colon == std::string::npos || colon == 0 || colon > 40)
      return {};
    name = t.substr(0, colon);
    skip = colon + 1;
  }
  while (skip < t.size() && t[skip] == ' ')
    ++skip;
  if (skip >= t.size() || std::count(name.begin(), name.end(), ' ') > 3 ||
      name.find_first_of(".?!,;\"[]") != std::string::npos ||
      name.find_first_not_of(' ') == std::string::npos)
    return {};
  return {name, skip};
}

/// The text of a "- text" (or "-text") line of a two-voice cue, else "".
/// "--" and "-5" are not dashes of a voice.
std::string dash_line(const std::string& l) {
  if (l.size() < 2 || l[0] != '-')
    return {};
  auto t = l.find_first_not_of(" \t", 1);
  if (t == std::string::npos || l[t] == '-' || (t == 1 && l[t] >= '0' && l[t] <= '9'))
    return {};
  return l.substr(t);
}

/// Adds the cue, or a cue per line when every line starts with a dash (two
/// voices in one cue: "- Are you coming?" / "- Yes.") and there are two or more.
void add_cue(std::vector<Cue>& cues, Cue c,
             const std::vector<std::pair<std::string, std::string>>& body) {
  std::vector<std::string> dashes;
  for (auto& [text, voice] : body) {
    if (auto d = dash_line(text); !d.empty())
      dashes.push_back(d);
  }
  if (dashes.size() >= 2 && dashes.size() == body.size()) {
    bool labelled = std::all_of(dashes.begin(), dashes.end(),
                                [](auto& d) { return !cue_label(d).first.empty(); });
    for (std::size_t k = 0; k < dashes.size(); ++k) {
      Cue one = c;
      one.speaker = body[k].second; // a voice tag on the line itself, if any
      one.text = dashes[k];
      one.dash = true;
      one.sure_label = labelled;
      cues.push_back(std::move(one));
    }
    return;
  }
  std::string joined;
  for (auto& [text, voice] : body)
    joined += (joined.empty() ? "" : " ") + text;
  c.text = joined;
  if (!c.text.empty())
    cues.push_back(std::move(c));
}

std::vector<Cue> parse_cues(const std::string& text, const std::string& file, bool vtt) {
  std::vector<std::string> lines;
  std::size_t b = 0;
  while (b <= text.size()) {
    auto e = text.find('\n', b);
    if (e == std::string::npos)
      e = text.size();
    lines.push_back(text.substr(b, e - b));
    if (e == text.size())
      break;
    b = e + 1;
  }
  std::vector<Cue> cues;
  std::size_t i = 0;
  if (vtt) {
    if (lines.empty() || lines[0].rfind("WEBVTT", 0) != 0) {
      throw InputError(file + ": line 1: a WebVTT file must start with WEBVTT");
    }
    i = 1;
  }
  while (i < lines.size()) {
    const std::string& l = lines[i];
    if (l.find_first_not_of(" \t") == std::string::npos) {
      ++i;
      continue;
    }
    if (vtt && (l.rfind("NOTE", 0) == 0 || l.rfind("STYLE", 0) == 0 || l.rfind("REGION", 0) == 0)) {
      while (i < lines.size() && lines[i].find_first_not_of(" \t") != std::string::npos)
        ++i;
      continue;
    }
    std::smatch m;
    std::size_t timing = i;
    if (!std::regex_search(l, m, timing_re())) {
      // A cue identifier (or SRT index) comes first.
      timing = i + 1;
      if (timing >= lines.size() || !std::regex_search(lines[timing], m, timing_re())) {
        throw InputError(file + ": line " + std::to_string(i + 1) +
                         ": expected a cue timing like "
                         "'00:00:01.000 --> 00:00:04.000', found '" +
                         l.substr(0, 60) + "'");
      }
    }
    Cue c;
    c.line = timing + 1;
    auto s = parse_timestamp(m[1].str()), e = parse_timestamp(m[2].str());
    if (!s || !e) {
      throw InputError(file + ": line " + std::to_string(timing + 1) +
                       ": a time in the cue timing is not valid");
    }
    c.start_ms = *s;
    c.end_ms = *e;
    std::vector<std::pair<std::string, std::string>> body; // each line's text and voice
    for (i = timing + 1; i < lines.size() && lines[i].find_first_not_of(" \t") != std::string::npos;
         ++i) {
      std::string voice;
      auto piece = strip_tags(lines[i], voice);
      if (c.speaker.empty())
        c.speaker = voice; // the cue's speaker: its first voice tag
      auto t0 = piece.find_first_not_of(" \t");
      if (t0 == std::string::npos)
        continue;
      body.emplace_back(piece.substr(t0, piece.find_last_not_of(" \t") - t0 + 1), voice);
    }
    add_cue(cues, std::move(c), body);
  }
  return cues;
}

/// Takes "Name: text" and "[Name] text" labels as speakers when they recur,
/// or, once one recurs, when most cues are labelled (Zoom labels every cue, so
/// someone who spoke once is still a speaker), or when every line of a dash
/// cue has one ("- Ana: Ready?" / "- Bo: Yes.").
void speakers_from_labels(std::vector<Cue>& cues) {
  std::map<std::string, int> count;
  std::size_t labelled = 0, open = 0;
  for (auto& c : cues) {
    if (c.speaker.empty()) {
      ++open;
      if (auto n = cue_label(c.text).first; !n.empty()) {
        count[n]++;
        ++labelled;
      }
    }
  }
  bool recurs = std::any_of(count.begin(), count.end(), [](auto& kv) { return kv.second >= 2; });
  bool all_cues = recurs && labelled * 2 > open;
  for (auto& c : cues) {
    if (!c.speaker.empty())
      continue;
    auto [n, skip] = cue_label(c.text);
    if (!n.empty() && (count[n] >= 2 || all_cues || c.sure_label)) {
      c.speaker = n;
      c.text = c.text.substr(skip);
    }
  }
}

class SubtitleImporter : public Importer {
public:
  explicit SubtitleImporter(bool vtt) : m_vtt(vtt) {}
  std::string kind() const override { return m_vtt ? "vtt" : "srt"; }
  std::string description() const override {
    return m_vtt ? "WebVTT subtitles (.vtt): cues with times, <v Speaker> voice tags"
                 : "SubRip subtitles (.srt): numbered cues with times";
  }
  int sniff(const FileSample& f) const override {
    std::string_view h = f.head;
    if (h.substr(0, 3) == "\xEF\xBB\xBF")
      h.remove_prefix(3);
    if (m_vtt) {
      return h.rfind("WEBVTT", 0) == 0 ? 95 : (f.extension == ".vtt" ? 30 : 0);
    }
    static const std::regex srt(R"(^\s*\d+\s*\r?\n\s*\d{1,2}:\d{2}:\d{2},\d{3}\s*-->)");
    std::string start(h.substr(0, 200));
    return std::regex_search(start, srt) ? 90 : (f.extension == ".srt" ? 30 : 0);
  }
  ImportData read(const std::filesystem::path& file, std::string_view bytes,
                  const ImportSettings& settings, Progress&) const override {
    return read_text_document(
        file, bytes, kind(), DocumentKind::Transcript, [&](ImportedDocument& d) {
          auto cues = parse_cues(d.text, file.string(), m_vtt);
          if (cues.empty()) {
            throw InputError(file.string() + ": no cues with text found");
          }
          speakers_from_labels(cues);
          if (settings.join_cues) {
            std::vector<Cue> joined;
            for (auto& c : cues) {
              if (!joined.empty() && !c.speaker.empty() && joined.back().speaker == c.speaker) {
                joined.back().text += " " + c.text;
                joined.back().end_ms = c.end_ms;
              } else {
                joined.push_back(c);
              }
            }
            cues = std::move(joined);
          }
          TextBuilder tb;
          for (auto& c : cues) {
            tb.line_break();
            if (c.dash) {
              tb.append("- ");
            }
            if (!c.speaker.empty()) {
              tb.append(c.speaker + ": ");
            }
            auto [s, e] = tb.append(c.text);
            ImportedPassage p;
            p.start = s;
            p.end = e;
            p.speaker = c.speaker;
            p.start_ms = c.start_ms;
            p.end_ms = c.end_ms;
            d.passages.push_back(p);
          }
          d.text = tb.take();
        });
  }

private:
  bool m_vtt;
};

} // namespace

std::unique_ptr<Importer> make_vtt_importer() {
  return std::make_unique<SubtitleImporter>(true);
}
std::unique_ptr<Importer> make_srt_importer() {
  return std::make_unique<SubtitleImporter>(false);
}

} // namespace quire
