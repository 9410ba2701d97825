#include "tosdiff/app/cli.hpp"

#include <algorithm>
#include <iostream>
#include <optional>
#include <unistd.h>

#include <CLI/CLI.hpp>

#include "tosdiff/app/command_table.hpp"
#include "tosdiff/app/commands.hpp"
#include "tosdiff/app/exit_codes.hpp"
#include "tosdiff/app/help_text.hpp"
#include "tosdiff/util/did_you_mean.hpp"
#include "tosdiff/util/strings.hpp"
#include "tosdiff/util/terminal_text.hpp"

namespace tosdiff {
namespace {

// Global options that take a value: the word after one of them is its value, not the command.
bool takes_value(const std::string& global_option) {
  return global_option == "--data-dir" || global_option == "--catalog" || global_option == "--rules" ||
         global_option == "--config" || global_option == "--color";
}

// Where the command is in `args`: the first word that is neither an option nor the value of
// a global option.
std::optional<std::size_t> command_position(const std::vector<std::string>& args) {
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--") return std::nullopt;
    if (args[i].size() > 1 && args[i][0] == '-') {
      if (takes_value(args[i])) ++i;
      continue;
    }
    return i;
  }
  return std::nullopt;
}

// The commands' names; the hidden ones are known but never suggested.
std::vector<std::string> command_names(bool with_hidden) {
  std::vector<std::string> names;
  for (const Command& c : commands())
    if (with_hidden || !c.hidden) names.emplace_back(c.name);
  names.emplace_back(kHelpCommand);
  return names;
}

std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
  auto near = closest(word, candidates);
  return near ? " (did you mean `" + *near + "`?)" : "";
}

// `help X ...` -> `X --help`; `help` -> `--help`; `help help` and `help --help` stay as they
// are (help's own help).
void rewrite_help_command(std::vector<std::string>& args) {
  const auto at = command_position(args);
  if (!at || args[*at] != kHelpCommand) return;
  std::vector<std::string> rest(args.begin() + static_cast<std::ptrdiff_t>(*at) + 1, args.end());
  const auto topic = command_position(rest);
  const bool asks_help = std::find(rest.begin(), rest.end(), "--help") != rest.end() ||
                         std::find(rest.begin(), rest.end(), "-h") != rest.end();
  if ((!topic && asks_help) || (topic && rest[*topic] == kHelpCommand)) {
    args.resize(*at);
    args.insert(args.end(), {kHelpCommand, "--help"});
    return;
  }
  args.resize(*at);
  if (topic) args.push_back(rest[*topic]);
  args.emplace_back("--help");
}

int usage_error(const std::string& message, const std::string& see = "") {
  std::cerr << "tosdiff: error: " << message << "\n";
  if (!see.empty()) std::cerr << "tosdiff: see `" << see << "`\n";
  return exit_code::usage;
}

std::string help_command_for(const CLI::App* command) {
  return command ? std::string("tosdiff help ") + command->get_name() : "tosdiff help";
}

// Every name of every option `command` (or tosdiff itself) takes, for suggestions.
std::vector<std::string> option_names(const CLI::App& top, const CLI::App* command) {
  std::vector<std::string> names;
  for (const CLI::App* app : {&top, command}) {
    if (!app) continue;
    for (const CLI::Option* o : app->get_options()) {
      for (const auto& l : o->get_lnames()) names.push_back("--" + l);
      for (const auto& s : o->get_snames()) names.push_back("-" + s);
    }
  }
  return names;
}

std::string lower_first(std::string text) {
  if (!text.empty() && text[0] >= 'A' && text[0] <= 'Z' && (text.size() < 2 || !(text[1] >= 'A' && text[1] <= 'Z')))
    text[0] = static_cast<char>(text[0] - 'A' + 'a');
  return text;
}

// CLI11's messages, said in tosdiff's words where they are about something tosdiff knows.
std::string parse_error_message(const CLI::ParseError& e, const CLI::App& top, const CLI::App* command) {
  const std::string what = e.what();
  const std::string name = what.substr(0, what.find(':'));
  const CLI::App& app = command ? *command : top;
  if (e.get_name() == "RequiredError") {
    const std::string missing = what.substr(0, what.find(" is required"));
    for (const CLI::Option* o : app.get_options())
      if (o->get_positional() && o->get_name(true, false) == missing)
        return "missing " + placeholder(*o) + " (usage: " + usage_line(app) + ")";
  }
  if (e.get_name() == "ArgumentMismatch" && what.find(" missing") != std::string::npos) {
    const CLI::Option* o = app.get_option_no_throw(name);
    if (!o) o = top.get_option_no_throw(name);
    if (o) return "option " + name + " needs a value (" + placeholder(*o) + ")";
  }
  if (e.get_name() == "ExcludesError") return "-q (--quiet) and -v (--verbose) cannot be combined";
  return lower_first(what);
}

}  // namespace

