// Reading a whole project into ProjectData (for export and merge), and the
// GUID helpers exchange shares.
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <map>
#include <set>

#include "quire/base/text.h"
#include "quire/ingest/exchange.h"
#include "quire/model/cases.h"
#include "quire/model/codebook.h"
#include "quire/model/coding.h"
#include "quire/model/documents.h"
#include "quire/model/memos.h"
#include "store/project_p.h"

namespace quire {

std::string normalize_guid(std::string guid) {
  auto b = guid.find_first_not_of(" \t\r\n{");
  auto e = guid.find_last_not_of(" \t\r\n}");
  guid = b == std::string::npos ? std::string() : guid.substr(b, e - b + 1);
  std::transform(guid.begin(), guid.end(), guid.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return guid;
}

std::string derived_guid(const std::string& seed) {
  // Name-based, in the manner of RFC 4122 version 5 but on SHA-256.
  auto h = sha256_hex("quire:" + seed);
  h[12] = '5';
  static const char variant[] = "89ab";
  h[16] = variant[std::stoi(h.substr(16, 1), nullptr, 16) & 3];
  return h.substr(0, 8) + "-" + h.substr(8, 4) + "-" + h.substr(12, 4) + "-" + h.substr(16, 4) +
         "-" + h.substr(20, 12);
}

ProjectData collect_exchange(const Project& p) {
  ProjectData d;
  d.name = p.path().stem().string();
  d.origin = "Quire";
  {
    auto s = detail::db(p).prepare("SELECT created_at FROM project_info WHERE id = 1");
    if (s.step()) {
      d.created_at = s.str(0);
    }
  }
  std::set<std::string> user_names;
  {
    auto s = detail::db(p).prepare("SELECT guid, name FROM coder ORDER BY name");
    while (s.step()) {
      d.users.push_back({s.str(0), s.str(1)});
      user_names.insert(s.str(1));
    }
  }

  std::map<Id, std::string> code_guid, doc_guid, case_guid, coding_guid;
  auto codes = list_codes(p);
  for (const auto& c : codes) {
    code_guid[c.id] = c.guid;
  }
  for (const auto& c : codes) {
    d.codes.push_back({c.guid, c.parent_id ? code_guid[*c.parent_id] : std::string(), c.name,
                       c.color, c.description});
  }

  d.attributes = list_attributes(p);
  auto values = all_case_attributes(p);
  std::map<Id, std::string> case_name;
  for (const auto& c : list_cases(p)) {
    case_guid[c.id] = c.guid;
    case_name[c.id] = c.name;
    ExchangeCase ec{c.guid, c.name, c.description, {}};
    auto it = values.find(c.id);
    for (const auto& a : d.attributes) {
      if (it == values.end()) {
        break;
      }
      if (auto v = it->second.find(a.name); v != it->second.end() && !v->second.missing) {
        ec.values.emplace_back(a.name, v->second);
      }
    }
    d.cases.push_back(std::move(ec));
  }

  std::map<Id, std::string> question_name;
  for (const auto& q : list_questions(p)) {
    question_name[q.id] = q.name;
  }
  for (const auto& doc : list_documents(p)) {
    doc_guid[doc.id] = doc.guid;
    ExchangeSource src;
    src.guid = doc.guid;
    src.name = doc.name;
    src.kind = doc.kind;
    src.folder = doc.folder;
    src.original_name = doc.original_name;
    src.sha256 = doc.sha256;
    src.text = document_text(p, doc.id);
    src.created_at = doc.imported_at;
    if (doc.case_id) {
      src.case_name = case_name[*doc.case_id];
    }
    for (const auto& ps : list_passages(p, doc.id)) {
      ExchangePassage ep{ps.guid, ps.start, ps.end, {}, ps.speaker, ps.start_ms, ps.end_ms, {}};
      if (ps.case_id) {
        ep.case_name = case_name[*ps.case_id];
      }
      if (ps.question_id) {
        ep.question = question_name[*ps.question_id];
      }
      src.passages.push_back(std::move(ep));
    }
    for (const auto& c : document_codings(p, doc.id)) {
      coding_guid[c.id] = c.guid;
      src.codings.push_back({c.guid, code_guid[c.code_id], c.start, c.end, c.coder, c.created_at});
    }
    d.sources.push_back(std::move(src));
  }

  for (const auto& m : list_memos(p)) {
    ExchangeNote n{m.guid, m.target, {}, m.title, m.text, m.author, m.created_at, m.updated_at};
    if (m.target_id) {
      const auto& guids = m.target == MemoTarget::Document ? doc_guid
                          : m.target == MemoTarget::Code   ? code_guid
                          : m.target == MemoTarget::Coding ? coding_guid
                                                           : case_guid;
      auto it = guids.find(*m.target_id);
      if (it == guids.end()) {
        continue; // a memo whose object is gone: nothing to attach it to
      }
      n.target_guid = it->second;
    }
    if (!m.author.empty() && user_names.insert(m.author).second) {
      d.users.push_back({derived_guid("user:" + m.author), m.author});
    }
    d.notes.push_back(std::move(n));
  }
  // Accountability: a coding that came from an accepted code suggestion
  // carries a note saying so (REFI-QDA has no field for it).
  {
    auto s = detail::db(p).prepare(
        "SELECT cs.coding_id, cs.suggestion_id, cs.model_version, s.score, s.decided_by, "
        "s.decided_at FROM coding_suggestion cs LEFT JOIN suggestion s ON s.id = "
        "cs.suggestion_id ORDER BY cs.coding_id");
    while (s.step()) {
      auto it = coding_guid.find(s.i64(0));
      if (it == coding_guid.end()) {
        continue;
      }
      const std::string when = s.is_null(5) || s.view(5).empty() ? now_iso() : s.str(5);
      char score[16];
      std::snprintf(score, sizeof score, "%.2f", s.is_null(3) ? 0.0 : s.f64(3));
      ExchangeNote n{derived_guid("suggested:" + it->second),
                     MemoTarget::Coding,
                     it->second,
                     "Suggested by Quire",
                     "Coded from Quire's code suggestion " + std::to_string(s.i64(1)) +
                         " (model version " + std::to_string(s.i64(2)) + ", score " + score +
                         "), accepted by " + s.str(4) + ".",
                     s.str(4),
                     when,
                     when};
      d.notes.push_back(std::move(n));
    }
  }
  return d;
}

} // namespace quire
