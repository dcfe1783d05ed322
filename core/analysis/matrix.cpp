// Matrices (theme tables): codes × attribute values, cases, documents or codes.
#include <algorithm>
#include <set>

#include "analysis/analysis_p.h"
#include "quire/base/error.h"
#include "quire/model/cases.h"
#include "quire/model/codebook.h"
#include "store/project_p.h"

namespace quire {

namespace {

using detail::ACoding;
using detail::AnalysisData;
using detail::Range;

const char* const no_value = "(no value)";

/// The columns and how a coding maps to them.
struct Columns {
  std::vector<std::string> labels;
  std::vector<Id> ids;
  std::vector<std::int64_t> bases;
  std::map<Id, std::size_t> by_case;           ///< Attribute, Cases
  std::map<Id, std::size_t> by_document;       ///< Documents
  std::vector<std::vector<Range>> code_ranges; ///< Codes: merged ranges per column
};

Columns attribute_columns(const Project& p, const AnalysisData& d, const std::string& name) {
  auto attr = find_attribute(p, name);
  std::vector<Value> vals;
  bool missing = false;
  for (auto id : d.base_cases) {
    auto it = d.values.find(id);
    const Value* v = nullptr;
    if (it != d.values.end()) {
      auto jt = it->second.find(attr.name);
      v = jt == it->second.end() || jt->second.missing ? nullptr : &jt->second;
    }
    v ? vals.push_back(*v) : void(missing = true);
  }
  auto less = [](const Value& a, const Value& b) {
    return a.type == AttrType::Number && b.type == AttrType::Number ? a.number < b.number
                                                                    : a.display() < b.display();
  };
  std::sort(vals.begin(), vals.end(), less);
  Columns cols;
  for (const auto& v : vals) {
    if (cols.labels.empty() || cols.labels.back() != v.display()) {
      cols.labels.push_back(v.display());
    }
  }
  if (missing) {
    cols.labels.push_back(no_value);
  }
  cols.ids.assign(cols.labels.size(), 0);
  cols.bases.assign(cols.labels.size(), 0);
  for (auto id : d.base_cases) {
    std::string label = no_value;
    if (auto it = d.values.find(id); it != d.values.end()) {
      auto jt = it->second.find(attr.name);
      if (jt != it->second.end() && !jt->second.missing) {
        label = jt->second.display();
      }
    }
    auto col = static_cast<std::size_t>(std::find(cols.labels.begin(), cols.labels.end(), label) -
                                        cols.labels.begin());
    cols.by_case[id] = col;
    cols.bases[col]++;
  }
  return cols;
}

Columns make_columns(const Project& p, const AnalysisData& d, const MatrixSpec& spec) {
  Columns cols;
  switch (spec.cols) {
  case MatrixCols::Attribute: return attribute_columns(p, d, spec.attribute);
  case MatrixCols::Cases:
    for (const auto& c : d.cases) {
      if (d.case_passes(c.id)) {
        cols.by_case[c.id] = cols.labels.size();
        cols.labels.push_back(c.name);
        cols.ids.push_back(c.id);
        cols.bases.push_back(1);
      }
    }
    return cols;
  case MatrixCols::Documents:
    for (auto id : d.documents) {
      cols.by_document[id] = cols.labels.size();
      cols.labels.push_back(d.document_names.at(id));
      cols.ids.push_back(id);
    }
    return cols;
  case MatrixCols::Codes: break;
  }
  std::vector<std::size_t> which;
  for (auto id : spec.col_codes) {
    if (!d.code_at.count(id)) {
      throw NotFoundError("no code with id " + std::to_string(id));
    }
    which.push_back(d.code_at.at(id));
  }
  if (spec.col_codes.empty()) {
    for (std::size_t i = 0; i < d.codes.size(); ++i) {
      which.push_back(i);
    }
  }
  std::vector<std::vector<Range>> ranges(d.codes.size());
  for (const auto& c : d.codings) {
    auto at = d.code_at.at(c.code_id);
    for (auto up : spec.rollup ? d.up[at] : std::vector<std::size_t>{at}) {
      ranges[up].push_back({c.document_id, c.start, c.end});
    }
  }
  for (auto i : which) {
    cols.labels.push_back(d.codes[i].path);
    cols.ids.push_back(d.codes[i].id);
    cols.code_ranges.push_back(detail::merge_ranges(std::move(ranges[i])));
  }
  return cols;
}

/// The columns a coding falls in, with the stretch it contributes to each.
void columns_of(const Columns& cols, MatrixCols kind, const ACoding& c,
                std::vector<std::pair<std::size_t, Range>>& out) {
  out.clear();
  Range whole{c.document_id, c.start, c.end};
  if (kind == MatrixCols::Attribute || kind == MatrixCols::Cases) {
    if (c.case_id) {
      if (auto it = cols.by_case.find(*c.case_id); it != cols.by_case.end()) {
        out.emplace_back(it->second, whole);
      }
    }
  } else if (kind == MatrixCols::Documents) {
    if (auto it = cols.by_document.find(c.document_id); it != cols.by_document.end()) {
      out.emplace_back(it->second, whole);
    }
  } else {
    for (std::size_t k = 0; k < cols.code_ranges.size(); ++k) {
      const auto& rs = cols.code_ranges[k];
      auto it = std::lower_bound(rs.begin(), rs.end(), whole, [](const Range& r, const Range& w) {
        return r.document_id != w.document_id ? r.document_id < w.document_id : r.end <= w.start;
      });
      for (; it != rs.end() && it->document_id == c.document_id && it->start < c.end; ++it) {
        out.emplace_back(
            k, Range{c.document_id, std::max(c.start, it->start), std::min(c.end, it->end)});
      }
    }
  }
}

/// Words per key: ranges grouped by key, merged, counted.
std::vector<std::int64_t> words_by_key(std::vector<std::pair<std::size_t, Range>>& v,
                                       std::size_t keys, detail::WordCounter& wc) {
  std::sort(v.begin(), v.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first < b.first : a.second < b.second;
  });
  std::vector<std::int64_t> out(keys, 0);
  for (std::size_t i = 0; i < v.size();) {
    std::size_t j = i;
    std::vector<Range> rs;
    for (; j < v.size() && v[j].first == v[i].first; ++j) {
      rs.push_back(v[j].second);
    }
    out[v[i].first] = wc.count(detail::merge_ranges(std::move(rs)));
    i = j;
  }
  return out;
}

/// A dense id -> column table (-1: no column).
std::vector<std::int32_t> dense_columns(const std::map<Id, std::size_t>& ids) {
  std::vector<std::int32_t> v(
      ids.empty() ? 0 : static_cast<std::size_t>(std::max<Id>(0, ids.rbegin()->first)) + 1, -1);
  for (const auto& [id, col] : ids) {
    if (id >= 0) {
      v[static_cast<std::size_t>(id)] = static_cast<std::int32_t>(col);
    }
  }
  return v;
}

/// Cases or codings per code and attribute value, case or document, from one
/// pass over the codings: each coding falls in one column at most. Codings
/// are counted as they come; cases are kept as (case, code, column) and put
/// in case order by a counting sort, so stamps count each case once per
/// cell, row, column and table.
void count_streamed(const Project& p, const MatrixSpec& spec, const AnalysisData& d,
                    const Columns& cols, const std::vector<std::vector<std::size_t>>& rows_of,
                    Matrix& m) {
  const std::size_t C = cols.labels.size();
  const bool by_doc = spec.cols == MatrixCols::Documents;
  const auto col_of = dense_columns(by_doc ? cols.by_document : cols.by_case);
  std::map<Id, std::size_t> ids; // code id -> index in d.codes, then dense
  for (std::size_t k = 0; k < d.codes.size(); ++k) {
    ids[d.codes[k].id] = k;
  }
  const auto code_ix = dense_columns(ids); // each_analysis_coding() passes only known codes
  struct Unit {
    Id case_id;
    std::uint32_t code;
    std::int32_t col;
  };
  std::vector<Unit> units;
  const bool cases = spec.cell == MatrixCell::Cases;
  if (cases) { // one unit per coding at most: no growing and copying a million
    units.reserve(static_cast<std::size_t>(
        std::max<std::int64_t>(0, detail::db(p).scalar("SELECT max(id) FROM coding"))));
  }
  detail::each_analysis_coding(p, spec.filter, d, [&](const ACoding& c) {
    auto k = static_cast<std::uint32_t>(code_ix[static_cast<std::size_t>(c.code_id)]);
    const auto& rows = rows_of[k];
    auto key = by_doc ? std::optional<Id>(c.document_id) : c.case_id;
    if (rows.empty() || !key || *key < 0 || static_cast<std::size_t>(*key) >= col_of.size()) {
      return;
    }
    auto col = col_of[static_cast<std::size_t>(*key)];
    if (col < 0) {
      return;
    }
    if (!cases) { // codings: each coding is its own unit, counted once per row
      for (auto r : rows) {
        m.counts[r][static_cast<std::size_t>(col)]++;
        m.row_totals[r]++;
      }
      m.col_totals[static_cast<std::size_t>(col)]++;
      m.grand_total++;
    } else if (c.case_id) {
      units.push_back({*c.case_id, k, col});
    }
  });
  if (!cases) {
    return;
  }
  Id max_case = 0;
  for (const auto& u : units) {
    max_case = std::max(max_case, u.case_id);
  }
  std::vector<std::size_t> start(static_cast<std::size_t>(std::max<Id>(0, max_case)) + 2, 0);
  auto slot = [](const Unit& u) { return static_cast<std::size_t>(std::max<Id>(0, u.case_id)); };
  for (const auto& u : units) {
    start[slot(u) + 1]++;
  }
  for (std::size_t k = 1; k < start.size(); ++k) {
    start[k] += start[k - 1];
  }
  std::vector<Unit> sorted(units.size());
  for (const auto& u : units) {
    sorted[start[slot(u)]++] = u;
  }
  units.clear();
  units.shrink_to_fit();
  std::vector<std::size_t> cell_stamp(m.rows.size() * C, 0), row_stamp(m.rows.size(), 0),
      col_stamp(C, 0);
  std::size_t grand_stamp = 0, stamp = 0;
  Id cur_case = 0;
  for (const auto& u : sorted) {
    if (stamp == 0 || u.case_id != cur_case) {
      cur_case = u.case_id;
      ++stamp;
    }
    const auto col = static_cast<std::size_t>(u.col);
    for (auto r : rows_of[u.code]) {
      if (cell_stamp[r * C + col] != stamp) {
        cell_stamp[r * C + col] = stamp;
        m.counts[r][col]++;
      }
      if (row_stamp[r] != stamp) {
        row_stamp[r] = stamp;
        m.row_totals[r]++;
      }
    }
    if (col_stamp[col] != stamp) {
      col_stamp[col] = stamp;
      m.col_totals[col]++;
    }
    if (grand_stamp != stamp) {
      grand_stamp = stamp;
      m.grand_total++;
    }
  }
}

} // namespace

