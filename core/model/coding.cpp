// Coding and uncoding ranges; retrieving coded segments.
#include "quire/model/coding.h"

#include <algorithm>
#include <memory>

#include "model/coding_p.h"
#include "quire/base/error.h"
#include "quire/base/text.h"
#include "quire/model/codebook.h"
#include "quire/model/documents.h"
#include "store/project_p.h"
#include "store/rows_p.h"

namespace quire {

using detail::Db;

namespace detail {

CodeResult merge_touching(Db& db, Id id) {
  CodeResult r;
  r.coding_id = id;
  Id doc = 0, code = 0, coder = 0;
  {
    auto s =
        db.prepare("SELECT document_id, code_id, coder_id, start, end FROM coding WHERE id = ?");
    s.bind(1, id);
    if (!s.step()) {
      throw NotFoundError("no coding with id " + std::to_string(id));
    }
    doc = s.i64(0);
    code = s.i64(1);
    coder = s.i64(2);
    r.start = s.i64(3);
    r.end = s.i64(4);
  }
  for (bool grew = true; grew;) {
    grew = false;
    std::vector<std::tuple<Id, std::int64_t, std::int64_t, std::string>> others;
    {
      // Same coder's codings of a code do not overlap, so the ones touching
      // [start, end] are the last few that start at or before end.
      auto s =
          db.prepare("SELECT id, start, end, created_at, coder_id FROM coding WHERE code_id = ? "
                     "AND document_id = ? AND start <= ? ORDER BY start DESC");
      s.bind(1, code).bind(2, doc).bind(3, r.end);
      int misses = 0;
      while (s.step()) {
        if (s.i64(0) == id || s.i64(4) != coder) {
          continue;
        }
        if (s.i64(2) >= r.start) {
          others.emplace_back(s.i64(0), s.i64(1), s.i64(2), s.str(3));
        } else if (++misses > 8) {
          break;
        }
      }
    }
    for (const auto& [oid, os, oe, created] : others) {
      r.start = std::min(r.start, os);
      r.end = std::max(r.end, oe);
      db.prepare("UPDATE memo SET target_id = ? WHERE target = 'coding' AND target_id = ?")
          .bind(1, id)
          .bind(2, oid)
          .run();
      db.prepare("UPDATE coding SET created_at = min(created_at, ?) WHERE id = ?")
          .bind(1, created)
          .bind(2, id)
          .run();
      db.prepare("DELETE FROM coding WHERE id = ?").bind(1, oid).run();
      r.merged++;
      grew = true;
    }
    if (grew) {
      db.prepare("UPDATE coding SET start = ?, end = ? WHERE id = ?")
          .bind(1, r.start)
          .bind(2, r.end)
          .bind(3, id)
          .run();
    }
  }
  return r;
}

} // namespace detail

namespace {

std::int64_t doc_length(Db& db, Id document_id, std::string* name = nullptr) {
  auto s = db.prepare("SELECT length, name FROM document WHERE id = ?");
  s.bind(1, document_id);
  if (!s.step()) {
    throw NotFoundError("no document with id " + std::to_string(document_id));
  }
  if (name) {
    *name = s.str(1);
  }
  return s.i64(0);
}

void check_range(std::int64_t start, std::int64_t end, std::int64_t len, const std::string& doc) {
  if (start < 0 || end > len || start >= end) {
    throw InputError("range " + std::to_string(start) + ":" + std::to_string(end) +
                     " is not inside document '" + doc + "' (0.." + std::to_string(len) +
                     " characters); start must be less than end");
  }
}

} // namespace

CodeResult code_range(Project& p, Id document_id, std::int64_t start, std::int64_t end, Id code_id,
                      const std::string& memo) {
  auto& rdb = detail::db(p);
  std::string dname;
  auto len = doc_length(rdb, document_id, &dname);
  check_range(start, end, len, dname);
  auto code = get_code(p, code_id);
  std::string coder = p.coder();
  detail::Action act(p, "Code " + std::to_string(start) + ":" + std::to_string(end) + " of '" +
                            dname + "' as " + code.path);
  auto& db = act.db();
  Id coder_id = detail::coder_id(db, coder);
  Id id = detail::CodingWriter(db).write({.document_id = document_id,
                                          .code_id = code_id,
                                          .start = start,
                                          .end = end,
                                          .coder_id = coder_id,
                                          .created_at = now_iso(),
                                          .guid = {}});
  auto r = detail::merge_touching(db, id);
  if (!memo.empty()) {
    detail::MemoWriter(db).write({.target = MemoTarget::Coding,
                                  .target_id = id,
                                  .title = {},
                                  .text = memo,
                                  .author = coder,
                                  .created_at = now_iso(),
                                  .updated_at = now_iso(),
                                  .guid = {}});
  }
  act.commit();
  return r;
}

CodeResult code_range_creating(Project& p, Id document_id, std::int64_t start, std::int64_t end,
                               const std::string& code_path, const std::string& memo) {
  std::string dname;
  auto len = doc_length(detail::db(p), document_id, &dname);
  check_range(start, end, len, dname);
  // One step: "Code" alone would leave an empty new code behind on undo.
  detail::Action act(p, "Code " + std::to_string(start) + ":" + std::to_string(end) + " of '" +
                            dname + "' as " + code_path);
  auto codes_before = act.db().scalar("SELECT count(*) FROM code");
  Id code = ensure_code(p, code_path);
  bool created = act.db().scalar("SELECT count(*) FROM code") > codes_before;
  auto r = code_range(p, document_id, start, end, code, memo);
  act.rename("Code " + std::to_string(start) + ":" + std::to_string(end) + " of '" + dname +
             "' as " + get_code(p, code).path + (created ? " (new code)" : ""));
  act.commit();
  return r;
}

int uncode_range(Project& p, Id document_id, std::int64_t start, std::int64_t end, Id code_id,
                 bool all_coders) {
  auto& rdb = detail::db(p);
  std::string dname;
  auto len = doc_length(rdb, document_id, &dname);
  check_range(start, end, len, dname);
  auto code = get_code(p, code_id);
  std::string coder = p.coder();
  detail::Action act(p, "Uncode " + std::to_string(start) + ":" + std::to_string(end) + " of '" +
                            dname + "' from " + code.path);
  auto& db = act.db();
  struct Row {
    Id id;
    std::int64_t s, e;
    Id coder;
    std::string created;
  };
  std::vector<Row> rows;
  {
    auto s = db.prepare("SELECT c.id, c.start, c.end, c.coder_id, c.created_at FROM coding c JOIN "
                        "coder k ON k.id = c.coder_id WHERE c.code_id = ? AND c.document_id = ? "
                        "AND c.start < ? AND c.end > ? AND (? OR k.name = ?)");
    s.bind(1, code_id)
        .bind(2, document_id)
        .bind(3, end)
        .bind(4, start)
        .bind(5, all_coders ? 1 : 0)
        .bind(6, coder);
    while (s.step()) {
      rows.push_back({s.i64(0), s.i64(1), s.i64(2), s.i64(3), s.str(4)});
    }
  }
  if (rows.empty()) {
    throw InputError("nothing in " + std::to_string(start) + ":" + std::to_string(end) + " of '" +
                     dname + "' is coded " + code.path + (all_coders ? "" : " by " + coder));
  }
  for (const auto& r : rows) {
    if (r.s >= start && r.e <= end) {
      db.prepare("DELETE FROM memo WHERE target = 'coding' AND target_id = ?").bind(1, r.id).run();
      db.prepare("DELETE FROM coding WHERE id = ?").bind(1, r.id).run();
    } else if (r.s < start && r.e > end) {
      db.prepare("UPDATE coding SET end = ? WHERE id = ?").bind(1, start).bind(2, r.id).run();
      // The part after the range: a coding of its own, as old as the one it was part of.
      detail::CodingWriter(db).write({.document_id = document_id,
                                      .code_id = code_id,
                                      .start = end,
                                      .end = r.e,
                                      .coder_id = r.coder,
                                      .created_at = r.created,
                                      .guid = {}});
    } else if (r.s < start) {
      db.prepare("UPDATE coding SET end = ? WHERE id = ?").bind(1, start).bind(2, r.id).run();
    } else {
      db.prepare("UPDATE coding SET start = ? WHERE id = ?").bind(1, end).bind(2, r.id).run();
    }
  }
  act.commit();
  return static_cast<int>(rows.size());
}

void delete_coding(Project& p, Id coding_id) {
  auto c = get_coding(p, coding_id);
  auto code = get_code(p, c.code_id);
  detail::Action act(p, "Remove coding " + std::to_string(coding_id) + " (" + code.path + ")");
  act.db()
      .prepare("DELETE FROM memo WHERE target = 'coding' AND target_id = ?")
      .bind(1, coding_id)
      .run();
  act.db().prepare("DELETE FROM coding WHERE id = ?").bind(1, coding_id).run();
  act.commit();
}

std::pair<std::int64_t, std::int64_t> find_in_document(const Project& p, Id document_id,
                                                       const std::string& needle, int occurrence) {
  if (needle.empty()) {
    throw InputError("the text to find is empty");
  }
  auto text = document_text(p, document_id);
  auto n = normalize_text(needle);
  std::size_t pos = 0;
  for (int i = 0;; ++i) {
    pos = text.find(n, i == 0 ? 0 : pos + 1);
    if (pos == std::string::npos) {
      throw NotFoundError("'" + needle + "' was not found in document '" +
                          get_document(p, document_id).name + "'" +
                          (occurrence > 0 ? " " + std::to_string(occurrence + 1) + " times" : ""));
    }
    if (i == occurrence) {
      break;
    }
  }
  auto start = count_code_points(std::string_view(text).substr(0, pos));
  return {start, start + count_code_points(n)};
}

Coding get_coding(const Project& p, Id coding_id) {
  auto s = detail::db(p).prepare(
      "SELECT c.id, c.guid, c.document_id, c.code_id, c.start, c.end, k.name, c.created_at FROM "
      "coding c JOIN coder k ON k.id = c.coder_id WHERE c.id = ?");
  s.bind(1, coding_id);
  if (!s.step()) {
    throw NotFoundError("no coding with id " + std::to_string(coding_id));
  }
  return {s.i64(0), s.str(1), s.i64(2), s.i64(3), s.i64(4), s.i64(5), s.str(6), s.str(7)};
}

std::vector<Coding> document_codings(const Project& p, Id document_id) {
  std::vector<Coding> out;
  auto s = detail::db(p).prepare(
      "SELECT c.id, c.guid, c.document_id, c.code_id, c.start, c.end, k.name, c.created_at FROM "
      "coding c JOIN coder k ON k.id = c.coder_id WHERE c.document_id = ? ORDER BY c.start, c.id");
  s.bind(1, document_id);
  while (s.step()) {
    out.push_back({s.i64(0), s.str(1), s.i64(2), s.i64(3), s.i64(4), s.i64(5), s.str(6), s.str(7)});
  }
  return out;
}

std::int64_t count_codings(const Project& p) {
  return detail::db(p).scalar("SELECT count(*) FROM coding");
}

std::vector<std::string> list_coders(const Project& p) {
  std::vector<std::string> out;
  auto s = detail::db(p).prepare("SELECT name FROM coder ORDER BY name");
  while (s.step()) {
    out.push_back(s.str(0));
  }
  return out;
}

void each_coding(const Project& p, const CodingFilter& f,
                 const std::function<void(CodedSegment&)>& visit) {
  auto& db = detail::db(p);
  std::string where = "1";
  if (f.code_id) {
    std::vector<Id> ids =
        f.with_subcodes ? code_subtree(p, *f.code_id) : std::vector<Id>{*f.code_id};
    std::string in;
    for (auto id : ids) {
      in += (in.empty() ? "" : ",") + std::to_string(id);
    }
    where += " AND c.code_id IN (" + in + ")";
  }
  if (f.document_id) {
    where += " AND c.document_id = " + std::to_string(*f.document_id);
  }
  if (f.coder) {
    where += " AND c.coder_id IN (SELECT id FROM coder WHERE name = ?1)";
  }
  if (!f.coders.empty()) {
    std::string in;
    for (std::size_t i = 0; i < f.coders.size(); ++i) {
      in += (i ? ", ?" : "?") + std::to_string(101 + i);
    }
    where += " AND c.coder_id IN (SELECT id FROM coder WHERE name IN (" + in + "))";
  }
  auto paths = list_codes(p);
  std::unordered_map<Id, std::string> path_of;
  for (const auto& c : paths) {
    path_of[c.id] = c.path;
  }
  // Memos of codings are rare: ask for them only when there are any.
  const bool memos = db.scalar("SELECT EXISTS(SELECT 1 FROM memo WHERE target = 'coding')") != 0;
  // Coders and documents are looked up once, not joined on every row.
  std::string sql = "SELECT c.id, c.guid, c.document_id, c.code_id, c.start, c.end, c.coder_id, "
                    "c.created_at, " +
                    std::string(memos ? "(SELECT group_concat(m.text, char(10)) FROM memo m WHERE "
                                        "m.target = 'coding' AND m.target_id = c.id) "
                                      : "NULL ") +
                    "FROM coding c WHERE " + where + " ORDER BY c.document_id, c.start, c.id";
  std::unordered_map<Id, std::string> coder_names;
  {
    auto ks = db.prepare("SELECT id, name FROM coder");
    while (ks.step()) {
      coder_names[ks.i64(0)] = ks.str(1);
    }
  }
  auto s = db.prepare(sql);
  if (f.coder) {
    s.bind(1, *f.coder);
  }
  for (std::size_t i = 0; i < f.coders.size(); ++i) {
    s.bind(static_cast<int>(101 + i), f.coders[i]);
  }
  std::unordered_map<Id, std::string> case_names;
  {
    auto cs = db.prepare("SELECT id, name FROM case_");
    while (cs.step()) {
      case_names[cs.i64(0)] = cs.str(1);
    }
  }
  // The passages of the current document, walked alongside its codings
  // (both by start): a coding belongs to the passage its start lies in.
  struct PassageInfo {
    std::int64_t start, end;
    std::string speaker;
    std::optional<std::int64_t> start_ms;
    std::optional<Id> case_id;
    std::string question;
  };
  std::vector<PassageInfo> passages;
  std::size_t at = 0;
  Id passages_of = -1;
  Id cur_doc = -1;
  std::string text;
  std::unique_ptr<CodePointIndex> idx;
  std::string doc_name;
  std::optional<Id> doc_case;
  while (s.step()) {
    CodedSegment seg;
    seg.coding = {s.i64(0), s.str(1), s.i64(2), s.i64(3), s.i64(4), s.i64(5), coder_names[s.i64(6)],
                  s.str(7)};
    if (seg.coding.document_id != passages_of) {
      passages_of = seg.coding.document_id;
      auto ds = db.prepare("SELECT name, case_id FROM document WHERE id = ?");
      ds.bind(1, passages_of);
      doc_name.clear();
      doc_case.reset();
      if (ds.step()) {
        doc_name = ds.str(0);
        doc_case = ds.opt_i64(1);
      }
      passages.clear();
      at = 0;
      // Only passages that tell something (speaker, time, case, question):
      // a plain paragraph adds nothing to a segment, and a document may have
      // thousands of them.
      auto ps = db.prepare("SELECT ps.start, ps.end, ps.speaker, ps.start_ms, ps.case_id, q.name "
                           "FROM passage ps LEFT JOIN question q ON q.id = ps.question_id "
                           "WHERE ps.document_id = ? AND (ps.speaker != '' OR ps.start_ms IS NOT "
                           "NULL OR ps.case_id IS NOT NULL OR ps.question_id IS NOT NULL) "
                           "ORDER BY ps.start");
      ps.bind(1, passages_of);
      while (ps.step()) {
        passages.push_back(
            {ps.i64(0), ps.i64(1), ps.str(2), ps.opt_i64(3), ps.opt_i64(4), ps.str(5)});
      }
    }
    while (at + 1 < passages.size() && passages[at + 1].start <= seg.coding.start) {
      ++at;
    }
    if (at < passages.size() && passages[at].start <= seg.coding.start &&
        passages[at].end > seg.coding.start) {
      const auto& ps = passages[at];
      seg.speaker = ps.speaker;
      seg.start_ms = ps.start_ms;
      seg.case_id = ps.case_id;
      seg.question = ps.question;
    }
    seg.document_name = doc_name;
    if (!seg.case_id) {
      seg.case_id = doc_case;
    }
    if (f.case_id && seg.case_id != f.case_id) {
      continue;
    }
    if (seg.case_id) {
      seg.case_name = case_names[*seg.case_id];
    }
    seg.memo = s.str(8);
    seg.code_path = path_of[seg.coding.code_id];
    if (!f.with_text) {
      visit(seg);
      continue;
    }
    if (seg.coding.document_id != cur_doc) {
      cur_doc = seg.coding.document_id;
      idx.reset();
      text = document_text(p, cur_doc);
      idx = std::make_unique<CodePointIndex>(text);
    }
    seg.text = std::string(idx->slice(seg.coding.start, seg.coding.end));
    auto ctx = std::max(0, f.context_chars);
    seg.before = std::string(
        idx->slice(std::max<std::int64_t>(0, seg.coding.start - ctx), seg.coding.start));
    seg.after = std::string(idx->slice(seg.coding.end, seg.coding.end + ctx));
    visit(seg);
  }
}

std::vector<CodedSegment> list_codings(const Project& p, const CodingFilter& f) {
  std::vector<CodedSegment> out;
  each_coding(p, f, [&](CodedSegment& seg) { out.push_back(std::move(seg)); });
  return out;
}

std::map<Id, std::int64_t> coding_counts_by_document(const Project& p) {
  std::map<Id, std::int64_t> out;
  auto s = detail::db(p).prepare("SELECT document_id, count(*) FROM coding GROUP BY document_id");
  while (s.step()) {
    out.emplace(s.i64(0), s.i64(1));
  }
  return out;
}

} // namespace quire
