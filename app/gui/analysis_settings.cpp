#include "analysis_settings.h"

#include <cstdint>
#include <system_error>

#include <wx/config.h>

#include "wx_text.h"

namespace quire::gui {

namespace {

/// "/Analysis/<64-bit FNV-1a of the absolute path, in hex>": one group per
/// project; the path itself is stored in it too, for a person reading the file.
wxString group_of(const std::filesystem::path& project) {
  std::error_code ec;
  auto abs = std::filesystem::weakly_canonical(project, ec);
  const auto text = (ec ? project : abs).string();
  std::uint64_t h = 1469598103934665603ULL;
  for (unsigned char ch : text) {
    h = (h ^ ch) * 1099511628211ULL;
  }
  return wxString::Format("/Analysis/%016llx", static_cast<unsigned long long>(h));
}

std::string read(wxConfigBase& cfg, const wxString& key) {
  wxString v;
  return cfg.Read(key, &v) ? utf8(v) : std::string();
}

} // namespace

AnalysisSettings load_analysis_settings(const std::filesystem::path& project) {
  AnalysisSettings s;
  auto* cfg = wxConfigBase::Get();
  if (!cfg || project.empty()) {
    return s;
  }
  auto g = group_of(project);
  s.kind = static_cast<int>(cfg->ReadLong(g + "/Kind", 0));
  s.rows = read(*cfg, g + "/Rows");
  s.columns = read(*cfg, g + "/Columns");
  s.cell = static_cast<int>(cfg->ReadLong(g + "/Cell", 0));
  s.coder = read(*cfg, g + "/Coder");
  s.where = read(*cfg, g + "/Where");
  return s;
}

void save_analysis_settings(const std::filesystem::path& project, const AnalysisSettings& s) {
  auto* cfg = wxConfigBase::Get();
  if (!cfg || project.empty()) {
    return;
  }
  auto g = group_of(project);
  cfg->Write(g + "/Project", wx(project.string()));
  cfg->Write(g + "/Kind", static_cast<long>(s.kind));
  cfg->Write(g + "/Rows", wx(s.rows));
  cfg->Write(g + "/Columns", wx(s.columns));
  cfg->Write(g + "/Cell", static_cast<long>(s.cell));
  cfg->Write(g + "/Coder", wx(s.coder));
  cfg->Write(g + "/Where", wx(s.where));
  cfg->Flush();
}

} // namespace quire::gui
