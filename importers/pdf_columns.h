#pragma once
// PDF pages in columns: from the words' boxes, finds a gutter (an x-range
// that most lines leave empty) and says which parts of the page to read in
// which order. Geometry only; the PDF importer asks poppler for the text of
// each part.
#include <vector>

namespace quire::detail {

/// A word's box in page points, y growing downwards.
struct PdfBox {
  double x0, y0, x1, y1;
};

/// A part of the page to read, in page points, y growing downwards.
struct PdfRegion {
  double x0, y0, x1, y1;
  bool column; ///< a column of a two-column stretch (else a full-width line or lines)
};

/// The parts of a page in reading order when it has columns: full-width
/// lines (titles, footers) where they are, and in each two-column stretch the
/// left column before the right one; a column with a gutter of its own is
/// split again (three or four columns). Empty when the page is not in
/// columns (no gutter, too few lines on a side, or sides that look like a
/// table's cells rather than running text). Throws nothing.
std::vector<PdfRegion> column_regions(const std::vector<PdfBox>& words);

} // namespace quire::detail
