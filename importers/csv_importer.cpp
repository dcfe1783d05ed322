// Questionnaires as CSV (kind "csv"): decode, split into records, check the
// rows against the header, then the shared survey rules (survey_table.h).
#include <algorithm>
#include <filesystem>

#include "builtin.h"
#include "csv_reader.h"
#include "quire/base/error.h"
#include "survey_table.h"
#include "table_files.h"
#include "text_decode.h"

namespace quire {

namespace {

/// Length of the valid UTF-8 sequence at b[i], or 0 when it is invalid.
std::size_t utf8_sequence(std::string_view b, std::size_t i) {
  auto u = [&](std::size_t k) { return static_cast<unsigned char>(b[k]); };
  unsigned char c = u(i);
  if (c < 0x80)
    return 1;
  std::size_t len = c >= 0xC2 && c <= 0xDF   ? 2
                    : c >= 0xE0 && c <= 0xEF ? 3
                    : c >= 0xF0 && c <= 0xF4 ? 4
                                             : 0;
  if (len == 0 || i + len > b.size())
    return 0;
  for (std::size_t k = 1; k < len; ++k) {
    if ((u(i + k) & 0xC0) != 0x80)
      return 0;
  }
  unsigned char d = u(i + 1);
  if ((c == 0xE0 && d < 0xA0) || (c == 0xED && d > 0x9F) || (c == 0xF0 && d < 0x90) ||
      (c == 0xF4 && d > 0x8F)) {
    return 0; // overlong, surrogate, or past U+10FFFF
  }
  return len;
}

/// A file that is mostly UTF-8 but has broken bytes is damaged, not in
/// another encoding: decoding it as Windows-1252 would garble every accent.
void refuse_broken_utf8(std::string_view b, const std::string& file) {
  if (b.substr(0, 3) == "\xEF\xBB\xBF" || b.substr(0, 2) == "\xFF\xFE" ||
      b.substr(0, 2) == "\xFE\xFF") {
    return; // decode_text checks these
  }
  if (b.find('\0') != std::string_view::npos) {
    return; // binary: decode_text says so
  }
  std::size_t multibyte = 0, first_bad = std::string_view::npos;
  for (std::size_t i = 0; i < b.size();) {
    std::size_t len = utf8_sequence(b, i);
    if (len == 0) {
      first_bad = std::min(first_bad, i);
      ++i;
      continue;
    }
    multibyte += len > 1 ? 1 : 0;
    i += len;
  }
  if (first_bad == std::string_view::npos || multibyte == 0) {
    return;
  }
  auto line = 1 + std::count(b.begin(), b.begin() + static_cast<std::ptrdiff_t>(first_bad), '\n');
  throw InputError(file + ": line " + std::to_string(line) + " (byte " + std::to_string(first_bad) +
                   "): invalid UTF-8. The file is UTF-8 elsewhere, so it looks damaged; re-save " +
                   "it as UTF-8 (CSV UTF-8 in Excel) and import again");
}

std::string delimiter_name(char d) {
  return d == '\t' ? std::string("tab") : std::string("'") + d + "'";
}

} // namespace

Table read_csv_table(const std::filesystem::path& path, std::string_view bytes,
                     std::vector<std::string>& notes) {
  const std::string file = path.string();
  refuse_broken_utf8(bytes, file);
  auto dec = decode_text(bytes, file);
  CsvData csv = parse_csv(dec.utf8, file);
  if (csv.records.empty()) {
    throw InputError(file + ": no rows; nothing to import");
  }
  Table t;
  t.survey = path.stem().string();
  t.headers = std::move(csv.records[0].fields);
  const std::size_t width = t.headers.size();
  std::size_t short_rows = 0;
  std::string first_short;
  for (std::size_t i = 1; i < csv.records.size(); ++i) {
    auto& rec = csv.records[i];
    t.row_numbers.push_back(static_cast<std::int64_t>(i + 1));
    t.line_numbers.push_back(rec.line);
    auto& f = rec.fields;
    if (f.size() > width) {
      if (std::all_of(f.begin() + static_cast<std::ptrdiff_t>(width), f.end(),
                      [](const std::string& x) { return x.empty(); })) {
        f.resize(width); // trailing delimiters
      } else {
        throw InputError(file + ": " + t.where(t.rows.size()) + " has " + std::to_string(f.size()) +
                         " fields but the header has " + std::to_string(width) + ". An answer " +
                         "holding a " + delimiter_name(csv.delimiter) + " must be in double " +
                         "quotes; fix that row (or the header) and import again");
      }
    } else if (f.size() < width) {
      if (short_rows++ == 0) {
        first_short = t.where(t.rows.size()) + " has " + std::to_string(f.size()) + " of " +
                      std::to_string(width);
      }
    }
    std::vector<TableCell> row;
    row.reserve(f.size());
    for (auto& field : f) {
      row.push_back(field.empty() ? TableCell{} : TableCell::of_text(std::move(field)));
    }
    t.rows.push_back(std::move(row));
  }
  csv.records.clear();
  if (dec.fallback) {
    notes.push_back("not UTF-8; decoded as " + dec.encoding);
  } else if (dec.encoding.rfind("UTF-16", 0) == 0) {
    notes.push_back("decoded as " + dec.encoding);
  }
  if (csv.delimiter != ',') {
    notes.push_back("fields separated by " + delimiter_name(csv.delimiter));
  }
  if (short_rows > 0) {
    notes.push_back(std::to_string(short_rows) + " row(s) have fewer fields than the header (" +
                    first_short + "); their last columns read as missing");
  }
  return t;
}

namespace {

class CsvImporter : public Importer {
public:
  std::string kind() const override { return "csv"; }
  std::string description() const override {
    return "questionnaire or cases file as CSV (',' ';' or tab): a case per row, open-ended "
           "answers as passages, the other columns as attributes";
  }
  int sniff(const FileSample& f) const override {
    if (f.extension == ".csv" || f.extension == ".tsv") {
      return 70;
    }
    static const char* text_exts[] = {".txt", ".text", ".md", ".asc", ".vtt", ".srt"};
    if (std::find(std::begin(text_exts), std::end(text_exts), f.extension) != std::end(text_exts) ||
        f.head.find('\0') != std::string_view::npos) {
      return 0;
    }
    // No telling extension: lines that split into the same number of fields.
    auto data_lines = [&](char d) {
      std::size_t lines = 0, fields = 0, pos = 0;
      while (pos < f.head.size() && lines < 5) {
        auto end = f.head.find('\n', pos);
        if (end == std::string_view::npos)
          break;
        auto n = static_cast<std::size_t>(
            std::count(f.head.begin() + static_cast<std::ptrdiff_t>(pos),
                       f.head.begin() + static_cast<std::ptrdiff_t>(end), d));
        if (n == 0 || (lines > 0 && n != fields))
          return std::size_t{0};
        fields = n;
        ++lines;
        pos = end + 1;
      }
      return lines;
    };
    return data_lines(',') >= 3 || data_lines(';') >= 3 || data_lines('\t') >= 3 ? 30 : 0;
  }

  ImportData read(const std::filesystem::path& path, std::string_view bytes,
                  const ImportSettings& s, Progress& progress) const override {
    std::vector<std::string> notes;
    Table t = read_csv_table(path, bytes, notes);
    ImportData data = table_to_import(t, path.string(), s, progress, std::move(notes));
    data.kind = kind();
    return data;
  }
};

} // namespace

std::unique_ptr<Importer> make_csv_importer() {
  return std::make_unique<CsvImporter>();
}

} // namespace quire
