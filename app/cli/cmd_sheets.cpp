// cases import / cases export (classification sheets) and codes import
// (codebooks): read by the importers, stored by core, one action each.
#include <iostream>

#include "commands.h"
#include "common.h"
#include "exporters/case_sheet_export.h"
#include "importers/case_sheet_reader.h"
#include "importers/codebook_reader.h"
#include "quire/model/case_sheet.h"
#include "quire/model/codebook_import.h"

namespace quire::cli {

namespace {

void print_notes(const std::vector<std::string>& notes) {
  for (const auto& n : notes)
    std::cerr << "quire: note: " << n << '\n';
}

const char* kind_word(CodebookChange::Kind k) {
  switch (k) {
  case CodebookChange::Kind::Add: return "add";
  case CodebookChange::Kind::Update: return "update";
  case CodebookChange::Kind::Same: return "same";
  }
  return "";
}

} // namespace

void add_case_sheet_commands(CLI::App* cases) {
  {
    struct Args {
      std::string file, id_column, sheet;
      bool update = false, dry_run = false;
    };
    auto a = std::make_shared<Args>();
    auto* cmd = project_command(
        cases, "import",
        "Import a classification sheet (CSV or XLSX): a row per case, the first column (or "
        "--id-column) its name, the other columns attributes",
        [a](Project& p, bool json) {
          CaseSheetSettings s;
          s.id_column = a->id_column;
          s.sheet = a->sheet;
          auto sheet = read_case_sheet(a->file, s);
          print_notes(sheet.notes);
          auto r = import_case_sheet(p, sheet, a->update, a->dry_run);
          if (json) {
            print_json({{"file", sheet.file},
                        {"dry_run", a->dry_run},
                        {"added", r.added},
                        {"updated", r.updated},
                        {"unchanged", r.unchanged},
                        {"values", r.values},
                        {"new_attributes", r.new_attributes},
                        {"changes", r.changes},
                        {"notes", sheet.notes}});
            return;
          }
          for (const auto& c : r.changes)
            std::cout << "  " << c << '\n';
          std::cout << (a->dry_run ? "Would import " : "Imported ") << sheet.file << ": " << r.added
                    << " new case(s), " << r.updated << " updated, " << r.unchanged
                    << " unchanged; " << r.values << " value(s) set";
          if (!r.new_attributes.empty()) {
            std::cout << "; new attributes:";
            for (const auto& n : r.new_attributes)
              std::cout << ' ' << n;
          }
          std::cout << '\n';
        },
        true);
    cmd->add_option("file", a->file, "The sheet (.csv, .tsv, .xlsx)")->required();
    cmd->add_option("--id-column", a->id_column,
                    "The column naming the cases (default: the first)");
    cmd->add_option("--sheet", a->sheet, "The workbook's sheet (default: the first)");
    cmd->add_flag("--update", a->update,
                  "Replace existing cases' values where the sheet differs (default: refuse)");
    cmd->add_flag("--dry-run", a->dry_run, "Say what would be imported; change nothing");
  }
  {
    auto file = std::make_shared<std::string>();
    auto* cmd = project_command(
        cases, "export",
        "Export the cases and their attributes as a classification sheet (.csv or .xlsx)",
        [file](Project& p, bool) {
          auto n = export_case_sheet(p, *file);
          std::cout << "Exported " << n << " case(s) to " << *file << '\n';
        });
    cmd->add_option("file", *file, "The sheet to write (.csv or .xlsx)")->required();
  }
}

void add_codebook_import_command(CLI::App* codes) {
  struct Args {
    std::string file, separator, sheet;
    bool dry_run = false;
  };
  auto a = std::make_shared<Args>();
  auto* cmd = project_command(
      codes, "import",
      "Import a codebook: REFI-QDA .qdc, a CSV/XLSX code list (MAXQDA, Taguette) or a text list; "
      "codes already there (by path) are updated, never added twice",
      [a](Project& p, bool json) {
        CodebookSettings s;
        s.separator = a->separator;
        s.sheet = a->sheet;
        auto src = read_codebook(a->file, s);
        print_notes(src.notes);
        auto r = import_codebook(p, src, a->dry_run);
        if (json) {
          nlohmann::json changes = nlohmann::json::array();
          for (const auto& c : r.changes)
            changes.push_back({{"code", c.path}, {"change", kind_word(c.kind)}, {"what", c.what}});
          print_json({{"file", src.file},
                      {"dry_run", a->dry_run},
                      {"added", r.added},
                      {"updated", r.updated},
                      {"unchanged", r.unchanged},
                      {"changes", changes},
                      {"notes", src.notes}});
          return;
        }
        for (const auto& c : r.changes) {
          if (c.kind == CodebookChange::Kind::Same)
            continue;
          std::cout << "  " << (c.kind == CodebookChange::Kind::Add ? "+ " : "~ ") << c.path
                    << (c.what.empty() ? "" : " (" + c.what + ")") << '\n';
        }
        std::cout << (a->dry_run ? "Would import " : "Imported ") << src.file << ": " << r.added
                  << " new code(s), " << r.updated << " updated, " << r.unchanged << " unchanged\n";
      },
      true);
  cmd->add_option("file", a->file, "The codebook (.qdc, .csv, .tsv, .xlsx, .txt)")->required();
  cmd->add_flag("--dry-run", a->dry_run, "Say what would be added and updated; change nothing");
  cmd->add_option("--separator", a->separator,
                  "Between a code's levels in a table: '>', '\\', '/', '::' or 'none' (default: "
                  "guessed)");
  cmd->add_option("--sheet", a->sheet, "The workbook's sheet (default: the first)");
}

} // namespace quire::cli
