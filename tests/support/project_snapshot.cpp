#include "project_snapshot.h"

#include <sstream>

#include "quire/model/cases.h"
#include "quire/model/codebook.h"
#include "quire/model/coding.h"
#include "quire/model/documents.h"
#include "quire/model/memos.h"

namespace quire::test {

std::string project_snapshot(const Project& p) {
  std::ostringstream o;
  for (auto& d : list_documents(p)) {
    o << "doc " << d.id << ' ' << d.name << ' ' << d.guid << ' ' << d.case_id.value_or(0) << '\n';
    for (auto& ps : list_passages(p, d.id)) {
      o << " passage " << ps.id << ' ' << ps.start << ':' << ps.end << ' ' << ps.guid << ' '
        << ps.speaker << ' ' << ps.case_id.value_or(0) << ' ' << ps.question_id.value_or(0) << '\n';
    }
  }
  for (auto& q : list_questions(p)) {
    o << "question " << q.id << ' ' << q.folder << '/' << q.name << '\n';
  }
  for (auto& c : list_codes(p)) {
    o << "code " << c.id << ' ' << c.path << ' ' << c.color << ' ' << c.description << ' ' << c.guid
      << '\n';
  }
  for (auto& s : list_codings(p, {})) {
    o << "coding " << s.coding.id << ' ' << s.code_path << ' ' << s.coding.start << ':'
      << s.coding.end << ' ' << s.coding.coder << ' ' << s.coding.guid << ' ' << s.memo << '\n';
  }
  for (auto& c : list_cases(p)) {
    o << "case " << c.id << ' ' << c.name << '\n';
    for (auto& [k, v] : case_attributes(p, c.id)) {
      o << " " << k << '=' << v.display() << '\n';
    }
  }
  for (auto& m : list_memos(p)) {
    o << "memo " << m.id << ' ' << to_string(m.target) << ' ' << m.target_id.value_or(0) << ' '
      << m.text << '\n';
  }
  return o.str();
}

} // namespace quire::test
