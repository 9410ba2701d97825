#pragma once
// tosdiff's --help pages, rendered from the CLI11 definitions (cli.cpp) so that they cannot
// drift from what is parsed. `tosdiff --help` lists the commands, the global options, the exit
// codes and the environment (the top-level app's footer); `tosdiff COMMAND --help` shows that
// command's usage line, arguments and options only. Placeholders are the options'
// option_text() ("DIR", "N", "SECONDS"...); defaults come from capture_default_str().

#include <string>

#include <CLI/CLI.hpp>

namespace tosdiff {

class HelpFormatter : public CLI::Formatter {
 public:
  std::string make_help(const CLI::App* app, std::string name, CLI::AppFormatMode mode) const override;
};

// The usage line of a command ("tosdiff show PLATFORM/DOCUMENT [OPTIONS]"), or of tosdiff.
std::string usage_line(const CLI::App& app);

// What a bare `tosdiff` prints on stderr: the usage line and the list of commands.
std::string brief_usage(const CLI::App& top);

// The option's placeholder as help shows it ("N", "PLATFORM/DOCUMENT"), "" for a flag.
std::string placeholder(const CLI::Option& option);

}  // namespace tosdiff
