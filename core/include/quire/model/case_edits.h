#pragma once
// Editing cases and attributes beyond adding and setting (cases.h): merging
// cases; renaming, retyping and deleting attributes; typing a value into a
// case's attribute as a person types it; and making cases of documents and
// speakers. Each call is one action (one undo step); a refused call changes
// nothing.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "quire/base/types.h"

namespace quire {
class Project;

/// Moves everything of case `from` to case `into` (documents, passages, the
/// case's memos, and each attribute value `into` lacks; where both have a
/// value, `into`'s stays), then deletes `from`. InputError when they are the
/// same case.
void merge_cases(Project& p, Id from, Id into);

/// The attribute with this id; NotFoundError when there is none.
Attribute get_attribute(const Project& p, Id id);
/// Renames an attribute; InputError for an empty name or one another attribute has.
void rename_attribute(Project& p, Id attribute, const std::string& new_name);
/// Changes an attribute's type, converting every case's value (as parse_value
/// reads its text). InputError naming the first case whose value does not
/// convert, and nothing changes.
void retype_attribute(Project& p, Id attribute, AttrType type);
/// Deletes an attribute with every case's value of it.
void delete_attribute(Project& p, Id attribute);

/// The value `text` typed into an attribute of its type holds (parse_value);
/// InputError saying what the attribute holds when it does not read as one
/// ("'abc' is not a number: attribute Age holds numbers").
Value typed_value(const Attribute& attribute, const std::string& text);
/// Sets a case's value of an attribute from typed text (typed_value).
void set_typed_value(Project& p, Id case_id, Id attribute, const std::string& text);

/// Links each document to a case of its name (made when there is none).
/// One action; returns the cases, one per document, in order.
std::vector<Id> make_document_cases(Project& p, const std::vector<Id>& documents);
/// Links each speaker's turns (passages with a speaker) in these documents
/// to a case named for the speaker (made when there is none); no documents:
/// every document. One action; returns the speakers' cases by name.
/// InputError when the documents have no speaker turns.
std::map<std::string, Id> make_speaker_cases(Project& p, const std::vector<Id>& documents);
/// Links the passages of a document that overlap [start, end) to a case
/// (nullopt unlinks); returns how many. InputError when none overlap.
std::int64_t link_passages(Project& p, Id document, std::int64_t start, std::int64_t end,
                           std::optional<Id> case_id);

/// How many documents, and passages, each case is linked to (cases with none absent).
struct CaseLinks {
  std::int64_t documents = 0;
  std::int64_t passages = 0;
};
std::map<Id, CaseLinks> case_links(const Project& p);

} // namespace quire
