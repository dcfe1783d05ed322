#pragma once
// Classification sheets: many cases and their attributes at once, a row per
// case (as NVivo, QualCoder and spreadsheets keep them). Reading a file is an
// importer's job (importers/case_sheet_reader.h); this stores what was read,
// as one action, and gives the project's cases in the same shape for export.
#include <cstdint>
#include <string>
#include <vector>

#include "quire/base/types.h"

namespace quire {
class Project;

struct CaseSheetColumn {
  std::string name; ///< the attribute's name (the column's header)
  AttrType type = AttrType::Text;
};

struct CaseSheetRow {
  std::string name; ///< the case
  /// From a memo or description column; has_description false when the
  /// sheet has none (the case's description is then left as it is).
  std::string description;
  bool has_description = false;
  std::vector<Value> values; ///< one per column (missing: Value::none())
  std::string where;         ///< where the row is, for messages: "row 4" or "row 4 (line 5)"
};

struct CaseSheet {
  std::string file; ///< the file (and sheet) read, for messages
  std::vector<CaseSheetColumn> columns;
  std::vector<CaseSheetRow> rows;
  std::vector<std::string> notes; ///< what the reader noticed, for the user
};

/// What storing a sheet does (or, on a dry run, would do).
struct CaseSheetResult {
  std::int64_t added = 0;                  ///< new cases
  std::int64_t updated = 0;                ///< existing cases given new or changed values
  std::int64_t unchanged = 0;              ///< existing cases the sheet agrees with
  std::int64_t values = 0;                 ///< attribute values written (new or changed)
  std::vector<std::string> new_attributes; ///< "Age (number)"
  /// One line per changed value of an existing case: "P01: Age 45 -> 46".
  std::vector<std::string> changes;
};

/// Stores a sheet as one undoable action named after the file: new cases
/// are added, new attributes defined with the sheet's types, values set. A
/// missing cell leaves the case's value as it is. An existing case's value
/// is replaced only with `update`; without it, a value that differs is an
/// InputError naming the file, row and column (filling in a missing value
/// is not a difference). A value that does not fit an existing attribute's
/// type, a case named twice, a case without a name: InputError naming the
/// file, row and column. On any error nothing is changed. `dry_run`: only
/// says what would be done.
CaseSheetResult import_case_sheet(Project& p, const CaseSheet& sheet, bool update,
                                  bool dry_run = false);

/// The project's cases as a sheet: a column per attribute (in order), a row
/// per case (by name), a description column only when some case has one.
CaseSheet case_sheet_of(const Project& p);

} // namespace quire
