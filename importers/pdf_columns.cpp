// Column detection for PDF pages: words grouped into lines by baseline, each
// line as the x-spans its words cover (gaps narrower than the line's height
// are word spaces), then a gutter is an x-range at least a line-height wide
// that fewer than half the lines cross (titles, page numbers, an abstract
// across both columns), with running text (not table cells) on both sides.
#include "pdf_columns.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace quire::detail {

namespace {

struct Span {
  double x0, x1;
};

struct Line {
  double y0, y1, base;
  std::vector<PdfBox> words;
  std::vector<Span> spans;
  bool crosses = false;
};

std::vector<Line> lines_of(std::vector<PdfBox> words) {
  std::sort(words.begin(), words.end(), [](auto& a, auto& b) { return a.y1 < b.y1; });
  std::vector<Line> lines;
  for (auto& w : words) {
    double h = w.y1 - w.y0;
    if (!lines.empty()) {
      auto& l = lines.back();
      double lh = l.y1 - l.y0;
      if (std::abs(w.y1 - l.base) <= 0.4 * std::min(h, lh)) {
        l.words.push_back(w);
        l.y0 = std::min(l.y0, w.y0);
        l.y1 = std::max(l.y1, w.y1);
        continue;
      }
    }
    lines.push_back({w.y0, w.y1, w.y1, {w}, {}});
  }
  for (auto& l : lines) {
    std::sort(l.words.begin(), l.words.end(), [](auto& a, auto& b) { return a.x0 < b.x0; });
    double gap = l.y1 - l.y0;
    for (auto& w : l.words) {
      if (!l.spans.empty() && w.x0 - l.spans.back().x1 < gap) {
        l.spans.back().x1 = std::max(l.spans.back().x1, w.x1);
      } else {
        l.spans.push_back({w.x0, w.x1});
      }
    }
  }
  return lines;
}

double median(std::vector<double> v) {
  if (v.empty())
    return 0;
  std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2), v.end());
  return v[v.size() / 2];
}

/// Running text fills its column, fifteen characters wide or more: most lines of
/// a side span most of it. Table cells (names, short values) do not.
bool reads_as_text(const std::vector<Line>& lines, bool left, double gl, double gr,
                   double line_height) {
  std::vector<double> widths;
  double lo = std::numeric_limits<double>::max(), hi = std::numeric_limits<double>::lowest();
  for (auto& l : lines) {
    if (l.crosses)
      continue;
    double a = std::numeric_limits<double>::max(), b = std::numeric_limits<double>::lowest();
    for (auto& s : l.spans) {
      if (left ? s.x1 <= gl : s.x0 >= gr) {
        a = std::min(a, s.x0);
        b = std::max(b, s.x1);
      }
    }
    if (a <= b) {
      widths.push_back(b - a);
      lo = std::min(lo, a);
      hi = std::max(hi, b);
    }
  }
  return widths.size() >= 3 && hi - lo >= 8 * line_height && median(widths) >= 0.6 * (hi - lo);
}

