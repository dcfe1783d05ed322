// docs/cli.md must document every command `quire --help` lists and, in that
// command's own section, every long option its `--help` lists. Runs the
// real binary, so a new command or option without documentation fails here.
#define BOOST_TEST_MODULE cli_docs_tests
#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "support/test_support.h"

using quire::test::read_file;
using quire::test::run_quire;

namespace {

/// What one `--help` says: the long options and the subcommands.
struct Help {
  std::set<std::string> options;
  std::vector<std::string> subcommands;
};

/// Parses CLI11's help: lines of the "Options:" section that start with
/// "  -" give options (every --name on them), lines of "Subcommands:" give
/// a name each. Sections end at an empty line.
Help parse_help(const std::string& text) {
  Help h;
  std::istringstream in(text);
  std::string line, section;
  static const std::regex long_opt(R"(--[a-z][a-z0-9-]*)");
  while (std::getline(in, line)) {
    if (line.empty()) {
      section.clear();
    } else if (line.back() == ':' && line[0] != ' ') {
      section = line;
    } else if (section == "Options:" && line.rfind("  -", 0) == 0) {
      for (std::sregex_iterator it(line.begin(), line.end(), long_opt), end; it != end; ++it) {
        h.options.insert(it->str());
      }
    } else if (section == "Subcommands:" && line.size() > 2 && line[2] != ' ') {
      h.subcommands.push_back(line.substr(2, line.find(' ', 2) - 2));
    }
  }
  return h;
}

Help help_of(const std::vector<std::string>& command) {
  auto args = command;
  args.push_back("--help");
  auto r = run_quire(args);
  BOOST_TEST_REQUIRE(r.status == 0,
                     "quire " << args.back() << " exited " << r.status << ": " << r.err);
  return parse_help(r.out);
}

std::string joined(const std::vector<std::string>& cmd) {
  std::string s = "quire";
  for (const auto& c : cmd) {
    s += " " + c;
  }
  return s;
}

/// Every command path (["cases", "list"], ...) with its help, walking groups.
std::map<std::string, Help> all_commands() {
  std::map<std::string, Help> out;
  std::vector<std::vector<std::string>> todo;
  for (const auto& s : help_of({}).subcommands) {
    todo.push_back({s});
  }
  while (!todo.empty()) {
    auto cmd = todo.back();
    todo.pop_back();
    auto h = help_of(cmd);
    for (const auto& s : h.subcommands) {
      auto sub = cmd;
      sub.push_back(s);
      todo.push_back(sub);
    }
    out[joined(cmd)] = h;
  }
  return out;
}

/// The section of the doc a heading "`quire CMD`" opens, up to the next heading.
std::string section_of(const std::string& doc, const std::string& cmd) {
  std::istringstream in(doc);
  std::string line, out;
  bool inside = false;
  while (std::getline(in, line)) {
    if (line.rfind("#", 0) == 0) {
      if (inside) {
        break;
      }
      inside = line.find("`" + cmd + "`") != std::string::npos;
    }
    if (inside) {
      out += line + '\n';
    }
  }
  return out;
}

/// Options documented once for every command, in "Options every command shares".
const std::set<std::string> shared_options = {"--help", "--version", "--coder", "--read-only"};

const std::string& doc() {
  static const std::string d =
      read_file(std::filesystem::path(QUIRE_SOURCE_DIR) / "docs" / "cli.md");
  return d;
}

} // namespace

BOOST_AUTO_TEST_CASE(help_is_parsed_into_commands_and_options) {
  // The parser must see what is there, or the checks below pass on nothing.
  auto top = help_of({});
  BOOST_TEST(top.options.count("--help"));
  BOOST_TEST(top.options.count("--version"));
  BOOST_TEST(top.subcommands.size() >= 25u);
  auto matrix = help_of({"matrix"});
  for (const char* o : {"--rows", "--cols", "--cell", "--pct", "--no-rollup", "--where", "--doc",
                        "--by", "--json"}) {
    BOOST_TEST(matrix.options.count(o), "matrix --help lists " << o);
  }
  auto import = help_of({"import"});
  BOOST_TEST(import.options.count("--again"));
  BOOST_TEST(import.options.count("--replace"));
  BOOST_TEST(!import.options.count("--sheet,"));
  auto cases = help_of({"cases"});
  BOOST_TEST(cases.subcommands.size() >= 5u);
  BOOST_TEST(std::count(cases.subcommands.begin(), cases.subcommands.end(), "list") == 1);
}

BOOST_AUTO_TEST_CASE(section_of_a_command_is_its_own) {
  const std::string d = "# T\n## `quire code`\ncode text --memo\n## `quire codes`\n--force\n"
                        "### `quire codes list`\n--json\n";
  BOOST_TEST(section_of(d, "quire code") == "## `quire code`\ncode text --memo\n");
  BOOST_TEST(section_of(d, "quire codes list") == "### `quire codes list`\n--json\n");
  BOOST_TEST(section_of(d, "quire nothing").empty());
}

BOOST_AUTO_TEST_CASE(every_command_has_a_section_in_the_reference) {
  auto commands = all_commands();
  BOOST_TEST(commands.size() >= 50u); // groups and their subcommands
  for (const auto& [cmd, help] : commands) {
    BOOST_TEST(!section_of(doc(), cmd).empty(),
               "docs/cli.md has no heading `" << cmd << "`: add a section for it");
  }
}

BOOST_AUTO_TEST_CASE(every_long_option_is_in_its_commands_section) {
  for (const auto& [cmd, help] : all_commands()) {
    auto section = section_of(doc(), cmd);
    for (const auto& opt : help.options) {
      if (shared_options.count(opt)) {
        continue;
      }
      // Whole option names only: --show must not be found inside --show-all.
      std::regex word(opt + "(?![a-z0-9-])");
      BOOST_TEST(std::regex_search(section, word),
                 "docs/cli.md: the section of `" << cmd << "` does not mention " << opt);
    }
  }
}

BOOST_AUTO_TEST_CASE(shared_options_and_exit_codes_are_documented) {
  for (const auto& opt : shared_options) {
    BOOST_TEST(doc().find("`" + opt) != std::string::npos, "docs/cli.md does not mention " << opt);
  }
  for (const char* s : {"quire: error:", "quire: usage error:"}) {
    BOOST_TEST(doc().find(s) != std::string::npos);
  }
  // And they are what the binary does.
  BOOST_TEST(run_quire({"no-such-command"}).status == 2);
  BOOST_TEST(run_quire({"info", "/nonexistent/x.quire"}).status == 1);
  BOOST_TEST(run_quire({"--version"}).status == 0);
}
