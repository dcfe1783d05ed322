// An Excel workbook over libxlsxwriter (constant-memory mode).
#include "xlsx_book.h"

#include <xlsxwriter.h>

#include <algorithm>
#include <cstdio>
#include <map>

#include "held_stderr.h"
#include "quire/base/error.h"

namespace quire {

namespace {

/// libxlsxwriter prints its errors and warnings to stderr itself
/// ("[ERROR][packager.c:1234]: Error writing..."); Quire says what went
/// wrong and what to do instead, so its lines are held back around the
/// calls that create files.
bool libxlsxwriter_line(std::string_view line) {
  return line.rfind("[ERROR]", 0) == 0 || line.rfind("[WARNING]", 0) == 0;
}

/// Where libxlsxwriter's temporary files go (tmpfile(3): P_tmpdir).
std::string temp_folder() {
  return P_tmpdir;
}

/// UTF-16 units of a UTF-8 string (what Excel counts).
std::size_t utf16_length(const std::string& s) {
  std::size_t n = 0;
  for (unsigned char c : s) {
    if ((c & 0xC0) != 0x80) {
      n += c >= 0xF0 ? 2 : 1;
    }
  }
  return n;
}

/// Characters a number takes in a cell (for the column width), without
/// formatting it.
double number_width(double v) {
  double w = v < 0 ? 2 : 1;
  for (double a = v < 0 ? -v : v; a >= 10 && w < 16; a /= 10) {
    ++w;
  }
  return v == static_cast<double>(static_cast<long long>(v)) ? w : w + 4;
}

/// "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM:SS[Z]" (years from 1900, as Excel
/// needs); false for anything else.
bool parse_iso(const std::string& t, lxw_datetime& dt) {
  auto digits = [&](std::size_t at, std::size_t n, int& out) {
    if (at + n > t.size()) {
      return false;
    }
    out = 0;
    for (std::size_t i = at; i < at + n; ++i) {
      if (t[i] < '0' || t[i] > '9') {
        return false;
      }
      out = out * 10 + (t[i] - '0');
    }
    return true;
  };
  if (!digits(0, 4, dt.year) || t.size() < 10 || t[4] != '-' || t[7] != '-' ||
      !digits(5, 2, dt.month) || !digits(8, 2, dt.day) || dt.year < 1900) {
    return false;
  }
  int sec = 0;
  if (t.size() >= 19 && digits(11, 2, dt.hour) && digits(14, 2, dt.min) && digits(17, 2, sec)) {
    dt.sec = sec;
  }
  return true;
}

/// Code points of a UTF-8 string (what a person calls characters).
std::size_t code_points(const std::string& s) {
  std::size_t n = 0;
  for (unsigned char c : s) {
    n += (c & 0xC0) != 0x80;
  }
  return n;
}

/// The longest prefix of s with at most max UTF-16 units, cut at a code point.
std::string cut_utf16(const std::string& s, std::size_t max) {
  std::size_t n = 0, i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    std::size_t units = len == 4 ? 2 : 1;
    if (n + units > max) {
      break;
    }
    n += units;
    i += len;
  }
  return s.substr(0, i);
}

/// A sheet name Excel accepts: no []:*?/\, at most 31 characters.
std::string sheet_name(std::string name) {
  for (auto& c : name) {
    if (std::string("[]:*?/\\").find(c) != std::string::npos) {
      c = '_';
    }
  }
  if (utf16_length(name) > 31) {
    name = cut_utf16(name, 31);
  }
  return name;
}

std::string column_letter(std::size_t col) {
  std::string s;
  ++col;
  while (col > 0) {
    s.insert(s.begin(), static_cast<char>('A' + (col - 1) % 26));
    col = (col - 1) / 26;
  }
  return s;
}

} // namespace

/// One sheet being written (several may be open: constant-memory mode only
/// needs each sheet's rows in order).
struct SheetState {
  lxw_worksheet* ws = nullptr;
  std::string name;
  std::string base_name; ///< the first part's name, for "NAME (2)"
  std::string quoted;    ///< 'Name' for formulas
  std::vector<ExportColumn> columns;
  std::string title_text;
  std::vector<double> widths;
  lxw_row_t row = 0;
  lxw_row_t header_row = 0;
  int part = 1;
};

