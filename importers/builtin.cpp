// Every built-in importer, in one list. Add a format here.
#include "builtin.h"

namespace quire {

void register_builtin_importers(std::vector<std::unique_ptr<Importer>>& list) {
  list.push_back(make_plain_text_importer());
  list.push_back(make_transcript_importer());
  list.push_back(make_vtt_importer());
  list.push_back(make_srt_importer());
  list.push_back(make_docx_importer());
  list.push_back(make_odt_importer());
  list.push_back(make_pdf_importer());
  list.push_back(make_html_importer());
  list.push_back(make_csv_importer());
  list.push_back(make_xlsx_importer());
  list.push_back(make_refi_importer());
}

} // namespace quire
