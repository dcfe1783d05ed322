#pragma once
// What the Cases page's grid shows, read through core (cases.h,
// case_edits.h): every case as a row with its attribute values and what is
// linked to it, filtered by typed text and sorted by a column. Reading and
// ordering only: edits go through core's operations, and the page reloads
// this on the change they cause.
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "quire/base/types.h"
#include "quire/model/case_edits.h"
#include "quire/store/project.h"

namespace quire::gui {

class CasesModel {
public:
  /// What a column shows: the case's name, an attribute, or its links.
  enum class ColumnKind { Name, Attribute, Links };
  struct Row {
    Case c;
    std::vector<Value> values; ///< one per attribute, in attributes() order
    CaseLinks links;
    std::string folded; ///< name and values case-folded, for the filter
  };
  /// Shown in a cell whose value is missing (no value, unlike empty text).
  static constexpr const char* missing_mark = "\xe2\x80\x94"; // "—"

  /// Reads every case, attribute, value and link (filter and sort are kept).
  void load(const Project& p);
  void clear();
  /// Re-reads one case's name and values (after an edit of it), keeping the
  /// rows where they are; false when the case is not loaded.
  bool refresh_case(const Project& p, Id case_id);

  const std::vector<Attribute>& attributes() const { return m_attributes; }
  std::size_t column_count() const { return m_attributes.size() + 2; }
  ColumnKind kind(std::size_t column) const;
  /// The attribute of a column, or nullptr for the name and links columns.
  const Attribute* attribute(std::size_t column) const;
  /// The column of an attribute, if shown.
  std::optional<std::size_t> column_of(Id attribute) const;
  /// "Case", "Age (number)", "Linked".
  std::string column_label(std::size_t column) const;

  std::size_t case_count() const { return m_all.size(); }
  /// Rows shown, after filtering and sorting.
  std::size_t row_count() const { return m_rows.size(); }
  const Row& row(std::size_t r) const { return m_all[m_rows.at(r)]; }
  std::optional<std::size_t> row_of(Id case_id) const;
  /// The text of a cell (missing_mark for a missing value).
  std::string cell(std::size_t r, std::size_t column) const;
  /// The text an editor starts with: the value, "" when missing.
  std::string edit_text(std::size_t r, std::size_t column) const;
  bool missing(std::size_t r, std::size_t column) const;

  /// Shows only cases whose name or a value contains text (any case).
  void set_filter(const std::string& text);
  const std::string& filter() const { return m_filter; }
  /// Sorts by a column (natural order for text, numbers and dates as such,
  /// missing values last); nullopt: by name.
  void sort(std::optional<std::size_t> column, bool ascending);
  std::optional<std::size_t> sort_column() const { return m_sort_column; }
  bool sort_ascending() const { return m_ascending; }

private:
  void apply();
  Row read_row(const Case& c, const std::map<std::string, Value>& values,
               const CaseLinks& links) const;
  std::vector<Attribute> m_attributes;
  std::vector<Row> m_all;
  std::vector<std::size_t> m_rows; ///< indexes into m_all, shown, in order
  std::string m_filter, m_folded_filter;
  std::optional<std::size_t> m_sort_column;
  bool m_ascending = true;
};

} // namespace quire::gui
