// `quire export P OUT.xlsx`: one workbook a report writer can use as it is.
#include "builtin.h"
#include "export_tables.h"
#include "xlsx_book.h"

namespace quire {
namespace {

class XlsxExporter : public Exporter {
public:
  std::string format() const override { return "xlsx"; }
  std::string description() const override {
    return "Excel workbook: codebook, coded segments, theme table with chart, co-occurrence, "
           "matrices (--matrix), agreement (--agreement A,B)";
  }
  std::vector<std::string> extensions() const override { return {".xlsx"}; }

  ExportReport write(const Project& p, const std::filesystem::path& out, const ExportOptions& o,
                     Progress& progress) const override {
    // Work out every summary table first: a bad --matrix or --agreement
    // fails before any file is written.
    progress.message("Counting");
    auto codebook = codebook_table(p, o);
    auto theme = theme_table(p, o);
    auto cooc = cooccurrence_table(p, o);
    std::vector<ExportTable> extra;
    for (std::size_t i = 0; i < o.matrices.size(); ++i) {
      extra.push_back(matrix_table(p, o.matrices[i], o, "Matrix " + std::to_string(i + 1)));
      extra.back().title = o.matrices[i] + " — " + extra.back().title;
    }
    if (!o.coders.empty()) {
      extra.push_back(agreement_table(p, o));
    }

    XlsxBook book(out);
    book.write_table(codebook);
    progress.message("Writing coded segments");
    segment_rows(
        p, o, [&](const std::vector<ExportColumn>& cols) { book.begin_sheet("Coded segments", cols); },
        [&](const std::vector<ExportCell>& row) { book.add_row(row); }, progress);
    if (!theme.columns.empty()) {
      book.write_table(theme);
      book.add_bar_chart(theme, "Cases per theme");
    } else {
      book.begin_sheet(theme.name, {{"Note", true}});
      book.add_row({ExportCell::of(theme.title)});
    }
    book.write_table(cooc);
    for (const auto& t : extra) {
      book.write_table(t);
    }
    book.close();
    ExportReport r;
    r.rows = book.rows_written();
    r.notes = book.notes();
    return r;
  }
};

} // namespace

std::unique_ptr<Exporter> make_xlsx_exporter() { return std::make_unique<XlsxExporter>(); }

} // namespace quire
