// Codebooks from REFI-QDA .qdc files, tables (CSV, XLSX) and text lists.
#include "codebook_reader.h"

#include <algorithm>
#include <map>
#include <optional>
#include <regex>

#include "quire/base/error.h"
#include "quire/base/text.h"
#include "refi_import.h"
#include "table_files.h"
#include "text_decode.h"

namespace quire {

namespace {

std::string trimmed(std::string_view s) {
  return std::string(trim(s));
}

CodebookSource from_qdc(const std::filesystem::path& file) {
  auto data = read_refi_codebook(file);
  CodebookSource src;
  src.file = file.string();
  for (const auto& w : data.warnings)
    src.notes.push_back(src.file + ": " + w);
  std::map<std::string, std::vector<std::string>> path_of; // guid -> path
  std::map<std::string, std::string> memo_of;              // code guid -> its notes
  for (const auto& n : data.notes) {
    if (n.target == MemoTarget::Code && !n.text.empty()) {
      auto& m = memo_of[n.target_guid];
      m += (m.empty() ? "" : "\n\n") + n.text;
    }
  }
  std::size_t i = 0;
  for (const auto& c : data.codes) { // parents before children
    ++i;
    auto path = c.parent_guid.empty() ? std::vector<std::string>{} : path_of[c.parent_guid];
    path.push_back(c.name);
    path_of[c.guid] = path;
    CodebookEntry e;
    e.path = std::move(path);
    e.color = c.color;
    e.description = c.description;
    if (auto m = memo_of.find(c.guid); m != memo_of.end())
      e.memo = m->second;
    e.where = "code " + std::to_string(i) + " ('" + c.name + "')";
    src.entries.push_back(std::move(e));
  }
  return src;
}

/// Splits a code as written with separator sep ("" = whole).
std::vector<std::string> split_by(const std::string& code, const std::string& sep) {
  std::vector<std::string> out;
  if (sep.empty()) {
    out.push_back(trimmed(code));
    return out;
  }
  std::size_t pos = 0;
  while (true) {
    auto next = code.find(sep, pos);
    out.push_back(trimmed(std::string_view(code).substr(pos, next - pos)));
    if (next == std::string::npos)
      break;
    pos = next + sep.size();
  }
  // "A > > B" or a leading separator: no empty names.
  out.erase(std::remove(out.begin(), out.end(), std::string()), out.end());
  return out;
}

/// The separator the codes use: the first of "::", ">", "\", "/" any holds.
std::string guess_separator(const std::vector<std::string>& codes) {
  for (const char* sep : {"::", ">", "\\", "/"}) {
    if (std::any_of(codes.begin(), codes.end(),
                    [&](const std::string& c) { return c.find(sep) != std::string::npos; }))
      return sep;
  }
  return {};
}

const TableCell& cell_at(const Table& t, std::size_t row, std::size_t col) {
  static const TableCell empty;
  const auto& r = t.rows[row];
  return col < r.size() ? r[col] : empty;
}

CodebookSource from_table(const std::filesystem::path& file, const CodebookSettings& settings) {
  ImportSettings s;
  s.sheet = settings.sheet;
  std::vector<std::string> notes;
  std::string where;
  Table t = read_table_file(file, s, notes, where);
  CodebookSource src;
  src.file = where;
  for (auto& n : notes)
    src.notes.push_back(where + ": " + n);
  const auto headers = unique_headers(t.headers);
  std::optional<std::size_t> code, parent, description, color, memo;
  std::vector<std::pair<int, std::size_t>> levels; // level number, column
  static const std::regex level_re(R"((?:code\s*)?level\s*(\d+)|(?:sub)?category\s*(\d+))");
  for (std::size_t c = 0; c < headers.size(); ++c) {
    const auto h = lower_ascii(trimmed(headers[c]));
    std::smatch m;
    auto take = [&](std::optional<std::size_t>& slot) {
      if (!slot)
        slot = c;
    };
    if (std::regex_match(h, m, level_re)) {
      levels.emplace_back(std::stoi(m[1].matched ? m[1].str() : m[2].str()), c);
    } else if (h == "code" || h == "codes" || h == "code name" || h == "name" || h == "tag" ||
               h == "node" || h == "code system" || h == "theme" || h == "category") {
      take(code);
    } else if (h == "parent" || h == "parent code" || h == "parent codes" || h == "parents") {
      take(parent);
    } else if (h == "description" || h == "code description" || h == "definition" ||
               h == "explanation") {
      take(description);
    } else if (h == "colour" || h == "color" || h == "code colour" || h == "code color") {
      take(color);
    } else if (h == "memo" || h == "code memo" || h == "note" || h == "notes" || h == "comment") {
      take(memo);
    }
  }
  std::sort(levels.begin(), levels.end());
  if (!code && levels.empty()) {
    code = 0; // a list of codes without a known header: the first column
    src.notes.push_back(where + ": no column is headed Code (or Level 1, Level 2, ...); column '" +
                        headers.front() + "' read as the codes");
  }
  std::string sep = settings.separator == "none" ? std::string() : settings.separator;
  if (settings.separator.empty() && code) {
    std::vector<std::string> codes;
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
      codes.push_back(cell_at(t, r, *code).text);
      if (parent)
        codes.push_back(cell_at(t, r, *parent).text);
    }
    sep = guess_separator(codes);
    if (!sep.empty())
      src.notes.push_back(where + ": the codes' levels read as separated by '" + sep + "'");
  }
  std::vector<std::string> carried; // the path of the row above (level columns)
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    CodebookEntry e;
    e.where = t.where(r);
    if (code) {
      if (parent) {
        e.path = split_by(cell_at(t, r, *parent).text, sep);
      }
      auto own = split_by(cell_at(t, r, *code).text, sep);
      e.path.insert(e.path.end(), own.begin(), own.end());
    } else {
      // A level left empty above a filled one takes the row above's name
      // there (a parent written once, its children on the rows below).
      std::size_t last = 0;
      for (std::size_t k = 0; k < levels.size(); ++k) {
        if (!trimmed(cell_at(t, r, levels[k].second).text).empty())
          last = k + 1;
      }
      for (std::size_t k = 0; k < last; ++k) {
        auto name = trimmed(cell_at(t, r, levels[k].second).text);
        if (name.empty() && k < carried.size())
          name = carried[k];
        if (name.empty())
          throw InputError(where + ": " + e.where + ": column '" + headers[levels[k].second] +
                           "' is empty but a deeper level is filled; write the parent code there");
        e.path.push_back(name);
      }
      if (!e.path.empty())
        carried = e.path;
    }
    if (e.path.empty())
      continue; // a blank row, or a row of other cells only
    if (description)
      e.description = trimmed(cell_at(t, r, *description).text);
    if (color)
      e.color = trimmed(cell_at(t, r, *color).text);
    if (memo)
      e.memo = trimmed(cell_at(t, r, *memo).text);
    src.entries.push_back(std::move(e));
  }
  if (src.entries.empty())
    throw InputError(where + ": no codes in the file; nothing to import");
  return src;
}

