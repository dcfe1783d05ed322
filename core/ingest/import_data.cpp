#include "quire/ingest/import_data.h"

#include "quire/base/text.h"

namespace quire {

std::pair<std::int64_t, std::int64_t> TextBuilder::append(std::string_view utf8) {
  std::string piece = normalize_text(utf8);
  std::int64_t start = m_length;
  m_length += count_code_points(piece);
  m_text += piece;
  return {start, m_length};
}

void TextBuilder::paragraph_break() {
  if (m_text.empty()) {
    return;
  }
  while (!m_text.empty() && m_text.back() == '\n') {
    m_text.pop_back();
    --m_length;
  }
  m_text += "\n\n";
  m_length += 2;
}

void TextBuilder::line_break() {
  if (m_text.empty()) {
    return;
  }
  m_text += '\n';
  ++m_length;
}

} // namespace quire
