#pragma once
// Plain value types of the Quire model. Offsets are Unicode code points into
// a document's normalised (NFC, '\n') text, half-open: [start, end).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace quire {

using Id = std::int64_t;

/// What a document is, which decides where it is listed and how it is shown.
/// Stored in the project as its name ("text", "transcript", "survey", "pdf",
/// "html"), so the file format has strings; code compares these values.
enum class DocumentKind { Text, Transcript, Survey, Pdf, Html };

struct Document {
  Id id = 0;
  std::string guid;
  std::string name;          ///< unique in the project
  std::string kind;          ///< as stored: to_string(DocumentKind); document_kind() reads it
  std::string folder;        ///< grouping, e.g. the survey a respondent's answers came from
  std::string original_name; ///< file name it was imported from
  std::string imported_at;   ///< ISO 8601 UTC
  std::string sha256;        ///< of the original file's bytes
  std::int64_t length = 0;   ///< in code points
  std::optional<Id> case_id;
};

struct Passage {
  Id id = 0;
  std::string guid;
  Id document_id = 0;
  std::int64_t start = 0, end = 0;
  std::string speaker;
  std::optional<std::int64_t> start_ms, end_ms;
  std::optional<Id> case_id;
  std::optional<Id> question_id;
};

struct Question {
  Id id = 0;
  std::string guid;
  std::string name;
  std::string folder; ///< the survey it belongs to
};

struct Code {
  Id id = 0;
  std::string guid;
  std::optional<Id> parent_id;
  std::string name;
  std::string path;  ///< "Purpose/Sceptical"; a '/' inside a name is written "\/"
  std::string color; ///< "#rrggbb" or empty
  std::string description;
  int order = 0;
  int level = 0; ///< 0 for top-level codes
};

struct Coding {
  Id id = 0;
  std::string guid;
  Id document_id = 0;
  Id code_id = 0;
  std::int64_t start = 0, end = 0;
  std::string coder;
  std::string created_at;
};

enum class AttrType { Text, Number, Date };

/// A typed attribute value. Missing (no value) is distinct from empty text.
struct Value {
  bool missing = true;
  AttrType type = AttrType::Text;
  std::string text;  ///< Text, or Date as "YYYY-MM-DD"
  double number = 0; ///< Number
  static Value none() { return {}; }
  static Value of_text(std::string s) { return {false, AttrType::Text, std::move(s), 0}; }
  static Value of_number(double d) { return {false, AttrType::Number, {}, d}; }
  static Value of_date(std::string iso) { return {false, AttrType::Date, std::move(iso), 0}; }
  /// The value as a person reads it ("" when missing).
  std::string display() const;
};

struct Attribute {
  Id id = 0;
  std::string guid;
  std::string name;
  AttrType type = AttrType::Text;
};

struct Case {
  Id id = 0;
  std::string guid;
  std::string name;
  std::string description;
};

enum class MemoTarget { Project, Document, Code, Coding, Case };

struct Memo {
  Id id = 0;
  std::string guid;
  MemoTarget target = MemoTarget::Project;
  std::optional<Id> target_id;
  std::string title;
  std::string text;
  std::string author;
  std::string created_at, updated_at;
};

/// The stored name of a kind: "text", "transcript", "survey", "pdf", "html".
std::string to_string(DocumentKind k);
/// The kind a stored name stands for; nullopt for a name Quire does not know.
std::optional<DocumentKind> parse_document_kind(std::string_view name);
/// The kind of a document (Text for an empty or unknown stored name).
DocumentKind document_kind(const Document& d);

std::string to_string(AttrType t);
AttrType attr_type_from_string(const std::string& s); ///< throws InputError
std::string to_string(MemoTarget t);
MemoTarget memo_target_from_string(const std::string& s); ///< throws InputError

} // namespace quire
