// Coders: summaries and which coders' codings are shown.
#include "quire/model/coders.h"

#include <algorithm>
#include <sstream>

#include "quire/base/error.h"
#include "quire/model/coding.h"
#include "store/project_p.h"

namespace quire {

namespace {
// The setting holds one name a line (names may hold commas, never newlines).
const char* const shown_key = "shown_coders";
} // namespace

std::vector<CoderSummary> coder_summaries(const Project& p) {
  std::vector<CoderSummary> out;
  auto shown = shown_coders(p);
  auto current = p.coder();
  auto s = detail::db(p).prepare(
      "SELECT k.name, k.guid, count(c.id), count(DISTINCT c.document_id), count(DISTINCT "
      "c.code_id), "
      "coalesce(min(c.created_at), ''), coalesce(max(c.created_at), ''), "
      "(SELECT count(*) FROM memo m WHERE m.author = k.name) "
      "FROM coder k LEFT JOIN coding c ON c.coder_id = k.id GROUP BY k.id ORDER BY k.name");
  while (s.step()) {
    CoderSummary c;
    c.name = s.str(0);
    c.guid = s.str(1);
    c.codings = s.i64(2);
    c.documents = s.i64(3);
    c.codes = s.i64(4);
    c.first_coded = s.str(5);
    c.last_coded = s.str(6);
    c.memos = s.i64(7);
    c.current = c.name == current;
    c.shown = shown.empty() || std::find(shown.begin(), shown.end(), c.name) != shown.end();
    out.push_back(std::move(c));
  }
  return out;
}

std::vector<std::string> shown_coders(const Project& p) {
  std::vector<std::string> out;
  std::istringstream in(p.setting(shown_key));
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) {
      out.push_back(line);
    }
  }
  return out;
}

void set_shown_coders(Project& p, const std::vector<std::string>& names) {
  auto known = list_coders(p);
  std::string value, said;
  for (const auto& n : names) {
    if (n.empty() || n.find('\n') != std::string::npos) {
      throw InputError("'" + n + "' is not a coder's name");
    }
    if (std::find(known.begin(), known.end(), n) == known.end() && n != p.coder()) {
      throw NotFoundError("no coder named '" + n + "'", Hint::ListCoders);
    }
    value += n + '\n';
    said += (said.empty() ? "" : &n == &names.back() ? " and " : ", ") + n;
  }
  // The undo step says what the user chose ("Show the codings of ana and
  // ben"), not the setting's key.
  detail::Action act(p, names.empty()       ? std::string("Show everyone's codings")
                        : names.size() == 1 ? "Show only " + said + "'s codings"
                                            : "Show the codings of " + said);
  p.set_setting(shown_key, value);
  act.commit();
}

} // namespace quire
