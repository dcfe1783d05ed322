// The tables every export format writes, built from core's queries.
#include "export_tables.h"

#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "quire/analysis/agreement.h"
#include "quire/analysis/analysis.h"
#include "quire/base/error.h"
#include "quire/base/text.h"
#include "quire/model/cases.h"
#include "quire/model/codebook.h"
#include "quire/model/coding.h"
#include "quire/suggest/suggest.h"

namespace quire {

ExportCell ExportCell::of(const Value& v) {
  if (v.missing) {
    return {};
  }
  switch (v.type) {
  case AttrType::Number: return num(v.number);
  case AttrType::Date: return {Date, v.text, 0, {}};
  case AttrType::Text: break;
  }
  return of(v.text);
}

std::string ExportCell::display() const {
  char buf[64];
  switch (kind) {
  case Empty: return {};
  case Number:
    if (std::floor(number) == number && std::fabs(number) < 1e15) {
      std::snprintf(buf, sizeof buf, "%.0f", number);
    } else {
      std::snprintf(buf, sizeof buf, "%.6g", number);
    }
    return buf;
  case Percent: std::snprintf(buf, sizeof buf, "%.1f%%", number); return buf;
  case Duration: {
    return clock_text(static_cast<std::int64_t>(number));
  }
  default: return text;
  }
}

namespace {

std::vector<ExportColumn> columns(std::initializer_list<const char*> names) {
  std::vector<ExportColumn> out;
  for (const char* n : names) {
    out.push_back({n, false});
  }
  return out;
}

/// The filter's documents and conditions turned into a keep(segment) test.
class SegmentFilter {
public:
  SegmentFilter(const Project& p, const AnalysisFilter& f)
      : m_docs(f.documents.begin(), f.documents.end()) {
    for (const auto& w : f.where) {
      auto c = parse_conditions(p, w);
      m_conds.insert(m_conds.end(), c.begin(), c.end());
    }
    if (!m_conds.empty()) {
      m_values = all_case_attributes(p);
    }
  }
  bool keep(const CodedSegment& s) const {
    if (!m_docs.empty() && !m_docs.count(s.coding.document_id)) {
      return false;
    }
    if (m_conds.empty()) {
      return true;
    }
    if (!s.case_id) {
      return false;
    }
    auto it = m_values.find(*s.case_id);
    static const std::map<std::string, Value> none;
    return case_matches(m_conds, it == m_values.end() ? none : it->second);
  }

private:
  std::unordered_set<Id> m_docs;
  std::vector<Condition> m_conds;
  std::map<Id, std::map<std::string, Value>> m_values;
};

} // namespace

std::vector<ExportColumn> codebook_columns() {
  auto cols = columns({"Code", "Level", "Name", "Description", "Colour", "Codings",
                       "Codings with subcodes", "Cases", "Cases with subcodes"});
  cols[3].wide = true;
  return cols;
}

ExportTable codebook_table(const Project& p, const ExportOptions& o) {
  ExportTable t{"Codebook", "", codebook_columns(), {}, {}};
  for (const auto& f : code_frequencies(p, o.filter, false)) {
    ExportCell colour = ExportCell::of(f.code.color);
    colour.fill = f.code.color;
    t.rows.push_back(
        {ExportCell::of(f.code.path), ExportCell::num(f.code.level + 1),
         ExportCell::of(f.code.name), ExportCell::of(f.code.description), colour,
         ExportCell::num(double(f.own.codings)), ExportCell::num(double(f.with_subcodes.codings)),
         ExportCell::num(double(f.own.cases)), ExportCell::num(double(f.with_subcodes.cases))});
  }
  return t;
}

ExportTable frequency_table(const Project& p, const ExportOptions& o) {
  ExportTable t{"Frequencies",
                "Per code; 'with subcodes' counts distinct documents and cases",
                columns({"Code", "Codings", "Documents", "Cases", "% of cases", "Words coded",
                         "Codings with subcodes", "Documents with subcodes", "Cases with subcodes",
                         "% of cases with subcodes", "Words with subcodes"}),
                {},
                {}};
  for (const auto& f : code_frequencies(p, o.filter)) {
    const auto& a = f.own;
    const auto& b = f.with_subcodes;
    t.rows.push_back({ExportCell::of(f.code.path), ExportCell::num(double(a.codings)),
                      ExportCell::num(double(a.documents)), ExportCell::num(double(a.cases)),
                      ExportCell::pct(a.pct_cases), ExportCell::num(double(a.words)),
                      ExportCell::num(double(b.codings)), ExportCell::num(double(b.documents)),
                      ExportCell::num(double(b.cases)), ExportCell::pct(b.pct_cases),
                      ExportCell::num(double(b.words))});
  }
  return t;
}

ExportTable matrix_table(const Matrix& m, const std::string& name) {
  static const char* const units[] = {"cases", "codings", "words"};
  const char* unit = units[static_cast<int>(m.cell)];
  ExportTable t{name,
                std::string("Cells count ") + unit + "; % of the column" +
                    (m.cell == MatrixCell::Cases && !m.col_bases.empty()
                         ? "'s cases (n in the header)"
                         : " total"),
                {{"Code", false}},
                {},
                {}};
  for (std::size_t c = 0; c < m.cols.size(); ++c) {
    std::string label = m.cols[c];
    if (c < m.col_bases.size() && m.col_bases[c] > 0) {
      label += " (n=" + std::to_string(m.col_bases[c]) + ")";
    }
    t.columns.push_back({label, false});
    t.columns.push_back({label + " %", false});
    t.chart_series.push_back(1 + 2 * c);
  }
  t.columns.push_back({std::string("Total ") + unit, false});
  for (std::size_t r = 0; r < m.rows.size(); ++r) {
    std::vector<ExportCell> row{ExportCell::of(m.rows[r].path)};
    for (std::size_t c = 0; c < m.cols.size(); ++c) {
      row.push_back(ExportCell::num(double(m.counts[r][c])));
      row.push_back(ExportCell::pct(m.col_pct(r, c)));
    }
    row.push_back(ExportCell::num(double(m.row_totals[r])));
    t.rows.push_back(std::move(row));
  }
  std::vector<ExportCell> total{ExportCell::of("Total")};
  for (std::size_t c = 0; c < m.cols.size(); ++c) {
    total.push_back(ExportCell::num(double(m.col_totals[c])));
    total.push_back({});
  }
  total.push_back(ExportCell::num(double(m.grand_total)));
  t.rows.push_back(std::move(total));
  return t;
}

ExportTable matrix_table(const Project& p, const ExportMatrix& m, const ExportOptions& o,
                         const std::string& name) {
  MatrixSpec spec = m.spec;
  spec.filter = o.filter;
  auto t = matrix_table(matrix(p, spec), name);
  if (!m.title.empty()) {
    t.title = m.title + " — " + t.title;
  }
  return t;
}

ExportTable theme_table(const Project& p, const ExportOptions& o) {
  std::string attr = o.theme_attribute.empty() ? default_theme_attribute(p)
                                               : find_attribute(p, o.theme_attribute).name;
  if (attr.empty()) {
    return {
        "Theme table", "No case attributes: add some to the cases for a theme table", {}, {}, {}};
  }
  MatrixSpec spec;
  spec.cols = MatrixCols::Attribute;
  spec.attribute = attr;
  spec.cell = MatrixCell::Cases;
  spec.filter = o.filter;
  auto t = matrix_table(matrix(p, spec), "Theme table");
  t.title = "Cases that raised each theme (with its subcodes), by " + attr +
            "; % of the cases with that " + attr;
  return t;
}

ExportTable cooccurrence_table(const Project& p, const ExportOptions& o) {
  CooccurrenceSpec spec;
  spec.with_hits = false;
  spec.filter = o.filter;
  auto co = cooccurrence(p, spec);
  ExportTable t{
      "Co-occurrence",
      "Places where codings of the two codes overlap; the diagonal: the code's own codings",
      {{"Code", false}},
      {},
      {}};
  for (const auto& c : co.codes) {
    t.columns.push_back({c.path, false});
  }
  for (std::size_t i = 0; i < co.codes.size(); ++i) {
    std::vector<ExportCell> row{ExportCell::of(co.codes[i].path)};
    for (std::size_t j = 0; j < co.codes.size(); ++j) {
      row.push_back(ExportCell::num(double(co.counts[i][j])));
    }
    t.rows.push_back(std::move(row));
  }
  return t;
}

ExportTable agreement_table(const Project& p, const ExportOptions& o) {
  if (o.coders.size() != 2) {
    throw InputError("the Agreement sheet needs two coders", Hint::NameSheetCoders);
  }
  AgreementOptions ao;
  ao.coder_a = o.coders[0];
  ao.coder_b = o.coders[1];
  ao.documents = o.filter.documents;
  auto rep = compute_agreement(p, ao);
  ExportTable t{"Agreement",
                "Coders " + rep.coder_a + " (A) and " + rep.coder_b + " (B), per " +
                    to_string(rep.unit),
                columns({"Code", "Units", "Both", "Only A", "Only B", "Neither", "% agreement",
                         "Cohen's kappa", "Krippendorff's alpha"}),
                {},
                {}};
  auto add = [&](const std::string& name, const AgreementFigures& f) {
    auto opt = [](const std::optional<double>& d) {
      // Rounding noise such as -7.9e-16 shows as 0.
      return d ? ExportCell::num(std::fabs(*d) < 1e-12 ? 0.0 : *d) : ExportCell{};
    };
    t.rows.push_back({ExportCell::of(name), ExportCell::num(double(f.units)),
                      ExportCell::num(double(f.both)), ExportCell::num(double(f.only_a)),
                      ExportCell::num(double(f.only_b)), ExportCell::num(double(f.neither)),
                      f.percent ? ExportCell::pct(*f.percent) : ExportCell{}, opt(f.kappa),
                      opt(f.alpha)});
  };
  for (const auto& c : rep.codes) {
    add(c.code_path, c.figures);
  }
  add("(overall)", rep.overall);
  return t;
}

void segment_rows(const Project& p, const ExportOptions& o,
                  const std::function<void(const std::vector<ExportColumn>&)>& header,
                  const std::function<void(const std::vector<ExportCell>&)>& row,
                  Progress& progress) {
  const auto attrs = list_attributes(p);
  const auto values = all_case_attributes(p);
  std::vector<ExportColumn> cols = columns({"Code", "Document", "Case"});
  for (const auto& a : attrs) {
    cols.push_back({a.name, false});
  }
  for (const auto& c : columns(
           {"Speaker", "Time", "Question", "Text", "Memo", "Coder", "Created", "Start", "End"})) {
    cols.push_back(c);
  }
  // Accountability: a column saying which codings came from an accepted
  // suggestion (and of which model version), when any did.
  const auto suggested = suggested_codings(p);
  if (!suggested.empty()) {
    cols.push_back({"Suggested", false});
  }
  for (auto& c : cols) {
    c.wide = c.name == "Text" || c.name == "Memo" || c.name == "Question";
  }
  header(cols);
  SegmentFilter keep(p, o.filter);
  CodingFilter f;
  f.context_chars = 0;
  if (o.filter.coder) {
    f.coder = *o.filter.coder;
  }
  const auto total = count_codings(p);
  std::int64_t done = 0;
  std::vector<ExportCell> r;
  std::unordered_map<Id, std::vector<ExportCell>> attr_cells;
  each_coding(p, f, [&](const CodedSegment& s) {
    if (++done % 4096 == 0) {
      progress.update(done, total);
      progress.check();
    }
    if (!keep.keep(s)) {
      return;
    }
    r.clear();
    r.push_back(ExportCell::of(s.code_path));
    r.push_back(ExportCell::of(s.document_name));
    r.push_back(ExportCell::of(s.case_name));
    // Each case's attribute cells are made once.
    const Id case_key = s.case_id ? *s.case_id : 0;
    auto cached = attr_cells.find(case_key);
    if (cached == attr_cells.end()) {
      std::vector<ExportCell> cells;
      const std::map<std::string, Value>* cv = nullptr;
      if (s.case_id) {
        if (auto it = values.find(*s.case_id); it != values.end()) {
          cv = &it->second;
        }
      }
      for (const auto& a : attrs) {
        ExportCell c;
        if (cv) {
          if (auto it = cv->find(a.name); it != cv->end()) {
            c = ExportCell::of(it->second);
          }
        }
        cells.push_back(std::move(c));
      }
      cached = attr_cells.emplace(case_key, std::move(cells)).first;
    }
    r.insert(r.end(), cached->second.begin(), cached->second.end());
    r.push_back(ExportCell::of(s.speaker));
    r.push_back(s.start_ms ? ExportCell{ExportCell::Duration, {}, double(*s.start_ms), {}}
                           : ExportCell{});
    r.push_back(ExportCell::of(s.question));
    r.push_back(ExportCell::of(s.text));
    r.push_back(ExportCell::of(s.memo));
    r.push_back(ExportCell::of(s.coding.coder));
    r.push_back({ExportCell::DateTime, s.coding.created_at, 0, {}});
    r.push_back(ExportCell::num(double(s.coding.start)));
    r.push_back(ExportCell::num(double(s.coding.end)));
    if (!suggested.empty()) {
      auto it = suggested.find(s.coding.id);
      r.push_back(it == suggested.end()
                      ? ExportCell{}
                      : ExportCell::of("suggestion " + std::to_string(it->second.suggestion_id) +
                                       ", model " + std::to_string(it->second.model_version)));
    }
    row(r);
  });
  progress.update(total, total);
}

} // namespace quire
