// Questionnaires as Excel workbooks (kind "xlsx"): one sheet's cells through
// the safe zip and XML readers, then the shared survey rules (survey_table.h).
#include <algorithm>
#include <filesystem>

#include "builtin.h"
#include "quire/base/error.h"
#include "survey_table.h"
#include "table_files.h"
#include "xlsx_parts.h"
#include "zip_archive.h"

namespace quire {

namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

const XlsxSheet& pick_sheet(const XlsxWorkbook& wb, const std::string& wanted,
                            const std::string& file) {
  if (wanted.empty()) {
    return wb.sheets.front();
  }
  for (const auto& s : wb.sheets) {
    if (s.name == wanted)
      return s;
  }
  for (const auto& s : wb.sheets) {
    if (lower(s.name) == lower(wanted))
      return s;
  }
  std::string names;
  for (const auto& s : wb.sheets)
    names += (names.empty() ? "'" : ", '") + s.name + "'";
  throw InputError(file + ": no sheet named '" + wanted + "'. The sheets are: " + names);
}

bool blank(const TableCell& c) {
  return c.kind == TableCell::Kind::Empty ||
         (c.kind == TableCell::Kind::Text && trim(c.text).empty());
}

/// The sheet's rows as a table: the first row with a value names the columns.
Table to_table(std::vector<XlsxRow> rows) {
  Table t;
  auto first = std::find_if(rows.begin(), rows.end(), [](const XlsxRow& r) {
    return std::any_of(r.cells.begin(), r.cells.end(),
                       [](const TableCell& c) { return !blank(c); });
  });
  if (first == rows.end()) {
    return t;
  }
  std::size_t width = first->cells.size();
  for (auto it = first + 1; it != rows.end(); ++it) {
    if (std::any_of(it->cells.begin(), it->cells.end(),
                    [](const TableCell& c) { return !blank(c); })) {
      width = std::max(width, it->cells.size());
      t.row_numbers.push_back(it->number);
      t.rows.push_back(std::move(it->cells));
    }
  }
  for (std::size_t c = 0; c < width; ++c) {
    // A column with values but no header gets "Column N" (unique_headers).
    t.headers.push_back(c < first->cells.size() ? first->cells[c].text : std::string());
  }
  return t;
}

} // namespace

Table read_xlsx_table(const std::filesystem::path& path, std::string_view bytes,
                      const ImportSettings& s, std::vector<std::string>& notes,
                      std::string& where) {
  const std::string file = path.string();
  if (!looks_like_zip(bytes)) {
    if (bytes.substr(0, 4) == "\xD0\xCF\x11\xE0") {
      throw InputError(file + ": an Excel 97-2003 workbook (.xls) or a password-protected one. "
                              "Open it in Excel or LibreOffice and save it as .xlsx (or .csv)");
    }
    throw InputError(file + ": not an Excel workbook: an .xlsx file is a zip archive and this " +
                         "one is not (damaged, or another kind of file). If it is a CSV file, " +
                         "name it .csv",
                     Hint::ImportAsCsv);
  }
  ZipLimits limits;
  limits.max_total_bytes = s.max_unpacked_bytes;
  limits.max_member_bytes = std::min(limits.max_member_bytes, s.max_unpacked_bytes);
  ZipArchive zip(bytes, file, limits);
  XlsxWorkbook wb = read_workbook(zip, file);
  const XlsxSheet& sheet = pick_sheet(wb, s.sheet, file);

  std::vector<std::string> shared;
  std::vector<NumberShow> styles;
  if (!wb.shared_strings.empty()) {
    if (auto xml = zip.try_read(wb.shared_strings)) {
      shared = read_shared_strings(*xml, file + ": " + wb.shared_strings);
    }
  }
  if (!wb.styles.empty()) {
    if (auto xml = zip.try_read(wb.styles)) {
      styles = read_number_styles(*xml, file + ": " + wb.styles);
    }
  }
  SheetContext ctx{&shared, &styles, wb.date1904};
  where = file + ": sheet '" + sheet.name + "'";
  Table t = to_table(read_sheet_rows(zip.read(sheet.member), ctx, where));
  shared.clear();
  shared.shrink_to_fit();
  if (t.headers.empty()) {
    if (wb.sheets.size() > 1) {
      throw InputError(where + " is empty", Hint::ChooseSheet);
    }
    throw InputError(where + " is empty. Nothing to import");
  }
  t.survey = path.stem().string();
  if (&sheet != &wb.sheets.front()) {
    t.survey += " - " + sheet.name; // another questionnaire in the same workbook
  }
  if (wb.sheets.size() > 1) {
    notes.push_back("the workbook has " + std::to_string(wb.sheets.size()) + " sheets; '" +
                    sheet.name + "' was read");
  }
  return t;
}

namespace {

class XlsxImporter : public Importer {
public:
  std::string kind() const override { return "xlsx"; }
  std::string description() const override {
    return "questionnaire or cases file as an Excel workbook (.xlsx; --sheet to choose a sheet)";
  }
  int sniff(const FileSample& f) const override {
    bool zip = looks_like_zip(f.head);
    bool ext = f.extension == ".xlsx" || f.extension == ".xlsm";
    if (zip && (f.head.find("xl/workbook.xml") != std::string_view::npos ||
                f.head.find("xl/worksheets/") != std::string_view::npos)) {
      return 95;
    }
    if (zip && ext) {
      return 70; // below a zip whose members show it is another format (a .docx renamed)
    }
    // Ours to refuse with a clear message: .xlsx that is no zip, and old .xls.
    return ext || f.extension == ".xls" ? 50 : 0;
  }

  ImportData read(const std::filesystem::path& path, std::string_view bytes,
                  const ImportSettings& s, Progress& progress) const override {
    std::vector<std::string> notes;
    std::string where;
    progress.check();
    Table t = read_xlsx_table(path, bytes, s, notes, where);
    ImportData data = table_to_import(t, where, s, progress, std::move(notes));
    data.kind = kind();
    return data;
  }
};

} // namespace

std::unique_ptr<Importer> make_xlsx_importer() {
  return std::make_unique<XlsxImporter>();
}

} // namespace quire
