// Documents and passages, and storing an importer's result in one action.
#include "documents.h"

#include <map>
#include <set>

#include "cases.h"
#include "codebook.h"
#include "error.h"
#include "project_p.h"
#include "bulk_insert_p.h"
#include "safety_copies.h"
#include "store_p.h"
#include "text.h"

namespace quire {

using detail::Db;

namespace {

const char* const doc_cols =
    "id, guid, name, kind, folder, original_name, imported_at, sha256, length, case_id";

Document read_doc(const detail::Stmt& s) {
  Document d;
  d.id = s.i64(0);
  d.guid = s.str(1);
  d.name = s.str(2);
  d.kind = s.str(3);
  d.folder = s.str(4);
  d.original_name = s.str(5);
  d.imported_at = s.str(6);
  d.sha256 = s.str(7);
  d.length = s.i64(8);
  d.case_id = s.opt_i64(9);
  return d;
}

const char* const passage_cols =
    "id, guid, document_id, start, end, speaker, start_ms, end_ms, case_id, question_id";

Passage read_passage(const detail::Stmt& s) {
  Passage p;
  p.id = s.i64(0);
  p.guid = s.str(1);
  p.document_id = s.i64(2);
  p.start = s.i64(3);
  p.end = s.i64(4);
  p.speaker = s.str(5);
  p.start_ms = s.opt_i64(6);
  p.end_ms = s.opt_i64(7);
  p.case_id = s.opt_i64(8);
  p.question_id = s.opt_i64(9);
  return p;
}

/// wanted, or "wanted (2)"... whichever no document has, nor is in `taken`
/// (names given to documents not written yet).
std::string unique_doc_name(Db& db, const std::string& wanted,
                            const std::set<std::string>* taken = nullptr) {
  std::string base = wanted.empty() ? "Untitled" : wanted;
  std::string name = base;
  for (int n = 2;; ++n) {
    auto s = db.prepare("SELECT 1 FROM document WHERE name = ?");
    s.bind(1, name);
    if (!s.step() && !(taken && taken->count(name))) {
      return name;
    }
    name = base + " (" + std::to_string(n) + ")";
  }
}

/// Finds or creates cases, questions and codes by name while storing.
struct Resolver {
  Project& p;
  Db& db;
  std::map<std::string, Id> cases, questions, codes;
  ImportSummary& sum;
  /// New cases, written in bulk (with the ids given here) before anything
  /// that refers to them: see flush().
  detail::BulkInsert new_cases{db, "case_", {"id", "guid", "name"}};
  Id next_case = 0;

