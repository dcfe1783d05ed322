#include "survey_model.h"

#include <algorithm>
#include <cctype>

#include "quire/base/text.h"
#include "quire/model/cases.h"

namespace quire::gui {

namespace {

constexpr std::size_t cache_limit = 4000; // respondents whose answers are kept

/// "R2" before "R10": digit runs compare as numbers, the rest case-insensitively.
bool natural_less(const std::string& a, const std::string& b) {
  std::size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (std::isdigit(static_cast<unsigned char>(a[i])) &&
        std::isdigit(static_cast<unsigned char>(b[j]))) {
      std::size_t i2 = i, j2 = j;
      while (i2 < a.size() && std::isdigit(static_cast<unsigned char>(a[i2]))) {
        ++i2;
      }
      while (j2 < b.size() && std::isdigit(static_cast<unsigned char>(b[j2]))) {
        ++j2;
      }
      auto na = a.substr(i, i2 - i), nb = b.substr(j, j2 - j);
      na.erase(0, std::min(na.find_first_not_of('0'), na.size()));
      nb.erase(0, std::min(nb.find_first_not_of('0'), nb.size()));
      if (na.size() != nb.size()) {
        return na.size() < nb.size();
      }
      if (na != nb) {
        return na < nb;
      }
      i = i2;
      j = j2;
      continue;
    }
    auto ca = std::tolower(static_cast<unsigned char>(a[i])),
         cb = std::tolower(static_cast<unsigned char>(b[j]));
    if (ca != cb) {
      return ca < cb;
    }
    ++i;
    ++j;
  }
  return a.size() - i < b.size() - j;
}

} // namespace

std::vector<std::string> SurveyModel::surveys(const Project& p) {
  std::vector<std::string> out;
  for (auto& s : list_surveys(p)) {
    out.push_back(std::move(s.name));
  }
  return out;
}

void SurveyModel::clear() {
  m_folder.clear();
  m_respondents.clear();
  m_columns.clear();
  m_questions.clear();
  m_values.clear();
  m_rows.clear();
  m_cache.clear();
  m_lru.clear();
  m_question_pos.clear();
  m_question_codes.clear();
  m_filter_attr.clear();
  m_filter_value.clear();
}

void SurveyModel::load(const Project& p, const std::string& folder) {
  clear();
  m_folder = folder;
  m_respondents = survey_respondents(p, folder);
  m_values = respondent_values(p, m_respondents);
  m_question_codes = question_codes(p);
  // The open-ended answers next to the ID, so that the grid opens on what is
  // read and coded; the attributes after them.
  m_columns.push_back({Column::Respondent, "Respondent", 0});
  for (const auto& q : survey_questions(p, folder)) {
    m_question_pos[q.id] = m_questions.size();
    m_questions.push_back(q);
    m_columns.push_back({Column::Question, q.name, q.id});
  }
  for (const auto& a : survey_attributes(p, m_values)) {
    m_columns.push_back({Column::Attribute, a.name, 0});
  }
  apply_filter();
  sort(p, 0, true);
}

std::optional<std::size_t> SurveyModel::question_index(Id question) const {
  auto it = m_question_pos.find(question);
  return it == m_question_pos.end() ? std::nullopt : std::optional<std::size_t>(it->second);
}

const SurveyModel::Read& SurveyModel::read(const Project& p, std::size_t respondent) {
  auto it = m_cache.find(respondent);
  if (it != m_cache.end()) {
    m_lru.splice(m_lru.begin(), m_lru, it->second.second);
    return it->second.first;
  }
  Read r;
  const auto document = m_respondents[respondent].document;
  r.answers = respondent_answers(p, document, m_questions);
  r.codes = quire::answer_codes(p, document, r.answers, m_question_codes);
  if (m_cache.size() >= cache_limit) {
    m_cache.erase(m_lru.back());
    m_lru.pop_back();
  }
  m_lru.push_front(respondent);
  return m_cache.emplace(respondent, std::make_pair(std::move(r), m_lru.begin()))
      .first->second.first;
}

const std::vector<Answer>& SurveyModel::answers(const Project& p, std::size_t row) {
  return read(p, m_rows.at(row)).answers;
}

const std::vector<Id>& SurveyModel::answer_codes(const Project& p, std::size_t row,
                                                 std::size_t column) {
  static const std::vector<Id> none;
  if (row >= m_rows.size() || column >= m_columns.size() ||
      m_columns[column].kind != Column::Question) {
    return none;
  }
  auto q = question_index(m_columns[column].question);
  const auto& r = read(p, m_rows[row]);
  return q ? r.codes[*q] : none;
}

std::string SurveyModel::cell(const Project& p, std::size_t row, std::size_t column) {
  if (row >= m_rows.size() || column >= m_columns.size()) {
    return {};
  }
  const auto& col = m_columns[column];
  const auto& r = m_respondents[m_rows[row]];
  switch (col.kind) {
  case Column::Respondent: return r.name;
  case Column::Attribute: {
    if (!r.case_id) {
      return {};
    }
    auto& values = m_values[*r.case_id];
    auto it = values.find(col.name);
    return it == values.end() ? std::string() : it->second.display();
  }
  case Column::Question: {
    auto a = answer(p, row, column);
    return a ? a->text : std::string();
  }
  }
  return {};
}

