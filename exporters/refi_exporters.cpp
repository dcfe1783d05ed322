// REFI-QDA in the exporter registry: .qdpx (the whole project) and .qdc (the
// codebook alone). The writing itself is in refi_export.cpp.
#include "builtin.h"
#include "refi_export.h"

namespace quire {
namespace {

ExportReport report_of(const RefiExportSummary& s, bool whole_project) {
  ExportReport r;
  r.rows = whole_project ? s.codings : s.codes;
  r.notes.push_back(std::to_string(s.codes) + " code(s)");
  if (whole_project) {
    r.notes.push_back(std::to_string(s.sources) + " source(s), " + std::to_string(s.codings) +
                      " coding(s) in " + std::to_string(s.selections) + " selection(s), " +
                      std::to_string(s.cases) + " case(s), " + std::to_string(s.notes) +
                      " note(s), " + std::to_string(s.users) + " user(s)");
  }
  return r;
}

class QdpxExporter : public Exporter {
public:
  std::string format() const override { return "qdpx"; }
  std::string description() const override {
    return "REFI-QDA project (NVivo, ATLAS.ti, MAXQDA, QualCoder)";
  }
  std::vector<std::string> extensions() const override { return {".qdpx"}; }
  ExportReport write(const Project& p, const std::filesystem::path& out, const ExportOptions&,
                     Progress&) const override {
    return report_of(write_qdpx(p, out), true);
  }
};

class QdcExporter : public Exporter {
public:
  std::string format() const override { return "qdc"; }
  std::string description() const override { return "REFI-QDA codebook"; }
  std::vector<std::string> extensions() const override { return {".qdc"}; }
  ExportReport write(const Project& p, const std::filesystem::path& out, const ExportOptions&,
                     Progress&) const override {
    return report_of(write_qdc(p, out), false);
  }
};

} // namespace

std::unique_ptr<Exporter> make_qdpx_exporter() {
  return std::make_unique<QdpxExporter>();
}
std::unique_ptr<Exporter> make_qdc_exporter() {
  return std::make_unique<QdcExporter>();
}

} // namespace quire
