#include "transcript_parse.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <regex>

#include "quire/base/text.h"

namespace quire {

namespace {

// Patterns anchored at the start are tried there only (regex_search would
// try every position of the line); whole-line ones use regex_match.
constexpr auto at_start = std::regex_constants::match_continuous;

// A time stamp at the start of a line, optionally in brackets or parentheses.
// Auto-captions write the text straight after the stamp ("0:00:03so say").
const std::regex& stamp_re() {
  static const std::regex re(
      R"(^[\[\(]?((?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?)[\]\)]?(?:\s*(?:-|–|—)\s*|\s*))");
  return re;
}
// "[label]" at the start of a line that is not a time.
const std::regex& bracket_re() {
  static const std::regex re(R"(^\[([^\]\d:][^\]]{0,39})\]:?\s*)");
  return re;
}
// A meeting tool's turn header, alone on its line with the speech below it:
// "Speaker 1  0:03" (Otter), "Jane Doe   00:01:23" (Teams, Meet),
// "[Jane Doe] 10:02:03", "Jane Doe | 1:02:10", "Speaker 1 (00:00:03):" (Rev,
// Trint), "Speaker 1: (00:03)".
const std::regex& header_re() {
  static const std::regex re(
      R"(^\[?([^\[\]:\d\s][^\[\]:]{0,39}?)\]?(?:\s*:?\s*[\[\(]((?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?)[\]\)]:?|\s*(?:[|\-–—]\s*)?((?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?))\s*$)");
  return re;
}
// A cue timing line of a subtitle-like export without a WEBVTT header
// ("0:0:0.0 --> 0:0:5.360", Teams' older .docx and .txt transcripts).
const std::regex& cue_re() {
  static const std::regex re(
      R"(^((?:\d{1,2}:){1,2}\d{1,2}(?:[.,]\d{1,3})?)\s*-->\s*((?:\d{1,2}:){1,2}\d{1,2}(?:[.,]\d{1,3})?)\s*$)");
  return re;
}

// f4/f5 transcription software (and MAXQDA, NVivo after them) writes the
// time at the end of a paragraph: "B: Ja, also ... #00:01:02-5#" (tenths
// after the dash). It marks where the paragraph ends in the recording.
const std::regex& f4_end_re() {
  static const std::regex re(R"(\s*#(\d{1,2}):(\d{2}):(\d{2})(?:[-.,](\d{1,3}))?#\s*$)");
  return re;
}
// The same stamp at the start of a line, before the speaker.
const std::regex& f4_start_re() {
  static const std::regex re(R"(^#(\d{1,2}):(\d{2}):(\d{2})(?:[-.,](\d{1,3}))?#\s*)");
  return re;
}

// Zoom's saved chat, after the time: "From  Jane Doe  to  Everyone:" (the
// message on the next line) or "From Jane Doe : message" (older versions).
const std::regex& zoom_chat_re() {
  static const std::regex re(R"(^From\s+(\S.{0,39}?)\s+(?:to\s+\S.{0,60}?\s*)?:(?:\s+|$))");
  return re;
}

// Words that end with a colon in prose and are not speakers.
const char* const not_speakers[] = {
    "note",     "notes",    "nb",      "ps",      "p.s",     "example", "e.g",      "eg",
    "update",   "edit",     "source",  "sources", "summary", "warning", "tip",      "important",
    "http",     "https",    "re",      "subject", "date",    "from",    "to",       "cc",
    "tel",      "email",    "url",     "see",     "also",    "answer",  "question", "references",
    "keywords", "abstract", "caption", "figure",  "table"};

struct Line {
  std::int64_t cp0 = 0;  // code point where the line starts
  std::string_view text; // the line, untrimmed
  std::optional<std::int64_t> ms;
  std::string label;           // speaker label candidate
  std::size_t speech_byte = 0; // where the speech starts in the line
  std::size_t stamp_end = 0;   // where the line starts after its stamp (if any)
  bool bracketed = false;
  bool header = false;                // "Name  0:03" alone on its line: the speech follows
  std::size_t body_end = 0;           // where the line ends before an f4 end stamp
  std::optional<std::int64_t> end_ms; // f4 "#00:01:02-5#" at the end of the line
};

std::string trim(std::string_view s) {
  auto b = s.find_first_not_of(" \t");
  if (b == std::string_view::npos) {
    return {};
  }
  auto e = s.find_last_not_of(" \t");
  return std::string(s.substr(b, e - b + 1));
}

/// Whether a short text reads as a name: "Interviewer", "P04", "MODERATOR",
/// "Dr Amina Yusuf", "Speaker 2" — up to four words, no sentence punctuation,
/// not a prose word such as "Note".
bool name_like(std::string_view name) {
  if (name.empty() || name.size() > 40) {
    return false;
  }
  int words = 1;
  for (char c : name) {
    if (c == ' ') {
      ++words;
    }
    if (c == '.' || c == '?' || c == '!' || c == ',' || c == ';' || c == '"' || c == '(' ||
        c == ')') {
      if (!(c == '.' && name.size() <= 4)) { // "Dr." or "Q." are fine
        return false;
      }
    }
  }
  if (words > 4 || std::isspace(static_cast<unsigned char>(name.front()))) {
    return false;
  }
  std::string lower = fold_case(name);
  for (const char* w : not_speakers) {
    if (lower == w) {
      return false;
    }
  }
  return true;
}

/// A short name before a colon at the start of a line.
std::optional<std::string> label_before_colon(std::string_view rest, std::size_t& after) {
  auto colon = rest.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon > 40) {
    return std::nullopt;
  }
  std::string_view name = rest.substr(0, colon);
  if (colon + 1 < rest.size() && rest[colon + 1] != ' ' && rest[colon + 1] != '\t') {
    return std::nullopt; // "10:30" or "http://"
  }
  if (!name_like(name)) {
    return std::nullopt;
  }
  after = colon + 1;
  while (after < rest.size() && (rest[after] == ' ' || rest[after] == '\t')) {
    ++after;
  }
  return std::string(name);
}

/// "Interviewer<TAB>speech": a name then one tab, as typed in Word (the name
/// often in bold) or a two-column table of speaker and speech.
std::optional<std::string> label_before_tab(std::string_view rest, std::size_t& after) {
  auto tab = rest.find('\t');
  if (tab == std::string_view::npos || tab == 0 || tab > 40 ||
      rest.find('\t', tab + 1) != std::string_view::npos) {
    return std::nullopt;
  }
  std::string name = trim(rest.substr(0, tab));
  if (!name.empty() && name.back() == ':') {
    name.pop_back();
  }
  after = rest.find_first_not_of(" \t", tab);
  if (after == std::string_view::npos || !name_like(name)) {
    return std::nullopt;
  }
  return name;
}

/// Hours, minutes, seconds and a decimal fraction ("5" is 500 ms) in ms.
std::int64_t clock_ms(long long h, long long m, long long s, std::string frac) {
  frac.resize(3, '0');
  return ((h * 60 + m) * 60 + s) * 1000 + std::stoll(frac);
}

/// A time matched whole by `re`, whose groups are hours (optional),
/// minutes, seconds and a fraction (optional). `strict`: seconds (and, with
/// hours, minutes) must be below 60.
std::optional<std::int64_t> match_clock(std::string_view s, const std::regex& re, bool strict) {
  std::match_results<std::string_view::const_iterator> m;
  if (!std::regex_match(s.begin(), s.end(), m, re)) {
    return std::nullopt;
  }
  auto num = [&](int i) { return m[i].matched ? std::stoll(m[i].str()) : 0LL; };
  if (strict && (num(3) >= 60 || (m[1].matched && num(2) >= 60))) {
    return std::nullopt;
  }
  return clock_ms(num(1), num(2), num(3), m[4].matched ? m[4].str() : std::string());
}

/// A cue time as Teams writes it, with one-digit fields: "0:0:5.360".
std::optional<std::int64_t> parse_cue_time(std::string_view s) {
  static const std::regex re(R"(^(?:(\d{1,2}):)?(\d{1,2}):(\d{1,2})(?:[.,](\d{1,3}))?$)");
  return match_clock(s, re, false);
}

std::string_view group(const std::match_results<std::string_view::const_iterator>& m, int i) {
  return {&*m[i].first, static_cast<std::size_t>(m[i].length())};
}

/// An f4 stamp's fields (hours, minutes, seconds, tenths) -> milliseconds.
std::int64_t f4_ms(const std::match_results<std::string_view::const_iterator>& m) {
  auto num = [&](int i) { return std::stoll(m[i].str()); };
  return clock_ms(num(1), num(2), num(3), m[4].matched ? m[4].str() : std::string());
}

/// Reads one line's stamp, speaker label and where its speech starts.
void read_line(Line& l) {
  l.speech_byte = l.stamp_end = l.body_end = l.text.size();
  std::size_t lead = l.text.find_first_not_of(" \t");
  if (lead == std::string_view::npos) {
    return;
  }
  l.body_end = l.text.find_last_not_of(" \t") + 1;
  std::match_results<std::string_view::const_iterator> m;
  // The '#' test first: std::regex is slow on long lines that cannot match.
  if (l.text[l.body_end - 1] == '#' &&
      std::regex_search(l.text.begin(), l.text.end(), m, f4_end_re())) {
    l.end_ms = f4_ms(m);
    l.body_end = static_cast<std::size_t>(m.position(0));
    l.speech_byte = l.stamp_end = l.body_end;
    if (l.body_end <= lead) {
      return; // a stamp alone on its line
    }
  }
  std::string_view rest = l.text.substr(lead, l.body_end - lead);
  if (rest[0] == '#' && std::regex_search(rest.begin(), rest.end(), m, f4_start_re(), at_start)) {
    l.ms = f4_ms(m);
    lead += static_cast<std::size_t>(m.length(0));
    rest = l.text.substr(lead, l.body_end - lead);
    l.speech_byte = l.stamp_end = lead;
  }
  if (std::regex_match(rest.begin(), rest.end(), m, cue_re())) {
    l.ms = parse_cue_time(group(m, 1));
    if (auto end = parse_cue_time(group(m, 2)); end && l.ms && *end >= *l.ms) {
      l.end_ms = end; // the cue's own end, not only the next cue's start
    }
    return;
  }
  if (std::regex_match(rest.begin(), rest.end(), m, header_re())) {
    auto name = trim(group(m, 1));
    auto ms = parse_timestamp(group(m, m[2].matched ? 2 : 3));
    if (ms && name_like(name)) {
      l.label = name;
      l.ms = ms;
      l.header = true;
      return;
    }
  }
  std::size_t pos = lead;
  if (!l.ms && std::regex_search(rest.begin(), rest.end(), m, stamp_re(), at_start)) {
    l.ms = parse_timestamp(group(m, 1));
    pos += static_cast<std::size_t>(m.length(0));
    rest = l.text.substr(pos, l.body_end - pos);
  }
  l.stamp_end = pos;
  if (std::regex_search(rest.begin(), rest.end(), m, bracket_re(), at_start)) {
    l.label = trim(group(m, 1));
    l.bracketed = true;
    pos += static_cast<std::size_t>(m.length(0));
  } else {
    std::size_t after = 0;
    if (l.ms && std::regex_search(rest.begin(), rest.end(), m, zoom_chat_re(), at_start)) {
      l.label = trim(group(m, 1)); // "10:02:15 From Jane Doe to Everyone:"
      pos += static_cast<std::size_t>(m.length(0));
    } else if (auto tabbed = label_before_tab(rest, after)) {
      l.label = *tabbed;
      pos += after;
    } else if (auto name = label_before_colon(rest, after)) {
      l.label = *name;
      pos += after;
      // Descript and some Rev exports put the time after the name:
      // "Maria Lopez: [00:00:08] text".
      rest = l.text.substr(pos, l.body_end - pos);
      if (!l.ms && !rest.empty() && (rest[0] == '[' || rest[0] == '(') &&
          std::regex_search(rest.begin(), rest.end(), m, stamp_re(), at_start)) {
        l.ms = parse_timestamp(group(m, 1));
        pos += static_cast<std::size_t>(m.length(0));
      }
    }
  }
  l.speech_byte = pos;
}

std::vector<Line> scan(std::string_view text) {
  std::vector<Line> lines;
  std::int64_t cp = 0;
  std::size_t b = 0;
  while (b <= text.size()) {
    auto e = text.find('\n', b);
    if (e == std::string_view::npos) {
      e = text.size();
    }
    Line l;
    l.cp0 = cp;
    l.text = text.substr(b, e - b);
    read_line(l);
    lines.push_back(l);
    cp += count_code_points(l.text) + 1;
    if (e == text.size()) {
      break;
    }
    b = e + 1;
  }
  return lines;
}

/// Labels that count as speakers: recurring, bracketed, or after a stamp.
/// A turn header ("Name  0:03" alone on a line) counts when the file has at
/// least two of them; otherwise it was a line of prose that ended in a time,
/// and it is read as such.
std::map<std::string, int> accepted_labels(std::vector<Line>& lines) {
  const auto headers =
      std::count_if(lines.begin(), lines.end(), [](const Line& l) { return l.header; });
  std::map<std::string, int> count;
  std::map<std::string, bool> strong;
  for (auto& l : lines) {
    if (l.header && headers < 2) {
      l.header = false;
      l.ms.reset();
      l.label.clear();
      l.speech_byte = l.stamp_end = l.text.find_first_not_of(" \t");
    }
    if (!l.label.empty()) {
      count[l.label]++;
      if (l.ms || l.end_ms || l.bracketed) {
        strong[l.label] = true;
      }
    }
  }
  std::map<std::string, int> out;
  for (auto& [label, n] : count) {
    if (n >= 2 || strong[label]) {
      out[label] = n;
    }
  }
  return out;
}

bool blank(std::string_view s) {
  return s.find_first_not_of(" \t") == std::string_view::npos;
}

} // namespace

