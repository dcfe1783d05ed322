#pragma once
// Word footnotes and endnotes (word/footnotes.xml, word/endnotes.xml): kept
// as document memos, out of the coded text, numbered as Word shows them.
#include <string>
#include <string_view>
#include <vector>

namespace quire {

/// A footnote or endnote reference in the body, in reading order.
struct DocxNoteRef {
  std::string id;       ///< w:id, the note it points to
  std::string mark;     ///< a custom mark typed instead of the number ("*"), else ""
  bool deleted = false; ///< inside a deleted revision: the note is left out too
};

/// The notes of one part (`endnotes` says which) as memos "Footnote 1: text",
/// numbered in the order the body refers to them (a custom mark replaces the
/// number); notes the body never refers to follow, numbered on; notes whose
/// reference was deleted (a tracked change) are left out. Separator
/// notes (w:type) are skipped, and so are notes without text. Throws
/// InputError naming `where` for malformed XML.
std::vector<std::string> docx_note_memos(std::string_view xml, const std::vector<DocxNoteRef>& refs,
                                         bool endnotes, const std::string& where);

} // namespace quire
