// `quire export P OUT.xlsx`: one workbook a report writer can use as it is.
#include <future>

#include "builtin.h"
#include "export_tables.h"
#include "quire/store/project.h"
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
    // The summary tables are counted on a second connection, on the other
    // core, while this thread streams the coded segments into the workbook.
    // It only reads: opened read-only it never waits for the write lock, and
    // (like every open) it looks at the file only through SQLite, so the
    // locks the first connection holds stay in place.
    auto summaries = std::async(std::launch::async, [path = p.path(), o] {
      auto q = Project::open(path, Project::Access::ReadOnly);
      return summary_tables(q, o);
    });
    XlsxBook book(out);
    const int codebook_sheet = book.begin_sheet("Codebook", codebook_columns());
    progress.message("Writing coded segments");
    segment_rows(
        p, o,
        [&](const std::vector<ExportColumn>& cols) { book.begin_sheet("Coded segments", cols); },
        [&](const std::vector<ExportCell>& row) { book.add_row(row); }, progress);
    progress.message("Writing the tables");
    auto tables = summaries.get();
    book.select_sheet(codebook_sheet);
    for (const auto& row : tables.front().rows) {
      book.add_row(row);
    }
    for (std::size_t i = 1; i < tables.size(); ++i) {
      const auto& t = tables[i];
      if (t.columns.empty()) { // no attributes: say how to get a theme table
        book.begin_sheet(t.name, {{"Note", true}});
        book.add_row({ExportCell::of(t.title)});
        continue;
      }
      book.write_table(t);
      if (t.name == "Theme table") {
        book.add_bar_chart(t, "Cases per theme");
      }
    }
    book.close();
    ExportReport r;
    r.rows = book.rows_written();
    r.notes = book.notes();
    return r;
  }

private:
  /// Codebook, theme table, co-occurrence, the --matrix ones, agreement.
  static std::vector<ExportTable> summary_tables(const Project& p, const ExportOptions& o) {
    std::vector<ExportTable> out{codebook_table(p, o), theme_table(p, o), cooccurrence_table(p, o)};
    for (std::size_t i = 0; i < o.matrices.size(); ++i) {
      out.push_back(matrix_table(p, o.matrices[i], o, "Matrix " + std::to_string(i + 1)));
    }
    if (!o.coders.empty()) {
      out.push_back(agreement_table(p, o));
    }
    return out;
  }
};

} // namespace

std::unique_ptr<Exporter> make_xlsx_exporter() {
  return std::make_unique<XlsxExporter>();
}

} // namespace quire
