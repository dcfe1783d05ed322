// OpenDocument text (.odt): paragraphs, headings, lists, tables; annotations,
// footnotes and endnotes become document memos, out of the text.
#include <algorithm>
#include <cstdlib>

#include "builtin.h"
#include "cell_values.h"
#include "flow_text.h"
#include "quire/base/error.h"
#include "xml_reader.h"
#include "zip_archive.h"

namespace quire {

namespace {

const char* const text_ns = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
const char* const table_ns = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
const char* const office_ns = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";

class ContentHandler : public XmlHandler {
public:
  explicit ContentHandler(FlowText& flow) : m_flow(flow) {}
  std::vector<std::string> memos;
  std::vector<std::string> notes; ///< "Footnote 1: text", in reading order

  void start_element(const std::string& ns, const std::string& name,
                     const std::vector<XmlAttribute>& attrs) override {
    if (ns == office_ns && name == "annotation") {
      m_annotation++;
      memos.emplace_back();
      return;
    }
    if (ns == text_ns && name == "tracked-changes") {
      m_skip++;
      return;
    }
    if (m_skip > 0) {
      return;
    }
    if (ns == text_ns && name == "note") {
      if (m_note++ == 0) {
        m_note_class = attribute(attrs, "note-class");
        m_citation.clear();
        m_note_text.clear();
      }
      return;
    }
    if (m_note > 0) {
      note_start(ns, name, attrs);
      return;
    }
    if (ns == office_ns && name == "text") {
      m_in_body = true;
    } else if (ns == text_ns && (name == "p" || name == "h")) {
      if (m_annotation > 0) {
        if (!memos.back().empty())
          memos.back() += "\n";
      } else if (m_depth++ == 0) {
        m_flow.begin_paragraph();
      } else {
        m_nested.emplace_back(); // a text box or frame inside the paragraph
      }
    } else if (ns == text_ns && name == "s" && m_annotation == 0) {
      auto c = attribute(attrs, "c");
      m_flow.text(std::string(c.empty() ? 1 : std::max(1, std::atoi(c.c_str())), ' '));
    } else if (ns == text_ns && name == "tab" && m_annotation == 0) {
      m_flow.tab();
    } else if (ns == text_ns && name == "line-break" && m_annotation == 0) {
      m_flow.line_break();
    } else if (ns == table_ns && name == "table") {
      m_flow.begin_table();
    }
  }
  void end_element(const std::string& ns, const std::string& name) override {
    if (ns == office_ns && name == "annotation") {
      m_annotation--;
      return;
    }
    if (ns == text_ns && name == "tracked-changes") {
      m_skip--;
      return;
    }
    if (m_skip > 0) {
      return;
    }
    if (ns == text_ns && name == "note") {
      if (--m_note == 0)
        end_note();
      return;
    }
    if (m_note > 0) {
      if (ns == text_ns && name == "note-citation")
        m_in_citation = false;
      return;
    }
    if (m_annotation > 0) {
      return;
    }
    if (ns == text_ns && (name == "p" || name == "h")) {
      if (--m_depth == 0) {
        m_flow.end_paragraph();
        for (auto& box : m_nested) { // the text boxes' paragraphs follow their paragraph
          m_flow.begin_paragraph();
          m_flow.text(box);
          m_flow.end_paragraph();
        }
        m_nested.clear();
      }
    } else if (ns == table_ns && name == "table-cell") {
      m_flow.end_cell();
    } else if (ns == table_ns && name == "table-row") {
      m_flow.end_row();
    } else if (ns == table_ns && name == "table") {
      m_flow.end_table();
    }
  }
  void text(std::string_view t) override {
    if (m_skip > 0 || !m_in_body) {
      return;
    }
    if (m_note > 0) {
      (m_in_citation ? m_citation : m_note_text) += t;
    } else if (m_annotation > 0) {
      memos.back() += t;
    } else if (m_depth > 1 && !m_nested.empty()) {
      m_nested.back() += t;
    } else if (m_depth > 0) {
      m_flow.text(t);
    }
  }

private:
  /// Inside a note: its citation (the number shown) and its body's text.
  void note_start(const std::string& ns, const std::string& name,
                  const std::vector<XmlAttribute>& attrs) {
    if (ns != text_ns)
      return;
    if (name == "note-citation") {
      m_in_citation = true;
      m_citation_label = attribute(attrs, "label"); // a custom mark
    } else if ((name == "p" || name == "h") && !m_note_text.empty()) {
      m_note_text += "\n";
    } else if (name == "s") {
      auto c = attribute(attrs, "c");
      m_note_text += std::string(c.empty() ? 1 : std::clamp(std::atoi(c.c_str()), 1, 1000), ' ');
    } else if (name == "tab") {
      m_note_text += "\t";
    } else if (name == "line-break") {
      m_note_text += "\n";
    }
  }
  void end_note() {
    std::string text(trim(m_note_text));
    if (text.empty())
      return;
    std::string mark(trim(m_citation_label.empty() ? m_citation : m_citation_label));
    notes.push_back((m_note_class == "endnote" ? "Endnote" : "Footnote") +
                    (mark.empty() ? std::string() : " " + mark) + ": " + text);
  }

  FlowText& m_flow;
  int m_skip = 0, m_annotation = 0, m_depth = 0, m_note = 0;
  bool m_in_body = false, m_in_citation = false;
  std::string m_note_class, m_citation, m_citation_label, m_note_text;
  std::vector<std::string> m_nested; ///< paragraphs inside a paragraph (text boxes)
};

class OdtImporter : public Importer {
public:
  std::string kind() const override { return "odt"; }
  std::string description() const override {
    return "OpenDocument text (.odt): paragraphs, headings, lists, tables; transcripts by speaker "
           "labels";
  }
  int sniff(const FileSample& f) const override {
    if (!looks_like_zip(f.head)) {
      return f.extension == ".odt" ? 20 : 0;
    }
    if (f.head.find("application/vnd.oasis.opendocument.text") != std::string_view::npos)
      return 90;
    return f.extension == ".odt" ? 60 : 0;
  }
  ImportData read(const std::filesystem::path& file, std::string_view bytes,
                  const ImportSettings& settings, Progress&) const override {
    const std::string where = file.string();
    if (!looks_like_zip(bytes)) {
      throw InputError(where + ": not an OpenDocument text (it is not a zip archive)");
    }
    ZipLimits limits;
    limits.max_total_bytes = settings.max_unpacked_bytes;
    ZipArchive zip(bytes, where, limits);
    auto content = zip.try_read("content.xml");
    if (!content) {
      throw InputError(where + ": has no content.xml; it is not an OpenDocument text");
    }
    FlowText flow;
    ContentHandler h(flow);
    parse_xml(*content, h, where + ": content.xml");
    auto doc = flow.finish(file.stem().string());
    if (doc.text.empty()) {
      throw InputError(where + ": the document has no text");
    }
    for (auto& m : h.memos) {
      if (!m.empty())
        doc.memos.push_back("Comment in the document: " + m);
    }
    for (auto& n : h.notes)
      doc.memos.push_back(std::move(n));
    ImportData data;
    data.kind = kind();
    data.documents.push_back(std::move(doc));
    return data;
  }
};

} // namespace

std::unique_ptr<Importer> make_odt_importer() {
  return std::make_unique<OdtImporter>();
}

} // namespace quire