double Matrix::row_pct(std::size_t r, std::size_t c) const {
  auto t = row_totals[r];
  return t ? 100.0 * static_cast<double>(counts[r][c]) / static_cast<double>(t) : 0;
}

double Matrix::col_pct(std::size_t r, std::size_t c) const {
  auto t = cell == MatrixCell::Cases && !col_bases.empty() ? col_bases[c] : col_totals[c];
  return t ? 100.0 * static_cast<double>(counts[r][c]) / static_cast<double>(t) : 0;
}

Matrix matrix(const Project& p, const MatrixSpec& spec) {
  // Counting cases or codings in attribute, case or document columns (a
  // theme table) streams the codings once without keeping them; words and
  // code columns need every coding's range.
  const bool streamed = spec.cols != MatrixCols::Codes && spec.cell != MatrixCell::Words;
  auto d =
      streamed ? detail::load_analysis_base(p, spec.filter) : detail::load_analysis(p, spec.filter);
  Matrix m;
  m.cell = spec.cell;
  std::vector<std::size_t> row_codes;
  for (auto id : spec.rows) {
    if (!d.code_at.count(id)) {
      throw NotFoundError("no code with id " + std::to_string(id));
    }
    row_codes.push_back(d.code_at.at(id));
  }
  if (spec.rows.empty()) {
    for (std::size_t i = 0; i < d.codes.size(); ++i) {
      row_codes.push_back(i);
    }
  }
  std::vector<std::vector<std::size_t>> rows_of(d.codes.size());
  {
    std::multimap<std::size_t, std::size_t> row_at;
    for (std::size_t r = 0; r < row_codes.size(); ++r) {
      row_at.emplace(row_codes[r], r);
      m.rows.push_back(d.codes[row_codes[r]]);
    }
    for (std::size_t k = 0; k < d.codes.size(); ++k) {
      for (auto up : spec.rollup ? d.up[k] : std::vector<std::size_t>{k}) {
        for (auto [it, end] = row_at.equal_range(up); it != end; ++it) {
          rows_of[k].push_back(it->second);
        }
      }
    }
  }
  auto cols = make_columns(p, d, spec);
  const std::size_t R = row_codes.size(), C = cols.labels.size();
  m.cols = cols.labels;
  m.col_ids = cols.ids;
  if (spec.cell == MatrixCell::Cases && spec.cols != MatrixCols::Documents &&
      spec.cols != MatrixCols::Codes) {
    m.col_bases = cols.bases;
  }
  m.counts.assign(R, std::vector<std::int64_t>(C, 0));
  m.row_totals.assign(R, 0);
  m.col_totals.assign(C, 0);

  if (streamed) {
    count_streamed(p, spec, d, cols, rows_of, m);
    return m;
  }

  // Per coding, once: its code's index and, for attribute, case and document
  // columns (one column per coding at most), its column or -1.
  const std::size_t N = d.codings.size();
  const bool one_col = spec.cols != MatrixCols::Codes;
  std::vector<std::uint32_t> code_ix(N);
  std::vector<std::int32_t> col_of(one_col ? N : 0, -1);
  {
    const bool by_doc = spec.cols == MatrixCols::Documents;
    const auto lookup = dense_columns(by_doc ? cols.by_document : cols.by_case);
    for (std::size_t i = 0; i < N; ++i) {
      const auto& c = d.codings[i];
      code_ix[i] = static_cast<std::uint32_t>(d.code_at.at(c.code_id));
      if (one_col) {
        auto key = by_doc ? std::optional<Id>(c.document_id) : c.case_id;
        if (key && *key >= 0 && static_cast<std::size_t>(*key) < lookup.size()) {
          col_of[i] = lookup[static_cast<std::size_t>(*key)];
        }
      }
    }
  }

  // Codings in case order when counting cases, so that stamps make each
  // case count once per cell, row, column and table: a stable counting sort
  // on the case id (codings without a case first; they are skipped).
  std::vector<std::size_t> order(N);
  if (spec.cell == MatrixCell::Cases) {
    Id max_case = 0;
    for (const auto& c : d.codings) {
      max_case = std::max(max_case, c.case_id.value_or(0));
    }
    std::vector<std::size_t> start(static_cast<std::size_t>(std::max<Id>(0, max_case)) + 2, 0);
    auto key = [&](std::size_t i) {
      return static_cast<std::size_t>(std::max<Id>(0, d.codings[i].case_id.value_or(0)));
    };
    for (std::size_t i = 0; i < N; ++i) {
      start[key(i) + 1]++;
    }
    for (std::size_t k = 1; k < start.size(); ++k) {
      start[k] += start[k - 1];
    }
    for (std::size_t i = 0; i < N; ++i) {
      order[start[key(i)]++] = i;
    }
  } else {
    for (std::size_t i = 0; i < N; ++i) {
      order[i] = i;
    }
  }
  std::vector<std::size_t> cell_stamp(R * C, 0), row_stamp(R, 0), col_stamp(C, 0);
  std::size_t grand_stamp = 0, stamp = 0;
  std::optional<Id> cur_case;
  std::vector<std::pair<std::size_t, Range>> in_cols;
  std::vector<std::pair<std::size_t, Range>> w_cell, w_row, w_col, w_all;
  for (auto i : order) {
    const auto& c = d.codings[i];
    const auto& rows = rows_of[code_ix[i]];
    if (rows.empty()) {
      continue;
    }
    if (one_col) {
      if (col_of[i] < 0) {
        continue;
      }
      in_cols.assign(1,
                     {static_cast<std::size_t>(col_of[i]), Range{c.document_id, c.start, c.end}});
    } else {
      columns_of(cols, spec.cols, c, in_cols);
      if (in_cols.empty()) {
        continue;
      }
    }
    if (spec.cell == MatrixCell::Cases) {
      if (!c.case_id) {
        continue;
      }
      if (stamp == 0 || c.case_id != cur_case) {
        cur_case = c.case_id;
        ++stamp;
      }
    } else {
      ++stamp; // codings: each coding is its own unit
    }
    for (auto r : rows) {
      for (const auto& [col, range] : in_cols) {
        if (spec.cell == MatrixCell::Words) {
          w_cell.emplace_back(r * C + col, range);
        } else if (cell_stamp[r * C + col] != stamp) {
          cell_stamp[r * C + col] = stamp;
          m.counts[r][col]++;
        }
      }
    }
    for (auto r : rows) {
      if (spec.cell == MatrixCell::Words) {
        for (const auto& ic : in_cols) {
          w_row.emplace_back(r, ic.second);
        }
      } else if (row_stamp[r] != stamp) {
        row_stamp[r] = stamp;
        m.row_totals[r]++;
      }
    }
    for (const auto& [col, range] : in_cols) {
      if (spec.cell == MatrixCell::Words) {
        w_col.emplace_back(col, range);
        w_all.emplace_back(0, range);
      } else if (col_stamp[col] != stamp) {
        col_stamp[col] = stamp;
        m.col_totals[col]++;
      }
    }
    if (spec.cell != MatrixCell::Words && grand_stamp != stamp) {
      grand_stamp = stamp;
      m.grand_total++;
    }
  }
  if (spec.cell == MatrixCell::Words) {
    detail::WordCounter wc(p);
    auto cells = words_by_key(w_cell, R * C, wc);
    for (std::size_t r = 0; r < R; ++r) {
      for (std::size_t c = 0; c < C; ++c) {
        m.counts[r][c] = cells[r * C + c];
      }
    }
    m.row_totals = words_by_key(w_row, R, wc);
    m.col_totals = words_by_key(w_col, C, wc);
    m.grand_total = words_by_key(w_all, 1, wc)[0];
  }
  return m;
}

