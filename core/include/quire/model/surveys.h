#pragma once
// Surveys as the survey grid and `quire surveys` read them. A survey is the
// folder its respondents' documents (DocumentKind::Survey) were imported
// into: one document per respondent, linked to the case that holds their
// attributes; each question is a column whose answers are passages of the
// respondents' documents. Reading only: a survey is stored by store_import.
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "quire/base/types.h"

namespace quire {
class Project;

struct SurveyInfo {
  std::string name; ///< the folder of its documents
  std::int64_t respondents = 0;
  std::int64_t questions = 0;
};

/// One respondent: a document of the survey and the case it is linked to.
struct Respondent {
  Id document = 0;
  std::optional<Id> case_id;
  std::string name; ///< the case's name (the respondent ID), else the document's
};

/// One respondent's answer to one question: a passage of their document.
/// passage is 0 when they gave none.
struct SurveyAnswer {
  Id passage = 0;
  std::int64_t start = 0, end = 0; ///< in the respondent's document
  std::string text;
};

/// The surveys of a project, by name.
std::vector<SurveyInfo> list_surveys(const Project& p);
/// By exact name; throws NotFoundError naming it when there is none.
SurveyInfo find_survey(const Project& p, const std::string& name);
/// The respondents of a survey, by document name (none for an unknown survey).
std::vector<Respondent> survey_respondents(const Project& p, const std::string& survey);
/// The questions of a survey in the order they were imported (its columns).
std::vector<Question> survey_questions(const Project& p, const std::string& survey);
/// The attribute values of these respondents: case -> attribute -> value.
std::map<Id, std::map<std::string, Value>>
respondent_values(const Project& p, const std::vector<Respondent>& respondents);
/// The attribute columns: the attributes with a value in values (as
/// respondent_values gives them), in the order they were defined.
std::vector<Attribute> survey_attributes(const Project& p,
                                         const std::map<Id, std::map<std::string, Value>>& values);
/// One respondent's answers, one per question in the order given.
std::vector<SurveyAnswer> respondent_answers(const Project& p, Id document,
                                             const std::vector<Question>& questions);

/// The codes the survey importer makes from the questions: "Questions/NAME"
/// for each question NAME of the project, and their parent "Questions". They
/// are the survey's structure (its columns), so the views leave them
/// uncoloured unless asked; counts and analysis use them like any code.
std::set<Id> question_codes(const Project& p);
/// The codes applied inside each answer of a respondent's document (codings
/// overlapping it), leaving out the codes in leave_out (question_codes):
/// one sorted list of distinct code ids per answer, in the order given.
std::vector<std::vector<Id>> answer_codes(const Project& p, Id document,
                                          const std::vector<SurveyAnswer>& answers,
                                          const std::set<Id>& leave_out);

} // namespace quire
