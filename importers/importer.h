#pragma once
// The importer registry: each file format is an Importer that can say how
// sure it is that it reads a file (by content first, then by name), and reads
// it into plain ImportData. Importers never touch a project and never show UI.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "quire/base/progress.h"
#include "quire/ingest/exchange.h"
#include "quire/ingest/import_data.h"

namespace quire {

/// Options that shape how files are read. Defaults suit most files.
struct ImportSettings {
  std::uint64_t max_bytes = 512ull << 20;        ///< files larger than this are refused
  std::uint64_t max_unpacked_bytes = 1ull << 30; ///< zip members may not expand past this
  std::string as_kind;                           ///< force an importer ("--as vtt")
  bool join_cues = false;                        ///< subtitles: join one speaker's cues into a turn

  // Questionnaires (CSV/XLSX).
  std::string sheet;                          ///< XLSX sheet name (default: first)
  std::string id_column;                      ///< header of the respondent ID column
  std::vector<std::string> text_columns;      ///< open-ended columns
  std::vector<std::string> attribute_columns; ///< attribute columns
  std::vector<std::string> skip_columns;      ///< columns to ignore
  std::vector<std::string> missing_values = {"", "NA", "N/A", "n/a", "-", "."}; ///< read as missing
  bool cases_only = false; ///< a cases file: set attributes of cases, import no answers

  bool operator==(const ImportSettings&) const = default;
};

/// What an importer is shown to decide whether it reads a file.
struct FileSample {
  std::filesystem::path path;
  std::string extension; ///< lower case, with the dot: ".txt"
  std::string_view head; ///< the first bytes (up to 64 KiB)
  std::uint64_t size = 0;
};

class Importer {
public:
  virtual ~Importer() = default;
  /// Short name used by --as and shown by inspect: "text", "transcript", "vtt", "csv"...
  virtual std::string kind() const = 0;
  /// One line for `quire import --help`.
  virtual std::string description() const = 0;
  /// 0 (cannot read it) to 100 (certain). Content beats extension.
  virtual int sniff(const FileSample& f) const = 0;
  /// Reads the whole file (bytes are its content). Throws InputError naming
  /// the file and, where it applies, the row or position.
  virtual ImportData read(const std::filesystem::path& file, std::string_view bytes,
                          const ImportSettings& settings, Progress& progress) const = 0;
  /// True for a format that holds a whole project (REFI-QDA: codes, codings,
  /// coders and notes besides the sources): read_project() reads it and core's
  /// store_exchange() merges it in; read() refuses it.
  virtual bool reads_projects() const { return false; }
  /// Reads a whole project (only when reads_projects()). Throws InputError.
  virtual ProjectData read_project(const std::filesystem::path& file,
                                   const ImportSettings& settings, Progress& progress) const;
};

/// Adds an importer to the registry (called once per format at start-up).
void register_importer(std::unique_ptr<Importer> importer);
/// Every registered importer.
std::vector<const Importer*> importers();
/// The importer for a file: settings.as_kind if given, else the best sniff.
/// Throws InputError when none reads it.
const Importer& pick_importer(const FileSample& f, const std::string& as_kind = {});

/// The importer for a file on disk, judged from its name and first bytes
/// (settings.as_kind if given). Throws InputError, naming the file, when it
/// is missing, not a regular file, empty, or of no kind Quire reads.
const Importer& importer_for(const std::filesystem::path& file,
                             const ImportSettings& settings = {});

/// The bytes of a file on disk. Throws InputError naming it when it is
/// missing, not a regular file, empty, unreadable, or over settings.max_bytes.
std::string read_file_bytes(const std::filesystem::path& file, const ImportSettings& settings = {});

/// Reads a file from disk with the right importer (size limit, empty file and
/// binary checks included) and fills in source_file, kind and sha256.
ImportData read_file(const std::filesystem::path& file, const ImportSettings& settings = {},
                     Progress& progress = no_progress());

/// Whether some importer would take the file, judged from its name and first
/// bytes (false for an empty or unreadable file).
bool some_importer_reads(const std::filesystem::path& file);

/// A file to import, and whether it was found in a folder the user named
/// (importing a folder again skips its files already imported, where a file
/// named on its own that was imported before is asked about).
struct ImportPath {
  std::filesystem::path file;
  bool in_folder = false;
  std::string left_out; ///< why a file found in a folder is not read ("empty"), else empty
};

/// The files to import for what the user named: a file stays as it is; a
/// folder gives the files below it (sorted, sub-folders too), leaving out
/// hidden files and Office lock files ("~$a.docx"). A file found in a folder
/// that no importer reads (empty, unreadable, another kind) is listed with
/// `left_out` saying why. import_files() (import_pipeline.h) walks with it.
std::vector<ImportPath> files_to_import(const std::vector<std::filesystem::path>& given);

} // namespace quire
