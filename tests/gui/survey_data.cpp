#include "survey_data.h"

#include <cstdio>

#include "quire/ingest/import_data.h"
#include "quire/model/documents.h"

namespace quire::test {

namespace {
const char* const questions[] = {"Why did you join the network?", "What got in the way?",
                                 "What would you change?"};
const char* const roles[] = {"Teacher", "Head teacher", "Coordinator", "Teaching assistant"};
const char* const regions[] = {"North", "South", "East", "West", "Wales"};
const char* const openings[] = {"Honestly, ", "Mostly ", "I think ", "For me, ", "At first "};
const char* const themes[] = {"time to visit other schools", "the cost of cover",
                              "ideas I could use on Monday", "talking to peers who get it",
                              "funding that ends next year", "the café meetings ☕",
                              "support from my head teacher"};
} // namespace

std::string survey_answer(int i, int q) {
  if (q == 1 && i % 7 == 3) {
    return {};
  }
  std::string a = openings[(i + q) % 5];
  a += themes[(i * 3 + q) % 7];
  a += ".";
  if ((i + q) % 4 == 0) {
    a += " And ";
    a += themes[(i + 2 * q + 1) % 7];
    a += ", which matters more than people think.";
  }
  return a;
}

void store_survey(Project& p, const std::string& folder, int respondents) {
  ImportData data;
  data.source_file = folder + ".csv";
  data.kind = "survey";
  data.sha256 = "survey-" + folder + "-" + std::to_string(respondents);
  data.attributes = {{0, {}, "Role", AttrType::Text},
                     {0, {}, "Years", AttrType::Number},
                     {0, {}, "Region", AttrType::Text}};
  for (int i = 1; i <= respondents; ++i) {
    char id[16];
    std::snprintf(id, sizeof id, "R%04d", i);
    data.cases.push_back({id,
                          {{"Role", Value::of_text(roles[i % 4])},
                           {"Years", Value::of_number(1 + (i * 7) % 23)},
                           {"Region", Value::of_text(regions[i % 5])}}});
    ImportedDocument d;
    d.name = folder + " " + id;
    d.kind = DocumentKind::Survey;
    d.folder = folder;
    d.case_name = id;
    TextBuilder text;
    for (int q = 0; q < 3; ++q) {
      auto answer = survey_answer(i, q);
      if (answer.empty()) {
        continue;
      }
      text.paragraph_break();
      auto [start, end] = text.append(answer);
      d.passages.push_back({start, end, {}, {}, {}, id, questions[q]});
    }
    d.text = text.take();
    data.documents.push_back(std::move(d));
  }
  store_import(p, data);
}

} // namespace quire::test
