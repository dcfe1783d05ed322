// Documents and passages, and storing an importer's result in one action.
#include "quire/model/documents.h"

#include <algorithm>
#include <map>
#include <set>

#include "quire/base/error.h"
#include "quire/base/natural_order.h"
#include "quire/base/text.h"
#include "quire/model/cases.h"
#include "quire/model/codebook.h"
#include "quire/store/safety_copies.h"
#include "store/project_p.h"
#include "store/rows_p.h"
#include "store/store_p.h"

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

} // namespace

namespace detail {
std::string unique_document_name(Db& db, const std::string& wanted) {
  return unique_doc_name(db, wanted);
}
} // namespace detail

// ---------------------------------------------------------------------------
// Storing an importer's result (ImportData). store_import runs these steps in
// order, each a member of ImportStore below:
//   1. plan: refuse a file imported before; keep a safety copy of a big import
//   2. remove_earlier_import: with replace, the earlier copy goes
//   3. store_cases: resolve cases and attributes, set the cases' values
//   4. store_documents: for each document, resolve its cases, questions and
//      codes (resolve), then gather its rows (write): document, text,
//      passages, codings, memos; gathered rows are written in bulk
//   5. describe_questions: a survey tool's question text describes its code
//   6. record: the import log, the undo step's name
// Rows are written through the writers of rows_p.h.

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

/// Step 1: what the import is called, and whether it may go ahead.
struct ImportPlan {
  std::string file;   ///< for messages: the file's path, or "the file"
  std::string fname;  ///< the file's name (else the first document's)
  std::string action; ///< the undo step's name while storing
};

ImportPlan plan_import(Project& p, const ImportData& data, const ImportOptions& opt) {
  ImportPlan plan;
  plan.file = data.source_file.empty() ? "the file" : data.source_file;
  plan.fname = std::filesystem::path(data.source_file).filename().string();
  if (plan.fname.empty() && !data.documents.empty()) {
    plan.fname = data.documents.front().name;
  }
  const bool again = !data.sha256.empty() && was_imported(p, data.sha256);
  if (again && !opt.again && !opt.replace) {
    throw InputError(plan.file + " was already imported into this project (same content)",
                     Hint::ImportAgainOrReplace);
  }
  plan.action = "Import '" + (plan.fname.empty() ? std::string("data") : plan.fname) + "'";
  if ((opt.replace && again) || passages_in(data) > bulk_import_passages) {
    keep_safety_copy(p, plan.action);
  }
  return plan;
}

/// A document's cases, questions and codes, found or made before its rows
/// are written (step 4, resolve).
struct ResolvedDocument {
  std::optional<Id> case_id;
  struct PassageRefs {
    std::optional<Id> case_id, question_id;
    std::optional<Id> speaker_code; ///< code_speakers: the code Speakers/NAME
  };
  std::vector<PassageRefs> passages; ///< one per ImportedDocument::passages
  std::vector<Id> coding_codes;      ///< one per ImportedDocument::codings
};

/// Storing one ImportData inside the import's Action.
class ImportStore {
public:
  ImportStore(Project& p, Db& db, const ImportData& data, const ImportOptions& opt,
              const ImportPlan& plan, ImportSummary& sum)
      : m_p(p), m_db(db), m_data(data), m_opt(opt), m_plan(plan), m_sum(sum),
        m_imported_at(now_iso()) {}

  void remove_earlier_import();
  void store_cases();
  void store_documents();
  void describe_questions();
  void record(detail::Action& act);

private:
  // Resolving names to ids (cases are made in bulk, the others at once).
  void load_cases();
  Id case_id(const std::string& name);
  Id question_id(const std::string& folder, const std::string& name);
  Id code_id(const std::string& path);
  struct AttrRef {
    Id id;
    AttrType type;
  };
  AttrRef attribute(const std::string& name, AttrType type);

  // Step 3.
  void gather_case_values();
  void write_case_values();
  // Step 4.
  bool already_there(const std::string& folder, const std::string& case_name);
  ResolvedDocument resolve(const ImportedDocument& d);
  void write(const ImportedDocument& d, std::int64_t length, const ResolvedDocument& refs);
  void write_gathered();

  Project& m_p;
  Db& m_db;
  const ImportData& m_data;
  const ImportOptions& m_opt;
  const ImportPlan& m_plan;
  ImportSummary& m_sum;
  const std::string m_imported_at;

