#include "suggestion_marks.h"

#include <algorithm>

namespace quire::gui {

void SuggestionMarks::set(std::vector<SuggestionMark> marks) {
  m_marks = std::move(marks);
  changed.emit();
}

bool SuggestionMarks::remove(Id suggestion) {
  auto it = std::find_if(m_marks.begin(), m_marks.end(),
                         [&](const SuggestionMark& m) { return m.id == suggestion; });
  if (it == m_marks.end()) {
    return false;
  }
  m_marks.erase(it);
  changed.emit();
  return true;
}

void SuggestionMarks::clear() {
  if (!m_marks.empty()) {
    m_marks.clear();
    changed.emit();
  }
}

void SuggestionMarks::set_shown(bool on) {
  if (on != m_shown) {
    m_shown = on;
    changed.emit();
  }
}

std::vector<const SuggestionMark*> SuggestionMarks::in_document(Id document) const {
  std::vector<const SuggestionMark*> out;
  if (!m_shown) {
    return out;
  }
  for (const auto& m : m_marks) {
    if (m.document == document) {
      out.push_back(&m);
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const SuggestionMark* a, const SuggestionMark* b) {
    return a->start != b->start ? a->start < b->start : a->end > b->end;
  });
  return out;
}

} // namespace quire::gui
