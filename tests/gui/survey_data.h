#pragma once
// A survey made in code, shaped as the survey importer stores one: a document
// per respondent in the survey's folder, linked to the respondent's case, a
// passage per non-empty answer (with its question), and typed attributes.
#include <string>

#include "quire/store/project.h"

namespace quire::test {

/// Stores a survey of n respondents (R0001...) with three open-ended
/// questions and the attributes Role (text), Years (number) and Region.
/// Every seventh respondent leaves the second question empty.
void store_survey(Project& p, const std::string& folder, int respondents);

/// The answer respondent i gives to question q (0-2), "" when empty.
std::string survey_answer(int respondent, int question);

} // namespace quire::test
