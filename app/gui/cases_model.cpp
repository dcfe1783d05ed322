#include "cases_model.h"

#include <algorithm>
#include <functional>

#include "quire/base/natural_order.h"
#include "quire/base/text.h"
#include "quire/model/cases.h"

namespace quire::gui {

namespace {

std::string links_text(const CaseLinks& l) {
  auto counted = [](std::int64_t n, const char* what) {
    return std::to_string(n) + " " + what + (n == 1 ? "" : "s");
  };
  std::string out;
  if (l.documents) {
    out = counted(l.documents, "document");
  }
  if (l.passages) {
    out += (out.empty() ? "" : " \xc2\xb7 ") + counted(l.passages, "passage");
  }
  return out;
}

/// a before b by value: numbers as numbers, dates (ISO) and text in natural order.
bool value_less(const Value& a, const Value& b) {
  if (a.type == AttrType::Number && b.type == AttrType::Number) {
    return a.number < b.number;
  }
  return natural_less(a.display(), b.display());
}

} // namespace

void CasesModel::load(const Project& p) {
  m_attributes = list_attributes(p);
  auto values = all_case_attributes(p);
  auto links = case_links(p);
  m_all.clear();
  static const std::map<std::string, Value> none;
  for (auto& c : list_cases(p)) {
    auto v = values.find(c.id);
    auto l = links.find(c.id);
    m_all.push_back(read_row(c, v == values.end() ? none : v->second,
                             l == links.end() ? CaseLinks{} : l->second));
  }
  if (m_sort_column && *m_sort_column >= column_count()) {
    m_sort_column.reset();
  }
  apply();
}

CasesModel::Row CasesModel::read_row(const Case& c, const std::map<std::string, Value>& values,
                                     const CaseLinks& links) const {
  Row r{c, std::vector<Value>(m_attributes.size()), links, {}};
  for (std::size_t i = 0; i < m_attributes.size(); ++i) {
    if (auto it = values.find(m_attributes[i].name); it != values.end()) {
      r.values[i] = it->second;
    }
  }
  std::string hay = c.name;
  for (const auto& v : r.values) {
    hay += '\x1f' + v.display();
  }
  r.folded = fold_case(hay);
  return r;
}

bool CasesModel::refresh_case(const Project& p, Id case_id) {
  for (auto& row : m_all) {
    if (row.c.id == case_id) {
      row = read_row(get_case(p, case_id), case_attributes(p, case_id), row.links);
      return true;
    }
  }
  return false;
}

void CasesModel::clear() {
  m_attributes.clear();
  m_all.clear();
  m_rows.clear();
}

CasesModel::ColumnKind CasesModel::kind(std::size_t column) const {
  if (column == 0) {
    return ColumnKind::Name;
  }
  return column <= m_attributes.size() ? ColumnKind::Attribute : ColumnKind::Links;
}

const Attribute* CasesModel::attribute(std::size_t column) const {
  return kind(column) == ColumnKind::Attribute ? &m_attributes[column - 1] : nullptr;
}

std::optional<std::size_t> CasesModel::column_of(Id attribute) const {
  for (std::size_t i = 0; i < m_attributes.size(); ++i) {
    if (m_attributes[i].id == attribute) {
      return i + 1;
    }
  }
  return std::nullopt;
}

std::string CasesModel::column_label(std::size_t column) const {
  switch (kind(column)) {
  case ColumnKind::Name: return "Case";
  case ColumnKind::Links: return "Linked";
  default: break;
  }
  const auto& a = m_attributes[column - 1];
  return a.type == AttrType::Text ? a.name : a.name + " (" + to_string(a.type) + ")";
}

std::optional<std::size_t> CasesModel::row_of(Id case_id) const {
  for (std::size_t r = 0; r < m_rows.size(); ++r) {
    if (m_all[m_rows[r]].c.id == case_id) {
      return r;
    }
  }
  return std::nullopt;
}

bool CasesModel::missing(std::size_t r, std::size_t column) const {
  const auto* a = attribute(column);
  return a && row(r).values[column - 1].missing;
}

std::string CasesModel::cell(std::size_t r, std::size_t column) const {
  const auto& row_ = row(r);
  switch (kind(column)) {
  case ColumnKind::Name: return row_.c.name;
  case ColumnKind::Links: return links_text(row_.links);
  default: break;
  }
  const auto& v = row_.values[column - 1];
  return v.missing ? missing_mark : v.display();
}

std::string CasesModel::edit_text(std::size_t r, std::size_t column) const {
  return missing(r, column) ? std::string() : cell(r, column);
}

void CasesModel::set_filter(const std::string& text) {
  m_filter = text;
  m_folded_filter = fold_case(text);
  apply();
}

void CasesModel::sort(std::optional<std::size_t> column, bool ascending) {
  m_sort_column = column;
  m_ascending = ascending;
  apply();
}

void CasesModel::apply() {
  m_rows.clear();
  for (std::size_t i = 0; i < m_all.size(); ++i) {
    if (m_folded_filter.empty() || m_all[i].folded.find(m_folded_filter) != std::string::npos) {
      m_rows.push_back(i);
    }
  }
  auto col = m_sort_column.value_or(0);
  auto by_name = [this](std::size_t a, std::size_t b) {
    return natural_less(m_all[a].c.name, m_all[b].c.name);
  };
  std::function<bool(std::size_t, std::size_t)> less = by_name;
  if (kind(col) == ColumnKind::Attribute) {
    less = [this, col, by_name](std::size_t a, std::size_t b) {
      const auto& va = m_all[a].values[col - 1];
      const auto& vb = m_all[b].values[col - 1];
      if (va.missing != vb.missing) {
        return vb.missing; // missing last
      }
      if (!va.missing && value_less(va, vb)) {
        return true;
      }
      if (!va.missing && value_less(vb, va)) {
        return false;
      }
      return by_name(a, b);
    };
  } else if (kind(col) == ColumnKind::Links) {
    less = [this, by_name](std::size_t a, std::size_t b) {
      auto na = m_all[a].links.documents + m_all[a].links.passages;
      auto nb = m_all[b].links.documents + m_all[b].links.passages;
      return na != nb ? na < nb : by_name(a, b);
    };
  }
  std::stable_sort(m_rows.begin(), m_rows.end(), less);
  if (!m_ascending) {
    std::reverse(m_rows.begin(), m_rows.end());
    if (kind(col) == ColumnKind::Attribute) { // missing values stay last
      std::stable_partition(m_rows.begin(), m_rows.end(), [this, col](std::size_t i) {
        return !m_all[i].values[col - 1].missing;
      });
    }
  }
}

} // namespace quire::gui