std::string default_theme_attribute(const Project& p) {
  auto attrs = list_attributes(p);
  auto values = all_case_attributes(p);
  for (const auto& a : attrs) {
    if (a.type != AttrType::Text) {
      continue;
    }
    std::set<std::string> distinct;
    for (const auto& [id, vals] : values) {
      auto it = vals.find(a.name);
      if (it != vals.end() && !it->second.missing) {
        distinct.insert(it->second.display());
      }
    }
    if (distinct.size() >= 2 && distinct.size() <= 20) {
      return a.name;
    }
  }
  return attrs.empty() ? std::string() : attrs.front().name;
}

std::vector<Hit> matrix_cell_hits(const Project& p, const MatrixSpec& spec, std::size_t row,
                                  std::size_t col) {
  auto d = detail::load_analysis(p, spec.filter);
  std::size_t row_code = row;
  if (spec.rows.empty()) {
    if (row >= d.codes.size()) {
      throw InputError("the matrix has no row " + std::to_string(row + 1) + " (it has " +
                       std::to_string(d.codes.size()) + ")");
    }
  } else {
    if (row >= spec.rows.size() || !d.code_at.count(spec.rows[row])) {
      throw InputError("the matrix has no row " + std::to_string(row + 1) + " (it has " +
                       std::to_string(spec.rows.size()) + ")");
    }
    row_code = d.code_at.at(spec.rows[row]);
  }
  auto cols = make_columns(p, d, spec);
  if (col >= cols.labels.size()) {
    throw InputError("the matrix has no column " + std::to_string(col + 1) + " (it has " +
                     std::to_string(cols.labels.size()) + ")");
  }
  std::vector<Range> ranges;
  std::vector<std::pair<std::size_t, Range>> in_cols;
  for (const auto& c : d.codings) {
    if (!d.counts_for(c, row_code, spec.rollup) || (spec.cell == MatrixCell::Cases && !c.case_id)) {
      continue;
    }
    columns_of(cols, spec.cols, c, in_cols);
    for (const auto& [k, r] : in_cols) {
      if (k == col) {
        ranges.push_back(r);
      }
    }
  }
  detail::HitMaker make(p);
  std::vector<Hit> out;
  for (const auto& r : detail::merge_ranges(std::move(ranges))) {
    out.push_back(make.make(r));
  }
  return out;
}

} // namespace quire