std::optional<std::int64_t> parse_timestamp(std::string_view s) {
  static const std::regex re(R"(^(?:(\d{1,2}):)?(\d{1,2}):(\d{2})(?:[.,](\d{1,3}))?$)");
  return match_clock(s, re, true);
}

double transcript_share(std::string_view text) {
  auto lines = scan(text);
  auto labels = accepted_labels(lines);
  int non_empty = 0, marked = 0;
  int carried = 0; // lines below a header or a bare stamp belong to its turn
  for (const auto& l : lines) {
    if (blank(l.text)) {
      continue;
    }
    ++non_empty;
    if (l.ms || l.end_ms || labels.count(l.label)) {
      ++marked;
      bool bare = l.speech_byte >= l.body_end;
      // a bare cue time may have a name below; an f4 stamp closes the paragraph above
      carried = !bare || (l.end_ms && !l.ms) ? 0 : l.label.empty() ? 2 : 1;
    } else if (carried > 0) {
      ++marked;
      --carried;
    }
  }
  return non_empty == 0 ? 0.0 : static_cast<double>(marked) / non_empty;
}

std::vector<ImportedPassage> transcript_passages(std::string_view text) {
  auto lines = scan(text);
  auto labels = accepted_labels(lines);
  // With one label only ("MODERATOR:" and unlabelled answers), an unlabelled
  // line is someone else speaking; in a dialogue or in plain stamped lines it
  // continues the turn above it.
  const bool one_label = labels.size() == 1;
  bool after_blank = true;
  // A label, a stamp or a turn header stood alone on its line: its speech follows.
  bool pending = false;
  std::vector<ImportedPassage> out;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const auto& l = lines[i];
    if (blank(l.text)) {
      after_blank = true;
      continue;
    }
    if (l.end_ms && l.body_end <= l.text.find_first_not_of(" \t")) {
      if (!out.empty() && !out.back().end_ms) {
        out.back().end_ms = l.end_ms; // an f4 stamp on its own line ends the paragraph above
      }
      continue;
    }
    bool labelled = !l.label.empty() && labels.count(l.label) > 0;
    std::size_t speech = l.text.find_first_not_of(" \t");
    if (labelled) {
      speech = l.speech_byte;
    } else if (l.ms) {
      speech = l.stamp_end; // the stamp is not speech; an unaccepted label is
    }
    auto trimmed_end = l.body_end;
    std::int64_t start = l.cp0 + count_code_points(l.text.substr(0, std::min(speech, trimmed_end)));
    std::int64_t end = l.cp0 + count_code_points(l.text.substr(0, trimmed_end));
    bool was_blank = after_blank;
    after_blank = false;
    if (pending && !labelled && !l.ms) {
      // After a bare cue time, a name alone on its line names the speaker
      // of the text below it (Teams: "0:0:5.3 --> 0:0:9.0", "Jane Doe", text).
      auto name = trim(l.text);
      // Word puts a blank line between paragraphs: look past it.
      std::size_t below = i + 1;
      while (below < lines.size() && blank(lines[below].text)) {
        ++below;
      }
      bool speech_below = below < lines.size() && !lines[below].ms && !lines[below].end_ms;
      if (out.back().speaker.empty() && out.back().start_ms && speech_below && name_like(name)) {
        out.back().speaker = name;
        continue;
      }
      out.back().start = start;
      out.back().end = end;
      if (l.end_ms) {
        out.back().end_ms = l.end_ms;
      }
      pending = false;
      continue;
    }
    const bool was_pending = pending;
    pending = false;
    if (!labelled && !l.ms && !out.empty() && out.back().start >= 0 && !was_blank && !one_label) {
      out.back().end = end; // a wrapped line of the same turn
      if (l.end_ms) {
        out.back().end_ms = l.end_ms;
      }
      continue;
    }
    ImportedPassage p;
    p.start_ms = l.ms;
    if (was_pending && !l.ms && out.back().start < 0) {
      p.start_ms = out.back().start_ms; // Google Meet: a stamp line, then "Name: text" lines
    }
    p.end_ms = l.end_ms;
    if (labelled) {
      p.speaker = l.label;
    } else if (!l.ms && !one_label && !out.empty()) {
      p.speaker = out.back().speaker; // another paragraph of the same turn
    }
    if (start >= end) {
      p.start = p.end = -1;
      pending = true;
    } else {
      p.start = start;
      p.end = end;
    }
    out.push_back(p);
  }
  out.erase(
      std::remove_if(out.begin(), out.end(), [](const ImportedPassage& p) { return p.start < 0; }),
      out.end());
  // f4 stamps end paragraphs: a paragraph starts where the one above ended.
  for (std::size_t i = 1; i < out.size(); ++i) {
    if (!out[i].start_ms && out[i].end_ms && out[i - 1].end_ms &&
        *out[i - 1].end_ms <= *out[i].end_ms) {
      out[i].start_ms = out[i - 1].end_ms;
    }
  }
  // End times: the next stamp.
  for (std::size_t i = 0; i + 1 < out.size(); ++i) {
    if (!out[i].end_ms && out[i].start_ms && out[i + 1].start_ms &&
        *out[i + 1].start_ms >= *out[i].start_ms) {
      out[i].end_ms = out[i + 1].start_ms;
    }
  }
  return out;
}

} // namespace quire
