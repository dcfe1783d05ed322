// The importer registry and reading a file from disk.
#include <algorithm>
#include <fstream>
#include <mutex>

#include "builtin.h"
#include "importer.h"
#include "quire/base/error.h"
#include "quire/base/text.h"

namespace quire {

namespace {

struct Registry {
  std::vector<std::unique_ptr<Importer>> list;
};

Registry& registry() {
  static Registry r;
  static std::once_flag once;
  std::call_once(once, [] { register_builtin_importers(r.list); });
  return r;
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

/// What an importer is shown of a file: its name, first 64 KiB and size.
FileSample sample_of(const std::filesystem::path& file, std::string_view bytes,
                     std::uint64_t size) {
  FileSample sample;
  sample.path = file;
  sample.extension = lower(file.extension().string());
  sample.head = bytes.substr(0, std::size_t{64} * 1024);
  sample.size = size;
  return sample;
}

std::string kinds_list() {
  std::string out;
  for (auto* i : importers()) {
    out += (out.empty() ? "" : ", ") + i->kind();
  }
  return out;
}

} // namespace

void register_importer(std::unique_ptr<Importer> importer) {
  registry().list.push_back(std::move(importer));
}

std::vector<const Importer*> importers() {
  std::vector<const Importer*> out;
  for (auto& i : registry().list) {
    out.push_back(i.get());
  }
  return out;
}

namespace {

/// RTF (f4/f5 transcripts, WordPad): no Debian library reads it.
bool is_rtf(const FileSample& f) {
  return f.head.rfind("{\\rtf", 0) == 0;
}

} // namespace

const Importer& pick_importer(const FileSample& f, const std::string& as_kind) {
  if (!as_kind.empty()) {
    for (auto* i : importers()) {
      if (i->kind() == as_kind) {
        return *i;
      }
    }
    throw InputError("unknown import kind '" + as_kind + "' (known: " + kinds_list() + ")");
  }
  if (is_rtf(f)) {
    // Would read as text full of control words: say what to do instead.
    throw InputError(f.path.string() +
                     ": an RTF file, which Quire does not read. Save it as Word (.docx) or as "
                     "plain text (.txt) and import that (f4/f5 transcripts keep their #00:01:02-5# "
                     "stamps and speakers either way)");
  }
  const Importer* best = nullptr;
  int best_score = 0;
  for (auto* i : importers()) {
    int s = i->sniff(f);
    if (s > best_score) {
      best = i;
      best_score = s;
    }
  }
  if (!best) {
    throw InputError(f.path.string() + ": Quire cannot read this kind of file (" +
                         (f.extension.empty() ? std::string("no extension") : f.extension) +
                         "). It reads: " + kinds_list(),
                     Hint::ChooseImporter);
  }
  return *best;
}

namespace {

/// Checks that a file can be read at all and returns its size; throws
/// InputError naming it when it is missing, not a regular file or empty.
std::uint64_t readable_size(const std::filesystem::path& file) {
  namespace fs = std::filesystem;
  const std::string name = file.string();
  std::error_code ec;
  if (!fs::exists(file, ec)) {
    throw InputError(name + ": no such file");
  }
  if (!fs::is_regular_file(file, ec)) {
    throw InputError(name + ": not a regular file");
  }
  auto size = fs::file_size(file, ec);
  if (ec) {
    throw InputError(name + ": cannot read it (" + ec.message() + ")");
  }
  if (size == 0) {
    throw InputError(name + ": the file is empty; there is nothing to import");
  }
  return size;
}

/// The first 64 KiB of a file (fewer when it is shorter).
std::string head_of(const std::filesystem::path& file, std::uint64_t size) {
  std::string head(
      static_cast<std::size_t>(std::min<std::uintmax_t>(size, std::uintmax_t{64} * 1024)), '\0');
  std::ifstream in(file, std::ios::binary);
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in.gcount()));
  return head;
}

} // namespace

ProjectData Importer::read_project(const std::filesystem::path& file, const ImportSettings&,
                                   Progress&) const {
  throw InputError(file.string() + ": a " + kind() + " file holds documents, not a project");
}

const Importer& importer_for(const std::filesystem::path& file, const ImportSettings& settings) {
  auto size = readable_size(file);
  auto head = head_of(file, size);
  return pick_importer(sample_of(file, head, size), settings.as_kind);
}

std::string read_file_bytes(const std::filesystem::path& file, const ImportSettings& settings) {
  const std::string name = file.string();
  auto size = readable_size(file);
  if (size > settings.max_bytes) {
    throw InputError(name + ": the file is " + std::to_string(size >> 20) +
                         " MB, over the limit of " + std::to_string(settings.max_bytes >> 20) +
                         " MB",
                     Hint::RaiseSizeLimit);
  }
  std::string bytes(size, '\0');
  std::ifstream in(file, std::ios::binary);
  if (!in.read(bytes.data(), static_cast<std::streamsize>(size))) {
    throw InputError(name + ": cannot read it");
  }
  return bytes;
}

ImportData read_file(const std::filesystem::path& file, const ImportSettings& settings,
                     Progress& progress) {
  const std::string name = file.string();
  std::string bytes = read_file_bytes(file, settings);
  const auto size = bytes.size();
  const Importer& imp = pick_importer(sample_of(file, bytes, size), settings.as_kind);
  progress.message("Reading " + file.filename().string() + " as " + imp.kind());
  ImportData data = imp.read(file, bytes, settings, progress);
  data.source_file = name;
  if (data.kind.empty()) {
    data.kind = imp.kind();
  }
  data.sha256 = sha256_hex(bytes);
  for (auto& d : data.documents) {
    if (d.sha256.empty()) {
      d.sha256 = data.sha256;
    }
    if (d.original_name.empty()) {
      d.original_name = file.filename().string();
    }
  }
  return data;
}

bool some_importer_reads(const std::filesystem::path& file) {
  std::error_code ec;
  auto size = std::filesystem::file_size(file, ec);
  if (ec || size == 0) {
    return false;
  }
  auto head = head_of(file, size);
  auto sample = sample_of(file, head, size);
  if (is_rtf(sample))
    return false;
  auto all = importers();
  return std::any_of(all.begin(), all.end(),
                     [&](const Importer* i) { return i->sniff(sample) > 0; });
}

} // namespace quire
