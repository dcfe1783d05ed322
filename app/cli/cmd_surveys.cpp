// surveys: list, show. What the desktop app's survey grid shows, from core's
// survey read-model (core/include/quire/model/surveys.h).
#include <iostream>

#include "commands.h"
#include "common.h"
#include "quire/model/surveys.h"

namespace quire::cli {

namespace {

void list_surveys_cmd(Project& p, bool json) {
  auto surveys = list_surveys(p);
  if (json) {
    auto j = nlohmann::json::array();
    for (const auto& s : surveys) {
      j.push_back({{"name", s.name}, {"respondents", s.respondents}, {"questions", s.questions}});
    }
    print_json(j);
    return;
  }
  std::vector<std::vector<std::string>> rows;
  for (const auto& s : surveys) {
    rows.push_back({s.name, std::to_string(s.respondents), std::to_string(s.questions)});
  }
  print_table({"survey", "respondents", "questions"}, rows);
}

void show_survey_cmd(Project& p, const std::string& name, bool json) {
  find_survey(p, name); // throws NotFoundError naming it
  auto respondents = survey_respondents(p, name);
  auto values = respondent_values(p, respondents);
  auto attributes = survey_attributes(p, values);
  auto questions = survey_questions(p, name);
  auto value_of = [&](const Respondent& r, const std::string& attribute) -> const Value* {
    if (!r.case_id) {
      return nullptr;
    }
    auto c = values.find(*r.case_id);
    if (c == values.end()) {
      return nullptr;
    }
    auto v = c->second.find(attribute);
    return v == c->second.end() || v->second.missing ? nullptr : &v->second;
  };
  if (json) {
    nlohmann::json jr = nlohmann::json::array();
    for (const auto& r : respondents) {
      nlohmann::json ja = nlohmann::json::object(), jq = nlohmann::json::object();
      for (const auto& a : attributes) {
        const auto* v = value_of(r, a.name);
        ja[a.name] = v ? to_json(*v) : nlohmann::json(nullptr);
      }
      auto answers = respondent_answers(p, r.document, questions);
      for (std::size_t i = 0; i < questions.size(); ++i) {
        jq[questions[i].name] =
            answers[i].passage ? nlohmann::json(answers[i].text) : nlohmann::json(nullptr);
      }
      jr.push_back({{"name", r.name},
                    {"document", r.document},
                    {"case", r.case_id ? nlohmann::json(*r.case_id) : nlohmann::json(nullptr)},
                    {"attributes", ja},
                    {"answers", jq}});
    }
    nlohmann::json jattrs = nlohmann::json::array(), jquestions = nlohmann::json::array();
    for (const auto& a : attributes) {
      jattrs.push_back(a.name);
    }
    for (const auto& q : questions) {
      jquestions.push_back(q.name);
    }
    print_json(
        {{"name", name}, {"attributes", jattrs}, {"questions", jquestions}, {"respondents", jr}});
    return;
  }
  std::vector<std::string> header = {"respondent"};
  for (const auto& a : attributes) {
    header.push_back(a.name);
  }
  for (const auto& q : questions) {
    header.push_back(preview(q.name, 30));
  }
  std::vector<std::vector<std::string>> rows;
  for (const auto& r : respondents) {
    std::vector<std::string> row = {r.name};
    for (const auto& a : attributes) {
      const auto* v = value_of(r, a.name);
      row.push_back(v ? preview(v->display(), 30) : "·");
    }
    for (const auto& answer : respondent_answers(p, r.document, questions)) {
      row.push_back(answer.passage ? preview(answer.text, 40) : "·");
    }
    rows.push_back(std::move(row));
  }
  print_table(header, rows);
}

} // namespace

void add_survey_commands(CLI::App& app) {
  auto* surveys =
      app.add_subcommand("surveys", "Surveys: their respondents, attributes and answers");
  surveys->require_subcommand(1);
  project_command(surveys, "list",
                  "List the surveys with their numbers of respondents and questions",
                  list_surveys_cmd, true);
  auto name = std::make_shared<std::string>();
  auto* show = project_command(
      surveys, "show",
      "Show a survey as a table: a row per respondent, their attributes and answers",
      [name](Project& p, bool json) { show_survey_cmd(p, *name, json); }, true);
  show->add_option("survey", *name, "The survey's name (as `quire surveys list` gives it)")
      ->required();
}

} // namespace quire::cli
