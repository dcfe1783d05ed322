#pragma once
// The wxApp of quire-gui: command line, the main window, --screenshot mode,
// and the last-resort handler for exceptions that escape a command.
#include <optional>
#include <string>
#include <vector>

#include <wx/app.h>

namespace quire::gui {

class MainFrame;

/// What the command line asked for.
struct StartOptions {
  std::string project;    ///< open this project
  std::string screenshot; ///< write a PNG of the window here and exit
  int width = 1280, height = 800;
  std::string select_code; ///< select this code (path)
  std::string open_doc;    ///< show this document (name)
  std::string open_survey; ///< show this survey (its folder) in the survey grid
  std::string search;      ///< show the Search pane with this query run
  std::string analysis;    ///< show the Analysis page: theme, matrix, cooccurrence, frequencies
  std::string show;        ///< show this pane: "suggestions"
};

/// One option of quire-gui's command line: the parser and the --help text
/// (and so the man page, made from --help) are read from one table.
struct CommandLineOption {
  const char* name;  ///< long name, without "--"
  const char* value; ///< the value's name in the help, e.g. "FILE"
  const char* help;
};
const std::vector<CommandLineOption>& command_line_options();

/// `quire-gui --help`: printed by main() before wx starts, so it works
/// without a display (help2man reads it at build time).
std::string help_text();

class App : public wxApp {
public:
  bool OnInit() override;
  int OnRun() override;
  bool OnExceptionInMainLoop() override;
  void OnInitCmdLine(wxCmdLineParser& parser) override;
  bool OnCmdLineParsed(wxCmdLineParser& parser) override;

private:
  void take_screenshot();
  StartOptions m_opts;
  MainFrame* m_frame = nullptr;
  int m_exit_code = 0;
};

/// Applies --select-code, --open-doc and --open-survey to a frame with an
/// open project (without --open-doc, the document with most codings is
/// shown). Throws NotFoundError for an unknown code, document or survey.
void apply_start_options(MainFrame& frame, const StartOptions& opts);

} // namespace quire::gui