bool is_table_name(const std::filesystem::path& file) {
  auto ext = lower_ascii(file.extension().string());
  return ext == ".csv" || ext == ".tsv" || is_workbook_name(file);
}

} // namespace

CodebookSource parse_code_list(std::string_view text, const std::string& file) {
  CodebookSource src;
  src.file = file;
  std::vector<std::string> stack;
  std::size_t space_unit = 0;
  std::int64_t line_no = 0;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    auto end = text.find('\n', pos);
    std::string_view line = text.substr(pos, end == std::string_view::npos ? end : end - pos);
    pos = end == std::string_view::npos ? text.size() + 1 : end + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r')
      line.remove_suffix(1);
    if (trim(line).empty())
      continue;
    // The depth: leading tabs, ">>" marks, or spaces (in units of the first
    // indentation seen).
    std::size_t depth = 0, i = 0;
    while (i < line.size() && line[i] == '\t') {
      ++depth;
      ++i;
    }
    if (depth == 0 && line[0] == ' ') {
      std::size_t spaces = line.find_first_not_of(' ');
      if (line.compare(spaces, 2, ">>") != 0) {
        if (space_unit == 0)
          space_unit = spaces;
        depth = spaces / space_unit;
        i = spaces;
      }
    }
    while (true) {
      auto at = line.find_first_not_of(' ', i);
      if (at == std::string_view::npos || line.compare(at, 2, ">>") != 0)
        break;
      ++depth;
      i = at + 2;
    }
    auto rest = line.substr(i);
    auto tab = rest.find('\t');
    std::string name = trimmed(rest.substr(0, tab));
    std::string memo =
        tab == std::string_view::npos ? std::string() : trimmed(rest.substr(tab + 1));
    const std::string where = "line " + std::to_string(line_no);
    if (name.empty())
      continue;
    if (depth > stack.size())
      throw InputError(file + ": " + where + ": '" + name + "' is nested " +
                       std::to_string(depth - stack.size()) +
                       " level(s) deeper than the code above it; indent it one level under its "
                       "parent");
    stack.resize(depth);
    stack.push_back(name);
    CodebookEntry e;
    e.path = stack;
    e.description = memo;
    e.where = where;
    src.entries.push_back(std::move(e));
  }
  if (src.entries.empty())
    throw InputError(file + ": no codes in the file; nothing to import");
  return src;
}

CodebookSource read_codebook(const std::filesystem::path& file, const CodebookSettings& settings) {
  if (sniff_exchange_file(file) == ExchangeFormat::RefiCodebook)
    return from_qdc(file);
  if (is_table_name(file))
    return from_table(file, settings);
  auto bytes = read_file_bytes(file);
  auto dec = decode_text(bytes, file.string());
  return parse_code_list(dec.utf8, file.string());
}

} // namespace quire
