// Memos on the project and its objects.
#include "quire/model/memos.h"

#include "quire/base/error.h"
#include "quire/base/text.h"
#include "store/project_p.h"
#include "store/rows_p.h"

namespace quire {

namespace {

const char* const cols = "id, guid, target, target_id, title, text, author, created_at, updated_at";

Memo read_memo(const detail::Stmt& s) {
  Memo m;
  m.id = s.i64(0);
  m.guid = s.str(1);
  m.target = memo_target_from_string(s.str(2));
  m.target_id = s.opt_i64(3);
  m.title = s.str(4);
  m.text = s.str(5);
  m.author = s.str(6);
  m.created_at = s.str(7);
  m.updated_at = s.str(8);
  return m;
}

void check_target(detail::Db& db, MemoTarget t, std::optional<Id> id) {
  if (t == MemoTarget::Project) {
    return;
  }
  if (!id) {
    throw InputError("a memo on a " + to_string(t) + " needs to say which one");
  }
  const char* table = t == MemoTarget::Document ? "document"
                      : t == MemoTarget::Code   ? "code"
                      : t == MemoTarget::Coding ? "coding"
                                                : "case_";
  auto s = db.prepare(std::string("SELECT 1 FROM ") + table + " WHERE id = ?");
  s.bind(1, *id);
  if (!s.step()) {
    throw NotFoundError("no " + to_string(t) + " with id " + std::to_string(*id));
  }
}

} // namespace

Id add_memo(Project& p, MemoTarget target, std::optional<Id> target_id, const std::string& text,
            const std::string& title) {
  auto& rdb = detail::db(p);
  check_target(rdb, target, target_id);
  if (target == MemoTarget::Project) {
    target_id.reset();
  }
  detail::Action act(p, "Add memo on " + to_string(target) +
                            (target_id ? " " + std::to_string(*target_id) : ""));
  Id id = detail::MemoWriter(act.db()).write({.target = target,
                                              .target_id = target_id,
                                              .title = title,
                                              .text = normalize_text(text),
                                              .author = p.coder(),
                                              .created_at = now_iso(),
                                              .updated_at = now_iso(),
                                              .guid = {}});
  act.commit();
  return id;
}

void edit_memo(Project& p, Id memo_id, const std::string& text) {
  get_memo(p, memo_id);
  detail::Action act(p, "Edit memo " + std::to_string(memo_id));
  act.db()
      .prepare("UPDATE memo SET text = ?, updated_at = ? WHERE id = ?")
      .bind(1, normalize_text(text))
      .bind(2, now_iso())
      .bind(3, memo_id)
      .run();
  act.commit();
}

void delete_memo(Project& p, Id memo_id) {
  get_memo(p, memo_id);
  detail::Action act(p, "Delete memo " + std::to_string(memo_id));
  act.db().prepare("DELETE FROM memo WHERE id = ?").bind(1, memo_id).run();
  act.commit();
}

std::vector<Memo> list_memos(const Project& p, std::optional<MemoTarget> target,
                             std::optional<Id> target_id) {
  std::vector<Memo> out;
  auto s = detail::db(p).prepare(std::string("SELECT ") + cols +
                                 " FROM memo WHERE (?1 IS NULL OR target = ?1) AND (?2 IS NULL OR "
                                 "target_id = ?2) ORDER BY id");
  if (target) {
    s.bind(1, to_string(*target));
  }
  s.bind(2, target_id);
  while (s.step()) {
    out.push_back(read_memo(s));
  }
  return out;
}

Memo get_memo(const Project& p, Id memo_id) {
  auto s = detail::db(p).prepare(std::string("SELECT ") + cols + " FROM memo WHERE id = ?");
  s.bind(1, memo_id);
  if (!s.step()) {
    throw NotFoundError("no memo with id " + std::to_string(memo_id));
  }
  return read_memo(s);
}

} // namespace quire
