#include "quire/model/surveys.h"

#include <algorithm>
#include <set>

#include "quire/base/error.h"
#include "quire/base/text.h"
#include "quire/model/cases.h"
#include "quire/model/coding.h"
#include "quire/model/documents.h"
#include "store/project_p.h"

namespace quire {

namespace {

const std::string survey_kind = to_string(DocumentKind::Survey);

} // namespace

std::vector<SurveyInfo> list_surveys(const Project& p) {
  std::vector<SurveyInfo> out;
  auto s = detail::db(p).prepare(
      "SELECT d.folder, count(*), (SELECT count(*) FROM question q WHERE q.folder = d.folder) "
      "FROM document d WHERE d.kind = ? GROUP BY d.folder ORDER BY d.folder");
  s.bind(1, survey_kind);
  while (s.step()) {
    out.push_back({s.str(0), s.i64(1), s.i64(2)});
  }
  return out;
}

SurveyInfo find_survey(const Project& p, const std::string& name) {
  for (auto& s : list_surveys(p)) {
    if (s.name == name) {
      return s;
    }
  }
  throw NotFoundError("no survey named '" + name + "' in this project");
}

std::vector<Respondent> survey_respondents(const Project& p, const std::string& survey) {
  std::vector<Respondent> out;
  auto s = detail::db(p).prepare(
      "SELECT d.id, d.case_id, coalesce(c.name, d.name) FROM document d "
      "LEFT JOIN case_ c ON c.id = d.case_id WHERE d.kind = ? AND d.folder = ? ORDER BY d.name");
  s.bind(1, survey_kind).bind(2, survey);
  while (s.step()) {
    out.push_back({s.i64(0), s.opt_i64(1), s.str(2)});
  }
  return out;
}

std::vector<Question> survey_questions(const Project& p, const std::string& survey) {
  std::vector<Question> out;
  auto s = detail::db(p).prepare(
      "SELECT id, guid, name, folder FROM question WHERE folder = ? ORDER BY id");
  s.bind(1, survey);
  while (s.step()) {
    out.push_back({s.i64(0), s.str(1), s.str(2), s.str(3)});
  }
  return out;
}

std::map<Id, std::map<std::string, Value>>
respondent_values(const Project& p, const std::vector<Respondent>& respondents) {
  auto all = all_case_attributes(p);
  std::map<Id, std::map<std::string, Value>> out;
  for (const auto& r : respondents) {
    if (r.case_id) {
      if (auto it = all.find(*r.case_id); it != all.end()) {
        out.insert(std::move(*it));
        all.erase(it);
      }
    }
  }
  return out;
}

std::vector<Attribute> survey_attributes(const Project& p,
                                         const std::map<Id, std::map<std::string, Value>>& values) {
  std::set<std::string> used;
  for (const auto& [kase, of_case] : values) {
    for (const auto& [name, v] : of_case) {
      used.insert(name);
    }
  }
  std::vector<Attribute> out;
  for (auto& a : list_attributes(p)) {
    if (used.count(a.name)) {
      out.push_back(std::move(a));
    }
  }
  return out;
}

std::vector<SurveyAnswer> respondent_answers(const Project& p, Id document,
                                             const std::vector<Question>& questions) {
  std::map<Id, std::size_t> position;
  for (std::size_t i = 0; i < questions.size(); ++i) {
    position.emplace(questions[i].id, i);
  }
  std::vector<SurveyAnswer> out(questions.size());
  auto text = document_text(p, document);
  CodePointIndex index(text);
  for (const auto& ps : list_passages(p, document)) {
    if (!ps.question_id) {
      continue;
    }
    if (auto it = position.find(*ps.question_id); it != position.end()) {
      out[it->second] = {ps.id, ps.start, ps.end, std::string(index.slice(ps.start, ps.end))};
    }
  }
  return out;
}

std::set<Id> question_codes(const Project& p) {
  std::set<Id> out;
  auto s =
      detail::db(p).prepare("SELECT c.id, top.id FROM code top JOIN code c ON c.parent_id = top.id "
                            "WHERE top.parent_id IS NULL AND top.name = 'Questions' "
                            "AND c.name IN (SELECT name FROM question)");
  while (s.step()) {
    out.insert(s.i64(0));
    out.insert(s.i64(1));
  }
  return out;
}

std::vector<std::vector<Id>> answer_codes(const Project& p, Id document,
                                          const std::vector<SurveyAnswer>& answers,
                                          const std::set<Id>& leave_out) {
  std::vector<std::vector<Id>> out(answers.size());
  auto codings = document_codings(p, document);
  for (std::size_t i = 0; i < answers.size(); ++i) {
    const auto& a = answers[i];
    if (a.passage == 0) {
      continue;
    }
    auto& codes = out[i];
    for (const auto& c : codings) {
      if (c.start < a.end && a.start < c.end && !leave_out.count(c.code_id)) {
        codes.push_back(c.code_id);
      }
    }
    std::sort(codes.begin(), codes.end());
    codes.erase(std::unique(codes.begin(), codes.end()), codes.end());
  }
  return out;
}

} // namespace quire
