// Word documents (.docx): paragraphs, headings, lists, tables, bold speaker
// labels; comments, footnotes and endnotes become document memos; deleted
// revisions and field codes are left out.
#include "builtin.h"
#include "docx_notes.h"
#include "flow_text.h"
#include "quire/base/error.h"
#include "xml_reader.h"
#include "zip_archive.h"

namespace quire {

namespace {

const char* const w_ns = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const char* const mc_ns = "http://schemas.openxmlformats.org/markup-compatibility/2006";

class BodyHandler : public XmlHandler {
public:
  explicit BodyHandler(FlowText& flow) : m_flow(flow) {}
  std::vector<DocxNoteRef> footnotes, endnotes; ///< the note references, in reading order
  void start_element(const std::string& ns, const std::string& name,
                     const std::vector<XmlAttribute>& attrs) override {
    if (ns == mc_ns && name == "Fallback") {
      m_fallback++; // the same text box again, for old Word versions
      return;
    }
    if (m_fallback > 0 || ns != w_ns) {
      return;
    }
    if (name == "footnoteReference" || name == "endnoteReference") {
      auto& refs = name == "footnoteReference" ? footnotes : endnotes;
      refs.push_back({attribute(attrs, "id"), {}, m_skip > 0});
      auto custom = attribute(attrs, "customMarkFollows");
      if (custom == "1" || custom == "true" || custom == "on")
        m_mark = &refs; // the run's text is the mark, not body text
      else
        m_mark = nullptr;
      return;
    }
    if (name == "txbxContent") {
      m_box++;
      return;
    }
    if (m_box > 0) {
      // A text box sits inside a paragraph: keep its paragraphs for after it.
      if (name == "p")
        m_box_paras.emplace_back();
      else if (name == "t")
        m_in_text = true;
      return;
    }
    if (name == "p")
      m_flow.begin_paragraph();
    else if (name == "tbl")
      m_flow.begin_table();
    else if (name == "t")
      m_in_text = true;
    else if (name == "del" || name == "instrText" || name == "delText")
      m_skip++;
    else if (name == "tab" && m_in_run)
      m_flow.tab();
    else if ((name == "br" || name == "cr") && m_in_run)
      m_flow.line_break();
    else if (name == "r") {
      m_in_run = true;
      m_bold = false;
    } else if (name == "b" && m_in_run) {
      auto v = attribute(attrs, "val");
      m_bold = v.empty() || v == "1" || v == "true" || v == "on";
    }
  }
  void end_element(const std::string& ns, const std::string& name) override {
    if (ns == mc_ns && name == "Fallback") {
      m_fallback--;
      return;
    }
    if (m_fallback > 0 || ns != w_ns) {
      return;
    }
    if (name == "txbxContent") {
      m_box--;
      return;
    }
    if (m_box > 0) {
      if (name == "t")
        m_in_text = false;
      return;
    }
    if (name == "p") {
      m_flow.end_paragraph();
      for (auto& box : m_box_paras) {
        m_flow.begin_paragraph();
        m_flow.text(box);
        m_flow.end_paragraph();
      }
      m_box_paras.clear();
    } else if (name == "tc")
      m_flow.end_cell();
    else if (name == "tr")
      m_flow.end_row();
    else if (name == "tbl")
      m_flow.end_table();
    else if (name == "t")
      m_in_text = false;
    else if (name == "del" || name == "instrText" || name == "delText")
      m_skip--;
    else if (name == "r") {
      m_in_run = false;
      m_mark = nullptr;
    }
  }
  void text(std::string_view t) override {
    if (!m_in_text || m_skip > 0 || m_fallback > 0) {
      return;
    }
    if (m_mark) {
      m_mark->back().mark += t;
      return;
    }
    if (m_box > 0) {
      if (!m_box_paras.empty())
        m_box_paras.back() += t;
      return;
    }
    if (m_bold)
      m_flow.bold_text(t);
    else
      m_flow.text(t);
  }

private:
  FlowText& m_flow;
  bool m_in_text = false, m_in_run = false, m_bold = false;
  int m_skip = 0, m_fallback = 0, m_box = 0;
  std::vector<std::string> m_box_paras;       ///< text boxes' paragraphs, put after their paragraph
  std::vector<DocxNoteRef>* m_mark = nullptr; ///< notes whose last one's mark this run holds
};

/// word/comments.xml: each comment's text, paragraphs on their own lines.
class CommentsHandler : public XmlHandler {
public:
  std::vector<std::string> comments;
  void start_element(const std::string& ns, const std::string& name,
                     const std::vector<XmlAttribute>& attrs) override {
    if (ns != w_ns)
      return;
    if (name == "comment") {
      auto author = attribute(attrs, "author");
      comments.push_back(author.empty() ? std::string() : author + ": ");
      m_start = comments.back().size();
    } else if (name == "t") {
      m_in_text = true;
    } else if (name == "p" && !comments.empty() && comments.back().size() > m_start) {
      comments.back() += "\n";
    }
  }
  void end_element(const std::string& ns, const std::string& name) override {
    if (ns == w_ns && name == "t")
      m_in_text = false;
  }
  void text(std::string_view t) override {
    if (m_in_text && !comments.empty())
      comments.back() += t;
  }

private:
  bool m_in_text = false;
  std::size_t m_start = 0;
};

class DocxImporter : public Importer {
public:
  std::string kind() const override { return "docx"; }
  std::string description() const override {
    return "Word document (.docx): paragraphs, headings, lists, tables; transcripts by speaker "
           "labels";
  }
  int sniff(const FileSample& f) const override {
    if (!looks_like_zip(f.head)) {
      return f.extension == ".docx" ? 20 : 0; // ours to refuse with a clear message
    }
    if (f.head.find("word/") != std::string_view::npos)
      return 90;
    return f.extension == ".docx" ? 60 : 0;
  }
  ImportData read(const std::filesystem::path& file, std::string_view bytes,
                  const ImportSettings& settings, Progress&) const override {
    const std::string where = file.string();
    if (!looks_like_zip(bytes)) {
      throw InputError(where + ": not a Word document (it is not a zip archive); if it is an old "
                               ".doc, save it as .docx");
    }
    ZipLimits limits;
    limits.max_total_bytes = settings.max_unpacked_bytes;
    ZipArchive zip(bytes, where, limits);
    auto body = zip.try_read("word/document.xml");
    if (!body) {
      throw InputError(where + ": has no word/document.xml; it is not a Word document");
    }
    FlowText flow;
    BodyHandler h(flow);
    parse_xml(*body, h, where + ": word/document.xml");
    auto doc = flow.finish(file.stem().string());
    if (doc.text.empty()) {
      throw InputError(where + ": the document has no text");
    }
    if (auto comments = zip.try_read("word/comments.xml")) {
      CommentsHandler ch;
      parse_xml(*comments, ch, where + ": word/comments.xml");
      for (auto& c : ch.comments) {
        if (!c.empty())
          doc.memos.push_back("Comment in the Word file: " + c);
      }
    }
    for (bool end : {false, true}) {
      const std::string part = end ? "word/endnotes.xml" : "word/footnotes.xml";
      if (auto notes = zip.try_read(part)) {
        for (auto& m :
             docx_note_memos(*notes, end ? h.endnotes : h.footnotes, end, where + ": " + part))
          doc.memos.push_back(std::move(m));
      }
    }
    ImportData data;
    data.kind = kind();
    data.documents.push_back(std::move(doc));
    return data;
  }
};

} // namespace

std::unique_ptr<Importer> make_docx_importer() {
  return std::make_unique<DocxImporter>();
}

} // namespace quire