  std::map<std::string, Id> m_cases, m_questions, m_codes;
  Id m_next_case = 0;
  std::map<std::string, AttrRef> m_attributes;
  detail::AttributeMaker m_make_attribute{m_db};

  // Each case's final values (the last given wins); a missing value clears
  // one only where the case was in the project before.
  std::map<std::pair<Id, Id>, Value> m_values;
  std::set<Id> m_existing_cases;
  int m_mistyped = 0;
  std::string m_first_mistyped;

  // Respondents with a document per survey (folder), read once per folder.
  std::map<std::string, std::set<std::string>> m_present;
  int m_kept = 0;
  Id m_next_doc = 0;
  std::set<std::string> m_doc_names; ///< given in this import, not written yet
  std::optional<Id> m_coder;         ///< made on the first coding

  // Rows gathered and written in bulk (bulk_insert_p.h): a survey brings a
  // document per respondent and a passage and a coding per answer.
  // Documents and cases get their ids here, so what refers to them can be
  // gathered before they are written.
  detail::CaseWriter m_new_cases{m_db};
  detail::DocumentWriter m_documents{m_db};
  detail::PassageWriter m_passages{m_db};
  detail::CodingWriter m_codings{m_db};
  detail::MemoWriter m_memos{m_db};
};

// Resolving names to ids.

/// The project's cases, read once (a survey names thousands).
void ImportStore::load_cases() {
  auto s = m_db.prepare("SELECT id, name FROM case_");
  while (s.step()) {
    m_cases.emplace(s.str(1), s.i64(0));
  }
  m_next_case = m_db.scalar("SELECT coalesce(max(id), 0) FROM case_") + 1;
}

Id ImportStore::case_id(const std::string& name) {
  if (auto it = m_cases.find(name); it != m_cases.end()) {
    return it->second;
  }
  Id id = m_next_case++;
  m_new_cases.gather({.id = id, .name = name, .description = {}, .guid = {}});
  m_sum.cases_created++;
  m_cases.emplace(name, id);
  return id;
}

Id ImportStore::question_id(const std::string& folder, const std::string& name) {
  std::string key = folder + '\x1f' + name;
  if (auto it = m_questions.find(key); it != m_questions.end()) {
    return it->second;
  }
  Id id = detail::ensure_question(m_db, folder, name);
  m_questions.emplace(key, id);
  return id;
}

Id ImportStore::code_id(const std::string& path) {
  if (auto it = m_codes.find(path); it != m_codes.end()) {
    return it->second;
  }
  Id id = ensure_code(m_p, path);
  m_codes.emplace(path, id);
  return id;
}

ImportStore::AttrRef ImportStore::attribute(const std::string& name, AttrType type) {
  auto it = m_attributes.find(name);
  if (it == m_attributes.end()) {
    AttrType existing = type;
    Id id = m_make_attribute.ensure(name, type, &existing);
    it = m_attributes.emplace(name, AttrRef{id, existing}).first;
  }
  return it->second;
}

// Step 2.

void ImportStore::remove_earlier_import() {
  if (!m_opt.replace || m_data.sha256.empty()) {
    return;
  }
  std::vector<Id> old;
  auto s = m_db.prepare("SELECT id FROM document WHERE sha256 = ?");
  s.bind(1, m_data.sha256);
  while (s.step()) {
    old.push_back(s.i64(0));
  }
  for (Id id : old) {
    delete_document(m_p, id);
  }
  m_db.prepare("DELETE FROM import_log WHERE sha256 = ?").bind(1, m_data.sha256).run();
}

// Step 3.

void ImportStore::store_cases() {
  load_cases();
  for (const auto& a : m_data.attributes) {
    attribute(a.name, a.type);
  }
  gather_case_values();
  m_new_cases.flush(); // before their values
  write_case_values();
  if (m_mistyped > 0) {
    m_sum.warnings.push_back(std::to_string(m_mistyped) +
                             " value(s) did not fit the type their "
                             "attribute has in this project (first: " +
                             m_first_mistyped + "); those values were left as they were");
  }
}

