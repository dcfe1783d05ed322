#include "command.h"

#include <stdexcept>

#include <wx/button.h>
#include <wx/menu.h>
#include <wx/msgdlg.h>
#include <wx/toolbar.h>
#include <wx/window.h>

#include "hints.h"
#include "quire/base/error.h"
#include "wx_text.h"

namespace quire::gui {

namespace {
constexpr int first_id = wxID_HIGHEST + 1000;
}

bool guarded(const std::function<void()>& f, const std::function<void(const wxString&)>& report) {
  try {
    f();
    return true;
  } catch (const Cancelled&) {
    return false; // not an error: the user stopped it and nothing changed
  } catch (const Error& e) {
    report(wx(error_words(e))); // the message and the app's words for its hint
  } catch (const std::exception& e) {
    report(wxString::Format("Unexpected error: %s", wx(e.what())));
  } catch (...) {
    report("Unexpected error. Your work up to the last action is saved.");
  }
  return false;
}

bool ask_delete(wxWindow* parent, const wxString& question, const wxString& title) {
  wxMessageDialog ask(parent, question, title, wxYES_NO | wxNO_DEFAULT | wxICON_WARNING);
  ask.SetYesNoLabels("Delete", "Keep");
  return ask.ShowModal() == wxID_YES;
}

CommandRegistry::CommandRegistry(std::function<void(const wxString&)> report)
    : m_report(std::move(report)) {}

Command& CommandRegistry::add(Command c) {
  if (m_by_name.count(c.name)) {
    throw std::logic_error("command defined twice: " + c.name);
  }
  c.id = first_id + static_cast<int>(m_commands.size());
  m_by_name.emplace(c.name, m_commands.size());
  m_commands.push_back(std::move(c));
  return m_commands.back();
}

const Command& CommandRegistry::get(const std::string& name) const {
  auto it = m_by_name.find(name);
  if (it == m_by_name.end()) {
    throw std::logic_error("no command is registered as \"" + name + "\"");
  }
  return m_commands[it->second];
}

std::vector<std::string> CommandRegistry::present(const std::vector<std::string>& names) const {
  for (const auto& n : names) {
    if (n != "-" && !has(n)) {
      throw std::logic_error("a menu names the command \"" + n +
                             "\", which no commands_*.cpp registers");
    }
  }
  return names;
}

bool CommandRegistry::enabled(const std::string& name) const {
  const auto& c = get(name);
  if (suspended()) {
    return false;
  }
  bool on = true;
  guarded([&] { on = !c.enabled || c.enabled(); }, [&](const wxString&) { on = false; });
  return on;
}

wxString CommandRegistry::label(const std::string& name) const {
  const auto& c = get(name);
  wxString text;
  if (c.dynamic_label && !suspended()) {
    guarded([&] { text = c.dynamic_label(); }, [](const wxString&) {});
  }
  return text.empty() ? c.label : text;
}

bool CommandRegistry::invoke(const std::string& name) {
  const auto& c = get(name);
  if (!enabled(name)) {
    return false;
  }
  return guarded(c.run, m_report);
}

std::vector<const Command*> CommandRegistry::all() const {
  std::vector<const Command*> out;
  for (const auto& c : m_commands) {
    out.push_back(&c);
  }
  return out;
}

wxMenu* CommandRegistry::make_menu(const std::vector<std::string>& names) const {
  present(names); // before anything is made: an unknown name leaks no menu
  auto* menu = new wxMenu;
  append(menu, names);
  return menu;
}

void CommandRegistry::append(wxMenu* menu, const std::vector<std::string>& names) const {
  for (const auto& n : present(names)) {
    if (n == "-") {
      menu->AppendSeparator();
      continue;
    }
    const auto& c = get(n);
    wxString text = label(n);
    if (!c.shortcut.empty()) {
      text += "\t" + c.shortcut;
    }
    if (c.checked) {
      menu->AppendCheckItem(c.id, text, c.help);
    } else {
      menu->Append(c.id, text, c.help);
    }
  }
}

void CommandRegistry::fill_toolbar(wxToolBar* bar, const std::vector<std::string>& names) const {
  for (const auto& n : present(names)) {
    if (n == "-") {
      bar->AddSeparator();
      continue;
    }
    const auto& c = get(n);
    wxString tip = c.label;
    tip.Replace("&", "");
    tip.Replace(L"…", "");
    if (!c.shortcut.empty()) {
      tip += " (" + c.shortcut + ")";
    }
    bar->AddTool(c.id, tip, wxArtProvider::GetBitmap(c.art, wxART_TOOLBAR), tip);
  }
  bar->Realize();
}

void CommandRegistry::attach(wxWindow* window) {
  int last = first_id + static_cast<int>(m_commands.size()) - 1;
  window->Bind(
      wxEVT_MENU,
      [this](wxCommandEvent& e) {
        std::size_t i = static_cast<std::size_t>(e.GetId() - first_id);
        invoke(m_commands.at(i).name);
      },
      first_id, last);
  window->Bind(wxEVT_UPDATE_UI, &CommandRegistry::on_update, this, first_id, last);
}

void CommandRegistry::on_update(wxUpdateUIEvent& e) {
  const auto& c = m_commands.at(static_cast<std::size_t>(e.GetId() - first_id));
  e.Enable(enabled(c.name));
  if (c.checked && !suspended()) {
    bool on = false;
    guarded([&] { on = c.checked(); }, [](const wxString&) {});
    e.Check(on);
  }
  if (c.dynamic_label) {
    wxString text = label(c.name);
    if (!c.shortcut.empty()) {
      text += "\t" + c.shortcut;
    }
    e.SetText(text);
  }
}

wxButton* command_button(wxWindow* parent, CommandRegistry& r, const std::string& name,
                         const wxString& label, long style) {
  wxString text = label;
  if (text.empty()) {
    text = r.get(name).label;
    text.Replace("&", "");
  }
  auto* b = new wxButton(parent, wxID_ANY, text, wxDefaultPosition, wxDefaultSize, style,
                         wxDefaultValidator, wxString::FromUTF8(name));
  b->Bind(wxEVT_BUTTON, [&r, name](wxCommandEvent&) { r.invoke(name); });
  b->Bind(wxEVT_UPDATE_UI, [&r, name](wxUpdateUIEvent& e) { e.Enable(r.enabled(name)); });
  return b;
}

} // namespace quire::gui
