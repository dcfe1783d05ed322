#pragma once
// The import wizard's preview, shown before one survey or transcript is
// imported. A survey: a grid of its columns, each with a role drop-down (ID,
// open-ended, attribute, skip) filled with the importer's guesses, its type,
// counts, an example and why it was guessed. A transcript: the speakers found
// and the first turns with their times.
#include <string>

#include <wx/dialog.h>

#include "importers/importer.h"

class wxGrid;

namespace quire::gui {

class ImportPreview : public wxDialog {
public:
  ImportPreview(wxWindow* parent, const ImportData& data);

  /// True when a file read as data is worth a preview (a survey's columns or
  /// a transcript's speakers).
  static bool wanted(const ImportData& data);

  /// The role of survey column i: "id", "text", "attribute" or "skip".
  std::string role(std::size_t column) const;
  /// Sets it as the drop-down does.
  void set_role(std::size_t column, const std::string& role);
  /// Puts the roles into the settings the importer reads the file with,
  /// unless they are the importer's own guess (then settings stay as they
  /// were). Throws InputError unless exactly one column is the ID.
  void apply(ImportSettings& settings) const;

  /// The columns (survey) or the turns (transcript).
  wxGrid& grid() { return *m_grid; }

private:
  void survey_grid(const ImportData& data);
  void transcript_grid(const ImportData& data);
  const ImportData& m_data;
  wxGrid* m_grid = nullptr;
};

} // namespace quire::gui