void ImportStore::gather_case_values() {
  for (const auto& c : m_data.cases) {
    bool existed = m_cases.count(c.name) > 0;
    Id cid = case_id(c.name);
    if (existed) {
      m_sum.cases_updated++;
      m_existing_cases.insert(cid);
    }
    for (const auto& [name, v] : c.attributes) {
      auto ref = attribute(name, v.type);
      Value val = v;
      if (!v.missing && v.type != ref.type) {
        // The project's type wins: "7" for a number attribute is the number 7.
        try {
          val = parse_value(v.display(), ref.type);
        } catch (const InputError&) {
          if (m_mistyped++ == 0) {
            m_first_mistyped = "'" + v.display() + "' for " + c.name;
          }
          continue; // keep the value the project has
        }
      }
      m_values[{cid, ref.id}] = std::move(val);
    }
  }
}

/// The values set by one statement (bulk_insert_p.h), the cleared ones one by one.
void ImportStore::write_case_values() {
  detail::CaseValueWriter values(m_db);
  for (const auto& [key, v] : m_values) {
    if (!v.missing) {
      values.gather(key.first, key.second, v);
    } else if (m_existing_cases.count(key.first)) {
      values.write(key.first, key.second, v);
    }
  }
  values.flush();
}

// Step 4.

void ImportStore::store_documents() {
  m_next_doc = m_db.scalar("SELECT coalesce(max(id), 0) FROM document") + 1;
  for (const auto& d : m_data.documents) {
    if (!d.folder.empty() && !d.case_name.empty() && already_there(d.folder, d.case_name)) {
      // A respondent already imported from this survey: keep their answers.
      m_kept++;
      continue;
    }
    if (!is_normalized_text(d.text)) {
      throw InputError(m_plan.file + ": internal importer error: text of '" + d.name +
                       "' is not normalised; nothing was imported. Please report this file");
    }
    const std::int64_t len = count_code_points(d.text);
    check_document(m_data, d, len);
    write(d, len, resolve(d));
    if (m_passages.pending() + m_codings.pending() >= 20000) { // bounds the memory gathered
      write_gathered();
    }
  }
  write_gathered();
  if (m_kept > 0) {
    m_sum.warnings.push_back(std::to_string(m_kept) +
                             " respondent(s) were already in the project: "
                             "their answers were kept as they are, their attributes updated");
  }
}

/// Whether the survey (folder) has a document of this respondent already;
/// read once per folder: a query per document would scan the documents each
/// time (no index on folder).
bool ImportStore::already_there(const std::string& folder, const std::string& case_name) {
  auto it = m_present.find(folder);
  if (it == m_present.end()) {
    it = m_present.emplace(folder, std::set<std::string>()).first;
    auto s = m_db.prepare("SELECT c.name FROM document d JOIN case_ c ON c.id = d.case_id "
                          "WHERE d.folder = ?");
    s.bind(1, folder);
    while (s.step()) {
      it->second.insert(s.str(0));
    }
  }
  return it->second.count(case_name) > 0;
}

ResolvedDocument ImportStore::resolve(const ImportedDocument& d) {
  ResolvedDocument r;
  if (!d.case_name.empty()) {
    r.case_id = case_id(d.case_name);
  }
  r.passages.reserve(d.passages.size());
  for (const auto& ps : d.passages) {
    auto& refs = r.passages.emplace_back();
    if (!ps.case_name.empty()) {
      refs.case_id = case_id(ps.case_name);
    } else if (m_opt.speaker_cases && !ps.speaker.empty()) {
      refs.case_id = case_id(ps.speaker);
    } else {
      refs.case_id = r.case_id;
    }
    if (!ps.question.empty()) {
      refs.question_id = question_id(d.folder, ps.question);
    }
    if (m_opt.code_speakers && !ps.speaker.empty()) {
      refs.speaker_code = code_id(join_code_path({"Speakers", ps.speaker}));
    }
  }
  r.coding_codes.reserve(d.codings.size());
  for (const auto& c : d.codings) {
    r.coding_codes.push_back(code_id(c.code_path));
  }
  return r;
}

