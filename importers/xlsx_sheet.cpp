// The cells of one worksheet, streamed: <row r="5"><c r="C5" t="s" s="2"><v>..</v></c>.
#include <charconv>
#include <cmath>
#include <cstdio>

#include "quire/base/error.h"
#include "xlsx_parts.h"
#include "xml_reader.h"

namespace quire {

namespace {

constexpr std::int64_t max_rows = 1048576;
constexpr std::size_t max_columns = 16384;

/// "C5" -> column 2 (0-based), row 5. False when it is no cell reference.
bool parse_ref(std::string_view ref, std::size_t& col, std::int64_t& row) {
  std::size_t i = 0, c = 0;
  while (i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z' && i < 3) {
    c = c * 26 + static_cast<std::size_t>(ref[i] - 'A' + 1);
    ++i;
  }
  if (i == 0 || i == ref.size())
    return false;
  auto [p, ec] = std::from_chars(ref.data() + i, ref.data() + ref.size(), row);
  if (ec != std::errc() || p != ref.data() + ref.size())
    return false;
  col = c - 1;
  return true;
}

std::string time_of_day(double fraction) {
  long long secs = std::llround(fraction * 86400.0) % 86400;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%02lld:%02lld:%02lld", secs / 3600, secs / 60 % 60, secs % 60);
  return buf;
}

class SheetHandler : public XmlHandler {
public:
  SheetHandler(const SheetContext& ctx, const std::string& where) : m_ctx(ctx), m_where(where) {}
  std::vector<XlsxRow> rows;

  void start_element(const std::string&, const std::string& name,
                     const std::vector<XmlAttribute>& attrs) override {
    if (name == "row") {
      auto r = attribute(attrs, "r");
      std::int64_t n = m_row + 1;
      if (!r.empty()) {
        auto [p, ec] = std::from_chars(r.data(), r.data() + r.size(), n);
        if (ec != std::errc() || p != r.data() + r.size())
          n = -1;
      }
      if (n < 1 || n > max_rows || n <= m_row) {
        throw InputError(m_where + ": row '" + r + "' is not a row number that follows row " +
                         std::to_string(m_row) + "; the sheet looks damaged");
      }
      m_row = n;
      m_col = -1;
      m_cells.clear();
    } else if (name == "c") {
      auto ref = attribute(attrs, "r");
      std::size_t col = static_cast<std::size_t>(m_col + 1);
      std::int64_t row = m_row;
      if (!ref.empty() && (!parse_ref(ref, col, row) || row != m_row)) {
        throw InputError(m_where + ": cell '" + ref + "' is not a cell of row " +
                         std::to_string(m_row) + "; the sheet looks damaged");
      }
      if (col >= max_columns || static_cast<std::int64_t>(col) <= m_col) {
        throw InputError(m_where + ": cell " + cell_name(col) + " is out of place (after column " +
                         std::to_string(m_col + 1) + "); the sheet looks damaged");
      }
      m_col = static_cast<std::int64_t>(col);
      m_type = attribute(attrs, "t");
      m_style = attribute(attrs, "s");
      m_value.clear();
      m_inline.clear();
      m_formula.clear();
    } else if (name == "v") {
      m_in = In::Value;
    } else if (name == "f") {
      m_in = In::Formula;
    } else if (name == "is") {
      m_in_is = true;
    } else if (name == "rPh") {
      m_in_phonetic = true;
    } else if (name == "t" && m_in_is && !m_in_phonetic) {
      m_in = In::Inline;
    }
  }

  void end_element(const std::string&, const std::string& name) override {
    if (name == "v" || name == "t" || name == "f") {
      m_in = In::None;
    } else if (name == "is") {
      m_in_is = false;
    } else if (name == "rPh") {
      m_in_phonetic = false;
    } else if (name == "c") {
      TableCell cell = make_cell();
      if (cell.kind != TableCell::Kind::Empty) {
        m_cells.resize(static_cast<std::size_t>(m_col) + 1);
        m_cells[static_cast<std::size_t>(m_col)] = std::move(cell);
      }
    } else if (name == "row" && !m_cells.empty()) {
      rows.push_back({m_row, std::move(m_cells)});
      m_cells.clear();
    }
  }

