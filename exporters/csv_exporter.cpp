// `quire export P OUT.csv [--table T] [--bom]`: one table as RFC 4180 CSV,
// UTF-8, with a guard against formula injection.
#include <fstream>

#include "builtin.h"
#include "export_tables.h"
#include "quire/base/error.h"

namespace quire {
namespace {

/// One field: cells that a spreadsheet would run as a formula (starting with
/// = + - @ tab or CR, per OWASP) get a leading apostrophe; fields with a
/// comma, quote or line break are quoted. Numbers are left alone.
std::string csv_field(const ExportCell& c) {
  std::string v = c.display();
  if (c.kind == ExportCell::Text && !v.empty() &&
      std::string("=+-@\t\r").find(v.front()) != std::string::npos) {
    v.insert(v.begin(), '\'');
  }
  if (v.find_first_of(",\"\r\n") == std::string::npos) {
    return v;
  }
  std::string q = "\"";
  for (char ch : v) {
    q += ch;
    if (ch == '"') {
      q += '"';
    }
  }
  return q + "\"";
}

class CsvWriter {
public:
  CsvWriter(const std::filesystem::path& file, bool bom)
      : m_file(file), m_out(file, std::ios::binary) {
    if (!m_out) {
      throw StorageError(file.string() + ": cannot create this file (is the folder writable?)");
    }
    if (bom) {
      m_out << "\xEF\xBB\xBF";
    }
  }
  void header(const std::vector<ExportColumn>& cols) {
    std::vector<ExportCell> cells;
    for (const auto& c : cols) {
      cells.push_back(ExportCell::of(c.name));
    }
    row(cells);
    --m_rows;
  }
  void row(const std::vector<ExportCell>& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) {
      m_out << (i ? "," : "") << csv_field(cells[i]);
    }
    m_out << "\r\n";
    ++m_rows;
  }
  std::int64_t close() {
    m_out.close();
    if (!m_out) {
      throw StorageError(
          m_file.string() +
          ": could not write the file. The disk may be full: free some space or choose another "
          "folder, then export again");
    }
    return m_rows;
  }

private:
  std::filesystem::path m_file;
  std::ofstream m_out;
  std::int64_t m_rows = 0;
};

class CsvExporter : public Exporter {
public:
  std::string format() const override { return "csv"; }
  std::string description() const override {
    return "CSV of one table (--table segments|codebook|frequencies|theme|cooccurrence|matrix|"
           "agreement), UTF-8 (--bom for Excel)";
  }
  std::vector<std::string> extensions() const override { return {".csv"}; }

  ExportReport write(const Project& p, const std::filesystem::path& out, const ExportOptions& o,
                     Progress& progress) const override {
    const std::string table = o.table.empty() ? "segments" : o.table;
    ExportTable t;
    if (table == "codebook") {
      t = codebook_table(p, o);
    } else if (table == "frequencies") {
      t = frequency_table(p, o);
    } else if (table == "theme") {
      t = theme_table(p, o);
    } else if (table == "cooccurrence") {
      t = cooccurrence_table(p, o);
    } else if (table == "agreement") {
      t = agreement_table(p, o);
    } else if (table == "matrix") {
      if (o.matrices.size() != 1) {
        throw InputError("a CSV of the matrix table needs exactly one matrix (" +
                             std::to_string(o.matrices.size()) + " given)",
                         Hint::WriteMatrixSpec);
      }
      t = matrix_table(p, o.matrices[0], o, "Matrix");
    } else if (table != "segments") {
      throw InputError("table '" + table +
                           "' is not one of segments, codebook, frequencies, theme, cooccurrence, "
                           "matrix, agreement",
                       Hint::ChooseTable);
    }
    CsvWriter w(out, o.bom);
    if (table == "segments") {
      segment_rows(
          p, o, [&](const std::vector<ExportColumn>& cols) { w.header(cols); },
          [&](const std::vector<ExportCell>& row) { w.row(row); }, progress);
    } else {
      w.header(t.columns);
      for (const auto& r : t.rows) {
        w.row(r);
      }
    }
    ExportReport r;
    r.rows = w.close();
    return r;
  }
};

} // namespace

std::int64_t write_csv_table(const ExportTable& t, const std::filesystem::path& out, bool bom) {
  CsvWriter w(out, bom);
  w.header(t.columns);
  for (const auto& r : t.rows) {
    w.row(r);
  }
  return w.close();
}

std::unique_ptr<Exporter> make_csv_exporter() {
  return std::make_unique<CsvExporter>();
}

} // namespace quire
