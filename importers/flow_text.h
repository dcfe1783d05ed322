#pragma once
// Collects the text of word-processor documents (DOCX, ODT) as paragraphs and
// table rows, then makes the document: a transcript when its lines look like
// one (turns with speakers), else a passage per paragraph.
#include <string>
#include <vector>

#include "quire/ingest/import_data.h"

namespace quire {

class FlowText {
public:
  void begin_paragraph();
  void text(std::string_view utf8);
  /// A bold run at the start of a paragraph may be a speaker label.
  void bold_text(std::string_view utf8);
  void tab() { text("\t"); }
  void line_break() { text("\n"); }
  void end_paragraph();
  /// Tables: each row becomes one line, its cells separated by tabs.
  void begin_table();
  void end_cell();
  void end_row();
  void end_table();
  bool in_table() const { return m_table_depth > 0; }

  /// The document, kind "transcript" when it reads as one, else "text".
  ImportedDocument finish(const std::string& name) const;

private:
  std::vector<std::string> m_blocks; ///< paragraphs, and tables as rows joined by '\n'
  std::string m_para;
  std::string m_bold_lead; ///< bold text at the start of the current paragraph
  bool m_para_has_plain = false;
  int m_table_depth = 0;
  std::string m_row, m_cell;
  std::vector<std::string> m_rows;
};

} // namespace quire
