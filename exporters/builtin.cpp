// Every built-in exporter, in one list. Add a format here (declare its
// factory in builtin.h).
#include "builtin.h"

namespace quire {

void register_builtin_exporters(std::vector<std::unique_ptr<Exporter>>& list) {
  list.push_back(make_xlsx_exporter());
  list.push_back(make_csv_exporter());
  list.push_back(make_html_exporter());
  list.push_back(make_qdpx_exporter());
  list.push_back(make_qdc_exporter());
}

} // namespace quire
