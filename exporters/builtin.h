#pragma once
// Private to exporters/: the list of built-in exporters, one factory each.
#include <memory>
#include <vector>

#include "exporter.h"

namespace quire {

std::unique_ptr<Exporter> make_xlsx_exporter();
std::unique_ptr<Exporter> make_csv_exporter();
std::unique_ptr<Exporter> make_html_exporter();
std::unique_ptr<Exporter> make_qdpx_exporter();
std::unique_ptr<Exporter> make_qdc_exporter();

/// Fills the list with every built-in exporter.
void register_builtin_exporters(std::vector<std::unique_ptr<Exporter>>& list);

} // namespace quire
