#pragma once
// A simple word cloud: words in rows, sized by their count (the most
// frequent largest), each clickable. Only draws what it is given.
#include <cstdint>
#include <functional>
#include <vector>

#include <wx/window.h>

namespace quire::gui {

class WordCloud : public wxWindow {
public:
  explicit WordCloud(wxWindow* parent);

  struct Word {
    wxString text;
    std::int64_t count = 0;
  };
  /// The words to draw, most frequent first (at most the first 80 are drawn).
  void set_words(std::vector<Word> words);
  /// The word chosen (highlighted), or -1.
  void set_chosen(int i);
  int chosen() const { return m_chosen; }
  /// Called with the index of a word clicked.
  std::function<void(int)> on_click;

  /// Where word i is drawn (empty when it is not: too many words), for tests.
  wxRect word_rect(std::size_t i);

private:
  void on_paint(wxPaintEvent& e);
  void on_mouse(wxMouseEvent& e);
  void lay_out_if_stale();
  void layout(wxDC& dc);
  /// Lays the words out with the largest at most points; false when they
  /// do not fit the height.
  bool layout(wxDC& dc, int most);

  std::vector<Word> m_words;
  std::vector<wxRect> m_rects;
  std::vector<int> m_sizes;
  int m_chosen = -1;
  wxSize m_laid_for;
};

} // namespace quire::gui