struct XlsxBook::Impl {
  std::filesystem::path file;
  lxw_workbook* book = nullptr;
  lxw_format *header = nullptr, *title = nullptr, *wrap = nullptr, *date = nullptr,
             *datetime = nullptr, *duration = nullptr, *percent = nullptr;
  std::map<std::string, lxw_format*> fills;
  std::vector<std::unique_ptr<SheetState>> sheets;
  SheetState* cur = nullptr;
  std::vector<std::string> used_names;

  void check(lxw_error e, const std::string& what) const {
    if (e != LXW_NO_ERROR) {
      throw StorageError(file.string() + ": could not write " + what + " (" + lxw_strerror(e) +
                         ")");
    }
  }

  lxw_format* fill(const std::string& colour) {
    if (colour.size() != 7 || colour[0] != '#') {
      return nullptr;
    }
    auto& f = fills[colour];
    if (!f) {
      f = workbook_add_format(book);
      format_set_bg_color(f, static_cast<lxw_color_t>(std::stoul(colour.substr(1), nullptr, 16)));
      format_set_pattern(f, LXW_PATTERN_SOLID);
    }
    return f;
  }

  std::string unique_name(const std::string& want) {
    auto base = sheet_name(want);
    auto n = base;
    for (int i = 2; std::count(used_names.begin(), used_names.end(), n); ++i) {
      n = sheet_name(base.substr(0, 26) + " (" + std::to_string(i) + ")");
    }
    used_names.push_back(n);
    return n;
  }

  /// In constant-memory mode libxlsxwriter writes each sheet's rows to a
  /// temporary file and does not check those writes: on a full disk the
  /// workbook would come out with rows missing, and no error. So the file's
  /// error flag is checked here.
  void check_written(const SheetState& s, bool flush) const {
    FILE* tmp = s.ws ? s.ws->optimize_tmpfile : nullptr;
    if (tmp && ((flush && std::fflush(tmp) != 0) || std::ferror(tmp))) {
      throw StorageError(file.string() + ": could not write the rows of the sheet '" + s.name +
                         "' to a temporary file. The disk holding the temporary folder (" +
                         temp_folder() + ") may be full: free some space, then export again");
    }
  }

  void finish(SheetState& s) {
    for (std::size_t c = 0; c < s.widths.size(); ++c) {
      double w = std::clamp(s.widths[c] + 2, 8.0, s.columns[c].wide ? 80.0 : 40.0);
      worksheet_set_column(s.ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), w,
                           s.columns[c].wide ? wrap : nullptr);
    }
    if (!s.columns.empty() && s.row > s.header_row) {
      worksheet_autofilter(s.ws, s.header_row, 0, s.row - 1,
                           static_cast<lxw_col_t>(s.columns.size() - 1));
    }
  }

  /// A new sheet with the columns and title of `like` (or given ones).
  SheetState& open_sheet(const std::string& want, const std::vector<ExportColumn>& columns,
                         const std::string& title_text) {
    auto st = std::make_unique<SheetState>();
    auto& s = *st;
    s.columns = columns;
    s.title_text = title_text;
    s.name = unique_name(want);
    s.quoted = "'" + s.name + "'";
    {
      HeldStderr quiet(libxlsxwriter_line); // it makes a temporary file per sheet
      s.ws = workbook_add_worksheet(book, s.name.c_str());
    }
    if (!s.ws) {
      throw StorageError(
          file.string() + ": could not add the sheet '" + s.name +
          "': no room for its temporary file. Free some disk space, then export again");
    }
    s.widths.assign(columns.size(), 0);
    if (!title_text.empty()) {
      worksheet_write_string(s.ws, 0, 0, title_text.c_str(), title);
      s.row = 1;
    }
    s.header_row = s.row;
    for (std::size_t c = 0; c < columns.size(); ++c) {
      worksheet_write_string(s.ws, s.row, static_cast<lxw_col_t>(c), columns[c].name.c_str(),
                             header);
      s.widths[c] = static_cast<double>(utf16_length(columns[c].name)) + 2; // filter arrow
    }
    worksheet_freeze_panes(s.ws, s.row + 1, columns.empty() ? 0 : 1);
    ++s.row;
    sheets.push_back(std::move(st));
    cur = &s;
    return s;
  }
};