namespace quire {

MatrixSpec parse_matrix_spec(const Project& p, const std::vector<std::string>& rows,
                             const std::string& cols, const std::string& cell) {
  MatrixSpec spec;
  for (const auto& r : rows) {
    if (r == "codes") {
      spec.rows.clear();
      break;
    }
    auto sub = code_subtree(p, find_code(p, r).id);
    spec.rows.insert(spec.rows.end(), sub.begin(), sub.end());
  }
  if (cols.rfind("attr:", 0) == 0) {
    spec.cols = MatrixCols::Attribute;
    spec.attribute = find_attribute(p, cols.substr(5)).name;
  } else if (cols == "cases") {
    spec.cols = MatrixCols::Cases;
  } else if (cols == "documents") {
    spec.cols = MatrixCols::Documents;
  } else if (cols == "codes") {
    spec.cols = MatrixCols::Codes;
  } else {
    throw InputError("columns '" + cols + "' are not attr:NAME, cases, documents or codes");
  }
  if (cell == "cases") {
    spec.cell = MatrixCell::Cases;
  } else if (cell == "codings") {
    spec.cell = MatrixCell::Codings;
  } else if (cell == "words") {
    spec.cell = MatrixCell::Words;
  } else {
    throw InputError("cell '" + cell + "' is not cases, codings or words");
  }
  return spec;
}

} // namespace quire
