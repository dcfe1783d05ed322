#pragma once
// The import wizard's preview, shown before one survey or transcript is
// imported. A survey: a grid of its columns, each with a role drop-down (ID,
// open-ended, attribute, skip) filled with the importer's guesses, its type,
// counts, an example and why it was guessed. A transcript: the speakers found
// and the first turns with their times. Under it, the import options the CLI
// has, with its defaults: speaker cases and coding speakers (transcripts),
// joining subtitle cues, the sheet of a workbook, missing-value markers,
// cases only (surveys), and replacing an earlier import of the file.
#include <string>

#include <wx/dialog.h>

#include "importers/importer.h"
#include "quire/model/documents.h"

class wxCheckBox;
class wxGrid;
class wxTextCtrl;

namespace quire::gui {

class ImportPreview : public wxDialog {
public:
  /// settings: what the file was read with (the options start from them).
  ImportPreview(wxWindow* parent, const ImportData& data, const ImportSettings& settings = {});

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

  /// Puts the options chosen into the settings (read with) and the options
  /// (stored with). Throws InputError for a bad missing-value list.
  void apply_options(ImportSettings& settings, ImportOptions& options) const;

  /// The columns (survey) or the turns (transcript).
  wxGrid& grid() { return *m_grid; }
  /// The options' widgets (nullptr when the file has no such option).
  wxCheckBox* speaker_cases() { return m_speaker_cases; }
  wxCheckBox* code_speakers() { return m_code_speakers; }
  wxCheckBox* join_cues() { return m_join_cues; }
  wxCheckBox* cases_only() { return m_cases_only; }
  wxCheckBox* replace() { return m_replace; }
  wxTextCtrl* sheet() { return m_sheet; }
  wxTextCtrl* missing() { return m_missing; }

private:
  void survey_grid(const ImportData& data);
  void transcript_grid(const ImportData& data);
  void add_options(wxSizer* sizer, const ImportSettings& settings);
  const ImportData& m_data;
  wxGrid* m_grid = nullptr;
  wxCheckBox* m_speaker_cases = nullptr;
  wxCheckBox* m_code_speakers = nullptr;
  wxCheckBox* m_join_cues = nullptr;
  wxCheckBox* m_cases_only = nullptr;
  wxCheckBox* m_replace = nullptr;
  wxTextCtrl* m_sheet = nullptr;
  wxTextCtrl* m_missing = nullptr;
};

} // namespace quire::gui
