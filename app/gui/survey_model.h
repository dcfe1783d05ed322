#pragma once
// What the survey grid shows, read through core's survey read-model
// (core/include/quire/model/surveys.h): the respondents of one survey, their attributes, and
// their answers per question, read lazily for the rows in view so that
// 10,000 respondents open at once. Sorting and filtering only reorder rows;
// nothing here changes the project.
#include <list>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "quire/base/types.h"
#include "quire/model/surveys.h"
#include "quire/store/project.h"

namespace quire::gui {

/// One respondent's answer to one question: a passage of their document.
using Answer = SurveyAnswer;

class SurveyModel {
public:
  using Respondent = quire::Respondent;
  /// A column of the grid: the respondent, a question (its open-ended
  /// answers, next to the respondent) or an attribute.
  struct Column {
    enum Kind { Respondent, Attribute, Question } kind = Respondent;
    std::string name;
    Id question = 0;
  };

  /// Reads the respondents and questions of a survey (a document folder).
  void load(const Project& p, const std::string& folder);
  void clear();
  const std::string& folder() const { return m_folder; }
  /// Names of the surveys (core's list_surveys).
  static std::vector<std::string> surveys(const Project& p);

  const std::vector<Column>& columns() const { return m_columns; }
  const std::vector<Question>& questions() const { return m_questions; }
  std::size_t respondent_count() const { return m_respondents.size(); }
  /// Rows shown, after filtering and sorting.
  std::size_t row_count() const { return m_rows.size(); }
  const Respondent& respondent(std::size_t row) const { return m_respondents[m_rows[row]]; }

  /// The text of a cell.
  std::string cell(const Project& p, std::size_t row, std::size_t column);
  /// The answer in a cell of a question column, if there is one.
  std::optional<Answer> answer(const Project& p, std::size_t row, std::size_t column);
  /// Every answer of a row's respondent, one per question (passage 0: none).
  const std::vector<Answer>& answers(const Project& p, std::size_t row);
  /// The codes applied inside the answer of a question cell, question codes
  /// left out (core's answer_codes): what the grid marks as coded.
  const std::vector<Id>& answer_codes(const Project& p, std::size_t row, std::size_t column);
  /// The row showing a document, if it is shown.
  std::optional<std::size_t> row_of(Id document) const;

  /// Sorts rows by a column (ascending or not); numbers and dates sort as such.
  void sort(const Project& p, std::size_t column, bool ascending);
  /// Shows only respondents whose attribute has this value ("" attribute: all).
  void filter(const std::string& attribute, const std::string& value);
  /// The values an attribute takes among the respondents, sorted.
  std::vector<std::string> attribute_values(const std::string& attribute) const;
  /// Forgets the answers read for these documents (after they changed).
  void forget(const std::set<Id>& documents);
  /// Reads the question codes again and forgets every answer's codes (after
  /// the codebook changed).
  void codes_changed(const Project& p);
  /// Reads again the attribute values of these cases (after an edit of
  /// values only); false when it cannot (a filter on the values is shown, or
  /// a case's attributes are not all columns yet): then load() again.
  bool reread_values(const Project& p, const std::set<Id>& cases);

private:
  /// What is read of one respondent: answers and the codes inside each.
  struct Read {
    std::vector<Answer> answers;
    std::vector<std::vector<Id>> codes;
  };
  const Read& read(const Project& p, std::size_t respondent);
  void apply_filter();
  std::optional<std::size_t> question_index(Id question) const;

  std::string m_folder;
  std::vector<Respondent> m_respondents;
  std::vector<Column> m_columns;
  std::vector<Question> m_questions;
  std::map<Id, std::map<std::string, Value>> m_values; ///< case -> attribute -> value
  std::vector<std::size_t> m_rows;                     ///< shown respondents, in order
  std::string m_filter_attr, m_filter_value;
  // Answers read so far: respondent index -> answers by question (LRU, bounded).
  std::unordered_map<std::size_t, std::pair<Read, std::list<std::size_t>::iterator>> m_cache;
  std::list<std::size_t> m_lru;
  std::map<Id, std::size_t> m_question_pos; ///< question id -> index in m_questions
  std::set<Id> m_question_codes;            ///< left out of answer_codes
};

} // namespace quire::gui