XlsxBook::XlsxBook(const std::filesystem::path& file, XlsxLimits limits)
    : m(std::make_unique<Impl>()), m_limits(limits) {
  m->file = file;
  lxw_workbook_options opt{};
  opt.constant_memory = LXW_TRUE;
  opt.use_zip64 = limits.zip64 ? LXW_TRUE : LXW_FALSE;
  {
    HeldStderr quiet(libxlsxwriter_line);
    m->book = workbook_new_opt(file.string().c_str(), &opt);
  }
  if (!m->book) {
    throw StorageError(file.string() + ": cannot create this file (is the folder writable?)");
  }
  auto* b = m->book;
  m->header = workbook_add_format(b);
  format_set_bold(m->header);
  format_set_bg_color(m->header, 0x1F4E78);
  format_set_font_color(m->header, LXW_COLOR_WHITE);
  format_set_text_wrap(m->header);
  format_set_align(m->header, LXW_ALIGN_VERTICAL_TOP);
  m->title = workbook_add_format(b);
  format_set_italic(m->title);
  m->wrap = workbook_add_format(b);
  format_set_text_wrap(m->wrap);
  format_set_align(m->wrap, LXW_ALIGN_VERTICAL_TOP);
  m->date = workbook_add_format(b);
  format_set_num_format(m->date, "yyyy-mm-dd");
  m->datetime = workbook_add_format(b);
  format_set_num_format(m->datetime, "yyyy-mm-dd hh:mm:ss");
  m->duration = workbook_add_format(b);
  format_set_num_format(m->duration, "[h]:mm:ss");
  m->percent = workbook_add_format(b);
  format_set_num_format(m->percent, "0.0%");
}

XlsxBook::~XlsxBook() {
  if (m->book) {
    // Not closed: an error happened. Free without writing a file.
    {
      HeldStderr quiet(libxlsxwriter_line);
      workbook_close(m->book);
    }
    std::error_code ignored;
    std::filesystem::remove(m->file, ignored);
  }
}

int XlsxBook::begin_sheet(const std::string& name, const std::vector<ExportColumn>& columns,
                          const std::string& title) {
  auto& s = m->open_sheet(name, columns, title);
  s.base_name = s.name;
  return static_cast<int>(m->sheets.size()) - 1;
}

void XlsxBook::select_sheet(int sheet) {
  auto* s = m->sheets.at(static_cast<std::size_t>(sheet)).get();
  // A sheet continued past the row limit goes on in its last part.
  for (const auto& later : m->sheets) {
    if (later->base_name == s->base_name && later->part > s->part) {
      s = later.get();
    }
  }
  m->cur = s;
}

