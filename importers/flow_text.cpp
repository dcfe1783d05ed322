#include "flow_text.h"

#include "quire/base/text.h"
#include "transcript_parse.h"

namespace quire {

namespace {

std::string trim(const std::string& s) {
  auto b = s.find_first_not_of(" \t\n\xC2\xA0");
  if (b == std::string::npos) {
    return {};
  }
  auto e = s.find_last_not_of(" \t\n");
  return s.substr(b, e - b + 1);
}

} // namespace

void FlowText::begin_paragraph() {
  m_para.clear();
  m_bold_lead.clear();
  m_para_has_plain = false;
}

void FlowText::text(std::string_view utf8) {
  if (!m_bold_lead.empty() && !m_para_has_plain) {
    // "Interviewer" in bold then the speech: make the label explicit.
    std::string lead = trim(m_bold_lead);
    if (!lead.empty() && lead.back() != ':' && lead.size() <= 40 &&
        lead.find(':') == std::string::npos) {
      m_para += ":";
    }
    m_bold_lead.clear(); // once: a tab after the name must not add a second colon
  }
  m_para_has_plain = m_para_has_plain || !trim(std::string(utf8)).empty();
  m_para += utf8;
}

void FlowText::bold_text(std::string_view utf8) {
  if (!m_para_has_plain) {
    m_bold_lead += utf8;
    m_para += utf8;
    return;
  }
  m_para += utf8;
}

void FlowText::end_paragraph() {
  std::string p = trim(m_para);
  m_para.clear();
  m_bold_lead.clear();
  m_para_has_plain = false;
  if (m_table_depth > 0) {
    m_cell += (m_cell.empty() || p.empty() ? "" : " ") + p;
    return;
  }
  if (!p.empty()) {
    m_blocks.push_back(p);
  }
}

void FlowText::begin_table() {
  if (m_table_depth++ == 0) {
    m_rows.clear();
    m_row.clear();
    m_cell.clear();
  }
}

void FlowText::end_cell() {
  if (m_table_depth == 1) {
    m_row += (m_row.empty() ? "" : "\t") + m_cell;
    m_cell.clear();
  } else {
    m_cell += " ";
  }
}

void FlowText::end_row() {
  if (m_table_depth == 1) {
    if (!trim(m_row).empty()) {
      m_rows.push_back(m_row);
    }
    m_row.clear();
  }
}

void FlowText::end_table() {
  if (--m_table_depth == 0 && !m_rows.empty()) {
    std::string t;
    for (const auto& r : m_rows) {
      t += (t.empty() ? "" : "\n") + r;
    }
    m_blocks.push_back(t);
    m_rows.clear();
  }
}

ImportedDocument FlowText::finish(const std::string& name) const {
  ImportedDocument d;
  d.name = name;
  TextBuilder tb;
  for (const auto& b : m_blocks) {
    tb.paragraph_break();
    tb.append(b);
  }
  d.text = tb.take();
  if (transcript_share(d.text) >= 0.5) {
    auto turns = transcript_passages(d.text);
    if (turns.size() >= 3) {
      d.kind = DocumentKind::Transcript;
      d.passages = std::move(turns);
      return d;
    }
  }
  d.kind = DocumentKind::Text;
  for (auto [s, e] : paragraph_ranges(d.text)) {
    d.passages.push_back({s, e, {}, {}, {}, {}, {}});
  }
  return d;
}

} // namespace quire
