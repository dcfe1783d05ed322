#pragma once
// "Code all hits…": which code, and what to code around each hit (the words,
// their sentence or the whole passage). It counts first (a dry run of core's
// autocode) and shows how many ranges the OK button will code.
#include <optional>
#include <string>
#include <vector>

#include <wx/dialog.h>

#include "quire/search/search_index.h"

class wxChoice;
class wxRadioBox;
class wxStaticText;

namespace quire::gui {

class AutocodeDialog : public wxDialog {
public:
  AutocodeDialog(wxWindow* parent, Project& p, const SearchIndex& index, std::string query,
                 const std::vector<Code>& codes, std::optional<Id> preselect);

  std::optional<Id> code() const;
  AutocodeUnit unit() const;
  /// Counts again for the chosen code and unit (after a change of either).
  void recount();
  /// The last count: what OK will code.
  const AutocodeResult& counted() const { return m_counted; }

  wxChoice& code_choice() { return *m_code; }
  wxRadioBox& unit_box() { return *m_unit; }
  wxString count_text() const;

private:
  Project& m_p;
  const SearchIndex& m_index;
  std::string m_query;
  std::vector<Id> m_ids;
  AutocodeResult m_counted;
  wxChoice* m_code = nullptr;
  wxRadioBox* m_unit = nullptr;
  wxStaticText* m_count = nullptr;
};

} // namespace quire::gui
