// The exporter registry and the safe write-then-rename around every export.
#include <algorithm>
#include <cctype>
#include <system_error>

#include "builtin.h"
#include "part_file.h"
#include "quire/base/error.h"

namespace quire {
namespace {

std::vector<std::unique_ptr<Exporter>>& registry() {
  static std::vector<std::unique_ptr<Exporter>> list = [] {
    std::vector<std::unique_ptr<Exporter>> l;
    register_builtin_exporters(l);
    return l;
  }();
  return list;
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

} // namespace

std::vector<const Exporter*> exporters() {
  std::vector<const Exporter*> out;
  for (const auto& e : registry()) {
    out.push_back(e.get());
  }
  return out;
}

const Exporter& pick_exporter(const std::filesystem::path& out, const std::string& format) {
  const auto ext = lower(out.extension().string());
  for (const auto& e : registry()) {
    if (!format.empty() ? lower(format) == e->format()
                        : std::ranges::count(e->extensions(), ext) > 0) {
      return *e;
    }
  }
  std::string known;
  for (const auto& e : registry()) {
    for (const auto& x : e->extensions()) {
      known += (known.empty() ? "" : ", ") + x;
    }
  }
  throw InputError(out.string() + ": Quire cannot write " +
                   (format.empty() ? "files ending in '" + ext + "'" : "format '" + format + "'") +
                   ". It writes: " + (known.empty() ? "(no formats built in)" : known) +
                   ". Choose an output name with one of these endings.");
}

ExportReport export_file(const Project& p, const std::filesystem::path& out, const ExportOptions& o,
                         const std::string& format, Progress& progress) {
  const auto& exporter = pick_exporter(out, format);
  if (out.has_parent_path() && !std::filesystem::is_directory(out.parent_path())) {
    throw InputError(out.string() + ": the folder " + out.parent_path().string() +
                     " does not exist. Create it or choose another place.");
  }
  PartFile part(out);
  ExportReport report;
  try {
    report = exporter.write(p, part.path(), o, progress);
  } catch (const StorageError& e) {
    // Exporters name the file they write; the user knows it as OUT.
    throw StorageError(part.as_out(e.what()));
  }
  part.commit();
  return report;
}

} // namespace quire