/// One split: full-width stretches whole, two-column ones left then right.
std::vector<PdfRegion> split_at_gutter(const std::vector<PdfBox>& words) {
  auto lines = lines_of(words);
  if (lines.size() < 6)
    return {};
  double minx = std::numeric_limits<double>::max(), maxx = std::numeric_limits<double>::lowest();
  std::vector<double> heights;
  for (auto& l : lines) {
    minx = std::min(minx, l.spans.front().x0);
    maxx = std::max(maxx, l.spans.back().x1);
    heights.push_back(l.y1 - l.y0);
  }
  // How many lines cover each point of the text's width.
  auto n = static_cast<std::size_t>(std::ceil(maxx - minx));
  if (n < 2)
    return {};
  std::vector<int> cover(n, 0);
  for (auto& l : lines) {
    for (auto& s : l.spans) {
      auto a = static_cast<std::size_t>(std::max(0.0, std::floor(s.x0 - minx)));
      auto b = std::min(n, static_cast<std::size_t>(std::ceil(s.x1 - minx)));
      for (auto i = a; i < b; ++i)
        cover[i]++;
    }
  }
  // Stretches that fewer than half the lines cross, not at an edge. A
  // stretch's core is where the fewest lines cross it (the ragged ends of
  // the left column's lines fall outside); the gutter is the core crossed by
  // the fewest lines, the widest one among equals.
  const int allowed = static_cast<int>((lines.size() - 1) / 2);
  std::size_t best_a = 0, best_b = 0;
  int best_m = allowed + 1;
  for (std::size_t i = 0; i < n;) {
    if (cover[i] > allowed) {
      ++i;
      continue;
    }
    auto j = i;
    while (j < n && cover[j] <= allowed)
      ++j;
    if (i > 0 && j < n) {
      int m = *std::min_element(cover.begin() + static_cast<std::ptrdiff_t>(i),
                                cover.begin() + static_cast<std::ptrdiff_t>(j));
      std::size_t a = i, b = j;
      while (cover[a] != m)
        ++a;
      while (cover[b - 1] != m)
        --b;
      if (m < best_m || (m == best_m && b - a > best_b - best_a)) {
        best_m = m;
        best_a = a;
        best_b = b;
      }
    }
    i = j;
  }
  double gl = minx + static_cast<double>(best_a), gr = minx + static_cast<double>(best_b);
  const double line_height = median(heights);
  if (gr - gl < line_height)
    return {};
  std::size_t crossing = 0;
  for (auto& l : lines) {
    l.crosses = std::any_of(l.spans.begin(), l.spans.end(),
                            [&](const Span& s) { return s.x0 < gr && s.x1 > gl; });
    crossing += l.crosses ? 1 : 0;
  }
  if (crossing * 2 >= lines.size() || !reads_as_text(lines, true, gl, gr, line_height) ||
      !reads_as_text(lines, false, gl, gr, line_height)) {
    return {};
  }
  // Stretches of lines, top to bottom: full-width ones whole, two-column ones
  // left then right; each stretch reaches halfway to its neighbours.
  const double big = 1e6, mid = (gl + gr) / 2;
  std::vector<PdfRegion> out;
  for (std::size_t i = 0; i < lines.size();) {
    auto j = i;
    double y0 = lines[i].y0, y1 = lines[i].y1;
    while (j < lines.size() && lines[j].crosses == lines[i].crosses) {
      y0 = std::min(y0, lines[j].y0);
      y1 = std::max(y1, lines[j].y1);
      ++j;
    }
    double top = i == 0 ? -big : (lines[i - 1].y1 + y0) / 2;
    double bottom = j == lines.size() ? big : (y1 + lines[j].y0) / 2;
    if (lines[i].crosses) {
      out.push_back({-big, top, big, bottom, false});
    } else {
      out.push_back({-big, top, mid, bottom, true});
      out.push_back({mid, top, big, bottom, true});
    }
    i = j;
  }
  return out;
}

/// The regions of `words` inside `area`, a column split again where it has a
/// gutter of its own (three columns and more), at most `depth` times more.
std::vector<PdfRegion> regions_in(const std::vector<PdfBox>& words, const PdfRegion& area,
                                  int depth) {
  std::vector<PdfBox> inside;
  for (auto& w : words) {
    double x = (w.x0 + w.x1) / 2, y = (w.y0 + w.y1) / 2;
    if (x > area.x0 && x < area.x1 && y > area.y0 && y < area.y1)
      inside.push_back(w);
  }
  auto parts = split_at_gutter(inside);
  if (parts.empty())
    return {area};
  std::vector<PdfRegion> out;
  for (auto& r : parts) {
    PdfRegion clipped{std::max(r.x0, area.x0), std::max(r.y0, area.y0), std::min(r.x1, area.x1),
                      std::min(r.y1, area.y1), r.column};
    if (r.column && depth > 0) {
      auto deeper = regions_in(inside, clipped, depth - 1);
      out.insert(out.end(), deeper.begin(), deeper.end());
    } else {
      out.push_back(clipped);
    }
  }
  return out;
}

} // namespace

std::vector<PdfRegion> column_regions(const std::vector<PdfBox>& words) {
  // Boxes a damaged or odd PDF may give: not numbers, empty, or far off any
  // page (PDF pages are at most 14,400 pt wide) are left out.
  const double far = 20000;
  std::vector<PdfBox> sane;
  for (auto& w : words) {
    bool finite =
        std::isfinite(w.x0) && std::isfinite(w.x1) && std::isfinite(w.y0) && std::isfinite(w.y1);
    if (finite && w.x1 >= w.x0 && w.y1 > w.y0 && std::abs(w.x0) < far && std::abs(w.x1) < far &&
        std::abs(w.y0) < far && std::abs(w.y1) < far) {
      sane.push_back(w);
    }
  }
  const double big = 1e6;
  auto out = regions_in(sane, {-big, -big, big, big, false}, 2);
  if (out.size() == 1 && !out[0].column)
    return {};
  return out;
}

} // namespace quire::detail