  /// The project's cases, read once (a survey names thousands).
  void load_cases() {
    auto s = db.prepare("SELECT id, name FROM case_");
    while (s.step()) {
      cases.emplace(s.str(1), s.i64(0));
    }
    next_case = db.scalar("SELECT coalesce(max(id), 0) FROM case_") + 1;
  }
  bool has_case(const std::string& name) const { return cases.count(name) > 0; }
  Id case_id(const std::string& name) {
    if (auto it = cases.find(name); it != cases.end()) {
      return it->second;
    }
    Id id = next_case++;
    new_cases.row().bind(1, id).bind(2, new_guid()).bind(3, name).run();
    sum.cases_created++;
    cases.emplace(name, id);
    return id;
  }
  Id question_id(const std::string& folder, const std::string& name) {
    std::string key = folder + '\x1f' + name;
    if (auto it = questions.find(key); it != questions.end()) {
      return it->second;
    }
    auto s = db.prepare("SELECT id FROM question WHERE folder = ? AND name = ?");
    s.bind(1, folder).bind(2, name);
    Id id;
    if (s.step()) {
      id = s.i64(0);
    } else {
      db.prepare("INSERT INTO question(guid, name, folder) VALUES (?, ?, ?)")
          .bind(1, new_guid())
          .bind(2, name)
          .bind(3, folder)
          .run();
      id = db.last_insert_id();
    }
    questions.emplace(key, id);
    return id;
  }
  Id code_id(const std::string& path) {
    if (auto it = codes.find(path); it != codes.end()) {
      return it->second;
    }
    Id id = ensure_code(p, path);
    codes.emplace(path, id);
    return id;
  }
};

void check_document(const ImportData& data, const ImportedDocument& d, std::int64_t len) {
  auto where = data.source_file.empty() ? d.name : data.source_file;
  auto check_range = [&](std::int64_t s, std::int64_t e, const char* what) {
    if (s < 0 || s >= e || e > len) {
      throw InputError(where + ": internal importer error: " + what + " [" + std::to_string(s) +
                       ", " + std::to_string(e) + ") outside the text of length " +
                       std::to_string(len) + "; nothing was imported. Please report this file");
    }
  };
  for (const auto& ps : d.passages) {
    check_range(ps.start, ps.end, "passage");
  }
  for (const auto& c : d.codings) {
    check_range(c.start, c.end, "coding");
  }
}

void store_value(Db& db, Id case_id, Id attr_id, const Value& v) {
  if (v.missing) {
    db.prepare("DELETE FROM case_value WHERE case_id = ? AND attribute_id = ?")
        .bind(1, case_id)
        .bind(2, attr_id)
        .run();
    return;
  }
  auto s = db.prepare("INSERT INTO case_value(case_id, attribute_id, value) VALUES (?, ?, ?) "
                      "ON CONFLICT(case_id, attribute_id) DO UPDATE SET value = excluded.value "
                      "WHERE value IS NOT excluded.value");
  s.bind(1, case_id).bind(2, attr_id);
  if (v.type == AttrType::Number) {
    s.bind(3, v.number);
  } else {
    s.bind(3, v.text);
  }
  s.run();
}

} // namespace

namespace detail {
// Shared with cases.cpp.
void store_case_value(Db& db, Id case_id, Id attr_id, const Value& v) {
  store_value(db, case_id, attr_id, v);
}
std::string unique_document_name(Db& db, const std::string& wanted) {
  return unique_doc_name(db, wanted);
}
} // namespace detail

namespace {
/// Imports of more passages than this keep a safety copy first.
constexpr std::size_t bulk_import_passages = 1000;

/// How many passages an import makes: its passages, or a document's
/// paragraphs where the importer gave none.
std::size_t passages_in(const ImportData& data) {
  std::size_t n = 0;
  for (const auto& d : data.documents) {
    if (!d.passages.empty()) {
      n += d.passages.size();
    } else if (!d.text.empty()) {
      n += 1;
      for (std::size_t at = d.text.find("\n\n"); at != std::string::npos;
           at = d.text.find("\n\n", at + 2)) {
        ++n;
      }
    }
  }
  return n;
}
} // namespace

bool was_imported(const Project& p, const std::string& sha256) {
  auto s = detail::db(p).prepare("SELECT 1 FROM import_log WHERE sha256 = ?");
  s.bind(1, sha256);
  return s.step();
}

ImportSummary store_import(Project& p, const ImportData& data, const ImportOptions& opt) {
  ImportSummary sum;
  sum.warnings = data.warnings;
  const std::string file = data.source_file.empty() ? "the file" : data.source_file;
  auto fname = std::filesystem::path(data.source_file).filename().string();
  if (fname.empty() && !data.documents.empty()) {
    fname = data.documents.front().name;
  }

  if (!data.sha256.empty() && was_imported(p, data.sha256) && !opt.again && !opt.replace) {
    throw InputError(file + " was already imported into this project (same content)",
                     Hint::ImportAgainOrReplace);
  }
  const auto action = "Import '" + (fname.empty() ? std::string("data") : fname) + "'";
  if ((opt.replace && !data.sha256.empty() && was_imported(p, data.sha256)) ||
      passages_in(data) > bulk_import_passages) {
    keep_safety_copy(p, action);
  }
  detail::Action act(p, action);
  auto& db = act.db();
  Resolver r{p, db, {}, {}, {}, sum};

  if (opt.replace && !data.sha256.empty()) {
    std::vector<Id> old;
    auto s = db.prepare("SELECT id FROM document WHERE sha256 = ?");
    s.bind(1, data.sha256);
    while (s.step()) {
      old.push_back(s.i64(0));
    }
    for (Id id : old) {
      delete_document(p, id);
    }
    db.prepare("DELETE FROM import_log WHERE sha256 = ?").bind(1, data.sha256).run();
  }

  r.load_cases();

  struct AttrRef {
    Id id;
    AttrType type;
  };
  std::map<std::string, AttrRef> attr_ids;
  detail::AttributeMaker make_attribute(db);
  auto attr_ref = [&](const std::string& name, AttrType type) {
    auto it = attr_ids.find(name);
    if (it == attr_ids.end()) {
      AttrType existing = type;
      Id id = make_attribute.ensure(name, type, &existing);
      it = attr_ids.emplace(name, AttrRef{id, existing}).first;
    }
    return it->second;
  };
  for (const auto& a : data.attributes) {
    attr_ref(a.name, a.type);
  }
  int mistyped = 0;
  std::string first_mistyped;
  // Each case's final values (the last given wins), written by one
  // statement (bulk_insert_p.h); a missing value clears one only where the
  // case was in the project before.
  std::map<std::pair<Id, Id>, Value> values;
  std::set<Id> existing_cases;
  for (const auto& c : data.cases) {
    bool existed = r.has_case(c.name);
    Id cid = r.case_id(c.name);
    if (existed) {
      sum.cases_updated++;
      existing_cases.insert(cid);
    }
    for (const auto& [name, v] : c.attributes) {
      auto ref = attr_ref(name, v.type);
      Value val = v;
      if (!v.missing && v.type != ref.type) {
        // The project's type wins: "7" for a number attribute is the number 7.
        try {
          val = parse_value(v.display(), ref.type);
        } catch (const InputError&) {
          if (mistyped++ == 0) {
            first_mistyped = "'" + v.display() + "' for " + c.name;
          }
          continue; // keep the value the project has
        }
      }
      values[{cid, ref.id}] = std::move(val);
    }
  }
  r.new_cases.flush(); // before their values
  {
    detail::BulkInsert set(db, "case_value", {"case_id", "attribute_id", "value"},
                           "ON CONFLICT(case_id, attribute_id) DO UPDATE SET value = "
                           "excluded.value WHERE value IS NOT excluded.value");
    for (const auto& [key, v] : values) {
      if (v.missing) {
        if (existing_cases.count(key.first)) {
          store_value(db, key.first, key.second, v);
        }
        continue;
      }
      auto row = set.row();
      row.bind(1, key.first).bind(2, key.second);
      if (v.type == AttrType::Number) {
        row.bind(3, v.number);
      } else {
        row.bind(3, v.text);
      }
      row.run();
    }
    set.flush();
  }
  if (mistyped > 0) {
    sum.warnings.push_back(std::to_string(mistyped) +
                           " value(s) did not fit the type their "
                           "attribute has in this project (first: " +
                           first_mistyped + "); those values were left as they were");
  }

  int kept = 0;
  // Respondents with a document per survey (folder), read once per folder:
  // a query per document would scan the documents each time (no index on folder).
  std::map<std::string, std::set<std::string>> present;
  auto already_there = [&](const std::string& folder, const std::string& case_name) {
    auto it = present.find(folder);
    if (it == present.end()) {
      it = present.emplace(folder, std::set<std::string>()).first;
      auto s = db.prepare("SELECT c.name FROM document d JOIN case_ c ON c.id = d.case_id "
                          "WHERE d.folder = ?");
      s.bind(1, folder);
      while (s.step()) {
        it->second.insert(s.str(0));
      }
    }
    return it->second.count(case_name) > 0;
  };
  // Documents, their texts, passages and codings are written in bulk
  // (bulk_insert_p.h): a survey brings a document per respondent and a
  // passage and a coding per answer. Documents get their ids here, so what
  // refers to them can be gathered before they are written.
  detail::BulkInsert documents(db, "document",
                               {"id", "guid", "name", "kind", "folder", "original_name",
                                "imported_at", "sha256", "length", "case_id"});
  detail::BulkInsert texts(db, "document_text", {"document_id", "text"});
  Id next_doc = db.scalar("SELECT coalesce(max(id), 0) FROM document") + 1;
  std::set<std::string> doc_names; // given in this import, not written yet
  detail::BulkInsert passages(db, "passage",
                              {"guid", "document_id", "start", "end", "speaker", "start_ms",
                               "end_ms", "case_id", "question_id"});
  detail::BulkInsert codings(
      db, "coding", {"guid", "document_id", "code_id", "start", "end", "coder_id", "created_at"});
  // In the order they refer to each other (foreign keys are checked per statement).
  auto write_gathered = [&] {
    r.new_cases.flush();
    documents.flush();
    texts.flush();
    passages.flush();
    codings.flush();
  };
  const std::string imported_at = now_iso();
  for (const auto& d : data.documents) {
    if (!d.folder.empty() && !d.case_name.empty() && already_there(d.folder, d.case_name)) {
      // A respondent already imported from this survey: keep their answers.
      kept++;
      continue;
    }
    if (!is_normalized_text(d.text)) {
      throw InputError(file + ": internal importer error: text of '" + d.name +
                       "' is not normalised; nothing was imported. Please report this file");
    }
    std::int64_t len = count_code_points(d.text);
    check_document(data, d, len);
    std::optional<Id> doc_case;
    if (!d.case_name.empty()) {
      doc_case = r.case_id(d.case_name);
    }
    const Id doc_id = next_doc++;
    const auto doc_name = *doc_names.insert(unique_doc_name(db, d.name, &doc_names)).first;
    documents.row()
        .bind(1, doc_id)
        .bind(2, new_guid())
        .bind(3, doc_name)
        .bind(4, d.kind.empty() ? std::string("text") : d.kind)
        .bind(5, d.folder)
        .bind(6, d.original_name.empty() ? fname : d.original_name)
        .bind(7, imported_at)
        .bind(8, d.sha256.empty() ? data.sha256 : d.sha256)
        .bind(9, len)
        .bind(10, doc_case)
        .run();
    texts.row().bind(1, doc_id).bind(2, d.text).run();
    sum.documents.push_back(doc_id);

    std::optional<Id> coder; // made on the first coding: an import without codings adds no coder
    auto add_coding = [&](Id code, std::int64_t s0, std::int64_t s1) {
      if (!coder) {
        coder = detail::coder_id(db, p.coder());
      }
      codings.row()
          .bind(1, new_guid())
          .bind(2, doc_id)
          .bind(3, code)
          .bind(4, s0)
          .bind(5, s1)
          .bind(6, *coder)
          .bind(7, imported_at)
          .run();
      sum.codings++;
    };
    for (const auto& ps : d.passages) {
      std::optional<Id> pcase;
      if (!ps.case_name.empty()) {
        pcase = r.case_id(ps.case_name);
      } else if (opt.speaker_cases && !ps.speaker.empty()) {
        pcase = r.case_id(ps.speaker);
      } else {
        pcase = doc_case;
      }
      std::optional<Id> q;
      if (!ps.question.empty()) {
        q = r.question_id(d.folder, ps.question);
      }
      passages.row()
          .bind(1, new_guid())
          .bind(2, doc_id)
          .bind(3, ps.start)
          .bind(4, ps.end)
          .bind(5, ps.speaker)
          .bind(6, ps.start_ms)
          .bind(7, ps.end_ms)
          .bind(8, pcase)
          .bind(9, q)
          .run();
      sum.passages++;
      if (opt.code_speakers && !ps.speaker.empty()) {
        add_coding(r.code_id(join_code_path({"Speakers", ps.speaker})), ps.start, ps.end);
      }
    }
    for (const auto& c : d.codings) {
      add_coding(r.code_id(c.code_path), c.start, c.end);
    }
    for (const auto& m : d.memos) {
      db.prepare("INSERT INTO memo(guid, target, target_id, text, author, created_at, updated_at) "
                 "VALUES (?, 'document', ?, ?, ?, ?, ?)")
          .bind(1, new_guid())
          .bind(2, doc_id)
          .bind(3, normalize_text(m))
          .bind(4, p.coder())
          .bind(5, imported_at)
          .bind(6, imported_at)
          .run();
    }
    if (passages.pending() + codings.pending() >= 20000) { // bounds the memory gathered
      write_gathered();
    }
  }
  write_gathered();
  // The question a survey tool wrote over a column (Qualtrics) describes
  // that question's code, where a researcher looks for it. A description
  // already there (the researcher's own, or an earlier import's) is kept.
  for (const auto& col : data.columns) {
    if (col.role == "text" && !col.question_text.empty()) {
      db.prepare("UPDATE code SET description = ? WHERE name = ? AND description = '' AND "
                 "parent_id = (SELECT id FROM code WHERE parent_id IS NULL AND name = 'Questions')")
          .bind(1, normalize_text(col.question_text))
          .bind(2, col.name)
          .run();
    }
  }
  if (kept > 0) {
    sum.warnings.push_back(std::to_string(kept) +
                           " respondent(s) were already in the project: "
                           "their answers were kept as they are, their attributes updated");
  }
  if (opt.code_speakers) {
    // Speaker auto-codes of one speaker that touch (consecutive turns) stay separate codings;
    // that is what "who said what" retrieval expects.
  }
  db.prepare("INSERT INTO import_log(sha256, original_name, kind, imported_at) VALUES (?, ?, ?, ?)")
      .bind(1, data.sha256)
      .bind(2, fname)
      .bind(3, data.kind)
      .bind(4, imported_at)
      .run();
  auto count = [](std::size_t n, const std::string& what) {
    return std::to_string(n) + " " + what + (n == 1 ? "" : "s");
  };
  // A cases file brings cases, not documents: name the step for what it did.
  act.rename("Import '" + fname + "' (" +
             (sum.documents.empty() && !data.cases.empty()
                  ? count(data.cases.size(), "case")
                  : count(sum.documents.size(), "document")) +
             ")");
  act.commit();
  return sum;
}

Id add_text_document(Project& p, const std::string& name, const std::string& text,
                     const std::string& kind) {
  ImportData data;
  data.kind = kind;
  ImportedDocument d;
  d.name = name;
  d.kind = kind;
  d.text = normalize_text(text);
  d.sha256 = sha256_hex(text);
  for (auto [s, e] : paragraph_ranges(d.text)) {
    d.passages.push_back({s, e, {}, {}, {}, {}, {}});
  }
  data.documents.push_back(std::move(d));
  ImportOptions opt;
  opt.again = true;
  return store_import(p, data, opt).documents.at(0);
}

std::vector<Document> list_documents(const Project& p) {
  std::vector<Document> out;
  auto s = detail::db(p).prepare(std::string("SELECT ") + doc_cols +
                                 " FROM document ORDER BY folder, name");
  while (s.step()) {
    out.push_back(read_doc(s));
  }
  return out;
}

Document get_document(const Project& p, Id id) {
  auto s = detail::db(p).prepare(std::string("SELECT ") + doc_cols + " FROM document WHERE id = ?");
  s.bind(1, id);
  if (!s.step()) {
    throw NotFoundError("no document with id " + std::to_string(id));
  }
  return read_doc(s);
}

Document find_document(const Project& p, const std::string& name) {
  auto& db = detail::db(p);
  {
    auto s = db.prepare(std::string("SELECT ") + doc_cols + " FROM document WHERE name = ?");
    s.bind(1, name);
    if (s.step()) {
      return read_doc(s);
    }
  }
  std::vector<Document> hits;
  auto s = db.prepare(std::string("SELECT ") + doc_cols +
                      " FROM document WHERE lower(name) = lower(?) OR "
                      "lower(substr(name, 1, length(?))) = lower(?) ORDER BY name LIMIT 5");
  s.bind(1, name).bind(2, name).bind(3, name);
  while (s.step()) {
    hits.push_back(read_doc(s));
  }
  if (hits.size() == 1) {
    return hits[0];
  }
  if (hits.empty()) {
    throw NotFoundError("no document named '" + name + "'", Hint::ListDocuments);
  }
  std::string names;
  for (auto& h : hits) {
    names += (names.empty() ? "" : ", ") + h.name;
  }
  throw NotFoundError("'" + name + "' matches several documents: " + names +
                      "; give the full name");
}

std::string document_text(const Project& p, Id id) {
  auto s = detail::db(p).prepare("SELECT text FROM document_text WHERE document_id = ?");
  s.bind(1, id);
  if (!s.step()) {
    throw NotFoundError("no document with id " + std::to_string(id));
  }
  return s.str(0);
}

std::string document_text(const Project& p, Id id, std::int64_t start, std::int64_t end) {
  // SQLite's substr counts characters (code points) of UTF-8 text, as Quire's
  // offsets do: the part is cut in SQLite, without copying the whole text.
  auto s =
      detail::db(p).prepare("SELECT substr(text, ?, ?) FROM document_text WHERE document_id = ?");
  s.bind(1, start + 1).bind(2, std::max<std::int64_t>(0, end - start)).bind(3, id);
  if (!s.step()) {
    throw NotFoundError("no document with id " + std::to_string(id));
  }
  return s.str(0);
}

std::vector<Passage> list_passages(const Project& p, Id document_id) {
  std::vector<Passage> out;
  auto s = detail::db(p).prepare(std::string("SELECT ") + passage_cols +
                                 " FROM passage WHERE document_id = ? ORDER BY start, id");
  s.bind(1, document_id);
  while (s.step()) {
    out.push_back(read_passage(s));
  }
  return out;
}

Passage get_passage(const Project& p, Id passage_id) {
  auto s =
      detail::db(p).prepare(std::string("SELECT ") + passage_cols + " FROM passage WHERE id = ?");
  s.bind(1, passage_id);
  if (!s.step()) {
    throw NotFoundError("no passage with id " + std::to_string(passage_id));
  }
  return read_passage(s);
}

std::vector<Question> list_questions(const Project& p) {
  std::vector<Question> out;
  auto s = detail::db(p).prepare("SELECT id, guid, name, folder FROM question ORDER BY folder, id");
  while (s.step()) {
    out.push_back({s.i64(0), s.str(1), s.str(2), s.str(3)});
  }
  return out;
}

std::int64_t count_passages(const Project& p) {
  return detail::db(p).scalar("SELECT count(*) FROM passage");
}

void rename_document(Project& p, Id id, const std::string& new_name) {
  auto d = get_document(p, id);
  if (new_name.empty()) {
    throw InputError("a document needs a name");
  }
  detail::Action act(p, "Rename document '" + d.name + "' to '" + new_name + "'");
  auto s = act.db().prepare("SELECT 1 FROM document WHERE name = ? AND id != ?");
  s.bind(1, new_name).bind(2, id);
  if (s.step()) {
    throw InputError("a document named '" + new_name + "' already exists");
  }
  act.db().prepare("UPDATE document SET name = ? WHERE id = ?").bind(1, new_name).bind(2, id).run();
  act.commit();
}

void delete_document(Project& p, Id id) {
  auto d = get_document(p, id);
  const auto name = "Delete document '" + d.name + "'";
  keep_safety_copy(p, name);
  detail::Action act(p, name);
  auto& db = act.db();
  db.prepare("DELETE FROM memo WHERE target = 'coding' AND target_id IN "
             "(SELECT id FROM coding WHERE document_id = ?)")
      .bind(1, id)
      .run();
  db.prepare("DELETE FROM memo WHERE target = 'document' AND target_id = ?").bind(1, id).run();
  db.prepare("DELETE FROM coding WHERE document_id = ?").bind(1, id).run();
  db.prepare("DELETE FROM passage WHERE document_id = ?").bind(1, id).run();
  db.prepare("DELETE FROM document_text WHERE document_id = ?").bind(1, id).run();
  db.prepare("DELETE FROM document WHERE id = ?").bind(1, id).run();
  act.commit();
}

} // namespace quire