void XlsxBook::add_row(const std::vector<ExportCell>& cells) {
  auto& book = *m;
  if (static_cast<std::int64_t>(book.cur->row) >= m_limits.rows) {
    const auto& full = *book.cur;
    auto& next = book.open_sheet(full.base_name + " (" + std::to_string(full.part + 1) + ")",
                                 full.columns, full.title_text);
    next.base_name = full.base_name;
    next.part = full.part + 1;
    m_notes.push_back("sheet '" + full.name + "' reached Excel's limit of " +
                      std::to_string(m_limits.rows) + " rows; it continues on '" + next.name + "'");
  }
  auto& s = *book.cur;
  for (std::size_t c = 0; c < cells.size(); ++c) {
    const auto& v = cells[c];
    const auto col = static_cast<lxw_col_t>(c);
    lxw_format* fmt = v.fill.empty()
                          ? (c < s.columns.size() && s.columns[c].wide ? book.wrap : nullptr)
                          : book.fill(v.fill);
    double width = 0;
    switch (v.kind) {
    case ExportCell::Empty:
      if (fmt && !v.fill.empty()) {
        worksheet_write_blank(s.ws, s.row, col, fmt);
      }
      break;
    case ExportCell::Text: {
      if (v.text.empty()) {
        if (fmt && !v.fill.empty()) {
          worksheet_write_blank(s.ws, s.row, col, fmt);
        }
        break;
      }
      const std::string* text = &v.text;
      std::string cut;
      auto len = utf16_length(v.text);
      if (len > m_limits.cell_chars) {
        const auto chars = code_points(v.text);
        std::string marker = " […cut: " + std::to_string(chars) + " characters in Quire]";
        cut = cut_utf16(v.text, m_limits.cell_chars - utf16_length(marker)) + marker;
        text = &cut;
        m_notes.push_back("sheet '" + s.name + "' row " + std::to_string(s.row + 1) + ", column '" +
                          (c < s.columns.size() ? s.columns[c].name : std::string()) +
                          "': text of " + std::to_string(chars) +
                          " characters cut at Excel's cell limit");
      }
      // worksheet_write_string never makes a formula of "=..." text.
      book.check(worksheet_write_string(s.ws, s.row, col, text->c_str(), fmt), "a cell");
      auto nl = text->find('\n');
      width =
          static_cast<double>(utf16_length(nl == std::string::npos ? *text : text->substr(0, nl)));
      break;
    }
    case ExportCell::Number:
      worksheet_write_number(s.ws, s.row, col, v.number, fmt);
      width = number_width(v.number);
      break;
    case ExportCell::Percent:
      worksheet_write_number(s.ws, s.row, col, v.number / 100.0, book.percent);
      width = 7;
      break;
    case ExportCell::Duration:
      worksheet_write_number(s.ws, s.row, col, v.number / 86400000.0, book.duration);
      width = 8;
      break;
    case ExportCell::Date:
    case ExportCell::DateTime: {
      lxw_datetime dt{};
      if (parse_iso(v.text, dt)) {
        worksheet_write_datetime(s.ws, s.row, col, &dt,
                                 v.kind == ExportCell::Date ? book.date : book.datetime);
        width = v.kind == ExportCell::Date ? 10 : 19;
      } else if (!v.text.empty()) {
        worksheet_write_string(s.ws, s.row, col, v.text.c_str(), fmt);
        width = static_cast<double>(utf16_length(v.text));
      }
      break;
    }
    }
    if (c < s.widths.size()) {
      s.widths[c] = std::max(s.widths[c], width);
    }
  }
  ++s.row;
  ++m_rows_total;
  if (m_rows_total % 4096 == 0) {
    book.check_written(s, false); // fail early rather than after the whole export
  }
}

void XlsxBook::write_table(const ExportTable& t) {
  begin_sheet(t.name, t.columns, t.title);
  for (const auto& r : t.rows) {
    add_row(r);
  }
}

void XlsxBook::add_bar_chart(const ExportTable& t, const std::string& title) {
  auto& s = *m->cur;
  if (t.chart_series.empty() || t.rows.size() < 2) {
    return;
  }
  auto* chart = workbook_add_chart(m->book, LXW_CHART_BAR);
  const auto first = s.header_row + 2;            // 1-based first data row
  const auto last = s.header_row + t.rows.size(); // the Total row left out
  const auto cats = "=" + s.quoted + "!$A$" + std::to_string(first) + ":$A$" + std::to_string(last);
  for (auto col : t.chart_series) {
    auto letter = column_letter(col);
    auto vals = "=" + s.quoted + "!$" + letter + "$" + std::to_string(first) + ":$" + letter + "$" +
                std::to_string(last);
    auto* series = chart_add_series(chart, cats.c_str(), vals.c_str());
    auto name = "=" + s.quoted + "!$" + letter + "$" + std::to_string(s.header_row + 1);
    chart_series_set_name(series, name.c_str());
  }
  chart_title_set_name(chart, title.c_str());
  chart_axis_set_reverse(chart->y_axis); // codes top to bottom, as in the table
  lxw_chart_options opt{};
  opt.x_scale = 1.6;
  opt.y_scale = std::max(1.0, static_cast<double>(t.rows.size()) / 12.0);
  worksheet_insert_chart_opt(s.ws, s.header_row, static_cast<lxw_col_t>(t.columns.size() + 1),
                             chart, &opt);
}

void XlsxBook::close() {
  for (auto& s : m->sheets) {
    m->finish(*s);
    m->check_written(*s, true);
  }
  auto* b = m->book;
  m->book = nullptr;
  lxw_error e = LXW_NO_ERROR;
  {
    HeldStderr quiet(libxlsxwriter_line);
    e = workbook_close(b);
  }
  if (e != LXW_NO_ERROR) {
    throw StorageError(m->file.string() + ": could not write the workbook (" + lxw_strerror(e) +
                       "). The disk may be full or the folder not writable: free some space or "
                       "choose another folder, then export again");
  }
}

} // namespace quire
