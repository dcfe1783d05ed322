// REFI-QDA export and import, and merging projects: export, merge (import
// delegates .qdpx/.qdc files here); merging itself is core's. The lead folds `export` into the one
// dispatch-by-extension command when xlsx/csv/html export lands.
#include <filesystem>
#include <iostream>

#include "commands.h"
#include "common.h"
#include "exchange_cli.h"
#include "exporters/refi_export.h"
#include "importers/refi_import.h"
#include "quire/base/error.h"
#include "quire/ingest/exchange.h"
#include "quire/ingest/merge.h"

namespace quire::cli {

namespace {

std::string lower_ext(const std::string& file) {
  auto e = std::filesystem::path(file).extension().string();
  for (auto& c : e) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return e;
}

nlohmann::json items_json(const std::vector<ExchangeItem>& items) {
  auto j = nlohmann::json::array();
  for (const auto& i : items) {
    j.push_back({{"kind", i.kind}, {"name", i.name}, {"detail", i.detail}});
  }
  return j;
}

} // namespace

bool is_exchange_file(const std::string& file) {
  return std::filesystem::is_regular_file(file) &&
         sniff_exchange_file(file) != ExchangeFormat::None;
}

nlohmann::json store_exchange_file(Project& p, const ProjectData& data, const std::string& file,
                                   bool json, bool dry_run, const std::string& verb) {
  ExchangeOptions opt;
  opt.action_name = verb + " '" + std::filesystem::path(file).filename().string() + "'";
  opt.dry_run = dry_run;
  return report_exchange(store_exchange(p, data, opt), file, json, dry_run, verb);
}

nlohmann::json report_exchange(const ExchangeReport& rep, const std::string& file, bool json,
                               bool dry_run, const std::string& verb) {
  nlohmann::json j = {{"file", file},
                      {"kind", lower_ext(file) == ".quire" ? "quire" : "refi-qda"},
                      {"dry_run", dry_run},
                      {"documents", rep.documents},
                      {"added", items_json(rep.added)},
                      {"matched", items_json(rep.matched)},
                      {"conflicts", items_json(rep.conflicts)},
                      {"codings",
                       {{"added", rep.codings_added},
                        {"matched", rep.codings_matched},
                        {"merged", rep.codings_merged}}},
                      {"warnings", rep.warnings},
                      {"not_imported", rep.not_imported}};
  if (json) {
    return j;
  }
  std::cout << (dry_run ? "Would " + std::string(verb == "Import" ? "import " : "merge ")
                        : verb + (verb == "Import" ? "ed " : "d "))
            << file << ": added " << count_by_kind(rep.added) << ", " << rep.codings_added
            << " coding(s); matched " << count_by_kind(rep.matched) << ", " << rep.codings_matched
            << " coding(s)";
  if (rep.codings_merged) {
    std::cout << "; " << rep.codings_merged << " overlapping coding(s) of one coder merged";
  }
  std::cout << '\n';
  for (const auto& c : rep.conflicts) {
    std::cout << "  conflict  " << c.kind << " " << c.name << ": " << c.detail << '\n';
  }
  for (const auto& n : rep.not_imported) {
    std::cout << "  not imported  " << n << '\n';
  }
  for (const auto& w : rep.warnings) {
    std::cerr << "quire: note: " << w << '\n';
  }
  return j;
}

void add_exchange_commands(CLI::App& app) {
  {
    auto other = std::make_shared<std::string>();
    auto dry = std::make_shared<bool>(false);
    auto* cmd = project_command(
        &app, "merge",
        "Merge another project (OTHER.quire, or a REFI-QDA .qdpx) into this one: documents matched "
        "by "
        "their text, codes by GUID then path, cases by name; nothing of either side is lost",
        [other, dry](Project& p, bool json) {
          // Merging is core's (core/include/quire/ingest/merge.h); here only which reader a
          // file needs, and the report.
          MergeOptions opt;
          opt.dry_run = *dry;
          MergeReport rep;
          if (lower_ext(*other) == ".quire") {
            rep = merge_project(p, *other, opt);
          } else if (is_exchange_file(*other)) {
            rep = merge_project_data(p, read_exchange_file(*other, {}),
                                     std::filesystem::path(*other).filename().string(), opt);
          } else {
            throw InputError(*other +
                             " is not a Quire project (.quire) or a REFI-QDA project (.qdpx)");
          }
          auto j = report_exchange(rep.items, *other, json, *dry, "Merge");
          if (json) {
            print_json(j);
          }
        },
        true);
    cmd->add_option("other", *other, "The project to merge in: OTHER.quire or OTHER.qdpx")
        ->required();
    cmd->add_flag("--dry-run", *dry,
                  "Report what would be added, matched and in conflict; change nothing");
  }
}

} // namespace quire::cli
