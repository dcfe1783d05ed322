#pragma once
// REFI-QDA 1.0 export: a whole project as .qdpx (a zip holding project.qde
// and Sources/<guid>.txt), the codebook alone as .qdc. See docs/exchange.md.
#include <cstdint>
#include <filesystem>
#include <string>

namespace quire {
class Project;
struct ProjectData;

/// The project.qde document for data (namespace urn:QDA-XML:project:1.0);
/// each source's text is referred to as internal://<guid>.txt.
std::string refi_project_xml(const ProjectData& data);
/// The .qdc document for data's codebook (namespace urn:QDA-XML:codebook:1.0).
/// Throws InputError when there are no codes (the schema needs one).
std::string refi_codebook_xml(const ProjectData& data);

struct RefiExportSummary {
  std::int64_t sources = 0, codes = 0, selections = 0, codings = 0, cases = 0, notes = 0, users = 0;
};

/// Writes the project as a .qdpx file (replacing out only once complete).
/// Throws StorageError when out cannot be written.
RefiExportSummary export_qdpx(const Project& p, const std::filesystem::path& out);
/// Writes the codebook as a .qdc file (replacing out only once complete).
/// Throws InputError for an empty codebook, StorageError when out cannot be
/// written.
RefiExportSummary export_qdc(const Project& p, const std::filesystem::path& out);
/// Like export_qdpx and export_qdc, but writing file itself, in place: for
/// the exporter registry, whose export_file() gives them its OUT.part.
RefiExportSummary write_qdpx(const Project& p, const std::filesystem::path& file);
RefiExportSummary write_qdc(const Project& p, const std::filesystem::path& file);

} // namespace quire