int run_cli(int argc, char** argv, const OutputStreams& streams) {
  std::vector<std::string> args(argv + 1, argv + argc);
  rewrite_help_command(args);

  Parsed parsed;
  CLI::App app{"tosdiff: tracks changes to terms of service and privacy policies", "tosdiff"};
  const auto subcommands = define_command_line(app, parsed);

  // An unknown command, said as such; unless the word follows an unknown option, whose value
  // it may be (`--data-dri DIR check`): that option is then the mistake, reported below.
  const std::vector<std::string> names = command_names(true);
  if (const auto at = command_position(args); at && std::find(names.begin(), names.end(), args[*at]) == names.end()) {
    const std::string before = *at > 0 ? args[*at - 1].substr(0, args[*at - 1].find('=')) : "";
    const auto known = option_names(app, nullptr);
    if (before.empty() || before[0] != '-' || std::find(known.begin(), known.end(), before) != known.end()) {
      const std::string near = did_you_mean(args[*at], command_names(false));
      return usage_error("unknown command '" + args[*at] + "'" + near, near.empty() ? "tosdiff help" : "");
    }
  }

  auto selected = [&]() -> CLI::App* {
    for (const auto& [sub, command] : subcommands)
      if (sub->parsed()) return sub;
    return nullptr;
  };
  try {
    std::vector<std::string> reversed(args.rbegin(), args.rend());  // CLI11 takes them last first
    app.parse(reversed);
  } catch (const CLI::CallForHelp&) {
    std::cout << app.help();
    return exit_code::ok;
  } catch (const CLI::CallForAllHelp&) {
    std::cout << app.help();
    return exit_code::ok;
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    // CLI11 would exit with its own codes (100+) for parse errors: the contract says 2.
    return usage_error(parse_error_message(e, app, selected()), help_command_for(selected()));
  }
  CLI::App* const command = selected();
  for (const std::string& extra : app.remaining(true)) {
    if (extra.size() > 1 && extra[0] == '-') {
      const std::string name = extra.substr(0, extra.find('='));
      const std::string near = did_you_mean(name, option_names(app, command));
      return usage_error("unknown option '" + name + "'" + (command ? std::string(" for `") + command->get_name() + "`" : "") + near,
                         near.empty() ? help_command_for(command) : "");
    }
  }
  if (!app.remaining(true).empty())
    return usage_error("unexpected argument '" + app.remaining(true).front() + "'" +
                           (command ? " (usage: " + usage_line(*command) + ")" : ""),
                       help_command_for(command));
  if (!command) {
    // A bare `tosdiff` (or global options alone): what can be done, on stderr.
    std::cerr << brief_usage(app);
    return exit_code::usage;
  }

  parsed.global.verbosity = parsed.quiet ? -1 : parsed.verbose ? 1 : 0;
  // JSON goes out exact: its consumers are programs, and its escaping covers C0 controls.
  // So does an Atom feed (its XML escaping replaces the characters XML forbids), and a raw
  // page going to a file or a pipe: byte for byte is what it is for (on a terminal it is
  // sanitized like any text).
  const bool json = parsed.check.json || parsed.list.json || parsed.history_json || parsed.diff.json ||
                    parsed.diff.format == "json" || parsed.verify_json || parsed.accept_json ||
                    parsed.digest.format == "json" || parsed.digest.format == "atom" ||
                    (parsed.show.raw && ::isatty(STDOUT_FILENO) != 1);
  if (streams.stdout_filter) streams.stdout_filter->set_exact(json);

  Context context(parsed.global, std::cout, std::cerr, streams.terminal_err ? *streams.terminal_err : std::cerr);
  for (const auto& [sub, entry] : subcommands)
    if (sub == command) return entry->run(context, parsed);
  throw UsageError("no command given (try `tosdiff help`)");
}

}  // namespace tosdiff