  void text(std::string_view s) override {
    if (m_in == In::Value) {
      m_value += s;
    } else if (m_in == In::Inline) {
      m_inline += s;
    } else if (m_in == In::Formula) {
      m_formula += s;
    }
  }

private:
  enum class In { None, Value, Inline, Formula };

  std::string cell_name(std::size_t col) const {
    std::string letters;
    for (std::size_t c = col + 1; c > 0; c = (c - 1) / 26) {
      letters.insert(letters.begin(), static_cast<char>('A' + (c - 1) % 26));
    }
    return letters + std::to_string(m_row);
  }

  TableCell make_cell() const {
    if (m_type == "inlineStr") {
      return m_inline.empty() ? TableCell{} : TableCell::of_text(m_inline);
    }
    if (m_value.empty()) {
      // A formula never calculated (no cached value): keep what was typed, as
      // text. Survey tools write answers starting with '=' this way.
      return m_formula.empty() ? TableCell{} : TableCell::of_text("=" + m_formula);
    }
    if (m_type == "s") {
      std::size_t i = 0;
      auto [p, ec] = std::from_chars(m_value.data(), m_value.data() + m_value.size(), i);
      if (ec != std::errc() || p != m_value.data() + m_value.size() || !m_ctx.shared ||
          i >= m_ctx.shared->size()) {
        throw InputError(m_where + ": cell " + cell_name(static_cast<std::size_t>(m_col)) +
                         " refers to shared string '" + m_value +
                         "', which the workbook does not have");
      }
      const auto& s = (*m_ctx.shared)[i];
      return s.empty() ? TableCell{} : TableCell::of_text(s);
    }
    if (m_type == "str" || m_type == "e") {
      return TableCell::of_text(m_value); // a formula's text result, or an error such as #N/A
    }
    if (m_type == "b") {
      return TableCell::of_bool(m_value == "1" || m_value == "true");
    }
    if (m_type == "d") {
      std::string iso = m_value.substr(0, 19); // ISO 8601 "2024-03-01T10:15:00"
      if (iso.size() > 10 && iso.substr(10) == "T00:00:00")
        iso.resize(10);
      auto parts = split_date(iso);
      return parts && parts->iso && iso_date(*parts, false) ? TableCell::of_date(iso)
                                                            : TableCell::of_text(m_value);
    }
    double d = 0;
    auto [p, ec] = std::from_chars(m_value.data(), m_value.data() + m_value.size(), d);
    if (ec != std::errc() || p != m_value.data() + m_value.size() || !std::isfinite(d)) {
      throw InputError(m_where + ": cell " + cell_name(static_cast<std::size_t>(m_col)) +
                       " holds '" + m_value + "', which is not a number; the sheet looks damaged");
    }
    NumberShow show = NumberShow::Number;
    if (!m_style.empty() && m_ctx.styles) {
      std::size_t s = 0;
      std::from_chars(m_style.data(), m_style.data() + m_style.size(), s);
      show = s < m_ctx.styles->size() ? (*m_ctx.styles)[s] : NumberShow::Number;
    }
    if (show == NumberShow::Date) {
      if (auto iso = excel_serial_to_iso(d, m_ctx.date1904))
        return TableCell::of_date(*iso);
    } else if (show == NumberShow::Time && d >= 0 && d < 1) {
      return TableCell::of_text(time_of_day(d));
    }
    return TableCell::of_number(d);
  }

  const SheetContext& m_ctx;
  const std::string& m_where;
  std::int64_t m_row = 0, m_col = -1;
  std::vector<TableCell> m_cells;
  std::string m_type, m_style, m_value, m_inline, m_formula;
  In m_in = In::None;
  bool m_in_is = false, m_in_phonetic = false;
};

} // namespace

std::vector<XlsxRow> read_sheet_rows(std::string_view xml, const SheetContext& ctx,
                                     const std::string& where) {
  SheetHandler h(ctx, where);
  parse_xml(xml, h, where);
  return std::move(h.rows);
}

} // namespace quire
