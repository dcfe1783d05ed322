#pragma once
// Private to importers/: the list of built-in importers, one factory each.
#include <memory>
#include <vector>

#include "importer.h"

namespace quire {

std::unique_ptr<Importer> make_plain_text_importer();
std::unique_ptr<Importer> make_transcript_importer();
std::unique_ptr<Importer> make_vtt_importer();
std::unique_ptr<Importer> make_srt_importer();
std::unique_ptr<Importer> make_docx_importer();
std::unique_ptr<Importer> make_odt_importer();
std::unique_ptr<Importer> make_pdf_importer();
std::unique_ptr<Importer> make_html_importer();
std::unique_ptr<Importer> make_csv_importer();
std::unique_ptr<Importer> make_xlsx_importer();
std::unique_ptr<Importer> make_refi_importer();

/// Fills the registry with every built-in importer.
void register_builtin_importers(std::vector<std::unique_ptr<Importer>>& list);

} // namespace quire
