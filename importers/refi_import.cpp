// REFI-QDA files: finding the project document in a .qdpx, resolving the
// paths of source texts inside it, and reading .qdc codebooks.
#include "refi_import.h"

#include <algorithm>
#include <fstream>

#include "quire/base/error.h"
#include "quire/base/text.h"
#include "xml_tree.h"
#include "zip_archive.h"

namespace quire {

namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

bool ends_with(const std::string& s, const std::string& tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

std::string read_bytes(const std::filesystem::path& file, const ImportSettings& settings) {
  std::error_code ec;
  auto size = std::filesystem::file_size(file, ec);
  if (ec) {
    throw InputError("cannot read " + file.string() + ": " + ec.message());
  }
  if (size > settings.max_bytes) {
    throw InputError(file.string() + " is larger than the limit of " +
                         std::to_string(settings.max_bytes >> 20) + " MB",
                     Hint::RaiseSizeLimit);
  }
  std::ifstream in(file, std::ios::binary);
  std::string bytes(size, '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(size));
  if (!in) {
    throw InputError("cannot read " + file.string());
  }
  return bytes;
}

/// The .qde inside: project.qde (any case) at the top, else the one named
/// after the file, else the only one.
std::string find_qde(const std::vector<std::string>& names, const std::filesystem::path& file) {
  std::vector<std::string> qde;
  for (const auto& n : names) {
    if (ends_with(lower(n), ".qde")) {
      qde.push_back(n);
    }
  }
  const auto stem = lower(file.stem().string()) + ".qde";
  for (const auto& want : {std::string("project.qde"), stem}) {
    for (const auto& n : qde) {
      if (lower(n) == want) {
        return n;
      }
    }
  }
  std::vector<std::string> top;
  std::copy_if(qde.begin(), qde.end(), std::back_inserter(top),
               [](const std::string& n) { return n.find('/') == std::string::npos; });
  if (top.size() == 1 || (top.empty() && qde.size() == 1)) {
    return top.empty() ? qde.front() : top.front();
  }
  if (qde.empty()) {
    throw InputError(file.string() +
                     ": there is no project document (project.qde) inside; it is not a "
                     "REFI-QDA project. Export it again from the program that made it");
  }
  throw InputError(file.string() + ": it holds several project documents (" + qde[0] + ", " +
                   qde[1] + "...); cannot tell which to read");
}

/// Where a plainTextPath points inside the archive: internal://NAME is
/// Sources/NAME; relative paths are tried as they are and under Sources/;
/// absolute paths and URLs (the author's disk) by their file name in Sources/.
/// Member names are matched ignoring case (GUIDs come in both cases).
/// Paths are relative to the folder holding the .qde (top for most files;
/// a folder when an unpacked project was zipped again).
std::optional<std::string> resolve(const ZipArchive& zip, const std::vector<std::string>& names,
                                   std::string path, const std::string& file,
                                   const std::string& folder) {
  std::replace(path.begin(), path.end(), '\\', '/');
  std::vector<std::string> tries;
  if (lower(path).rfind("internal://", 0) == 0) {
    auto rest = path.substr(11);
    tries = {"Sources/" + rest, rest};
  } else if (path.find("://") != std::string::npos || path.rfind('/', 0) == 0 ||
             (path.size() > 1 && path[1] == ':')) {
    auto base = path.substr(path.find_last_of('/') + 1);
    tries = {"Sources/" + base};
  } else {
    tries = {path, "Sources/" + path};
  }
  if (!folder.empty()) {
    for (auto& t : tries) {
      t = folder + t;
    }
  }
  for (const auto& t : tries) {
    if (!is_safe_member_name(t)) {
      throw InputError(file + ": a source's path '" + path +
                       "' leads outside the archive (absolute or with ..); "
                       "the file is refused");
    }
    for (const auto& n : names) {
      if (n == t || lower(n) == lower(t)) {
        return zip.read(n);
      }
    }
  }
  return std::nullopt;
}

/// The local name of the root element of XML that starts in head, or "".
std::string root_name(const std::string& head) {
  std::size_t i = head.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
  for (;;) {
    i = head.find('<', i);
    if (i == std::string::npos || i + 1 >= head.size()) {
      return {};
    }
    if (head[i + 1] == '?' || head[i + 1] == '!') { // declaration, comment, DOCTYPE
      i = head.find('>', i);
      if (i == std::string::npos) {
        return {};
      }
      continue;
    }
    auto end = head.find_first_of(" \t\r\n/>", i + 1);
    auto name = head.substr(i + 1, end == std::string::npos ? std::string::npos : end - i - 1);
    auto colon = name.find(':');
    return colon == std::string::npos ? name : name.substr(colon + 1);
  }
}

} // namespace

ExchangeFormat sniff_exchange_file(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::string head(4096, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in.gcount()));
  return sniff_exchange(head, lower(file.extension().string()));
}

ExchangeFormat sniff_exchange(std::string_view first_bytes, const std::string& ext) {
  const std::string head(first_bytes.substr(0, 4096));
  if (looks_like_zip(head)) {
    return ext == ".qdpx" || head.find(".qde") != std::string::npos ? ExchangeFormat::RefiProject
                                                                    : ExchangeFormat::None;
  }
  // XML: by its root element (a project's codebook is inside it).
  auto root = root_name(head);
  if (root == "CodeBook" ||
      (root.empty() && head.find("urn:QDA-XML:codebook") != std::string::npos)) {
    return ExchangeFormat::RefiCodebook;
  }
  if (root == "Project" &&
      (head.find("urn:QDA-XML:project") != std::string::npos || ext == ".qde")) {
    return ExchangeFormat::RefiProject;
  }
  return ext == ".qdpx" || ext == ".qde" ? ExchangeFormat::RefiProject
         : ext == ".qdc"                 ? ExchangeFormat::RefiCodebook
                                         : ExchangeFormat::None;
}

ProjectData read_refi_project(const std::filesystem::path& file, const ImportSettings& settings) {
  const auto bytes = read_bytes(file, settings);
  const auto name = file.string();
  ProjectData d;
  if (!looks_like_zip(bytes)) {
    // A bare project.qde: only inline texts can be read.
    d = parse_refi_project(bytes, name, [](const std::string&) { return std::nullopt; });
  } else {
    ZipLimits limits;
    limits.max_total_bytes = settings.max_unpacked_bytes;
    limits.max_member_bytes = std::min(limits.max_member_bytes, settings.max_unpacked_bytes);
    ZipArchive zip(bytes, name, limits);
    auto names = zip.names();
    for (const auto& n : names) {
      if (!is_safe_member_name(n)) {
        throw InputError(
            name + ": the archive has a member named '" + n +
            "' (absolute or with ..), which could write outside its folder; the file is refused");
      }
    }
    auto qde = find_qde(names, file);
    auto folder = qde.substr(0, qde.find_last_of('/') + 1); // "" at the top
    d = parse_refi_project(zip.read(qde), name + ": " + qde, [&](const std::string& path) {
      return resolve(zip, names, path, name, folder);
    });
  }
  if (d.name.empty()) {
    d.name = file.stem().string();
  }
  return d;
}

ProjectData read_refi_codebook(const std::filesystem::path& file, const ImportSettings& settings) {
  auto d = parse_refi_codebook(read_bytes(file, settings), file.string());
  d.name = file.stem().string();
  return d;
}

ProjectData read_exchange_file(const std::filesystem::path& file, const ImportSettings& settings) {
  switch (sniff_exchange_file(file)) {
  case ExchangeFormat::RefiCodebook: return read_refi_codebook(file, settings);
  case ExchangeFormat::RefiProject: return read_refi_project(file, settings);
  case ExchangeFormat::None: break;
  }
  throw InputError(file.string() + " is not a REFI-QDA project (.qdpx, .qde) or codebook (.qdc)");
}

} // namespace quire