void ImportStore::write(const ImportedDocument& d, std::int64_t length,
                        const ResolvedDocument& refs) {
  const Id doc = m_next_doc++;
  m_documents.gather(
      {.id = doc,
       .name = *m_doc_names.insert(unique_doc_name(m_db, d.name, &m_doc_names)).first,
       .kind = to_string(d.kind),
       .folder = d.folder,
       .original_name = d.original_name.empty() ? m_plan.fname : d.original_name,
       .imported_at = m_imported_at,
       .sha256 = d.sha256.empty() ? m_data.sha256 : d.sha256,
       .length = length,
       .case_id = refs.case_id,
       .guid = {},
       .text = d.text});
  m_sum.documents.push_back(doc);
  auto add_coding = [&](Id code, std::int64_t start, std::int64_t end) {
    if (!m_coder) { // an import without codings adds no coder
      m_coder = detail::coder_id(m_db, m_p.coder());
    }
    m_codings.gather({.document_id = doc,
                      .code_id = code,
                      .start = start,
                      .end = end,
                      .coder_id = *m_coder,
                      .created_at = m_imported_at,
                      .guid = {}});
    m_sum.codings++;
  };
  for (std::size_t i = 0; i < d.passages.size(); ++i) {
    const auto& ps = d.passages[i];
    m_passages.gather({.document_id = doc,
                       .start = ps.start,
                       .end = ps.end,
                       .speaker = ps.speaker,
                       .start_ms = ps.start_ms,
                       .end_ms = ps.end_ms,
                       .case_id = refs.passages[i].case_id,
                       .question_id = refs.passages[i].question_id,
                       .guid = {}});
    m_sum.passages++;
    // Speaker auto-codes of one speaker that touch (consecutive turns) stay
    // separate codings; that is what "who said what" retrieval expects.
    if (auto code = refs.passages[i].speaker_code) {
      add_coding(*code, ps.start, ps.end);
    }
  }
  for (std::size_t i = 0; i < d.codings.size(); ++i) {
    add_coding(refs.coding_codes[i], d.codings[i].start, d.codings[i].end);
  }
  for (const auto& m : d.memos) {
    m_memos.write({.target = MemoTarget::Document,
                   .target_id = doc,
                   .title = {},
                   .text = normalize_text(m),
                   .author = m_p.coder(),
                   .created_at = m_imported_at,
                   .updated_at = m_imported_at,
                   .guid = {}});
  }
}

/// In the order they refer to each other (foreign keys are checked per statement).
void ImportStore::write_gathered() {
  m_new_cases.flush();
  m_documents.flush();
  m_passages.flush();
  m_codings.flush();
}

// Step 5.

/// The question a survey tool wrote over a column (Qualtrics) describes
/// that question's code, where a researcher looks for it. A description
/// already there (the researcher's own, or an earlier import's) is kept.
void ImportStore::describe_questions() {
  for (const auto& col : m_data.columns) {
    if (col.role == "text" && !col.question_text.empty()) {
      m_db.prepare("UPDATE code SET description = ? WHERE name = ? AND description = '' AND "
                   "parent_id = (SELECT id FROM code WHERE parent_id IS NULL AND name = "
                   "'Questions')")
          .bind(1, normalize_text(col.question_text))
          .bind(2, col.name)
          .run();
    }
  }
}

// Step 6.

void ImportStore::record(detail::Action& act) {
  m_db.prepare(
          "INSERT INTO import_log(sha256, original_name, kind, imported_at) VALUES (?, ?, ?, ?)")
      .bind(1, m_data.sha256)
      .bind(2, m_plan.fname)
      .bind(3, m_data.kind)
      .bind(4, m_imported_at)
      .run();
  auto count = [](std::size_t n, const std::string& what) {
    return std::to_string(n) + " " + what + (n == 1 ? "" : "s");
  };
  // A cases file brings cases, not documents: name the step for what it did.
  act.rename("Import '" + m_plan.fname + "' (" +
             (m_sum.documents.empty() && !m_data.cases.empty()
                  ? count(m_data.cases.size(), "case")
                  : count(m_sum.documents.size(), "document")) +
             ")");
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
  const ImportPlan plan = plan_import(p, data, opt);
  detail::Action act(p, plan.action);
  ImportStore store(p, act.db(), data, opt, plan, sum);
  store.remove_earlier_import();
  store.store_cases();
  store.store_documents();
  store.describe_questions();
  store.record(act);
  act.commit();
  return sum;
}

Id add_text_document(Project& p, const std::string& name, const std::string& text,
                     DocumentKind kind) {
  ImportData data;
  data.kind = to_string(kind);
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
  auto s = detail::db(p).prepare(std::string("SELECT ") + doc_cols + " FROM document");
  while (s.step()) {
    out.push_back(read_doc(s));
  }
  // Natural order (P2 before P10), as the sources pane and `quire docs` show
  // them; one sort, here (names equal in natural order stay in import order).
  std::stable_sort(out.begin(), out.end(), [](const Document& x, const Document& y) {
    if (x.folder != y.folder) {
      return natural_less(x.folder, y.folder);
    }
    return natural_less(x.name, y.name);
  });
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
