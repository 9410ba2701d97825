#pragma once
// What shell completion knows of tosdiff's command line: the commands, their options, and
// what each value and argument is (a directory, a file, a platform or document id, one of
// a fixed set...). Read from the CLI11 definitions of the command table (command_table.hpp),
// so completion offers exactly what is parsed; rendered for a shell by completion_script.hpp.

#include <map>
#include <string>
#include <vector>

namespace CLI {
class App;
class Option;
}  // namespace CLI

namespace tosdiff {

// What a value (of an option, or a positional argument) is, for completion.
enum class ValueKind {
  none,       // a flag: no value
  text,       // free text (a number, a URL, a date): nothing to offer
  file,       // a path to a file (or a directory)
  directory,  // a path to a directory
  target,     // PLATFORM or PLATFORM/DOCUMENT: ids and aliases, from the catalog and the archive
  document,   // PLATFORM/DOCUMENT only
  command,    // one of tosdiff's commands
  choice,     // one of `choices`
};

struct CompletedOption {
  std::vector<std::string> names;  // "-q", "--quiet"
  std::string help;
  ValueKind value = ValueKind::none;
  std::vector<std::string> choices;  // for ValueKind::choice
};

struct CompletedCommand {
  std::string name, help;
  std::vector<CompletedOption> options;
  ValueKind argument = ValueKind::none;  // its positional argument(s)
  std::vector<std::string> argument_choices;
  bool many_arguments = false;  // check a b c; show takes one
};

struct CompletionModel {
  std::vector<std::string> value_options;  // global options that take a value (they come before the command)
  std::vector<CompletedOption> global;
  std::vector<CompletedCommand> commands;  // hidden commands left out
};

// The model of `top` (tosdiff's CLI11 app, every command defined on it). `choices` gives the
// fixed values of the options that have some (command_table.hpp's Parsed::choices).
CompletionModel completion_model(const CLI::App& top,
                                 const std::map<const CLI::Option*, std::vector<std::string>>& choices);

}  // namespace tosdiff
