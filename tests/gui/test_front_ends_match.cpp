// Proof that the front ends match (issue 16.10): every command and option of
// the built `quire` (read from its --help, as a user sees them) has a row in
// docs/desktop.md's table "The command line and the app", and every row
// names commands of the app's registry that exist, or says why the app has
// none. A new CLI command or option without a counterpart or a reason fails
// here, and so does a row naming an app command that is gone.
#include <array>
#include <cstdio>
#include <fstream>
#include <map>
#include <memory>
#include <regex>
#include <set>
#include <sstream>

#include "gui_test_support.h"

using namespace quire;
using namespace quire::test;

namespace {

std::string run_cli(const std::string& args) {
  std::string cmd = std::string("'") + QUIRE_CLI_PATH + "' " + args + " --help 2>&1";
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(cmd.c_str(), "r"), pclose);
  BOOST_REQUIRE(pipe);
  std::string out;
  std::array<char, 4096> buf{};
  while (auto n = std::fread(buf.data(), 1, buf.size(), pipe.get())) {
    out.append(buf.data(), n);
  }
  return out;
}

/// One CLI command ("codes add") and its long options, each with its
/// aliases ("--color,--colour").
struct CliCommand {
  std::string name;
  std::vector<std::vector<std::string>> options;
};

/// Reads `quire [NAME] --help` and, for a command with subcommands, theirs.
void collect(const std::string& name, std::vector<CliCommand>& out) {
  std::istringstream help(run_cli(name));
  std::string line, section;
  CliCommand c{name, {}};
  std::vector<std::string> subs;
  static const std::regex heading(R"(^([A-Z][a-z]+):\s*$)");
  static const std::regex long_name(R"(--[a-zA-Z0-9][a-zA-Z0-9-]*)");
  while (std::getline(help, line)) {
    std::smatch m;
    if (std::regex_match(line, m, heading)) {
      section = m[1];
      continue;
    }
    if (line.size() < 3 || line[0] != ' ' || line[1] != ' ' || line[2] == ' ') {
      continue; // a continuation of a description, or prose
    }
    auto names = line.substr(2, line.find("  ", 2) - 2);
    if (section == "Options" && names[0] == '-') {
      std::vector<std::string> aliases;
      for (std::sregex_iterator it(names.begin(), names.end(), long_name), end; it != end; ++it) {
        aliases.push_back(it->str());
      }
      if (!aliases.empty() && aliases[0] != "--help" && aliases[0] != "--version") {
        c.options.push_back(aliases);
      }
    } else if (section == "Subcommands" && std::isalpha(static_cast<unsigned char>(names[0]))) {
      subs.push_back(names.substr(0, names.find(' ')));
    }
  }
  if (subs.empty()) {
    BOOST_REQUIRE(!name.empty());
    out.push_back(c);
  }
  for (const auto& s : subs) {
    collect(name.empty() ? s : name + " " + s, out);
  }
}

/// A row of the table: the command ("*" for every command), its options,
/// the app commands it names, and its whole second cell.
struct Row {
  std::string command;
  std::set<std::string> options;
  std::vector<std::string> app_commands;
  std::string app;
  int line = 0;
};

std::vector<Row> read_table(const std::filesystem::path& md) {
  std::ifstream in(md);
  BOOST_REQUIRE_MESSAGE(in, "cannot read " << md);
  std::vector<Row> rows;
  std::string line;
  bool inside = false;
  int n = 0;
  static const std::regex ticked("`([^`]*)`");
  while (std::getline(in, line)) {
    ++n;
    if (line.rfind("## ", 0) == 0) {
      inside = line == "## The command line and the app";
      continue;
    }
    if (!inside || line.rfind("| `quire", 0) != 0) {
      continue;
    }
    auto bar = line.find('|', 1);
    BOOST_REQUIRE_MESSAGE(bar != std::string::npos, md << ":" << n << ": a row needs two cells");
    auto first = line.substr(1, bar - 1);
    Row r;
    r.line = n;
    r.app = line.substr(bar + 1);
    std::smatch m;
    BOOST_REQUIRE(std::regex_search(first, m, ticked));
    std::istringstream words(m[1].str());
    std::string w;
    words >> w; // quire
    while (words >> w) {
      if (w.rfind("--", 0) == 0) {
        r.options.insert(w);
      } else {
        r.command += (r.command.empty() ? "" : " ") + w;
      }
    }
    for (std::sregex_iterator it(r.app.begin(), r.app.end(), ticked), end; it != end; ++it) {
      auto t = (*it)[1].str();
      if (t.find('/') != std::string::npos && t.find(' ') == std::string::npos) {
        r.app_commands.push_back(t);
      }
    }
    rows.push_back(r);
  }
  return rows;
}

