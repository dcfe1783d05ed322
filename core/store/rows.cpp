// The one writer of each table's rows (see rows_p.h).
#include "store/rows_p.h"

#include "quire/base/text.h"

namespace quire::detail {

namespace {

std::string guid_or_new(const std::string& guid) {
  return guid.empty() ? new_guid() : guid;
}

} // namespace

TableWriter::TableWriter(Db& db, std::string table, std::vector<std::string> columns,
                         std::string tail)
    : m_db(db), m_table(std::move(table)), m_columns(std::move(columns)), m_tail(std::move(tail)) {
  std::string cols, marks;
  for (const auto& c : m_columns) {
    cols += (cols.empty() ? "" : ", ") + c;
    marks += marks.empty() ? "?" : ", ?";
  }
  m_insert = "INSERT INTO " + m_table + "(" + cols + ") VALUES (" + marks + ")" +
             (m_tail.empty() ? "" : " " + m_tail);
}

Stmt TableWriter::now() {
  return m_db.prepare(m_insert);
}

Stmt TableWriter::later() {
  if (!m_bulk) {
    m_bulk.emplace(m_db, m_table, m_columns, m_tail);
  }
  return m_bulk->row();
}

void TableWriter::flush() {
  if (m_bulk) {
    m_bulk->flush();
  }
}

// coding

namespace {
void bind_coding(Stmt& s, const CodingRow& r) {
  s.bind(1, guid_or_new(r.guid))
      .bind(2, r.document_id)
      .bind(3, r.code_id)
      .bind(4, r.start)
      .bind(5, r.end)
      .bind(6, r.coder_id)
      .bind(7, r.created_at);
}
} // namespace

CodingWriter::CodingWriter(Db& db)
    : m_db(db),
      m_rows(db, "coding",
             {"guid", "document_id", "code_id", "start", "end", "coder_id", "created_at"}) {}

Id CodingWriter::write(const CodingRow& r) {
  auto s = m_rows.now();
  bind_coding(s, r);
  s.run();
  return m_db.last_insert_id();
}

void CodingWriter::gather(const CodingRow& r) {
  auto s = m_rows.later();
  bind_coding(s, r);
  s.run();
}

// memo

MemoWriter::MemoWriter(Db& db)
    : m_db(db), m_rows(db, "memo",
                       {"guid", "target", "target_id", "title", "text", "author", "created_at",
                        "updated_at"}) {}

Id MemoWriter::write(const MemoRow& r) {
  auto s = m_rows.now();
  s.bind(1, guid_or_new(r.guid))
      .bind(2, to_string(r.target))
      .bind(3, r.target_id)
      .bind(4, r.title)
      .bind(5, r.text)
      .bind(6, r.author)
      .bind(7, r.created_at)
      .bind(8, r.updated_at)
      .run();
  return m_db.last_insert_id();
}

// passage

namespace {
void bind_passage(Stmt& s, const PassageRow& r) {
  s.bind(1, guid_or_new(r.guid))
      .bind(2, r.document_id)
      .bind(3, r.start)
      .bind(4, r.end)
      .bind(5, r.speaker)
      .bind(6, r.start_ms)
      .bind(7, r.end_ms)
      .bind(8, r.case_id)
      .bind(9, r.question_id);
}
} // namespace

PassageWriter::PassageWriter(Db& db)
    : m_db(db), m_rows(db, "passage",
                       {"guid", "document_id", "start", "end", "speaker", "start_ms", "end_ms",
                        "case_id", "question_id"}) {}

Id PassageWriter::write(const PassageRow& r) {
  auto s = m_rows.now();
  bind_passage(s, r);
  s.run();
  return m_db.last_insert_id();
}

void PassageWriter::gather(const PassageRow& r) {
  auto s = m_rows.later();
  bind_passage(s, r);
  s.run();
}

// document and document_text

DocumentWriter::DocumentWriter(Db& db)
    : m_db(db), m_documents(db, "document",
                            {"id", "guid", "name", "kind", "folder", "original_name", "imported_at",
                             "sha256", "length", "case_id"}),
      m_texts(db, "document_text", {"document_id", "text"}) {}

void DocumentWriter::bind(Stmt& s, const DocumentRow& r) {
  s.bind(1, r.id)
      .bind(2, guid_or_new(r.guid))
      .bind(3, r.name)
      .bind(4, r.kind.empty() ? std::string("text") : r.kind)
      .bind(5, r.folder)
      .bind(6, r.original_name)
      .bind(7, r.imported_at)
      .bind(8, r.sha256)
      .bind(9, r.length)
      .bind(10, r.case_id);
}

Id DocumentWriter::write(const DocumentRow& r) {
  auto s = m_documents.now();
  bind(s, r);
  s.run();
  const Id id = m_db.last_insert_id();
  m_texts.now().bind(1, id).bind(2, r.text).run();
  return id;
}

void DocumentWriter::gather(const DocumentRow& r) {
  auto s = m_documents.later();
  bind(s, r);
  s.run();
  m_texts.later().bind(1, r.id).bind(2, r.text).run();
}

void DocumentWriter::flush() {
  // A text refers to its document (foreign keys are checked per statement).
  m_documents.flush();
  m_texts.flush();
}

// case_

CaseWriter::CaseWriter(Db& db)
    : m_db(db), m_rows(db, "case_", {"id", "guid", "name", "description"}) {}

Id CaseWriter::write(const CaseRow& r) {
  m_rows.now()
      .bind(1, r.id)
      .bind(2, guid_or_new(r.guid))
      .bind(3, r.name)
      .bind(4, r.description)
      .run();
  return m_db.last_insert_id();
}

void CaseWriter::gather(const CaseRow& r) {
  m_rows.later()
      .bind(1, r.id)
      .bind(2, guid_or_new(r.guid))
      .bind(3, r.name)
      .bind(4, r.description)
      .run();
}

// case_value

namespace {
void bind_value(Stmt& s, Id case_id, Id attribute_id, const Value& v) {
  s.bind(1, case_id).bind(2, attribute_id);
  if (v.type == AttrType::Number) {
    s.bind(3, v.number);
  } else {
    s.bind(3, v.text);
  }
}
} // namespace

CaseValueWriter::CaseValueWriter(Db& db)
    : m_db(db), m_rows(db, "case_value", {"case_id", "attribute_id", "value"},
                       "ON CONFLICT(case_id, attribute_id) DO UPDATE SET value = excluded.value "
                       "WHERE value IS NOT excluded.value") {}

void CaseValueWriter::write(Id case_id, Id attribute_id, const Value& v) {
  if (v.missing) {
    m_db.prepare("DELETE FROM case_value WHERE case_id = ? AND attribute_id = ?")
        .bind(1, case_id)
        .bind(2, attribute_id)
        .run();
    return;
  }
  auto s = m_rows.now();
  bind_value(s, case_id, attribute_id, v);
  s.run();
}

void CaseValueWriter::gather(Id case_id, Id attribute_id, const Value& v) {
  auto s = m_rows.later();
  bind_value(s, case_id, attribute_id, v);
  s.run();
}

// question

Id ensure_question(Db& db, const std::string& folder, const std::string& name) {
  {
    auto s = db.prepare("SELECT id FROM question WHERE folder = ? AND name = ?");
    s.bind(1, folder).bind(2, name);
    if (s.step()) {
      return s.i64(0);
    }
  }
  db.prepare("INSERT INTO question(guid, name, folder) VALUES (?, ?, ?)")
      .bind(1, new_guid())
      .bind(2, name)
      .bind(3, folder)
      .run();
  return db.last_insert_id();
}

// coder

Id insert_coder(Db& db, const std::string& name, const std::string& guid) {
  db.prepare("INSERT INTO coder(guid, name) VALUES (?, ?)")
      .bind(1, guid_or_new(guid))
      .bind(2, name)
      .run();
  return db.last_insert_id();
}

} // namespace quire::detail
