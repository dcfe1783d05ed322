#pragma once
// The exporter registry: each output format is an Exporter chosen by the
// output file's extension (`quire export P OUT.xlsx`). Exporters read the
// project through core's queries and never change it.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "quire/analysis/analysis.h"
#include "quire/base/progress.h"

namespace quire {
class Project;

/// One extra matrix of an export, typed (a front end builds it, or parses
/// a person's words once with parse_matrix_text()).
struct ExportMatrix {
  MatrixSpec spec;   ///< its filter is ExportOptions::filter, as for every table
  std::string title; ///< the words shown above the table ("rows=Barriers cols=attr:Role"), or ""
};

/// What the user asked for beyond the format.
struct ExportOptions {
  std::vector<ExportMatrix> matrices; ///< extra matrices (a sheet each; CSV: the one table)
  std::string theme_attribute;        ///< the Theme table's columns (default: first text attribute)
  std::string table;                  ///< CSV: which table ("segments", "codebook", "frequencies",
                                      ///< "theme", "cooccurrence", "matrix")
  bool bom = false;                   ///< CSV: start with a UTF-8 BOM (for Excel)
  AnalysisFilter filter;              ///< applies to every table
  std::vector<std::string> coders;    ///< Agreement sheet: two coders to compare (optional)
};

/// What an export did, for the user: rows written and anything to notice
/// (cells cut at Excel's limit, sheets continued...).
struct ExportReport {
  std::int64_t rows = 0;
  std::vector<std::string> notes;
};

class Exporter {
public:
  virtual ~Exporter() = default;
  /// Short name: "xlsx", "csv", "html", "qdpx", "qdc".
  virtual std::string format() const = 0;
  /// One line for `quire export --help`.
  virtual std::string description() const = 0;
  /// Lower-case extensions it writes, with the dot: {".xlsx"}.
  virtual std::vector<std::string> extensions() const = 0;
  /// Writes the file. It is written beside the target and renamed into place
  /// when complete, so a failed export never leaves half a file. Throws
  /// InputError / StorageError with a message that names the file.
  virtual ExportReport write(const Project& p, const std::filesystem::path& out,
                             const ExportOptions& o, Progress& progress) const = 0;
};

/// Every registered exporter.
std::vector<const Exporter*> exporters();
/// The exporter for a file name (by extension) or a format name given with
/// --format. Throws InputError listing the formats Quire writes.
const Exporter& pick_exporter(const std::filesystem::path& out, const std::string& format = {});
/// Runs an exporter safely: writes to OUT.part and renames it over OUT only
/// when the exporter succeeded; removes the partial file otherwise. OUT.part
/// is locked while it is written (a second export to OUT at the same time is
/// refused), and one left by a killed export is cleared by the next export
/// to OUT.
ExportReport export_file(const Project& p, const std::filesystem::path& out,
                         const ExportOptions& o = {}, const std::string& format = {},
                         Progress& progress = no_progress());

} // namespace quire
