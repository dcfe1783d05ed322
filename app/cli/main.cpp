// `quire`: the command-line front end. Parses, dispatches, and turns errors
// into messages and exit codes: 0 ok, 1 user error, 2 usage error.
#include <cstdio>
#include <cstring>
#include <iostream>

#include "commands.h"
#include "common.h"
#include "hints.h"
#include "quire/base/error.h"
#include "quire/store/safety_copies.h"
#include "quire_version.h"

// Only CLI11's set-up can throw outside the try below, and only on a programming error (a
// duplicate option name) that every test run meets first.
int main(int argc, char** argv) { // NOLINT(bugprone-exception-escape)
  // `quire --version` is answered before the command tree is built (start-up
  // time, issue 18.5); CLI11 answers it the same way below.
  if (argc == 2 && std::strcmp(argv[1], "--version") == 0) {
    std::fputs("quire " QUIRE_VERSION_STRING "\n", stdout);
    return 0;
  }
  CLI::App app{"Quire: qualitative data analysis from the command line.\n"
               "Import interviews and surveys, code passages with themes, search and export.\n"
               "Run 'quire COMMAND --help' for a command's options.",
               "quire"}; // named, not argv[0]: the help (and man page) says "quire"
  app.set_version_flag("--version", "quire " QUIRE_VERSION_STRING);
  app.require_subcommand(1);
  app.fallthrough();
  for (auto add : quire::cli::command_groups()) {
    add(app);
  }
  // A problem with the search index (the data is safe) is told once, after
  // the command's own output or error.
  struct TellIndexProblem {
    std::string said; ///< the error already printed (not repeated as a warning)
    ~TellIndexProblem() {
      try {
        quire::cli::tell_index_problem(said);
      } catch (...) {
      }
    }
  } tell_index_problem;
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "quire: usage error: " << e.what() << "\n(run 'quire --help')\n";
    return 2;
  } catch (const quire::Cancelled&) {
    std::cerr << "quire: cancelled; nothing was changed\n";
    return 1;
  } catch (const quire::SafetyCopyError& e) {
    std::cerr
        << "quire: error: " << e.what()
        << "\n(to go on without a safety copy, run it again with QUIRE_SAFETY_COPY=optional)\n";
    return 1;
  } catch (const quire::StorageError& e) {
    std::cerr << "quire: error: " << quire::cli::error_words(e) << '\n';
    tell_index_problem.said = e.what();
    return 1;
  } catch (const quire::Error& e) {
    std::cerr << "quire: error: " << quire::cli::error_words(e) << '\n';
    tell_index_problem.said = e.what();
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "quire: error: " << e.what() << '\n';
    tell_index_problem.said = e.what();
    return 1;
  } catch (...) {
    std::cerr << "quire: error: an unexpected error happened; the project is as it was after "
                 "the last command that succeeded\n";
    return 1;
  }
  return 0;
}
