#pragma once
// Coding ranges of documents with codes, and retrieving coded segments.
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "quire/base/types.h"

namespace quire {
class Project;

struct CodeResult {
  Id coding_id = 0;                ///< the coding that now covers the range
  std::int64_t start = 0, end = 0; ///< its range after merging
  int merged = 0;                  ///< existing codings merged into it
};

/// Codes [start, end) of a document with a code, as the current coder. A
/// coding of the same code and coder that touches or overlaps is merged.
/// Validates 0 <= start < end <= length. memo, if not empty, is attached.
CodeResult code_range(Project& p, Id document_id, std::int64_t start, std::int64_t end, Id code_id,
                      const std::string& memo = {});

/// Codes [start, end) with the code at code_path, creating that code (and
/// missing parents) first when the codebook has none: one action and one
/// undo step. A failure (a range outside the text, a bad path) leaves no new
/// code behind. Throws InputError, NotFoundError.
CodeResult code_range_creating(Project& p, Id document_id, std::int64_t start, std::int64_t end,
                               const std::string& code_path, const std::string& memo = {});

/// Removes a code from [start, end) for the current coder (all coders if
/// all_coders): codings are trimmed, split or deleted. Returns how many
/// codings were changed. Throws InputError if nothing was coded there.
int uncode_range(Project& p, Id document_id, std::int64_t start, std::int64_t end, Id code_id,
                 bool all_coders = false);

/// Deletes one coding by id.
void delete_coding(Project& p, Id coding_id);

/// Finds the n-th (0-based) occurrence of needle in a document's text;
/// returns its code-point range. Throws NotFoundError.
std::pair<std::int64_t, std::int64_t>
find_in_document(const Project& p, Id document_id, const std::string& needle, int occurrence = 0);

struct CodingFilter {
  std::optional<Id> code_id;
  bool with_subcodes = true;
  std::optional<Id> document_id;
  std::optional<std::string> coder;
  std::vector<std::string> coders; ///< only these coders' codings (empty: every coder's)
  std::optional<Id> case_id;
  int context_chars = 40; ///< characters of context either side
  bool with_text = true;  ///< fill text, before and after (false: faster, for analyses)
};

/// A coded segment as retrieved: the coding with its text and context.
struct CodedSegment {
  Coding coding;
  std::string code_path;
  std::string document_name;
  std::string text;
  std::string before, after; ///< context
  std::optional<Id> case_id;
  std::string case_name;
  std::string speaker;
  std::optional<std::int64_t> start_ms;
  std::string question;
  std::string memo;
};

/// Coded segments matching the filter, by document then position.
std::vector<CodedSegment> list_codings(const Project& p, const CodingFilter& f);
/// The same, one at a time, holding one document's text at most (exports of
/// a million segments stream through this). The visitor may move from the
/// segment it is given.
void each_coding(const Project& p, const CodingFilter& f,
                 const std::function<void(CodedSegment&)>& visit);
/// One coding; throws NotFoundError.
Coding get_coding(const Project& p, Id coding_id);
/// Codings of one document (for views), by start.
std::vector<Coding> document_codings(const Project& p, Id document_id);
/// Total number of codings.
std::int64_t count_codings(const Project& p);
std::vector<std::string> list_coders(const Project& p);

/// Number of codings of each document that has any (for the sources view).
std::map<Id, std::int64_t> coding_counts_by_document(const Project& p);

} // namespace quire
