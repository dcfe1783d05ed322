#pragma once
// REFI-QDA files in the CLI: `quire import` hands .qdpx/.qdc files here
// (they carry more than ImportData: GUIDs, coders, notes), and `quire merge`
// and `quire export` (cmd_exchange.cpp) use the same reports.
#include <nlohmann/json.hpp>
#include <string>

#include "importers/refi_import.h"
#include "quire/ingest/exchange.h"

namespace quire::cli {

/// True when file is a REFI-QDA project or codebook (by content, then name).
bool is_exchange_file(const std::string& file);
/// Stores data into p as one action named for the file, prints the report
/// (unless json), and returns the report as JSON.
nlohmann::json store_exchange_file(Project& p, const ProjectData& data, const std::string& file,
                                   bool json, bool dry_run = false,
                                   const std::string& verb = "Import");
/// Prints what store_exchange() reported for file (unless json) and returns
/// the report as JSON (what store_exchange_file() does after storing).
nlohmann::json report_exchange(const ExchangeReport& rep, const std::string& file, bool json,
                               bool dry_run = false, const std::string& verb = "Import");

} // namespace quire::cli
