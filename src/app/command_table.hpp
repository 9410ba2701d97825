#pragma once
// The command table: every command's name, one-line help, arguments and options (defined on
// CLI11, parsed into the plain structs of commands.hpp) and the function that runs it; and
// tosdiff's global options. cli.cpp parses with it and dispatches; `--help` (help_text.hpp)
// and the shell completions (completion_model.hpp) are rendered from the same definitions,
// so neither can drift from what is parsed.

#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include <CLI/CLI.hpp>

#include "tosdiff/app/commands.hpp"

namespace tosdiff {

// Everything the command line can say, as parsed.
struct Parsed {
  GlobalOptions global;
  bool quiet = false, verbose = false;
  CheckCommandOptions check;
  ListCommandOptions list;
  ShowCommandOptions show;
  DiffCommandOptions diff;
  std::string history_target;
  NoteCommandOptions note;
  AddCommandOptions add;
  NotifyCommandOptions notify;
  bool history_json = false;
  NormalizeCommandOptions normalize;
  std::string validate_path;
  std::string accept_target;
  bool verify_repair = false, verify_json = false;
  bool accept_json = false;
  double lock_wait_seconds = 30;  // verify and accept (check has its own in CheckCommandOptions)
  std::string min_severity;       // check --min-severity, as written
  FetchLimits check_limits;       // check's limits as parsed (the defaults shown in --help)
  double check_lock_wait = 30;
  DigestCommandOptions digest;
  std::string help_topic;         // help COMMAND (rewritten to COMMAND --help before parsing)
  std::string completion_shell;   // completions SHELL
  bool names_documents = false;   // names --documents
  CLI::App* check_app = nullptr;  // to tell which options were given (config defaults, config.hpp)
  const CLI::App* top = nullptr;  // the whole command line (completions are rendered from it)
  // The values an option (or a command's positional argument) takes when they are a fixed
  // set: what its validator accepts, and what completion offers.
  std::map<const CLI::Option*, std::vector<std::string>> choices;
};

// One command: its name and one-line help, how its arguments are parsed into Parsed, and
// the function that runs it. Every option has a placeholder (option_text) for --help and
// the completions. A hidden command is left out of --help and of suggestions: it is for
// tosdiff's own scripts (the completions ask `names` for ids).
struct Command {
  const char* name;
  const char* help;
  std::function<void(CLI::App&, Parsed&)> define;
  std::function<int(Context&, const Parsed&)> run;
  bool hidden = false;
};

const std::vector<Command>& commands();

// `tosdiff help [COMMAND]` is `tosdiff [COMMAND] --help`: it has no function of its own.
inline constexpr const char* kHelpCommand = "help";

// Defines the global options, every command and `help` on `app`, parsing into `parsed`
// (which must outlive `app`). Returns each command's subcommand.
std::vector<std::pair<CLI::App*, const Command*>> define_command_line(CLI::App& app, Parsed& parsed);

}  // namespace tosdiff
