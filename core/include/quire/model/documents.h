#pragma once
// Documents, their passages, and storing what an importer read.
#include <optional>
#include <string>
#include <vector>

#include "quire/base/types.h"
#include "quire/ingest/import_data.h"

namespace quire {
class Project;

struct ImportOptions {
  bool again = false;         ///< import even if a file with this SHA-256 was imported before
  bool replace = false;       ///< replace the documents of that earlier import
  bool code_speakers = false; ///< auto-code turns under "Speakers/NAME"
  bool speaker_cases = false; ///< make a case per speaker and link turns to it
};

struct ImportSummary {
  std::vector<Id> documents; ///< created (or updated) documents
  int cases_created = 0, cases_updated = 0;
  int passages = 0, codings = 0;
  std::vector<std::string> warnings;
};

/// Stores everything an importer read as one undoable action. Throws
/// InputError (nothing stored) if the data is inconsistent or if the same
/// file (by SHA-256) was imported before and neither again nor replace is set.
/// Surveys: a respondent (case) already present gets its attributes updated
/// and only answers not yet present are added.
ImportSummary store_import(Project& p, const ImportData& data, const ImportOptions& opt = {});

/// Adds one plain-text document (text is normalised here); paragraphs become
/// passages. Returns its id.
Id add_text_document(Project& p, const std::string& name, const std::string& text,
                     DocumentKind kind = DocumentKind::Text);

std::vector<Document> list_documents(const Project& p);
/// By id; throws NotFoundError.
Document get_document(const Project& p, Id id);
/// By exact name, else by a unique case-insensitive prefix; throws NotFoundError.
Document find_document(const Project& p, const std::string& name);
std::string document_text(const Project& p, Id id);
/// The text from code point start to end (as document_text(p, id) sliced
/// there, without reading the whole text).
std::string document_text(const Project& p, Id id, std::int64_t start, std::int64_t end);
std::vector<Passage> list_passages(const Project& p, Id document_id);
/// Passage by id; throws NotFoundError.
Passage get_passage(const Project& p, Id passage_id);
std::vector<Question> list_questions(const Project& p);
/// Number of passages in the project.
std::int64_t count_passages(const Project& p);

void rename_document(Project& p, Id id, const std::string& new_name);
/// Deletes a document with its passages, codings and memos (undoable).
void delete_document(Project& p, Id id);

/// True when a file with this SHA-256 was imported before.
bool was_imported(const Project& p, const std::string& sha256);

} // namespace quire
