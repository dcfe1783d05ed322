#pragma once
// What the Analysis page was showing for a project (its kind of table, rows,
// columns, cell, coder and "Cases where"), kept per project in the app's
// preferences (wxConfig), keyed by the project's path: they are a view's
// choices, not the project's data, so choosing them is no undoable step and
// writes nothing into the project file. Opening another project shows that
// project's own choices, or the defaults.
#include <filesystem>
#include <string>

namespace quire::gui {

struct AnalysisSettings {
  int kind = 0;        ///< AnalysisKind
  std::string rows;    ///< a code's path ("": every code)
  std::string columns; ///< "attr:NAME", "cases", "documents" or "codes" ("": the default)
  int cell = 0;        ///< 0 cases, 1 codings, 2 words
  std::string coder;   ///< "": every coder
  std::string where;   ///< the "Cases where" text
};

/// The settings last saved for the project at path (defaults when none).
AnalysisSettings load_analysis_settings(const std::filesystem::path& project);
/// Saves them for the project at path.
void save_analysis_settings(const std::filesystem::path& project, const AnalysisSettings& s);

} // namespace quire::gui
