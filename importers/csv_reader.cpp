// CSV records: a small state machine over the whole (decoded) text.
#include "csv_reader.h"

#include <map>

#include "quire/base/error.h"

namespace quire {

namespace {

class Splitter {
public:
  Splitter(std::string_view text, char delimiter) : m_text(text), m_delim(delimiter) {}

  std::int64_t line() const { return m_line; }
  bool done() const { return m_pos >= m_text.size(); }

  /// Reads the next record. Returns false (and sets m_open_quote_line) when
  /// the text ends inside a quoted field.
  bool next(CsvRecord& rec) {
    rec.fields.clear();
    rec.line = m_line;
    std::string field;
    bool quoted = false, was_quoted = false;
    std::int64_t quote_line = 0;
    while (m_pos < m_text.size()) {
      char c = m_text[m_pos++];
      if (quoted) {
        if (c == '"') {
          if (m_pos < m_text.size() && m_text[m_pos] == '"') {
            field += '"';
            ++m_pos;
          } else {
            quoted = false;
          }
        } else {
          count_line(c);
          field += c;
        }
        continue;
      }
      if (c == m_delim) {
        rec.fields.push_back(std::move(field));
        field.clear();
        was_quoted = false;
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && m_pos < m_text.size() && m_text[m_pos] == '\n') {
          ++m_pos;
        }
        ++m_line;
        rec.fields.push_back(std::move(field));
        return true;
      } else if (c == '"' && field.empty() && !was_quoted) {
        quoted = was_quoted = true;
        quote_line = m_line;
      } else {
        field += c; // a stray quote inside an unquoted field is kept as written
      }
    }
    if (quoted) {
      m_open_quote_line = quote_line;
      return false;
    }
    rec.fields.push_back(std::move(field));
    return true;
  }

  std::int64_t open_quote_line() const { return m_open_quote_line; }

private:
  /// Counts a line end; CRLF counts once (at its '\n').
  void count_line(char c) {
    if (c == '\n' || (c == '\r' && (m_pos >= m_text.size() || m_text[m_pos] != '\n'))) {
      ++m_line;
    }
  }

  std::string_view m_text;
  char m_delim;
  std::size_t m_pos = 0;
  std::int64_t m_line = 1;
  std::int64_t m_open_quote_line = 0;
};

bool blank(const CsvRecord& r) {
  return r.fields.size() == 1 && r.fields[0].empty();
}

/// "sep=;" on the first line: Excel's way of naming the delimiter.
std::size_t sep_hint(std::string_view text, char& delim) {
  if (text.size() >= 5 && text.substr(0, 4) == "sep=" &&
      (text.size() == 5 || text[5] == '\n' || text[5] == '\r')) {
    delim = text[4];
    std::size_t end = 5;
    if (end < text.size() && text[end] == '\r')
      ++end;
    if (end < text.size() && text[end] == '\n')
      ++end;
    return end;
  }
  return 0;
}

} // namespace

char detect_delimiter(std::string_view text) {
  char hinted = 0;
  if (sep_hint(text, hinted) > 0) {
    return hinted;
  }
  char best = ',';
  double best_score = -1;
  for (char d : {',', ';', '\t'}) {
    Splitter sp(text, d);
    std::vector<std::size_t> counts;
    CsvRecord rec;
    while (counts.size() < 20 && !sp.done() && sp.next(rec)) {
      if (!blank(rec)) {
        counts.push_back(rec.fields.size());
      }
    }
    if (counts.empty() || counts[0] < 2) {
      continue;
    }
    std::size_t agree = 0;
    for (auto n : counts) {
      agree += n == counts[0] ? 1 : 0;
    }
    // Share of records agreeing with the header first, then the field count.
    double score = static_cast<double>(agree) / static_cast<double>(counts.size()) * 1000.0 +
                   static_cast<double>(std::min<std::size_t>(counts[0], 999));
    if (score > best_score) {
      best_score = score;
      best = d;
    }
  }
  return best;
}

CsvData parse_csv(std::string_view text, const std::string& file) {
  CsvData out;
  out.delimiter = detect_delimiter(text);
  char hinted = 0;
  std::size_t skip = sep_hint(text, hinted);
  Splitter sp(text.substr(skip), out.delimiter);
  std::int64_t line_offset = skip > 0 ? 1 : 0;
  while (!sp.done()) {
    CsvRecord rec;
    if (!sp.next(rec)) {
      throw InputError(file + ": line " + std::to_string(sp.open_quote_line() + line_offset) +
                       ": a quoted field starts here but its closing quote is missing, so the "
                       "rest of the file would be one answer. Add the missing \" (or double a "
                       "quote inside the answer as \"\") and import again");
    }
    rec.line += line_offset;
    if (!blank(rec)) {
      out.records.push_back(std::move(rec));
    }
  }
  return out;
}

} // namespace quire
