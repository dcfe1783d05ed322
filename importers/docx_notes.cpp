#include "docx_notes.h"

#include <map>

#include "cell_values.h"
#include "xml_reader.h"

namespace quire {

namespace {

const char* const w_ns = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

struct Note {
  std::string id, text;
};

/// Each w:footnote (or w:endnote) that is a note, not a separator: its text,
/// paragraphs on their own lines, deleted revisions left out.
class NotesHandler : public XmlHandler {
public:
  explicit NotesHandler(const char* element) : m_element(element) {}
  std::vector<Note> notes;

  void start_element(const std::string& ns, const std::string& name,
                     const std::vector<XmlAttribute>& attrs) override {
    if (ns != w_ns)
      return;
    if (name == m_element) {
      // separator, continuationSeparator, continuationNotice: Word's lines, not notes
      m_in_note = attribute(attrs, "type").empty() || attribute(attrs, "type") == "normal";
      if (m_in_note)
        notes.push_back({attribute(attrs, "id"), {}});
    } else if (!m_in_note) {
      return;
    } else if (name == "t") {
      m_in_text = true;
    } else if (name == "del" || name == "instrText" || name == "delText") {
      m_skip++;
    } else if (name == "p" && !notes.back().text.empty()) {
      notes.back().text += "\n";
    } else if (name == "r") {
      m_in_run = true;
    } else if (name == "tab" && m_in_run) { // not the tab stops of the paragraph's style
      notes.back().text += "\t";
    } else if ((name == "br" || name == "cr") && m_in_run) {
      notes.back().text += "\n";
    }
  }
  void end_element(const std::string& ns, const std::string& name) override {
    if (ns != w_ns)
      return;
    if (name == m_element)
      m_in_note = false;
    else if (name == "t")
      m_in_text = false;
    else if (name == "r")
      m_in_run = false;
    else if (name == "del" || name == "instrText" || name == "delText")
      m_skip--;
  }
  void text(std::string_view t) override {
    if (m_in_note && m_in_text && m_skip == 0)
      notes.back().text += t;
  }

private:
  std::string m_element;
  bool m_in_note = false, m_in_text = false, m_in_run = false;
  int m_skip = 0;
};

/// Each line trimmed (Word starts a note's paragraph with a space after the
/// mark), blank lines dropped.
std::string trim_lines(const std::string& s) {
  std::string out;
  for (std::size_t b = 0; b <= s.size();) {
    auto e = s.find('\n', b);
    if (e == std::string::npos)
      e = s.size();
    if (auto line = trim(std::string_view(s).substr(b, e - b)); !line.empty())
      out.append(out.empty() ? "" : "\n").append(line);
    b = e + 1;
  }
  return out;
}

} // namespace

std::vector<std::string> docx_note_memos(std::string_view xml, const std::vector<DocxNoteRef>& refs,
                                         bool endnotes, const std::string& where) {
  NotesHandler h(endnotes ? "endnote" : "footnote");
  parse_xml(xml, h, where);
  std::map<std::string, std::string> text; // id -> the note's text
  for (auto& n : h.notes) {
    if (auto t = trim_lines(n.text); !t.empty())
      text.emplace(n.id, t);
  }
  const std::string label = endnotes ? "Endnote " : "Footnote ";
  std::vector<std::string> memos;
  int number = 0;
  for (auto& r : refs) {
    auto it = text.find(r.id);
    if (r.deleted) {
      if (it != text.end())
        text.erase(it);
      continue;
    }
    if (r.mark.empty())
      ++number; // Word numbers the notes without a custom mark
    if (it == text.end())
      continue;
    memos.push_back(label + (r.mark.empty() ? std::to_string(number) : std::string(trim(r.mark))) +
                    ": " + it->second);
    text.erase(it);
  }
  for (auto& n : h.notes) { // notes the body does not refer to, in file order
    if (auto it = text.find(n.id); it != text.end()) {
      memos.push_back(label + std::to_string(++number) + ": " + it->second);
      text.erase(it);
    }
  }
  return memos;
}

} // namespace quire
