// REFI-QDA projects (.qdpx, .qde) and codebooks (.qdc) as an entry of the
// importer registry: it sniffs like every format, and reads a whole project
// (read_project) for store_exchange() rather than documents.
#include "builtin.h"
#include "quire/base/error.h"
#include "refi_import.h"

namespace quire {

namespace {

class RefiImporter : public Importer {
public:
  std::string kind() const override { return "refi-qda"; }
  std::string description() const override {
    return "REFI-QDA project (.qdpx, .qde) or codebook (.qdc): merged in with its codes, codings "
           "and coders";
  }
  int sniff(const FileSample& f) const override {
    // Certain when it is one: a .qdpx is a zip that other importers would
    // also look at, and a .qde is XML.
    return sniff_exchange(f.head, f.extension) == ExchangeFormat::None ? 0 : 100;
  }
  ImportData read(const std::filesystem::path& file, std::string_view, const ImportSettings&,
                  Progress&) const override {
    throw InputError(file.string() +
                     ": a REFI-QDA project or codebook; it is imported whole into a project "
                     "(codes, codings and coders with its documents), not read as documents");
  }
  bool reads_projects() const override { return true; }
  ProjectData read_project(const std::filesystem::path& file, const ImportSettings& settings,
                           Progress&) const override {
    return read_exchange_file(file, settings);
  }
};

} // namespace

std::unique_ptr<Importer> make_refi_importer() {
  return std::make_unique<RefiImporter>();
}

} // namespace quire
