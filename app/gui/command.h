#pragma once
// Named commands ("file/open", "edit/undo", "code/code-as"): label, shortcut,
// icon and handler in one place. Menus, the toolbar, context menus and the
// shortcut list are built from the names, as in Aegisub; pane buttons run
// them too (command_button), so menu, shortcut and button are one path. The
// handler is the edge where core errors become a dialog with the core's
// message. Commands are written with designated initialisers:
//   r.add({.name = "codes/new", .label = L"&New Code…", .run = ..., .enabled = is_open});
#include <functional>
#include <map>
#include <string>
#include <vector>

#include <wx/artprov.h>
#include <wx/string.h>

class wxButton;
class wxMenu;
class wxToolBar;
class wxWindow;
class wxUpdateUIEvent;

namespace quire::gui {

/// One command, written with designated initialisers (every member has a
/// default, so a command names only what it has).
struct Command {
  std::string name = {};  ///< "group/verb"
  wxString label = {};    ///< menu text with mnemonic: "&Undo"
  wxString help = {};     ///< status bar text
  wxString shortcut = {}; ///< "Ctrl+Z" (a menu accelerator) or "" for none
  wxString scope = {};    ///< where a non-menu shortcut works ("Document view"), shown in Help
  wxArtID art = {};       ///< toolbar icon, if any
  std::function<void()> run = {};
  std::function<bool()> enabled = {};           ///< default: always
  std::function<wxString()> dynamic_label = {}; ///< replaces label when it returns non-empty
  std::function<bool()> checked = {};           ///< makes it a check item
  int id = 0;                                   ///< wx id, given by the registry
};

class CommandRegistry {
public:
  /// report shows an error message to the user (a dialog in the app).
  explicit CommandRegistry(std::function<void(const wxString&)> report);

  /// Adds a command; its name must be new.
  Command& add(Command c);
  /// The command named name; throws std::logic_error naming an unknown name.
  const Command& get(const std::string& name) const;
  bool has(const std::string& name) const { return m_by_name.count(name) > 0; }
  /// Runs a command if enabled, catching errors at this edge (a dialog with
  /// the core's message; Cancelled is silent). Returns false if it failed or
  /// was disabled.
  bool invoke(const std::string& name);
  /// The label to show now (dynamic label, shortcut not included).
  wxString label(const std::string& name) const;
  bool enabled(const std::string& name) const;
  /// Every command, in the order added.
  std::vector<const Command*> all() const;

  /// names as given, after checking that each ("-" aside) is a registered
  /// command: throws std::logic_error naming the first unknown one, so a menu
  /// never loses an item silently.
  std::vector<std::string> present(const std::vector<std::string>& names) const;
  /// A menu of the named commands; "-" is a separator. Every name goes
  /// through present() here and in append and fill_toolbar.
  wxMenu* make_menu(const std::vector<std::string>& names) const;
  /// Appends the named commands to a menu ("-": separator).
  void append(wxMenu* menu, const std::vector<std::string>& names) const;
  /// Adds the named commands that have an icon to a toolbar ("-": separator).
  void fill_toolbar(wxToolBar* bar, const std::vector<std::string>& names) const;
  /// Routes menu/toolbar events of window (and its popup menus) to commands and
  /// keeps their labels, check marks and enabled state current.
  void attach(wxWindow* window);
  /// While suspended() is true (a long job runs), every command is disabled
  /// and no enabled/label callback runs (they may read the project).
  void suspend_while(std::function<bool()> suspended) { m_suspended = std::move(suspended); }

private:
  void on_update(wxUpdateUIEvent& e);
  std::function<void(const wxString&)> m_report;
  std::vector<Command> m_commands;
  std::map<std::string, std::size_t> m_by_name;
  bool suspended() const { return m_suspended && m_suspended(); }
  std::function<bool()> m_suspended;
};

/// A button of a pane that runs the registered command name when clicked
/// (through invoke: same checks and error dialog as its menu item and
/// shortcut) and is enabled when the command is. label "" takes the
/// command's label. The window name is the command name.
wxButton* command_button(wxWindow* parent, CommandRegistry& r, const std::string& name,
                         const wxString& label = {}, long style = 0);

/// Runs f, showing quire errors (and other exceptions) through report. The
/// one place that catches at a GUI edge besides CommandRegistry::invoke.
bool guarded(const std::function<void()>& f, const std::function<void(const wxString&)>& report);

/// Asks question (a warning, titled title) before a command deletes
/// something: buttons Delete and Keep, Keep the default. Returns whether
/// the answer was Delete.
bool ask_delete(wxWindow* parent, const wxString& question, const wxString& title);

} // namespace quire::gui
