#include "quire/ingest/merge.h"

#include "quire/store/project.h"

namespace quire {

MergeReport merge_project_data(Project& into, const ProjectData& data,
                               const std::string& source_name, const MergeOptions& opt,
                               Progress& progress) {
  progress.check();
  progress.message("Merging " + source_name);
  ExchangeOptions eo;
  eo.action_name = "Merge '" + source_name + "'";
  eo.dry_run = opt.dry_run;
  MergeReport rep;
  rep.action_name = eo.action_name;
  rep.dry_run = opt.dry_run;
  rep.items = store_exchange(into, data, eo);
  for (const auto& i : rep.items.added) {
    rep.counts[i.kind].added++;
  }
  for (const auto& i : rep.items.matched) {
    rep.counts[i.kind].matched++;
  }
  for (const auto& i : rep.items.conflicts) {
    rep.counts[i.kind].conflicts++;
  }
  return rep;
}

MergeReport merge_project(Project& into, const std::filesystem::path& other,
                          const MergeOptions& opt, Progress& progress) {
  std::error_code ec;
  if (std::filesystem::equivalent(other, into.path(), ec)) {
    throw MergeRefused(MergeRefused::Reason::IntoItself, "cannot merge a project into itself");
  }
  const auto name = other.filename().string();
  progress.message("Reading " + name);
  ProjectData data = collect_exchange(Project::open(other, Project::Access::ReadOnly));
  return merge_project_data(into, data, name, opt, progress);
}

} // namespace quire
