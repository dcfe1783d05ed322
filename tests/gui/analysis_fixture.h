#pragma once
// The project the Analysis tests share (test_analysis, test_analysis_page,
// test_analysis_pages): the fixture documents interview-cafe and notes-short,
// each of a case with a Role, and the codings those tests count.
#include <string>

#include "gui_test_support.h"
#include "quire/model/cases.h"
#include "quire/model/codebook.h"
#include "quire/model/coding.h"
#include "quire/model/documents.h"

namespace quire::test {

/// Two cases with a Role (text): first (Teacher) of interview-cafe and
/// "Field team" (Head) of notes-short.
struct RoleCasesFixture : FrameFixture {
  explicit RoleCasesFixture(const std::string& first = "Zoë B.") {
    cafe = find_document(p(), "interview-cafe").id;
    notes = find_document(p(), "notes-short").id;
    add_attribute(p(), "Role", AttrType::Text);
    first_case = add_case(p(), first);
    team = add_case(p(), "Field team");
    set_attribute(p(), first_case, "Role", parse_value("Teacher", AttrType::Text));
    set_attribute(p(), team, "Role", parse_value("Head", AttrType::Text));
    link_document(p(), cafe, first_case);
    link_document(p(), notes, team);
  }
  /// Codes the first occurrence of text in document doc with the code at
  /// path (one the project has), as the session's coder.
  void code_text(Id doc, const std::string& text, const std::string& path) {
    auto [s, e] = find_in_document(p(), doc, text);
    code_range(p(), doc, s, e, code(path));
  }
  /// Four codings under two parents that have none of their own:
  /// Purpose/Peer support, Barriers/Time (in each document) and
  /// Barriers/Funding (overlapping Time in interview-cafe).
  void code_barriers_and_purpose() {
    code_text(cafe, "Teachers from Škofja Loka", "Purpose/Peer support");
    code_text(cafe, "Time. Always time.", "Barriers/Time");
    code_text(cafe, "Always time. And the cover costs", "Barriers/Funding");
    code_text(notes, "rail strike", "Barriers/Time");
  }
  Id cafe = 0, notes = 0;
  Id first_case = 0, team = 0;
};

} // namespace quire::test
