#pragma once
// What an importer produces: plain data that core stores in one transaction.
// Importers never touch a project; core never parses a file format.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "quire/base/types.h"

namespace quire {

struct ImportedPassage {
  std::int64_t start = 0, end = 0; ///< code points into ImportedDocument::text
  std::string speaker;
  std::optional<std::int64_t> start_ms, end_ms;
  std::string case_name; ///< links the passage to this case (created if new)
  std::string question;  ///< survey question (column header), if any
};

struct ImportedCoding {
  std::string code_path; ///< created if missing, e.g. "Questions/Why join"
  std::int64_t start = 0, end = 0;
};

struct ImportedDocument {
  std::string name;                       ///< wanted name; made unique on import
  DocumentKind kind = DocumentKind::Text; ///< stored as to_string(kind)
  std::string folder;                     ///< grouping (the survey's name)
  std::string original_name;              ///< the file's name
  std::string sha256;                     ///< of the original file's bytes
  std::string text;                       ///< normalised: NFC, '\n' (see TextBuilder)
  std::vector<ImportedPassage> passages;  ///< sorted, inside the text
  std::vector<ImportedCoding> codings;
  std::string case_name;          ///< links the whole document to a case
  std::vector<std::string> memos; ///< notes found in the file (comments, footnotes)
};

struct ImportedCase {
  std::string name;
  std::vector<std::pair<std::string, Value>> attributes; ///< attribute name -> value
};

/// A column of a table (survey, cases file) and what the importer made of it.
struct ImportedColumn {
  std::string name;               ///< the header, made unique ("Q1 (2)", "Column 5")
  std::string role;               ///< "id", "text" (open-ended answers), "attribute" or "skip"
  AttrType type = AttrType::Text; ///< attributes: the type of their values
  std::string why; ///< how the role was decided ("--text-columns", "long, varied text")
  std::int64_t values = 0, distinct = 0; ///< non-missing values and distinct ones among them
  std::string
      question_text; ///< a survey tool's question text (Qualtrics); describes Questions/NAME
};

/// The whole result of reading one file.
struct ImportData {
  std::string source_file;           ///< path as given, for messages
  std::string kind;                  ///< importer that read it ("transcript", "csv", ...)
  std::string sha256;                ///< of the file's bytes
  std::vector<Attribute> attributes; ///< attribute definitions (name, type) in column order
  std::vector<ImportedCase> cases;
  std::vector<ImportedDocument> documents;
  std::vector<std::string> warnings;   ///< shown to the user ("decoded as Windows-1252")
  std::vector<ImportedColumn> columns; ///< tables only: every column and its role
  std::int64_t rows = 0;               ///< tables only: data rows read (respondents)
};

/// Builds normalised text piece by piece and reports code-point positions,
/// so importers can record passage ranges exactly.
class TextBuilder {
public:
  /// Appends a piece (normalised here). Returns [start, end) in code points.
  std::pair<std::int64_t, std::int64_t> append(std::string_view utf8);
  /// Appends "\n\n" between paragraphs unless the text is empty.
  void paragraph_break();
  /// Appends one "\n" unless the text is empty.
  void line_break();
  std::int64_t length() const { return m_length; }
  const std::string& text() const { return m_text; }
  std::string take() { return std::move(m_text); }

private:
  std::string m_text;
  std::int64_t m_length = 0;
};

} // namespace quire