std::optional<Answer> SurveyModel::answer(const Project& p, std::size_t row, std::size_t column) {
  if (row >= m_rows.size() || column >= m_columns.size() ||
      m_columns[column].kind != Column::Question) {
    return std::nullopt;
  }
  auto q = question_index(m_columns[column].question);
  const auto& answers = read(p, m_rows[row]).answers;
  if (!q || answers[*q].passage == 0) {
    return std::nullopt;
  }
  return answers[*q];
}

std::optional<std::size_t> SurveyModel::row_of(Id document) const {
  for (std::size_t i = 0; i < m_rows.size(); ++i) {
    if (m_respondents[m_rows[i]].document == document) {
      return i;
    }
  }
  return std::nullopt;
}

void SurveyModel::sort(const Project& p, std::size_t column, bool ascending) {
  if (column >= m_columns.size()) {
    return;
  }
  const auto col = m_columns[column];
  // One key per respondent; missing values sort last either way.
  struct Key {
    bool missing = true;
    double number = 0;
    std::string text;
  };
  std::vector<Key> keys(m_respondents.size());
  for (std::size_t i = 0; i < m_respondents.size(); ++i) {
    const auto& r = m_respondents[i];
    auto& k = keys[i];
    if (col.kind == Column::Respondent) {
      k = {false, 0, r.name};
    } else if (col.kind == Column::Attribute && r.case_id) {
      auto& values = m_values[*r.case_id];
      auto it = values.find(col.name);
      if (it != values.end() && !it->second.missing) {
        k = {false, it->second.number,
             it->second.type == AttrType::Number ? "" : fold_case(it->second.text)};
      }
    } else if (col.kind == Column::Question) {
      auto q = question_index(col.question);
      const auto& answers = read(p, i).answers;
      if (q && answers[*q].passage != 0) {
        k = {false, 0, fold_case(answers[*q].text)};
      }
    }
  }
  std::stable_sort(m_rows.begin(), m_rows.end(), [&](std::size_t a, std::size_t b) {
    const auto &ka = keys[a], &kb = keys[b];
    if (ka.missing != kb.missing) {
      return kb.missing;
    }
    if (ka.missing) {
      return false;
    }
    bool less = ka.number != kb.number ? ka.number < kb.number : natural_less(ka.text, kb.text);
    bool greater = ka.number != kb.number ? ka.number > kb.number : natural_less(kb.text, ka.text);
    return ascending ? less : greater;
  });
}

void SurveyModel::filter(const std::string& attribute, const std::string& value) {
  m_filter_attr = attribute;
  m_filter_value = value;
  apply_filter();
}

void SurveyModel::apply_filter() {
  // Keeps the current order of the rows that stay; new ones follow in load order.
  std::vector<std::size_t> order = m_rows;
  if (order.size() != m_respondents.size()) {
    std::vector<bool> seen(m_respondents.size());
    for (auto i : order) {
      seen[i] = true;
    }
    for (std::size_t i = 0; i < m_respondents.size(); ++i) {
      if (!seen[i]) {
        order.push_back(i);
      }
    }
  }
  m_rows.clear();
  for (auto i : order) {
    const auto& r = m_respondents[i];
    bool keep = m_filter_attr.empty();
    if (!keep && r.case_id) {
      auto& values = m_values[*r.case_id];
      auto it = values.find(m_filter_attr);
      keep = it != values.end() && it->second.display() == m_filter_value;
    }
    if (keep) {
      m_rows.push_back(i);
    }
  }
}

std::vector<std::string> SurveyModel::attribute_values(const std::string& attribute) const {
  std::set<std::string> values;
  for (const auto& r : m_respondents) {
    if (!r.case_id) {
      continue;
    }
    auto it = m_values.find(*r.case_id);
    if (it == m_values.end()) {
      continue;
    }
    auto v = it->second.find(attribute);
    if (v != it->second.end() && !v->second.missing) {
      values.insert(v->second.display());
    }
  }
  std::vector<std::string> out(values.begin(), values.end());
  std::sort(out.begin(), out.end(), natural_less);
  return out;
}

void SurveyModel::codes_changed(const Project& p) {
  m_question_codes = question_codes(p);
  m_cache.clear();
  m_lru.clear();
}

bool SurveyModel::reread_values(const Project& p, const std::set<Id>& cases) {
  if (!m_filter_attr.empty())
    return false; // the rows shown may change
  for (Id c : cases) {
    auto it = m_values.find(c);
    if (it == m_values.end())
      continue; // not a respondent of this survey
    auto values = case_attributes(p, c);
    for (const auto& [name, v] : values) {
      if (std::none_of(m_columns.begin(), m_columns.end(), [&](const Column& col) {
            return col.kind == Column::Attribute && col.name == name;
          }))
        return false; // a new column
    }
    it->second = std::move(values);
  }
  return true;
}

void SurveyModel::forget(const std::set<Id>& documents) {
  for (std::size_t i = 0; i < m_respondents.size(); ++i) {
    if (documents.count(m_respondents[i].document)) {
      if (auto it = m_cache.find(i); it != m_cache.end()) {
        m_lru.erase(it->second.second);
        m_cache.erase(it);
      }
    }
  }
}

} // namespace quire::gui
