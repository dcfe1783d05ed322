// export: writes a project (or its tables) to a file; the format follows the
// output's extension (.xlsx, .csv, .html, .qdpx, .qdc).
#include <iostream>

#include "commands.h"
#include "common.h"
#include "exporters/exporter.h"
#include "quire/analysis/analysis.h"
#include "quire/base/error.h"

namespace quire::cli {

std::string export_formats_help() {
  std::string help = "Formats (by the output's extension):";
  for (const auto* e : exporters()) {
    help += "\n  ";
    for (const auto& x : e->extensions()) {
      help += x + " ";
    }
    help += "  " + e->description();
  }
  return help;
}

void add_export_commands(CLI::App& app) {
  auto out = std::make_shared<std::string>();
  auto format = std::make_shared<std::string>();
  auto o = std::make_shared<ExportOptions>();
  auto where = std::make_shared<std::vector<std::string>>();
  auto only_coder = std::make_shared<std::string>();
  auto matrices = std::make_shared<std::vector<std::string>>();
  auto* cmd = project_command(
      &app, "export", "Export to Excel, CSV, HTML or REFI-QDA (by OUT's extension)",
      [out, format, o, where, only_coder, matrices](Project& p, bool json) {
        ExportOptions opts = *o;
        for (const auto& text : *matrices) {
          opts.matrices.push_back({parse_matrix_text(p, text), text}); // the words, read once
        }
        opts.filter.where = *where;
        if (!only_coder->empty()) {
          opts.filter.coder = *only_coder;
        }
        auto report = export_file(p, *out, opts, *format, stderr_progress());
        if (json) {
          print_json({{"file", *out}, {"rows", report.rows}, {"notes", report.notes}});
          return;
        }
        std::cout << "Wrote " << *out << " (" << report.rows << " rows)\n";
        for (const auto& n : report.notes) {
          std::cout << "  note: " << n << '\n';
        }
      },
      true);
  cmd->add_option("OUT", *out, "The file to write; its extension picks the format")->required();
  cmd->add_option("--format", *format, "Format name when the extension does not say it");
  cmd->add_option("--matrix", *matrices,
                  "An extra matrix sheet/table: \"rows=codes cols=attr:Role cell=cases\"");
  cmd->add_option("--theme", o->theme_attribute,
                  "Attribute whose values are the Theme table's columns");
  cmd->add_option("--table", o->table,
                  "CSV: segments, codebook, frequencies, theme, cooccurrence or matrix");
  cmd->add_flag("--bom", o->bom, "CSV: start with a UTF-8 byte order mark (Excel likes it)");
  cmd->add_option("-w,--where", *where,
                  "Only cases whose attribute matches: 'Role = Head teacher'");
  cmd->add_option("--by", *only_coder, "Only this coder's codings");
  cmd->add_option("--agreement", o->coders, "Add an Agreement sheet comparing two coders: A,B")
      ->delimiter(',');
  cmd->footer(export_formats_help());
}

} // namespace quire::cli