std::size_t words_in(const std::string& s) {
  std::istringstream in(s);
  std::string w;
  std::size_t n = 0;
  while (in >> w) {
    n += std::isalpha(static_cast<unsigned char>(w[0])) ? 1 : 0;
  }
  return n;
}

} // namespace

BOOST_AUTO_TEST_SUITE(front_ends_match)

BOOST_AUTO_TEST_CASE(every_cli_command_and_option_has_an_app_counterpart_or_a_reason) {
  std::vector<CliCommand> cli;
  collect("", cli);
  BOOST_REQUIRE_GT(cli.size(), 30U); // the whole CLI was read, not an error message
  std::set<std::string> registry;
  {
    auto* frame = new gui::MainFrame(wxSize(800, 600));
    for (const auto* c : frame->commands().all()) {
      registry.insert(c->name);
    }
    frame->Destroy();
    pump(20);
  }
  BOOST_REQUIRE(registry.count("file/merge"));
  auto md = std::filesystem::path(QUIRE_SOURCE_DIR) / "docs" / "desktop.md";
  auto rows = read_table(md);
  BOOST_REQUIRE_GT(rows.size(), 20U);
  std::map<std::string, std::set<std::string>> documented; // command -> options
  std::set<std::string> cli_names;
  for (const auto& c : cli) {
    cli_names.insert(c.name);
  }
  for (const auto& r : rows) {
    documented[r.command].insert(r.options.begin(), r.options.end());
    BOOST_CHECK_MESSAGE(r.command == "*" || cli_names.count(r.command),
                        "desktop.md:" << r.line << ": there is no command 'quire " << r.command
                                      << "' (any more?)");
    for (const auto& a : r.app_commands) {
      BOOST_CHECK_MESSAGE(registry.count(a),
                          "desktop.md:" << r.line << ": the app has no command '" << a << "'");
    }
    BOOST_CHECK_MESSAGE(!r.app_commands.empty() || words_in(r.app) >= 4,
                        "desktop.md:" << r.line
                                      << ": name the app's command(s) in `group/verb` form, "
                                         "or say in words why the app has none");
  }
  const auto& everywhere = documented["*"];
  for (const auto& c : cli) {
    BOOST_CHECK_MESSAGE(documented.count(c.name),
                        "quire " << c.name << " has no row in docs/desktop.md's table 'The "
                                 << "command line and the app'");
    const auto& opts = documented[c.name];
    for (const auto& aliases : c.options) {
      bool found = false;
      for (const auto& a : aliases) {
        found = found || opts.count(a) || everywhere.count(a);
      }
      BOOST_CHECK_MESSAGE(found, "quire " << c.name << " " << aliases[0]
                                          << " has no app counterpart or reason in "
                                             "docs/desktop.md's table");
    }
  }
  // Every documented option is one the CLI has (no stale rows).
  for (const auto& r : rows) {
    if (r.command == "*") {
      continue;
    }
    for (const auto& o : r.options) {
      bool real = false;
      for (const auto& c : cli) {
        if (c.name == r.command) {
          for (const auto& aliases : c.options) {
            real = real || std::find(aliases.begin(), aliases.end(), o) != aliases.end();
          }
        }
      }
      BOOST_CHECK_MESSAGE(real, "desktop.md:" << r.line << ": quire " << r.command
                                              << " has no option " << o);
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()
