#pragma once
// Preferences: the coder name new codings carry, the project's search
// language, and the text font size. Stored with wxConfig, except the
// language, which is a setting of the project (search reads it there).
#include <string>

#include <wx/dialog.h>

class wxChoice;
class wxSpinCtrl;
class wxTextCtrl;

namespace quire::gui {

class MainFrame;

struct Preferences {
  std::string coder; ///< "" = core's default ($QUIRE_CODER, project setting, $USER)
  int font_size = 11;
};

/// The preferences stored for this user.
Preferences load_preferences();
void save_preferences(const Preferences& p);
/// Applies preferences to the frame's session and views.
void apply_preferences(MainFrame& f, const Preferences& p);
/// Shows the dialog, then stores and applies what the user chose.
void edit_preferences(MainFrame& f);

/// The languages search can stem (Xapian's stemmer names), "none" first.
const std::vector<std::string>& search_languages();

class PreferencesDialog : public wxDialog {
public:
  PreferencesDialog(wxWindow* parent, const Preferences& p, const std::string& language,
                    bool has_project);
  Preferences preferences() const;
  std::string language() const;
  wxTextCtrl& coder() { return *m_coder; }
  wxChoice& language_choice() { return *m_language; }
  wxSpinCtrl& font_size() { return *m_font; }

private:
  wxTextCtrl* m_coder = nullptr;
  wxChoice* m_language = nullptr;
  wxSpinCtrl* m_font = nullptr;
};

} // namespace quire::gui
